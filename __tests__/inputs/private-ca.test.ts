// Inputs a new user might give the private CA constructs and PrivateCaStack, through the public
// API only. Bad inputs must fail at synth with a ValidationError naming the property and the
// value; valid but unusual inputs must synthesize with validations on.
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { CaSharing } from "../../modules/private-ca/ca-sharing";
import {
  CertificateAuthority,
  CertificateAuthorityProps,
} from "../../modules/private-ca/certificate-authority";
import { CertificateAuthorityHierarchy } from "../../modules/private-ca/certificate-authority-hierarchy";
import { CertificateAuthorityRef } from "../../modules/private-ca/certificate-authority-ref";
import { IssuedCertificate } from "../../modules/private-ca/issued-certificate";
import {
  PrivateCertificate,
  PrivateCertificateProps,
} from "../../modules/private-ca/private-certificate";
import { Validity } from "../../modules/private-ca/validity";
import { PrivateCaStack, PrivateCaStackProps } from "../../stacks/private-ca-stack";
import { aliasProvider, synth, testStack } from "../support/synth";
import { expectValidationError } from "../support/inputs";

const TOKEN = "<token: unknown at synth>";
const UUID = "0123abcd-0000-1111-2222-333344445555";
const CA_ARN = `arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/${UUID}`;
const ALB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/app/0123456789abcdef";

function rootCa(stack: TerraformStack, props: Partial<CertificateAuthorityProps> = {}, id = "Ca") {
  return new CertificateAuthority(stack, id, {
    type: "ROOT",
    subject: { commonName: "Root" },
    revocation: { crl: false },
    ...props,
  });
}

function ca(props: Partial<CertificateAuthorityProps>): CertificateAuthority {
  return rootCa(testStack().stack, props);
}

function subordinate(props: Partial<CertificateAuthorityProps>): CertificateAuthority {
  const { stack } = testStack();
  return new CertificateAuthority(stack, "Sub", {
    type: "SUBORDINATE",
    subject: { commonName: "Sub" },
    revocation: { crl: false },
    parent: rootCa(stack),
    ...props,
  });
}

function privateCertificate(props: Partial<PrivateCertificateProps>): PrivateCertificate {
  const { stack } = testStack();
  return new PrivateCertificate(stack, "Cert", {
    certificateAuthority: rootCa(stack),
    domainName: "app.example.corp",
    ...props,
  });
}

const STACK: PrivateCaStackProps = {
  region: "eu-west-1",
  root: { subject: { commonName: "Root" } },
  subordinates: [{ name: "Issuing", parent: "Root", subject: { commonName: "Issuing" } }],
  crl: { enabled: false },
};

function pkiStack(props: Partial<PrivateCaStackProps>): PrivateCaStack {
  return new PrivateCaStack(Testing.app(), "pki", { ...STACK, ...props });
}

const certificateConfig = (name: string, listener = false) => ({
  name,
  domainName: `${name.replace(/_/g, "-")}.example.corp`,
  issuer: "Issuing",
  listener: listener ? { loadBalancerArn: ALB, targetGroupArn: TG } : undefined,
});

/** A number token, as a variable gives it. */
function numberVariable(stack: TerraformStack, id: string): number {
  return new TerraformVariable(stack, id, { type: "number" }).numberValue;
}

type Row = [description: string, build: () => unknown, mustContain: readonly string[]];

