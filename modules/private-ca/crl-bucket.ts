import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import { checkS3BucketName } from "../util/s3-bucket-name";
import { awsPartition } from "./partition";
import { createPrivateBucket } from "../util/private-bucket";

/** The service principal AWS Private CA writes CRLs as. */
export const ACM_PCA_SERVICE_PRINCIPAL = "acm-pca.amazonaws.com";

/** The S3 actions AWS Private CA needs on a CRL bucket (AWS Private CA user guide, "Planning a CRL"). */
export const CRL_BUCKET_ACTIONS: readonly string[] = [
  "s3:PutObject",
  "s3:PutObjectAcl",
  "s3:GetBucketAcl",
  "s3:GetBucketLocation",
];

/** Throws unless a literal account id is 12 digits. */
export function checkAccountId(scope: IConstruct, property: string, accountId: string): void {
  if (typeof accountId !== "string" || (isLiteral(accountId) && !/^\d{12}$/.test(accountId))) {
    throw new ValidationError(
      scope,
      `${property} must be a 12-digit AWS account id, got ${show(accountId)}`,
    );
  }
}

export interface CrlBucketProps {
  /**
   * The bucket's name, known at synth (the bucket policy is built from it, so the policy is
   * known at plan). S3 naming rules are checked. AWS Private CA writes each CA's CRL to
   * `crl/<CA id>.crl`.
   */
  readonly bucketName: string;
  /**
   * The account the CAs live in. The bucket policy lets `acm-pca.amazonaws.com` write only on
   * behalf of this account (`aws:SourceAccount`). It is an input rather than a
   * `data "aws_caller_identity"` lookup, which would call STS at plan. The condition is on the
   * account and not on `aws:SourceArn`: the CAs must be created after this policy (AWS Private
   * CA test-writes the CRL location when a CA is created), so the policy cannot name their ARNs
   * without a dependency cycle.
   */
  readonly accountId: string;
  /**
   * The partition for the bucket ARN in the policy.
   * @default derived from the provider's region (`aws` when unknown)
   */
  readonly partition?: string;
  /**
   * Let `terraform destroy` delete a bucket that still holds CRLs.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /** @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A private S3 bucket for AWS Private CA certificate revocation lists: all four Block Public
 * Access settings on, object ownership "bucket owner enforced" (ACLs off; the CAs write with
 * the BUCKET_OWNER_FULL_CONTROL object ACL, the only one such a bucket accepts), and a bucket
 * policy that lets `acm-pca.amazonaws.com` write on behalf of one account and denies plain HTTP.
 *
 * The CRLs are not public. Clients that check revocation need a CloudFront distribution (with
 * origin access control) in front of the bucket and the CA's `customCname` set to its name;
 * that distribution is not created here.
 */
export class CrlBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly ownershipControls: S3BucketOwnershipControls;
  readonly policy: S3BucketPolicy;
  /** The bucket's name (the literal given). */
  readonly bucketName: string;
  /** The bucket policy, as the JSON document given to S3 (known at synth). */
  readonly policyDocument: string;
  /** What a CA writing to this bucket must be created after. */
  readonly dependables: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: CrlBucketProps) {
    super(scope, id);
    checkS3BucketName(this, "bucketName", props.bucketName);
    if (!isLiteral(props.bucketName)) {
      throw new ValidationError(
        this,
        "bucketName must be known at synth (the bucket policy and the CAs' CRL configuration are built from it), got a token",
      );
    }
    checkAccountId(this, "accountId", props.accountId);
    this.bucketName = props.bucketName;
    const partition = props.partition ?? awsPartition(regionOf(this, props.provider));

    ({
      bucket: this.bucket,
      publicAccessBlock: this.publicAccessBlock,
      ownershipControls: this.ownershipControls,
    } = createPrivateBucket(this, props));
    const bucketArn = `arn:${partition}:s3:::${props.bucketName}`;
    this.policyDocument = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AcmPcaWritesCrls",
          Effect: "Allow",
          Principal: { Service: ACM_PCA_SERVICE_PRINCIPAL },
          Action: [...CRL_BUCKET_ACTIONS],
          Resource: [bucketArn, `${bucketArn}/*`],
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
        },
        {
          Sid: "DenyPlainHttp",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [bucketArn, `${bucketArn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    this.policy = new S3BucketPolicy(this, "Policy", {
      provider: props.provider,
      bucket: this.bucket.id,
      policy: this.policyDocument,
      // S3 answers OperationAborted when the policy and Block Public Access change at once.
      dependsOn: [this.publicAccessBlock],
    });
    this.dependables = [this.policy, this.publicAccessBlock, this.ownershipControls];
  }
}
