import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { checkS3BucketName } from "../util/s3-bucket-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { createPrivateBucket } from "../util/private-bucket";

export interface TrustStoreBucketProps {
  /** The bucket's name, known at synth; the S3 naming rules are checked. */
  readonly bucketName: string;
  /**
   * Let `terraform destroy` delete the bucket while it still holds bundles (every version).
   * @default false
   */
  readonly forceDestroy?: boolean;
  /** @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A private, versioned S3 bucket for CA bundles and revocation lists: all four Block Public
 * Access settings on, object ownership "bucket owner enforced" (ACLs disabled), versioning on
 * (trust stores pin the object version, which is how a changed bundle is picked up) and default
 * encryption with S3 managed keys (SSE-S3, which ALB and API Gateway read without a key policy).
 */
export class TrustStoreBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly ownershipControls: S3BucketOwnershipControls;
  readonly versioning: S3BucketVersioningA;
  readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  /** The bucket's name (the literal given). */
  readonly bucketName: string;
  /**
   * What an object must be written after: versioning, so the object gets a version id, and the
   * public access block and encryption, so it is never readable or unencrypted.
   */
  readonly dependables: readonly ITerraformDependable[];
  readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: TrustStoreBucketProps) {
    super(scope, id);
    checkS3BucketName(this, "bucketName", props.bucketName);
    if (!isLiteral(props.bucketName)) {
      throw new ValidationError(
        this,
        `bucketName must be known at synth (it names the bucket trust stores read), got ${show(props.bucketName)}`,
      );
    }
    this.bucketName = props.bucketName;
    this.provider = props.provider;
    const provider = props.provider;
    ({
      bucket: this.bucket,
      publicAccessBlock: this.publicAccessBlock,
      ownershipControls: this.ownershipControls,
    } = createPrivateBucket(this, props));
    this.versioning = new S3BucketVersioningA(this, "Versioning", {
      provider,
      bucket: this.bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    this.encryption = new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
      provider,
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    this.dependables = [this.versioning, this.publicAccessBlock, this.encryption];
  }
}
