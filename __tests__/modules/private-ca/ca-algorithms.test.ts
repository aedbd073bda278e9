import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import {
  CaKeyAlgorithm,
  CaSigningAlgorithm,
  resolveCaAlgorithms,
} from "../../../modules/private-ca/ca-algorithms";

const scope = () => new TerraformStack(Testing.app(), "a");

describe("CA key and signing algorithms", () => {
  test("six keys, RSA and EC, no SM2", () => {
    expect(CaKeyAlgorithm.ALL.map((k) => k.value)).toEqual([
      "RSA_2048",
      "RSA_3072",
      "RSA_4096",
      "EC_prime256v1",
      "EC_secp384r1",
      "EC_secp521r1",
    ]);
    expect(CaKeyAlgorithm.ALL.map((k) => k.family)).toEqual([
      "RSA",
      "RSA",
      "RSA",
      "EC",
      "EC",
      "EC",
    ]);
  });

  test("defaults: RSA_2048 with SHA256WITHRSA; EC keys get the hash of their size", () => {
    const s = scope();
    expect(resolveCaAlgorithms(s, undefined, undefined)).toEqual({
      keyAlgorithm: CaKeyAlgorithm.RSA_2048,
      signingAlgorithm: CaSigningAlgorithm.SHA256WITHRSA,
    });
    expect(resolveCaAlgorithms(s, "EC_prime256v1", undefined).signingAlgorithm.value).toBe(
      "SHA256WITHECDSA",
    );
    expect(resolveCaAlgorithms(s, "EC_secp384r1", undefined).signingAlgorithm.value).toBe(
      "SHA384WITHECDSA",
    );
    expect(resolveCaAlgorithms(s, "EC_secp521r1", undefined).signingAlgorithm.value).toBe(
      "SHA512WITHECDSA",
    );
    expect(resolveCaAlgorithms(s, "RSA_4096", "SHA512WITHRSA").signingAlgorithm).toBe(
      CaSigningAlgorithm.SHA512WITHRSA,
    );
  });

  test.each([
    [
      "RSA_2048",
      "SHA256WITHECDSA",
      /an RSA key signs with "SHA256WITHRSA", "SHA384WITHRSA", "SHA512WITHRSA"/,
    ],
    [
      "EC_secp384r1",
      "SHA384WITHRSA",
      /an EC key signs with "SHA256WITHECDSA", "SHA384WITHECDSA", "SHA512WITHECDSA"/,
    ],
  ])("rejects the pair %s + %s", (key, signing, message) => {
    expect(() => resolveCaAlgorithms(scope(), key, signing)).toThrow(
      new RegExp(`signingAlgorithm "${signing}" does not fit keyAlgorithm "${key}"`),
    );
    expect(() => resolveCaAlgorithms(scope(), key, signing)).toThrow(message);
  });

  test("rejects unknown names and tokens", () => {
    expect(() => resolveCaAlgorithms(scope(), "SM2", undefined)).toThrow(
      /keyAlgorithm must be one of "RSA_2048", .*"EC_secp521r1", got "SM2"/,
    );
    expect(() => resolveCaAlgorithms(scope(), "RSA_2048", "SHA1WITHRSA")).toThrow(
      /signingAlgorithm must be one of .* got "SHA1WITHRSA"/,
    );
    const s = scope();
    const v = new TerraformVariable(s, "key", { type: "string" });
    expect(() => resolveCaAlgorithms(s, v.stringValue, undefined)).toThrow(
      /keyAlgorithm must be known at synth/,
    );
  });

  test("tokens are carried unchanged; a token key needs an explicit signing algorithm", () => {
    const s = scope();
    const key = new TerraformVariable(s, "k", { type: "string" }).stringValue;
    const signing = new TerraformVariable(s, "s", { type: "string" }).stringValue;
    const both = resolveCaAlgorithms(s, key, signing);
    expect([both.keyAlgorithm.value, both.keyAlgorithm.family]).toEqual([key, undefined]);
    expect([both.signingAlgorithm.value, both.signingAlgorithm.family]).toEqual([
      signing,
      undefined,
    ]);
    const keyOnly = resolveCaAlgorithms(s, key, "SHA384WITHECDSA");
    expect(keyOnly.signingAlgorithm).toBe(CaSigningAlgorithm.SHA384WITHECDSA);
    // A token signing algorithm with a known key: the family check is skipped.
    expect(resolveCaAlgorithms(s, "RSA_2048", signing).signingAlgorithm.value).toBe(signing);
  });

  test("newer values of a known form pass with a warning; weak ones are refused", () => {
    const s = scope();
    const r = resolveCaAlgorithms(s, "RSA_8192", undefined);
    expect([r.keyAlgorithm.value, r.keyAlgorithm.family]).toEqual(["RSA_8192", "RSA"]);
    expect(r.signingAlgorithm).toBe(CaSigningAlgorithm.SHA256WITHRSA);
    expect(() => resolveCaAlgorithms(s, "EC_brainpool384r1", undefined)).toThrow(
      /signingAlgorithm is required with keyAlgorithm "EC_brainpool384r1"/,
    );
    const ec = resolveCaAlgorithms(s, "EC_brainpool384r1", "SHA3_384WITHECDSA");
    expect([ec.signingAlgorithm.value, ec.signingAlgorithm.family]).toEqual([
      "SHA3_384WITHECDSA",
      "EC",
    ]);
    expect(() => resolveCaAlgorithms(s, "EC_brainpool384r1", "SHA3_384WITHRSA")).toThrow(
      /signingAlgorithm "SHA3_384WITHRSA" does not fit keyAlgorithm "EC_brainpool384r1"/,
    );
    const warnings = s.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
    expect(warnings).toEqual([
      expect.stringMatching(/^keyAlgorithm "RSA_8192" is not a value this library knows/),
      expect.stringMatching(/^keyAlgorithm "EC_brainpool384r1"/),
      expect.stringMatching(/^keyAlgorithm "EC_brainpool384r1"/),
      expect.stringMatching(/^signingAlgorithm "SHA3_384WITHECDSA" .* form SHA<bits>WITHECDSA/),
      expect.stringMatching(/^keyAlgorithm "EC_brainpool384r1"/),
      expect.stringMatching(/^signingAlgorithm "SHA3_384WITHRSA"/),
    ]);
    expect(() => resolveCaAlgorithms(s, "RSA_1024", undefined)).toThrow(
      /keyAlgorithm must be one of .*, got "RSA_1024": an RSA key of 1024 bits is weak/,
    );
    expect(() => resolveCaAlgorithms(s, "ML_DSA_65", undefined)).toThrow(
      /got "ML_DSA_65": ACM cannot issue private certificates from an ML-DSA CA/,
    );
    expect(() => resolveCaAlgorithms(s, "RSA_2048", "MD5WITHRSA")).toThrow(
      /signingAlgorithm must be one of .*, got "MD5WITHRSA": SHA-1 and MD5 signatures are weak/,
    );
  });
});
