import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerCertificate } from "@cdktf/provider-aws/lib/lb-listener-certificate";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import {
  checkListenerCertificateSet,
  checkListenerTarget,
  createListenerCertificates,
  createLoadBalancerAliases,
  LoadBalancerAliasOptions,
} from "./alb-https-listener";
import { resolveElbTlsPolicy } from "./elb-tls-policy";

/** The ALPN policies a TLS listener accepts (ELB `AlpnPolicy`). */
export const NLB_ALPN_POLICIES = [
  "HTTP1Only",
  "HTTP2Only",
  "HTTP2Optional",
  "HTTP2Preferred",
  "None",
] as const;

/** One of {@link NLB_ALPN_POLICIES}. */
export type NlbAlpnPolicy = (typeof NLB_ALPN_POLICIES)[number];

/**
 * NLB quota: certificates per Network Load Balancer, not counting the default certificate
 * (adjustable through Service Quotas).
 */
export const NLB_MAX_SNI_CERTIFICATES = 25;

export interface NlbTlsListenerProps {
  /** ARN of the existing Network Load Balancer (`loadbalancer/net/...`). */
  readonly loadBalancerArn: string;
  /**
   * The listener's default certificate. A TLS listener requires exactly one. It must be in the
   * listener's region (ACM certificates are regional).
   */
  readonly certificate: ICertificate;
  /** ARN of the target group the listener forwards the decrypted traffic to. */
  readonly targetGroupArn: string;
  /**
   * The TLS port.
   * @default 443
   */
  readonly port?: number;
  /**
   * The security policy; the same names as for ALB. Always set explicitly: without it the API
   * applies `ELBSecurityPolicy-2016-08`, which allows TLS 1.0 and 1.1. Policies that allow
   * TLS 1.0 or 1.1 and unknown names are rejected (see `ELB_TLS_POLICIES`).
   * @default "ELBSecurityPolicy-TLS13-1-2-2021-06"
   */
  readonly sslPolicy?: string;
  /**
   * The ALPN policy: which application protocols the listener negotiates with clients. One of
   * `HTTP1Only`, `HTTP2Only`, `HTTP2Optional`, `HTTP2Preferred`, `None` (ELB's allowed values;
   * only TLS listeners take one).
   * @default not set: no ALPN negotiation, which is ELB's `None`
   */
  readonly alpnPolicy?: NlbAlpnPolicy | string;
  /**
   * More certificates the listener serves by SNI, by stable key (the key names the Terraform
   * resource). At most 25 per load balancer by default (NLB quota, adjustable; a warning is
   * emitted above it). The default certificate must not appear here.
   * @default none
   */
  readonly additionalCertificates?: Readonly<Record<string, ICertificate>>;
  /**
   * Host names clients will use. Each must be covered by the default or an additional
   * certificate (a wildcard covers exactly one label); checked at synth.
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

/**
 * A TLS listener on an existing Network Load Balancer: TLS terminates at the load balancer with
 * the validated certificate, an explicit TLS policy and an optional ALPN policy, then traffic is
 * forwarded to a target group. Optional SNI certificates and alias records.
 *
 * Checked at synth: the certificates are in the listener's region, the host names are covered,
 * the TLS policy is known and requires TLS 1.2+, the ALPN policy is one ELB accepts, the default
 * certificate is not repeated as SNI.
 */
export class NlbTlsListener extends Construct {
  /** The TLS `aws_lb_listener`. */
  readonly listener: LbListener;
  /** The listener's ARN. */
  readonly listenerArn: string;
  /** The security policy applied. */
  readonly sslPolicy: string;
  /** The ALPN policy applied, when set. */
  readonly alpnPolicy?: string;
  /** The SNI certificate attachments by key. */
  readonly listenerCertificates: ReadonlyMap<string, LbListenerCertificate>;
  /** The alias records, when `aliasRecords` is given. */
  readonly aliasRecords?: AliasRecords;

  constructor(scope: Construct, id: string, props: NlbTlsListenerProps) {
    super(scope, id);
    const port = checkListenerTarget(this, props, "loadbalancer/net", "a Network Load Balancer");
    this.sslPolicy = resolveElbTlsPolicy(this, "sslPolicy", props.sslPolicy);
    if (props.alpnPolicy !== undefined && isLiteral(props.alpnPolicy)) {
      if (!(NLB_ALPN_POLICIES as readonly string[]).includes(props.alpnPolicy)) {
        throw new ValidationError(
          this,
          `alpnPolicy must be one of ${NLB_ALPN_POLICIES.map((p) => show(p)).join(", ")}, got ${show(props.alpnPolicy)}`,
        );
      }
    }
    this.alpnPolicy = props.alpnPolicy;

    const { additional, allCertificates, hostNames } = checkListenerCertificateSet(this, props, {
      why: "a Network Load Balancer TLS listener",
      loadBalancer: "a Network Load Balancer",
      maxSniCertificates: NLB_MAX_SNI_CERTIFICATES,
    });

    this.listener = new LbListener(this, "Listener", {
      provider: props.provider,
      loadBalancerArn: props.loadBalancerArn,
      port,
      protocol: "TLS",
      certificateArn: props.certificate.certificateArn,
      sslPolicy: this.sslPolicy,
      alpnPolicy: props.alpnPolicy,
      defaultAction: [{ type: "forward", targetGroupArn: props.targetGroupArn }],
    });
    this.listenerArn = this.listener.arn;
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
