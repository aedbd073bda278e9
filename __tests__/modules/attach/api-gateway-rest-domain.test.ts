import { TerraformVariable } from "cdktf";
import {
  ApiGatewayRestDomain,
  ApiGatewayRestDomainProps,
} from "../../../modules/attach/api-gateway-rest-domain";
import { checkMappingPath } from "../../../modules/attach/api-gateway-mapping";
import { checkApiGatewaySecurityPolicy } from "../../../modules/attach/api-gateway-security-policy";
import { Certificate, CertificateProps } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import { aliasProvider, synth, testStack } from "../../support/synth";

const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };

type Where = "us-east-1 alias" | "stack region";

/** A stack in `region` with a us-east-1 alias, and a certificate requested through `where`. */
function setup(where: Where, certProps: Partial<CertificateProps> = {}, region = "eu-west-1") {
  const t = testStack(region);
  const usEast1 = aliasProvider(t.stack, "us_east_1", "us-east-1");
  const certificate = new Certificate(t.stack, "Cert", {
    domainName: "api.example.com",
    subjectAlternativeNames: ["*.example.com"],
    validation: CertificateValidation.fromDns([ZONE]),
    provider: where === "us-east-1 alias" ? usEast1 : undefined,
    ...certProps,
  });
  return { ...t, usEast1, certificate };
}

function regional(props: Partial<ApiGatewayRestDomainProps> = {}, certProps = {}) {
  const t = setup("stack region", certProps);
  const domain = new ApiGatewayRestDomain(t.stack, "Api", {
    domainName: "api.example.com",
    certificate: t.certificate,
    endpointType: "REGIONAL",
    restApiId: "a1b2c3d4e5",
    stageName: "prod",
    ...props,
  });
  return { ...t, domain };
}

function edge(props: Partial<ApiGatewayRestDomainProps> = {}, certProps = {}) {
  const t = setup("us-east-1 alias", certProps);
  const domain = new ApiGatewayRestDomain(t.stack, "Edge", {
    domainName: "edge.example.com",
    certificate: t.certificate,
    endpointType: "EDGE",
    restApiId: "a1b2c3d4e5",
    stageName: "prod",
    ...props,
  });
  return { ...t, domain };
}

function only(stack: Parameters<typeof synth>[0], type: string): Record<string, any> {
  const list = synth(stack).list(type);
  expect(list).toHaveLength(1);
  return list[0];
}

function validationAddress(stack: Parameters<typeof synth>[0]): string {
  const names = Object.keys(synth(stack).resources("aws_acm_certificate_validation"));
  expect(names).toHaveLength(1);
  return `aws_acm_certificate_validation.${names[0]}`;
}

describe("ApiGatewayRestDomain: field selection", () => {
  test("REGIONAL sets regional_certificate_arn to the validated ARN and never certificate_arn", () => {
    const { stack } = regional();
    const domain = only(stack, "aws_api_gateway_domain_name");
    expect(domain.regional_certificate_arn).toBe(`\${${validationAddress(stack)}.certificate_arn}`);
    expect(domain).not.toHaveProperty("certificate_arn");
    expect(domain.endpoint_configuration).toEqual({
      types: ["REGIONAL"],
      ip_address_type: "dualstack",
    });
    expect(domain.domain_name).toBe("api.example.com");
    expect(domain.security_policy).toBe("TLS_1_2");
  });

  test("EDGE sets certificate_arn to the validated ARN and never regional_certificate_arn", () => {
    const { stack } = edge();
    const domain = only(stack, "aws_api_gateway_domain_name");
    expect(domain.certificate_arn).toBe(`\${${validationAddress(stack)}.certificate_arn}`);
    expect(domain).not.toHaveProperty("regional_certificate_arn");
    expect(domain.endpoint_configuration.types).toEqual(["EDGE"]);
    expect(domain.security_policy).toBe("TLS_1_2");
  });

  test("endpointType defaults to REGIONAL", () => {
    const t = setup("stack region");
    new ApiGatewayRestDomain(t.stack, "Api", {
      domainName: "api.example.com",
      certificate: t.certificate,
      restApiId: "a1b2c3d4e5",
      stageName: "prod",
    });
    const domain = only(t.stack, "aws_api_gateway_domain_name");
    expect(domain.endpoint_configuration.types).toEqual(["REGIONAL"]);
    expect(domain.regional_certificate_arn).toBeDefined();
    expect(domain.certificate_arn).toBeUndefined();
  });

  test("the domain uses the provider it is given, not the certificate's", () => {
    const { stack } = edge();
    const domain = only(stack, "aws_api_gateway_domain_name");
    expect(domain.provider).toBeUndefined(); // default eu-west-1 provider
    expect(only(stack, "aws_acm_certificate").provider).toBe("aws.us_east_1");
  });

  test("tags are passed to the domain", () => {
    const { stack } = regional({ tags: { team: "api" } });
    expect(only(stack, "aws_api_gateway_domain_name").tags).toEqual({ team: "api" });
  });
});

