import { TerraformStack } from "cdktf";
import {
  CertificateAuthority,
  CertificateAuthorityProps,
} from "../../../modules/private-ca/certificate-authority";
import {
  IssuedCertificate,
  IssuedCertificateProps,
} from "../../../modules/private-ca/issued-certificate";
import { Validity } from "../../../modules/private-ca/validity";
import { aliasProvider, synth, testStack } from "../../support/synth";

const CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";

function ca(stack: TerraformStack, props: Partial<CertificateAuthorityProps> = {}, id = "Ca") {
  return new CertificateAuthority(stack, id, {
    type: "ROOT",
    subject: { commonName: "CA" },
    revocation: { crl: false },
    ...props,
  });
}

function issue(stack: TerraformStack, props: Partial<IssuedCertificateProps>, id = "Client") {
  return new IssuedCertificate(stack, id, {
    certificateAuthority: props.certificateAuthority as CertificateAuthority,
    certificateSigningRequest: CSR,
    validity: Validity.days(7),
    ...props,
  });
}

describe("IssuedCertificate", () => {
  test("EndEntityCertificate/V1 by default, signed with the CA's algorithm, after the CA is active", () => {
    const { stack } = testStack();
    const authority = ca(stack, {
      keyAlgorithm: "EC_prime256v1",
      usageMode: "SHORT_LIVED_CERTIFICATE",
    });
    issue(stack, { certificateAuthority: authority });
    const out = synth(stack);
    const cert = Object.entries(out.resources("aws_acmpca_certificate")).find(([n]) =>
      n.startsWith("Client_"),
    )?.[1];
    expect(cert).toMatchObject({
      certificate_signing_request: CSR,
      signing_algorithm: "SHA256WITHECDSA",
      template_arn: "arn:aws:acm-pca:::template/EndEntityCertificate/V1",
      validity: { type: "DAYS", value: "7" },
      depends_on: [
        expect.stringMatching(/^aws_acmpca_certificate_authority_certificate\.Ca_Installation_/),
      ],
    });
    expect(cert.certificate_authority_arn).toMatch(
      /^\$\{aws_acmpca_certificate_authority\.Ca_CertificateAuthority_\w+\.arn\}$/,
    );
  });

  test("a short-lived CA asked for more than 7 days is an error", () => {
    const { stack } = testStack();
    const authority = ca(stack, { usageMode: "SHORT_LIVED_CERTIFICATE" });
    expect(() =>
      issue(stack, { certificateAuthority: authority, validity: Validity.days(8) }),
    ).toThrow(
      /validity 8 days is too long: certificateAuthority "test\/Ca" is a SHORT_LIVED_CERTIFICATE CA, which issues certificates valid at most 7 days/,
    );
    expect(() =>
      issue(stack, { certificateAuthority: authority, validity: Validity.months(1) }, "B"),
    ).toThrow(/validity 1 month is too long/);
  });

  test("a general-purpose CA issues any validity shorter than its own", () => {
    const { stack } = testStack();
    const authority = ca(stack, { validity: Validity.years(2) });
    expect(() =>
      issue(stack, { certificateAuthority: authority, validity: Validity.years(1) }),
    ).not.toThrow();
    expect(() =>
      issue(stack, { certificateAuthority: authority, validity: Validity.years(2) }, "B"),
    ).toThrow(/validity 2 years must be shorter than the CA's 2 years/);
  });

  test("rejects a bad CSR, a signing algorithm of the wrong family, another region, an inactive CA", () => {
    const { stack } = testStack();
    const authority = ca(stack);
    expect(() =>
      issue(stack, { certificateAuthority: authority, certificateSigningRequest: "abc" }, "A"),
    ).toThrow(/certificateSigningRequest must be a PEM CSR/);
    expect(() =>
      issue(stack, { certificateAuthority: authority, signingAlgorithm: "SHA256WITHECDSA" }, "B"),
    ).toThrow(/signingAlgorithm "SHA256WITHECDSA" does not fit the CA's RSA key/);
    const us = aliasProvider(stack, "us", "us-east-1");
    expect(() => issue(stack, { certificateAuthority: authority, provider: us }, "C")).toThrow(
      /certificateAuthority "test\/Ca" is in eu-west-1 but the provider that issues is in us-east-1/,
    );
    const pending = new CertificateAuthority(stack, "Pending", {
      type: "SUBORDINATE",
      subject: { commonName: "P" },
      externallySigned: true,
      revocation: { crl: false },
    });
    expect(() => issue(stack, { certificateAuthority: pending }, "D")).toThrow(/cannot issue yet/);
  });
});
