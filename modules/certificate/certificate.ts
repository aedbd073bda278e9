import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { HostedZoneRef } from "../dns/hosted-zone";
import {
  DnsValidationRecords,
  resourceAddress,
  validationOptionExpression,
} from "../dns/validation-records";
import { duplicateZoneNames, matchZone } from "../dns/zone-matching";
import { domainNameProblem, isInZone, stripWildcard, validationNames } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { accountKeyOf, regionOf } from "../util/provider-info";
import { isLiteral, isUnresolved } from "../util/tokens";
import { checkCertificateNames } from "./certificate-names";
import { ICertificate } from "./certificate-ref";
import { CertificateValidation } from "./certificate-validation";
import { KeyAlgorithm, resolveKeyAlgorithm } from "./key-algorithm";

export interface CertificateProps {
  /**
   * The primary name (the certificate's common name). Lower-case, no trailing dot, at most 64
   * characters (ACM's CN limit); a wildcard only as the whole leftmost label.
   */
  readonly domainName: string;
  /**
   * Further names. Same rules as `domainName`, at most 253 characters each, no duplicates.
   * `example.com` and `*.example.com` may both appear; they share one validation record.
   * @default none
   */
  readonly subjectAlternativeNames?: readonly string[];
  /** How ACM validates the names: `CertificateValidation.fromDns(zones)`, `fromExternalDns()` or `fromEmail()`. */
  readonly validation: CertificateValidation;
  /**
   * The key algorithm: RSA_2048, EC_prime256v1 or EC_secp384r1 (the values RequestCertificate
   * accepts). CloudFront does not accept EC_secp384r1.
   * @default KeyAlgorithm.RSA_2048
   */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /**
   * Log the certificate to public Certificate Transparency logs. Browsers distrust public
   * certificates that are not logged; opt out only for names that must stay unpublished.
   * @default true
   */
  readonly transparencyLogging?: boolean;
  /**
   * Create `aws_acm_certificate_validation`, which blocks the apply until ACM issues the
   * certificate. Turn off in pipelines that must not block; `certificateArn` is then the
   * unvalidated ARN and attachments may fail until issuance.
   * @default true
   */
  readonly waitForValidation?: boolean;
  /**
   * How long the validation resource waits, as a Terraform duration (`45m`, `1h30m`).
   * @default the provider's default, 75m
   */
  readonly validationTimeout?: string;
  /**
   * The most names the certificate may carry. ACM's default quota is 10; raise this only after
   * raising the quota for your account.
   * @default 10
   */
  readonly maxDomainNames?: number;
  /**
   * The AWS provider to request the certificate through; its region becomes the certificate's
   * region (us-east-1 for CloudFront).
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Replace the certificate by creating the new one before destroying the old, so listeners
   * swap to it without a gap. Turning this off makes a replacement fail while the certificate
   * is in use (ResourceInUseException).
   * @default true
   */
  readonly createBeforeDestroy?: boolean;
  /** Tags for the certificate. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A DNS record ACM needs for validation, for stacks that create it in external DNS. */
export interface DnsValidationRecord {
  /** The wildcard-stripped name the record validates. */
  readonly domainName: string;
  readonly recordName: string;
  readonly recordType: string;
  readonly recordValue: string;
}

/** An existing certificate referenced by ARN. Creates no resources. */
class ExistingCertificate extends Construct implements ICertificate {
  constructor(
    scope: Construct,
    id: string,
    readonly certificateArn: string,
    readonly region?: string,
    readonly domainNames?: readonly string[],
    readonly keyAlgorithm?: KeyAlgorithm,
  ) {
    super(scope, id);
  }
}

export interface ExistingCertificateAttributes {
  /** The certificate's region, for attachment region checks. @default unknown: checks that need it fail */
  readonly region?: string;
  /** The names it covers, for coverage checks. @default unknown: coverage is not checked */
  readonly domainNames?: readonly string[];
  /** Its key algorithm, for integration checks. @default unknown */
  readonly keyAlgorithm?: KeyAlgorithm;
}

/**
 * A public ACM certificate, validated by DNS (Route 53 or external) or email.
 *
 * With Route 53 it creates one validation record per distinct wildcard-stripped name, in the
 * most specific zone, through that zone's provider, addressed by name, and shared with every
 * other certificate of the stack that validates the same name in the same account.
 */
export class Certificate extends Construct implements ICertificate {
  /** References an existing certificate. Creates no resources. */
  static fromCertificateArn(
    scope: Construct,
    id: string,
    certificateArn: string,
    attributes: ExistingCertificateAttributes = {},
  ): ICertificate {
    return new ExistingCertificate(
      scope,
      id,
      certificateArn,
      attributes.region,
      attributes.domainNames,
      attributes.keyAlgorithm,
    );
  }

