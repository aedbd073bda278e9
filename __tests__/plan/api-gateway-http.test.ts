import { Testing } from "cdktf";
import { apiGatewayHttp } from "../../examples/api-gateway-http/main";
import {
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  changeSummary,
} from "../support/plan";

describeWithTerraform("plan: examples/api-gateway-http", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(apiGatewayHttp(Testing.app()));
  });

  test("plans one certificate, one domain, one mapping and their records, all creates", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual([
      "aws_acm_certificate:create",
      "aws_acm_certificate_validation:create",
      "aws_apigatewayv2_api_mapping:create",
      "aws_apigatewayv2_domain_name:create",
      "aws_route53_record:create",
      "aws_route53_record:create",
      "aws_route53_record:create",
    ]);
  });

  test("the domain is REGIONAL, TLS_1_2, dualstack, on the validated certificate ARN", () => {
    const [domain] = ofType(plan, "aws_apigatewayv2_domain_name");
    const [validation] = ofType(plan, "aws_acm_certificate_validation");
    expect(domain.change.after).toMatchObject({
      domain_name: "http.example.com",
      domain_name_configuration: [
        { endpoint_type: "REGIONAL", security_policy: "TLS_1_2", ip_address_type: "dualstack" },
      ],
    });
    expect(referencesOf(plan, domain.address, "domain_name_configuration")).toContain(
      `${validation.address}.certificate_arn`,
    );
  });

  test("everything goes through the stack's provider (aws): HTTP API domains are regional", () => {
    for (const c of plan.resourceChanges) expect(providerKeyOf(plan, c.address)).toBe("aws");
    expect(plan.plan.configuration?.provider_config?.["aws.us_east_1"]).toBeUndefined();
  });

  test("the API mapping maps the $default stage under orders/v1", () => {
    const [mapping] = ofType(plan, "aws_apigatewayv2_api_mapping");
    const [domain] = ofType(plan, "aws_apigatewayv2_domain_name");
    expect(mapping.change.after).toMatchObject({
      api_id: "f6g7h8i9j0",
      stage: "$default",
      api_mapping_key: "orders/v1",
      domain_name: "http.example.com",
    });
    expect(referencesOf(plan, mapping.address, "domain_name")).toContain(
      `${domain.address}.domain_name`,
    );
  });

  test("alias A and AAAA records point at domain_name_configuration[0]", () => {
    const [domain] = ofType(plan, "aws_apigatewayv2_domain_name");
    const aliases = ofType(plan, "aws_route53_record").filter(
      (r) => !r.address.includes("acm_validation"),
    );
    expect(aliases.map((r) => r.change.after?.type).sort()).toEqual(["A", "AAAA"]);
    for (const r of aliases) {
      expect(r.change.after).toMatchObject({
        name: "http.example.com",
        zone_id: "Z0EXAMPLE00000000001",
        alias: [{ evaluate_target_health: false }],
      });
      expect(referencesOf(plan, r.address, "alias")).toEqual(
        expect.arrayContaining([
          `${domain.address}.domain_name_configuration[0].target_domain_name`,
          `${domain.address}.domain_name_configuration[0].hosted_zone_id`,
        ]),
      );
    }
  });

  test("one validation record, addressed by name", () => {
    expect(
      ofType(plan, "aws_route53_record")
        .map((r) => r.address)
        .filter((a) => a.includes("acm_validation")),
    ).toEqual(["aws_route53_record.acm_validation_http_example_com"]);
  });
});
