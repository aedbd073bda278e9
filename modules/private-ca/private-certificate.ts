import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { Annotations, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { checkCertificateNames } from "../certificate/certificate-names";
import { ICertificate } from "../certificate/certificate-ref";
import { KeyAlgorithm, resolveKeyAlgorithm } from "../certificate/key-algorithm";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import { checkCaCanIssue, checkCaRegion } from "./ca-checks";
import { ICertificateAuthority } from "./certificate-authority-ref";

// This file lives in private-ca/, not certificate/: it needs the CA interface and the CA checks
// (ca-checks.ts), while private-ca/ already builds on certificate/ (key algorithms, the ACM name
// rules, ICertificate). Here, the dependency between the two folders runs one way only.

/** ACM: a private certificate is valid for 13 months. */
export const PRIVATE_CERTIFICATE_VALIDITY_DAYS = 395;
/** ACM starts renewing a private certificate 60 days before it expires; less has no effect. */
export const DEFAULT_RENEWAL_WINDOW_DAYS = 60;

/**
 * The length of an `early_renewal_duration` in days, or undefined when the text is neither an
 * RFC 3339 duration of years, months and days (`P90D`, `P1M15D`) nor a duration in hours,
 * minutes and seconds (`2160h`). Months count 30 days and years 365, as an estimate.
 */
export function earlyRenewalDays(duration: string): number | undefined {
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(duration);
  if (iso && duration !== "P") {
    const [, y, m, d] = iso;
    return Number(y ?? 0) * 365 + Number(m ?? 0) * 30 + Number(d ?? 0);
  }
  const go = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration);
  if (go && duration !== "") {
    const [, h, m, s] = go;
    return (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) / 86400;
  }
  return undefined;
}

