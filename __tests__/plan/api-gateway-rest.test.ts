import { Testing } from "cdktf";
import { apiGatewayRest } from "../../examples/api-gateway-rest/main";
import {
  at,
  configOf,
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  ResourceChange,
  changeSummary,
} from "../support/plan";

describeWithTerraform("plan: examples/api-gateway-rest", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(apiGatewayRest(Testing.app()));
  });

  /** The single change of `type` whose planned `attribute` is `value`. */
  function byValue(type: string, attribute: string, value: unknown): ResourceChange {
    const found = ofType(plan, type).filter((c) => c.change.after?.[attribute] === value);
    expect(found).toHaveLength(1);
    return found[0];
  }
  /** The certificate whose domain_name is `name`, and the validation that references it. */
  function certificateFor(name: string): { certificate: string; validation: string } {
    const certificate = byValue("aws_acm_certificate", "domain_name", name).address;
    const validations = ofType(plan, "aws_acm_certificate_validation").filter((v) =>
      referencesOf(plan, v.address, "certificate_arn").includes(`${certificate}.arn`),
    );
    expect(validations).toHaveLength(1);
    return { certificate, validation: validations[0].address };
  }
  const regionalDomain = () =>
    byValue("aws_api_gateway_domain_name", "domain_name", "api.example.com");
  const edgeDomain = () =>
    byValue("aws_api_gateway_domain_name", "domain_name", "edge.example.com");

  test("plans two certificates, two domains, two mappings and their records, all creates", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual([
      "aws_acm_certificate:create",
      "aws_acm_certificate:create",
      "aws_acm_certificate_validation:create",
      "aws_acm_certificate_validation:create",
      "aws_api_gateway_base_path_mapping:create",
      "aws_api_gateway_base_path_mapping:create",
      "aws_api_gateway_domain_name:create",
      "aws_api_gateway_domain_name:create",
      ...Array(6).fill("aws_route53_record:create"),
    ]);
  });

  test("REGIONAL: regional_certificate_arn is the validated ARN, certificate_arn unset", () => {
    const domain = regionalDomain();
    const { validation } = certificateFor("api.example.com");
    expect(referencesOf(plan, domain.address, "regional_certificate_arn")).toContain(
      `${validation}.certificate_arn`,
    );
    expect(configOf(plan, domain.address).expressions).not.toHaveProperty("certificate_arn");
    expect(domain.change.after).toMatchObject({
      certificate_arn: null,
      security_policy: "TLS_1_2",
      endpoint_configuration: [{ types: ["REGIONAL"], ip_address_type: "dualstack" }],
    });
  });

  test("EDGE: certificate_arn is the validated ARN, regional_certificate_arn unset", () => {
    const domain = edgeDomain();
    const { validation } = certificateFor("edge.example.com");
    expect(referencesOf(plan, domain.address, "certificate_arn")).toContain(
      `${validation}.certificate_arn`,
    );
    expect(configOf(plan, domain.address).expressions).not.toHaveProperty(
      "regional_certificate_arn",
    );
    expect(domain.change.after).toMatchObject({
      regional_certificate_arn: null,
      security_policy: "TLS_1_2",
      endpoint_configuration: [{ types: ["EDGE"], ip_address_type: "dualstack" }],
    });
  });

  test("the EDGE certificate and its validation go through aws.us_east_1, the REGIONAL ones through aws", () => {
    const edge = certificateFor("edge.example.com");
    expect(providerKeyOf(plan, edge.certificate)).toBe("aws.us_east_1");
    expect(providerKeyOf(plan, edge.validation)).toBe("aws.us_east_1");
    const regional = certificateFor("api.example.com");
    expect(providerKeyOf(plan, regional.certificate)).toBe("aws");
    expect(providerKeyOf(plan, regional.validation)).toBe("aws");
    expect(plan.plan.configuration?.provider_config?.["aws.us_east_1"]?.expressions).toMatchObject({
      region: { constant_value: "us-east-1" },
    });
  });

  test("both domains and their mappings live in the stack's region (aws)", () => {
    for (const d of [regionalDomain(), edgeDomain()]) {
      expect(providerKeyOf(plan, d.address)).toBe("aws");
    }
    for (const m of ofType(plan, "aws_api_gateway_base_path_mapping")) {
      expect(providerKeyOf(plan, m.address)).toBe("aws");
    }
  });

  test("each base path mapping maps the API stage onto its domain", () => {
    const regional = byValue("aws_api_gateway_base_path_mapping", "domain_name", "api.example.com");
    expect(regional.change.after).toMatchObject({
      api_id: "a1b2c3d4e5",
      stage_name: "prod",
      base_path: null,
    });
    expect(referencesOf(plan, regional.address, "domain_name")).toContain(
      `${regionalDomain().address}.domain_name`,
    );
    const edge = byValue("aws_api_gateway_base_path_mapping", "domain_name", "edge.example.com");
    expect(edge.change.after).toMatchObject({
      api_id: "a1b2c3d4e5",
      stage_name: "prod",
      base_path: "v1",
    });
    expect(referencesOf(plan, edge.address, "domain_name")).toContain(
      `${edgeDomain().address}.domain_name`,
    );
  });

  test("alias A and AAAA records point at the regional and the CloudFront endpoints", () => {
    const aliases = ofType(plan, "aws_route53_record").filter(
      (r) => !r.address.includes("acm_validation"),
    );
    expect(aliases.map((r) => `${r.change.after?.name}/${r.change.after?.type}`).sort()).toEqual([
      "api.example.com/A",
      "api.example.com/AAAA",
      "edge.example.com/A",
      "edge.example.com/AAAA",
    ]);
    for (const r of aliases) {
      expect(r.change.after).toMatchObject({
        zone_id: "Z0EXAMPLE00000000001",
        alias: [{ evaluate_target_health: false }],
      });
      const refs = referencesOf(plan, r.address, "alias");
      const domain = r.change.after?.name === "api.example.com" ? regionalDomain() : edgeDomain();
      const [dnsName, zoneId] =
        r.change.after?.name === "api.example.com"
          ? ["regional_domain_name", "regional_zone_id"]
          : ["cloudfront_domain_name", "cloudfront_zone_id"];
      expect(refs).toEqual(
        expect.arrayContaining([`${domain.address}.${dnsName}`, `${domain.address}.${zoneId}`]),
      );
    }
  });

  test("validation records are addressed by name, one per certificate name", () => {
    expect(
      ofType(plan, "aws_route53_record")
        .map((r) => r.address)
        .filter((a) => a.includes("acm_validation"))
        .sort(),
    ).toEqual([
      "aws_route53_record.acm_validation_api_example_com",
      "aws_route53_record.acm_validation_edge_example_com",
    ]);
    expect(at(plan, "aws_route53_record.acm_validation_edge_example_com").change.actions).toEqual([
      "create",
    ]);
  });
});
