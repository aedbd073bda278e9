// Template: a custom domain for an existing API Gateway HTTP API (always REGIONAL, TLS_1_2).
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { ApiGatewayHttpStack, ApiGatewayHttpStackProps, runApp } from "../../stacks";

export const STACK_NAME = "api-gateway-http";

/** The example's inputs: every value to change when you copy this template. */
export const config: ApiGatewayHttpStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  domains: [
    {
      name: "http_api",
      domainName: "http.example.com",
      apiId: "f6g7h8i9j0",
      stage: "$default",
      apiMappingKey: "orders/v1",
    },
  ],
};

export function apiGatewayHttp(
  scope: Construct,
  props: ApiGatewayHttpStackProps = config,
): ApiGatewayHttpStack {
  return new ApiGatewayHttpStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => apiGatewayHttp(app));
