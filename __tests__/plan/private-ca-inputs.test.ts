// Valid but unusual private CA inputs, planned offline: values given as Terraform variables are
// emitted as given and resolve at plan; private names that public certificates may not carry.
// And the limit of the "newer value" rule: provider 5.100 checks key algorithms against the enum
// it was built with, so a value AWS adds later passes synth (with a warning) but not plan until the
// provider is upgraded.
import { TerraformStack, TerraformVariable } from "cdktf";
import { CertificateAuthority } from "../../modules/private-ca/certificate-authority";
import { PrivateCertificate } from "../../modules/private-ca/private-certificate";
import { Validity } from "../../modules/private-ca/validity";
import { describeWithTerraform, ofType, planStack } from "../support/plan";
import { testStack } from "../support/synth";

function authority(stack: TerraformStack, keyAlgorithm: string, signingAlgorithm?: string) {
  return new CertificateAuthority(stack, "Ca", {
    type: "ROOT",
    subject: { commonName: "Root" },
    revocation: { crl: false },
    keyAlgorithm,
    signingAlgorithm,
    validity: Validity.years(
      new TerraformVariable(stack, "root_years", { type: "number", default: 10 }).numberValue,
    ),
    preventDestroy: false,
  });
}

describeWithTerraform("plan: private CA inputs", () => {
  test("algorithms and validity from variables resolve at plan; internal wildcard names plan", async () => {
    const { stack } = testStack("eu-west-1", "private-ca-inputs");
    const variable = (id: string, value: string) =>
      new TerraformVariable(stack, id, { type: "string", default: value }).stringValue;
    const ca = authority(stack, variable("ca_key", "EC_secp384r1"), "SHA384WITHECDSA");
    new PrivateCertificate(stack, "Cert", {
      certificateAuthority: ca,
      domainName: "*.svc.internal",
      subjectAlternativeNames: ["*.co.uk"],
      keyAlgorithm: variable("cert_key", "EC_prime256v1"),
    });
    const plan = await planStack(stack);
    expect(
      ofType(plan, "aws_acmpca_certificate_authority")[0].change.after
        ?.certificate_authority_configuration,
    ).toMatchObject([{ key_algorithm: "EC_secp384r1", signing_algorithm: "SHA384WITHECDSA" }]);
    expect(ofType(plan, "aws_acmpca_certificate")[0].change.after?.validity).toEqual([
      { type: "YEARS", value: "10" },
    ]);
    // The provider plans the primary name into subject_alternative_names too (a set, sorted).
    expect(ofType(plan, "aws_acm_certificate")[0].change.after).toMatchObject({
      domain_name: "*.svc.internal",
      subject_alternative_names: ["*.co.uk", "*.svc.internal"],
      key_algorithm: "EC_prime256v1",
    });
  });

  test("a newer key size passes synth with a warning, but provider 5.100 refuses it at plan", async () => {
    const { stack } = testStack("eu-west-1", "private-ca-newer-key");
    const ca = authority(stack, "RSA_8192");
    expect(ca.keyAlgorithm.family).toBe("RSA");
    const error = await planStack(stack).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(
      /expected key_algorithm to be one of \["RSA_2048" .*"EC_secp521r1" "SM2"\], got RSA_8192/,
    );
  });
});
