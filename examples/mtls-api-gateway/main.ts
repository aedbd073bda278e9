// Template: a REGIONAL custom domain for an existing API Gateway HTTP API that requires client
// certificates (mutual TLS). A private CA hierarchy signs the client certificates; its CA
// certificates go into a versioned S3 bundle, the domain's truststore, pinned to the bundle's
// object version. The server certificate is a public, DNS-validated ACM certificate.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { MtlsApiGatewayStack, MtlsApiGatewayStackProps, runApp } from "../../stacks";

export const STACK_NAME = "mtls-api-gateway";

/** The example's inputs: every value to change when you copy this template. */
export const config: MtlsApiGatewayStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  domain: {
    name: "partner_api",
    domainName: "mtls.example.com",
    apiId: "f6g7h8i9j0",
    stage: "$default",
  },
  pki: {
    root: {
      subject: {
        commonName: "Example Corp Partner Root CA G1",
        organization: "Example Corp",
        country: "NL",
      },
      keyAlgorithm: "RSA_4096",
      signingAlgorithm: "SHA512WITHRSA",
    },
    subordinates: [
      {
        name: "Clients",
        parent: "Root",
        subject: {
          commonName: "Example Corp Partner Client CA G1",
          organization: "Example Corp",
          country: "NL",
        },
        keyAlgorithm: "RSA_2048",
      },
    ],
    crl: {
      bucketName: "example-corp-apigw-crl-111111111111",
      accountId: "111111111111",
    },
  },
  truststore: {
    bucketName: "example-corp-apigw-truststore-111111111111",
    key: "api-gateway/truststore.pem",
  },
};

export function mtlsApiGateway(
  scope: Construct,
  props: MtlsApiGatewayStackProps = config,
): MtlsApiGatewayStack {
  return new MtlsApiGatewayStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => mtlsApiGateway(app));
