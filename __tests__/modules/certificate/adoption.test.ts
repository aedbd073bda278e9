import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Certificate, CertificateProps } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import {
  adoptionBlocksOf,
  CertificateAdoption,
  renderAdoptionBlocks,
} from "../../../modules/certificate/adoption";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import { expectValidationError } from "../../support/inputs";
import { aliasProvider, parse, testStack } from "../../support/synth";

const ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-1111-4222-8333-444455556666";
const ZONE = "Z0EXAMPLE00000000001";
const ZONES = [{ zoneId: ZONE, zoneName: "example.com" }];
const WWW_RECORD = "_6c1f0e.www.example.com.";
const APEX_RECORD = "_9a8b7c.example.com.";

function certificate(
  stack: TerraformStack,
  props: Partial<CertificateProps> = {},
  id = "Site",
): Certificate {
  return new Certificate(stack, id, {
    domainName: "example.com",
    subjectAlternativeNames: ["www.example.com"],
    validation: CertificateValidation.fromDns(ZONES),
    ...props,
  });
}

/** The synthesized JSON and the certificate's and validation's addresses, read from it. */
function synthesized(stack: TerraformStack) {
  const json = parse(Testing.synth(stack, true)).json;
  const [cert] = Object.keys(json.resource.aws_acm_certificate);
  const [validation] = Object.keys(json.resource.aws_acm_certificate_validation ?? {});
  return {
    json,
    cert: `aws_acm_certificate.${cert}`,
    validation: `aws_acm_certificate_validation.${validation}`,
  };
}

/** A state (format 4) of a configuration that calls terraform-aws-modules/acm as module "acm". */
function moduleState(
  overrides: { domainName?: string; sans?: string[]; key?: string; zoneId?: string } = {},
): object {
  const attributes = {
    arn: ARN,
    id: ARN,
    domain_name: overrides.domainName ?? "example.com",
    // The provider stores the alternative names without the domain name.
    subject_alternative_names: overrides.sans ?? ["www.example.com"],
    key_algorithm: overrides.key ?? "RSA_2048",
  };
  const record = (index: number, name: string) => ({
    index_key: index,
    schema_version: 2,
    attributes: { name, zone_id: overrides.zoneId ?? ZONE, type: "CNAME", ttl: 60 },
  });
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 3,
    lineage: "00000000-0000-4000-8000-000000000001",
    outputs: {},
    resources: [
      {
        module: "module.acm",
        mode: "managed",
        type: "aws_acm_certificate",
        name: "this",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ index_key: 0, attributes }],
      },
      {
        module: "module.acm",
        mode: "managed",
        type: "aws_route53_record",
        name: "validation",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        // Indexes as this state holds them; www first, unlike the certificate's own order, so
        // the test shows the mapping is read from the state.
        instances: [record(0, "_6c1f0e.www.example.com"), record(1, "_9a8b7c.example.com")],
      },
      {
        module: "module.acm",
        mode: "managed",
        type: "aws_acm_certificate_validation",
        name: "this",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ index_key: 0, attributes: { certificate_arn: ARN } }],
      },
      {
        module: "module.other",
        mode: "managed",
        type: "aws_acm_certificate",
        name: "this",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ index_key: 0, attributes: { arn: ARN } }],
      },
    ],
  };
}

const LITERAL_MODULE = {
  moduleAddress: "module.acm",
  validationRecords: [
    { index: 0, domainName: "www.example.com" },
    { index: 1, domainName: "example.com" },
  ],
};

