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
});
