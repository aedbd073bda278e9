import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { checkHostedZones, HostedZoneRef } from "../modules/dns/hosted-zone";
import { DnsValidationRecords } from "../modules/dns/validation-records";
import { ARN_RULES, checkArn } from "../modules/util/arn";
import { show, ValidationError } from "../modules/util/errors";
import { checkDistinctIdentifiers, checkTerraformIdentifier } from "../modules/util/identifiers";
import { BaseStack, BaseStackProps } from "./base-stack";

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
  /**
   * The most names this certificate may carry. ACM's default quota is 10; raise this (up to
   * ACM's hard limit of 100) only after raising the quota for your account.
   * @default 10
   */
  readonly maxDomainNames?: number;
}

/** The stack's output of every validation record's FQDN. */
const VALIDATION_RECORD_FQDNS = "validation_record_fqdns";

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
      usEast1Provider:
        props.usEast1Provider ??
        (Array.isArray(props.certificates) && props.certificates.some((c) => c?.inUsEast1)),
    });
    checkHostedZones(this, "hostedZones", props.hostedZones ?? []);
    this.hostedZones = props.hostedZones.map((z, i) => ({
      zoneId: z.zoneId,
      zoneName: z.zoneName,
      provider: z.dnsRoleArn ? this.dnsProvider(i, z.dnsRoleArn) : undefined,
    }));
    this.checkCertificateConfigs(props);
    const certificates: Record<string, Certificate> = {};
    for (const c of props.certificates) {
      certificates[c.name] = new Certificate(this, c.name, {
        domainName: c.domainName,
        subjectAlternativeNames: c.subjectAlternativeNames,
        keyAlgorithm: c.keyAlgorithm,
        validation: CertificateValidation.fromDns(this.hostedZones),
        waitForValidation: c.waitForValidation,
        validationTimeout: c.validationTimeout,
        transparencyLogging: c.transparencyLogging,
        maxDomainNames: c.maxDomainNames,
        provider: c.inUsEast1 ? this.usEast1 : undefined,
      });
      this.outputCertificate(c.name, certificates[c.name]);
    }
    this.certificates = certificates;
    new TerraformOutput(this, VALIDATION_RECORD_FQDNS, {
      value: [
        ...new Set(Object.values(certificates).flatMap((c) => [...c.validationRecords.values()])),
      ].map((r) => r.fqdn),
      description: "FQDNs of the Route 53 validation records (keep them: ACM renewals reuse them)",
    });
  }

  /**
   * The certificate list: at least one; each name a Terraform identifier whose construct id and
   * outputs collide with no other certificate's and none of the stack's own children; no
   * certificate in us-east-1 when the us-east-1 provider was turned off.
   */
  private checkCertificateConfigs(props: CertificatesStackProps): void {
    const list = props.certificates;
    if (!Array.isArray(list) || list.length === 0) {
      throw new ValidationError(
        this,
        `certificates must list at least one certificate, got ${show(list)}`,
      );
    }
    list.forEach((c, i) => {
      checkTerraformIdentifier(this, `certificates[${i}].name`, c?.name);
      if (c.inUsEast1 && !this.usEast1) {
        throw new ValidationError(
          this,
          `certificates[${i}].inUsEast1 is true, but usEast1Provider is false, so the stack has no us-east-1 provider; ` +
            "leave usEast1Provider unset (it turns on when a certificate needs it) or set it to true",
        );
      }
    });
    const reserved: Record<string, string> = Object.fromEntries(
      this.node.children.map((child) => [
        child.node.id,
        `the stack's own ${child.constructor.name}`,
      ]),
    );
    reserved[VALIDATION_RECORD_FQDNS] = "the stack's output of validation record FQDNs";
    reserved[DnsValidationRecords.ID] = "the stack's validation record registry";
    checkDistinctIdentifiers(
      this,
      "certificates[].name",
      list.map((c) => c.name),
      (n) => [n, `${n}_certificate_arn`, `${n}_unvalidated_certificate_arn`],
      reserved,
    );
  }

  private readonly dnsProviders = new Map<string, AwsProvider>();

  /**
   * One provider per DNS role, aliased `dns_<account>`; a second role in the same account gets
   * `dns_<account>_<role name>`, so two roles never collide.
   */
  private dnsProvider(index: number, roleArn: string): AwsProvider {
    const existing = this.dnsProviders.get(roleArn);
    if (existing) return existing;
    const property = `hostedZones[${index}].dnsRoleArn`;
    const parsed = checkArn(this, property, roleArn, ARN_RULES.iamRole);
    const base = parsed ? `dns_${parsed.account}` : `dns_zone_${index}`;
    const taken = (id: string) => this.node.tryFindChild(id) !== undefined;
    const alias = !taken(base)
      ? base
      : `${base}_${(parsed?.resource ?? String(index)).replace(/^role\//, "").replace(/[^A-Za-z0-9_]/g, "_")}`;
    const provider = new AwsProvider(this, alias, {
      alias,
      region: this.region,
      assumeRole: [{ roleArn, sessionName: "tls-dns-validation" }],
    });
    this.dnsProviders.set(roleArn, provider);
    return provider;
  }
}