  /** The ARN to attach: the validated ARN when `waitForValidation` is on. */
  readonly certificateArn: string;
  /** The certificate's ARN straight from `aws_acm_certificate`, before validation. */
  readonly unvalidatedCertificateArn: string;
  readonly region?: string;
  /** Every name, primary first; undefined when any is a token. */
  readonly domainNames?: readonly string[];
  readonly keyAlgorithm: KeyAlgorithm;
  /** The underlying `aws_acm_certificate`. */
  readonly resource: AcmCertificate;
  /** The `aws_acm_certificate_validation`, unless `waitForValidation` is off. */
  readonly validationResource?: AcmCertificateValidation;
  /** Route 53 validation records by wildcard-stripped name (possibly shared with other certificates). */
  readonly validationRecords: ReadonlyMap<string, Route53Record>;
  /** The records ACM asks for, per wildcard-stripped name: for stacks that output them. */
  readonly dnsValidationRecords: readonly DnsValidationRecord[];

  constructor(scope: Construct, id: string, props: CertificateProps) {
    super(scope, id);
    const sans = props.subjectAlternativeNames ?? [];
    const allNames = checkCertificateNames(this, props);

    this.keyAlgorithm =
      resolveKeyAlgorithm(this, "keyAlgorithm", props.keyAlgorithm) ?? KeyAlgorithm.RSA_2048;
    const validation = props.validation;
    this.checkValidation(validation, allNames);
    if (props.validationTimeout !== undefined && isLiteral(props.validationTimeout)) {
      if (!/^(?=\d)(\d+h)?(\d+m)?(\d+s)?$/.test(props.validationTimeout)) {
        throw new ValidationError(
          this,
          `validationTimeout must be a Terraform duration such as "45m" or "1h30m", got ${show(props.validationTimeout)}`,
        );
      }
    }

    const literalNames = allNames.every(isLiteral);
    this.domainNames = literalNames ? allNames : undefined;
    this.region = regionOf(this, props.provider);
    const options = validation.options;

    this.resource = new AcmCertificate(this, "Certificate", {
      provider: props.provider,
      domainName: props.domainName,
      subjectAlternativeNames: sans.length > 0 ? [...sans] : undefined,
      validationMethod: validation.method,
      validationOption:
        validation.method === "EMAIL" && options.validationDomains
          ? Object.entries(options.validationDomains).map(([domainName, validationDomain]) => ({
              domainName,
              validationDomain,
            }))
          : undefined,
      keyAlgorithm: this.keyAlgorithm.value,
      options: {
        certificateTransparencyLoggingPreference:
          props.transparencyLogging === false ? "DISABLED" : "ENABLED",
      },
      tags: props.tags ? { ...props.tags } : undefined,
      lifecycle: { createBeforeDestroy: props.createBeforeDestroy ?? true },
    });
    // Read once: every attribute read creates a token, and tokens capture a stack trace.
    this.unvalidatedCertificateArn = this.resource.arn;
    const address = resourceAddress(this.resource);

    const names = literalNames ? validationNames(allNames) : [];
    this.dnsValidationRecords =
      validation.method === "DNS"
        ? names.map((name) => ({
            domainName: name,
            recordName: validationOptionExpression(address, name, "resource_record_name"),
            recordType: validationOptionExpression(address, name, "resource_record_type"),
            recordValue: validationOptionExpression(address, name, "resource_record_value"),
          }))
        : [];

    const records = new Map<string, Route53Record>();
    if (validation.method === "DNS" && options.hostedZones) {
      const registry = DnsValidationRecords.of(this);
      const accountKey = accountKeyOf(this, props.provider);
      for (const name of names) {
        const zone = matchZone(name, options.hostedZones) as HostedZoneRef;
        records.set(
          name,
          registry.recordFor({
            certificate: this.resource,
            name,
            zone,
            accountKey,
            ttl: options.recordTtl ?? 60,
            allowOverwrite: options.allowOverwrite ?? true,
            requester: this,
          }),
        );
      }
    }
    this.validationRecords = records;

    if (props.waitForValidation ?? true) {
      const fqdns =
        validation.method === "DNS"
          ? options.hostedZones
            ? [...records.values()].map((r) => r.fqdn)
            : options.validationRecordFqdns
          : undefined;
      this.validationResource = new AcmCertificateValidation(this, "Validation", {
        provider: props.provider,
        certificateArn: this.unvalidatedCertificateArn,
        validationRecordFqdns: fqdns && fqdns.length > 0 ? [...fqdns] : undefined,
        timeouts: props.validationTimeout ? { create: props.validationTimeout } : undefined,
      });
      this.certificateArn = this.validationResource.certificateArn;
    } else {
      this.certificateArn = this.unvalidatedCertificateArn;
    }
  }

