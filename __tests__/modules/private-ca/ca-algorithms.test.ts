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
});
