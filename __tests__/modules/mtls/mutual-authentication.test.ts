import { AlbHttpsListener } from "../../../modules/attach/alb-https-listener";
import { ApiGatewayHttpDomain } from "../../../modules/attach/api-gateway-http-domain";
import { CaBundle } from "../../../modules/mtls/ca-bundle";
import { TrustStore } from "../../../modules/mtls/trust-store";
import { dnsCertificate, synth, testStack } from "../../support/synth";

const ALB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";

describe("ALB listener mutualAuthentication", () => {
  test("verify with a TrustStore: mode and the trust store's ARN, options left to the API", () => {
    const { stack } = testStack();
    const caBundle = CaBundle.fromObject(stack, "B", { bucketName: "example-ca", key: "ca.pem" });
    const trustStore = new TrustStore(stack, "Clients", { caBundle });
    const listener = new AlbHttpsListener(stack, "Https", {
      loadBalancerArn: ALB,
      targetGroupArn: TG,
      certificate: dnsCertificate(stack, "Site", "example.com"),
      mutualAuthentication: { mode: "verify", trustStore },
    });
    const block = synth(stack).list("aws_lb_listener")[0].mutual_authentication;
    expect(block).toEqual({
      mode: "verify",
      trust_store_arn: expect.stringMatching(
        /^\$\{aws_lb_trust_store\.Clients_TrustStore_[0-9A-F]{8}\.arn\}$/,
      ),
    });
    expect(listener.mutualAuthentication?.mode).toBe("verify");
  });

  test("without the option: no block, as before (existing listeners are unchanged)", () => {
    const { stack } = testStack();
    const listener = new AlbHttpsListener(stack, "Https", {
      loadBalancerArn: ALB,
      targetGroupArn: TG,
      certificate: dnsCertificate(stack, "Site", "example.com"),
    });
    expect(synth(stack).list("aws_lb_listener")[0].mutual_authentication).toBeUndefined();
    expect(listener.mutualAuthentication).toBeUndefined();
  });
});

describe("API Gateway HTTP domain mutualTls", () => {
  test("a CaBundle gives the s3:// URI and the version; no ownership certificate for a public server certificate", () => {
    const { stack } = testStack();
    const truststore = CaBundle.fromObject(stack, "B", {
      bucketName: "example-ca",
      key: "mtls/ca.pem",
      versionId: "v9",
    });
    new ApiGatewayHttpDomain(stack, "Http", {
      domainName: "api.example.com",
      certificate: dnsCertificate(stack, "Site", "api.example.com"),
      apiId: "f6g7h8i9j0",
      stage: "$default",
      mutualTls: { truststore },
    });
    const domain = synth(stack).list("aws_apigatewayv2_domain_name")[0];
    expect(domain.mutual_tls_authentication).toEqual({
      truststore_uri: "s3://example-ca/mtls/ca.pem",
      truststore_version: "v9",
    });
    expect(domain.domain_name_configuration.ownership_verification_certificate_arn).toBeUndefined();
  });
});
