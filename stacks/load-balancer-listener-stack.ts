import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { LoadBalancerTlsListenerProps } from "../modules/attach/load-balancer-tls-listener";
import { Certificate } from "../modules/certificate/certificate";
import { BaseStack, BaseStackProps, hostedZoneRefs } from "./base-stack";
import {
  ListenerCertificateConfig,
  ListenerZoneConfig,
  loadBalancerAliasOptions,
  LoadBalancerDnsConfig,
  outputListenerCertificates,
  requestDefaultAndSniCertificates,
} from "./listener-certificates";

/** The props the ALB HTTPS and NLB TLS stacks share. */
export interface LoadBalancerListenerStackProps extends BaseStackProps {
  /** The zones for validation records and alias records; each name goes to its most specific zone. */
  readonly hostedZones: readonly ListenerZoneConfig[];
  /** ARN of the existing load balancer, in `region`. */
  readonly loadBalancerArn: string;
  /** ARN of the target group the listener forwards to, in `region`. */
  readonly targetGroupArn: string;
  /** The listener's default certificate (output `default_certificate_arn`). */
  readonly certificate: ListenerCertificateConfig;
  /**
   * SNI certificates by stable key (construct id `Certificate_<key>`, output
   * `sni_<key>_certificate_arn`, listener certificate keyed the same).
   * @default none
   */
  readonly additionalCertificates?: Readonly<Record<string, ListenerCertificateConfig>>;
  /** Host names the certificates must cover; also the alias record names. @default none */
  readonly hostNames?: readonly string[];
  /** @default "ELBSecurityPolicy-TLS13-1-2-2021-06" */
  readonly sslPolicy?: string;
  /** @default 443 */
  readonly port?: number;
  /** Create alias records for `hostNames` pointing at the load balancer. @default none */
  readonly loadBalancerDns?: LoadBalancerDnsConfig;
}

/** A listener construct as the stack sees it. */
interface StackListener {
  readonly listenerArn: string;
}

/**
 * A stack with one TLS listener on an existing load balancer: DNS-validated certificates
 * requested in the stack's region, the listener (made by `createListener` from the shared
 * props), optional alias records, and outputs `listener_arn` plus the certificate ARNs. The
 * shared part of {@link AlbHttpsStack} and {@link NlbTlsStack}.
 */
export abstract class LoadBalancerListenerStack<L extends StackListener> extends BaseStack {
  readonly certificate: Certificate;
  readonly additionalCertificates: Readonly<Record<string, Certificate>>;
  readonly listener: L;

  protected constructor(
    scope: Construct,
    name: string,
    props: LoadBalancerListenerStackProps,
    listenerDescription: string,
    createListener: (stack: BaseStack, common: LoadBalancerTlsListenerProps) => L,
  ) {
    super(scope, name, props);
    const zones = hostedZoneRefs(props.hostedZones);
    const certificates = requestDefaultAndSniCertificates(
      this,
      zones,
      props.certificate,
      props.additionalCertificates,
    );
    this.certificate = certificates.certificate;
    this.additionalCertificates = certificates.additionalCertificates;

    this.listener = createListener(this, {
      loadBalancerArn: props.loadBalancerArn,
      targetGroupArn: props.targetGroupArn,
      certificate: this.certificate,
      additionalCertificates: this.additionalCertificates,
      hostNames: props.hostNames,
      sslPolicy: props.sslPolicy,
      port: props.port,
      aliasRecords: loadBalancerAliasOptions(zones, props.loadBalancerDns),
    });

    new TerraformOutput(this, "listener_arn", {
      value: this.listener.listenerArn,
      description: `ARN of the ${listenerDescription}`,
    });
    outputListenerCertificates(this, certificates);
  }
}
