/**
 * Regression: the iterator pattern from the CDKTF docs synthesizes fine but fails
 * `terraform plan` with "Invalid for_each argument", because the for_each keys come from
 * `domain_validation_options`, which is unknown until the certificate exists. Our construct keys
 * records by names known at synth, and plans. A synth-only test cannot see the difference.
 */
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformIterator, TerraformStack, Testing } from "cdktf";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { TerraformError } from "../../scripts/plan/harness";
import { describeWithTerraform, ofType, planStack } from "../support/plan";

const NAMES = {
  domainName: "example.com",
  subjectAlternativeNames: ["*.example.com", "www.example.org"],
};

describeWithTerraform("regression: CDKTF docs iterator pattern vs name-keyed records", () => {
  test("the docs pattern synthesizes, then fails terraform plan with Invalid for_each argument", async () => {
    const stack = new TerraformStack(Testing.app(), "docs-iterator");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const cert = new AcmCertificate(stack, "cert", { ...NAMES, validationMethod: "DNS" });
    const it = TerraformIterator.fromComplexList(cert.domainValidationOptions, "domain_name");
    new Route53Record(stack, "record", {
      forEach: it,
      zoneId: "Z1",
      name: it.getString("resource_record_name"),
      type: it.getString("resource_record_type"),
      records: [it.getString("resource_record_value")],
      ttl: 60,
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const failure = planStack(stack);
    await expect(failure).rejects.toBeInstanceOf(TerraformError);
    await expect(failure).rejects.toThrow(/Invalid for_each argument/);
  });

  test("the same names through our construct plan", async () => {
    const stack = new TerraformStack(Testing.app(), "name-keyed");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new Certificate(stack, "Cert", {
      ...NAMES,
      validation: CertificateValidation.fromDns([
        { zoneId: "Z1", zoneName: "example.com" },
        { zoneId: "Z2", zoneName: "example.org" },
      ]),
    });
    const plan = await planStack(stack);
    expect(
      ofType(plan, "aws_route53_record")
        .map((r) => r.address)
        .sort(),
    ).toEqual([
      "aws_route53_record.acm_validation_example_com",
      "aws_route53_record.acm_validation_www_example_org",
    ]);
  });
});
