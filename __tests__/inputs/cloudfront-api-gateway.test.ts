// Inputs a new user might give CloudFront and API Gateway, through the public API only. Bad
// inputs must fail at synth with a ValidationError naming the property and the value; valid but
// unusual inputs must synthesize with validations on (and are planned in
// __tests__/plan/cloudfront-api-gateway-limits.test.ts).
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { IConstruct } from "constructs";
import {
  ApiGatewayHttpDomain,
  ApiGatewayHttpDomainProps,
} from "../../modules/attach/api-gateway-http-domain";
import {
  ApiGatewayRestDomain,
  ApiGatewayRestDomainProps,
} from "../../modules/attach/api-gateway-rest-domain";
import { cloudFrontViewerCertificate } from "../../modules/attach/cloudfront-certificate";
import {
  CloudFrontDistribution,
  CloudFrontDistributionProps,
} from "../../modules/attach/cloudfront-distribution";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../../modules/certificate/key-algorithm";
import { ApiGatewayHttpStack, ApiGatewayHttpStackProps } from "../../stacks/api-gateway-http-stack";
import { ApiGatewayRestStack, ApiGatewayRestStackProps } from "../../stacks/api-gateway-rest-stack";
import { CloudFrontStack, CloudFrontStackProps } from "../../stacks/cloudfront-stack";
import { aliasProvider, synth, testStack } from "../support/synth";
import { expectValidationError } from "../support/inputs";

const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };
const TOKEN = "<token: unknown at synth>";
const tokenString = () => Token.asString(Fn.lower("X"));

/** A eu-west-1 stack with a us-east-1 alias and certificates for example.com and *.example.com. */
function fixture(keyAlgorithm?: KeyAlgorithm) {
  const { stack } = testStack("eu-west-1");
  const usEast1 = aliasProvider(stack, "us_east_1", "us-east-1");
  const make = (id: string, provider?: AwsProvider) =>
    new Certificate(stack, id, {
      domainName: "example.com",
      subjectAlternativeNames: ["*.example.com"],
      keyAlgorithm,
      validation: CertificateValidation.fromDns([ZONE]),
      provider,
    });
  return { stack, usEast1, global: make("Global", usEast1), regional: make("Regional") };
}

function cdn(extra: Partial<CloudFrontDistributionProps> = {}, key?: KeyAlgorithm) {
  const f = fixture(key);
  return new CloudFrontDistribution(f.stack, "Cdn", {
    certificate: f.global,
    aliases: ["www.example.com"],
    originDomainName: "origin.example.com",
    ...extra,
  });
}

function rest(extra: Partial<ApiGatewayRestDomainProps> = {}, key?: KeyAlgorithm) {
  const f = fixture(key);
  const edge = extra.endpointType === "EDGE";
  return new ApiGatewayRestDomain(f.stack, "Rest", {
    domainName: "api.example.com",
    certificate: edge ? f.global : f.regional,
    restApiId: "a1b2c3d4e5",
    stageName: "prod",
    ...extra,
  });
}

function http(extra: Partial<ApiGatewayHttpDomainProps> = {}) {
  const f = fixture();
  return new ApiGatewayHttpDomain(f.stack, "Http", {
    domainName: "api.example.com",
    certificate: f.regional,
    apiId: "f6g7h8i9j0",
    stage: "$default",
    ...extra,
  });
}

const cdnStack = (extra: Partial<CloudFrontStackProps> = {}) =>
  new CloudFrontStack(Testing.app(), "cf", {
    region: "eu-west-1",
    hostedZones: [ZONE],
    aliases: ["www.example.com"],
    originDomainName: "origin.example.com",
    ...extra,
  });
const restEntry = {
  name: "api",
  domainName: "api.example.com",
  endpointType: "REGIONAL" as const,
  restApiId: "a1b2c3d4e5",
  stageName: "prod",
};
const restStack = (domains: unknown, extra: Partial<ApiGatewayRestStackProps> = {}) =>
  new ApiGatewayRestStack(Testing.app(), "rest", {
    region: "eu-west-1",
    hostedZones: [ZONE],
    domains: domains as ApiGatewayRestStackProps["domains"],
    ...extra,
  });
