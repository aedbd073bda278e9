// Domain names a new user might put on a certificate, through the public API only (Certificate
// and PrivateCertificate). ACM's rules fail at synth with a ValidationError naming the property,
// the value and the rule; valid but unusual names synthesize with validations on.
import { TerraformStack } from "cdktf";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { CertificateAuthority } from "../../modules/private-ca/certificate-authority";
import { PrivateCertificate } from "../../modules/private-ca/private-certificate";
import { synth, testStack, TEST_ZONES } from "../support/synth";
import { expectValidationError } from "../support/inputs";

const ZONES = [
  ...TEST_ZONES,
  { zoneId: "Z0EXAMPLE00000000004", zoneName: "example.co.uk" },
  { zoneId: "Z0EXAMPLE00000000005", zoneName: "user.github.io" },
];

function publicCertificate(
  domainName: string,
  subjectAlternativeNames: string[] = [],
  maxDomainNames?: number,
): { stack: TerraformStack; certificate: Certificate } {
  const { stack } = testStack();
  const certificate = new Certificate(stack, "Cert", {
    domainName,
    subjectAlternativeNames,
    maxDomainNames,
    validation: CertificateValidation.fromDns(ZONES),
  });
  return { stack, certificate };
}

function privateCertificate(domainName: string, subjectAlternativeNames: string[] = []) {
  const { stack } = testStack();
  const certificate = new PrivateCertificate(stack, "Cert", {
    certificateAuthority: new CertificateAuthority(stack, "Ca", {
      type: "ROOT",
      subject: { commonName: "Root" },
      revocation: { crl: false },
    }),
    domainName,
    subjectAlternativeNames,
  });
  return { stack, certificate };
}

type Row = [description: string, build: () => unknown, mustContain: readonly string[]];

const BAD: Row[] = [
  [
    "a public wildcard directly under co.uk",
    () => publicCertificate("*.co.uk"),
    ["domainName", '"*.co.uk"', "public suffix"],
  ],
  [
    "a public wildcard SAN directly under com.au",
    () => publicCertificate("example.com", ["*.com.au"]),
    ["subjectAlternativeNames[0]", '"*.com.au"', "public suffix"],
  ],
  [
    "a wildcard of a top-level domain",
    () => publicCertificate("*.com"),
    ["domainName", '"*.com"', "top-level domain"],
  ],
  [
    "an IPv4 address",
    () => publicCertificate("192.168.0.1"),
    ["domainName", '"192.168.0.1"', "IP address"],
  ],
  [
    "a one-character top-level label",
    () => publicCertificate("example.com", ["www.example.c"]),
    ["subjectAlternativeNames[0]", '"www.example.c"', "one-character top-level label"],
  ],
  [
    "an all-numeric top-level label",
    () => publicCertificate("www.example.123"),
    ["domainName", '"www.example.123"', "all-numeric top-level label"],
  ],
  [
    "capitals",
    () => publicCertificate("Example.com"),
    ["domainName", '"Example.com"', "lower-case"],
  ],
  [
    "a trailing dot",
    () => publicCertificate("example.com."),
    ["domainName", '"example.com."', "must not end with a dot"],
  ],
  [
    "a primary name over 64 characters",
    () => publicCertificate(`${"a".repeat(53)}.example.com`),
    ["domainName", "at most 64 characters, got 65"],
  ],
  [
    "a repeated name",
    () => publicCertificate("example.com", ["www.example.com", "example.com"]),
    ["subjectAlternativeNames", '"example.com"', "more than once"],
  ],
  [
    "more than 100 names, whatever maxDomainNames says",
    () =>
      publicCertificate(
        "example.com",
        Array.from({ length: 100 }, (_, i) => `h${i}.example.com`),
        150,
      ),
    ["maxDomainNames", "150", "100"],
  ],
  [
    "a private wildcard of a single label",
    () => privateCertificate("*.internal"),
    ["domainName", '"*.internal"', "top-level domain"],
  ],
  [
    "a private name with an empty label",
    () => privateCertificate("app..example.corp"),
    ["domainName", '"app..example.corp"', "empty label"],
  ],
  [
    "a private IP address SAN",
    () => privateCertificate("app.example.corp", ["10.1.2.3"]),
    ["subjectAlternativeNames[0]", '"10.1.2.3"', "IP address"],
  ],
];

describe("domain names: bad names fail at synth with a ValidationError naming the property, the value and the rule", () => {
  test.each(BAD)("%s", (_description, build, mustContain) => {
    expectValidationError(build, mustContain);
  });
});

describe("domain names: valid but unusual names synthesize", () => {
  test("a wildcard one label under a public suffix, and under a private-section suffix", () => {
    const { stack } = publicCertificate("*.example.co.uk", ["*.user.github.io"]);
    expect(synth(stack).list("aws_acm_certificate")[0]).toMatchObject({
      domain_name: "*.example.co.uk",
      subject_alternative_names: ["*.user.github.io"],
    });
  });

  test("a punycode name and a label that starts with digits", () => {
    const { stack } = publicCertificate("xn--bcher-kva.example.com", ["3d.example.com"]);
    expect(synth(stack).list("aws_acm_certificate")[0].subject_alternative_names).toEqual([
      "3d.example.com",
    ]);
  });

  test("private names under internal suffixes, including a wildcard right under co.uk", () => {
    const { stack } = privateCertificate("*.svc.cluster.local", ["*.co.uk", "db.corp"]);
    expect(synth(stack).list("aws_acm_certificate")[0]).toMatchObject({
      domain_name: "*.svc.cluster.local",
      subject_alternative_names: ["*.co.uk", "db.corp"],
    });
  });
});
