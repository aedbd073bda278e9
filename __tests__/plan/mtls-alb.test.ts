import { Testing } from "cdktf";
import { mtlsAlb } from "../../examples/mtls-alb/main";
import {
  configOf,
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  referencesOf,
  ResourceChange,
} from "../support/plan";

const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/partner-api/0123456789abcdef";

describeWithTerraform("plan: examples/mtls-alb", () => {
  let plan: PlanResult;
  let listener: ResourceChange;
  let trustStore: ResourceChange;
  let bundle: ResourceChange;
  beforeAll(async () => {
    plan = await planStack(mtlsAlb(Testing.app()));
    listener = ofType(plan, "aws_lb_listener")[0];
    trustStore = ofType(plan, "aws_lb_trust_store")[0];
    bundle = ofType(plan, "aws_s3_object")[0];
  });

  test("plans one HTTPS listener, one trust store, one bundle object and the bucket settings", () => {
    expect(ofType(plan, "aws_lb_listener")).toHaveLength(1);
    expect(ofType(plan, "aws_lb_trust_store")).toHaveLength(1);
    expect(ofType(plan, "aws_s3_object")).toHaveLength(1);
    expect(listener.change.after).toMatchObject({
      load_balancer_arn: LB,
      port: 443,
      protocol: "HTTPS",
    });
  });

  test("the trust store reads the bundle object, pinned to its version", () => {
    expect(trustStore.address).toMatch(/^aws_lb_trust_store\.TrustStore_[0-9A-F]{8}$/);
    expect(trustStore.change.after).toMatchObject({
      name: "partner-api-clients",
      ca_certificates_bundle_s3_bucket: "example-corp-partner-truststore-111111111111",
      ca_certificates_bundle_s3_key: "alb/ca-bundle.pem",
    });
    expect(
      referencesOf(plan, trustStore.address, "ca_certificates_bundle_s3_object_version"),
    ).toContain(`${bundle.address}.version_id`);
    // The version is the object's, so it is unknown until the object is written.
    expect(trustStore.change.after_unknown?.ca_certificates_bundle_s3_object_version).toBe(true);
  });

  test("the listener verifies client certificates against that trust store", () => {
    expect(listener.change.after?.mutual_authentication).toEqual([
      expect.objectContaining({ mode: "verify", advertise_trust_store_ca_names: "on" }),
    ]);
    const expr = configOf(plan, listener.address).expressions?.mutual_authentication;
    expect(JSON.stringify(expr)).toContain(`${trustStore.address}.arn`);
  });

  test("the bundle is the hierarchy's CA certificates, written after versioning is on", () => {
    expect(bundle.change.after).toMatchObject({
      key: "alb/ca-bundle.pem",
      content_type: "application/x-pem-file",
    });
    // The bucket is the created bucket's id, unknown until it exists.
    expect(
      referencesOf(plan, bundle.address, "bucket").some((r) =>
        r.startsWith("aws_s3_bucket.TrustStoreBucket_"),
      ),
    ).toBe(true);
    const content = referencesOf(plan, bundle.address, "content");
    // Terraform lists each reference twice: the attribute and the resource.
    const pems = content.filter((r) => /^aws_acmpca_certificate\.[^.]+\.certificate$/.test(r));
    expect(new Set(pems).size).toBe(2);
    const dependsOn = configOf(plan, bundle.address).depends_on as string[];
    expect(dependsOn.some((d) => d.startsWith("aws_s3_bucket_versioning."))).toBe(true);
  });

  test("the bundle bucket is versioned, private and encrypted", () => {
    expect(
      ofType(plan, "aws_s3_bucket_versioning").map((v) => v.change.after?.versioning_configuration),
    ).toEqual([[expect.objectContaining({ status: "Enabled" })]]);
    const blocks = ofType(plan, "aws_s3_bucket_public_access_block").filter((b) =>
      b.address.startsWith("aws_s3_bucket_public_access_block.TrustStoreBucket_"),
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0].change.after).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const sse = ofType(plan, "aws_s3_bucket_server_side_encryption_configuration");
    expect(sse).toHaveLength(1);
    expect(JSON.stringify(sse[0].change.after?.rule)).toContain('"sse_algorithm":"AES256"');
  });
});
