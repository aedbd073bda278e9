import { blockOf, literalString, refersTo, TfResource } from "../terraform-config";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

const BPA_FLAGS = [
  "block_public_acls",
  "block_public_policy",
  "ignore_public_acls",
  "restrict_public_buckets",
] as const;

/** True when `value` names `bucket`: its literal name, or a reference to its id or bucket. */
function namesBucket(value: unknown, bucket: TfResource): boolean {
  const name = literalString(bucket.config.bucket);
  return (
    (name !== undefined && literalString(value) === name) ||
    refersTo(value, bucket, ["id", "bucket"])
  );
}

/** TLS011: a CRL bucket blocks public access. */
export const TLS011: PolicyRule = {
  id: "TLS011",
  name: "crl-bucket-public-access",
  level: "error",
  message: "S3 bucket that receives a Private CA's CRL has no full Block Public Access",
  explanation:
    "AWS Private CA writes CRLs with the BUCKET_OWNER_FULL_CONTROL object ACL, so the bucket can " +
    "block all public access and serve the CRL through CloudFront instead; AWS recommends Block " +
    "Public Access on every bucket. Set all four flags of an aws_s3_bucket_public_access_block. " +
    "https://docs.aws.amazon.com/privateca/latest/userguide/crl-planning.html",
  resourceTypes: ["aws_s3_bucket"],
  evaluate(resource, config) {
    const isCrlBucket = config.resourcesOf("aws_acmpca_certificate_authority").some((ca) => {
      const crl = blockOf(
        blockOf(ca.config.revocation_configuration)?.crl_configuration,
      )?.s3_bucket_name;
      return namesBucket(crl, resource);
    });
    if (!isCrlBucket) return NOT_APPLICABLE;
    const block = config
      .resourcesOf("aws_s3_bucket_public_access_block")
      .find((b) => namesBucket(b.config.bucket, resource));
    if (!block) return nonCompliant("no aws_s3_bucket_public_access_block for this bucket");
    const off = BPA_FLAGS.filter((f) => block.config[f] !== true);
    return off.length === 0
      ? COMPLIANT
      : nonCompliant(`${block.address} does not set ${off.join(", ")} to true`);
  },
};
