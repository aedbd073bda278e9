import { AcmpcaCertificateAuthorityRevocationConfiguration } from "@cdktf/provider-aws/lib/acmpca-certificate-authority";
import { Annotations, ITerraformDependable } from "cdktf";
import { IConstruct } from "constructs";
import { domainNameProblem } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral, isUnresolved } from "../util/tokens";
import { checkS3BucketName } from "../util/s3-bucket-name";
import { CrlBucket } from "./crl-bucket";

/** The object ACL a CA writes its CRL with. */
export type CrlObjectAcl = "BUCKET_OWNER_FULL_CONTROL" | "PUBLIC_READ";

/** AWS Private CA: a CRL's `ExpirationInDays` is 1 to 5000. */
export const MAX_CRL_EXPIRATION_DAYS = 5000;

/**
 * Certificate revocation lists written to S3. The provider (5.100) exposes only `enabled`,
 * `s3_bucket_name`, `s3_object_acl`, `expiration_in_days` and `custom_cname`: the API's
 * partitioned CRLs, custom CRL path and omission of the CDP extension are out of reach.
 */
export interface CrlOptions {
  /**
   * Where the CRLs go: a `CrlBucket` this stack creates (the CA then waits for its policy and
   * Block Public Access), or the name of your own bucket, whose policy must already let
   * `acm-pca.amazonaws.com` call s3:PutObject, s3:PutObjectAcl, s3:GetBucketAcl and
   * s3:GetBucketLocation (CA creation fails otherwise).
   */
  readonly bucket: CrlBucket | string;
  /**
   * Days a CRL stays valid after it is published (its next update). AWS: 1 to 5000.
   * @default 7
   */
  readonly expirationInDays?: number;
  /**
   * A DNS name to put in the certificates' CRL distribution point instead of the bucket's own
   * S3 name, for a CloudFront distribution in front of a private bucket. A host name only, no
   * `http://` (AWS rule), at most 253 characters.
   * @default none: the S3 bucket's name
   */
  readonly customCname?: string;
  /**
   * The ACL CRL objects are written with. A `CrlBucket` blocks public access and takes only
   * BUCKET_OWNER_FULL_CONTROL; PUBLIC_READ works only on a bucket with Block Public Access off.
   * @default "BUCKET_OWNER_FULL_CONTROL"
   */
  readonly s3ObjectAcl?: CrlObjectAcl;
}

/** OCSP answered by AWS Private CA (billed per request). */
export interface OcspOptions {
  /**
   * A DNS name to put in the certificates' Authority Information Access extension instead of
   * the AWS OCSP responder's name (you CNAME it to the responder). Host name only, no `http://`.
   * @default none: the AWS responder's name
   */
  readonly customCname?: string;
}

export interface RevocationOptions {
  /**
   * CRLs. On unless set to `false`: give a bucket, or opt out explicitly.
   */
  readonly crl: CrlOptions | false;
  /**
   * OCSP.
   * @default false: off
   */
  readonly ocsp?: OcspOptions | false;
}

/** The provider block for a CA's revocation settings, and what the CA must wait for. */
export interface ResolvedRevocation {
  readonly configuration: AcmpcaCertificateAuthorityRevocationConfiguration;
  readonly dependsOn: readonly ITerraformDependable[];
}

function checkCname(scope: IConstruct, property: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  if (!isLiteral(name)) {
    throw new ValidationError(scope, `${property} must be a host name, got ${show(name)}`);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) {
    throw new ValidationError(
      scope,
      `${property} must be a host name without a protocol prefix such as "http://" (AWS rule), got ${show(name)}`,
    );
  }
  const problem = name.includes("*") ? "must not be a wildcard" : domainNameProblem(name);
  // domainNameProblem also enforces the 253-character limit of a DNS name.
  if (problem) throw new ValidationError(scope, `${property} ${problem}: ${show(name)}`);
}

/**
 * Checks revocation options and builds the CA's `revocation_configuration`. Throws when no CRL
 * decision is made (CRLs are on by default and need a bucket), when a bucket name, CNAME or
 * expiration breaks an AWS rule, or when PUBLIC_READ is asked of a CrlBucket.
 */
export function resolveRevocation(
  scope: IConstruct,
  options: RevocationOptions | undefined,
): ResolvedRevocation {
  if (options === undefined || options.crl === undefined) {
    throw new ValidationError(
      scope,
      "revocation.crl is required: CRLs are on by default and need a bucket (a CrlBucket or your own bucket's name); " +
        "set revocation.crl to false to run the CA without a CRL",
    );
  }
  const crl = options.crl;
  const ocsp = options.ocsp;
  const dependsOn: ITerraformDependable[] = [];
  let crlConfiguration: AcmpcaCertificateAuthorityRevocationConfiguration["crlConfiguration"];
  if (crl === false) {
    crlConfiguration = { enabled: false };
  } else {
    const expiration = crl.expirationInDays ?? 7;
    if (
      !isUnresolved(expiration) &&
      (!Number.isInteger(expiration) || expiration < 1 || expiration > MAX_CRL_EXPIRATION_DAYS)
    ) {
      throw new ValidationError(
        scope,
        `revocation.crl.expirationInDays must be a whole number from 1 to ${MAX_CRL_EXPIRATION_DAYS}, got ${show(expiration)}`,
      );
    }
    checkCname(scope, "revocation.crl.customCname", crl.customCname);
    const acl = crl.s3ObjectAcl ?? "BUCKET_OWNER_FULL_CONTROL";
    if (acl !== "BUCKET_OWNER_FULL_CONTROL" && acl !== "PUBLIC_READ") {
      throw new ValidationError(
        scope,
        `revocation.crl.s3ObjectAcl must be "BUCKET_OWNER_FULL_CONTROL" or "PUBLIC_READ", got ${show(acl)}`,
      );
    }
    let bucketName: string;
    if (crl.bucket instanceof CrlBucket) {
      if (acl === "PUBLIC_READ") {
        throw new ValidationError(
          scope,
          'revocation.crl.s3ObjectAcl must be "BUCKET_OWNER_FULL_CONTROL" with a CrlBucket: it blocks public access and disables ACLs, got "PUBLIC_READ"',
        );
      }
      bucketName = crl.bucket.bucketName;
      dependsOn.push(...crl.bucket.dependables);
      if (crl.customCname === undefined) {
        Annotations.of(scope).addWarning(
          "revocation.crl: the CRL bucket is private and no customCname is set, so the CRL distribution point in issued " +
            "certificates names the S3 bucket, which clients cannot read. Put CloudFront in front of the bucket and set customCname.",
        );
      }
    } else {
      checkS3BucketName(scope, "revocation.crl.bucket", crl.bucket);
      bucketName = crl.bucket;
    }
    crlConfiguration = {
      enabled: true,
      s3BucketName: bucketName,
      s3ObjectAcl: acl,
      expirationInDays: expiration,
      customCname: crl.customCname,
    };
  }
  if (ocsp) checkCname(scope, "revocation.ocsp.customCname", ocsp.customCname);
  return {
    configuration: {
      crlConfiguration,
      ocspConfiguration: ocsp
        ? { enabled: true, ocspCustomCname: ocsp.customCname }
        : { enabled: false },
    },
    dependsOn,
  };
}
