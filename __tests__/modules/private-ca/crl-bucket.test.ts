import { TerraformVariable } from "cdktf";
import { ACM_PCA_SERVICE_PRINCIPAL, CrlBucket } from "../../../modules/private-ca/crl-bucket";
import { s3BucketNameProblem } from "../../../modules/util/s3-bucket-name";
import { synth, testStack } from "../../support/synth";

describe("s3BucketNameProblem", () => {
  test.each(["abc", "example-corp-pki-crl-111111111111", "my.bucket.name", "a".repeat(63), "0ab"])(
    "%s is valid",
    (name) => expect(s3BucketNameProblem(name)).toBeUndefined(),
  );

  test.each([
    ["ab", /3 to 63 characters long, got 2/],
    ["a".repeat(64), /3 to 63 characters long, got 64/],
    ["My-Bucket", /only lower-case letters, digits, dots and hyphens/],
    ["my_bucket", /only lower-case letters/],
    ["-bucket", /begin and end with a letter or a digit/],
    ["bucket.", /begin and end with a letter or a digit/],
    ["my..bucket", /two dots in a row/],
    ["192.168.5.4", /IP address/],
    ["xn--bucket", /reserved prefix "xn--"/],
    ["sthree-bucket", /reserved prefix "sthree-"/],
    ["amzn-s3-demo-bucket", /reserved prefix "amzn-s3-demo-"/],
    ["bucket-s3alias", /reserved suffix "-s3alias"/],
    ["bucket--ol-s3", /reserved suffix "--ol-s3"/],
    ["bucket.mrap", /reserved suffix ".mrap"/],
    ["bucket--x-s3", /reserved suffix "--x-s3"/],
  ])("%s is invalid", (name, message) => {
    expect(s3BucketNameProblem(name)).toMatch(message);
  });
});

describe("CrlBucket", () => {
  const make = (region = "eu-west-1", extra = {}) => {
    const t = testStack(region);
    const bucket = new CrlBucket(t.stack, "Crl", {
      bucketName: "pki-crl-111111111111",
      accountId: "111111111111",
      ...extra,
    });
    return { ...t, bucket, out: synth(t.stack) };
  };

  test("private bucket: all four Block Public Access settings on, ACLs off", () => {
    const { out } = make();
    expect(out.list("aws_s3_bucket")[0]).toMatchObject({
      bucket: "pki-crl-111111111111",
      force_destroy: false,
    });
    expect(out.list("aws_s3_bucket_public_access_block")[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(out.list("aws_s3_bucket_ownership_controls")[0].rule).toEqual({
      object_ownership: "BucketOwnerEnforced",
    });
  });

  test("the policy lets acm-pca write for one account, without SourceArn, and denies plain HTTP", () => {
    const { out, bucket } = make();
    const policy = out.list("aws_s3_bucket_policy")[0];
    expect(policy.policy).toBe(bucket.policyDocument);
    const doc = JSON.parse(policy.policy);
    const [allow, deny] = doc.Statement;
    expect(allow).toEqual({
      Sid: "AcmPcaWritesCrls",
      Effect: "Allow",
      Principal: { Service: ACM_PCA_SERVICE_PRINCIPAL },
      Action: ["s3:PutObject", "s3:PutObjectAcl", "s3:GetBucketAcl", "s3:GetBucketLocation"],
      Resource: ["arn:aws:s3:::pki-crl-111111111111", "arn:aws:s3:::pki-crl-111111111111/*"],
      Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
    });
    expect(policy.policy).not.toMatch(/SourceArn/);
    expect(deny).toMatchObject({
      Effect: "Deny",
      Principal: "*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(policy.depends_on).toEqual([
      expect.stringMatching(/^aws_s3_bucket_public_access_block\./),
    ]);
  });

  test("the partition follows the provider's region, or the prop", () => {
    const cn = JSON.parse(make("cn-north-1").out.list("aws_s3_bucket_policy")[0].policy);
    expect(cn.Statement[0].Resource[0]).toBe("arn:aws-cn:s3:::pki-crl-111111111111");
    const gov = JSON.parse(
      make("eu-west-1", { partition: "aws-us-gov" }).out.list("aws_s3_bucket_policy")[0].policy,
    );
    expect(gov.Statement[0].Resource[0]).toBe("arn:aws-us-gov:s3:::pki-crl-111111111111");
  });

  test("dependables are the policy, the public access block and the ownership controls", () => {
    const { bucket } = make();
    expect(bucket.dependables).toEqual([
      bucket.policy,
      bucket.publicAccessBlock,
      bucket.ownershipControls,
    ]);
  });

  test("forceDestroy and tags pass through", () => {
    const { out } = make("eu-west-1", { forceDestroy: true, tags: { team: "pki" } });
    expect(out.list("aws_s3_bucket")[0]).toMatchObject({
      force_destroy: true,
      tags: { team: "pki" },
    });
  });

  test("rejects an invalid bucket name, a token name and a bad account id", () => {
    const { stack } = testStack();
    expect(
      () => new CrlBucket(stack, "A", { bucketName: "Bad_Bucket", accountId: "111111111111" }),
    ).toThrow(/\[test\/A\] bucketName may contain only lower-case letters.*: "Bad_Bucket"/);
    const v = new TerraformVariable(stack, "name", { type: "string" });
    expect(
      () => new CrlBucket(stack, "B", { bucketName: v.stringValue, accountId: "111111111111" }),
    ).toThrow(/bucketName must be known at synth/);
    expect(() => new CrlBucket(stack, "C", { bucketName: "pki-crl", accountId: "1111" })).toThrow(
      /accountId must be a 12-digit AWS account id, got "1111"/,
    );
  });
});
