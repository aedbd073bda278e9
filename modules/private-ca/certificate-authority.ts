import { AcmpcaCertificate } from "@cdktf/provider-aws/lib/acmpca-certificate";
import { AcmpcaCertificateAuthority } from "@cdktf/provider-aws/lib/acmpca-certificate-authority";
import { AcmpcaCertificateAuthorityCertificate } from "@cdktf/provider-aws/lib/acmpca-certificate-authority-certificate";
import { AcmpcaPermission } from "@cdktf/provider-aws/lib/acmpca-permission";
import { AcmpcaPolicy } from "@cdktf/provider-aws/lib/acmpca-policy";
import { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { KeyFamily } from "../certificate/key-algorithm";
import { assertOneOf, show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral, isUnresolved } from "../util/tokens";
import { CaKeyAlgorithm, CaSigningAlgorithm, resolveCaAlgorithms } from "./ca-algorithms";
import { CaSharing, CaSharingOptions, checkCaSharing } from "./ca-sharing";
import { CaSubject, checkCaSubject } from "./ca-subject";
import { checkCaCanIssue, checkCaRegion, checkPathLength } from "./ca-checks";
import { rootCaTemplateArn, subordinateCaTemplateArn } from "./ca-templates";
import {
  CaType,
  CaUsageMode,
  checkUsageMode,
  ICertificateAuthority,
} from "./certificate-authority-ref";
import { awsPartition } from "./partition";
import { ResolvedRevocation, resolveRevocation, RevocationOptions } from "./revocation";
import { SHORT_LIVED_MAX_DAYS, Validity } from "./validity";

/** The principal ACM renews (and issues) private certificates as. */
export const ACM_SERVICE_PRINCIPAL = "acm.amazonaws.com";

/** What ACM needs on a CA to issue and renew private certificates from it. */
export const ACM_PERMISSION_ACTIONS: readonly string[] = [
  "IssueCertificate",
  "GetCertificate",
  "ListPermissions",
];

/** Where a CA's keys live. LEVEL_3 is the API default but is not offered in every region. */
export type KeyStorageSecurityStandard =
  "FIPS_140_2_LEVEL_2_OR_HIGHER" | "FIPS_140_2_LEVEL_3_OR_HIGHER";

const KEY_STORAGE_STANDARDS: readonly KeyStorageSecurityStandard[] = [
  "FIPS_140_2_LEVEL_2_OR_HIGHER",
  "FIPS_140_2_LEVEL_3_OR_HIGHER",
];

/** The default validity of a root CA's certificate. */
export const DEFAULT_ROOT_VALIDITY = Validity.years(10);
/** The default validity of a subordinate CA's certificate (one level below a root). */
export const DEFAULT_SUBORDINATE_VALIDITY = Validity.years(5);

/** AWS Private CA: a deleted CA can be restored for 7 to 30 days. */
export const MIN_DELETION_DAYS = 7;
export const MAX_DELETION_DAYS = 30;

/** The certificate an externally signed subordinate was given by its signer. */
export interface ExternalSignature {
  /** The signed CA certificate (PEM). */
  readonly certificate: string;
  /** The chain up to the root, without this certificate (PEM). Required by AWS for a subordinate. */
  readonly certificateChain: string;
}

export interface CertificateAuthorityProps {
  /** ROOT (self-signed) or SUBORDINATE (signed by `parent`, or externally). */
  readonly type: CaType;
  /** The CA's distinguished name. */
  readonly subject: CaSubject;
  /**
   * The CA's key: RSA_2048, RSA_3072, RSA_4096, EC_prime256v1, EC_secp384r1 or EC_secp521r1.
   * Must be known at synth: its family decides the signing algorithm and which private
   * certificates the CA can issue (ACM requires the same family).
   * @default CaKeyAlgorithm.RSA_2048
   */
  readonly keyAlgorithm?: CaKeyAlgorithm | string;
  /**
   * The CA's signing algorithm, of the key's family (`*WITHRSA` for RSA, `*WITHECDSA` for EC).
   * @default SHA256WITHRSA for RSA keys; SHA256, SHA384 or SHA512WITHECDSA for P-256, P-384, P-521
   */
  readonly signingAlgorithm?: CaSigningAlgorithm | string;
  /**
   * The validity of the CA's own certificate. A subordinate's must be shorter than its
   * parent's (AWS Private CA refuses a certificate that outlives its issuer). A CA that signs
   * ACM private certificates needs more than 395 days, their lifetime. For an externally
   * signed subordinate it only declares what the signer grants, for the checks of its children.
   * @default 10 years for a root, 5 years for a subordinate; unknown when externally signed
   */
  readonly validity?: Validity;
  /**
   * GENERAL_PURPOSE or SHORT_LIVED_CERTIFICATE (at most 7-day certificates, cheaper, the last
   * CA of its branch, and no ACM certificates).
   * @default "GENERAL_PURPOSE"
   */
  readonly usageMode?: CaUsageMode;
  /**
   * Where the CA's private key is kept. Some regions do not offer LEVEL_3 and reject a CA that
   * asks for it ("A certificate authority cannot be created in this region with the specified
   * security standard"); choose FIPS_140_2_LEVEL_2_OR_HIGHER there.
   * @default the API default, FIPS_140_2_LEVEL_3_OR_HIGHER
   */
  readonly keyStorageSecurityStandard?: KeyStorageSecurityStandard;
  /**
   * SUBORDINATE only: how many CA levels may sit below this one, 0 to 3 (five levels at most
   * in all). It picks the template `SubordinateCACertificate_PathLen<n>/V1`, and must be lower
   * than the parent's. A root's certificate has no path length constraint.
   * @default 0
   */
  readonly pathLength?: number;
  /**
   * SUBORDINATE: the CA that signs this one in the same stack (a CertificateAuthority, or an
   * existing CA with a known signing algorithm). Mutually exclusive with `externalSignature`
   * and `externallySigned`.
   * @default none
   */
  readonly parent?: ICertificateAuthority;
  /**
   * SUBORDINATE signed outside this stack: read the CSR from `certificateSigningRequest`, have
   * it signed, then pass the result here. Until then the CA stays PENDING_CERTIFICATE and
   * cannot issue.
   * @default none
   */
  readonly externalSignature?: ExternalSignature;
  /**
   * SUBORDINATE signed outside this stack, certificate not available yet: creates the CA and
   * exposes its CSR. Set `externalSignature` once it is signed.
   * @default false
   */
  readonly externallySigned?: boolean;
  /**
   * Revocation: CRLs (on: give a bucket, or `crl: false`) and OCSP (off unless given).
   */
  readonly revocation: RevocationOptions;
  /**
   * Days a deleted CA stays restorable, 7 to 30 (you are not billed meanwhile unless you
   * restore it).
   * @default 7
   */
  readonly permanentDeletionTimeInDays?: number;
  /**
   * Terraform `prevent_destroy`: any plan that would delete or replace the CA fails. To tear
   * down, first apply with this set to false, then destroy.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Create `aws_acmpca_permission` letting ACM (acm.amazonaws.com) issue and renew private
   * certificates from this CA: IssueCertificate, GetCertificate, ListPermissions. Without it
   * ACM's renewals fail silently and requests fail. Not possible on a short-lived CA, which ACM
   * cannot use.
   * @default true for a GENERAL_PURPOSE CA, false for a short-lived one
   */
  readonly acmRenewalPermission?: boolean;
  /**
   * A resource-based policy (JSON) for the CA (`aws_acmpca_policy`), for cross-account
   * issuance without RAM.
   * @default none
   */
  readonly resourcePolicy?: string;
  /**
   * Share the CA through AWS RAM with accounts, an organization or OUs.
   * @default not shared
   */
  readonly sharing?: CaSharingOptions;
  /**
   * Whether the CA is enabled. A disabled CA issues nothing but still costs its monthly fee.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The partition for template ARNs.
   * @default derived from the provider's region
   */
  readonly partition?: string;
  /** @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What `checkProps` derives from the props, for the steps that create resources. */
interface CheckedCaProps {
  readonly keyAlgorithm: CaKeyAlgorithm;
  readonly signingAlgorithm: CaSigningAlgorithm;
  readonly usageMode: CaUsageMode;
  readonly validity?: Validity;
  readonly deletionDays: number;
  readonly region?: string;
  readonly pathLength?: number;
  readonly revocation: ResolvedRevocation;
  readonly acmPermission: boolean;
  readonly partition: string;
}

/**
 * One AWS Private CA, activated in the same apply where possible:
 * - a ROOT self-signs its CSR with `aws_acmpca_certificate` and the RootCACertificate/V1
 *   template, then installs it with `aws_acmpca_certificate_authority_certificate`;
 * - a SUBORDINATE with a `parent` is signed by the parent with the template for its path
 *   length, after the parent is active, then installed;
 * - an externally signed SUBORDINATE exposes its CSR and installs the certificate given back.
 *
 * Plus the CRL/OCSP settings, the ACM permission, an optional resource policy and RAM sharing.
 * `activation` lists what issuers must depend on (terraform-provider-aws#31132).
 */
export class CertificateAuthority extends Construct implements ICertificateAuthority {
  readonly certificateAuthorityArn: string;
  /** The CA's CSR, to sign elsewhere for an externally signed subordinate. */
  readonly certificateSigningRequest: string;
  /**
   * The CA's own certificate (PEM) once signed: for a root, the certificate to distribute to
   * trust stores. Undefined for an externally signed CA awaiting its certificate.
   */
  readonly certificatePem?: string;
  /** The chain above the CA's certificate (PEM); undefined for a root or when not known. */
  readonly certificateChainPem?: string;
  readonly type: CaType;
  readonly keyAlgorithm: CaKeyAlgorithm;
  /** RSA or EC; undefined when `keyAlgorithm` is a token (unknown at synth). */
  readonly keyFamily?: KeyFamily;
  readonly signingAlgorithm: CaSigningAlgorithm;
  readonly usageMode: CaUsageMode;
  /** The CA certificate's validity; undefined for an externally signed CA that did not declare it. */
  readonly validity?: Validity;
  readonly pathLength?: number;
  readonly region?: string;
  readonly active: boolean;
  readonly activation: readonly ITerraformDependable[];
  /** The `aws_acmpca_certificate_authority`. */
  readonly resource: AcmpcaCertificateAuthority;
  /** The `aws_acmpca_certificate` that signs this CA's certificate, when signed in this stack. */
  readonly signingCertificate?: AcmpcaCertificate;
  /** The `aws_acmpca_certificate_authority_certificate` that activates the CA. */
  readonly installation?: AcmpcaCertificateAuthorityCertificate;
  readonly acmPermission?: AcmpcaPermission;
  readonly policy?: AcmpcaPolicy;
  readonly sharing?: CaSharing;

  constructor(scope: Construct, id: string, props: CertificateAuthorityProps) {
    super(scope, id);
    // 1. Validate the props; derive what the resources need.
    const checked = this.checkProps(props);
    this.type = props.type;
    this.keyAlgorithm = checked.keyAlgorithm;
    this.keyFamily = checked.keyAlgorithm.family;
    this.signingAlgorithm = checked.signingAlgorithm;
    this.usageMode = checked.usageMode;
    this.validity = checked.validity;
    this.pathLength = checked.pathLength;
    this.region = checked.region;

    // 2. The CA itself.
    this.resource = this.createAuthority(props, checked);
    this.certificateAuthorityArn = this.resource.arn;
    this.certificateSigningRequest = this.resource.certificateSigningRequest;

    // 3. Its certificate: self-signed, signed by the parent, or given from outside.
    const signed = this.sign(props, checked.partition);
    this.signingCertificate = signed.signingCertificate;
    this.certificatePem = signed.certificate;
    this.certificateChainPem = signed.chain;

    // 4. Activation: install the certificate, then grant ACM and the policy.
    this.installation = this.install(props, signed.certificate, signed.chain);
    this.active = signed.certificate !== undefined;
    this.acmPermission = checked.acmPermission ? this.grantAcm(props) : undefined;
    this.policy = this.attachPolicy(props);
    this.activation = [this.installation, this.acmPermission, this.policy].filter(
      (d): d is NonNullable<typeof d> => d !== undefined,
    );

    // 5. Sharing through RAM.
    this.sharing = props.sharing
      ? new CaSharing(this, "Sharing", {
          ...props.sharing,
          certificateAuthorityArn: this.resource.arn,
          provider: props.provider,
          tags: props.tags,
        })
      : undefined;
  }

  /** Step 1: every prop check, in the order the props are documented; returns derived values. */
  private checkProps(props: CertificateAuthorityProps): CheckedCaProps {
    if (props.type !== "ROOT" && props.type !== "SUBORDINATE") {
      throw new ValidationError(
        this,
        `type must be "ROOT" or "SUBORDINATE", got ${show(props.type)}`,
      );
    }
    const type = props.type;
    checkCaSubject(this, "subject", props.subject);
    const { keyAlgorithm, signingAlgorithm } = resolveCaAlgorithms(
      this,
      props.keyAlgorithm,
      props.signingAlgorithm,
    );
    const usageMode = props.usageMode ?? "GENERAL_PURPOSE";
    checkUsageMode(this, "usageMode", usageMode);
    if (
      props.keyStorageSecurityStandard !== undefined &&
      !isUnresolved(props.keyStorageSecurityStandard)
    ) {
      assertOneOf(
        this,
        "keyStorageSecurityStandard",
        props.keyStorageSecurityStandard,
        KEY_STORAGE_STANDARDS,
      );
    }
    const signedHere = type === "ROOT" || props.parent !== undefined;
    // An externally signed CA's validity is the signer's choice: known only when declared.
    const validity =
      props.validity !== undefined || signedHere
        ? Validity.of(
            this,
            "validity",
            props.validity ??
              (type === "ROOT" ? DEFAULT_ROOT_VALIDITY : DEFAULT_SUBORDINATE_VALIDITY),
          )
        : undefined;
    const deletionDays = props.permanentDeletionTimeInDays ?? MIN_DELETION_DAYS;
    if (
      !isUnresolved(deletionDays) &&
      (!Number.isInteger(deletionDays) ||
        deletionDays < MIN_DELETION_DAYS ||
        deletionDays > MAX_DELETION_DAYS)
    ) {
      throw new ValidationError(
        this,
        `permanentDeletionTimeInDays must be a whole number from ${MIN_DELETION_DAYS} to ${MAX_DELETION_DAYS}, got ${show(deletionDays)}`,
      );
    }
    this.checkSigning(props);
    const region = regionOf(this, props.provider);
    const pathLength = type === "SUBORDINATE" ? (props.pathLength ?? 0) : undefined;
    if (props.parent) {
      this.checkParent(props.parent, { validity: validity as Validity, pathLength, region });
    }
    const revocation = resolveRevocation(this, props.revocation);
    const acmPermission = props.acmRenewalPermission ?? usageMode === "GENERAL_PURPOSE";
    if (acmPermission && usageMode === "SHORT_LIVED_CERTIFICATE") {
      throw new ValidationError(
        this,
        "acmRenewalPermission must be false on a SHORT_LIVED_CERTIFICATE CA: ACM cannot issue certificates signed by a short-lived CA, got true",
      );
    }
    if (props.resourcePolicy !== undefined && isLiteral(props.resourcePolicy)) {
      try {
        JSON.parse(props.resourcePolicy);
      } catch {
        throw new ValidationError(
          this,
          `resourcePolicy must be a JSON policy document, got ${show(props.resourcePolicy)}`,
        );
      }
    }
    if (props.sharing) checkCaSharing(this, "sharing", props.sharing);
    return {
      keyAlgorithm,
      signingAlgorithm,
      usageMode,
      validity,
      deletionDays,
      region,
      pathLength,
      revocation,
      acmPermission,
      partition: props.partition ?? awsPartition(region),
    };
  }

  /** Step 2: the `aws_acmpca_certificate_authority`. */
  private createAuthority(
    props: CertificateAuthorityProps,
    checked: CheckedCaProps,
  ): AcmpcaCertificateAuthority {
    return new AcmpcaCertificateAuthority(this, "CertificateAuthority", {
      provider: props.provider,
      type: props.type,
      certificateAuthorityConfiguration: {
        keyAlgorithm: checked.keyAlgorithm.value,
        signingAlgorithm: checked.signingAlgorithm.value,
        subject: { ...props.subject },
      },
      usageMode: checked.usageMode,
      keyStorageSecurityStandard: props.keyStorageSecurityStandard,
      permanentDeletionTimeInDays: checked.deletionDays,
      enabled: props.enabled ?? true,
      revocationConfiguration: checked.revocation.configuration,
      dependsOn:
        checked.revocation.dependsOn.length > 0 ? [...checked.revocation.dependsOn] : undefined,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      tags: props.tags ? { ...props.tags } : undefined,
    });
  }

  /**
   * Step 3: the CA's certificate and chain. A root self-signs with RootCACertificate/V1; a
   * subordinate with a parent is signed by it with the template for its path length, once the
   * parent is active; an externally signed one takes what the signer gave, if given yet.
   */
  private sign(
    props: CertificateAuthorityProps,
    partition: string,
  ): { signingCertificate?: AcmpcaCertificate; certificate?: string; chain?: string } {
    const validity = this.validity as Validity;
    if (this.type === "ROOT") {
      const signingCertificate = new AcmpcaCertificate(this, "Certificate", {
        provider: props.provider,
        certificateAuthorityArn: this.resource.arn,
        certificateSigningRequest: this.resource.certificateSigningRequest,
        signingAlgorithm: this.signingAlgorithm.value,
        templateArn: rootCaTemplateArn(partition),
        validity: validity.toBlock(),
      });
      return { signingCertificate, certificate: signingCertificate.certificate };
    }
    if (props.parent) {
      const parent = props.parent;
      const signingCertificate = new AcmpcaCertificate(this, "Certificate", {
        provider: props.provider,
        certificateAuthorityArn: parent.certificateAuthorityArn,
        certificateSigningRequest: this.resource.certificateSigningRequest,
        signingAlgorithm: (parent.signingAlgorithm as CaSigningAlgorithm).value,
        templateArn: subordinateCaTemplateArn(partition, this.pathLength as number),
        validity: validity.toBlock(),
        // The parent must be ACTIVE before it can sign (terraform-provider-aws#31132).
        dependsOn: parent.activation.length > 0 ? [...parent.activation] : undefined,
      });
      return {
        signingCertificate,
        certificate: signingCertificate.certificate,
        chain: signingCertificate.certificateChain,
      };
    }
    return {
      certificate: props.externalSignature?.certificate,
      chain: props.externalSignature?.certificateChain,
    };
  }

  /** Step 4a: install the certificate, which makes the CA ACTIVE; none while it is missing. */
  private install(
    props: CertificateAuthorityProps,
    certificate: string | undefined,
    chain: string | undefined,
  ): AcmpcaCertificateAuthorityCertificate | undefined {
    if (certificate === undefined) return undefined;
    return new AcmpcaCertificateAuthorityCertificate(this, "Installation", {
      provider: props.provider,
      certificateAuthorityArn: this.resource.arn,
      certificate,
      certificateChain: chain,
    });
  }

  /** Step 4b: let ACM issue and renew private certificates from this CA. */
  private grantAcm(props: CertificateAuthorityProps): AcmpcaPermission {
    return new AcmpcaPermission(this, "AcmPermission", {
      provider: props.provider,
      certificateAuthorityArn: this.resource.arn,
      principal: ACM_SERVICE_PRINCIPAL,
      actions: [...ACM_PERMISSION_ACTIONS],
    });
  }

  /** Step 4c: the resource policy, when given. */
  private attachPolicy(props: CertificateAuthorityProps): AcmpcaPolicy | undefined {
    if (props.resourcePolicy === undefined) return undefined;
    return new AcmpcaPolicy(this, "Policy", {
      provider: props.provider,
      resourceArn: this.resource.arn,
      policy: props.resourcePolicy,
    });
  }

  /** Checks how the CA gets its certificate: self, parent, or external. */
  private checkSigning(props: CertificateAuthorityProps): void {
    const ways = [
      props.parent !== undefined ? "parent" : undefined,
      props.externalSignature !== undefined ? "externalSignature" : undefined,
      props.externallySigned ? "externallySigned" : undefined,
    ].filter((w): w is string => w !== undefined);
    if (props.type === "ROOT") {
      if (ways.length > 0 || props.pathLength !== undefined) {
        const given = [...ways, ...(props.pathLength !== undefined ? ["pathLength"] : [])];
        throw new ValidationError(
          this,
          `a ROOT CA signs itself and has no path length constraint; remove ${given.join(", ")}`,
        );
      }
      return;
    }
    if (ways.length === 0) {
      throw new ValidationError(
        this,
        "a SUBORDINATE CA needs a parent: set parent (a CA in this stack that signs it) or, for a CA signed outside this stack, " +
          "externallySigned (then externalSignature once signed); got none",
      );
    }
    if (props.parent !== undefined && ways.length > 1) {
      throw new ValidationError(
        this,
        `a SUBORDINATE CA is signed either by parent or externally, got ${ways.join(" and ")}`,
      );
    }
    if (props.externalSignature) {
      const { certificate, certificateChain } = props.externalSignature;
      for (const [field, value] of [
        ["certificate", certificate],
        ["certificateChain", certificateChain],
      ] as const) {
        if (typeof value !== "string" || value === "") {
          throw new ValidationError(
            this,
            `externalSignature.${field} must be PEM text (AWS requires the chain when installing a subordinate), got ${show(value)}`,
          );
        }
        if (isLiteral(value) && !value.includes("-----BEGIN CERTIFICATE-----")) {
          throw new ValidationError(
            this,
            `externalSignature.${field} must be PEM text starting with "-----BEGIN CERTIFICATE-----", got ${show(value)}`,
          );
        }
      }
    }
    checkPathLength(this, "pathLength", props.pathLength ?? 0);
  }

  /** Checks this subordinate (its validity, path length and region) against the CA that signs it. */
  private checkParent(
    parent: ICertificateAuthority,
    self: { validity: Validity; pathLength?: number; region?: string },
  ): void {
    checkCaCanIssue(this, "parent", parent);
    const name = show(parent.node.path);
    const validity = self.validity;
    if (parent.signingAlgorithm === undefined) {
      throw new ValidationError(
        this,
        `parent ${name} has no known signingAlgorithm; give it when referencing an existing CA`,
      );
    }
    if (parent.usageMode === "SHORT_LIVED_CERTIFICATE") {
      if (validity.maxDays > SHORT_LIVED_MAX_DAYS) {
        throw new ValidationError(
          this,
          `parent ${name} is a SHORT_LIVED_CERTIFICATE CA, which issues certificates valid at most ${SHORT_LIVED_MAX_DAYS} days, ` +
            `but validity asks for ${validity}`,
        );
      }
      throw new ValidationError(
        this,
        `parent ${name} is a SHORT_LIVED_CERTIFICATE CA, which must be the last CA of its branch; it cannot sign a subordinate CA`,
      );
    }
    const myPathLength = self.pathLength as number;
    if (parent.type === "SUBORDINATE" && parent.pathLength !== undefined) {
      if (parent.pathLength <= myPathLength) {
        throw new ValidationError(
          this,
          `pathLength ${myPathLength} does not fit under parent ${name}, whose path length ${parent.pathLength} ` +
            `allows ${parent.pathLength === 0 ? "no CA" : `at most ${parent.pathLength - 1} level(s) of CAs`} below this one; ` +
            "raise the parent's pathLength or lower this one",
        );
      }
    }
    if (parent.validity !== undefined && validity.mayOutlive(parent.validity)) {
      throw new ValidationError(
        this,
        `validity ${validity} (up to ${validity.maxDays} days) must be shorter than parent ${name}'s ${parent.validity} ` +
          `(at least ${parent.validity.minDays} days): AWS Private CA refuses a certificate that outlives its issuer`,
      );
    }
    // The signing call (IssueCertificate on the parent's ARN) goes through this CA's provider.
    checkCaRegion(this, "parent", parent, self.region, "this CA");
  }
}
