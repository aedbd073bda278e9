import { TerraformStack } from "cdktf";
import {
  CertificateAuthorityHierarchy,
  CertificateAuthorityHierarchyProps,
  SubordinateCaSettings,
} from "../../../modules/private-ca/certificate-authority-hierarchy";
import { Validity } from "../../../modules/private-ca/validity";
import { rendered, synth, testStack } from "../../support/synth";

const CRL = { bucketName: "pki-crl-111111111111", accountId: "111111111111" };
const subject = (cn: string) => ({ commonName: cn });
const sub = (
  name: string,
  parent: string | undefined,
  extra: Partial<SubordinateCaSettings> = {},
) => ({ name, parent, subject: subject(name), ...extra }) as SubordinateCaSettings;

function make(props: Partial<CertificateAuthorityHierarchyProps> = {}, stack?: TerraformStack) {
  const s = stack ?? testStack().stack;
  const pki = new CertificateAuthorityHierarchy(s, "Pki", {
    root: { subject: subject("Root CA") },
    subordinates: [sub("Issuing", "Root")],
    crl: CRL,
    ...props,
  });
  return { stack: s, pki };
}

const cas = (stack: TerraformStack) =>
  Object.entries(synth(stack).resources("aws_acmpca_certificate_authority"));
const certs = (stack: TerraformStack) =>
  Object.entries(synth(stack).resources("aws_acmpca_certificate"));
const find = (entries: [string, any][], prefix: string) => {
  const found = entries.filter(([n]) => n.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0];
};

