import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";

/** What {@link createPrivateBucket} made: the bucket and the two resources that keep it private. */
export interface PrivateBucket {
  readonly bucket: S3Bucket;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly ownershipControls: S3BucketOwnershipControls;
}

/**
 * An S3 bucket no one outside the account reaches: every public access block on, and ACLs off
 * (`BucketOwnerEnforced`), as `Bucket`, `PublicAccessBlock` and `OwnershipControls` under
 * `scope` (stable ids: they are the resources' addresses). Shared by the CRL bucket and the
 * trust store bucket, which add their own versioning, encryption and policies.
 */
export function createPrivateBucket(
  scope: Construct,
  props: {
    readonly provider?: TerraformProvider;
    readonly bucketName: string;
    readonly forceDestroy?: boolean;
    readonly tags?: Readonly<Record<string, string>>;
  },
): PrivateBucket {
  const { provider } = props;
  const bucket = new S3Bucket(scope, "Bucket", {
    provider,
    bucket: props.bucketName,
    forceDestroy: props.forceDestroy ?? false,
    tags: props.tags ? { ...props.tags } : undefined,
  });
  const publicAccessBlock = new S3BucketPublicAccessBlock(scope, "PublicAccessBlock", {
    provider,
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  const ownershipControls = new S3BucketOwnershipControls(scope, "OwnershipControls", {
    provider,
    bucket: bucket.id,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  });
  return { bucket, publicAccessBlock, ownershipControls };
}
