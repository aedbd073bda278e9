import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { MAX_SUBORDINATE_PATH_LENGTH } from "./ca-templates";
import {
  CertificateAuthority,
  CertificateAuthorityProps,
  ExternalSignature,
} from "./certificate-authority";
import { estimatePrivateCaCost, PrivateCaCostEstimate } from "./cost";
import { CrlBucket } from "./crl-bucket";
import { CrlObjectAcl, OcspOptions, RevocationOptions } from "./revocation";
import { Validity } from "./validity";

/** The name of the root CA in a hierarchy (its construct id, and what `parent` refers to). */
export const ROOT_CA_NAME = "Root";

/**
 * Default validity by depth: 10 years for the root, then 5, 3, 2 and 1 years. Each level is
 * shorter than the one above, as AWS Private CA requires.
 */
export const DEFAULT_VALIDITY_BY_DEPTH: readonly Validity[] = [
  Validity.years(10),
  Validity.years(5),
  Validity.years(3),
  Validity.years(2),
  Validity.years(1),
];

/**
 * What can be set on each CA of a hierarchy: the props of a CertificateAuthority that are
 * per-CA (documented there), with hierarchy-wide defaults for validity and the ACM permission.
 */
export interface CaSettings extends Pick<
  CertificateAuthorityProps,
  | "subject"
  | "keyAlgorithm"
  | "signingAlgorithm"
  | "usageMode"
  | "keyStorageSecurityStandard"
  | "resourcePolicy"
  | "sharing"
  | "enabled"