export interface PrivateCertificateProps {
  /**
   * The CA that signs the certificate. It must be active (not an externally signed CA awaiting
   * its certificate), in GENERAL_PURPOSE mode (ACM cannot issue from a short-lived CA), in the
   * certificate's region (private CAs are regional), and of the key family of `keyAlgorithm`.
   */
  readonly certificateAuthority: ICertificateAuthority;
  /** The primary name. Lower-case, no trailing dot, at most 64 characters. */
  readonly domainName: string;
  /** Further names, at most 253 characters each, no repeats. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /**
   * The certificate's key: RSA_2048, EC_prime256v1 or EC_secp384r1 (what ACM issues). Its
   * family must match the CA's key (RSA with RSA, EC with EC).
   * @default RSA_2048 under an RSA CA, EC_prime256v1 under an EC CA
   */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /**
   * Start ACM's managed renewal this long before expiry: `P90D` (years, months, days) or
   * `2160h`. Must be shorter than the certificate's 395 days; under 60 days it has no effect
   * (ACM renews 60 days ahead anyway), which gives a warning.
   * @default none: ACM's 60 days
   */
  readonly earlyRenewalDuration?: string;
  /** @default 10 (ACM's default quota) */
  readonly maxDomainNames?: number;
  /**
   * The provider to request the certificate through; its region must be the CA's.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Create the replacement before destroying the old certificate, so listeners switch without
   * a gap.
   * @default true
   */
  readonly createBeforeDestroy?: boolean;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A private ACM certificate signed by an AWS Private CA: `aws_acm_certificate` with
 * `certificate_authority_arn`, no validation method and no validation records (ACM does not
 * validate private names). ACM renews it as long as the CA grants ACM its permission.
 *
 * The request depends on the CA's activation (its certificate installed and ACM's permission
 * created), so Terraform never asks a PENDING_CERTIFICATE CA for it
 * (terraform-provider-aws#31132). The provider waits until ACM leaves PENDING_VALIDATION, so
 * `certificateArn` can be attached directly through any attachment construct.
 */
export class PrivateCertificate extends Construct implements ICertificate {
  /** The certificate's ARN, safe to attach once created. */
  readonly certificateArn: string;
  readonly region?: string;
  readonly domainNames?: readonly string[];
  readonly keyAlgorithm: KeyAlgorithm;
  readonly certificateAuthority: ICertificateAuthority;
  /** The underlying `aws_acm_certificate`. */
  readonly resource: AcmCertificate;

  constructor(scope: Construct, id: string, props: PrivateCertificateProps) {
    super(scope, id);
    const ca = props.certificateAuthority;
    checkCaCanIssue(this, "certificateAuthority", ca);
    this.certificateAuthority = ca;
    const sans = props.subjectAlternativeNames ?? [];
    // Private names: no public-suffix rule (internal names such as `*.svc.internal` are the
    // point of a private CA) and no validation records.
    const allNames = checkCertificateNames(this, props, {
      publicCertificate: false,
      dnsValidation: false,
    });

    this.checkAuthority(ca);

    this.keyAlgorithm =
      resolveKeyAlgorithm(this, "keyAlgorithm", props.keyAlgorithm) ??
      (ca.keyFamily === "EC" ? KeyAlgorithm.EC_PRIME256V1 : KeyAlgorithm.RSA_2048);
    if (
      ca.keyFamily !== undefined &&
      this.keyAlgorithm.family !== undefined &&
      this.keyAlgorithm.family !== ca.keyFamily
    ) {
      throw new ValidationError(
        this,
        `keyAlgorithm ${show(this.keyAlgorithm.value)} is an ${this.keyAlgorithm.family} key, but the CA ${show(ca.node.path)} has an ${ca.keyFamily} key; ` +
          `ACM requires the certificate's key family to match the CA's: use ${KeyAlgorithm.ALL.filter(
            (k) => k.family === ca.keyFamily,
          )
            .map((k) => show(k.value))
            .join(" or ")}`,
      );
    }

    this.region = regionOf(this, props.provider);
    checkCaRegion(this, "certificateAuthority", ca, this.region, "the certificate's provider");

    if (props.earlyRenewalDuration !== undefined && isLiteral(props.earlyRenewalDuration)) {
      const days = earlyRenewalDays(props.earlyRenewalDuration);
      if (days === undefined) {
        throw new ValidationError(
          this,
          `earlyRenewalDuration must be an RFC 3339 duration of years, months and days such as "P90D", or hours such as "2160h", got ${show(props.earlyRenewalDuration)}`,
        );
      }
      if (days >= PRIVATE_CERTIFICATE_VALIDITY_DAYS) {
        throw new ValidationError(
          this,
          `earlyRenewalDuration must be shorter than the certificate's ${PRIVATE_CERTIFICATE_VALIDITY_DAYS}-day validity, got ${show(props.earlyRenewalDuration)} (about ${Math.round(days)} days)`,
        );
      }
      if (days < DEFAULT_RENEWAL_WINDOW_DAYS) {
        Annotations.of(this).addWarning(
          `earlyRenewalDuration ${show(props.earlyRenewalDuration)} is under ${DEFAULT_RENEWAL_WINDOW_DAYS} days and has no effect: ACM renews ${DEFAULT_RENEWAL_WINDOW_DAYS} days before expiry anyway`,
        );
      }
    }

    this.domainNames = allNames.every(isLiteral) ? allNames : undefined;
    this.resource = new AcmCertificate(this, "Certificate", {
      provider: props.provider,
      domainName: props.domainName,
      subjectAlternativeNames: sans.length > 0 ? [...sans] : undefined,
      certificateAuthorityArn: ca.certificateAuthorityArn,
      keyAlgorithm: this.keyAlgorithm.value,
      earlyRenewalDuration: props.earlyRenewalDuration,
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: ca.activation.length > 0 ? [...ca.activation] : undefined,
      lifecycle: { createBeforeDestroy: props.createBeforeDestroy ?? true },
    });
    this.certificateArn = this.resource.arn;
  }

  private checkAuthority(ca: ICertificateAuthority): void {
    const name = show(ca.node.path);
    if (ca.usageMode === "SHORT_LIVED_CERTIFICATE") {
      throw new ValidationError(
        this,
        `certificateAuthority ${name} is a SHORT_LIVED_CERTIFICATE CA: ACM cannot issue certificates signed by a short-lived CA ` +
          `(they last ${PRIVATE_CERTIFICATE_VALIDITY_DAYS} days, the mode allows 7); use a GENERAL_PURPOSE CA`,
      );
    }
    if (ca.validity !== undefined && ca.validity.minDays <= PRIVATE_CERTIFICATE_VALIDITY_DAYS) {
      throw new ValidationError(
        this,
        `certificateAuthority ${name} has a validity of ${ca.validity}, but ACM private certificates last ${PRIVATE_CERTIFICATE_VALIDITY_DAYS} days ` +
          "and must end before the CA's certificate; give the CA a longer validity",
      );
    }
  }
}