describe("ApiGatewayRestDomain: base path mapping", () => {
  test("maps the API stage at the domain root by default, referencing the domain", () => {
    const { stack } = regional();
    const mapping = only(stack, "aws_api_gateway_base_path_mapping");
    const domainName = Object.keys(synth(stack).resources("aws_api_gateway_domain_name"))[0];
    expect(mapping).toEqual({
      api_id: "a1b2c3d4e5",
      stage_name: "prod",
      domain_name: `\${aws_api_gateway_domain_name.${domainName}.domain_name}`,
    });
  });

  test("sets base_path when given", () => {
    const { stack } = regional({ basePath: "v1" });
    expect(only(stack, "aws_api_gateway_base_path_mapping").base_path).toBe("v1");
  });

  test("an empty basePath is the root", () => {
    const { stack } = regional({ basePath: "" });
    expect(only(stack, "aws_api_gateway_base_path_mapping")).not.toHaveProperty("base_path");
  });

  test.each([
    ["/v1", /basePath must not start or end with "\/", got "\/v1"; use "v1"/],
    ["orders/v1", /basePath must be a single path segment .* got "orders\/v1"/],
    ["v 1", /basePath may contain only letters, digits and \$-_\.\+!\*'\(\), got "v 1"/],
  ])("rejects basePath %s", (basePath, message) => {
    expect(() => regional({ basePath })).toThrow(message);
  });

  test("rejects a restApiId that is an ARN or a name", () => {
    expect(() =>
      regional({ restApiId: "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5" }),
    ).toThrow(/restApiId must be the API's id, lower-case letters and digits/);
    expect(() => regional({ restApiId: "My API" })).toThrow(/restApiId must be the API's id/);
    expect(() => regional({ restApiId: "" })).toThrow(/restApiId must be a non-empty API id/);
  });

  test("rejects bad stage names, including $default (HTTP APIs only)", () => {
    expect(() => regional({ stageName: "prod stage" })).toThrow(
      /stageName must be 1-128 letters, digits, "-" or "_", got "prod stage"/,
    );
    expect(() => regional({ stageName: "$default" })).toThrow(/stageName must be 1-128/);
    expect(() => regional({ stageName: "x".repeat(129) })).toThrow(/stageName must be 1-128/);
  });

  test("tokens are not checked", () => {
    const t = setup("stack region");
    const apiId = new TerraformVariable(t.stack, "api_id", { type: "string" });
    const stage = new TerraformVariable(t.stack, "stage", { type: "string" });
    new ApiGatewayRestDomain(t.stack, "Api", {
      domainName: "api.example.com",
      certificate: t.certificate,
      restApiId: apiId.stringValue,
      stageName: stage.stringValue,
      basePath: stage.stringValue,
    });
    const mapping = only(t.stack, "aws_api_gateway_base_path_mapping");
    expect(mapping.api_id).toBe("${var.api_id}");
    expect(mapping.base_path).toBe("${var.stage}");
  });
});

describe("ApiGatewayRestDomain: alias records", () => {
  test("REGIONAL: A and AAAA to regional_domain_name / regional_zone_id", () => {
    const { stack } = regional({ hostedZones: [ZONE] });
    const json = synth(stack);
    const domainName = Object.keys(json.resources("aws_api_gateway_domain_name"))[0];
    const aliases = json.list("aws_route53_record").filter((r) => r.alias);
    expect(aliases.map((r) => r.type).sort()).toEqual(["A", "AAAA"]);
    for (const r of aliases) {
      expect(r.name).toBe("api.example.com");
      expect(r.zone_id).toBe(ZONE.zoneId);
      expect(r.alias).toEqual({
        name: `\${aws_api_gateway_domain_name.${domainName}.regional_domain_name}`,
        zone_id: `\${aws_api_gateway_domain_name.${domainName}.regional_zone_id}`,
        evaluate_target_health: false,
      });
    }
  });

  test("EDGE: A and AAAA to cloudfront_domain_name / cloudfront_zone_id", () => {
    const { stack } = edge({ hostedZones: [ZONE] });
    const json = synth(stack);
    const domainName = Object.keys(json.resources("aws_api_gateway_domain_name"))[0];
    const aliases = json.list("aws_route53_record").filter((r) => r.alias);
    expect(aliases).toHaveLength(2);
    for (const r of aliases) {
      expect(r.alias.name).toBe(
        `\${aws_api_gateway_domain_name.${domainName}.cloudfront_domain_name}`,
      );
      expect(r.alias.zone_id).toBe(
        `\${aws_api_gateway_domain_name.${domainName}.cloudfront_zone_id}`,
      );
    }
  });

  test("ipv4 endpoints get only an A record and ip_address_type ipv4", () => {
    const { stack } = regional({ hostedZones: [ZONE], ipAddressType: "ipv4" });
    const aliases = synth(stack)
      .list("aws_route53_record")
      .filter((r) => r.alias);
    expect(aliases.map((r) => r.type)).toEqual(["A"]);
    expect(only(stack, "aws_api_gateway_domain_name").endpoint_configuration.ip_address_type).toBe(
      "ipv4",
    );
  });

  test("no hostedZones, no alias records", () => {
    const { stack, domain } = regional();
    expect(
      synth(stack)
        .list("aws_route53_record")
        .filter((r) => r.alias),
    ).toHaveLength(0);
    expect(domain.aliasRecords).toBeUndefined();
  });

  test("rejects an unknown ipAddressType", () => {
    expect(() => regional({ ipAddressType: "ipv6" })).toThrow(
      /ipAddressType must be one of "ipv4", "dualstack", got "ipv6"/,
    );
  });
});

describe("ApiGatewayRestDomain: region checks", () => {
  test("EDGE with a regional (eu-west-1) certificate names both regions", () => {
    const t = setup("stack region");
    expect(
      () =>
        new ApiGatewayRestDomain(t.stack, "Edge", {
          domainName: "api.example.com",
          certificate: t.certificate,
          endpointType: "EDGE",
          restApiId: "a1b2c3d4e5",
          stageName: "prod",
        }),
    ).toThrow(
      /\[test\/Edge\] certificate: the certificate is in eu-west-1, but an EDGE API Gateway domain \(served by CloudFront\) needs a certificate in us-east-1/,
    );
  });

  test("REGIONAL in eu-west-1 with a us-east-1 certificate names both regions", () => {
    const t = setup("us-east-1 alias");
    expect(
      () =>
        new ApiGatewayRestDomain(t.stack, "Api", {
          domainName: "api.example.com",
          certificate: t.certificate,
          endpointType: "REGIONAL",
          restApiId: "a1b2c3d4e5",
          stageName: "prod",
        }),
    ).toThrow(
      /certificate: the certificate is in us-east-1, but a REGIONAL API Gateway domain in eu-west-1 needs a certificate in eu-west-1/,
    );
  });

  test("REGIONAL through a us-east-1 provider accepts a us-east-1 certificate", () => {
    const t = setup("us-east-1 alias");
    new ApiGatewayRestDomain(t.stack, "Api", {
      domainName: "api.example.com",
      certificate: t.certificate,
      restApiId: "a1b2c3d4e5",
      stageName: "prod",
      provider: t.usEast1,
    });
    expect(only(t.stack, "aws_api_gateway_domain_name").provider).toBe("aws.us_east_1");
    expect(only(t.stack, "aws_api_gateway_base_path_mapping").provider).toBe("aws.us_east_1");
  });

  test("an imported certificate of unknown region (a token ARN) cannot back an EDGE domain", () => {
    const t = testStack("eu-west-1");
    const certificate = Certificate.fromCertificateArn(
      t.stack,
      "Imported",
      new TerraformVariable(t.stack, "certificate_arn", { type: "string" }).stringValue,
    );
    expect(
      () =>
        new ApiGatewayRestDomain(t.stack, "Edge", {
          domainName: "edge.example.com",
          certificate,
          endpointType: "EDGE",
          restApiId: "a1b2c3d4e5",
          stageName: "prod",
        }),
    ).toThrow(/the certificate's region is unknown at synth, but an EDGE .* needs it in us-east-1/);
  });

  test("an imported certificate with region us-east-1 backs an EDGE domain", () => {
    const t = testStack("eu-west-1");
    const arn =
      "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000";
    const certificate = Certificate.fromCertificateArn(t.stack, "Imported", arn, {
      region: "us-east-1",
      domainNames: ["edge.example.com"],
    });
    new ApiGatewayRestDomain(t.stack, "Edge", {
      domainName: "edge.example.com",
      certificate,
      endpointType: "EDGE",
      restApiId: "a1b2c3d4e5",
      stageName: "prod",
    });
    expect(only(t.stack, "aws_api_gateway_domain_name").certificate_arn).toBe(arn);
  });
});

describe("ApiGatewayRestDomain: key algorithm", () => {
  test("EDGE refuses an EC_secp384r1 certificate (CloudFront does not accept it)", () => {
    expect(() => edge({}, { keyAlgorithm: KeyAlgorithm.EC_SECP384R1 })).toThrow(
      /certificate uses key algorithm "EC_secp384r1", which CloudFront \(behind an EDGE domain\) does not accept/,
    );
  });

  test("EDGE accepts EC_prime256v1", () => {
    const { stack } = edge({}, { keyAlgorithm: KeyAlgorithm.EC_PRIME256V1 });
    expect(only(stack, "aws_acm_certificate").key_algorithm).toBe("EC_prime256v1");
  });

  test("REGIONAL accepts EC_secp384r1", () => {
    const { stack } = regional({}, { keyAlgorithm: KeyAlgorithm.EC_SECP384R1 });
    expect(only(stack, "aws_api_gateway_domain_name").regional_certificate_arn).toBeDefined();
  });
});

describe("ApiGatewayRestDomain: names and coverage", () => {
  test("a domain the certificate does not cover is refused", () => {
    expect(() => regional({ domainName: "api.other.com" })).toThrow(
      /domainName has names the certificate does not cover: "api.other.com"/,
    );
  });

  test("a wildcard covers one label only", () => {
    expect(() => regional({ domainName: "a.b.example.com" })).toThrow(
      /does not cover: "a.b.example.com"/,
    );
    const { stack } = regional({ domainName: "v2.example.com" });
    expect(only(stack, "aws_api_gateway_domain_name").domain_name).toBe("v2.example.com");
  });

  test("upper-case and trailing-dot names are refused with the spelling to use", () => {
    expect(() => regional({ domainName: "API.example.com" })).toThrow(
      /domainName must be lower-case; use "api.example.com"/,
    );
    expect(() => regional({ domainName: "api.example.com." })).toThrow(
      /domainName must not end with a dot/,
    );
  });

  test("rejects a missing certificate", () => {
    const t = testStack();
    expect(
      () =>
        new ApiGatewayRestDomain(t.stack, "Api", {
          domainName: "api.example.com",
          certificate: undefined as never,
          restApiId: "a1b2c3d4e5",
          stageName: "prod",
        }),
    ).toThrow(
      /certificate must be a certificate \(an ICertificate such as Certificate or Certificate.fromCertificateArn\), got undefined/,
    );
  });
});

describe("ApiGatewayRestDomain: endpoint type and security policy", () => {
  test("PRIVATE and unknown endpoint types are refused", () => {
    expect(() => regional({ endpointType: "PRIVATE" })).toThrow(
      /endpointType must be one of "REGIONAL", "EDGE", got "PRIVATE"; PRIVATE custom domains are not supported/,
    );
    expect(() => regional({ endpointType: "regional" })).toThrow(
      /endpointType must be one of "REGIONAL", "EDGE", got "regional"/,
    );
  });

  test("TLS_1_0 is refused", () => {
    expect(() => regional({ securityPolicy: "TLS_1_0" })).toThrow(
      /securityPolicy must be "TLS_1_2", got "TLS_1_0": TLS_1_0 still accepts TLS 1.0 and TLS 1.1 clients/,
    );
  });

  test("enhanced SecurityPolicy_* policies are refused, naming endpoint_access_mode and 6.28", () => {
    expect(() => edge({ securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" })).toThrow(
      /securityPolicy must be "TLS_1_2", got "SecurityPolicy_TLS13_1_3_2025_09": enhanced SecurityPolicy_\* policies need endpoint_access_mode .* only in AWS provider 6.28\+; this project pins hashicorp\/aws 5.100.0/,
    );
  });

  test("other values are refused", () => {
    expect(() => regional({ securityPolicy: "tls_1_2" })).toThrow(
      /securityPolicy must be "TLS_1_2", got "tls_1_2"$/,
    );
  });

  test("an explicit TLS_1_2 is kept; a token passes unchecked", () => {
    const { stack } = regional({ securityPolicy: "TLS_1_2" });
    expect(only(stack, "aws_api_gateway_domain_name").security_policy).toBe("TLS_1_2");
    const t = setup("stack region");
    const policy = new TerraformVariable(t.stack, "policy", { type: "string" }).stringValue;
    expect(checkApiGatewaySecurityPolicy(t.stack, "securityPolicy", policy, "REST")).toBe(policy);
    new ApiGatewayRestDomain(t.stack, "Api", {
      domainName: "api.example.com",
      certificate: t.certificate,
      restApiId: "a1b2c3d4e5",
      stageName: "prod",
      securityPolicy: policy,
    });
    expect(only(t.stack, "aws_api_gateway_domain_name").security_policy).toBe("${var.policy}");
  });
});

describe("checkMappingPath", () => {
  test("multi-level paths are allowed only when asked for", () => {
    const { stack } = testStack();
    expect(() => checkMappingPath(stack, "apiMappingKey", "orders/v1", true)).not.toThrow();
    expect(() => checkMappingPath(stack, "basePath", "orders/v1", false)).toThrow(
      /single path segment/,
    );
    expect(() => checkMappingPath(stack, "apiMappingKey", "orders//v1", true)).toThrow(
      /apiMappingKey may contain segments separated by single slashes/,
    );
    expect(() => checkMappingPath(stack, "apiMappingKey", "a".repeat(301), true)).toThrow(
      /at most 300 characters, got 301/,
    );
  });
});
