import { TerraformStack, TerraformVariable } from "cdktf";
import {
  ApiGatewayHttpDomain,
  ApiGatewayHttpDomainProps,
} from "../../../modules/attach/api-gateway-http-domain";
import { Certificate, CertificateProps } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import { aliasProvider, synth, testStack } from "../../support/synth";

const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };

function setup(
  where: "us-east-1 alias" | "stack region",
  certProps: Partial<CertificateProps> = {},
) {
  const t = testStack("eu-west-1");
  const usEast1 = aliasProvider(t.stack, "us_east_1", "us-east-1");
  const certificate = new Certificate(t.stack, "Cert", {
    domainName: "api.example.com",
    validation: CertificateValidation.fromDns([ZONE]),
    provider: where === "us-east-1 alias" ? usEast1 : undefined,
    ...certProps,
  });
  return { ...t, usEast1, certificate };
}

function http(props: Partial<ApiGatewayHttpDomainProps> = {}, certProps = {}) {
  const t = setup("stack region", certProps);
  const domain = new ApiGatewayHttpDomain(t.stack, "Http", {
    domainName: "api.example.com",
    certificate: t.certificate,
    apiId: "f6g7h8i9j0",
    stage: "$default",
    ...props,
  });
  return { ...t, domain };
}

function only(stack: TerraformStack, type: string): Record<string, any> {
  const list = synth(stack).list(type);
  expect(list).toHaveLength(1);
  return list[0];
}

function addressOf(stack: TerraformStack, type: string): string {
  const names = Object.keys(synth(stack).resources(type));
  expect(names).toHaveLength(1);
  return `${type}.${names[0]}`;
}

describe("ApiGatewayHttpDomain: domain name configuration", () => {
  test("REGIONAL, TLS_1_2, dualstack, the validated certificate ARN", () => {
    const { stack } = http();
    const domain = only(stack, "aws_apigatewayv2_domain_name");
    expect(domain.domain_name).toBe("api.example.com");
    expect(domain.domain_name_configuration).toEqual({
      certificate_arn: `\${${addressOf(stack, "aws_acm_certificate_validation")}.certificate_arn}`,
      endpoint_type: "REGIONAL",
      security_policy: "TLS_1_2",
      ip_address_type: "dualstack",
    });
  });

  test("ipAddressType ipv4 and tags are passed through", () => {
    const { stack } = http({ ipAddressType: "ipv4", tags: { team: "api" } });
    const domain = only(stack, "aws_apigatewayv2_domain_name");
    expect(domain.domain_name_configuration.ip_address_type).toBe("ipv4");
    expect(domain.tags).toEqual({ team: "api" });
  });

  test("rejects an unknown ipAddressType", () => {
    expect(() => http({ ipAddressType: "IPV4" })).toThrow(
      /ipAddressType must be one of "ipv4", "dualstack", got "IPV4"/,
    );
  });
});

describe("ApiGatewayHttpDomain: API mapping", () => {
  test("maps the stage at the root by default, referencing the domain", () => {
    const { stack } = http();
    expect(only(stack, "aws_apigatewayv2_api_mapping")).toEqual({
      api_id: "f6g7h8i9j0",
      stage: "$default",
      domain_name: `\${${addressOf(stack, "aws_apigatewayv2_domain_name")}.domain_name}`,
    });
  });

  test("sets a multi-level api_mapping_key", () => {
    const { stack } = http({ apiMappingKey: "orders/v1", stage: "prod" });
    const mapping = only(stack, "aws_apigatewayv2_api_mapping");
    expect(mapping.api_mapping_key).toBe("orders/v1");
    expect(mapping.stage).toBe("prod");
  });

  test.each([
    ["/orders", /apiMappingKey must not start or end with "\/", got "\/orders"; use "orders"/],
    ["orders/", /apiMappingKey must not start or end with "\/"/],
    ["orders//v1", /apiMappingKey may contain segments separated by single slashes/],
    ["orders?v=1", /apiMappingKey may contain .* got "orders\?v=1"/],
  ])("rejects apiMappingKey %s", (apiMappingKey, message) => {
    expect(() => http({ apiMappingKey })).toThrow(message);
  });

  test("rejects an apiId that is not an id, and bad stages", () => {
    expect(() => http({ apiId: "arn:aws:apigateway:eu-west-1::/apis/f6g7h8i9j0" })).toThrow(
      /apiId must be the API's id/,
    );
    expect(() => http({ stage: "$latest" })).toThrow(
      /stage must be 1-128 letters, digits, "-" or "_" \(or "\$default"\), got "\$latest"/,
    );
  });

  test("tokens are not checked", () => {
    const t = setup("stack region");
    const apiId = new TerraformVariable(t.stack, "api_id", { type: "string" }).stringValue;
    new ApiGatewayHttpDomain(t.stack, "Http", {
      domainName: "api.example.com",
      certificate: t.certificate,
      apiId,
      stage: "$default",
    });
    expect(only(t.stack, "aws_apigatewayv2_api_mapping").api_id).toBe("${var.api_id}");
  });
});

