import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { ValidationError } from "../modules/util/errors";
import { BaseStack, BaseStackProps, US_EAST_1 } from "./base-stack";

/** A Route 53 zone, optionally in another account. */
export interface ZoneConfig {
  readonly zoneId: string;
  readonly zoneName: string;
  /**
   * A role in the account that owns the zone (a central DNS account). The stack creates an AWS
   * provider that assumes it, and the zone's validation records go through that provider.
   * @default none: the stack's own account
   */
  readonly dnsRoleArn?: string;
}

export interface CertificateConfig {
  /** Construct id and output prefix (`<name>_certificate_arn`). Changing it moves addresses. */
  readonly name: string;
  readonly domainName: string;
  /** @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** @default KeyAlgorithm.RSA_2048 */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** Request the certificate in us-east-1 (for CloudFront). @default false: the stack's region */
  readonly inUsEast1?: boolean;
  /** @default true */
  readonly waitForValidation?: boolean;
  /** @default the provider's 75m */
  readonly validationTimeout?: string;
  /** @default true */
  readonly transparencyLogging?: boolean;
}

export interface CertificatesStackProps extends BaseStackProps {
  /** The zones validation records may go to; each name goes to its most specific zone. */
  readonly hostedZones: readonly ZoneConfig[];
  readonly certificates: readonly CertificateConfig[];
}

/**
 * DNS-validated ACM certificates in Route 53 zones, possibly spread over several zones and
 * accounts. Outputs each certificate's validated and unvalidated ARN.
 */
export class CertificatesStack extends BaseStack {
  readonly certificates: Readonly<Record<string, Certificate>>;
  readonly hostedZones: readonly HostedZoneRef[];

  constructor(scope: Construct, name: string, props: CertificatesStackProps) {
    super(scope, name, {
      ...props,
      usEast1Provider: props.usEast1Provider ?? props.certificates.some((c) => c.inUsEast1),
    });
    this.hostedZones = props.hostedZones.map((z) => ({
      zoneId: z.zoneId,
      zoneName: z.zoneName,
      provider: z.dnsRoleArn ? this.dnsProvider(z.dnsRoleArn) : undefined,
    }));
    const certificates: Record<string, Certificate> = {};
    for (const c of props.certificates) {
      if (certificates[c.name]) {
        throw new ValidationError(
          this,
          `certificates[].name must be unique, got ${JSON.stringify(c.name)} twice`,
        );
      }
      certificates[c.name] = new Certificate(this, c.name, {
        domainName: c.domainName,
        subjectAlternativeNames: c.subjectAlternativeNames,
        keyAlgorithm: c.keyAlgorithm,
        validation: CertificateValidation.fromDns(this.hostedZones),
        waitForValidation: c.waitForValidation,
        validationTimeout: c.validationTimeout,
        transparencyLogging: c.transparencyLogging,
        provider: c.inUsEast1 ? this.usEast1 : undefined,
      });
      this.outputCertificate(c.name, certificates[c.name]);
    }
    this.certificates = certificates;
    new TerraformOutput(this, "validation_record_fqdns", {
      value: [
        ...new Set(Object.values(certificates).flatMap((c) => [...c.validationRecords.values()])),
      ].map((r) => r.fqdn),
      description: "FQDNs of the Route 53 validation records (keep them: ACM renewals reuse them)",
    });
  }

  private readonly dnsProviders = new Map<string, AwsProvider>();

  /** One provider per DNS role, aliased by the role's account id. */
  private dnsProvider(roleArn: string): AwsProvider {
    const existing = this.dnsProviders.get(roleArn);
    if (existing) return existing;
    const account = /^arn:[^:]+:iam::(\d{12}):role\/.+$/.exec(roleArn)?.[1];
    if (!account) {
      throw new ValidationError(
        this,
        `hostedZones[].dnsRoleArn must be an IAM role ARN such as "arn:aws:iam::123456789012:role/dns", got ${JSON.stringify(roleArn)}`,
      );
    }
    const alias = `dns_${account}`;
    const provider = new AwsProvider(this, alias, {
      alias,
      region: this.region === US_EAST_1 ? US_EAST_1 : this.region,
      assumeRole: [{ roleArn, sessionName: "tls-dns-validation" }],
    });
    this.dnsProviders.set(roleArn, provider);
    return provider;
  }
}
