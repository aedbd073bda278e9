import { TerraformStack } from "cdktf";
import {
  CertificateAuthority,
  CertificateAuthorityProps,
} from "../../../modules/private-ca/certificate-authority";
import { CertificateAuthorityRef } from "../../../modules/private-ca/certificate-authority-ref";
import { CrlBucket } from "../../../modules/private-ca/crl-bucket";
import { Validity } from "../../../modules/private-ca/validity";
import { aliasProvider, rendered, synth, testStack } from "../../support/synth";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const CHAIN = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";

function root(stack: TerraformStack, props: Partial<CertificateAuthorityProps> = {}, id = "Root") {
  return new CertificateAuthority(stack, id, {
    type: "ROOT",
    subject: { commonName: "Root CA" },
    revocation: { crl: { bucket: "pki-crls" } },
    ...props,
  });
}

function sub(
  stack: TerraformStack,
  parent: CertificateAuthority | undefined,
  props: Partial<CertificateAuthorityProps> = {},
  id = "Issuing",
) {
  return new CertificateAuthority(stack, id, {
    type: "SUBORDINATE",
    subject: { commonName: `${id} CA` },
    parent,
    revocation: { crl: { bucket: "pki-crls" } },
    ...props,
  });
}

/** The single resource of `type` whose logical name starts with `prefix`. */
function byPrefix(out: ReturnType<typeof synth>, type: string, prefix: string): [string, any] {
  const found = Object.entries(out.resources(type)).filter(([name]) => name.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0];
}

