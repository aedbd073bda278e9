import { ITerraformDependable } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { KeyFamily } from "../certificate/key-algorithm";
import { assertOneOf, show, ValidationError } from "../util/errors";
import { ARN_RULES, checkArn } from "../util/arn";
import { isUnresolved } from "../util/tokens";
import { CaKeyAlgorithm, CaSigningAlgorithm } from "./ca-algorithms";
import { checkPathLength } from "./ca-checks";
import { awsPartition } from "./partition";
import { Validity } from "./validity";

/** A root CA signs itself; a subordinate is signed by a parent. */
export type CaType = "ROOT" | "SUBORDINATE";

/**
 * GENERAL_PURPOSE issues certificates of any validity. SHORT_LIVED_CERTIFICATE issues
 * certificates valid at most 7 days, costs less, must be the last CA of its branch, and cannot
 * sign ACM certificates.
 */
export type CaUsageMode = "GENERAL_PURPOSE" | "SHORT_LIVED_CERTIFICATE";

export const CA_USAGE_MODES: readonly CaUsageMode[] = [
  "GENERAL_PURPOSE",
  "SHORT_LIVED_CERTIFICATE",
];

/** Throws unless `value` is GENERAL_PURPOSE or SHORT_LIVED_CERTIFICATE. */
export function checkUsageMode(
  scope: IConstruct,
  property: string,
  value: string,
): asserts value is CaUsageMode {
  if (isUnresolved(value)) {
    throw new ValidationError(
      scope,
      `${property} must be known at synth: it decides which checks apply to what the CA signs and whether ACM gets its permission, got ${show(value)}`,
    );
  }
  assertOneOf(scope, property, value, CA_USAGE_MODES);
}

/**
 * What issuers need to know about a private CA. Like a certificate's region, these are synth
 * metadata: the ARN is a token at synth, so checks read these instead.
 */
export interface ICertificateAuthority extends IConstruct {
  /** The CA's ARN (`aws_acmpca_certificate_authority.arn`). */
  readonly certificateAuthorityArn: string;
  /** ROOT or SUBORDINATE, when known. */
  readonly type?: CaType;
  /** The CA's key family, when known: a private certificate's key must be of the same family. */
  readonly keyFamily?: KeyFamily;
  /** The CA's key algorithm, when known. */
  readonly keyAlgorithm?: CaKeyAlgorithm;
  /** The algorithm the CA signs with, when known; needed to sign a subordinate. */
  readonly signingAlgorithm?: CaSigningAlgorithm;
  /** The usage mode, when known. */
  readonly usageMode?: CaUsageMode;
  /** The validity of the CA's own certificate, when known. */
  readonly validity?: Validity;
  /**
   * How many CA levels may sit below this CA: undefined for a root (no constraint) or when
   * unknown.
   */
  readonly pathLength?: number;
  /** The CA's region, when known at synth. */
  readonly region?: string;
  /**
   * False when the CA cannot issue after this apply: an externally signed subordinate whose
   * signed certificate was not given yet.
   */
  readonly active: boolean;
  /**
   * What anything issued from this CA must depend on: the installation of its certificate
   * (which makes it ACTIVE) and its ACM permission. Without these edges Terraform may request a
   * certificate while the CA is still PENDING_CERTIFICATE (terraform-provider-aws#31132).
   */
  readonly activation: readonly ITerraformDependable[];
}

/** What synth can know about an existing CA. Every field is optional; unknown skips a check. */
export interface ExistingCertificateAuthorityAttributes {
  /** @default unknown */
  readonly type?: CaType;
  /** @default unknown: the key family is not checked */
  readonly keyAlgorithm?: CaKeyAlgorithm | string;
  /** Needed to sign a subordinate with this CA. @default unknown */
  readonly signingAlgorithm?: CaSigningAlgorithm | string;
  /** @default unknown: the mode is not checked */
  readonly usageMode?: CaUsageMode;
  /** @default unknown: validity comparisons are skipped */
  readonly validity?: Validity;
  /** For a subordinate: 0 to 3. @default unknown */
  readonly pathLength?: number;
  /** The CA's region, for region checks. @default unknown */
  readonly region?: string;
}

class ExistingCertificateAuthority extends Construct implements ICertificateAuthority {
  readonly type?: CaType;
  readonly keyAlgorithm?: CaKeyAlgorithm;
  readonly keyFamily?: KeyFamily;
  readonly signingAlgorithm?: CaSigningAlgorithm;
  readonly usageMode?: CaUsageMode;
  readonly validity?: Validity;
  readonly pathLength?: number;
  readonly region?: string;
  readonly active = true;
  readonly activation: readonly ITerraformDependable[] = [];

  constructor(
    scope: Construct,
    id: string,
    readonly certificateAuthorityArn: string,
    attributes: ExistingCertificateAuthorityAttributes,
  ) {
    super(scope, id);
    // The ARN is parsed: partition, service, resource kind, region and account. Its region is
    // what issuers compare with their provider's (checkCaRegion).
    const arn = checkArn(
      this,
      "certificateAuthorityArn",
      certificateAuthorityArn,
      ARN_RULES.certificateAuthority,
    );
    if (arn && arn.partition !== awsPartition(arn.region)) {
      throw new ValidationError(
        this,
        `certificateAuthorityArn has partition ${show(arn.partition)}, but its region ${show(arn.region)} is in partition ${show(awsPartition(arn.region))}: ${show(certificateAuthorityArn)}`,
      );
    }
    const arnRegion = arn?.region;
    if (attributes.region !== undefined && arnRegion && attributes.region !== arnRegion) {
      throw new ValidationError(
        this,
        `region ${show(attributes.region)} contradicts the ARN's region ${show(arnRegion)}`,
      );
    }
    this.type = attributes.type;
    this.keyAlgorithm =
      attributes.keyAlgorithm === undefined
        ? undefined
        : CaKeyAlgorithm.of(this, "keyAlgorithm", attributes.keyAlgorithm);
    this.keyFamily = this.keyAlgorithm?.family;
    this.signingAlgorithm =
      attributes.signingAlgorithm === undefined
        ? undefined
        : CaSigningAlgorithm.of(this, "signingAlgorithm", attributes.signingAlgorithm);
    if (this.keyAlgorithm?.family !== undefined && this.signingAlgorithm?.family !== undefined) {
      if (this.keyAlgorithm.family !== this.signingAlgorithm.family) {
        throw new ValidationError(
          this,
          `signingAlgorithm ${show(this.signingAlgorithm.value)} does not fit keyAlgorithm ${show(this.keyAlgorithm.value)}`,
        );
      }
    }
    if (attributes.usageMode !== undefined) checkUsageMode(this, "usageMode", attributes.usageMode);
    this.usageMode = attributes.usageMode;
    this.validity = attributes.validity
      ? Validity.of(this, "validity", attributes.validity)
      : undefined;
    if (attributes.pathLength !== undefined)
      checkPathLength(this, "pathLength", attributes.pathLength);
    this.pathLength = attributes.pathLength;
    this.region = attributes.region ?? arnRegion;
  }
}

/** References to private CAs that exist outside this stack. */
export class CertificateAuthorityRef {
  /**
   * An existing CA by ARN (one in another stack, or shared with this account through RAM).
   * Creates no resources. Give what you know about it: each attribute enables a synth check.
   */
  static fromCertificateAuthorityArn(
    scope: Construct,
    id: string,
    certificateAuthorityArn: string,
    attributes: ExistingCertificateAuthorityAttributes = {},
  ): ICertificateAuthority {
    return new ExistingCertificateAuthority(scope, id, certificateAuthorityArn, attributes);
  }
}