const BAD: Row[] = [
  // CertificateAuthority: type, subject, algorithms.
  ["an unknown CA type", () => ca({ type: "INTERMEDIATE" as never }), ["type", '"INTERMEDIATE"']],
  ["an empty common name", () => ca({ subject: { commonName: "" } }), ["subject.commonName", '""']],
  [
    "a lower-case country code",
    () => ca({ subject: { commonName: "Root", country: "nl" } }),
    ["subject.country", '"nl"'],
  ],
  [
    "an organization over 64 characters",
    () => ca({ subject: { commonName: "Root", organization: "o".repeat(65) } }),
    ["subject.organization", "65"],
  ],
  ["a weak RSA key", () => ca({ keyAlgorithm: "RSA_1024" }), ["keyAlgorithm", '"RSA_1024"']],
  ["a DSA key", () => ca({ keyAlgorithm: "DSA_2048" }), ["keyAlgorithm", '"DSA_2048"']],
  ["an SM2 key", () => ca({ keyAlgorithm: "SM2" }), ["keyAlgorithm", '"SM2"']],
  [
    "a SHA-1 signature",
    () => ca({ signingAlgorithm: "SHA1WITHRSA" }),
    ["signingAlgorithm", '"SHA1WITHRSA"'],
  ],
  [
    "an RSA signature on an EC key",
    () => ca({ keyAlgorithm: "EC_prime256v1", signingAlgorithm: "SHA256WITHRSA" }),
    ["signingAlgorithm", '"SHA256WITHRSA"', '"EC_prime256v1"'],
  ],
  [
    "a token key with no signing algorithm",
    () => {
      const { stack } = testStack();
      const key = new TerraformVariable(stack, "key", { type: "string" }).stringValue;
      return rootCa(stack, { keyAlgorithm: key });
    },
    ["keyAlgorithm must be known at synth", TOKEN],
  ],
  // CertificateAuthority: modes and numbers.
  ["an unknown usage mode", () => ca({ usageMode: "SHORT" as never }), ["usageMode", '"SHORT"']],
  [
    "a usage mode given as a token",
    () => {
      const { stack } = testStack();
      const mode = new TerraformVariable(stack, "mode", { type: "string" }).stringValue;
      return rootCa(stack, { usageMode: mode as never });
    },
    ["usageMode must be known at synth", TOKEN],
  ],
  [
    "an unknown key storage standard",
    () => ca({ keyStorageSecurityStandard: "FIPS_140_3" as never }),
    ["keyStorageSecurityStandard", '"FIPS_140_3"'],
  ],
  [
    "a 31-day deletion window",
    () => ca({ permanentDeletionTimeInDays: 31 }),
    ["permanentDeletionTimeInDays", "31"],
  ],
  [
    "a fractional deletion window",
    () => ca({ permanentDeletionTimeInDays: 7.5 }),
    ["permanentDeletionTimeInDays", "7.5"],
  ],
  ["a path length of 4", () => subordinate({ pathLength: 4 }), ["pathLength", "4"]],
  [
    "a path length given as a token",
    () => {
      const { stack } = testStack();
      return new CertificateAuthority(stack, "Sub", {
        type: "SUBORDINATE",
        subject: { commonName: "Sub" },
        revocation: { crl: false },
        parent: rootCa(stack),
        pathLength: numberVariable(stack, "depth"),
      });
    },
    ["pathLength must be known at synth", TOKEN],
  ],
  ["a zero-day validity", () => ca({ validity: Validity.days(0) }), ["validity.value", "0"]],
  [
    "a validity in weeks",
    () => ca({ validity: { type: "WEEKS", value: 2 } as never }),
    ["validity.type", '"WEEKS"'],
  ],
  [
    "a resource policy that is not JSON",
    () => ca({ resourcePolicy: "allow all" }),
    ["resourcePolicy", '"allow all"'],
  ],
  [
    "a CRL valid for 5001 days",
    () => ca({ revocation: { crl: { bucket: "crls-1", expirationInDays: 5001 } } }),
    ["revocation.crl.expirationInDays", "5001"],
  ],
  [
    "a CRL CNAME with a scheme",
    () => ca({ revocation: { crl: { bucket: "crls-1", customCname: "http://crl.example.com" } } }),
    ["revocation.crl.customCname", '"http://crl.example.com"'],
  ],
  [
    "a CRL bucket name with capitals",
    () => ca({ revocation: { crl: { bucket: "My_Crls" } } }),
    ["revocation.crl.bucket", '"My_Crls"'],
  ],
  [
    "an external signature that is not PEM",
    () => {
      const { stack } = testStack();
      return new CertificateAuthority(stack, "Sub", {
        type: "SUBORDINATE",
        subject: { commonName: "Sub" },
        revocation: { crl: false },
        externalSignature: { certificate: "signed", certificateChain: "chain" },
      });
    },
    ["externalSignature.certificate", '"signed"'],
  ],
  [
    "the ACM permission on a short-lived CA",
    () => ca({ usageMode: "SHORT_LIVED_CERTIFICATE", acmRenewalPermission: true }),
    ["acmRenewalPermission", "true"],
  ],
  // CA ARNs.
  [
    "an ACM certificate ARN where a CA ARN belongs",
    () =>
      CertificateAuthorityRef.fromCertificateAuthorityArn(
        testStack().stack,
        "Ca",
        `arn:aws:acm:eu-west-1:111111111111:certificate/${UUID}`,
      ),
    ["certificateAuthorityArn", `"arn:aws:acm:eu-west-1:111111111111:certificate/${UUID}"`],
  ],
  [
    "a CA ARN whose id is not a UUID",
    () =>
      CertificateAuthorityRef.fromCertificateAuthorityArn(
        testStack().stack,
        "Ca",
        "arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/abcd",
      ),
    ["certificateAuthorityArn", "certificate-authority/abcd"],
  ],
  [
    "a CA ARN in partition aws for a China region",
    () =>
      CertificateAuthorityRef.fromCertificateAuthorityArn(
        testStack().stack,
        "Ca",
        `arn:aws:acm-pca:cn-north-1:111111111111:certificate-authority/${UUID}`,
      ),
    ["certificateAuthorityArn", '"aws"', '"cn-north-1"', '"aws-cn"'],
  ],
  [
    "a region attribute that contradicts the ARN",
    () =>
      CertificateAuthorityRef.fromCertificateAuthorityArn(testStack().stack, "Ca", CA_ARN, {
        region: "us-east-1",
      }),
    ["region", '"us-east-1"', '"eu-west-1"'],
  ],
  [
    "a CA shared through a provider in another region",
    () => {
      const { stack } = testStack("us-east-1");
      return new CaSharing(stack, "Share", {
        certificateAuthorityArn: CA_ARN,
        principals: ["222222222222"],
      });
    },
    ["certificateAuthorityArn", '"eu-west-1"', '"us-east-1"'],
  ],
  [
    "a RAM principal that is no account, organization or OU",
    () =>
      new CaSharing(testStack().stack, "Share", {
        certificateAuthorityArn: CA_ARN,
        principals: ["12345"],
      }),
    ["sharing.principals[0]", '"12345"'],
  ],
  // The hierarchy.
  [
    "a subordinate name that is not PascalCase",
    () =>
      new CertificateAuthorityHierarchy(testStack().stack, "Pki", {
        root: { subject: { commonName: "Root" } },
        subordinates: [{ name: "issuing", parent: "Root", subject: { commonName: "I" } }],
        crl: { enabled: false },
      }),
    ["subordinates[0].name", '"issuing"'],
  ],
  [
    "a subordinate whose parent does not exist",
    () =>
      new CertificateAuthorityHierarchy(testStack().stack, "Pki", {
        root: { subject: { commonName: "Root" } },
        subordinates: [{ name: "Issuing", parent: "Nope", subject: { commonName: "I" } }],
        crl: { enabled: false },
      }),
    ["parent", '"Nope"'],
  ],
  // Certificates from the CA.
  [
    "an early renewal written in words",
    () => privateCertificate({ earlyRenewalDuration: "90 days" }),
    ["earlyRenewalDuration", '"90 days"'],
  ],
  [
    "an IP address as the name",
    () => privateCertificate({ domainName: "10.0.0.1" }),
    ["domainName", '"10.0.0.1"', "IP address"],
  ],
  [
    "a one-letter top-level label",
    () => privateCertificate({ subjectAlternativeNames: ["app.x"] }),
    ["subjectAlternativeNames[0]", '"app.x"', "one-character top-level label"],
  ],
  [
    "an import-only key for an ACM request",
    () => privateCertificate({ keyAlgorithm: "RSA_4096" }),
    ["keyAlgorithm", '"RSA_4096"', "imported certificates"],
  ],
  [
    "a names quota past ACM's hard limit",
    () => privateCertificate({ maxDomainNames: 101 }),
    ["maxDomainNames", "101", "100"],
  ],
  [
    "a CA in another region than the certificate",
    () => {
      const { stack } = testStack();
      return new PrivateCertificate(stack, "Cert", {
        certificateAuthority: rootCa(stack),
        domainName: "app.example.corp",
        provider: aliasProvider(stack, "us", "us-east-1"),
      });
    },
    ["certificateAuthority", "eu-west-1", "us-east-1"],
  ],
  [
    "a CSR that is not PEM",
    () => {
      const { stack } = testStack();
      return new IssuedCertificate(stack, "Client", {
        certificateAuthority: rootCa(stack),
        certificateSigningRequest: "csr",
        validity: Validity.days(7),
      });
    },
    ["certificateSigningRequest", '"csr"'],
  ],
  // PrivateCaStack: names that become Terraform identifiers.
  [
    "a certificate name starting with a digit",
    () => pkiStack({ certificates: [certificateConfig("1st")] }),
    ["certificates[0].name", '"1st"'],
  ],
  [
    "a certificate whose construct id is its sibling's listener id",
    () =>
      pkiStack({
        certificates: [certificateConfig("app", true), certificateConfig("app_listener")],
      }),
    ["certificates[].name", '"app_listener"', '"AppListener"'],
  ],
  [
    "a certificate named after the hierarchy",
    () => pkiStack({ certificates: [certificateConfig("pki")] }),
    ["certificates[].name", '"pki"', '"Pki"'],
  ],
  [
    "two certificate names with one construct id",
    () => pkiStack({ certificates: [certificateConfig("a_b"), certificateConfig("a__b")] }),
    ["certificates[].name", '"a_b"', '"a__b"', '"AB"'],
  ],
  [
    "two CA names with one output name",
    () =>
      pkiStack({
        subordinates: [
          { name: "IssuingCA", parent: "Root", subject: { commonName: "A" } },
          { name: "IssuingCa", parent: "Root", subject: { commonName: "B" } },
        ],
      }),
    ["subordinates[].name", '"IssuingCA"', '"IssuingCa"', '"issuing_ca_ca_arn"'],
  ],
];