describe("CertificateAuthority: root", () => {
  test("a ROOT CA with explicit deletion window, prevent_destroy, CRL and no OCSP", () => {
    const { stack } = testStack();
    root(stack, { keyAlgorithm: "RSA_4096", signingAlgorithm: "SHA512WITHRSA" });
    const ca = synth(stack).list("aws_acmpca_certificate_authority")[0];
    expect(ca).toMatchObject({
      type: "ROOT",
      usage_mode: "GENERAL_PURPOSE",
      enabled: true,
      permanent_deletion_time_in_days: 7,
      lifecycle: { prevent_destroy: true },
      certificate_authority_configuration: {
        key_algorithm: "RSA_4096",
        signing_algorithm: "SHA512WITHRSA",
        subject: { common_name: "Root CA" },
      },
      revocation_configuration: {
        crl_configuration: {
          enabled: true,
          s3_bucket_name: "pki-crls",
          s3_object_acl: "BUCKET_OWNER_FULL_CONTROL",
          expiration_in_days: 7,
        },
        ocsp_configuration: { enabled: false },
      },
    });
    expect(ca.key_storage_security_standard).toBeUndefined();
  });

  test("self-signs its own CSR with RootCACertificate/V1 for 10 years, then installs it", () => {
    const { stack } = testStack();
    const ca = root(stack);
    const out = synth(stack);
    const [caName] = byPrefix(out, "aws_acmpca_certificate_authority", "Root_");
    const [certName, cert] = byPrefix(out, "aws_acmpca_certificate", "Root_");
    expect(cert).toEqual({
      certificate_authority_arn: `\${aws_acmpca_certificate_authority.${caName}.arn}`,
      certificate_signing_request: `\${aws_acmpca_certificate_authority.${caName}.certificate_signing_request}`,
      signing_algorithm: "SHA256WITHRSA",
      template_arn: "arn:aws:acm-pca:::template/RootCACertificate/V1",
      validity: { type: "YEARS", value: "10" },
    });
    const install = out.list("aws_acmpca_certificate_authority_certificate")[0];
    expect(install).toEqual({
      certificate_authority_arn: `\${aws_acmpca_certificate_authority.${caName}.arn}`,
      certificate: `\${aws_acmpca_certificate.${certName}.certificate}`,
    });
    expect(ca.active).toBe(true);
    expect(ca.activation).toEqual([ca.installation, ca.acmPermission]);
    expect(ca.pathLength).toBeUndefined();
    expect(rendered(stack, ca.certificatePem)).toBe(
      `\${aws_acmpca_certificate.${certName}.certificate}`,
    );
  });

  test("the ACM permission: acm.amazonaws.com may issue, get and list", () => {
    const { stack } = testStack();
    root(stack);
    const perm = synth(stack).list("aws_acmpca_permission")[0];
    expect(perm).toMatchObject({
      principal: "acm.amazonaws.com",
      actions: ["IssueCertificate", "GetCertificate", "ListPermissions"],
    });
    expect(perm.certificate_authority_arn).toMatch(/^\$\{aws_acmpca_certificate_authority\.Root_/);
  });

  test("options: usage mode, key storage, deletion window, opt-outs, tags, enabled", () => {
    const { stack } = testStack();
    root(stack, {
      keyStorageSecurityStandard: "FIPS_140_2_LEVEL_2_OR_HIGHER",
      permanentDeletionTimeInDays: 30,
      preventDestroy: false,
      acmRenewalPermission: false,
      enabled: false,
      tags: { team: "pki" },
      validity: Validity.years(20),
    });
    const out = synth(stack);
    expect(out.list("aws_acmpca_certificate_authority")[0]).toMatchObject({
      key_storage_security_standard: "FIPS_140_2_LEVEL_2_OR_HIGHER",
      permanent_deletion_time_in_days: 30,
      lifecycle: { prevent_destroy: false },
      enabled: false,
      tags: { team: "pki" },
    });
    expect(out.list("aws_acmpca_permission")).toHaveLength(0);
    expect(out.list("aws_acmpca_certificate")[0].validity).toEqual({ type: "YEARS", value: "20" });
  });

  test("a short-lived CA gets no ACM permission, and refuses one", () => {
    const { stack } = testStack();
    const ca = root(stack, { usageMode: "SHORT_LIVED_CERTIFICATE" });
    const out = synth(stack);
    expect(out.list("aws_acmpca_certificate_authority")[0].usage_mode).toBe(
      "SHORT_LIVED_CERTIFICATE",
    );
    expect(out.list("aws_acmpca_permission")).toHaveLength(0);
    expect(ca.activation).toEqual([ca.installation]);
    expect(() =>
      root(stack, { usageMode: "SHORT_LIVED_CERTIFICATE", acmRenewalPermission: true }, "R2"),
    ).toThrow(/acmRenewalPermission must be false on a SHORT_LIVED_CERTIFICATE CA/);
  });

  test("a created CRL bucket: the CA waits for its policy, public access block and ownership", () => {
    const { stack } = testStack();
    const bucket = new CrlBucket(stack, "Crl", {
      bucketName: "pki-crls",
      accountId: "111111111111",
    });
    root(stack, { revocation: { crl: { bucket, customCname: "crl.pki.example.corp" } } });
    const ca = synth(stack).list("aws_acmpca_certificate_authority")[0];
    expect(ca.depends_on).toEqual([
      expect.stringMatching(/^aws_s3_bucket_policy\.Crl_Policy_/),
      expect.stringMatching(/^aws_s3_bucket_public_access_block\.Crl_PublicAccessBlock_/),
      expect.stringMatching(/^aws_s3_bucket_ownership_controls\.Crl_OwnershipControls_/),
    ]);
    expect(ca.revocation_configuration.crl_configuration.custom_cname).toBe("crl.pki.example.corp");
  });

  test("CRL off, OCSP on with a CNAME", () => {
    const { stack } = testStack();
    root(stack, { revocation: { crl: false, ocsp: { customCname: "ocsp.pki.example.corp" } } });
    expect(
      synth(stack).list("aws_acmpca_certificate_authority")[0].revocation_configuration,
    ).toEqual({
      crl_configuration: { enabled: false },
      ocsp_configuration: { enabled: true, ocsp_custom_cname: "ocsp.pki.example.corp" },
    });
  });

  test("a resource policy and RAM sharing", () => {
    const { stack } = testStack();
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    const ca = root(stack, { resourcePolicy: policy, sharing: { principals: ["222222222222"] } });
    const out = synth(stack);
    expect(out.list("aws_acmpca_policy")[0].policy).toBe(policy);
    expect(out.list("aws_ram_resource_share")[0].name).toBe("test-Root");
    expect(out.list("aws_ram_principal_association")[0].principal).toBe("222222222222");
    expect(ca.activation).toContain(ca.policy);
  });

  test("template ARNs follow the partition of the provider's region", () => {
    const { stack } = testStack("cn-north-1");
    root(stack);
    expect(synth(stack).list("aws_acmpca_certificate")[0].template_arn).toBe(
      "arn:aws-cn:acm-pca:::template/RootCACertificate/V1",
    );
  });

  test.each([
    [
      { permanentDeletionTimeInDays: 6 },
      /permanentDeletionTimeInDays must be a whole number from 7 to 30, got 6/,
    ],
    [{ permanentDeletionTimeInDays: 31 }, /got 31/],
    [
      { keyStorageSecurityStandard: "FIPS_140_3" as never },
      /keyStorageSecurityStandard must be one of .* got "FIPS_140_3"/,
    ],
    [
      { usageMode: "SHORT" as never },
      /usageMode must be one of "GENERAL_PURPOSE", "SHORT_LIVED_CERTIFICATE", got "SHORT"/,
    ],
    [
      { keyAlgorithm: "RSA_2048", signingAlgorithm: "SHA256WITHECDSA" },
      /signingAlgorithm "SHA256WITHECDSA" does not fit keyAlgorithm "RSA_2048"/,
    ],
    [
      { pathLength: 1 },
      /a ROOT CA signs itself and has no path length constraint; remove pathLength/,
    ],
    [{ externallySigned: true }, /remove externallySigned/],
    [{ resourcePolicy: "{not json" }, /resourcePolicy must be a JSON policy document/],
    [{ revocation: undefined as never }, /revocation\.crl is required/],
    [{ type: "INTERMEDIATE" as never }, /type must be "ROOT" or "SUBORDINATE", got "INTERMEDIATE"/],
  ])("rejects %j", (props, message) => {
    const { stack } = testStack();
    expect(() => root(stack, props as Partial<CertificateAuthorityProps>)).toThrow(message);
  });
});

describe("CertificateAuthority: subordinate", () => {
  test("signed by the parent with the parent's algorithm and the path-length template, after the parent is active", () => {
    const { stack } = testStack();
    const r = root(stack, { keyAlgorithm: "RSA_4096", signingAlgorithm: "SHA384WITHRSA" });
    const s = sub(stack, r, { keyAlgorithm: "EC_prime256v1", pathLength: 1 });
    const out = synth(stack);
    const [rootCa] = byPrefix(out, "aws_acmpca_certificate_authority", "Root_");
    const [subCa, subCaRes] = byPrefix(out, "aws_acmpca_certificate_authority", "Issuing_");
    const [rootInstall] = byPrefix(out, "aws_acmpca_certificate_authority_certificate", "Root_");
    const [subCertName, subCert] = byPrefix(out, "aws_acmpca_certificate", "Issuing_");
    expect(subCaRes.type).toBe("SUBORDINATE");
    expect(subCaRes.certificate_authority_configuration.signing_algorithm).toBe("SHA256WITHECDSA");
    expect(subCert).toEqual({
      certificate_authority_arn: `\${aws_acmpca_certificate_authority.${rootCa}.arn}`,
      certificate_signing_request: `\${aws_acmpca_certificate_authority.${subCa}.certificate_signing_request}`,
      signing_algorithm: "SHA384WITHRSA",
      template_arn: "arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen1/V1",
      validity: { type: "YEARS", value: "5" },
      depends_on: [
        `aws_acmpca_certificate_authority_certificate.${rootInstall}`,
        expect.stringMatching(/^aws_acmpca_permission\.Root_AcmPermission_/),
      ],
    });
    const [, install] = byPrefix(out, "aws_acmpca_certificate_authority_certificate", "Issuing_");
    expect(install).toEqual({
      certificate_authority_arn: `\${aws_acmpca_certificate_authority.${subCa}.arn}`,
      certificate: `\${aws_acmpca_certificate.${subCertName}.certificate}`,
      certificate_chain: `\${aws_acmpca_certificate.${subCertName}.certificate_chain}`,
    });
    expect(s.pathLength).toBe(1);
    expect(s.keyFamily).toBe("EC");
  });

  test("a subordinate without a parent is an error", () => {
    const { stack } = testStack();
    expect(() => sub(stack, undefined)).toThrow(
      /\[test\/Issuing\] a SUBORDINATE CA needs a parent: set parent .* or, for a CA signed outside this stack, externallySigned/,
    );
  });

  test("a parent and an external signature together are an error", () => {
    const { stack } = testStack();
    const r = root(stack);
    expect(() => sub(stack, r, { externallySigned: true })).toThrow(
      /signed either by parent or externally, got parent and externallySigned/,
    );
  });

  test("path length: 0 to 3, and lower than the parent's", () => {
    const { stack } = testStack();
    const r = root(stack);
    expect(() => sub(stack, r, { pathLength: 4 }, "A")).toThrow(
      /pathLength must be a whole number from 0 to 3 .* got 4/,
    );
    const p0 = sub(stack, r, { pathLength: 0 }, "P0");
    expect(() => sub(stack, p0, { validity: Validity.years(1) }, "B")).toThrow(
      /pathLength 0 does not fit under parent "test\/P0", whose path length 0 allows no CA below this one/,
    );
    const p1 = sub(stack, r, { pathLength: 1 }, "P1");
    expect(() => sub(stack, p1, { pathLength: 1, validity: Validity.years(1) }, "C")).toThrow(
      /pathLength 1 does not fit under parent "test\/P1", whose path length 1 allows at most 0 level\(s\)/,
    );
    expect(() => sub(stack, p1, { validity: Validity.years(1) }, "D")).not.toThrow();
  });

  test("a validity longer than (or equal to) the parent's is an error", () => {
    const { stack } = testStack();
    const r = root(stack, { validity: Validity.years(5) });
    expect(() => sub(stack, r, { validity: Validity.years(6) }, "A")).toThrow(
      /validity 6 years \(up to 2196 days\) must be shorter than parent "test\/Root"'s 5 years \(at least 1825 days\)/,
    );
    expect(() => sub(stack, r, { validity: Validity.years(5) }, "B")).toThrow(
      /must be shorter than parent/,
    );
    expect(() => sub(stack, r, {}, "C")).toThrow(/validity 5 years .* must be shorter/);
    expect(() => sub(stack, r, { validity: Validity.years(4) }, "D")).not.toThrow();
  });

  test("a short-lived parent cannot sign a subordinate: more than 7 days, or at all", () => {
    const { stack } = testStack();
    const r = root(stack, { usageMode: "SHORT_LIVED_CERTIFICATE" });
    expect(() => sub(stack, r, { validity: Validity.years(1) }, "A")).toThrow(
      /parent "test\/Root" is a SHORT_LIVED_CERTIFICATE CA, which issues certificates valid at most 7 days, but validity asks for 1 year/,
    );
    expect(() => sub(stack, r, { validity: Validity.days(7) }, "B")).toThrow(
      /must be the last CA of its branch; it cannot sign a subordinate CA/,
    );
  });

  test("an externally signed subordinate exposes its CSR and installs the certificate given back", () => {
    const { stack } = testStack();
    const pending = sub(stack, undefined, { externallySigned: true }, "Pending");
    expect(pending.active).toBe(false);
    expect(rendered(stack, pending.certificateSigningRequest)).toMatch(
      /^\$\{aws_acmpca_certificate_authority\.Pending_CertificateAuthority_\w+\.certificate_signing_request\}$/,
    );
    expect(pending.installation).toBeUndefined();
    expect(pending.signingCertificate).toBeUndefined();
    expect(pending.validity).toBeUndefined();
    expect(pending.activation).toEqual([pending.acmPermission]);

    const signed = sub(
      stack,
      undefined,
      {
        externalSignature: { certificate: PEM, certificateChain: CHAIN },
        validity: Validity.years(3),
      },
      "Signed",
    );
    const out = synth(stack);
    expect(out.list("aws_acmpca_certificate")).toHaveLength(0);
    const [, install] = byPrefix(out, "aws_acmpca_certificate_authority_certificate", "Signed_");
    expect(install).toMatchObject({ certificate: PEM, certificate_chain: CHAIN });
    expect(signed.active).toBe(true);
    expect(signed.validity?.value).toBe(3);
  });

  test("external signature: both PEMs required and checked", () => {
    const { stack } = testStack();
    expect(() =>
      sub(stack, undefined, { externalSignature: { certificate: PEM } as never }, "A"),
    ).toThrow(/externalSignature\.certificateChain must be PEM text .* got undefined/);
    expect(() =>
      sub(
        stack,
        undefined,
        { externalSignature: { certificate: "abc", certificateChain: CHAIN } },
        "B",
      ),
    ).toThrow(
      /externalSignature\.certificate must be PEM text starting with "-----BEGIN CERTIFICATE-----", got "abc"/,
    );
  });

  test("a parent awaiting its external signature cannot sign yet", () => {
    const { stack } = testStack();
    const pending = sub(stack, undefined, { externallySigned: true, pathLength: 1 }, "Pending");
    expect(() => sub(stack, pending, {}, "Child")).toThrow(
      /parent "test\/Pending" cannot issue yet: it is an externally signed CA whose certificate was not given/,
    );
  });

  test("an existing parent must say how it signs; with that, it signs", () => {
    const { stack } = testStack();
    const unknown = CertificateAuthorityRef.fromCertificateAuthorityArn(
      stack,
      "Unknown",
      "arn:aws:acm-pca:eu-west-1:222222222222:certificate-authority/11111111-2222-3333-4444-555566667777",
    );
    expect(() => sub(stack, unknown as never, {}, "A")).toThrow(
      /parent "test\/Unknown" has no known signingAlgorithm/,
    );
    const existing = CertificateAuthorityRef.fromCertificateAuthorityArn(
      stack,
      "Existing",
      "arn:aws:acm-pca:eu-west-1:222222222222:certificate-authority/22222222-3333-4444-5555-666677778888",
      {
        type: "ROOT",
        keyAlgorithm: "EC_secp384r1",
        signingAlgorithm: "SHA384WITHECDSA",
        validity: Validity.years(10),
      },
    );
    sub(stack, existing as never, {}, "B");
    const [, cert] = byPrefix(synth(stack), "aws_acmpca_certificate", "B_");
    expect(cert).toMatchObject({
      certificate_authority_arn:
        "arn:aws:acm-pca:eu-west-1:222222222222:certificate-authority/22222222-3333-4444-5555-666677778888",
      signing_algorithm: "SHA384WITHECDSA",
    });
    expect(cert.depends_on).toBeUndefined();
  });

  test("parent and child must share a region", () => {
    const { stack } = testStack("eu-west-1");
    const r = root(stack);
    const other = aliasProvider(stack, "us", "us-east-1");
    expect(() => sub(stack, r, { provider: other })).toThrow(
      /parent "test\/Root" is in eu-west-1 but this CA is in us-east-1; private CAs are regional/,
    );
  });
});
