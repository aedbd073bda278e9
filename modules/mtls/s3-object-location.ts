import { IConstruct } from "constructs";
import { checkS3BucketName } from "../util/s3-bucket-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

/**
 * Where a file that a trust store reads lives in S3: a bucket, a key and, for a versioned bucket,
 * the object version. ALB trust stores and their revocation lists, and API Gateway truststores,
 * all read such an object.
 */
export interface S3ObjectLocation {
  /** The bucket's name (not its ARN). */
  readonly bucketName: string;
  /** The object key, for example `mtls/ca-bundle.pem`. */
  readonly key: string;
  /**
   * The object version. A trust store pinned to a version picks up a new bundle when the version
   * changes; without it, neither ALB nor API Gateway notices new content under the same key.
   * @default none: the latest version when the trust store is created or modified
   */
  readonly versionId?: string;
}

/** S3 object keys are at most 1,024 bytes of UTF-8 (Amazon S3 user guide, "Naming objects"). */
export const MAX_S3_KEY_BYTES = 1024;

/**
 * Throws a ValidationError naming `property` unless a literal `key` is a usable object key:
 * 1-1,024 bytes of UTF-8, not starting with "/" (a leading slash becomes part of the key and the
 * `s3://bucket/key` URI would hold `//`). Tokens pass.
 */
export function checkS3Key(scope: IConstruct, property: string, key: unknown): void {
  if (typeof key !== "string" || key === "") {
    throw new ValidationError(
      scope,
      `${property} must be a non-empty S3 object key, got ${show(key)}`,
    );
  }
  if (!isLiteral(key)) return;
  const bytes = Buffer.byteLength(key, "utf8");
  if (bytes > MAX_S3_KEY_BYTES) {
    throw new ValidationError(
      scope,
      `${property} must be at most ${MAX_S3_KEY_BYTES} bytes of UTF-8, got ${bytes}: ${show(key)}`,
    );
  }
  if (key.startsWith("/")) {
    throw new ValidationError(
      scope,
      `${property} must not start with "/" (S3 keys have no leading slash), got ${show(key)}`,
    );
  }
}

/** Checks the bucket name, key and (when given) version of a location. Tokens pass. */
export function checkS3ObjectLocation(
  scope: IConstruct,
  property: string,
  location: S3ObjectLocation | undefined,
): void {
  if (typeof location !== "object" || location === null) {
    throw new ValidationError(
      scope,
      `${property} must be an S3 object location { bucketName, key, versionId? }, got ${show(location)}`,
    );
  }
  checkS3BucketName(scope, `${property}.bucketName`, location.bucketName);
  checkS3Key(scope, `${property}.key`, location.key);
  if (
    location.versionId !== undefined &&
    (typeof location.versionId !== "string" || location.versionId === "")
  ) {
    throw new ValidationError(
      scope,
      `${property}.versionId must be a non-empty S3 object version id when given, got ${show(location.versionId)}`,
    );
  }
}

/** `s3://<bucket>/<key>`, the form API Gateway's `truststore_uri` takes. */
export function s3UriOf(location: Pick<S3ObjectLocation, "bucketName" | "key">): string {
  return `s3://${location.bucketName}/${location.key}`;
}

/**
 * Checks a literal `s3://<bucket>/<key>` URI: the scheme, a valid bucket name and a non-empty
 * key. API Gateway reads truststores from S3 only (API Gateway developer guide, "Configuring
 * mutual TLS authentication for a REST API": "an Amazon S3 URI"). Tokens pass.
 */
export function checkS3Uri(scope: IConstruct, property: string, uri: unknown): void {
  if (typeof uri !== "string" || uri === "") {
    throw new ValidationError(
      scope,
      `${property} must be an s3://<bucket>/<key> URI, got ${show(uri)}`,
    );
  }
  if (!isLiteral(uri)) return;
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!m) {
    throw new ValidationError(
      scope,
      `${property} must be an s3://<bucket>/<key> URI (API Gateway reads truststores from S3 only), got ${show(uri)}`,
    );
  }
  checkS3BucketName(scope, `${property} (bucket)`, m[1]);
  checkS3Key(scope, `${property} (key)`, m[2]);
}
