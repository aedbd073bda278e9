import { TerraformStack, TerraformVariable } from "cdktf";
import { AlbHttpsListener } from "../../../modules/attach/alb-https-listener";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import {
  earlyRenewalDays,
  PrivateCertificate,
  PrivateCertificateProps,
} from "../../../modules/private-ca/private-certificate";
import {
  CertificateAuthority,
  CertificateAuthorityProps,
} from "../../../modules/private-ca/certificate-authority";
import { CertificateAuthorityRef } from "../../../modules/private-ca/certificate-authority-ref";
import { Validity } from "../../../modules/private-ca/validity";
import { aliasProvider, synth, testStack } from "../../support/synth";

function ca(stack: TerraformStack, props: Partial<CertificateAuthorityProps> = {}, id = "Ca") {
  return new CertificateAuthority(stack, id, {
    type: "ROOT",
    subject: { commonName: "CA" },
    revocation: { crl: false },
    ...props,
  });
}

function cert(stack: TerraformStack, props: Partial<PrivateCertificateProps> = {}, id = "Cert") {
  return new PrivateCertificate(stack, id, {
    certificateAuthority:
      props.certificateAuthority ?? ca(stack, {}, id === "Cert" ? "Ca" : `${id}Ca`),
    domainName: "internal.example.corp",
    ...props,
  });
}

const warnings = (c: PrivateCertificate) =>
  c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));

