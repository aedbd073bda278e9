import { Testing } from "cdktf";
import { mtlsApiGateway } from "../../examples/mtls-api-gateway/main";
import {
  configOf,
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  referencesOf,
  ResourceChange,
} from "../support/plan";

describeWithTerraform("plan: examples/mtls-api-gateway", () => {
  let plan: PlanResult;
  let domain: ResourceChange;
  let bundle: ResourceChange;
  beforeAll(async () => {
    plan = await planStack(mtlsApiGateway(Testing.app()));
    domain = ofType(plan, "aws_apigatewayv2_domain_name")[0];
    bundle = ofType(plan, "aws_s3_object")[0];
  });

  test("plans one REGIONAL HTTP API domain with TLS_1_2 and one bundle object", () => {
    expect(ofType(plan, "aws_apigatewayv2_domain_name")).toHaveLength(1);
    expect(ofType(plan, "aws_s3_object")).toHaveLength(1);
    expect(domain.change.after?.domain_name).toBe("mtls.example.com");
    expect(domain.change.after?.domain_name_configuration).toEqual([
      expect.objectContaining({ endpoint_type: "REGIONAL", security_policy: "TLS_1_2" }),
    ]);
  });

  test("the truststore URI is the bundle object's s3:// URI and its version the object's version", () => {
    expect(domain.change.after?.mutual_tls_authentication).toEqual([
      expect.objectContaining({
        truststore_uri:
          "s3://example-corp-apigw-truststore-111111111111/api-gateway/truststore.pem",
      }),
    ]);
    const expr = configOf(plan, domain.address).expressions?.mutual_tls_authentication;
    expect(JSON.stringify(expr)).toContain(`${bundle.address}.version_id`);
    expect(bundle.change.after?.key).toBe("api-gateway/truststore.pem");
  });

  test("the server certificate is public and validated, so no ownership certificate is set", () => {
    const config = domain.change.after?.domain_name_configuration as Record<string, unknown>[];
    expect(config[0].ownership_verification_certificate_arn ?? null).toBeNull();
    const refs = referencesOf(plan, domain.address, "domain_name_configuration");
    expect(refs.some((r) => r.startsWith("aws_acm_certificate_validation."))).toBe(true);
    expect(
      ofType(plan, "aws_acm_certificate")[0].change.after?.certificate_authority_arn ?? null,
    ).toBeNull();
  });

  test("the bundle holds the root and client CA certificates of the hierarchy", () => {
    const content = referencesOf(plan, bundle.address, "content");
    // Terraform lists each reference twice: the attribute and the resource.
    const pems = content.filter((r) => /^aws_acmpca_certificate\.[^.]+\.certificate$/.test(r));
    expect(new Set(pems).size).toBe(2);
  });
});