describe("private CA: bad inputs fail at synth with a ValidationError naming the property and the value", () => {
  test("the table holds at least 25 bad inputs", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD)("%s", (_description, build, mustContain) => {
    expectValidationError(build, mustContain);
  });
});

describe("private CA: valid but unusual inputs synthesize", () => {
  const warnings = (scope: { node: { metadata: { type: string; data: unknown }[] } }) =>
    scope.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));

  test("key and signing algorithms given as variables are emitted as given", () => {
    const { stack } = testStack();
    const key = new TerraformVariable(stack, "ca_key", { type: "string" }).stringValue;
    const signing = new TerraformVariable(stack, "ca_signing", { type: "string" }).stringValue;
    const authority = rootCa(stack, { keyAlgorithm: key, signingAlgorithm: signing });
    expect(authority.keyFamily).toBeUndefined();
    const certKey = new TerraformVariable(stack, "cert_key", { type: "string" }).stringValue;
    new PrivateCertificate(stack, "Cert", {
      certificateAuthority: authority,
      domainName: "app.example.corp",
      keyAlgorithm: certKey,
    });
    const out = synth(stack);
    const config = out.list("aws_acmpca_certificate_authority")[0]
      .certificate_authority_configuration;
    expect(config).toMatchObject({
      key_algorithm: "${var.ca_key}",
      signing_algorithm: "${var.ca_signing}",
    });
    expect(out.list("aws_acmpca_certificate")[0].signing_algorithm).toBe("${var.ca_signing}");
    expect(out.list("aws_acm_certificate")[0].key_algorithm).toBe("${var.cert_key}");
  });

  test("a newer RSA key size passes with a warning, emitted as given", () => {
    const authority = ca({ keyAlgorithm: "RSA_8192" });
    const out = synth(authority.node.scope as TerraformStack);
    expect(
      out.list("aws_acmpca_certificate_authority")[0].certificate_authority_configuration,
    ).toMatchObject({ key_algorithm: "RSA_8192", signing_algorithm: "SHA256WITHRSA" });
    expect(warnings(authority)).toEqual([
      expect.stringMatching(/keyAlgorithm "RSA_8192" is not a value this library knows/),
    ]);
  });

  test("a validity given as a variable is emitted as given, and the comparisons are skipped", () => {
    const { stack } = testStack();
    const years = numberVariable(stack, "root_years");
    const authority = rootCa(stack, { validity: Validity.years(years) });
    new PrivateCertificate(stack, "Cert", {
      certificateAuthority: authority,
      domainName: "app.example.corp",
    });
    const out = synth(stack);
    expect(out.list("aws_acmpca_certificate")[0].validity).toEqual({
      type: "YEARS",
      value: "${var.root_years}",
    });
  });

  test("a China-region CA ARN in partition aws-cn, and internal names under it", () => {
    const { stack } = testStack("cn-north-1");
    const shared = CertificateAuthorityRef.fromCertificateAuthorityArn(
      stack,
      "Shared",
      `arn:aws-cn:acm-pca:cn-north-1:111111111111:certificate-authority/${UUID}`,
    );
    expect(shared.region).toBe("cn-north-1");
    new PrivateCertificate(stack, "Cert", {
      certificateAuthority: shared,
      domainName: "*.svc.internal",
      subjectAlternativeNames: ["*.co.uk"], // no public-suffix rule for private names
    });
    expect(synth(stack).list("aws_acm_certificate")[0]).toMatchObject({
      domain_name: "*.svc.internal",
      subject_alternative_names: ["*.co.uk"],
    });
  });

  test("100 names, ACM's hard limit, with maxDomainNames 100", () => {
    const names = Array.from({ length: 99 }, (_, i) => `host-${i}.example.corp`);
    const cert = privateCertificate({ subjectAlternativeNames: names, maxDomainNames: 100 });
    expect(cert.domainNames).toHaveLength(100);
  });

  test("a certificate named aws, beside the provider aws, and a CA named Aws", () => {
    const stack = pkiStack({
      subordinates: [{ name: "Aws", parent: "Root", subject: { commonName: "Aws" } }],
      certificates: [{ ...certificateConfig("aws", true), issuer: "Aws" }],
    });
    const outputs = synth(stack).outputs();
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(["aws_ca_arn", "aws_certificate_arn", "aws_listener_arn"]),
    );
    expect(stack.certificates.aws.node.id).toBe("Aws");
  });
});
