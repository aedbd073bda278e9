import { CaBundle } from "../../../modules/mtls/ca-bundle";
import { TrustStore } from "../../../modules/mtls/trust-store";
import { synth, testStack } from "../../support/synth";

describe("TrustStore", () => {
  test("reads the bundle's bucket, key and version", () => {
    const { stack } = testStack();
    const caBundle = CaBundle.fromObject(stack, "B", {
      bucketName: "example-ca",
      key: "ca.pem",
      versionId: "v7",
    });
    const t = new TrustStore(stack, "Clients", { caBundle, trustStoreName: "clients" });
    const out = synth(stack);
    expect(out.list("aws_lb_trust_store")).toEqual([
      {
        name: "clients",
        ca_certificates_bundle_s3_bucket: "example-ca",
        ca_certificates_bundle_s3_key: "ca.pem",
        ca_certificates_bundle_s3_object_version: "v7",
      },
    ]);
    expect(t.revocations.size).toBe(0);
  });

  test("revocation lists are keyed by name and reference the trust store", () => {
    const { stack } = testStack();
    const caBundle = CaBundle.fromObject(stack, "B", { bucketName: "example-ca", key: "ca.pem" });
    new TrustStore(stack, "Clients", {
      caBundle,
      revocations: {
        root: { bucketName: "example-crl", key: "root.crl", versionId: "r1" },
        issuing: { bucketName: "example-crl", key: "issuing.crl" },
      },
    });
    const revocations = synth(stack).resources("aws_lb_trust_store_revocation");
    const names = Object.keys(revocations).sort();
    expect(names).toEqual([
      expect.stringMatching(/^Clients_Revocations_issuing_[0-9A-F]{8}$/),
      expect.stringMatching(/^Clients_Revocations_root_[0-9A-F]{8}$/),
    ]);
    const root = revocations[names[1]];
    expect(root).toMatchObject({
      revocations_s3_bucket: "example-crl",
      revocations_s3_key: "root.crl",
      revocations_s3_object_version: "r1",
    });
    expect(root.trust_store_arn).toMatch(
      /^\$\{aws_lb_trust_store\.Clients_TrustStore_[0-9A-F]{8}\.arn\}$/,
    );
  });

  test("more than 30 revocation lists: a warning, not an error (the quota is adjustable)", () => {
    const { stack } = testStack();
    const caBundle = CaBundle.fromObject(stack, "B", { bucketName: "example-ca", key: "ca.pem" });
    const revocations = Object.fromEntries(
      Array.from({ length: 31 }, (_, i) => [
        `crl${i}`,
        { bucketName: "example-crl", key: `${i}.crl` },
      ]),
    );
    const t = new TrustStore(stack, "Clients", { caBundle, revocations });
    const warnings = t.node.metadata
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("revocations lists 31 files")]);
  });
});
