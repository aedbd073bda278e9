import { CertificateAuthorityRef } from "../../../modules/private-ca/certificate-authority-ref";
import { Validity } from "../../../modules/private-ca/validity";
import { synth, testStack } from "../../support/synth";

const ARN =
  "arn:aws:acm-pca:eu-west-1:222222222222:certificate-authority/0123abcd-0000-1111-2222-333344445555";

describe("CertificateAuthorityRef.fromCertificateAuthorityArn", () => {
  test("creates nothing, reads the region from the ARN, and carries what it is told", () => {
    const { stack } = testStack();
    const ca = CertificateAuthorityRef.fromCertificateAuthorityArn(stack, "Shared", ARN, {
      type: "SUBORDINATE",
      keyAlgorithm: "EC_prime256v1",
      signingAlgorithm: "SHA256WITHECDSA",
      usageMode: "GENERAL_PURPOSE",
      validity: Validity.years(3),
      pathLength: 0,
    });
    expect(synth(stack).json.resource).toBeUndefined();
    expect(ca).toMatchObject({
      certificateAuthorityArn: ARN,
      region: "eu-west-1",
      keyFamily: "EC",
      pathLength: 0,
      active: true,
      activation: [],
    });
    expect(ca.signingAlgorithm?.value).toBe("SHA256WITHECDSA");
  });

  test("unknown attributes stay unknown", () => {
    const { stack } = testStack();
    const ca = CertificateAuthorityRef.fromCertificateAuthorityArn(stack, "Shared", ARN);
    expect(ca.keyFamily).toBeUndefined();
    expect(ca.usageMode).toBeUndefined();
    expect(ca.validity).toBeUndefined();
  });

  test.each([
    [
      "not-an-arn",
      {},
      /certificateAuthorityArn must be the ARN of an AWS Private CA certificate authority \(arn:aws:acm-pca:<region>:<account>:certificate-authority\/<uuid>\); it is not an ARN: "not-an-arn"/,
    ],
    [ARN, { region: "us-east-1" }, /region "us-east-1" contradicts the ARN's region "eu-west-1"/],
    [
      ARN,
      { keyAlgorithm: "RSA_2048", signingAlgorithm: "SHA256WITHECDSA" },
      /does not fit keyAlgorithm "RSA_2048"/,
    ],
    [ARN, { keyAlgorithm: "DSA" }, /keyAlgorithm must be one of/],
    [ARN, { usageMode: "SOMETIMES" }, /usageMode must be one of/],
    [
      ARN,
      { pathLength: 5 },
      /pathLength must be a whole number from 0 to 3 \(AWS Private CA hierarchies have at most five levels\), got 5/,
    ],
  ])("rejects %s with %j", (arn, attributes, message) => {
    const { stack } = testStack();
    expect(() =>
      CertificateAuthorityRef.fromCertificateAuthorityArn(stack, "X", arn, attributes as never),
    ).toThrow(message);
  });
});
