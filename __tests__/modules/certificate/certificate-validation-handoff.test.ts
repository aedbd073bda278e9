// CertificateValidationHandoff: what a certificate requested in one stack exports for the stacks
// that create its records and wait for it.
import { Lazy } from "cdktf";
import { Certificate, CertificateProps } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { CertificateValidationHandoff } from "../../../modules/certificate/certificate-validation-handoff";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import { expectValidationError } from "../../support/inputs";
import { rendered, synth, testStack } from "../../support/synth";

function requested(props: Partial<CertificateProps> = {}, region = "eu-west-1") {
  const t = testStack(region);
  const certificate = new Certificate(t.stack, "Site", {
    domainName: "example.com",
    subjectAlternativeNames: ["*.example.com", "api.example.com"],
    validation: CertificateValidation.fromExternalDns(),
    waitForValidation: false,
    ...props,
  });
  return { ...t, certificate };
}

/** The pick this library's own Route 53 records make, written out. */
function pick(address: string, field: string, name: string): string {
  return (
    `\${one(distinct([for o in ${address}.domain_validation_options : o.${field} ` +
    `if trimprefix(o.domain_name, "*.") == "${name}"]))}`
  );
}

describe("CertificateValidationHandoff", () => {
  test("exports the validation options as a local keyed by wildcard-stripped name", () => {
    const { stack, certificate } = requested();
    CertificateValidationHandoff.of(certificate);
    const out = synth(stack);
    const [address] = Object.keys(out.resources("aws_acm_certificate")).map(
      (id) => `aws_acm_certificate.${id}`,
    );
    const locals = Object.values(out.json.locals);
    expect(locals).toEqual([
      {
        "example.com": {
          domain_name: "example.com",
          resource_record_name: pick(address, "resource_record_name", "example.com"),
          resource_record_type: pick(address, "resource_record_type", "example.com"),
          resource_record_value: pick(address, "resource_record_value", "example.com"),
        },
        "api.example.com": {
          domain_name: "api.example.com",
          resource_record_name: pick(address, "resource_record_name", "api.example.com"),
          resource_record_type: pick(address, "resource_record_type", "api.example.com"),
          resource_record_value: pick(address, "resource_record_value", "api.example.com"),
        },
      },
    ]);
    // Nothing else: no records and no waiter in the certificate's stack.
    expect(out.list("aws_route53_record")).toEqual([]);
    expect(out.list("aws_acm_certificate_validation")).toEqual([]);
  });

  test("carries the unvalidated ARN, the names, the region and the key algorithm", () => {
    const { stack, certificate } = requested(
      { keyAlgorithm: KeyAlgorithm.EC_PRIME256V1 },
      "us-east-1",
    );
    const handoff = CertificateValidationHandoff.of(certificate);
    expect(handoff.domainNames).toEqual(["example.com", "*.example.com", "api.example.com"]);
    expect(handoff.validationNames).toEqual(["example.com", "api.example.com"]);
    expect(handoff.region).toBe("us-east-1");
    expect(handoff.keyAlgorithm).toBe(KeyAlgorithm.EC_PRIME256V1);
    expect(rendered(stack, handoff.unvalidatedCertificateArn)).toMatch(
      /^\$\{aws_acm_certificate\.Site_Certificate_[0-9A-F]{8}\.arn\}$/,
    );
    const local = Object.keys(synth(stack).json.locals)[0];
    expect(rendered(stack, handoff.validationOptions)).toBe(`\${local.${local}}`);
  });

  test("one handoff per certificate, under it", () => {
    const { certificate } = requested();
    const first = CertificateValidationHandoff.of(certificate);
    expect(CertificateValidationHandoff.of(certificate)).toBe(first);
    expect(first.node.path).toBe("test/Site/ValidationHandoff");
  });
});

describe("CertificateValidationHandoff: certificates it refuses", () => {
  const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };
  const rows: [string, () => unknown, string[]][] = [
    [
      "a certificate that waits in its own stack (the first apply would hang)",
      () =>
        CertificateValidationHandoff.of(requested({ waitForValidation: undefined }).certificate),
      ["[test/Site]", "waitForValidation must be false", "got true", "ValidatedCertificate"],
    ],
    [
      "records already made here (fromDns)",
      () =>
        CertificateValidationHandoff.of(
          requested({ validation: CertificateValidation.fromDns([ZONE]) }).certificate,
        ),
      ["[test/Site]", "fromDns", "fromExternalDns()"],
    ],
    [
      "email validation",
      () =>
        CertificateValidationHandoff.of(
          requested({ validation: CertificateValidation.fromEmail() }).certificate,
        ),
      ["[test/Site]", "DNS validation", '"EMAIL"', "fromExternalDns()"],
    ],
    [
      "a name unknown at synth",
      () =>
        CertificateValidationHandoff.of(
          requested({
            subjectAlternativeNames: [Lazy.stringValue({ produce: () => "x.example.com" })],
          }).certificate,
        ),
      [
        "[test/Site]",
        "known at synth",
        "keyed by name",
        '"example.com"',
        "<token: unknown at synth>",
      ],
    ],
    [
      "a certificate referenced by ARN (nothing to validate)",
      () => {
        const { stack } = testStack();
        const existing = Certificate.fromCertificateArn(
          stack,
          "Existing",
          "arn:aws:acm:eu-west-1:111111111111:certificate/0123abcd-0000-1111-2222-333344445555",
        );
        return CertificateValidationHandoff.of(existing as Certificate);
      },
      [
        "CertificateValidationHandoff.of",
        "Certificate requested by this library",
        '"ExistingCertificate"',
      ],
    ],
  ];

  test.each(rows)("%s", (_what, build, mustContain) => {
    expectValidationError(build, mustContain);
  });
});
