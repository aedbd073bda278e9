import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { NlbAlpnPolicy, NlbTlsListener } from "../modules/attach/nlb-tls-listener";
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

export interface NlbTlsStackProps extends BaseStackProps {
  /** The zones for validation records and alias records; each name goes to its most specific zone. */
  readonly hostedZones: readonly ListenerZoneConfig[];
  /** ARN of the existing Network Load Balancer, in `region`. */
  readonly loadBalancerArn: string;
  /** ARN of the target group the TLS listener forwards to (a TCP or TLS target group). */
  readonly targetGroupArn: string;
  /** The listener's default certificate (output `default_certificate_arn`). */
  readonly certificate: ListenerCertificateConfig;
  /**
   * SNI certificates by stable key (construct id `Certificate_<key>`, output
   * `sni_<key>_certificate_arn`).
   * @default none
   */
  readonly additionalCertificates?: Readonly<Record<string, ListenerCertificateConfig>>;
  /** Host names the certificates must cover; also the alias record names. @default none */
  readonly hostNames?: readonly string[];
  /** @default "ELBSecurityPolicy-TLS13-1-2-2021-06" */
  readonly sslPolicy?: string;
  /** @default not set (ELB's "None") */
  readonly alpnPolicy?: NlbAlpnPolicy | string;
  /** @default 443 */
  readonly port?: number;
  /** Create alias records for `hostNames` pointing at the load balancer. @default none */
  readonly loadBalancerDns?: LoadBalancerDnsConfig;
}

/**
 * A TLS listener for an existing Network Load Balancer, with DNS-validated certificates
 * requested in the stack's region and optional alias records. Outputs the listener ARN and the
 * certificate ARNs.
 */
export class NlbTlsStack extends BaseStack {
  readonly certificate: Certificate;
  readonly additionalCertificates: Readonly<Record<string, Certificate>>;
  readonly listener: NlbTlsListener;

  constructor(scope: Construct, name: string, props: NlbTlsStackProps) {
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

    this.listener = new NlbTlsListener(this, "Tls", {
      loadBalancerArn: props.loadBalancerArn,
      targetGroupArn: props.targetGroupArn,
      certificate: this.certificate,
      additionalCertificates: this.additionalCertificates,
      hostNames: props.hostNames,
      sslPolicy: props.sslPolicy,
      alpnPolicy: props.alpnPolicy,
      port: props.port,
      aliasRecords: loadBalancerAliasOptions(zones, props.loadBalancerDns),
    });

    new TerraformOutput(this, "listener_arn", {
      value: this.listener.listenerArn,
      description: "ARN of the TLS listener",
    });
    outputListenerCertificates(this, certificates);
  }
}
