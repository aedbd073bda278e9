import { Testing } from "cdktf";
import { ApiGatewayHttpStack } from "../../stacks/api-gateway-http-stack";
import { ApiGatewayRestStack } from "../../stacks/api-gateway-rest-stack";
import { synth } from "../support/synth";

const zones = [{ zoneId: "Z1", zoneName: "example.com" }];
const rest = (domains: any[], extra: object = {}) =>
  new ApiGatewayRestStack(Testing.app(), "rest", {
    region: "eu-west-1",
    hostedZones: zones,
    domains,
    ...extra,
  });
const http = (domains: any[]) =>
  new ApiGatewayHttpStack(Testing.app(), "http", {
    region: "eu-west-1",
    hostedZones: zones,
    domains,
  });
const restDomain = {
  name: "api",
  domainName: "api.example.com",
  endpointType: "REGIONAL",
  restApiId: "a1b2c3d4e5",
  stageName: "prod",
};
const httpDomain = {
  name: "api",
  domainName: "api.example.com",
  apiId: "a1b2c3d4e5",
  stage: "$default",
};

describe("ApiGatewayRestStack", () => {
  test("an EDGE domain turns the us-east-1 provider on and requests its certificate there", () => {
    const out = synth(
      rest([{ ...restDomain, name: "edge", domainName: "edge.example.com", endpointType: "EDGE" }]),
    );
    expect(out.json.provider.aws).toContainEqual({ alias: "us_east_1", region: "us-east-1" });
    expect(out.list("aws_acm_certificate")[0].provider).toBe("aws.us_east_1");
  });

  test("a REGIONAL-only stack has no us-east-1 provider", () => {
    expect(synth(rest([restDomain])).json.provider.aws).toHaveLength(1);
  });

  test("errors: no domains, a malformed name, a repeated name", () => {
    expect(() => rest([])).toThrow(/\[rest\] domains must list at least one domain, got \[\]/);
    expect(() => rest([{ ...restDomain, name: "Api-1" }])).toThrow(
      /domains\[0\]\.name must be 1-48 lower-case letters.*got "Api-1"/,
    );
    expect(() => rest([restDomain, { ...restDomain, domainName: "b.example.com" }])).toThrow(
      /domains\[\]\.name "api" is given twice; names must be unique/,
    );
  });

  test("EDGE with the us-east-1 provider turned off fails with the region error", () => {
    expect(() =>
      rest([{ ...restDomain, endpointType: "EDGE" }], { usEast1Provider: false }),
    ).toThrow(/the certificate is in eu-west-1, but .* needs a certificate in us-east-1/);
  });
});

describe("ApiGatewayHttpStack", () => {
  test("one regional domain with its certificate in the stack's region", () => {
    const out = synth(http([httpDomain]));
    expect(out.list("aws_acm_certificate")[0].provider).toBeUndefined();
    expect(out.list("aws_apigatewayv2_domain_name")).toHaveLength(1);
  });

  test("errors: no domains, a malformed name, a repeated name", () => {
    expect(() => http([])).toThrow(/\[http\] domains must list at least one domain, got \[\]/);
    expect(() => http([{ ...httpDomain, name: "1api" }])).toThrow(
      /domains\[0\]\.name must be 1-48/,
    );
    expect(() => http([httpDomain, { ...httpDomain, domainName: "b.example.com" }])).toThrow(
      /\[http\] domains\[\]\.name "api" is given twice/,
    );
  });
});
