import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerCertificate } from "@cdktf/provider-aws/lib/lb-listener-certificate";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { ARN_RULES, ArnRule, checkArn, checkArnRegion } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { AliasRecords } from "./alias-records";
import { resolveElbTlsPolicy } from "./elb-tls-policy";
import {
  checkListenerCertificateSet,
  createListenerCertificates,
  ListenerCertificateRules,
} from "./listener-certificates";
import { checkPort } from "./listener-port";
import { createLoadBalancerAliases, LoadBalancerAliasOptions } from "./load-balancer-aliases";

/** The props an ALB HTTPS listener and an NLB TLS listener share. */
export interface LoadBalancerTlsListenerProps {
  /**
   * ARN of the existing load balancer. Parsed at synth: it must be an ELB ARN of the right kind
   * (`loadbalancer/app/...` or `loadbalancer/net/...`) in the region of `provider`.
   */
  readonly loadBalancerArn: string;
  /**
   * The listener's default certificate: the one served to clients without SNI or whose name
   * matches no other certificate. A listener requires exactly one. It must be in the listener's
   * region (ACM certificates are regional).
   */
  readonly certificate: ICertificate;
  /**
   * ARN of the target group the listener forwards to (its default action). Parsed at synth: it
   * must be a target group ARN in the load balancer's partition and region.
   */
  readonly targetGroupArn: string;
  /**
   * The listener port, 1-65535.
   * @default 443
   */
  readonly port?: number;
  /**
   * The security policy. Always set explicitly: without it the API applies
   * `ELBSecurityPolicy-2016-08`, which allows TLS 1.0 and 1.1. Known policies that allow TLS 1.0
   * or 1.1 are rejected; a name outside the known list that follows an ELB family with TLS 1.2
   * or later as its minimum gets a warning (see `resolveElbTlsPolicy`).
   * @default "ELBSecurityPolicy-TLS13-1-2-2021-06"
   */
  readonly sslPolicy?: string;
  /**
   * More certificates the listener serves by SNI, by stable key. The key names the Terraform
   * resource, so renaming a key replaces that attachment while reordering does nothing. At most
   * 25 per load balancer by default (adjustable quota; a warning is emitted above it). The
   * default certificate must not appear here. Each must be in the listener's region.
   * @default none
   */
  readonly additionalCertificates?: Readonly<Record<string, ICertificate>>;
  /**
   * Host names clients will use, each once. Each must be covered by the default or an
   * additional certificate (a wildcard covers exactly one label); checked at synth.
   * @default none: coverage is not checked
   */
  readonly hostNames?: readonly string[];
  /**
   * Route 53 alias A/AAAA records from names (default: `hostNames`) to the load balancer.
   * @default none
   */
  readonly aliasRecords?: LoadBalancerAliasOptions;
  /**
   * The AWS provider for the listener and its certificates; its region must be the load
   * balancer's and the certificates' region.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/** What differs between the ALB HTTPS and the NLB TLS listener. */
export interface LoadBalancerTlsListenerKind {
  /** The listener protocol. */
  readonly protocol: "HTTPS" | "TLS";
  /** The rule `loadBalancerArn` must follow. */
  readonly loadBalancerArn: ArnRule;
  /** The certificate checks. */
  readonly certificates: ListenerCertificateRules;
  /** The ALPN policy, for TLS listeners. @default none */
  readonly alpnPolicy?: string;
  /**
   * Checks of the kind's own props, run after the shared checks and before any resource is
   * created; `port` is the listener port. @default none
   */
  readonly checkProps?: (scope: IConstruct, port: number) => void;
}

/**
 * Checks the load balancer and target group ARNs: each is an ELB ARN of the right kind, the load
 * balancer is in the region of the listener's provider, and the target group is in the load
 * balancer's partition and region (a listener forwards only within its own region). Tokens pass.
 */
export function checkListenerTarget(
  scope: IConstruct,
  props: Pick<LoadBalancerTlsListenerProps, "loadBalancerArn" | "targetGroupArn" | "provider">,
  loadBalancerRule: ArnRule,
): void {
  const region = regionOf(scope, props.provider);
  const lb = checkArn(scope, "loadBalancerArn", props.loadBalancerArn, loadBalancerRule);
  checkArnRegion(scope, "loadBalancerArn", lb, region, "the listener's provider");
  const tg = checkArn(scope, "targetGroupArn", props.targetGroupArn, ARN_RULES.targetGroup);
  if (lb) {
    checkArnRegion(scope, "targetGroupArn", tg, lb.region, "the load balancer (loadBalancerArn)");
    if (tg && tg.partition !== lb.partition) {
      throw new ValidationError(
        scope,
        `targetGroupArn is in partition ${show(tg.partition)}, but loadBalancerArn is in ${show(lb.partition)}: ${show(props.targetGroupArn)}`,
      );
    }
  } else {
    checkArnRegion(scope, "targetGroupArn", tg, region, "the listener's provider");
  }
}

/**
 * A TLS-terminating listener on an existing load balancer: the validated certificate as default,
 * an explicit TLS policy, SNI certificates keyed by name, a forward action and optional alias
 * records. The shared part of {@link AlbHttpsListener} and {@link NlbTlsListener}.
 */
export abstract class LoadBalancerTlsListener extends Construct {
  /** The `aws_lb_listener`. */
  readonly resource: LbListener;
  /** The listener's ARN. */
  readonly listenerArn: string;
  /** The security policy applied (the prop as given, a token included). */
  readonly sslPolicy: string;
  /** The SNI certificate attachments by key. */
  readonly listenerCertificates: ReadonlyMap<string, LbListenerCertificate>;
  /** The alias records, when `aliasRecords` is given. */
  readonly aliasRecords?: AliasRecords;
  /** The listener port (the prop as given, a token included). */
  protected readonly listenerPort: number;

  protected constructor(
    scope: Construct,
    id: string,
    props: LoadBalancerTlsListenerProps,
    kind: LoadBalancerTlsListenerKind,
  ) {
    super(scope, id);
    checkListenerTarget(this, props, kind.loadBalancerArn);
    this.listenerPort = props.port ?? 443;
    checkPort(this, "port", this.listenerPort);
    this.sslPolicy = resolveElbTlsPolicy(this, "sslPolicy", props.sslPolicy);
    kind.checkProps?.(this, this.listenerPort);
    const { additional, allCertificates, hostNames } = checkListenerCertificateSet(
      this,
      props,
      kind.certificates,
    );

    this.resource = new LbListener(this, "Listener", {
      provider: props.provider,
      loadBalancerArn: props.loadBalancerArn,
      port: this.listenerPort,
      protocol: kind.protocol,
      certificateArn: props.certificate.certificateArn,
      sslPolicy: this.sslPolicy,
      alpnPolicy: kind.alpnPolicy,
      defaultAction: [{ type: "forward", targetGroupArn: props.targetGroupArn }],
    });
    this.listenerArn = this.resource.arn;
    this.listenerCertificates = createListenerCertificates(
      this,
      this.listenerArn,
      additional,
      props.provider,
    );
    if (props.aliasRecords) {
      this.aliasRecords = createLoadBalancerAliases(
        this,
        props.aliasRecords,
        hostNames,
        allCertificates,
      );
    }
  }
}