> {
  /**
   * The CA certificate's validity; shorter than the parent's.
   * @default by depth: 10 years for the root, then 5, 3, 2, 1 years
   */
  readonly validity?: Validity;
  /**
   * Let ACM issue and renew private certificates from this CA (`aws_acmpca_permission`).
   * @default true for a general-purpose CA with no subordinates (an issuing CA), else false
   */
  readonly acmRenewalPermission?: boolean;
  /** Tags on top of the hierarchy's. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A subordinate CA of a hierarchy. */
export interface SubordinateCaSettings extends CaSettings {
  /**
   * The CA's name: its construct id (part of every Terraform address below it, so treat it as
   * API) and what children refer to in `parent`. PascalCase letters and digits, not "Root".
   */
  readonly name: string;
  /**
   * The name of the CA that signs this one: "Root" or another subordinate. Required unless
   * the CA is externally signed.
   * @default none
   */
  readonly parent?: string;
  /**
   * Signed outside this stack: the CA is created and exposes its CSR
   * (`certificateSigningRequest`); it becomes active once `externalSignature` is given.
   * @default false
   */
  readonly externallySigned?: boolean;
  /** The externally signed certificate and chain, once available. @default none */
  readonly externalSignature?: ExternalSignature;
  /**
   * CA levels allowed below this one (0 to 3). It must hold the subordinates configured below
   * it.
   * @default the number of CA levels configured below it (0 for an issuing CA)
   */
  readonly pathLength?: number;
}

/** Certificate revocation lists for every CA of a hierarchy. */
export interface HierarchyCrlOptions {
  /**
   * Publish CRLs. On by default; turning them off leaves revoked certificates trusted until
   * they expire unless OCSP is on.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The CRL bucket's name; S3 naming rules are checked.
   * @default none, which is an error while CRLs are on
   */
  readonly bucketName?: string;
  /**
   * Create the bucket (Block Public Access on, ACLs off, a policy for acm-pca.amazonaws.com).
   * Set false to use your own bucket, whose policy must already allow AWS Private CA.
   * @default true
   */
  readonly createBucket?: boolean;
  /**
   * The account the CAs live in, for the created bucket's policy (`aws:SourceAccount`).
   * @default none, which is an error when `createBucket` is on
   */
  readonly accountId?: string;
  /** Days a CRL stays valid, 1 to 5000. @default 7 */
  readonly expirationInDays?: number;
  /** A DNS name for the CRL distribution point (CloudFront in front of the bucket). @default none */
  readonly customCname?: string;
  /** Only for your own bucket. @default "BUCKET_OWNER_FULL_CONTROL" */
  readonly s3ObjectAcl?: CrlObjectAcl;
  /** Let destroy empty the created bucket. @default false */
  readonly forceDestroy?: boolean;
}

export interface CertificateAuthorityHierarchyProps {
  /** The root CA: self-signed with the RootCACertificate/V1 template. */
  readonly root: CaSettings;
  /**
   * Subordinate CAs, signed by the root, by another subordinate, or externally. At most four
   * levels below the root (AWS Private CA: five levels in all).
   * @default none
   */
  readonly subordinates?: readonly SubordinateCaSettings[];
  /**
   * CRLs, on by default: give `bucketName` (and `accountId` for a created bucket).
   * @default CRLs on with no bucket, which is an error: decide
   */
  readonly crl?: HierarchyCrlOptions;
  /** OCSP for every CA. @default off */
  readonly ocsp?: OcspOptions | false;
  /** Days a deleted CA stays restorable, 7 to 30. @default 7 */
  readonly permanentDeletionTimeInDays?: number;
  /**
   * `prevent_destroy` on every CA. To tear down: apply with false, then destroy.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /** For template and bucket ARNs. @default derived from the provider's region */
  readonly partition?: string;
  /** @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** Tags on every resource that takes them. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

const NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

/**
 * An AWS Private CA hierarchy in one construct: a ROOT CA and any number of SUBORDINATE CAs,
 * each signed and activated in order (the root self-signs; each subordinate is signed by its
 * parent once the parent is active, or externally), a CRL bucket, the ACM permission on the
 * issuing CAs, and optional resource policies and RAM sharing.
 *
 * Checked at synth, across the tree: every subordinate has a parent that exists, no cycles,
 * each path length holds the levels below it, each validity is shorter than its parent's, no
 * CA sits under a short-lived CA, key and signing algorithms match, the bucket name is valid.
 *
 * Every CA gets `prevent_destroy` unless `preventDestroy` is false, and a 7-day restore
 * window unless told otherwise.
 */
export class CertificateAuthorityHierarchy extends Construct {
  readonly root: CertificateAuthority;
  /** Every CA by name, the root as "Root", parents before children. */
  readonly authorities: ReadonlyMap<string, CertificateAuthority>;
  /** The CAs with no subordinates here: the ones that issue end-entity certificates. */
  readonly issuingAuthorities: readonly CertificateAuthority[];
  /** The created CRL bucket, when `crl.createBucket` is on. */
  readonly crlBucket?: CrlBucket;
  /** The root CA's certificate (PEM): what clients must trust. */
  readonly rootCertificatePem: string;

  constructor(scope: Construct, id: string, props: CertificateAuthorityHierarchyProps) {
    super(scope, id);
    if (!props.root || typeof props.root !== "object") {
      throw new ValidationError(
        this,
        `root must be the root CA's settings, got ${show(props.root)}`,
      );
    }
    const subordinates = props.subordinates ?? [];
    const byName = this.checkNames(subordinates);
    const children = new Map<string, string[]>([[ROOT_CA_NAME, []]]);
    for (const s of subordinates) children.set(s.name, []);
    for (const s of subordinates) {
      if (s.parent !== undefined) children.get(s.parent)?.push(s.name);
    }
    const order = this.order(subordinates, byName);
    const heights = new Map<string, number>();
    const heightOf = (name: string): number => {
      const known = heights.get(name);
      if (known !== undefined) return known;
      const kids = children.get(name) ?? [];
      const h = kids.length === 0 ? 0 : 1 + Math.max(...kids.map(heightOf));
      heights.set(name, h);
      return h;
    };
    const depth = new Map<string, number>([[ROOT_CA_NAME, 0]]);
    for (const s of order) depth.set(s.name, s.parent ? (depth.get(s.parent) as number) + 1 : 1);
    this.checkPathLengths(order, heightOf);

    const { revocation, bucket } = this.revocation(props);
    this.crlBucket = bucket;
    const common = {
      permanentDeletionTimeInDays: props.permanentDeletionTimeInDays,
      preventDestroy: props.preventDestroy,
      partition: props.partition,
      provider: props.provider,
      revocation,
    };
    const tagsFor = (settings: CaSettings) =>
      props.tags || settings.tags ? { ...props.tags, ...settings.tags } : undefined;
    const acmPermissionFor = (name: string, settings: CaSettings) =>
      settings.acmRenewalPermission ??
      ((settings.usageMode ?? "GENERAL_PURPOSE") === "GENERAL_PURPOSE" &&
        (children.get(name) ?? []).length === 0);

    const authorities = new Map<string, CertificateAuthority>();
    this.root = new CertificateAuthority(this, ROOT_CA_NAME, {
      ...common,
      ...this.caProps(props.root),
      type: "ROOT",
      validity: props.root.validity ?? DEFAULT_VALIDITY_BY_DEPTH[0],
      acmRenewalPermission: acmPermissionFor(ROOT_CA_NAME, props.root),
      tags: tagsFor(props.root),
    });
    authorities.set(ROOT_CA_NAME, this.root);
    for (const s of order) {
      const signedHere = s.parent !== undefined;
      authorities.set(
        s.name,
        new CertificateAuthority(this, s.name, {
          ...common,
          ...this.caProps(s),
          type: "SUBORDINATE",
          parent: signedHere ? authorities.get(s.parent as string) : undefined,
          externallySigned: s.externallySigned,
          externalSignature: s.externalSignature,
          pathLength: s.pathLength ?? heightOf(s.name),
          validity:
            s.validity ??
            (signedHere ? DEFAULT_VALIDITY_BY_DEPTH[depth.get(s.name) as number] : undefined),
          acmRenewalPermission: acmPermissionFor(s.name, s),
          tags: tagsFor(s),
        }),
      );
    }
    this.authorities = authorities;
    this.issuingAuthorities = [...authorities.entries()]
      .filter(([name]) => (children.get(name) ?? []).length === 0)
      .map(([, ca]) => ca);
    this.rootCertificatePem = this.root.certificatePem as string;
  }

  /** The CA called `name` ("Root" or a subordinate's name). Throws listing the names otherwise. */
  authority(name: string): CertificateAuthority {
    const found = this.authorities.get(name);
    if (!found) {
      throw new ValidationError(
        this,
        `no CA named ${show(name)}; the hierarchy has ${[...this.authorities.keys()].map((n) => show(n)).join(", ")}`,
      );
    }
    return found;
  }

  /**
   * A monthly estimate from list prices (see `PRIVATE_CA_PRICES`): every CA by its mode, plus
   * the billable certificates issued per month, plus once the CA certificates this hierarchy
   * issues itself. ACM private certificates that are not exported are free: do not count them.
   */
  monthlyCostEstimate(
    certificatesPerMonth = 0,
    shortLivedCertificatesPerMonth = 0,
  ): PrivateCaCostEstimate {
    const cas = [...this.authorities.values()];
    return estimatePrivateCaCost({
      generalPurposeCas: cas.filter((c) => c.usageMode === "GENERAL_PURPOSE").length,
      shortLivedCas: cas.filter((c) => c.usageMode === "SHORT_LIVED_CERTIFICATE").length,
      generalPurposeCertificatesPerMonth: certificatesPerMonth,
      shortLivedCertificatesPerMonth: shortLivedCertificatesPerMonth,
      caCertificates: cas.filter((c) => c.signingCertificate !== undefined).length,
    });
  }

  private caProps(settings: CaSettings) {
    return {
      subject: settings.subject,
      keyAlgorithm: settings.keyAlgorithm,
      signingAlgorithm: settings.signingAlgorithm,
      usageMode: settings.usageMode,
      keyStorageSecurityStandard: settings.keyStorageSecurityStandard,
      resourcePolicy: settings.resourcePolicy,
      sharing: settings.sharing,
      enabled: settings.enabled,
    };
  }

  /** Names are unique, PascalCase, not "Root"; returns the subordinates by name. */
  private checkNames(
    subordinates: readonly SubordinateCaSettings[],
  ): Map<string, SubordinateCaSettings> {
    const byName = new Map<string, SubordinateCaSettings>();
    subordinates.forEach((s, i) => {
      if (typeof s.name !== "string" || !NAME.test(s.name)) {
        throw new ValidationError(
          this,
          `subordinates[${i}].name must be PascalCase letters and digits, 1-64 characters, starting with a capital (it is a construct id and part of Terraform addresses), got ${show(s.name)}`,
        );
      }
      if (s.name === ROOT_CA_NAME) {
        throw new ValidationError(
          this,
          `subordinates[${i}].name must not be ${show(ROOT_CA_NAME)}, which names the root CA`,
        );
      }
      if (byName.has(s.name)) {
        throw new ValidationError(
          this,
          `subordinates[${i}].name must be unique, got ${show(s.name)} twice`,
        );
      }
      byName.set(s.name, s);
    });
    subordinates.forEach((s, i) => {
      const external = s.externallySigned === true || s.externalSignature !== undefined;
      if (s.parent === undefined && !external) {
        throw new ValidationError(
          this,
          `subordinates[${i}] (${show(s.name)}) has no parent: set parent to ${show(ROOT_CA_NAME)} or another subordinate's name, ` +
            "or externallySigned for a CA signed outside this stack",
        );
      }
      if (s.parent !== undefined && external) {
        throw new ValidationError(
          this,
          `subordinates[${i}] (${show(s.name)}) has both parent ${show(s.parent)} and an external signature; choose one`,
        );
      }
      if (s.parent !== undefined && s.parent !== ROOT_CA_NAME && !byName.has(s.parent)) {
        throw new ValidationError(
          this,
          `subordinates[${i}] (${show(s.name)}) has parent ${show(s.parent)}, which is not a CA of this hierarchy; ` +
            `known: ${[ROOT_CA_NAME, ...byName.keys()].map((n) => show(n)).join(", ")}`,
        );
      }
      if (s.parent === s.name) {
        throw new ValidationError(
          this,
          `subordinates[${i}] (${show(s.name)}) cannot be its own parent`,
        );
      }
    });
    return byName;
  }

  /** Subordinates in creation order, parents first; throws on a cycle. */
  private order(
    subordinates: readonly SubordinateCaSettings[],
    byName: ReadonlyMap<string, SubordinateCaSettings>,
  ): SubordinateCaSettings[] {
    const done = new Set<string>([ROOT_CA_NAME]);
    const ordered: SubordinateCaSettings[] = [];
    const visit = (s: SubordinateCaSettings, trail: string[]): void => {
      if (done.has(s.name)) return;
      if (trail.includes(s.name)) {
        throw new ValidationError(
          this,
          `subordinates form a cycle: ${[...trail.slice(trail.indexOf(s.name)), s.name].map((n) => show(n)).join(" -> ")}; ` +
            `every chain must end at ${show(ROOT_CA_NAME)} or an externally signed CA`,
        );
      }
      if (s.parent !== undefined && s.parent !== ROOT_CA_NAME) {
        visit(byName.get(s.parent) as SubordinateCaSettings, [...trail, s.name]);
      }
      done.add(s.name);
      ordered.push(s);
    };
    for (const s of subordinates) visit(s, []);
    return ordered;
  }

  /** Each subordinate's path length must hold the CA levels configured below it. */
  private checkPathLengths(
    order: readonly SubordinateCaSettings[],
    heightOf: (name: string) => number,
  ): void {
    const rootHeight = heightOf(ROOT_CA_NAME);
    if (rootHeight > MAX_SUBORDINATE_PATH_LENGTH + 1) {
      throw new ValidationError(
        this,
        `the hierarchy has ${rootHeight} levels of subordinate CAs below the root; AWS Private CA allows at most ` +
          `${MAX_SUBORDINATE_PATH_LENGTH + 1} (five levels in all)`,
      );
    }
    for (const s of order) {
      const needed = heightOf(s.name);
      if (s.pathLength !== undefined && Number.isInteger(s.pathLength) && s.pathLength < needed) {
        throw new ValidationError(
          this,
          `subordinate ${show(s.name)} has pathLength ${s.pathLength}, which cannot hold the ${needed} level(s) of CAs configured below it; ` +
            `set pathLength to at least ${needed} (or leave it unset)`,
        );
      }
    }
  }

  /** The revocation options every CA gets, and the CRL bucket when created. */
  private revocation(props: CertificateAuthorityHierarchyProps): {
    revocation: RevocationOptions;
    bucket?: CrlBucket;
  } {
    const crl = props.crl ?? {};
    const ocsp = props.ocsp ?? false;
    if (crl.enabled === false) return { revocation: { crl: false, ocsp } };
    if (crl.bucketName === undefined) {
      throw new ValidationError(
        this,
        "crl.bucketName is required: CRLs are on by default and need an S3 bucket; set crl.enabled to false to run without CRLs",
      );
    }
    const createBucket = crl.createBucket ?? true;
    if (createBucket) {
      if (crl.accountId === undefined) {
        throw new ValidationError(
          this,
          "crl.accountId is required when the hierarchy creates the CRL bucket: the bucket policy lets AWS Private CA write only for this account",
        );
      }
      const bucket = new CrlBucket(this, "CrlBucket", {
        bucketName: crl.bucketName,
        accountId: crl.accountId,
        partition: props.partition,
        forceDestroy: crl.forceDestroy,
        provider: props.provider,
        tags: props.tags,
      });
      return {
        revocation: {
          crl: {
            bucket,
            expirationInDays: crl.expirationInDays,
            customCname: crl.customCname,
            s3ObjectAcl: crl.s3ObjectAcl,
          },
          ocsp,
        },
        bucket,
      };
    }
    return {
      revocation: {
        crl: {
          bucket: crl.bucketName,
          expirationInDays: crl.expirationInDays,
          customCname: crl.customCname,
          s3ObjectAcl: crl.s3ObjectAcl,
        },
        ocsp,
      },
    };
  }
}