describe("ApiGatewayHttpDomain: alias records", () => {
  test("A and AAAA to domain_name_configuration[0].target_domain_name / hosted_zone_id", () => {
    const { stack, domain } = http({ hostedZones: [ZONE] });
    const address = addressOf(stack, "aws_apigatewayv2_domain_name");
    const aliases = synth(stack)
      .list("aws_route53_record")
      .filter((r) => r.alias);
    expect(aliases.map((r) => r.type).sort()).toEqual(["A", "AAAA"]);
    for (const r of aliases) {
      expect(r.name).toBe("api.example.com");
      expect(r.zone_id).toBe(ZONE.zoneId);
      expect(r.alias).toEqual({
        name: `\${${address}.domain_name_configuration[0].target_domain_name}`,
        zone_id: `\${${address}.domain_name_configuration[0].hosted_zone_id}`,
        evaluate_target_health: false,
      });
    }
    expect([...domain.aliasRecords!.records.keys()].sort()).toEqual([
      "api.example.com/A",
      "api.example.com/AAAA",
    ]);
  });

  test("ipv4 gets only an A record", () => {
    const { stack } = http({ hostedZones: [ZONE], ipAddressType: "ipv4" });
    expect(
      synth(stack)
        .list("aws_route53_record")
        .filter((r) => r.alias)
        .map((r) => r.type),
    ).toEqual(["A"]);
  });

  test("a name in none of the zones is refused", () => {
    expect(() =>
      http({ hostedZones: [{ zoneId: "Z0EXAMPLE00000000002", zoneName: "example.org" }] }),
    ).toThrow(
      /AliasRecords\] domainName "api.example.com" is in none of the hostedZones \("example.org"\)/,
    );
  });
});

describe("ApiGatewayHttpDomain: checks", () => {
  test("a us-east-1 certificate for a domain in eu-west-1 names both regions", () => {
    const t = setup("us-east-1 alias");
    expect(
      () =>
        new ApiGatewayHttpDomain(t.stack, "Http", {
          domainName: "api.example.com",
          certificate: t.certificate,
          apiId: "f6g7h8i9j0",
          stage: "$default",
        }),
    ).toThrow(
      /\[test\/Http\] certificate: the certificate is in us-east-1, but an HTTP API Gateway domain \(always REGIONAL\) in eu-west-1 needs a certificate in eu-west-1/,
    );
  });

  test("the domain's provider sets the region the certificate must be in", () => {
    const t = setup("us-east-1 alias");
    new ApiGatewayHttpDomain(t.stack, "Http", {
      domainName: "api.example.com",
      certificate: t.certificate,
      apiId: "f6g7h8i9j0",
      stage: "$default",
      provider: t.usEast1,
    });
    expect(only(t.stack, "aws_apigatewayv2_domain_name").provider).toBe("aws.us_east_1");
    expect(only(t.stack, "aws_apigatewayv2_api_mapping").provider).toBe("aws.us_east_1");
  });

  test("an uncovered domain is refused", () => {
    expect(() => http({ domainName: "www.example.com" })).toThrow(
      /domainName has names the certificate does not cover: "www.example.com"; the certificate covers "api.example.com"/,
    );
  });

  test("TLS_1_0 is refused", () => {
    expect(() => http({ securityPolicy: "TLS_1_0" })).toThrow(
      /securityPolicy must be "TLS_1_2", got "TLS_1_0"/,
    );
  });

  test("enhanced policies are refused: HTTP APIs support only TLS_1_2", () => {
    expect(() => http({ securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06" })).toThrow(
      /securityPolicy must be "TLS_1_2", got "SecurityPolicy_TLS13_1_2_2021_06": HTTP APIs support only TLS_1_2/,
    );
  });

  test("EC_secp384r1 is fine for a regional HTTP API domain", () => {
    const { stack } = http({}, { keyAlgorithm: KeyAlgorithm.EC_SECP384R1 });
    expect(only(stack, "aws_apigatewayv2_domain_name").domain_name).toBe("api.example.com");
  });

  test("an imported certificate of unknown region (a token ARN) is refused when the domain region is known", () => {
    const t = testStack("eu-west-1");
    const certificate = Certificate.fromCertificateArn(
      t.stack,
      "Imported",
      new TerraformVariable(t.stack, "certificate_arn", { type: "string" }).stringValue,
    );
    expect(
      () =>
        new ApiGatewayHttpDomain(t.stack, "Http", {
          domainName: "api.example.com",
          certificate,
          apiId: "f6g7h8i9j0",
          stage: "$default",
        }),
    ).toThrow(/the certificate's region is unknown at synth, but .* needs it in eu-west-1/);
  });
});
