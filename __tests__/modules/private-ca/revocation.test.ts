import { TerraformStack, Testing } from "cdktf";
import { CrlBucket } from "../../../modules/private-ca/crl-bucket";
import { resolveRevocation } from "../../../modules/private-ca/revocation";
import { testStack } from "../../support/synth";

const scope = () => new TerraformStack(Testing.app(), "r");
const warnings = (s: TerraformStack) =>
  s.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));

describe("resolveRevocation", () => {
  test("CRLs need a decision: a bucket or false", () => {
    expect(() => resolveRevocation(scope(), undefined)).toThrow(
      /revocation\.crl is required: CRLs are on by default and need a bucket/,
    );
    expect(resolveRevocation(scope(), { crl: false }).configuration).toEqual({
      crlConfiguration: { enabled: false },
      ocspConfiguration: { enabled: false },
    });
  });

  test("your own bucket: enabled, 7 days, BUCKET_OWNER_FULL_CONTROL by default, no dependency", () => {
    const s = scope();
    const r = resolveRevocation(s, { crl: { bucket: "my-crls" } });
    expect(r.configuration.crlConfiguration).toEqual({
      enabled: true,
      s3BucketName: "my-crls",
      s3ObjectAcl: "BUCKET_OWNER_FULL_CONTROL",
      expirationInDays: 7,
      customCname: undefined,
    });
    expect(r.dependsOn).toEqual([]);
    expect(warnings(s)).toEqual([]);
    expect(
      resolveRevocation(scope(), { crl: { bucket: "my-crls", s3ObjectAcl: "PUBLIC_READ" } })
        .configuration.crlConfiguration?.s3ObjectAcl,
    ).toBe("PUBLIC_READ");
  });

  test("a CrlBucket: the CA waits for its policy, and no CNAME gives a warning", () => {
    const { stack } = testStack();
    const bucket = new CrlBucket(stack, "Crl", { bucketName: "crls-1", accountId: "111111111111" });
    const r = resolveRevocation(stack, { crl: { bucket } });
    expect(r.dependsOn).toEqual(bucket.dependables);
    expect(r.configuration.crlConfiguration?.s3BucketName).toBe("crls-1");
    expect(warnings(stack)).toEqual([
      expect.stringMatching(/the CRL bucket is private and no customCname is set/),
    ]);
    const { stack: s2 } = testStack();
    const b2 = new CrlBucket(s2, "Crl", { bucketName: "crls-1", accountId: "111111111111" });
    resolveRevocation(s2, { crl: { bucket: b2, customCname: "crl.pki.example.corp" } });
    expect(warnings(s2)).toEqual([]);
    expect(() =>
      resolveRevocation(s2, { crl: { bucket: b2, s3ObjectAcl: "PUBLIC_READ" } }),
    ).toThrow(/s3ObjectAcl must be "BUCKET_OWNER_FULL_CONTROL" with a CrlBucket/);
  });

  test("expiration and CNAME rules", () => {
    expect(() =>
      resolveRevocation(scope(), { crl: { bucket: "b-1", expirationInDays: 0 } }),
    ).toThrow(/expirationInDays must be a whole number from 1 to 5000, got 0/);
    expect(() =>
      resolveRevocation(scope(), { crl: { bucket: "b-1", expirationInDays: 5001 } }),
    ).toThrow(/got 5001/);
    expect(
      resolveRevocation(scope(), { crl: { bucket: "b-1", expirationInDays: 30 } }).configuration
        .crlConfiguration?.expirationInDays,
    ).toBe(30);
    expect(() =>
      resolveRevocation(scope(), { crl: { bucket: "b-1", customCname: "http://crl.example.com" } }),
    ).toThrow(/customCname must be a host name without a protocol prefix/);
    expect(() =>
      resolveRevocation(scope(), { crl: { bucket: "b-1", customCname: "Crl.Example.com" } }),
    ).toThrow(/revocation\.crl\.customCname must be lower-case/);
    expect(() =>
      resolveRevocation(scope(), { crl: { bucket: "b-1", customCname: "*.example.com" } }),
    ).toThrow(/customCname must not be a wildcard/);
    // 4 labels of 63 characters and 3 dots: 255 characters, over DNS's 253.
    const long = ["a", "b", "c", "d"].map((c) => c.repeat(63)).join(".");
    expect(() => resolveRevocation(scope(), { crl: { bucket: "b-1", customCname: long } })).toThrow(
      /revocation\.crl\.customCname must be at most 253 characters, got 255/,
    );
    expect(() => resolveRevocation(scope(), { crl: { bucket: "B..1" } })).toThrow(
      /revocation\.crl\.bucket may contain only lower-case/,
    );
    expect(() =>
      resolveRevocation(scope(), { crl: { bucket: "b-1", s3ObjectAcl: "PRIVATE" as never } }),
    ).toThrow(/s3ObjectAcl must be "BUCKET_OWNER_FULL_CONTROL" or "PUBLIC_READ", got "PRIVATE"/);
  });

  test("OCSP: off by default, on with an optional CNAME", () => {
    expect(
      resolveRevocation(scope(), { crl: false, ocsp: { customCname: "ocsp.pki.example.corp" } })
        .configuration.ocspConfiguration,
    ).toEqual({ enabled: true, ocspCustomCname: "ocsp.pki.example.corp" });
    expect(
      resolveRevocation(scope(), { crl: false, ocsp: {} }).configuration.ocspConfiguration,
    ).toEqual({ enabled: true, ocspCustomCname: undefined });
    expect(() =>
      resolveRevocation(scope(), { crl: false, ocsp: { customCname: "https://ocsp.example.com" } }),
    ).toThrow(/revocation\.ocsp\.customCname must be a host name without a protocol prefix/);
  });
});
