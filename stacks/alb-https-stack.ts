import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AlbHttpsListener } from "../modules/attach/alb-https-listener";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { BaseStack, BaseStackProps } from "./base-stack";

/** A Route 53 zone of the stack's account, given by id and name (no lookup at plan). */
export interface ListenerZoneConfig {
  readonly zoneId: string;
  readonly zoneName: string;
}

/** A DNS-validated certificate a listener stack requests in its own region. */
export interface ListenerCertificateConfig {
  readonly domainName: string;
  /** @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** @default KeyAlgorithm.RSA_2048 */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** @default the provider's 75m */
  readonly validationTimeout?: string;
}

/** The load balancer's DNS name and canonical zone id, for alias records. */
export interface LoadBalancerDnsConfig {
  /** `aws_lb.dns_name`, e.g. `web-1234567890.eu-west-1.elb.amazonaws.com`. */
  readonly dnsName: string;
  /** `aws_lb.zone_id`: the load balancer's canonical hosted zone id for its region. */
  readonly zoneId: string;
  /** Also create AAAA records. @default true */
  readonly ipv6?: boolean;
}

/** Requests each certificate with DNS validation in `zones`, through the stack's provider. */
export function requestListenerCertificates(
  stack: BaseStack,
  zones: readonly HostedZoneRef[],
  certificates: Readonly<Record<string, ListenerCertificateConfig>>,
): Record<string, Certificate> {
  const created: Record<string, Certificate> = {};
  for (const [id, c] of Object.entries(certificates)) {
    created[id] = new Certificate(stack, id, {
      domainName: c.domainName,
      subjectAlternativeNames: c.subjectAlternativeNames,
      keyAlgorithm: c.keyAlgorithm,
      validationTimeout: c.validationTimeout,
      validation: CertificateValidation.fromDns(zones),
    });
  }
  return created;
}

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
    const zones: HostedZoneRef[] = props.hostedZones.map((z) => ({
      zoneId: z.zoneId,
      zoneName: z.zoneName,
    }));
    this.certificate = requestListenerCertificates(this, zones, {
      Certificate: props.certificate,
    }).Certificate;
    const extra = props.additionalCertificates ?? {};
    const requested = requestListenerCertificates(
      this,
      zones,
      Object.fromEntries(Object.entries(extra).map(([key, c]) => [`Certificate_${key}`, c])),
    );
    this.additionalCertificates = Object.fromEntries(
      Object.keys(extra).map((key) => [key, requested[`Certificate_${key}`]]),
    );

    this.listener = new AlbHttpsListener(this, "Https", {
      loadBalancerArn: props.loadBalancerArn,
      targetGroupArn: props.targetGroupArn,
      certificate: this.certificate,
      additionalCertificates: this.additionalCertificates,
      hostNames: props.hostNames,
      sslPolicy: props.sslPolicy,
      port: props.port,
      redirectHttp: props.redirectHttp ?? true,
      aliasRecords: props.loadBalancerDns && {
        hostedZones: zones,
        loadBalancerDnsName: props.loadBalancerDns.dnsName,
        loadBalancerZoneId: props.loadBalancerDns.zoneId,
        ipv6: props.loadBalancerDns.ipv6,
      },
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
    this.outputCertificate("default", this.certificate);
    for (const [key, c] of Object.entries(this.additionalCertificates)) {
      this.outputCertificate(`sni_${key}`, c);
    }
  }
}