describe("CertificateAuthorityHierarchy", () => {
  test("root + issuing CA: types, signing chain, installs, CRL bucket, ACM permission on the issuing CA only", () => {
    const { stack, pki } = make();
    const out = synth(stack);
    const all = cas(stack);
    expect(all.map(([, r]) => r.type).sort()).toEqual(["ROOT", "SUBORDINATE"]);
    const [rootName] = find(all, "Pki_Root_");
    const [issuingName] = find(all, "Pki_Issuing_");
    const [, rootCert] = find(certs(stack), "Pki_Root_");
    const [, issuingCert] = find(certs(stack), "Pki_Issuing_");
    expect(rootCert.template_arn).toBe("arn:aws:acm-pca:::template/RootCACertificate/V1");
    expect(issuingCert).toMatchObject({
      certificate_authority_arn: `\${aws_acmpca_certificate_authority.${rootName}.arn}`,
      certificate_signing_request: `\${aws_acmpca_certificate_authority.${issuingName}.certificate_signing_request}`,
      template_arn: "arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen0/V1",
      validity: { type: "YEARS", value: "5" },
    });
    expect(out.list("aws_acmpca_certificate_authority_certificate")).toHaveLength(2);
    const permissions = out.list("aws_acmpca_permission");
    expect(permissions).toHaveLength(1);
    expect(permissions[0].certificate_authority_arn).toBe(
      `\${aws_acmpca_certificate_authority.${issuingName}.arn}`,
    );
    expect(out.list("aws_s3_bucket")).toHaveLength(1);
    for (const [, ca] of all) {
      expect(ca.revocation_configuration.crl_configuration).toMatchObject({
        enabled: true,
        s3_bucket_name: "pki-crl-111111111111",
      });
      expect(ca.lifecycle).toEqual({ prevent_destroy: true });
      expect(ca.permanent_deletion_time_in_days).toBe(7);
      expect(ca.depends_on).toEqual(
        expect.arrayContaining([expect.stringMatching(/^aws_s3_bucket_policy\./)]),
      );
    }
    expect([...pki.authorities.keys()]).toEqual(["Root", "Issuing"]);
    expect(pki.issuingAuthorities).toEqual([pki.authority("Issuing")]);
    expect(pki.crlBucket?.bucketName).toBe("pki-crl-111111111111");
    expect(rendered(stack, pki.rootCertificatePem)).toMatch(
      /^\$\{aws_acmpca_certificate\.Pki_Root_Certificate_\w+\.certificate\}$/,
    );
  });

  test("path lengths default to the levels below, validities to the depth", () => {
    const { stack, pki } = make({
      subordinates: [sub("Leaf", "Policy"), sub("Policy", "Root"), sub("Other", "Root")],
    });
    expect([...pki.authorities.keys()]).toEqual(["Root", "Policy", "Leaf", "Other"]);
    expect(pki.authority("Policy").pathLength).toBe(1);
    expect(pki.authority("Leaf").pathLength).toBe(0);
    const all = certs(stack);
    expect(find(all, "Pki_Policy_")[1]).toMatchObject({
      template_arn: "arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen1/V1",
      validity: { type: "YEARS", value: "5" },
    });
    expect(find(all, "Pki_Leaf_")[1]).toMatchObject({
      template_arn: "arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen0/V1",
      validity: { type: "YEARS", value: "3" },
    });
    expect(pki.issuingAuthorities.map((c) => c.node.id)).toEqual(["Leaf", "Other"]);
    expect(synth(stack).list("aws_acmpca_permission")).toHaveLength(2);
  });

  test("each CA is configurable", () => {
    const { stack } = make({
      root: {
        subject: { commonName: "Root", organization: "Example", country: "NL" },
        keyAlgorithm: "EC_secp384r1",
        validity: Validity.years(20),
        keyStorageSecurityStandard: "FIPS_140_2_LEVEL_2_OR_HIGHER",
      },
      subordinates: [
        sub("Issuing", "Root", {
          keyAlgorithm: "RSA_3072",
          signingAlgorithm: "SHA384WITHRSA",
          validity: Validity.months(60),
          usageMode: "SHORT_LIVED_CERTIFICATE",
          pathLength: 0,
        }),
      ],
      permanentDeletionTimeInDays: 14,
      preventDestroy: false,
      ocsp: { customCname: "ocsp.pki.example.corp" },
      tags: { team: "pki" },
    });
    const all = cas(stack);
    expect(find(all, "Pki_Root_")[1]).toMatchObject({
      certificate_authority_configuration: {
        key_algorithm: "EC_secp384r1",
        signing_algorithm: "SHA384WITHECDSA",
        subject: { common_name: "Root", organization: "Example", country: "NL" },
      },
      key_storage_security_standard: "FIPS_140_2_LEVEL_2_OR_HIGHER",
      permanent_deletion_time_in_days: 14,
      lifecycle: { prevent_destroy: false },
      tags: { team: "pki" },
      revocation_configuration: {
        ocsp_configuration: { enabled: true, ocsp_custom_cname: "ocsp.pki.example.corp" },
      },
    });
    expect(find(all, "Pki_Issuing_")[1]).toMatchObject({
      usage_mode: "SHORT_LIVED_CERTIFICATE",
      certificate_authority_configuration: {
        key_algorithm: "RSA_3072",
        signing_algorithm: "SHA384WITHRSA",
      },
    });
    expect(find(certs(stack), "Pki_Issuing_")[1]).toMatchObject({
      signing_algorithm: "SHA384WITHECDSA",
      validity: { type: "MONTHS", value: "60" },
    });
    // A short-lived issuing CA gets no ACM permission; nor does the root, which has a child.
    expect(synth(stack).list("aws_acmpca_permission")).toHaveLength(0);
  });

  test("RAM sharing, a resource policy and an explicit ACM permission per CA", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    const { stack } = make({
      root: { subject: subject("Root"), acmRenewalPermission: true },
      subordinates: [
        sub("Issuing", "Root", {
          resourcePolicy: policy,
          sharing: {
            principals: ["arn:aws:organizations::111111111111:organization/o-abcdef1234"],
          },
        }),
      ],
    });
    const out = synth(stack);
    expect(out.list("aws_acmpca_permission")).toHaveLength(2);
    expect(out.list("aws_acmpca_policy")).toHaveLength(1);
    expect(out.list("aws_ram_resource_share")[0].name).toBe("Pki-Issuing");
    expect(out.list("aws_ram_resource_association")[0].resource_arn).toMatch(
      /Pki_Issuing_CertificateAuthority/,
    );
  });

  test("your own CRL bucket, or no CRL", () => {
    const own = make({
      crl: { bucketName: "my-crls", createBucket: false, s3ObjectAcl: "PUBLIC_READ" },
    });
    expect(synth(own.stack).list("aws_s3_bucket")).toHaveLength(0);
    for (const [, ca] of cas(own.stack)) {
      expect(ca.revocation_configuration.crl_configuration).toMatchObject({
        s3_bucket_name: "my-crls",
        s3_object_acl: "PUBLIC_READ",
      });
      expect(ca.depends_on).toBeUndefined();
    }
    expect(own.pki.crlBucket).toBeUndefined();
    const none = make({ crl: { enabled: false } });
    for (const [, ca] of cas(none.stack)) {
      expect(ca.revocation_configuration.crl_configuration).toEqual({ enabled: false });
    }
  });

  test("an externally signed subordinate: CSR exposed, no signing here, children wait for it", () => {
    const { pki, stack } = make({
      subordinates: [sub("Partner", undefined, { externallySigned: true })],
    });
    const partner = pki.authority("Partner");
    expect(partner.active).toBe(false);
    expect(rendered(stack, partner.certificateSigningRequest)).toMatch(
      /certificate_signing_request/,
    );
    expect(certs(stack).map(([n]) => n)).toEqual([expect.stringMatching(/^Pki_Root_/)]);
    expect(() =>
      make({
        subordinates: [
          sub("Partner", undefined, { externallySigned: true }),
          sub("Child", "Partner", { validity: Validity.years(1) }),
        ],
      }),
    ).toThrow(/parent "test\/Pki\/Partner" cannot issue yet/);
  });

  describe("bad input is a synth error", () => {
    test.each([
      [
        "a subordinate without a parent",
        { subordinates: [sub("Issuing", undefined)] },
        /subordinates\[0\] \("Issuing"\) has no parent: set parent to "Root" or another subordinate's name, or externallySigned/,
      ],
      [
        "an unknown parent",
        { subordinates: [sub("Issuing", "Intermediate")] },
        /has parent "Intermediate", which is not a CA of this hierarchy; known: "Root", "Issuing"/,
      ],
      [
        "a cycle",
        { subordinates: [sub("A", "B"), sub("B", "A")] },
        /subordinates form a cycle: "A" -> "B" -> "A"/,
      ],
      ["its own parent", { subordinates: [sub("A", "A")] }, /cannot be its own parent/],
      [
        "parent and external signature",
        { subordinates: [sub("A", "Root", { externallySigned: true })] },
        /has both parent "Root" and an external signature/,
      ],
      [
        "a duplicate name",
        { subordinates: [sub("A", "Root"), sub("A", "Root")] },
        /must be unique, got "A" twice/,
      ],
      [
        "a lower-case name",
        { subordinates: [sub("issuing", "Root")] },
        /subordinates\[0\]\.name must be PascalCase/,
      ],
      [
        "the name Root",
        { subordinates: [sub("Root", "Root")] },
        /must not be "Root", which names the root CA/,
      ],
      [
        "a path length that cannot hold the levels below",
        { subordinates: [sub("A", "Root", { pathLength: 0 }), sub("B", "A")] },
        /subordinate "A" has pathLength 0, which cannot hold the 1 level\(s\) of CAs configured below it; set pathLength to at least 1/,
      ],
      [
        "more than four levels below the root",
        {
          subordinates: [
            sub("A", "Root"),
            sub("B", "A"),
            sub("C", "B"),
            sub("D", "C"),
            sub("E", "D", { validity: Validity.months(6) }),
          ],
        },
        /5 levels of subordinate CAs below the root; AWS Private CA allows at most 4 \(five levels in all\)/,
      ],
      [
        "a validity longer than the parent's",
        { root: { subject: subject("Root"), validity: Validity.years(3) } },
        /\[test\/Pki\/Issuing\] validity 5 years .* must be shorter than parent "test\/Pki\/Root"'s 3 years/,
      ],
      [
        "a short-lived CA asked to issue certificates longer than 7 days",
        {
          subordinates: [
            sub("Short", "Root", { usageMode: "SHORT_LIVED_CERTIFICATE" }),
            sub("Leaf", "Short", { validity: Validity.days(30) }),
          ],
        },
        /parent "test\/Pki\/Short" is a SHORT_LIVED_CERTIFICATE CA, which issues certificates valid at most 7 days, but validity asks for 30 days/,
      ],
      [
        "an invalid key/signing algorithm pair",
        {
          root: {
            subject: subject("Root"),
            keyAlgorithm: "EC_prime256v1",
            signingAlgorithm: "SHA256WITHRSA",
          },
        },
        /\[test\/Pki\/Root\] signingAlgorithm "SHA256WITHRSA" does not fit keyAlgorithm "EC_prime256v1"/,
      ],
      [
        "an invalid S3 bucket name",
        { crl: { ...CRL, bucketName: "PKI_CRLs" } },
        /\[test\/Pki\/CrlBucket\] bucketName may contain only lower-case letters, digits, dots and hyphens: "PKI_CRLs"/,
      ],
      [
        "an invalid name for your own bucket",
        { crl: { bucketName: "my..crls", createBucket: false } },
        /revocation\.crl\.bucket must not contain two dots in a row: "my\.\.crls"/,
      ],
      ["no CRL bucket", { crl: undefined }, /crl\.bucketName is required: CRLs are on by default/],
      [
        "no account for the created bucket",
        { crl: { bucketName: "pki-crls" } },
        /crl\.accountId is required when the hierarchy creates the CRL bucket/,
      ],
    ])("%s", (_name, props, message) => {
      expect(() => make(props as Partial<CertificateAuthorityHierarchyProps>)).toThrow(message);
    });
  });

  test("authority() names the CAs it has", () => {
    const { pki } = make();
    expect(() => pki.authority("Nope")).toThrow(
      /no CA named "Nope"; the hierarchy has "Root", "Issuing"/,
    );
  });

  test("monthly cost: two general-purpose CAs are $800, plus $1.50 once for their certificates", () => {
    const { pki } = make();
    const e = pki.monthlyCostEstimate();
    expect(e.monthlyUsd).toBe(800);
    expect(e.oneTimeUsd).toBe(1.5);
    expect(pki.monthlyCostEstimate(1500).monthlyUsd).toBe(800 + 750 + 175);
    const mixed = make({
      subordinates: [sub("Issuing", "Root", { usageMode: "SHORT_LIVED_CERTIFICATE" })],
    }).pki.monthlyCostEstimate(0, 1000);
    expect(mixed.monthlyUsd).toBe(400 + 50 + 58);
  });
});