describe("CertificateAdoption.importArn", () => {
  test("writes one import block, for the certificate by its ARN; validation and records are created", () => {
    const { stack } = testStack();
    const cert = certificate(stack, { adopt: CertificateAdoption.importArn(ARN) });
    const { json, cert: address } = synthesized(stack);
    expect(json.import).toEqual([{ id: ARN, to: address }]);
    expect(json.moved).toBeUndefined();
    expect(adoptionBlocksOf(cert)).toEqual([{ kind: "import", to: address, id: ARN }]);
    // Still requested as configured: the import only brings the object under management.
    expect(Object.keys(json.resource.aws_route53_record).sort()).toEqual([
      "acm_validation_example_com",
      "acm_validation_www_example_com",
    ]);
  });

  test("imports the validation records listed, by <zone>_<record name>_CNAME", () => {
    const { stack } = testStack();
    certificate(stack, {
      validation: CertificateValidation.fromDns([
        { zoneId: `/hostedzone/${ZONE}`, zoneName: "example.com" },
      ]),
      adopt: CertificateAdoption.importArn(ARN, {
        validationRecordNames: { "www.example.com": WWW_RECORD, "example.com": APEX_RECORD },
      }),
    });
    const { json } = synthesized(stack);
    expect(json.import).toHaveLength(3);
    expect(json.import).toEqual(
      expect.arrayContaining([
        {
          id: "Z0EXAMPLE00000000001__6c1f0e.www.example.com_CNAME",
          to: "aws_route53_record.acm_validation_www_example_com",
        },
        {
          id: "Z0EXAMPLE00000000001__9a8b7c.example.com_CNAME",
          to: "aws_route53_record.acm_validation_example_com",
        },
      ]),
    );
  });

  test("a certificate through an aliased provider is imported through it", () => {
    const { stack } = testStack();
    const east = aliasProvider(stack, "us_east_1", "us-east-1");
    const arn = ARN.replace("eu-west-1", "us-east-1");
    const cert = certificate(stack, { provider: east, adopt: CertificateAdoption.importArn(arn) });
    const { json, cert: address } = synthesized(stack);
    expect(json.import).toEqual([{ id: arn, to: address, provider: "aws.us_east_1" }]);
    expect(adoptionBlocksOf(cert)[0]).toMatchObject({ provider: "aws.us_east_1" });
  });

  test("an ARN unknown at synth (a variable) is passed through unchecked", () => {
    const { stack } = testStack();
    const arn = new TerraformVariable(stack, "certificate_arn", { type: "string" });
    certificate(stack, { adopt: CertificateAdoption.importArn(arn.stringValue) });
    expect(synthesized(stack).json.import[0].id).toBe("${var.certificate_arn}");
  });

  test.each([
    [
      "not an ACM certificate ARN",
      () => CertificateAdoption.importArn(ARN.replace(":acm:", ":acm-pca:")),
      ["adopt.certificateArn must be the ARN of an ACM certificate", 'not "acm"'],
    ],
    [
      "in another region than the certificate's provider",
      () => CertificateAdoption.importArn(ARN.replace("eu-west-1", "us-east-1")),
      [
        'adopt.certificateArn is in region "us-east-1"',
        'the certificate\'s provider is in "eu-west-1"',
      ],
    ],
    [
      "a record name for a name the certificate does not validate",
      () =>
        CertificateAdoption.importArn(ARN, {
          validationRecordNames: { "shop.example.com": "_1.shop.example.com" },
        }),
      [
        'adopt.validationRecordNames["shop.example.com"]: this certificate has no Route 53 validation record',
        '"example.com", "www.example.com"',
      ],
    ],
    [
      "a record name that validates another name",
      () =>
        CertificateAdoption.importArn(ARN, {
          validationRecordNames: { "www.example.com": APEX_RECORD },
        }),
      [
        'adopt.validationRecordNames["www.example.com"] must be the ACM validation record of "www.example.com"',
        `got "${APEX_RECORD}"`,
      ],
    ],
  ])("refuses an ARN %s", (_what, adopt, messages) => {
    const { stack } = testStack();
    expectValidationError(
      () => certificate(stack, { adopt: adopt() }),
      ["[test/Site]", ...messages],
    );
  });

  test("refuses an ARN of another account than the one the provider acts in", () => {
    const { stack } = testStack();
    const other = aliasProvider(stack, "dns", "eu-west-1", "arn:aws:iam::222222222222:role/deploy");
    expectValidationError(
      () => certificate(stack, { provider: other, adopt: CertificateAdoption.importArn(ARN) }),
      [
        'adopt.certificateArn is in account "111111111111" (read from the ARN)',
        'acts in account "222222222222"',
      ],
    );
  });

  test("with allowOverwrite off, every record must be imported: creating it would fail", () => {
    const { stack } = testStack();
    expectValidationError(
      () =>
        certificate(stack, {
          validation: CertificateValidation.fromDns(ZONES, { allowOverwrite: false }),
          adopt: CertificateAdoption.importArn(ARN, {
            validationRecordNames: { "www.example.com": WWW_RECORD },
          }),
        }),
      ['the validation record for "example.com" is created with allowOverwrite false'],
    );
  });

  test("a certificate is taken over once; adopt must be a CertificateAdoption", () => {
    const { stack } = testStack();
    const cert = certificate(stack, { adopt: CertificateAdoption.importArn(ARN) });
    expectValidationError(
      () => CertificateAdoption.importArn(ARN).applyTo(cert),
      ["[test/Site] adopt: the certificate is taken over already"],
    );
    expectValidationError(
      () => certificate(stack, { adopt: { arn: ARN } as unknown as CertificateAdoption }, "Other"),
      ["[test/Other] adopt must be a CertificateAdoption", `got {"arn":"${ARN}"}`],
    );
  });
});

