import * as fs from "node:fs";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { CertificateAuthorityHierarchy } from "../private-ca/certificate-authority-hierarchy";
import { checkS3BucketName } from "../util/s3-bucket-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { checkS3Key, checkS3ObjectLocation, s3UriOf, S3ObjectLocation } from "./s3-object-location";
import { TrustStoreBucket } from "./trust-store-bucket";

/**
 * A CA bundle in S3: the PEM certificates of the CAs whose client certificates a trust store
 * accepts. ALB trust stores and API Gateway truststores read it by bucket, key and version.
 */
export interface ICaBundle extends IConstruct, S3ObjectLocation {
  /** `s3://<bucket>/<key>`, API Gateway's `truststore_uri`. */
  readonly s3Uri: string;
}

/** A CA certificate holder, such as `CertificateAuthority`: its PEM once signed. */
export interface CaCertificateSource {
  /** The CA's certificate (PEM); undefined while an externally signed CA awaits it. */
  readonly certificatePem?: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\s*([A-Za-z0-9+/=\s]*?)\s*-----END \1-----/g;

/**
 * Why a literal PEM text is not a CA bundle, or undefined when it is: one or more
 * `CERTIFICATE` blocks with base64 bodies and nothing else (no private key, no CSR, no text
 * between blocks).
 */
export function caBundleProblem(pem: string): string | undefined {
  if (/PRIVATE KEY-----/.test(pem)) {
    return "holds a private key; a CA bundle holds only certificates, and the key must never be uploaded";
  }
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) return "holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
  const other = blocks.find((b) => b[1] !== "CERTIFICATE");
  if (other)
    return `holds a ${JSON.stringify(other[1])} block; only CERTIFICATE blocks belong in a CA bundle`;
  if (blocks.some((b) => b[2].replace(/\s/g, "") === "")) return "holds an empty CERTIFICATE block";
  if (pem.replace(PEM_BLOCK, "").trim() !== "") return "holds text outside its CERTIFICATE blocks";
  return undefined;
}

/** Counts the CERTIFICATE blocks of a literal PEM text. */
export function pemCertificateCount(pem: string): number {
  return [...pem.matchAll(PEM_BLOCK)].filter((b) => b[1] === "CERTIFICATE").length;
}

/** Where a CA bundle's content comes from. */
export class CaBundleSource {
  /** PEM text: one or more CERTIFICATE blocks. A literal is checked; a token passes. */
  static fromPem(pem: string): CaBundleSource {
    return new CaBundleSource("pem", (scope, property) => {
      if (typeof pem !== "string" || pem === "") {
        throw new ValidationError(scope, `${property} must be PEM text, got ${show(pem)}`);
      }
      checkPem(scope, property, pem);
      return pem;
    });
  }

  /** A PEM file, read at synth (the path is relative to the working directory). */
  static fromFile(path: string): CaBundleSource {
    return new CaBundleSource("file", (scope, property) => {
      if (typeof path !== "string" || path === "" || !isLiteral(path)) {
        throw new ValidationError(
          scope,
          `${property} must be the path of a PEM file, known at synth, got ${show(path)}`,
        );
      }
      let pem: string;
      try {
        pem = fs.readFileSync(path, "utf8");
      } catch (e) {
        throw new ValidationError(
          scope,
          `${property}: the file ${show(path)} cannot be read: ${(e as Error).message}`,
        );
      }
      checkPem(scope, `${property} (file ${show(path)})`, pem);
      return pem;
    });
  }

  /**
   * The certificates of some private CAs, in the order given: for example a root and the CA
   * that issues client certificates. Each must be signed in this stack (its PEM known to
   * Terraform), so the bundle follows a re-signed CA.
   */
  static fromCertificateAuthorities(authorities: readonly CaCertificateSource[]): CaBundleSource {
    return new CaBundleSource("authorities", (scope, property) => {
      if (!Array.isArray(authorities) || authorities.length === 0) {
        throw new ValidationError(
          scope,
          `${property} must list at least one certificate authority, got ${show(authorities)}`,
        );
      }
      const pems = authorities.map((ca, i) => {
        const pem = (ca as CaCertificateSource | undefined)?.certificatePem;
        if (typeof pem !== "string" || pem === "") {
          throw new ValidationError(
            scope,
            `${property}[${i}] must be a certificate authority whose certificate is known (signed in this stack), got ${show(pem)}`,
          );
        }
        return pem;
      });
      return joinPems(pems);
    });
  }

