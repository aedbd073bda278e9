import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AlbHttpsListener } from "../modules/attach/alb-https-listener";
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

// Re-exported so `stacks/alb-https-stack`, where they were first declared, still provides them.
export type {
  ListenerCertificateConfig,
  ListenerZoneConfig,
  LoadBalancerDnsConfig,
} from "./listener-certificates";
export { requestListenerCertificates } from "./listener-certificates";

export interface AlbHttpsStackProps extends BaseStackProps {
  /** The zones for validation records and alias records; each name goes to its most specific zone. */
  readonly hostedZones: readonly ListenerZoneConfig[];
  /** ARN of the existing Application Load Balancer, in `region`. */
  readonly loadBalancerArn: string;
  /** ARN of the target group the HTTPS listener forwards to. */
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
  /** Add an HTTP:80 listener redirecting to HTTPS (301). @default true */
  readonly redirectHttp?: boolean;
  /** Create alias records for `hostNames` pointing at the load balancer. @default none */
  readonly loadBalancerDns?: LoadBalancerDnsConfig;
}

/**
 * An HTTPS listener for an existing Application Load Balancer, with DNS-validated certificates
 * requested in the stack's region, an optional HTTP redirect and alias records. Outputs the
 * listener ARNs and the certificate ARNs.
 */
export class AlbHttpsStack extends BaseStack {
  readonly certificate: Certificate;
  readonly additionalCertificates: Readonly<Record<string, Certificate>>;
  readonly listener: AlbHttpsListener;

  constructor(scope: Construct, name: string, props: AlbHttpsStackProps) {
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

    this.listener = new AlbHttpsListener(this, "Https", {
      loadBalancerArn: props.loadBalancerArn,
      targetGroupArn: props.targetGroupArn,
      certificate: this.certificate,
      additionalCertificates: this.additionalCertificates,
      hostNames: props.hostNames,
      sslPolicy: props.sslPolicy,
      port: props.port,
      redirectHttp: props.redirectHttp ?? true,
      aliasRecords: loadBalancerAliasOptions(zones, props.loadBalancerDns),
    });

    new TerraformOutput(this, "listener_arn", {
      value: this.listener.listenerArn,
      description: "ARN of the HTTPS listener",
    });
    if (this.listener.redirectListener) {
      new TerraformOutput(this, "redirect_listener_arn", {
        value: this.listener.redirectListener.arn,
        description: "ARN of the HTTP:80 listener that redirects to HTTPS",
      });
    }
    outputListenerCertificates(this, certificates);
  }
}