  private checkValidation(validation: CertificateValidation, allNames: readonly string[]): void {
    if (!(validation instanceof CertificateValidation)) {
      throw new ValidationError(
        this,
        `validation must be a CertificateValidation (fromDns, fromExternalDns or fromEmail), got ${show(validation)}`,
      );
    }
    const o = validation.options;
    if (o.method !== "DNS" && o.method !== "EMAIL") {
      throw new ValidationError(
        this,
        `validation.method must be "DNS" or "EMAIL", got ${show(o.method)}`,
      );
    }
    if (o.method === "EMAIL") {
      const mixed = (
        ["hostedZones", "validationRecordFqdns", "recordTtl", "allowOverwrite"] as const
      ).filter((k) => o[k] !== undefined);
      if (mixed.length > 0) {
        throw new ValidationError(
          this,
          `validation mixes EMAIL with DNS options (${mixed.join(", ")}); choose fromEmail() or fromDns(), not both`,
        );
      }
      for (const [name, domain] of Object.entries(o.validationDomains ?? {})) {
        if (!isLiteral(name) || !isLiteral(domain)) continue;
        if (!allNames.includes(name)) {
          throw new ValidationError(
            this,
            `validation.validationDomains has key ${show(name)}, which is not one of the certificate's names (${allNames.map((n) => show(n)).join(", ")})`,
          );
        }
        const problem = domainNameProblem(domain);
        if (problem || !isInZone(stripWildcard(name), domain)) {
          throw new ValidationError(
            this,
            `validation.validationDomains[${show(name)}] must be the name itself or a parent domain of it, got ${show(domain)}`,
          );
        }
      }
      return;
    }
    if (o.validationDomains !== undefined) {
      throw new ValidationError(
        this,
        "validation mixes DNS with the EMAIL option validationDomains; choose fromDns() or fromEmail(), not both",
      );
    }
    if (o.hostedZones === undefined) return; // external DNS
    if (o.validationRecordFqdns !== undefined) {
      throw new ValidationError(
        this,
        "validation has both hostedZones (Route 53 records created here) and validationRecordFqdns (records created elsewhere); use one",
      );
    }
    if (o.hostedZones.length === 0) {
      throw new ValidationError(
        this,
        "validation.hostedZones must name at least one zone, got []; for DNS outside Route 53 use CertificateValidation.fromExternalDns()",
      );
    }
    o.hostedZones.forEach((zone, i) => {
      if (!zone || typeof zone.zoneId !== "string" || zone.zoneId === "") {
        throw new ValidationError(
          this,
          `validation.hostedZones[${i}].zoneId must be a non-empty string, got ${show(zone?.zoneId)}`,
        );
      }
      if (!isLiteral(zone.zoneName)) {
        throw new ValidationError(
          this,
          `validation.hostedZones[${i}].zoneName must be known at synth (names are matched to zones by suffix), got ${show(zone.zoneName)}`,
        );
      }
      const problem = domainNameProblem(zone.zoneName);
      if (problem || zone.zoneName.includes("*")) {
        throw new ValidationError(
          this,
          `validation.hostedZones[${i}].zoneName ${problem ?? "must not be a wildcard"}: ${show(zone.zoneName)}`,
        );
      }
    });
    const dupZones = duplicateZoneNames(o.hostedZones);
    if (dupZones.length > 0) {
      throw new ValidationError(
        this,
        `validation.hostedZones names ${dupZones.map((d) => show(d)).join(", ")} more than once; a name must map to exactly one zone`,
      );
    }
    const unknown = allNames.filter(isUnresolved);
    if (unknown.length > 0) {
      throw new ValidationError(
        this,
        "Route 53 validation records are keyed by name at synth, so every name must be a literal; " +
          `got ${unknown.length} token(s). Use literal names, or CertificateValidation.fromExternalDns()`,
      );
    }
    const orphans = allNames.filter((n) => !matchZone(n, o.hostedZones!));
    if (orphans.length > 0) {
      throw new ValidationError(
        this,
        `no hosted zone is authoritative for ${orphans.map((n) => show(n)).join(", ")}; ` +
          `hostedZones are ${o.hostedZones.map((z) => show(z.zoneName)).join(", ")}`,
      );
    }
  }
}
