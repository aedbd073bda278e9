import { Testing } from "cdktf";
import {
  caBundleProblem,
  CaBundle,
  CaBundleSource,
  pemCertificateCount,
} from "../../../modules/mtls/ca-bundle";
import { TrustStoreBucket } from "../../../modules/mtls/trust-store-bucket";
import { CertificateAuthorityHierarchy } from "../../../modules/private-ca/certificate-authority-hierarchy";
import { synth, testStack } from "../../support/synth";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";

describe("caBundleProblem", () => {
  test.each([
    ["one certificate", PEM, undefined],
    ["two certificates", PEM + PEM, undefined],
    [
      "a private key",
      PEM + "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
      /private key/,
    ],
    ["nothing", "", /no PEM certificate/],
    [
      "a public key block",
      "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
      /"PUBLIC KEY" block/,
    ],
    ["an empty block", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----", /empty/],
    ["text between blocks", PEM + "hello\n" + PEM, /outside/],
    [
      "mismatched END",
      "-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----",
      /no PEM certificate/,
    ],
  ])("%s", (_what, pem, expected) => {
    const problem = caBundleProblem(pem);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });

  test("counts certificate blocks", () => {
    expect(pemCertificateCount(PEM + PEM + PEM)).toBe(3);
  });
});

describe("TrustStoreBucket", () => {
  test("is private, versioned and encrypted, each setting on the created bucket", () => {
    const { stack } = testStack();
    new TrustStoreBucket(stack, "Bucket", { bucketName: "example-truststore" });
    const out = synth(stack);
    const bucket = out.list("aws_s3_bucket");
    expect(bucket).toHaveLength(1);
    expect(bucket[0]).toMatchObject({ bucket: "example-truststore", force_destroy: false });
    const ref = expect.stringMatching(/^\$\{aws_s3_bucket\.Bucket_[0-9A-F]{8}\.id\}$/);
    expect(out.list("aws_s3_bucket_public_access_block")).toEqual([
      expect.objectContaining({
        bucket: ref,
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    ]);
    expect(out.list("aws_s3_bucket_ownership_controls")[0].rule).toEqual({
      object_ownership: "BucketOwnerEnforced",
    });
    expect(out.list("aws_s3_bucket_versioning")[0]).toMatchObject({
      bucket: ref,
      versioning_configuration: { status: "Enabled" },
    });
    expect(out.list("aws_s3_bucket_server_side_encryption_configuration")[0].rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
    ]);
  });
});

describe("CaBundle", () => {
  test("writes the PEM after versioning, public access block and encryption, and exposes the version", () => {
    const { stack } = testStack();
    const bucket = new TrustStoreBucket(stack, "Bucket", { bucketName: "example-truststore" });
    const bundle = new CaBundle(stack, "Bundle", { bucket, source: CaBundleSource.fromPem(PEM) });
    const out = synth(stack);
    const object = out.resources("aws_s3_object");
    const [name] = Object.keys(object);
    expect(object[name]).toMatchObject({
      key: "ca-bundle.pem",
      content: PEM,
      content_type: "application/x-pem-file",
    });
    expect(object[name].depends_on).toEqual([
      expect.stringMatching(/^aws_s3_bucket_versioning\./),
      expect.stringMatching(/^aws_s3_bucket_public_access_block\./),
      expect.stringMatching(/^aws_s3_bucket_server_side_encryption_configuration\./),
    ]);
    expect(bundle.s3Uri).toBe("s3://example-truststore/ca-bundle.pem");
    expect(bundle.certificateCount).toBe(1);
    // The version is the object's attribute, a token at synth.
    expect(bundle.versionId).toMatch(/TfToken/);
  });

  test("from a hierarchy: every CA signed here, root first", () => {
    const { stack } = testStack();
    const hierarchy = new CertificateAuthorityHierarchy(stack, "Pki", {
      root: { subject: { commonName: "Root" } },
      subordinates: [{ name: "Issuing", parent: "Root", subject: { commonName: "Issuing" } }],
      crl: { enabled: false },
    });
    const bucket = new TrustStoreBucket(stack, "Bucket", { bucketName: "example-truststore" });
    new CaBundle(stack, "Bundle", { bucket, source: CaBundleSource.fromHierarchy(hierarchy) });
    const content = synth(stack).list("aws_s3_object")[0].content as string;
    expect(content).toMatch(
      /^\$\{aws_acmpca_certificate\.Pki_Root_Certificate_[0-9A-F]{8}\.certificate\}\n\$\{aws_acmpca_certificate\.Pki_Issuing_Certificate_[0-9A-F]{8}\.certificate\}\n$/,
    );
  });

  test("fromObject creates nothing and keeps the location", () => {
    const { stack } = testStack();
    const b = CaBundle.fromObject(stack, "Existing", {
      bucketName: "example-ca",
      key: "a/b.pem",
      versionId: "v1",
    });
    expect([b.bucketName, b.key, b.versionId, b.s3Uri]).toEqual([
      "example-ca",
      "a/b.pem",
      "v1",
      "s3://example-ca/a/b.pem",
    ]);
    expect(synth(stack).json.resource).toBeUndefined();
  });

  test("an existing bucket by name: no dependencies, the name is the bucket", () => {
    const { stack } = testStack();
    new CaBundle(stack, "Bundle", {
      bucket: "existing-ca",
      key: "ca.pem",
      source: CaBundleSource.fromPem(PEM),
    });
    const object = synth(stack).list("aws_s3_object")[0];
    expect(object.bucket).toBe("existing-ca");
    expect(object.depends_on).toBeUndefined();
    void Testing;
  });
});