describe("PrivateCertificate", () => {
  test("an ACM certificate with certificate_authority_arn, no validation method, no validation resources", () => {
    const { stack } = testStack();
    const c = cert(stack, {
      subjectAlternativeNames: ["api.internal.example.corp"],
      tags: { team: "a" },
    });
    const out = synth(stack);
    const acm = out.list("aws_acm_certificate")[0];
    expect(acm).toEqual({
      domain_name: "internal.example.corp",
      subject_alternative_names: ["api.internal.example.corp"],
      certificate_authority_arn: expect.stringMatching(
        /^\$\{aws_acmpca_certificate_authority\.Ca_CertificateAuthority_\w+\.arn\}$/,
      ),
      key_algorithm: "RSA_2048",
      tags: { team: "a" },
      lifecycle: { create_before_destroy: true },
      depends_on: [
        expect.stringMatching(/^aws_acmpca_certificate_authority_certificate\.Ca_Installation_/),
        expect.stringMatching(/^aws_acmpca_permission\.Ca_AcmPermission_/),
      ],
    });
    expect(out.list("aws_acm_certificate_validation")).toHaveLength(0);
    expect(out.list("aws_route53_record")).toHaveLength(0);
    expect(c).toMatchObject({
      region: "eu-west-1",
      domainNames: ["internal.example.corp", "api.internal.example.corp"],
      keyAlgorithm: KeyAlgorithm.RSA_2048,
    });
  });

  test("the key defaults to the CA's family", () => {
    const { stack } = testStack();
    const ec = ca(stack, { keyAlgorithm: "EC_secp384r1" }, "Ec");
    expect(cert(stack, { certificateAuthority: ec }).keyAlgorithm).toBe(KeyAlgorithm.EC_PRIME256V1);
    expect(
      cert(stack, { certificateAuthority: ec, keyAlgorithm: "EC_secp384r1" }, "C2").keyAlgorithm,
    ).toBe(KeyAlgorithm.EC_SECP384R1);
  });

  test.each([
    [
      "RSA_4096",
      "EC_prime256v1",
      /keyAlgorithm "EC_prime256v1" is an EC key, but the CA "test\/Ca" has an RSA key; .* use "RSA_2048"/,
    ],
    [
      "EC_prime256v1",
      "RSA_2048",
      /keyAlgorithm "RSA_2048" is an RSA key, but the CA "test\/Ca" has an EC key; .* use "EC_prime256v1" or "EC_secp384r1"/,
    ],
  ])("a %s CA refuses a %s certificate", (caKey, certKey, message) => {
    const { stack } = testStack();
    const authority = ca(stack, { keyAlgorithm: caKey });
    expect(() => cert(stack, { certificateAuthority: authority, keyAlgorithm: certKey })).toThrow(
      message,
    );
  });

  test("checks the family of an existing CA when told its key", () => {
    const { stack } = testStack();
    const shared = CertificateAuthorityRef.fromCertificateAuthorityArn(
      stack,
      "Shared",
      "arn:aws:acm-pca:eu-west-1:222222222222:certificate-authority/abcd0000-1111-2222-3333-444455556666",
      { keyAlgorithm: "EC_prime256v1" },
    );
    expect(() => cert(stack, { certificateAuthority: shared, keyAlgorithm: "RSA_2048" })).toThrow(
      /has an EC key/,
    );
    const ok = cert(stack, { certificateAuthority: shared }, "Ok");
    expect(ok.keyAlgorithm).toBe(KeyAlgorithm.EC_PRIME256V1);
    expect(synth(stack).list("aws_acm_certificate")[0]).toMatchObject({
      certificate_authority_arn:
        "arn:aws:acm-pca:eu-west-1:222222222222:certificate-authority/abcd0000-1111-2222-3333-444455556666",
    });
    expect(synth(stack).list("aws_acm_certificate")[0].depends_on).toBeUndefined();
  });

  test("a short-lived CA cannot issue ACM certificates", () => {
    const { stack } = testStack();
    const short = ca(stack, { usageMode: "SHORT_LIVED_CERTIFICATE" });
    expect(() => cert(stack, { certificateAuthority: short })).toThrow(
      /certificateAuthority "test\/Ca" is a SHORT_LIVED_CERTIFICATE CA: ACM cannot issue certificates signed by a short-lived CA/,
    );
  });

  test("an externally signed CA without its certificate cannot issue", () => {
    const { stack } = testStack();
    const pending = ca(stack, { type: "SUBORDINATE", externallySigned: true });
    expect(() => cert(stack, { certificateAuthority: pending })).toThrow(/cannot issue yet/);
  });

  test("the CA must outlive the 395-day certificate", () => {
    const { stack } = testStack();
    expect(() =>
      cert(stack, { certificateAuthority: ca(stack, { validity: Validity.years(1) }) }),
    ).toThrow(/has a validity of 1 year, but ACM private certificates last 395 days/);
    expect(() =>
      cert(
        stack,
        { certificateAuthority: ca(stack, { validity: Validity.days(396) }, "Ca2") },
        "C2",
      ),
    ).not.toThrow();
  });

  test("the CA and the certificate must be in the same region", () => {
    const { stack } = testStack("eu-west-1");
    const us = aliasProvider(stack, "us", "us-east-1");
    expect(() => cert(stack, { provider: us })).toThrow(
      /certificateAuthority "test\/Ca" is in eu-west-1 but the certificate's provider is in us-east-1; private CAs are regional/,
    );
    const usCa = ca(stack, { provider: us }, "UsCa");
    expect(cert(stack, { provider: us, certificateAuthority: usCa }, "Us").region).toBe(
      "us-east-1",
    );
  });

  test("earlyRenewalDuration: RFC 3339 or hours, under 395 days, a warning under 60", () => {
    const { stack } = testStack();
    const c = cert(stack, { earlyRenewalDuration: "P90D" });
    expect(synth(stack).list("aws_acm_certificate")[0].early_renewal_duration).toBe("P90D");
    expect(warnings(c)).toEqual([]);
    expect(warnings(cert(stack, { earlyRenewalDuration: "720h" }, "C2"))).toEqual([
      expect.stringMatching(/earlyRenewalDuration "720h" is under 60 days and has no effect/),
    ]);
    expect(() => cert(stack, { earlyRenewalDuration: "90 days" }, "C3")).toThrow(
      /earlyRenewalDuration must be an RFC 3339 duration .* got "90 days"/,
    );
    expect(() => cert(stack, { earlyRenewalDuration: "P1Y1M" }, "C4")).toThrow(
      /earlyRenewalDuration must be shorter than the certificate's 395-day validity, got "P1Y1M" \(about 395 days\)/,
    );
    expect([
      earlyRenewalDays("P90D"),
      earlyRenewalDays("P1M15D"),
      earlyRenewalDays("2160h"),
    ]).toEqual([90, 45, 90]);
    expect([earlyRenewalDays("P"), earlyRenewalDays(""), earlyRenewalDays("90d")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test("names are checked like a public certificate's", () => {
    const { stack } = testStack();
    expect(() => cert(stack, { domainName: "Internal.example.corp" })).toThrow(
      /domainName must be lower-case/,
    );
    expect(() => cert(stack, { domainName: "a".repeat(60) + ".corp" }, "B")).toThrow(
      /at most 64 characters/,
    );
    expect(() => cert(stack, { subjectAlternativeNames: ["internal.example.corp"] }, "C")).toThrow(
      /must not repeat a name, got "internal.example.corp" more than once/,
    );
    expect(() =>
      cert(
        stack,
        { subjectAlternativeNames: Array.from({ length: 10 }, (_, i) => `s${i}.example.corp`) },
        "D",
      ),
    ).toThrow(/at most 10 names .* got 11/);
    const v = new TerraformVariable(stack, "name", { type: "string" });
    expect(cert(stack, { domainName: v.stringValue }, "E").domainNames).toBeUndefined();
    expect(
      () =>
        new PrivateCertificate(stack, "F", {
          certificateAuthority: {} as never,
          domainName: "x.corp",
        }),
    ).toThrow(/certificateAuthority must be a private CA .* got "object"/);
  });

  test("attaches through the same listener construct as a public certificate", () => {
    const { stack } = testStack();
    const c = cert(stack);
    new AlbHttpsListener(stack, "Listener", {
      loadBalancerArn:
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal/0123456789abcdef",
      targetGroupArn:
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/app/0123456789abcdef",
      certificate: c,
      hostNames: ["internal.example.corp"],
    });
    const out = synth(stack);
    const [acmName] = Object.keys(out.resources("aws_acm_certificate"));
    expect(out.list("aws_lb_listener")[0]).toMatchObject({
      protocol: "HTTPS",
      certificate_arn: `\${aws_acm_certificate.${acmName}.arn}`,
    });
    expect(
      () =>
        new AlbHttpsListener(stack, "Wrong", {
          loadBalancerArn:
            "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal/0123456789abcdef",
          targetGroupArn:
            "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/app/0123456789abcdef",
          certificate: c,
          hostNames: ["other.example.corp"],
        }),
    ).toThrow(/hostNames has names the certificate does not cover: "other.example.corp"/);
  });
});
