import { TerraformVariable } from "cdktf";
import { KeyAlgorithm, resolveKeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import { testStack } from "../../support/synth";

describe("KeyAlgorithm", () => {
  test("the three request algorithms, their families and CloudFront support", () => {
    expect(KeyAlgorithm.ALL.map((k) => [k.value, k.family, k.cloudFrontCompatible])).toEqual([
      ["RSA_2048", "RSA", true],
      ["EC_prime256v1", "EC", true],
      ["EC_secp384r1", "EC", false],
    ]);
  });

  test("of() accepts API values and instances, rejects others", () => {
    const { stack } = testStack();
    expect(KeyAlgorithm.of(stack, "k", "EC_prime256v1")).toBe(KeyAlgorithm.EC_PRIME256V1);
    expect(KeyAlgorithm.of(stack, "k", KeyAlgorithm.RSA_2048)).toBe(KeyAlgorithm.RSA_2048);
    expect(() => KeyAlgorithm.of(stack, "props.keyAlgorithm", "ec_prime256v1")).toThrow(
      /\[test\] props.keyAlgorithm must be one of "RSA_2048", "EC_prime256v1", "EC_secp384r1", got "ec_prime256v1"/,
    );
  });

  test("resolveKeyAlgorithm leaves unset values unset", () => {
    const { stack } = testStack();
    expect(resolveKeyAlgorithm(stack, "k", undefined)).toBeUndefined();
    expect(resolveKeyAlgorithm(stack, "k", "RSA_2048")).toBe(KeyAlgorithm.RSA_2048);
  });

  const warnings = (scope: { node: { metadata: { type: string; data: unknown }[] } }) =>
    scope.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));

  test("a token is carried unchanged, its family unknown at synth", () => {
    const { stack } = testStack();
    const token = new TerraformVariable(stack, "key", { type: "string" }).stringValue;
    const k = resolveKeyAlgorithm(stack, "keyAlgorithm", token) as KeyAlgorithm;
    expect(k.value).toBe(token);
    expect(k.family).toBeUndefined();
    expect(k.cloudFrontCompatible).toBeUndefined();
    expect(k.isKnownAtSynth).toBe(false);
    expect(KeyAlgorithm.RSA_2048.isKnownAtSynth).toBe(true);
  });

  test("a newer RSA_<bits> or EC_<curve> value passes with a warning, as its family", () => {
    const { stack } = testStack();
    const k = KeyAlgorithm.of(stack, "keyAlgorithm", "EC_brainpool512r1");
    expect([k.value, k.family, k.cloudFrontCompatible]).toEqual([
      "EC_brainpool512r1",
      "EC",
      undefined,
    ]);
    expect(KeyAlgorithm.of(stack, "keyAlgorithm", "RSA_8192").family).toBe("RSA");
    expect(warnings(stack)).toEqual([
      expect.stringMatching(
        /^keyAlgorithm "EC_brainpool512r1" is not a value this library knows .* form EC_<curve>/,
      ),
      expect.stringMatching(/^keyAlgorithm "RSA_8192" .* form RSA_<bits>/),
    ]);
  });

  test.each([
    ["RSA_1024", /an RSA key of 1024 bits is weak/],
    ["RSA_512", /an RSA key of 512 bits is weak/],
    ["RSA_4096", /other key algorithms are for imported certificates/],
    ["EC_secp521r1", /other key algorithms are for imported certificates/],
    ["DSA_2048", /a newer value of the form RSA_<bits> or EC_<curve> passes with a warning/],
  ])("refuses %s with the reason", (value, reason) => {
    const { stack } = testStack();
    expect(() => KeyAlgorithm.of(stack, "keyAlgorithm", value)).toThrow(
      new RegExp(`keyAlgorithm must be one of .*, got "${value}"`),
    );
    expect(() => KeyAlgorithm.of(stack, "keyAlgorithm", value)).toThrow(reason);
  });
});
