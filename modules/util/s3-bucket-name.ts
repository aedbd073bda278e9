import { IConstruct } from "constructs";
import { show, ValidationError } from "./errors";
import { isLiteral } from "./tokens";

/**
 * General purpose S3 bucket names, as S3 checks them (Amazon S3 user guide, "General purpose
 * bucket naming rules"). Shared by every construct that names a bucket: the CRL bucket and the
 * mTLS trust store bucket and bundle.
 */
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/**
 * Why `name` is not a valid general purpose S3 bucket name, or undefined when it is. The S3
 * rules: 3 to 63 characters of lower-case letters, digits, dots and hyphens; a letter or digit
 * first and last; no two dots in a row; not shaped like an IP address; none of the reserved
 * prefixes (xn--, sthree-, amzn-s3-demo-) or suffixes (-s3alias, --ol-s3, .mrap, --x-s3,
 * --table-s3).
 */
export function s3BucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63)
    return `must be 3 to 63 characters long, got ${name.length}`;
  if (!/^[a-z0-9.-]+$/.test(name))
    return "may contain only lower-case letters, digits, dots and hyphens";
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
    return "must begin and end with a letter or a digit";
  if (name.includes("..")) return "must not contain two dots in a row";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "must not be formatted as an IP address";
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `must not start with the reserved prefix ${JSON.stringify(prefix)}`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `must not end with the reserved suffix ${JSON.stringify(suffix)}`;
  return undefined;
}

/** Throws a ValidationError naming `property` unless `name` is a literal, valid bucket name. */
export function checkS3BucketName(scope: IConstruct, property: string, name: string): void {
  if (typeof name !== "string") {
    throw new ValidationError(scope, `${property} must be an S3 bucket name, got ${show(name)}`);
  }
  if (!isLiteral(name)) return;
  const problem = s3BucketNameProblem(name);
  if (problem) throw new ValidationError(scope, `${property} ${problem}: ${show(name)}`);
}
