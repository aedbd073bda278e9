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
import { matchZone } from "../dns/zone-matching";
import { validationNames } from "../util/domain-name";
import { accountKeyOf, regionOf } from "../util/provider-info";
import { ARN_RULES, checkArn, checkArnRegion } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { checkCertificateNames } from "./certificate-names";
import {
  checkDnsValidation,
  checkEmailValidation,
  checkValidationKind,
  checkValidationTimeout,
} from "./validation-checks";
import type { CertificateAdoption } from "./adoption";
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
  /**
   * Take over an existing certificate instead of requesting a new one: by ARN
   * (`CertificateAdoption.importArn`, an `import` block) or from the terraform-aws-modules/acm
   * module (`moveFromAcmModule`, `importFromAcmModule`). It keeps its ARN; `domainName`,
   * `subjectAlternativeNames` and `keyAlgorithm` must be the ones it was issued with, or
   * Terraform plans a replacement.
   * @default none: a new certificate is requested
   */
  readonly adopt?: CertificateAdoption;
}

/** A DNS record ACM needs for validation, for stacks that create it in external DNS. */
export interface DnsValidationRecord {
  /** The wildcard-stripped name the record validates. */
  readonly domainName: string;
  readonly recordName: string;
  readonly recordType: string;
  readonly recordValue: string;
}

/**
 * An existing certificate referenced by ARN. Creates no resources. A literal ARN is parsed: it
 * must be an ACM certificate ARN, and its region is the certificate's region (a `region`
 * attribute that contradicts it is an error).
 */
class ExistingCertificate extends Construct implements ICertificate {
  readonly region?: string;
  readonly domainNames?: readonly string[];
  readonly keyAlgorithm?: KeyAlgorithm;

  constructor(
    scope: Construct,
    id: string,
    readonly certificateArn: string,
    attributes: ExistingCertificateAttributes,
  ) {
    super(scope, id);
    const parsed = checkArn(this, "certificateArn", certificateArn, ARN_RULES.acmCertificate);
    if (parsed && attributes.region !== undefined && isLiteral(attributes.region)) {
      checkArnRegion(this, "certificateArn", parsed, attributes.region, "the region attribute");
    }
    this.region = parsed?.region ?? attributes.region;
    this.domainNames = attributes.domainNames;
    this.keyAlgorithm = attributes.keyAlgorithm;
  }
}

export interface ExistingCertificateAttributes {
  /**
   * The certificate's region, for attachment region checks. Needed only when the ARN is a token;
   * a literal ARN carries its region, and a `region` that contradicts it is an error.
   * @default the literal ARN's region; unknown for a token (checks that need it fail)
   */
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
    return new ExistingCertificate(scope, id, certificateArn, attributes);
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
    const validation = props.validation;
    checkValidationKind(this, validation);
    const allNames = checkCertificateNames(this, props, {
      publicCertificate: true,
      dnsValidation: validation.method === "DNS",
    });
    // A token is carried unchanged (family unknown at synth), never replaced by the default.
    this.keyAlgorithm =
      resolveKeyAlgorithm(this, "keyAlgorithm", props.keyAlgorithm) ?? KeyAlgorithm.RSA_2048;
    if (validation.method === "EMAIL") checkEmailValidation(this, validation.options, allNames);
    else checkDnsValidation(this, validation.options, allNames);
    checkValidationTimeout(this, props.validationTimeout);

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
    if (props.adopt !== undefined) {
      if (typeof (props.adopt as Partial<CertificateAdoption>)?.applyTo !== "function") {
        throw new ValidationError(
          this,
          `adopt must be a CertificateAdoption (CertificateAdoption.importArn(...), .moveFromAcmModule(...), .importFromAcmModule(...)), got ${show(props.adopt)}`,
        );
      }
      props.adopt.applyTo(this);
    }
  }
}
