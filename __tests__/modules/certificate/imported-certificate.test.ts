import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Testing, TerraformVariable } from "cdktf";
import { ImportedCertificate } from "../../../modules/certificate/imported-certificate";
import { PemSource } from "../../../modules/certificate/pem-source";
import { ValidationError } from "../../../modules/util/errors";
import { synth, testStack } from "../../support/synth";

// Throwaway PEMs made with openssl in the run's temp dir (deleted by the jest teardown).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pem-"));
const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
const file = (name: string) => path.join(dir, name);
function selfSigned(name: string, keyArgs: string[], days = "365"): void {
  ssl(
    "req",
    "-x509",
    "-nodes",
    ...keyArgs,
    "-days",
    days,
    "-subj",
    `/CN=${name}.example.com`,
    "-addext",
    `subjectAltName=DNS:${name}.example.com`,
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.pem`,
  );
}
beforeAll(() => {
  selfSigned("rsa", ["-newkey", "rsa:2048"]);
  selfSigned("other", ["-newkey", "rsa:2048"]);
  selfSigned("soon", ["-newkey", "rsa:2048"], "10");
  selfSigned("ec", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521"]);
  selfSigned("ed", ["-newkey", "ed25519"]);
  // An expired leaf: signed by `openssl ca` with dates in the past.
  fs.writeFileSync(
    file("ca.cnf"),
    "[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n",
  );
  fs.writeFileSync(file("index.txt"), "");
  fs.writeFileSync(file("serial"), "01\n");
  ssl(
    "req",
    "-new",
    "-nodes",
    "-newkey",
    "rsa:2048",
    "-subj",
    "/CN=old.example.com",
    "-keyout",
    "old.key",
    "-out",
    "old.csr",
  );
  ssl(
    "ca",
    "-batch",
    "-config",
    "ca.cnf",
    "-cert",
    "rsa.pem",
    "-keyfile",
    "rsa.key",
    "-in",
    "old.csr",
    "-out",
    "old.pem",
    "-startdate",
    "20200101000000Z",
    "-enddate",
    "20200201000000Z",
    "-notext",
  );
  // A leaf issued by rsa.pem (as CA) for the chain tests, and a second-level intermediate.
  ssl(
    "req",
    "-new",
    "-nodes",
    "-newkey",
    "rsa:2048",
    "-subj",
    "/CN=leaf.example.com",
    "-keyout",
    "leaf.key",
    "-out",
    "leaf.csr",
  );
  ssl(
    "x509",
    "-req",
    "-in",
    "leaf.csr",
    "-CA",
    "rsa.pem",
    "-CAkey",
    "rsa.key",
    "-CAcreateserial",
    "-days",
    "300",
    "-out",
    "leaf.pem",
  );
  fs.writeFileSync(file("garbage.pem"), "this is not PEM at all\n");
  fs.writeFileSync(file("wrong-chain.pem"), fs.readFileSync(file("other.pem")));
  ssl("pkey", "-in", "rsa.key", "-aes256", "-passout", "pass:x", "-out", "encrypted.key");
});

function imported(props: Partial<ConstructorParameters<typeof ImportedCertificate>[2]> = {}) {
  const { stack } = testStack();
  const cert = new ImportedCertificate(stack, "Imported", {
    certificateBody: PemSource.fromFile(file("rsa.pem")),
    privateKey: PemSource.fromFile(file("rsa.key")),
    ...props,
  });
  return { stack, cert };
}
function error(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as Error).name).toBe("ValidationError");
    return e as ValidationError;
  }
  throw new Error("no error thrown");
}

describe("ImportedCertificate", () => {
  test("imports through file(asset) with create_before_destroy; the key never appears in cdk.tf.json", () => {
    const { stack, cert } = imported();
    const json = Testing.synth(stack, true);
    const key = fs.readFileSync(file("rsa.key"), "utf8");
    const keyBody = key.split("\n")[1];
    expect(json).not.toContain(keyBody);
    const [acm] = synth(stack).list("aws_acm_certificate");
    expect(acm.private_key).toMatch(/^\$\{file\("assets\/.+\/rsa\.key"\)\}$/);
    expect(acm.certificate_body).toMatch(/^\$\{file\("assets\/.+\/rsa\.pem"\)\}$/);
    expect(acm.lifecycle).toEqual({ create_before_destroy: true });
    expect(cert.domainNames).toEqual(["rsa.example.com"]);
    expect(cert.keyAlgorithm?.value).toBe("RSA_2048");
  });

  test("warns at synth that the private key is stored in the state, naming the S3 backend's encryption", () => {
    const { cert } = imported();
    const warnings = cert.node.metadata
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));
    expect(
      warnings.some((w) => /stored in the Terraform state/.test(w) && /encrypt: true/.test(w)),
    ).toBe(true);
  });

  test("an expiry alarm by default, 30 days; none with expiryAlarm: false", () => {
    const { stack } = imported();
    expect(synth(stack).list("aws_cloudwatch_metric_alarm")[0].threshold).toBe(30);
    const off = imported({ expiryAlarm: false });
    expect(synth(off.stack).list("aws_cloudwatch_metric_alarm")).toHaveLength(0);
  });

  test("a P-521 key is imported (ACM imports EC_secp521r1)", () => {
    const { cert } = imported({
      certificateBody: PemSource.fromFile(file("ec.pem")),
      privateKey: PemSource.fromFile(file("ec.key")),
    });
    expect(cert.importedKeyAlgorithm).toBe("EC_secp521r1");
  });

  test("a chain in order passes", () => {
    expect(() =>
      imported({
        certificateBody: PemSource.fromFile(file("leaf.pem")),
        privateKey: PemSource.fromFile(file("leaf.key")),
        certificateChain: PemSource.fromFile(file("rsa.pem")),
      }),
    ).not.toThrow();
  });

  test("expiring within the threshold: a warning, not an error", () => {
    const { cert } = imported({
      certificateBody: PemSource.fromFile(file("soon.pem")),
      privateKey: PemSource.fromFile(file("soon.key")),
    });
    const warnings = cert.node.metadata
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));
    expect(
      warnings.some((w) => /expires in \d+ days .* within the 30-day alarm threshold/.test(w)),
    ).toBe(true);
  });

  test("a sensitive variable key passes through unchecked", () => {
    const { stack } = testStack();
    const v = new TerraformVariable(stack, "tls_key", { type: "string", sensitive: true });
    new ImportedCertificate(stack, "Imported", {
      certificateBody: PemSource.fromFile(file("rsa.pem")),
      privateKey: PemSource.fromVariable(v),
    });
    expect(synth(stack).list("aws_acm_certificate")[0].private_key).toBe("${var.tls_key}");
  });
});

describe("ImportedCertificate PEM errors", () => {
  test.each([
    [
      "a mismatched key",
      { privateKey: PemSource.fromFile(file("other.key")) },
      /privateKey from file ".*other\.key" does not match certificateBody/,
    ],
    [
      "an expired certificate",
      {
        certificateBody: PemSource.fromFile(file("old.pem")),
        privateKey: PemSource.fromFile(file("old.key")),
      },
      /certificateBody from file ".*old\.pem" has expired \(notAfter "2020-02-01/,
    ],
    [
      "garbage as the body",
      { certificateBody: PemSource.fromFile(file("garbage.pem")) },
      /certificateBody must be PEM certificates .* got file ".*garbage\.pem" with no PEM certificate/,
    ],
    [
      "garbage as the key",
      { privateKey: PemSource.fromFile(file("garbage.pem")) },
      /privateKey must be one PEM private key .* got file ".*garbage\.pem"/,
    ],
    [
      "a certificate as the key",
      { privateKey: PemSource.fromFile(file("rsa.pem")) },
      /privateKey must be one PEM private key .* holding "CERTIFICATE" blocks/,
    ],
    [
      "an encrypted key",
      { privateKey: PemSource.fromFile(file("encrypted.key")) },
      /privateKey must be an unencrypted private key .* file ".*encrypted\.key"/,
    ],
    [
      "an Ed25519 key",
      {
        certificateBody: PemSource.fromFile(file("ed.pem")),
        privateKey: PemSource.fromFile(file("ed.key")),
      },
      /privateKey from file ".*ed\.key" has key algorithm "ed25519"; ACM imports RSA_2048/,
    ],
    [
      "a chain that did not issue the certificate",
      { certificateChain: PemSource.fromFile(file("wrong-chain.pem")) },
      /certificateChain from file ".*wrong-chain\.pem" is out of order at position 1/,
    ],
    [
      "the certificate itself in the chain",
      { certificateChain: PemSource.fromFile(file("rsa.pem")) },
      /certificateChain from file ".*rsa\.pem" holds the certificate itself at position 1/,
    ],
    [
      "a missing file",
      { certificateBody: PemSource.fromFile(file("nope.pem")) },
      /certificateBody must name a readable PEM file, got ".*nope\.pem": ENOENT/,
    ],
    [
      "a literal private key",
      {
        privateKey: PemSource.fromString(
          "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
        ),
      },
      /privateKey must come from PemSource.fromFile or a sensitive PemSource.fromVariable, got a literal string/,
    ],
    [
      "a body that is not a PemSource",
      { certificateBody: "-----BEGIN" as unknown as PemSource },
      /certificateBody must be a PemSource .* got "a string"/,
    ],
    [
      "an alarm threshold of 0 days",
      { expiryAlarm: { thresholdDays: 0 } },
      /thresholdDays must be a whole number of days from 1 to 3650 .* got 0/,
    ],
  ])("%s", (_d, props, message) => {
    expect(error(() => imported(props as object)).message).toMatch(message);
  });

  test("a variable key that is not sensitive", () => {
    const { stack } = testStack();
    const v = new TerraformVariable(stack, "tls_key", { type: "string" });
    const e = error(
      () =>
        new ImportedCertificate(stack, "Imported", {
          certificateBody: PemSource.fromFile(file("rsa.pem")),
          privateKey: PemSource.fromVariable(v),
        }),
    );
    expect(e.message).toMatch(
      /privateKey must be a sensitive variable \(sensitive: true\), got variable "tls_key"/,
    );
  });

  test("the private key's content never appears in an error message", () => {
    const key = fs.readFileSync(file("other.key"), "utf8");
    const e = error(() => imported({ privateKey: PemSource.fromFile(file("other.key")) }));
    expect(e.message).not.toContain(key.split("\n")[1]);
  });
});