describe("CertificateAdoption.moveFromAcmModule", () => {
  test("moves the module's certificate, each record to ours of the same name, and the validation", () => {
    const { stack } = testStack();
    certificate(stack, { adopt: CertificateAdoption.moveFromAcmModule(LITERAL_MODULE) });
    const { json, cert, validation } = synthesized(stack);
    expect(json.moved).toHaveLength(4);
    expect(json.moved).toEqual(
      expect.arrayContaining([
        { from: "module.acm.aws_acm_certificate.this[0]", to: cert },
        {
          from: "module.acm.aws_route53_record.validation[0]",
          to: "aws_route53_record.acm_validation_www_example_com",
        },
        {
          from: "module.acm.aws_route53_record.validation[1]",
          to: "aws_route53_record.acm_validation_example_com",
        },
        { from: "module.acm.aws_acm_certificate_validation.this[0]", to: validation },
      ]),
    );
    expect(json.import).toBeUndefined();
    // The resources stay in the configuration, at our addresses.
    expect(json.resource.aws_acm_certificate[cert.split(".")[1]]).toBeDefined();
  });

  test("module instance addresses with keys and nesting are accepted", () => {
    for (const moduleAddress of ['module.acm["site"]', "module.acm[2]", "module.edge.module.acm"]) {
      const { stack } = testStack();
      certificate(stack, {
        adopt: CertificateAdoption.moveFromAcmModule({ ...LITERAL_MODULE, moduleAddress }),
      });
      expect(synthesized(stack).json.moved[0].from).toBe(
        `${moduleAddress}.aws_acm_certificate.this[0]`,
      );
    }
  });

  test("without waitForValidation, the module's validation resource is not moved", () => {
    const { stack } = testStack();
    certificate(stack, {
      waitForValidation: false,
      adopt: CertificateAdoption.moveFromAcmModule(LITERAL_MODULE),
    });
    const froms = synthesized(stack).json.moved.map((m: { from: string }) => m.from);
    expect(froms).not.toContain("module.acm.aws_acm_certificate_validation.this[0]");
    expect(froms).toHaveLength(3);
  });

  test.each([
    [
      "a module record for a name this certificate does not validate",
      {
        ...LITERAL_MODULE,
        validationRecords: [
          ...LITERAL_MODULE.validationRecords,
          { index: 2, domainName: "old.example.com" },
        ],
      },
      [
        'adopt: module.acm.aws_route53_record.validation[2] validates "old.example.com"',
        "Terraform would delete it and the CNAME that renewals need",
      ],
    ],
    [
      "a record list with a gap",
      { ...LITERAL_MODULE, validationRecords: [{ index: 1, domainName: "example.com" }] },
      ["adopt.validationRecords must list every record of the module, indexes 0 to 0; missing 0"],
    ],
    [
      "an index given twice",
      {
        ...LITERAL_MODULE,
        validationRecords: [
          { index: 0, domainName: "example.com" },
          { index: 0, domainName: "www.example.com" },
        ],
      },
      ["adopt.validationRecords[1].index must be the record's count index", "got 0"],
    ],
    [
      "a wildcard name (records are per wildcard-stripped name)",
      { ...LITERAL_MODULE, validationRecords: [{ index: 0, domainName: "*.example.com" }] },
      [
        "adopt.validationRecords[0].domainName must be the wildcard-stripped name",
        '"*.example.com"',
      ],
    ],
    [
      "a resource address instead of a module address",
      { ...LITERAL_MODULE, moduleAddress: "module.acm.aws_acm_certificate.this" },
      [
        "adopt.moduleAddress must be a module instance address",
        '"module.acm.aws_acm_certificate.this"',
      ],
    ],
  ])("refuses %s", (_what, module, messages) => {
    const { stack } = testStack();
    expectValidationError(
      () => certificate(stack, { adopt: CertificateAdoption.moveFromAcmModule(module) }),
      ["[test/Site]", ...messages],
    );
  });

  test("refuses module records when the certificate has no Route 53 records (external DNS)", () => {
    const { stack } = testStack();
    expectValidationError(
      () =>
        certificate(stack, {
          validation: CertificateValidation.fromExternalDns(),
          adopt: CertificateAdoption.moveFromAcmModule(LITERAL_MODULE),
        }),
      ["module.acm.aws_route53_record.validation[0]", "(it has none)"],
    );
  });

  test("one shared record cannot be taken over from two module instances", () => {
    const { stack } = testStack();
    certificate(stack, { adopt: CertificateAdoption.moveFromAcmModule(LITERAL_MODULE) });
    expectValidationError(
      () =>
        certificate(
          stack,
          {
            subjectAlternativeNames: [],
            keyAlgorithm: KeyAlgorithm.EC_PRIME256V1,
            adopt: CertificateAdoption.moveFromAcmModule({
              moduleAddress: "module.acm_edge",
              validationRecords: [{ index: 0, domainName: "example.com" }],
            }),
          },
          "Edge",
        ),
      [
        "[test/Edge] adopt: module.acm_edge.aws_route53_record.validation[0] would take over aws_route53_record.acm_validation_example_com",
        "which module.acm.aws_route53_record.validation[1] takes over already",
        "terraform state rm 'module.acm_edge.aws_route53_record.validation[0]'",
      ],
    );
  });

  describe("from the module's state", () => {
    test("reads which record index validates which name", () => {
      const { stack } = testStack();
      certificate(stack, {
        adopt: CertificateAdoption.moveFromAcmModule({
          state: moduleState(),
          moduleAddress: "module.acm",
        }),
      });
      const moved = synthesized(stack).json.moved;
      expect(moved).toEqual(
        expect.arrayContaining([
          {
            from: "module.acm.aws_route53_record.validation[0]",
            to: "aws_route53_record.acm_validation_www_example_com",
          },
          {
            from: "module.acm.aws_route53_record.validation[1]",
            to: "aws_route53_record.acm_validation_example_com",
          },
        ]),
      );
    });

    test("reads a state file (terraform state pull)", () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acm-state-")), "acm.json");
      try {
        fs.writeFileSync(file, JSON.stringify(moduleState()));
        const { stack } = testStack();
        certificate(stack, {
          adopt: CertificateAdoption.moveFromAcmModule({
            stateFile: file,
            moduleAddress: "module.acm",
          }),
        });
        expect(synthesized(stack).json.moved).toHaveLength(4);
      } finally {
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      }
    });

    test.each([
      [
        "another domain name",
        { domainName: "example.org" },
        [
          'module.acm.aws_acm_certificate.this[0] has domain_name "example.org" in the state',
          'domainName is "example.com"',
          "domain_name forces a new certificate",
        ],
      ],
      [
        "other alternative names",
        { sans: ["www.example.com", "shop.example.com"] },
        [
          'has subject_alternative_names ["shop.example.com","www.example.com"] in the state',
          'are ["www.example.com"]',
        ],
      ],
      [
        "another key algorithm",
        { key: "EC_prime256v1" },
        ['has key_algorithm "EC_prime256v1" in the state', 'keyAlgorithm is "RSA_2048"'],
      ],
      [
        "records in another zone",
        { zoneId: "Z0OTHERZONE000000001" },
        [
          'module.acm.aws_route53_record.validation[0] is in hosted zone "Z0OTHERZONE000000001"',
          "zone_id forces a new record",
        ],
      ],
    ])(
      "refuses a module certificate with %s (Terraform would replace it)",
      (_what, overrides, messages) => {
        const { stack } = testStack();
        expectValidationError(
          () =>
            certificate(stack, {
              adopt: CertificateAdoption.moveFromAcmModule({
                state: moduleState(overrides),
                moduleAddress: "module.acm",
              }),
            }),
          ["[test/Site] adopt", ...messages],
        );
      },
    );

    test("a module instance the state does not hold fails, listing those it does", () => {
      const { stack } = testStack();
      expectValidationError(
        () =>
          certificate(stack, {
            adopt: CertificateAdoption.moveFromAcmModule({
              state: moduleState(),
              moduleAddress: "module.certs",
            }),
          }),
        [
          "the state holds no module.certs.aws_acm_certificate.this[0]",
          '"module.acm", "module.other"',
        ],
      );
    });

    test("a state that is not format 4, or a missing file, fails", () => {
      const { stack } = testStack();
      expectValidationError(
        () =>
          certificate(stack, {
            adopt: CertificateAdoption.moveFromAcmModule({
              state: { version: 3, modules: [] },
              moduleAddress: "module.acm",
            }),
          }),
        ["the state must be a Terraform state of format version 4", "got version 3"],
      );
      expectValidationError(
        () =>
          certificate(
            stack,
            {
              adopt: CertificateAdoption.moveFromAcmModule({
                stateFile: "no/such/acm.tfstate.json",
                moduleAddress: "module.acm",
              }),
            },
            "Missing",
          ),
        ["stateFile must be a readable Terraform state", '"no/such/acm.tfstate.json"'],
      );
    });
  });
});

