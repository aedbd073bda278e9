// The three split-DNS stacks in one app: what crosses between them, in which direction, and
// why there is no two-stack version (cdktf refuses the cycle).
import * as fs from "node:fs";
import * as path from "node:path";
import { App, Lazy, LocalBackend, TerraformStack, Testing } from "cdktf";
import { config } from "../../examples/split-dns/main";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { ExternalValidationRecords } from "../../modules/dns/external-validation-records";
import { BaseStack } from "../../stacks/base-stack";
import { SplitDnsProps, splitDnsStacks } from "../../stacks/split-dns-stacks";
import { expectValidationError } from "../support/inputs";

/** The example's config with the environment's TF_STATE_* variables out of the way. */
function props(env: Record<string, string> = {}): SplitDnsProps {
  return {
    certificateStack: { ...config.certificateStack, stateBackendEnv: env },
    recordsStack: { ...config.recordsStack, stateBackendEnv: env },
    validationStack: { ...config.validationStack, stateBackendEnv: env },
  };
}

type Json = Record<string, any>;

/** Synthesizes the whole app (cross-stack references resolve only there) and reads each stack. */
function synthApp(build: (app: App) => void): Record<string, Json> {
  const app = Testing.app();
  build(app);
  try {
    app.synth();
    const stacks = path.join(app.outdir, "stacks");
    return Object.fromEntries(
      fs
        .readdirSync(stacks)
        .map((name) => [
          name,
          JSON.parse(fs.readFileSync(path.join(stacks, name, "cdk.tf.json"), "utf8")),
        ]),
    );
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

const CERTIFICATE = "split-dns-certificate";
const RECORDS = "split-dns-records";
const VALIDATION = "split-dns";
const FROM_CERTIFICATE = `data.terraform_remote_state.cross-stack-reference-input-${CERTIFICATE}.outputs.`;
const FROM_RECORDS = `data.terraform_remote_state.cross-stack-reference-input-${RECORDS}.outputs.`;

describe("splitDnsStacks: the example's three stacks", () => {
  let stacks: Record<string, Json>;
  beforeAll(() => {
    stacks = synthApp((app) => splitDnsStacks(app, props()));
  });

  test("three stacks, each with only its own part", () => {
    expect(Object.keys(stacks).sort()).toEqual([VALIDATION, CERTIFICATE, RECORDS].sort());
    const types = (s: Json) => Object.keys(s.resource ?? {}).sort();
    expect(types(stacks[CERTIFICATE])).toEqual(["aws_acm_certificate"]);
    expect(types(stacks[RECORDS])).toEqual(["aws_route53_record"]);
    expect(types(stacks[VALIDATION])).toEqual(["aws_acm_certificate_validation"]);
  });

  test("the certificate stack knows no zone and outputs what the DNS side needs", () => {
    const json = stacks[CERTIFICATE];
    expect(JSON.stringify(json)).not.toMatch(/Z0EXAMPLE|hosted_zone|zone_id/);
    const outputs = Object.keys(json.output).filter((o) => !o.startsWith("cross-stack-output-"));
    expect(outputs.sort()).toEqual([
      "site_domain_names",
      "site_unvalidated_certificate_arn",
      "site_validation_options",
    ]);
    expect(json.output.site_domain_names.value).toEqual([
      "example.com",
      "*.example.com",
      "api.example.com",
    ]);
    const [local] = Object.keys(json.locals);
    expect(json.output.site_validation_options.value).toBe(`\${local.${local}}`);
    expect(Object.keys(json.locals[local]).sort()).toEqual(["api.example.com", "example.com"]);
  });

  test("the DNS stack's records are keyed by name and read the certificate stack's options", () => {
    const records = stacks[RECORDS].resource.aws_route53_record;
    expect(Object.keys(records).sort()).toEqual([
      "acm_validation_api_example_com",
      "acm_validation_example_com",
    ]);
    const [optionsOutput] = Object.keys(stacks[CERTIFICATE].output).filter((o) =>
      o.startsWith("cross-stack-output-local"),
    );
    expect(records.acm_validation_example_com.name).toBe(
      `\${one(distinct([for o in ${FROM_CERTIFICATE}${optionsOutput} : o.resource_record_name ` +
        'if trimprefix(o.domain_name, "*.") == "example.com"]))}',
    );
    expect(records.acm_validation_example_com.zone_id).toBe("Z0EXAMPLE00000000001");
    expect(records.acm_validation_example_com.lifecycle).toEqual({
      ignore_changes: ["name", "type", "records"],
    });
    expect(stacks[RECORDS].output.site_validation_record_fqdns).toBeDefined();
  });

  test("the DNS stack's provider assumes the DNS account's role", () => {
    expect(stacks[RECORDS].provider.aws).toEqual([
      expect.objectContaining({
        assume_role: [
          {
            role_arn: "arn:aws:iam::222222222222:role/route53-acm-validation",
            session_name: "tls-dns-validation",
          },
        ],
      }),
    ]);
    expect(stacks[CERTIFICATE].provider.aws[0].assume_role).toBeUndefined();
    expect(stacks[VALIDATION].provider.aws[0].assume_role).toBeUndefined();
  });

  test("the waiter reads the ARN from the certificate stack and the FQDNs from the DNS stack", () => {
    const [validation] = Object.values(
      stacks[VALIDATION].resource.aws_acm_certificate_validation,
    ) as Json[];
    const [arnOutput] = Object.keys(stacks[CERTIFICATE].output).filter((o) =>
      o.startsWith("cross-stack-output-aws_acm_certificate"),
    );
    const [fqdnOutput] = Object.keys(stacks[RECORDS].output).filter((o) =>
      o.startsWith("cross-stack-output-local"),
    );
    expect(validation.certificate_arn).toBe(`\${${FROM_CERTIFICATE}${arnOutput}}`);
    expect(validation.validation_record_fqdns).toBe(`\${values(${FROM_RECORDS}${fqdnOutput})}`);
    expect(stacks[VALIDATION].output.site_certificate_arn.value).toMatch(
      /^\$\{aws_acm_certificate_validation\.site_Validation_[0-9A-F]{8}\.certificate_arn\}$/,
    );
  });

  test("data flows one way: records read the certificate stack only, the waiter reads both", () => {
    const inputs = (s: Json) => Object.keys(s.data?.terraform_remote_state ?? {}).sort();
    expect(inputs(stacks[CERTIFICATE])).toEqual([]);
    expect(inputs(stacks[RECORDS])).toEqual([`cross-stack-reference-input-${CERTIFICATE}`]);
    expect(inputs(stacks[VALIDATION])).toEqual([
      `cross-stack-reference-input-${CERTIFICATE}`,
      `cross-stack-reference-input-${RECORDS}`,
    ]);
  });

  test("local state: each stack's file is read from a sibling directory by the same path", () => {
    for (const name of [CERTIFICATE, RECORDS, VALIDATION]) {
      expect(stacks[name].terraform.backend).toEqual({
        local: { path: `../${name}/terraform.${name}.tfstate` },
      });
    }
    const remote = stacks[VALIDATION].data.terraform_remote_state;
    expect(remote[`cross-stack-reference-input-${RECORDS}`].config).toEqual({
      path: `../${RECORDS}/terraform.${RECORDS}.tfstate`,
    });
  });
});

describe("splitDnsStacks: state backends", () => {
  test("with TF_STATE_* set, every stack keeps its state in S3 and the consumers read it there", () => {
    const stacks = synthApp((app) =>
      splitDnsStacks(
        app,
        props({ TF_STATE_BUCKET: "example-terraform-state", TF_STATE_REGION: "eu-west-1" }),
      ),
    );
    expect(stacks[RECORDS].terraform.backend.s3).toMatchObject({
      bucket: "example-terraform-state",
      key: `${RECORDS}/terraform.tfstate`,
      encrypt: true,
    });
    const input = stacks[VALIDATION].data.terraform_remote_state;
    expect(input[`cross-stack-reference-input-${CERTIFICATE}`]).toMatchObject({
      backend: "s3",
      config: { bucket: "example-terraform-state", key: `${CERTIFICATE}/terraform.tfstate` },
    });
  });

  test("an explicit backend wins", () => {
    const backend = (stack: TerraformStack) =>
      new LocalBackend(stack, { path: `/var/state/${stack.node.id}.tfstate` });
    const p = props();
    const stacks = synthApp((app) =>
      splitDnsStacks(app, { ...p, certificateStack: { ...p.certificateStack, backend } }),
    );
    expect(stacks[CERTIFICATE].terraform.backend.local.path).toBe(
      `/var/state/${CERTIFICATE}.tfstate`,
    );
    expect(
      stacks[RECORDS].data.terraform_remote_state[`cross-stack-reference-input-${CERTIFICATE}`]
        .config.path,
    ).toBe(`/var/state/${CERTIFICATE}.tfstate`);
  });
});

describe("why three stacks: the two-stack version is a cycle", () => {
  test("a waiter next to the certificate, on records that read the certificate: cdktf refuses it", () => {
    const app = Testing.app();
    const certificates = new BaseStack(app, "certificates", { region: "eu-west-1" });
    const dns = new BaseStack(app, "dns", { region: "eu-west-1" });
    // The records read the certificate's options (dns -> certificates); Lazy, because the
    // certificate can only be built once the records exist ...
    const later: { site?: Certificate } = {};
    const records = new ExternalValidationRecords(dns, "Site", {
      domainNames: ["example.com"],
      validationOptions: Lazy.anyValue({
        produce: () => later.site!.resource.domainValidationOptions,
      }),
      hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
    });
    // ... and the certificate waits in its own stack on the records' FQDNs (certificates -> dns).
    later.site = new Certificate(certificates, "Site", {
      domainName: "example.com",
      validation: CertificateValidation.fromExternalDns(records.validationRecordFqdns),
    });
    try {
      expect(() => app.synth()).toThrow(/would cause a circular dependency/);
    } finally {
      fs.rmSync(app.outdir, { recursive: true, force: true });
    }
  });
});

describe("splitDnsStacks: bad input", () => {
  const p = props();
  const build = (q: SplitDnsProps) => () => splitDnsStacks(Testing.app(), q);
  const rows: [string, () => unknown, string[]][] = [
    [
      "two stacks with one name",
      build({ ...p, recordsStack: { ...p.recordsStack, name: CERTIFICATE } }),
      ["certificateStack.name", "different", `"${CERTIFICATE}"`],
    ],
    [
      "no certificates",
      build({ ...p, certificateStack: { ...p.certificateStack, certificates: [] } }),
      [`[${CERTIFICATE}]`, "certificates", "at least one", "[]"],
    ],
    [
      "a certificate name that is no identifier",
      build({
        ...p,
        certificateStack: {
          ...p.certificateStack,
          certificates: [{ name: "my site", domainName: "example.com" }],
        },
      }),
      [`[${CERTIFICATE}]`, "certificates[0].name", '"my site"'],
    ],
    [
      "two certificates that make one output",
      build({
        ...p,
        certificateStack: {
          ...p.certificateStack,
          certificates: [
            { name: "site", domainName: "example.com" },
            { name: "site", domainName: "www.example.com" },
          ],
        },
      }),
      ["certificates[].name", '"site"'],
    ],
    [
      "a certificate named like the provider",
      build({
        ...p,
        certificateStack: {
          ...p.certificateStack,
          certificates: [{ name: "aws", domainName: "example.com" }],
        },
      }),
      ["certificates[].name", '"aws"', "AwsProvider"],
    ],
    [
      "a name the DNS stack's zones do not cover",
      build({
        ...p,
        certificateStack: {
          ...p.certificateStack,
          certificates: [{ name: "site", domainName: "example.org" }],
        },
      }),
      [`[${RECORDS}/site]`, "no hosted zone", '"example.org"'],
    ],
    [
      "a DNS role that is no role",
      build({
        ...p,
        recordsStack: { ...p.recordsStack, dnsRoleArn: "arn:aws:iam::222222222222:user/dns" },
      }),
      [`[${RECORDS}]`, "dnsRoleArn", "an IAM role", '"arn:aws:iam::222222222222:user/dns"'],
    ],
    [
      "the waiter in another region than the certificate",
      build({ ...p, validationStack: { ...p.validationStack, region: "us-east-1" } }),
      [`[${VALIDATION}/site]`, 'region is "eu-west-1"', '"us-east-1"'],
    ],
  ];

  test.each(rows)("%s", (_what, make, mustContain) => {
    expectValidationError(make, mustContain);
  });
});
