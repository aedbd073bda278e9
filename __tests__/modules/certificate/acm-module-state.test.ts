import {
  acmModuleAddresses,
  acmModuleFromState,
  checkModuleAddress,
  validatedNameOf,
} from "../../../modules/certificate/acm-module-state";
import { expectValidationError } from "../../support/inputs";
import { testStack } from "../../support/synth";

const ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-1111-4222-8333-444455556666";
const PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

test.each([
  ["_6c1f0e.www.example.com.", "www.example.com"],
  ["_6C1F0E.WWW.Example.com", "www.example.com"],
  ["_x.example.com", "example.com"],
  ["www.example.com", undefined], // not an ACM record: no leading underscore
  ["_x", undefined],
  ["_.example.com", undefined],
  ["_x.", undefined],
])("validatedNameOf(%s) is %s", (recordName, expected) => {
  expect(validatedNameOf(recordName)).toBe(expected);
});

test("the module's resource addresses", () => {
  const at = acmModuleAddresses('module.acm["site"]');
  expect(at.certificate).toBe('module.acm["site"].aws_acm_certificate.this[0]');
  expect(at.validation).toBe('module.acm["site"].aws_acm_certificate_validation.this[0]');
  expect(at.record(3)).toBe('module.acm["site"].aws_route53_record.validation[3]');
});

test.each(["module.acm", "module.acm[0]", 'module.acm["a b"]', "module.a.module.acm[1]"])(
  "%s is a module instance address",
  (address) => {
    const { stack } = testStack();
    expect(() => checkModuleAddress(stack, "moduleAddress", address)).not.toThrow();
  },
);

test.each([
  "acm",
  "module.",
  "module.acm.aws_acm_certificate.this",
  "module.acm[x]",
  "module.1acm",
])("%s is not", (address) => {
  const { stack } = testStack();
  expectValidationError(
    () => checkModuleAddress(stack, "moduleAddress", address),
    ["[test] moduleAddress must be a module instance address", JSON.stringify(address)],
  );
});

describe("acmModuleFromState", () => {
  const state = {
    version: 4,
    resources: [
      {
        module: "module.acm",
        mode: "managed",
        type: "aws_acm_certificate",
        name: "this",
        provider: PROVIDER,
        instances: [
          {
            index_key: 0,
            attributes: {
              arn: ARN,
              domain_name: "example.com",
              subject_alternative_names: ["*.example.com", "example.org"],
              key_algorithm: "EC_prime256v1",
            },
          },
        ],
      },
      {
        module: "module.acm",
        mode: "managed",
        type: "aws_route53_record",
        name: "validation",
        provider: PROVIDER,
        instances: [
          { index_key: 1, attributes: { name: "_b.example.org", zone_id: "Z2" } },
          { index_key: 0, attributes: { name: "_a.example.com", zone_id: "Z1" } },
        ],
      },
    ],
  };

  test("reads the certificate, the records by index, and whether validation is there", () => {
    const { stack } = testStack();
    expect(acmModuleFromState(stack, { state }, "module.acm")).toEqual({
      moduleAddress: "module.acm",
      certificateArn: ARN,
      validationRecords: [
        { index: 0, domainName: "example.com", recordName: "_a.example.com", zoneId: "Z1" },
        { index: 1, domainName: "example.org", recordName: "_b.example.org", zoneId: "Z2" },
      ],
      hasValidation: false,
      certificate: {
        domainName: "example.com",
        subjectAlternativeNames: ["*.example.com", "example.org"],
        keyAlgorithm: "EC_prime256v1",
      },
    });
  });

  test("a record that is not an ACM validation record is refused", () => {
    const { stack } = testStack();
    const broken = JSON.parse(JSON.stringify(state));
    broken.resources[1].instances[0].attributes.name = "www.example.org";
    expectValidationError(
      () => acmModuleFromState(stack, { state: broken }, "module.acm"),
      [
        "module.acm.aws_route53_record.validation[1] in the state is not an ACM validation record",
        '"www.example.org"',
      ],
    );
  });
});