describe("CertificateAdoption.importFromAcmModule", () => {
  test("imports the certificate by the state's ARN and the records by the state's zone and names", () => {
    const { stack } = testStack();
    certificate(stack, {
      adopt: CertificateAdoption.importFromAcmModule({
        state: moduleState(),
        moduleAddress: "module.acm",
      }),
    });
    const { json, cert } = synthesized(stack);
    expect(json.import).toHaveLength(3);
    expect(json.import).toEqual(
      expect.arrayContaining([
        { id: ARN, to: cert },
        {
          id: `${ZONE}__6c1f0e.www.example.com_CNAME`,
          to: "aws_route53_record.acm_validation_www_example_com",
        },
        {
          id: `${ZONE}__9a8b7c.example.com_CNAME`,
          to: "aws_route53_record.acm_validation_example_com",
        },
      ]),
    );
    // The validation resource cannot be imported: it is created.
    expect(json.moved).toBeUndefined();
  });

  test("a hand-written module without certificateArn cannot be imported", () => {
    const { stack } = testStack();
    expectValidationError(
      () => certificate(stack, { adopt: CertificateAdoption.importFromAcmModule(LITERAL_MODULE) }),
      ["adopt.certificateArn of module.acm is needed to import its certificate", "got undefined"],
    );
  });

  test("module records without a record name are not imported (they are upserted)", () => {
    const { stack } = testStack();
    certificate(stack, {
      adopt: CertificateAdoption.importFromAcmModule({ ...LITERAL_MODULE, certificateArn: ARN }),
    });
    const { json, cert } = synthesized(stack);
    expect(json.import).toEqual([{ id: ARN, to: cert }]);
  });
});

test("renderAdoptionBlocks writes HCL moved and import blocks", () => {
  expect(
    renderAdoptionBlocks([
      {
        kind: "moved",
        from: "module.acm.aws_acm_certificate.this[0]",
        to: "aws_acm_certificate.a",
      },
      { kind: "import", to: "aws_acm_certificate.b", id: ARN, provider: "aws.us_east_1" },
    ]),
  ).toBe(
    [
      "moved {",
      "  from = module.acm.aws_acm_certificate.this[0]",
      "  to   = aws_acm_certificate.a",
      "}",
      "import {",
      "  to = aws_acm_certificate.b",
      `  id = "${ARN}"`,
      "  provider = aws.us_east_1",
      "}",
    ].join("\n"),
  );
});
