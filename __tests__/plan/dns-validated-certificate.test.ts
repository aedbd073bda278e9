import { Testing } from "cdktf";
import { dnsValidatedCertificate } from "../../examples/dns-validated-certificate/main";
import {
  at,
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  changeSummary,
} from "../support/plan";

describeWithTerraform("plan: examples/dns-validated-certificate", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(dnsValidatedCertificate(Testing.app()));
  });

  test("plans exactly one certificate, its validation and one record per distinct name", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual([
      "aws_acm_certificate:create",
      "aws_acm_certificate_validation:create",
      "aws_route53_record:create",
      "aws_route53_record:create",
    ]);
  });

  test("records are addressed by domain name; apex and wildcard share one", () => {
    expect(
      ofType(plan, "aws_route53_record")
        .map((r) => r.address)
        .sort(),
    ).toEqual([
      "aws_route53_record.acm_validation_api_example_com",
      "aws_route53_record.acm_validation_example_com",
    ]);
  });

  test("records go to the zone, allow overwrite, TTL 60", () => {
    for (const r of ofType(plan, "aws_route53_record")) {
      expect(r.change.after).toMatchObject({
        zone_id: "Z0EXAMPLE00000000001",
        allow_overwrite: true,
        ttl: 60,
      });
      expect(providerKeyOf(plan, r.address)).toBe("aws");
    }
  });

  test("the certificate carries the names, DNS validation and CT logging", () => {
    const cert = ofType(plan, "aws_acm_certificate")[0];
    expect(cert.change.after).toMatchObject({
      domain_name: "example.com",
      subject_alternative_names: expect.arrayContaining(["*.example.com", "api.example.com"]),
      validation_method: "DNS",
      key_algorithm: "RSA_2048",
      options: [{ certificate_transparency_logging_preference: "ENABLED" }],
    });
  });

  test("the validation resource waits on both records", () => {
    const validation = ofType(plan, "aws_acm_certificate_validation")[0];
    const refs = referencesOf(plan, validation.address, "validation_record_fqdns");
    expect(refs).toEqual(
      expect.arrayContaining([
        "aws_route53_record.acm_validation_example_com.fqdn",
        "aws_route53_record.acm_validation_api_example_com.fqdn",
      ]),
    );
    const cert = ofType(plan, "aws_acm_certificate")[0];
    expect(referencesOf(plan, validation.address, "certificate_arn")).toContain(
      `${cert.address}.arn`,
    );
    expect(at(plan, validation.address).change.actions).toEqual(["create"]);
  });
});