  /**
   * Every CA of a hierarchy whose certificate this stack signs: the root and each subordinate
   * down to the issuing CAs, root first. Clients then need to send only their own certificate.
   */
  static fromHierarchy(hierarchy: CertificateAuthorityHierarchy): CaBundleSource {
    return new CaBundleSource("hierarchy", (scope, property) => {
      if (!(hierarchy instanceof CertificateAuthorityHierarchy)) {
        throw new ValidationError(
          scope,
          `${property} must be a CertificateAuthorityHierarchy, got ${show(typeof hierarchy)}`,
        );
      }
      const pems = [...hierarchy.authorities.values()]
        .map((ca) => ca.certificatePem)
        .filter((p): p is string => typeof p === "string");
      return joinPems(pems);
    });
  }

  private constructor(
    /** What kind of source this is: pem, file, authorities or hierarchy. */
    readonly kind: "pem" | "file" | "authorities" | "hierarchy",
    private readonly read: (scope: IConstruct, property: string) => string,
  ) {}

  /** The PEM text to upload; throws a ValidationError naming `property` when it is wrong. */
  contentFor(scope: IConstruct, property: string): string {
    return this.read(scope, property);
  }
}

function checkPem(scope: IConstruct, property: string, pem: string): void {
  if (!isLiteral(pem)) return;
  const problem = caBundleProblem(pem);
  if (problem) throw new ValidationError(scope, `${property} ${problem}: ${show(pem)}`);
}

/** PEM texts one after the other, each ending in a newline. */
function joinPems(pems: readonly string[]): string {
  return pems.map((p) => `${p}\n`).join("");
}

export interface CaBundleProps {
  /**
   * The bucket to write to: a `TrustStoreBucket` (versioned, private, encrypted), or the name of
   * an existing bucket, which must have versioning on for the trust store to pin a version.
   */
  readonly bucket: TrustStoreBucket | string;
  /**
   * The object key.
   * @default "ca-bundle.pem"
   */
  readonly key?: string;
  /** The PEM certificates: `CaBundleSource.fromPem`, `fromFile`, `fromCertificateAuthorities`, `fromHierarchy`. */
  readonly source: CaBundleSource;
  /** @default the bucket's provider, else the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

class ExistingCaBundle extends Construct implements ICaBundle {
  readonly bucketName: string;
  readonly key: string;
  readonly versionId?: string;
  readonly s3Uri: string;
  constructor(scope: Construct, id: string, location: S3ObjectLocation) {
    super(scope, id);
    checkS3ObjectLocation(this, "location", location);
    this.bucketName = location.bucketName;
    this.key = location.key;
    this.versionId = location.versionId;
    this.s3Uri = s3UriOf(location);
  }
}

/**
 * A CA bundle uploaded to S3 (`aws_s3_object`), from PEM text, a file or this library's private
 * CAs. `versionId` is the object's version: pass it on (TrustStore and the API Gateway mTLS
 * option do) and a changed bundle reaches the trust store, because the version changes with the
 * content. Written after the bucket's versioning, public access block and encryption.
 */
export class CaBundle extends Construct implements ICaBundle {
  /** An existing bundle object; creates nothing. Give `versionId` to pin it. */
  static fromObject(scope: Construct, id: string, location: S3ObjectLocation): ICaBundle {
    return new ExistingCaBundle(scope, id, location);
  }

  /** The `aws_s3_object`. */
  readonly resource: S3Object;
  readonly bucketName: string;
  readonly key: string;
  /** The object's version id (`aws_s3_object.version_id`), known after apply. */
  readonly versionId: string;
  readonly s3Uri: string;
  /** The number of certificates, when the content is known at synth. */
  readonly certificateCount?: number;

  constructor(scope: Construct, id: string, props: CaBundleProps) {
    super(scope, id);
    const managed = props.bucket instanceof TrustStoreBucket ? props.bucket : undefined;
    const bucketName = managed ? managed.bucketName : (props.bucket as string);
    if (!managed) checkS3BucketName(this, "bucket", bucketName);
    const key = props.key ?? "ca-bundle.pem";
    checkS3Key(this, "key", key);
    if (!(props.source instanceof CaBundleSource)) {
      throw new ValidationError(
        this,
        `source must be a CaBundleSource (CaBundleSource.fromPem, fromFile, fromCertificateAuthorities or fromHierarchy), got ${show(typeof props.source)}`,
      );
    }
    const content = props.source.contentFor(this, "source");
    this.certificateCount = isLiteral(content) ? pemCertificateCount(content) : undefined;

    this.resource = new S3Object(this, "Object", {
      provider: props.provider ?? managed?.provider,
      bucket: managed ? managed.bucket.id : bucketName,
      key,
      content,
      contentType: "application/x-pem-file",
      dependsOn: managed ? [...managed.dependables] : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.bucketName = bucketName;
    this.key = key;
    this.versionId = this.resource.versionId;
    this.s3Uri = s3UriOf({ bucketName, key });
  }
}
