import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { CloudfrontDistribution as RawDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { TerraformVariable } from "cdktf";
import { ApiGatewayHttpDomain } from "../../modules/attach/api-gateway-http-domain";
import { ApiGatewayRestDomain } from "../../modules/attach/api-gateway-rest-domain";
import { CloudFrontDistribution } from "../../modules/attach/cloudfront-distribution";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../../modules/certificate/key-algorithm";
import { describeWithTerraform, ofType, planStack, PlanResult } from "../support/plan";
import { aliasProvider, testStack } from "../support/synth";

/**
 * What the pinned AWS provider (hashicorp/aws 5.100.0) accepts at plan, for the claims our
 * messages make, and the unusual but valid inputs of CloudFront and API Gateway, planned.
 */

const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };
const ARN = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

/** A raw distribution (our construct refuses these values) with one viewer policy. */
function rawDistribution(scope: any, id: string, alias: string, policy: string) {
  return new RawDistribution(scope, id, {
    enabled: true,
    aliases: [alias],
    origin: [
      {
        originId: "o",
        domainName: "origin.example.com",
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: "https-only",
          originSslProtocols: ["TLSv1.2"],
        },
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: "o",
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: {
      acmCertificateArn: ARN,
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: policy,
    },
  });
}

describeWithTerraform(
  "plan: what hashicorp/aws 5.100.0 rejects (the claims in our messages)",
  () => {
    let message = "";
    beforeAll(async () => {
      const { stack } = testStack("us-east-1", "limits");
      rawDistribution(stack, "Tls13", "a.example.com", "TLSv1.3_2025");
      rawDistribution(stack, "Tls12", "b.example.com", "TLSv1.2_2025");
      new ApiGatewayDomainName(stack, "RestEnhanced", {
        domainName: "rest.example.com",
        regionalCertificateArn: ARN,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
      });
      new Apigatewayv2DomainName(stack, "HttpEnhanced", {
        domainName: "http.example.com",
        domainNameConfiguration: {
          certificateArn: ARN,
          endpointType: "REGIONAL",
          securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
        },
      });
      const withMode = new ApiGatewayDomainName(stack, "RestAccessMode", {
        domainName: "mode.example.com",
        regionalCertificateArn: ARN,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
      });
      withMode.addOverride("endpoint_access_mode", "STRICT");
      message = await planStack(stack).then(
        () => "planned without error",
        (e: Error) => e.message,
      );
    });

    test("CloudFront TLSv1.3_2025 and TLSv1.2_2025 are rejected at plan", () => {
      for (const policy of ["TLSv1.3_2025", "TLSv1.2_2025"]) {
        expect(message).toContain(
          'expected minimum_protocol_version to be one of ["SSLv3" "TLSv1" "TLSv1_2016" ' +
            `"TLSv1.1_2016" "TLSv1.2_2018" "TLSv1.2_2019" "TLSv1.2_2021"], got ${policy}`,
        );
      }
    });

    test("REST security_policy accepts only TLS_1_0 and TLS_1_2", () => {
      expect(message).toContain(
        'expected security_policy to be one of ["TLS_1_0" "TLS_1_2"], got SecurityPolicy_TLS13_1_3_2025_09',
      );
    });

    test("HTTP domain_name_configuration.security_policy accepts only TLS_1_2", () => {
      expect(message).toContain(
        'expected domain_name_configuration.0.security_policy to be one of ["TLS_1_2"], got SecurityPolicy_TLS13_1_3_2025_09',
      );
    });

    test("aws_api_gateway_domain_name has no endpoint_access_mode", () => {
      expect(message).toContain('No argument or block type is named "endpoint_access_mode"');
    });
  },
);

describeWithTerraform("plan: valid but unusual CloudFront and API Gateway inputs", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    const { stack } = testStack("eu-west-1", "unusual");
    const usEast1 = aliasProvider(stack, "us_east_1", "us-east-1");
    const cdnCert = new Certificate(stack, "CdnCert", {
      domainName: "example.com",
      subjectAlternativeNames: ["*.example.com"],
      keyAlgorithm: KeyAlgorithm.EC_PRIME256V1,
      validation: CertificateValidation.fromDns([ZONE]),
      provider: usEast1,
    });
    // An API origin: all seven methods, OPTIONS cached, non-default ports; a wildcard alias
    // next to a literal "wildcard" label.
    new CloudFrontDistribution(stack, "Api", {
      certificate: cdnCert,
      aliases: ["*.example.com", "wildcard.example.com"],
      originDomainName: "api-origin.example.com",
      originHttpPort: 8080,
      originHttpsPort: 8443,
      allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
      cachedMethods: ["GET", "HEAD", "OPTIONS"],
      minimumProtocolVersion: "TLSv1.2_2019",
      hostedZones: [ZONE],
      waitForDeployment: false,
    });
    // REST (EDGE, P-256 key) and HTTP domains side by side, with ids from variables.
    const apiId = new TerraformVariable(stack, "api_id", { type: "string", default: "a1b2c3" });
    new ApiGatewayRestDomain(stack, "Rest", {
      domainName: "edge.example.com",
      certificate: edgeCert(stack, usEast1),
      endpointType: "EDGE",
      restApiId: apiId.stringValue,
      stageName: "prod",
      basePath: "v1",
    });
    const regional = new Certificate(stack, "HttpCert", {
      domainName: "http.example.com",
      validation: CertificateValidation.fromDns([ZONE]),
    });
    new ApiGatewayHttpDomain(stack, "Http", {
      domainName: "http.example.com",
      certificate: regional,
      apiId: apiId.stringValue,
      stage: "$default",
      apiMappingKey: "orders/v1",
      ipAddressType: "ipv4",
    });
    plan = await planStack(stack);
  });

  test("the distribution forwards all seven methods, caches OPTIONS and uses the given ports", () => {
    const [dist] = ofType(plan, "aws_cloudfront_distribution");
    const after = dist.change.after as any;
    expect([...after.default_cache_behavior[0].allowed_methods].sort()).toEqual([
      "DELETE",
      "GET",
      "HEAD",
      "OPTIONS",
      "PATCH",
      "POST",
      "PUT",
    ]);
    expect([...after.default_cache_behavior[0].cached_methods].sort()).toEqual([
      "GET",
      "HEAD",
      "OPTIONS",
    ]);
    expect(after.origin[0].custom_origin_config[0]).toMatchObject({
      http_port: 8080,
      https_port: 8443,
    });
    expect(after.viewer_certificate[0].minimum_protocol_version).toBe("TLSv1.2_2019");
  });

  test("*.example.com and wildcard.example.com each get an A and an AAAA alias record", () => {
    const aliasNames = ofType(plan, "aws_route53_record")
      .filter((r) => r.address.includes("AliasRecords"))
      .map((r) => `${(r.change.after as any).name}/${(r.change.after as any).type}`)
      .sort();
    expect(aliasNames).toEqual([
      "*.example.com/A",
      "*.example.com/AAAA",
      "wildcard.example.com/A",
      "wildcard.example.com/AAAA",
    ]);
  });

  test("REST EDGE and HTTP domains plan with a variable API id, the HTTP one ipv4", () => {
    const [rest] = ofType(plan, "aws_api_gateway_domain_name");
    expect(rest.change.after).toMatchObject({
      domain_name: "edge.example.com",
      security_policy: "TLS_1_2",
      endpoint_configuration: [{ types: ["EDGE"] }],
    });
    const [http] = ofType(plan, "aws_apigatewayv2_domain_name");
    expect((http.change.after as any).domain_name_configuration[0]).toMatchObject({
      endpoint_type: "REGIONAL",
      security_policy: "TLS_1_2",
      ip_address_type: "ipv4",
    });
    const [mapping] = ofType(plan, "aws_api_gateway_base_path_mapping");
    expect(mapping.change.after).toMatchObject({ api_id: "a1b2c3", base_path: "v1" });
    const [v2mapping] = ofType(plan, "aws_apigatewayv2_api_mapping");
    expect(v2mapping.change.after).toMatchObject({
      api_id: "a1b2c3",
      api_mapping_key: "orders/v1",
    });
  });
});

/** The EDGE domain's own certificate in us-east-1 (P-256: CloudFront accepts it). */
function edgeCert(stack: any, usEast1: any): Certificate {
  return new Certificate(stack, "EdgeCert", {
    domainName: "edge.example.com",
    keyAlgorithm: KeyAlgorithm.EC_PRIME256V1,
    validation: CertificateValidation.fromDns([ZONE]),
    provider: usEast1,
  });
}