const httpEntry = {
  name: "api",
  domainName: "api.example.com",
  apiId: "f6g7h8i9j0",
  stage: "$default",
};
const httpStack = (domains: unknown) =>
  new ApiGatewayHttpStack(Testing.app(), "http", {
    region: "eu-west-1",
    hostedZones: [ZONE],
    domains: domains as ApiGatewayHttpStackProps["domains"],
  });

const warningsOf = (c: IConstruct) =>
  c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));

/** [what, build the bad input, strings the message must contain: the property and the value]. */
const BAD: [string, () => unknown, string[]][] = [
  // CloudFront: the viewer certificate and aliases
  ["CloudFront: no aliases", () => cdn({ aliases: [] }), ["aliases", "got []"]],
  [
    "CloudFront: an upper-case alias",
    () => cdn({ aliases: ["WWW.example.com"] }),
    ["aliases[0]", '"WWW.example.com"'],
  ],
  [
    "CloudFront: an alias with a trailing dot",
    () => cdn({ aliases: ["www.example.com."] }),
    ["aliases[0]", '"www.example.com."'],
  ],
  [
    "CloudFront: an empty alias",
    () => cdn({ aliases: ["www.example.com", ""] }),
    ["aliases[1]", '""'],
  ],
  [
    "CloudFront: a repeated alias",
    () => cdn({ aliases: ["www.example.com", "www.example.com"] }),
    ["aliases", '"www.example.com"'],
  ],
  [
    "CloudFront: an alias the certificate does not cover",
    () => cdn({ aliases: ["a.b.example.com"] }),
    ["aliases", '"a.b.example.com"'],
  ],
  [
    "CloudFront: a certificate outside us-east-1",
    () => {
      const f = fixture();
      return new CloudFrontDistribution(f.stack, "Cdn", {
        certificate: f.regional,
        aliases: ["www.example.com"],
        originDomainName: "o.example.com",
      });
    },
    ["certificate", "eu-west-1"],
  ],
  [
    "CloudFront: a P-384 certificate",
    () => cdn({}, KeyAlgorithm.EC_SECP384R1),
    ["certificate", '"EC_secp384r1"'],
  ],
  [
    "CloudFront: no certificate",
    () => cdn({ certificate: undefined as never }),
    ["certificate", "got undefined"],
  ],
  [
    "CloudFront: a weak policy",
    () => cdn({ minimumProtocolVersion: "TLSv1_2016" }),
    ["minimumProtocolVersion", '"TLSv1_2016"'],
  ],
  [
    "CloudFront: TLSv1.3_2025, which the pinned provider rejects at plan",
    () => cdn({ minimumProtocolVersion: "TLSv1.3_2025" }),
    ["minimumProtocolVersion", '"TLSv1.3_2025"', "5.100.0"],
  ],
  [
    "CloudFront: a policy of no CloudFront family",
    () => cdn({ minimumProtocolVersion: "TLS_1_2" }),
    ["minimumProtocolVersion", '"TLS_1_2"'],
  ],
  // CloudFront: the distribution
  [
    "CloudFront: an origin URL",
    () => cdn({ originDomainName: "https://origin.example.com/" }),
    ["originDomainName", '"https://origin.example.com/"'],
  ],
  [
    "CloudFront: an origin IP address",
    () => cdn({ originDomainName: "203.0.113.10" }),
    ["originDomainName", '"203.0.113.10"'],
  ],
  [
    "CloudFront: allowed methods CloudFront has no set for",
    () => cdn({ allowedMethods: ["GET", "HEAD", "POST"] }),
    ["allowedMethods", '["GET","HEAD","POST"]'],
  ],
  [
    "CloudFront: lower-case methods",
    () => cdn({ allowedMethods: ["get", "head"] }),
    ["allowedMethods", '["get","head"]'],
  ],
  [
    "CloudFront: caching POST",
    () =>
      cdn({
        allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
        cachedMethods: ["GET", "HEAD", "POST"],
      }),
    ["cachedMethods", '["GET","HEAD","POST"]'],
  ],
  [
    "CloudFront: caching OPTIONS that is not forwarded",
    () => cdn({ cachedMethods: ["GET", "HEAD", "OPTIONS"] }),
    ["cachedMethods", '["GET","HEAD","OPTIONS"]', "allowedMethods"],
  ],
  [
    "CloudFront: allowed methods not a list",
    () => cdn({ allowedMethods: "GET,HEAD" as never }),
    ["allowedMethods", '"GET,HEAD"'],
  ],
  [
    "CloudFront: origin HTTP port 22",
    () => cdn({ originHttpPort: 22 }),
    ["originHttpPort", "got 22"],
  ],
  [
    "CloudFront: origin HTTPS port 65536",
    () => cdn({ originHttpsPort: 65536 }),
    ["originHttpsPort", "got 65536"],
  ],
  [
    "CloudFront: a port given as a string",
    () => cdn({ originHttpsPort: "8443" as never }),
    ["originHttpsPort", '"8443"'],
  ],
  [
    "CloudFront: a price class of another spelling",
    () => cdn({ priceClass: "PriceClass_300" as never }),
    ["priceClass", '"PriceClass_300"'],
  ],
  [
    "CloudFront: a cache policy name, not id",
    () => cdn({ cachePolicyId: "Managed-CachingOptimized" }),
    ["cachePolicyId", '"Managed-CachingOptimized"'],
  ],
  [
    "CloudFront: a 129-character comment",
    () => cdn({ comment: "c".repeat(129) }),
    ["comment", "got 129"],
  ],
  // CloudFront stack: errors name aliases, not the certificate's domainName
  [
    "CloudFront stack: an upper-case alias",
    () => cdnStack({ aliases: ["WWW.example.com"] }),
    ["[cf] aliases[0]", '"WWW.example.com"'],
  ],
  [
    "CloudFront stack: no aliases at all",
    () => cdnStack({ aliases: undefined as never }),
    ["aliases", "got undefined"],
  ],
  [
    "CloudFront stack: every alias longer than ACM's 64-character primary name",
    () => cdnStack({ aliases: [`${"a".repeat(60)}.example.com`] }),
    ["aliases", "64"],
  ],
  // API Gateway REST
  [
    "REST: an unknown endpoint type",
    () => rest({ endpointType: "GLOBAL" }),
    ["endpointType", '"GLOBAL"'],
  ],
  ["REST: PRIVATE", () => rest({ endpointType: "PRIVATE" }), ["endpointType", '"PRIVATE"']],
  [
    "REST: an endpoint type unknown at synth",
    () => rest({ endpointType: tokenString() }),
    ["endpointType", TOKEN],
  ],
  [
    "REST: EDGE with a P-384 certificate",
    () => rest({ endpointType: "EDGE" }, KeyAlgorithm.EC_SECP384R1),
    ["certificate", '"EC_secp384r1"'],
  ],
  ["REST: TLS_1_0", () => rest({ securityPolicy: "TLS_1_0" }), ["securityPolicy", '"TLS_1_0"']],
  [
    "REST: an enhanced policy",
    () => rest({ securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" }),
    ["securityPolicy", '"SecurityPolicy_TLS13_1_3_2025_09"', "endpoint_access_mode"],
  ],
  [
    "REST: the API's ARN as its id",
    () => rest({ restApiId: "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5" }),
    [
      "restApiId",
      '"arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5"',
      'names the API "a1b2c3d4e5"',
    ],
  ],
  [
    "REST: the API's name as its id",
    () => rest({ restApiId: "My API" }),
    ["restApiId", '"My API"'],
  ],
  [
    "REST: a stage name with a space",
    () => rest({ stageName: "prod v2" }),
    ["stageName", '"prod v2"'],
  ],
  [
    "REST: $default stage (HTTP APIs only)",
    () => rest({ stageName: "$default" }),
    ["stageName", '"$default"'],
  ],
  [
    "REST: a two-level base path",
    () => rest({ basePath: "orders/v1" }),
    ["basePath", '"orders/v1"'],
  ],
  [
    "REST: a base path with a leading slash",
    () => rest({ basePath: "/v1" }),
    ["basePath", '"/v1"'],
  ],
  [
    "REST: an ipAddressType of EC2's spelling",
    () => rest({ ipAddressType: "ipv6" }),
    ["ipAddressType", '"ipv6"'],
  ],
  [
    "REST: a domain name with a double wildcard",
    () => rest({ domainName: "*.*.example.com" }),
    ["domainName", '"*.*.example.com"'],
  ],
  // API Gateway HTTP
  [
    "HTTP: an enhanced policy",
    () => http({ securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06" }),
    ["securityPolicy", '"SecurityPolicy_TLS13_1_2_2021_06"'],
  ],
  ["HTTP: an empty API id", () => http({ apiId: "" }), ["apiId", '""']],
  [
    "HTTP: an execute-api ARN as API id",
    () => http({ apiId: "arn:aws:execute-api:eu-west-1:111111111111:f6g7h8i9j0/*" }),
    ["apiId", "execute-api", 'names the API "f6g7h8i9j0"'],
  ],
  [
    "HTTP: a mapping key with an empty segment",
    () => http({ apiMappingKey: "orders//v1" }),
    ["apiMappingKey", '"orders//v1"'],
  ],
  [
    "HTTP: a domain not covered by the certificate",
    () => http({ domainName: "a.b.example.com" }),
    ["domainName", '"a.b.example.com"'],
  ],
  [
    "HTTP: an alias zone that does not hold the name",
    () => http({ hostedZones: [{ zoneId: "Z2", zoneName: "example.org" }] }),
    ["domainName", '"api.example.com"'],
  ],
  // Two domains of one name
  [
    "REST and HTTP domains of the same name in one region",
    () => {
      const f = fixture();
      new ApiGatewayRestDomain(f.stack, "Rest", {
        domainName: "api.example.com",
        certificate: f.regional,
        restApiId: "a1",
        stageName: "prod",
      });
      return new ApiGatewayHttpDomain(f.stack, "Http", {
        domainName: "api.example.com",
        certificate: f.regional,
        apiId: "b2",
        stage: "$default",
      });
    },
    ["domainName", '"api.example.com"', "test/Rest"],
  ],
  [
    "two EDGE domains of the same name in different regions (CloudFront names are global)",
    () => {
      const f = fixture();
      const other = aliasProvider(f.stack, "eu_central_1", "eu-central-1");
      new ApiGatewayRestDomain(f.stack, "A", {
        domainName: "api.example.com",
        certificate: f.global,
        endpointType: "EDGE",
        restApiId: "a1",
        stageName: "prod",
      });
      return new ApiGatewayRestDomain(f.stack, "B", {
        domainName: "api.example.com",
        certificate: f.global,
        endpointType: "EDGE",
        restApiId: "a1",
        stageName: "prod",
        provider: other,
      });
    },
    ["domainName", '"api.example.com"', "EDGE"],
  ],
  // Stacks: names
  ["REST stack: no domains", () => restStack([]), ["domains", "got []"]],
  ["REST stack: domains missing", () => restStack(undefined), ["domains", "got undefined"]],
  [
    "REST stack: names that share a construct id",
    () =>
      restStack([
        { ...restEntry, name: "a_b" },
        { ...restEntry, name: "a__b", domainName: "b.example.com" },
      ]),
    ['"a_b"', '"a__b"', '"AB"'],
  ],
  [
    "HTTP stack: names that share an output",
    () =>
      httpStack([
        { ...httpEntry, name: "a" },
        { ...httpEntry, name: "a_target", domainName: "b.example.com" },
      ]),
    ['"a"', '"a_target"', '"a_target_domain_name"'],
  ],
  [
    "HTTP stack: a name taking the validation registry's id",
    () => httpStack([{ ...httpEntry, name: "acm_validation_records" }]),
    ['"acm_validation_records"', '"AcmValidationRecords"'],
  ],
  [
    "HTTP stack: two entries of one domain name",
    () => httpStack([httpEntry, { ...httpEntry, name: "api_two" }]),
    ["domainName", '"api.example.com"'],
  ],
];

describe("CloudFront and API Gateway inputs: bad ones fail at synth with a ValidationError", () => {
  test("the table holds at least 25 bad inputs", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD)("%s", (_what, build, parts) => {
    expectValidationError(build, parts);
  });
});

describe("CloudFront and API Gateway inputs: valid but unusual ones synthesize", () => {
  test("*.example.com and wildcard.example.com in one distribution each get alias records", () => {
    const d = cdn({ aliases: ["*.example.com", "wildcard.example.com"], hostedZones: [ZONE] });
    const records = synth(TerraformStack.of(d))
      .list("aws_route53_record")
      .filter((r) => r.alias)
      .map((r) => `${r.name}/${r.type}`)
      .sort();
    expect(records).toEqual([
      "*.example.com/A",
      "*.example.com/AAAA",
      "wildcard.example.com/A",
      "wildcard.example.com/AAAA",
    ]);
    // A name without a wildcard keeps its id; the wildcard's id cannot collide with it.
    expect(d.aliasRecords?.node.tryFindChild("wildcard_example_com_A")).toBeDefined();
    expect(d.aliasRecords?.node.tryFindChild("wildcard__example_com_A")).toBeDefined();
  });

  test("a CloudFront policy newer than the list, named like the family, passes with a warning", () => {
    const d = cdn({ minimumProtocolVersion: "TLSv1.3_2027" });
    const dist = synth(TerraformStack.of(d)).list("aws_cloudfront_distribution")[0];
    expect(dist.viewer_certificate.minimum_protocol_version).toBe("TLSv1.3_2027");
    expect(warningsOf(d)).toEqual([
      expect.stringMatching(
        /minimumProtocolVersion "TLSv1.3_2027" is not a CloudFront security policy this library knows/,
      ),
    ]);
  });

  test("a known CloudFront policy gives no warning", () => {
    expect(warningsOf(cdn({ minimumProtocolVersion: "TLSv1.2_2019" }))).toEqual([]);
  });

  test("an API Gateway policy named like TLS_1_2 but newer passes with a warning", () => {
    const r = rest({ securityPolicy: "TLS_1_3" });
    expect(synth(TerraformStack.of(r)).list("aws_api_gateway_domain_name")[0].security_policy).toBe(
      "TLS_1_3",
    );
    expect(warningsOf(r)).toEqual([
      expect.stringMatching(/securityPolicy "TLS_1_3" is not a security policy this library knows/),
    ]);
  });

  test("a certificate of unknown key reaches CloudFront and EDGE unchecked, never assumed RSA", () => {
    const { stack } = testStack("eu-west-1");
    const imported = Certificate.fromCertificateArn(
      stack,
      "Imported",
      "arn:aws:acm:us-east-1:111111111111:certificate/12345678-1234-1234-1234-123456789012",
      { region: "us-east-1", domainNames: ["*.example.com"] },
    );
    expect(imported.keyAlgorithm).toBeUndefined();
    const viewer = cloudFrontViewerCertificate(stack, {
      certificate: imported,
      aliases: ["www.example.com"],
    });
    expect(viewer.viewerCertificate.acmCertificateArn).toBe(imported.certificateArn);
    new ApiGatewayRestDomain(stack, "Edge", {
      domainName: "api.example.com",
      certificate: imported,
      endpointType: "EDGE",
      restApiId: "a1b2c3d4e5",
      stageName: "prod",
    });
    expect(synth(stack).list("aws_api_gateway_domain_name")[0].certificate_arn).toBe(
      "arn:aws:acm:us-east-1:111111111111:certificate/12345678-1234-1234-1234-123456789012",
    );
  });

  test("tokens in aliases, policy, ports, methods and ids reach the JSON untouched", () => {
    const f = fixture();
    const alias = new TerraformVariable(f.stack, "alias", { type: "string" });
    const policy = new TerraformVariable(f.stack, "policy", { type: "string" });
    const port = new TerraformVariable(f.stack, "port", { type: "number" });
    const methods = new TerraformVariable(f.stack, "methods", { type: "list(string)" });
    new CloudFrontDistribution(f.stack, "Cdn", {
      certificate: f.global,
      aliases: ["www.example.com", alias.stringValue],
      originDomainName: "origin.example.com",
      minimumProtocolVersion: policy.stringValue,
      originHttpsPort: port.numberValue,
      allowedMethods: methods.listValue,
    });
    const api = new TerraformVariable(f.stack, "api", { type: "string" });
    new ApiGatewayHttpDomain(f.stack, "Http", {
      domainName: "api.example.com",
      certificate: f.regional,
      apiId: api.stringValue,
      stage: api.stringValue,
      securityPolicy: policy.stringValue,
    });
    const out = synth(f.stack);
    const dist = out.list("aws_cloudfront_distribution")[0];
    expect(dist.aliases).toEqual(["www.example.com", "${var.alias}"]);
    expect(dist.viewer_certificate.minimum_protocol_version).toBe("${var.policy}");
    expect(dist.origin[0].custom_origin_config.https_port).toBe("${var.port}");
    expect(dist.default_cache_behavior.allowed_methods).toBe("${var.methods}");
    const domain = out.list("aws_apigatewayv2_domain_name")[0];
    expect(domain.domain_name_configuration.security_policy).toBe("${var.policy}");
    expect(out.list("aws_apigatewayv2_api_mapping")[0]).toMatchObject({
      api_id: "${var.api}",
      stage: "${var.api}",
    });
  });

  test("one domain name in two regions (REGIONAL) is fine", () => {
    const f = fixture();
    const regionalEast = new Certificate(f.stack, "East", {
      domainName: "api.example.com",
      validation: CertificateValidation.fromDns([ZONE]),
      provider: f.usEast1,
    });
    new ApiGatewayHttpDomain(f.stack, "West", {
      domainName: "api.example.com",
      certificate: f.regional,
      apiId: "a1",
      stage: "$default",
    });
    new ApiGatewayHttpDomain(f.stack, "EastDomain", {
      domainName: "api.example.com",
      certificate: regionalEast,
      apiId: "b2",
      stage: "$default",
      provider: f.usEast1,
    });
    expect(synth(f.stack).list("aws_apigatewayv2_domain_name")).toHaveLength(2);
  });

  test("CloudFront stack: a first alias over 64 characters is a SAN, the next alias the primary name", () => {
    const long = `${"a".repeat(60)}.example.com`;
    const out = synth(cdnStack({ aliases: [long, "www.example.com"] }));
    const cert = out.list("aws_acm_certificate")[0];
    expect(cert.domain_name).toBe("www.example.com");
    expect(cert.subject_alternative_names).toEqual([long]);
  });

  test("API Gateway stacks: names that differ only by underscores elsewhere keep their own outputs", () => {
    const out = synth(
      restStack([
        { ...restEntry, name: "api_v1" },
        { ...restEntry, name: "apiv1", domainName: "b.example.com" },
      ]),
    );
    expect(Object.keys(out.outputs())).toEqual(
      expect.arrayContaining(["api_v1_domain_name", "apiv1_domain_name"]),
    );
  });
});
