import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { checkConfig, isBlocking } from "../../../modules/policy/rule-pack";
import { suppressTlsRule } from "../../../modules/policy/suppressions";
import {
  parseTerraformConfig,
  TerraformConfigError,
} from "../../../modules/policy/terraform-config";

const lonely = (comment?: unknown) => ({
  resource: {
    aws_acm_certificate: {
      c: {
        domain_name: "example.com",
        validation_method: "DNS",
        lifecycle: { create_before_destroy: true },
        ...(comment === undefined ? {} : { "//": comment }),
      },
    },
  },
});

describe("suppressions in the resource's // comment", () => {
  test("with a reason: the finding stays, marked suppressed with the reason", () => {
    const doc = lonely({
      tls_policy_suppressions: [{ id: "TLS009", reason: "attached by the edge stack" }],
    });
    const findings = checkConfig(parseTerraformConfig(doc, "f.json"));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "TLS009",
        address: "aws_acm_certificate.c",
        suppressed: "attached by the edge stack",
      }),
    ]);
  });

  test("without a reason: not suppressed, and a TLS000 error names it", () => {
    const doc = lonely({ tls_policy_suppressions: [{ id: "TLS009", reason: "  " }] });
    const findings = checkConfig(parseTerraformConfig(doc, "f.json"));
    expect(findings.map((f) => [f.ruleId, f.level, f.suppressed])).toEqual([
      ["TLS000", "error", undefined],
      ["TLS009", "warning", undefined],
    ]);
    expect(findings.filter(isBlocking).map((f) => f.ruleId)).toEqual(["TLS000"]);
  });

  test("of an unknown rule id: TLS000", () => {
    const doc = lonely({ tls_policy_suppressions: [{ id: "TLS999", reason: "why not" }] });
    expect(checkConfig(parseTerraformConfig(doc, "f.json")).map((f) => f.ruleId)).toEqual([
      "TLS000",
      "TLS009",
    ]);
  });

  test("suppressTlsRule writes the record into a cdktf resource's JSON, beside its metadata", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const cert = new AcmCertificate(stack, "Cert", {
      domainName: "example.com",
      validationMethod: "DNS",
      lifecycle: { createBeforeDestroy: true },
    });
    suppressTlsRule(cert, "TLS009", "consumed by another stack");
    // Testing.synth drops the "//" property; toTerraform() is what `cdktf synth` writes.
    const json = JSON.parse(JSON.stringify(stack.toTerraform()));
    const comment = json.resource.aws_acm_certificate.Cert["//"];
    expect(comment.tls_policy_suppressions).toEqual([
      { id: "TLS009", reason: "consumed by another stack" },
    ]);
    expect(comment.metadata.path).toBe("s/Cert");
    const findings = checkConfig(parseTerraformConfig(json, "s"));
    expect(findings.map((f) => [f.ruleId, f.suppressed, f.constructPath])).toEqual([
      ["TLS009", "consumed by another stack", "s/Cert"],
    ]);
  });

  test("suppressTlsRule refuses a blank reason and a malformed id", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const cert = new AcmCertificate(stack, "Cert", { domainName: "example.com" });
    expect(() => suppressTlsRule(cert, "TLS009", "")).toThrow(
      /\[s\/Cert\] reason must say why TLS009 does not apply .*got ""/,
    );
    expect(() => suppressTlsRule(cert, "tls9", "x")).toThrow(/id must be a rule id .*got "tls9"/);
  });
});

describe("parseTerraformConfig: what is not Terraform JSON", () => {
  test.each([
    [[1, 2], /expected an object .*got an array/],
    [null, /got null/],
    ["resource", /got string/],
    [{ name: "pkg", version: "1.0.0" }, /unknown top-level key\(s\) "name", "version"/],
    [{}, /none of the Terraform top-level keys/],
    [{ resource: [] }, /"resource" must be an object/],
    [{ resource: { aws_lb: { a: 1 } } }, /resource\.aws_lb must be an object of named resources/],
  ])("%j is refused", (json, message) => {
    expect(() => parseTerraformConfig(json, "x.json")).toThrow(TerraformConfigError);
    expect(() => parseTerraformConfig(json, "x.json")).toThrow(message);
  });

  test("provider regions: default and alias, as the resource's provider field names them", () => {
    const config = parseTerraformConfig(
      {
        provider: { aws: [{ region: "eu-west-1" }, { alias: "use1", region: "us-east-1" }] },
        resource: {
          aws_acm_certificate: { a: {}, b: { provider: "aws.use1" }, c: { provider: "aws.nope" } },
        },
      },
      "x",
    );
    const [a, b, c] = config.resourcesOf("aws_acm_certificate");
    expect([config.regionOf(a), config.regionOf(b), config.regionOf(c)]).toEqual([
      "eu-west-1",
      "us-east-1",
      undefined,
    ]);
  });
});
