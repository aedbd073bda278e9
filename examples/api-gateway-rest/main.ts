// Template: custom domains for an existing API Gateway REST API, one REGIONAL (certificate in the
// stack's region) and one EDGE (certificate in us-east-1, served by CloudFront).
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { ApiGatewayRestStack, ApiGatewayRestStackProps, runApp } from "../../stacks";

export const STACK_NAME = "api-gateway-rest";

/** The example's inputs: every value to change when you copy this template. */
export const config: ApiGatewayRestStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  domains: [
    {
      name: "regional",
      domainName: "api.example.com",
      endpointType: "REGIONAL",
      restApiId: "a1b2c3d4e5",
      stageName: "prod",
    },
    {
      name: "edge",
      domainName: "edge.example.com",
      endpointType: "EDGE",
      restApiId: "a1b2c3d4e5",
      stageName: "prod",
      basePath: "v1",
    },
  ],
};

export function apiGatewayRest(
  scope: Construct,
  props: ApiGatewayRestStackProps = config,
): ApiGatewayRestStack {
  return new ApiGatewayRestStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => apiGatewayRest(app));
