/**
 * The legacy-TLS opt-out: the constructs still refuse weak policies by default; allowLegacyTls
 * on a parent scope turns the refusal into a synth warning and a visible suppression of the
 * matching rule, with its reason, in the JSON that `npm run check` and TlsPolicyChecks read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AlbHttpsListener } from "../../../modules/attach/alb-https-listener";
import { ApiGatewayHttpDomain } from "../../../modules/attach/api-gateway-http-domain";
import { ApiGatewayRestDomain } from "../../../modules/attach/api-gateway-rest-domain";
import { checkMinimumProtocolVersion } from "../../../modules/attach/cloudfront-certificate";
import { Certificate } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { allowLegacyTls } from "../../../modules/policy/legacy-tls";
import { checkConfig } from "../../../modules/policy/rule-pack";
import { parseTerraformConfig } from "../../../modules/policy/terraform-config";
import { TlsPolicyChecks } from "../../../modules/policy/tls-policy-aspect";

const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };
const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
const REASON = "payment terminals on TLS 1.0 until 2027-03";

function stackWithCertificate(id = "legacy") {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const certificate = new Certificate(stack, "Cert", {
    domainName: "api.example.com",
    validation: CertificateValidation.fromDns([ZONE]),
  });
  return { app, stack, certificate };
}

function annotations(scope: IConstruct, level: string): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === level).map((m) => String(m.data)));
}

/** Synthesizes the app for real and parses one stack's cdk.tf.json. */
function synthesized(app: ReturnType<typeof Testing.app>, stack: string) {
  app.synth();
  const file = path.join(app.outdir, "stacks", stack, "cdk.tf.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.rmSync(app.outdir, { recursive: true, force: true });
  return json;
}

describe("ELB listener policy (TLS004)", () => {
  const weak = (stack: Construct, certificate: Certificate) =>
    new AlbHttpsListener(stack, "Https", {
      loadBalancerArn: LB,
      targetGroupArn: TG,
      certificate,
      sslPolicy: "ELBSecurityPolicy-2016-08",
    });

  test("without an opt-out: still refused, and the message names the way out", () => {
    const { stack, certificate } = stackWithCertificate();
    expect(() => weak(stack, certificate)).toThrow(
      /sslPolicy must not allow TLS 1\.0 or TLS 1\.1, got "ELBSecurityPolicy-2016-08".*call allowLegacyTls\(<a parent scope>, "TLS004", "<reason>"\)/,
    );
  });

  test("with allowLegacyTls on the stack: a warning, the weak policy, and TLS004 suppressed with the reason", () => {
    const { app, stack, certificate } = stackWithCertificate();
    allowLegacyTls(stack, "TLS004", REASON);
    const listener = weak(stack, certificate);
    Aspects.of(stack).add(new TlsPolicyChecks());
    const json = synthesized(app, "legacy");
    const resource = Object.values(json.resource.aws_lb_listener as Record<string, any>).find(
      (l) => l.protocol === "HTTPS",
    );
    expect(resource.ssl_policy).toBe("ELBSecurityPolicy-2016-08");
    expect(resource["//"].tls_policy_suppressions).toEqual([{ id: "TLS004", reason: REASON }]);
    expect(annotations(listener, "@cdktf/warn")).toContainEqual(
      `sslPolicy "ELBSecurityPolicy-2016-08" allows TLS 1.0 or TLS 1.1; accepted by allowLegacyTls (TLS004): ${REASON}`,
    );
    // The Aspect shows it as info, not an error (synth passed); the check shows it suppressed.
    expect(annotations(stack, "@cdktf/error")).toEqual([]);
    expect(annotations(stack, "@cdktf/info")).toEqual([
      expect.stringMatching(/^\[TLS004\] .*suppressed: payment terminals/),
    ]);
    const findings = checkConfig(parseTerraformConfig(json, "legacy"));
    expect(
      findings.filter((f) => f.ruleId === "TLS004").map((f) => [f.level, f.suppressed]),
    ).toEqual([["error", REASON]]);
  });

  test("an opt-out on a sibling scope does not cover the listener", () => {
    const { stack, certificate } = stackWithCertificate();
    allowLegacyTls(new Construct(stack, "Other"), "TLS004", REASON);
    expect(() => weak(stack, certificate)).toThrow(/sslPolicy must not allow TLS 1\.0/);
  });

  test("an opt-out of another rule does not cover it", () => {
    const { stack, certificate } = stackWithCertificate();
    allowLegacyTls(stack, "TLS006", REASON);
    expect(() => weak(stack, certificate)).toThrow(/sslPolicy must not allow TLS 1\.0/);
  });
});

describe("API Gateway security policy (TLS006)", () => {
  test("REST TLS_1_0: refused by default, accepted with the opt-out and suppressed on the domain", () => {
    const make = (stack: TerraformStack, certificate: Certificate) =>
      new ApiGatewayRestDomain(stack, "Api", {
        domainName: "api.example.com",
        certificate,
        endpointType: "REGIONAL",
        restApiId: "a1b2c3d4e5",
        stageName: "prod",
        securityPolicy: "TLS_1_0",
      });
    const strict = stackWithCertificate();
    expect(() => make(strict.stack, strict.certificate)).toThrow(
      /got "TLS_1_0": TLS_1_0 still accepts TLS 1\.0 and TLS 1\.1 clients; to serve legacy clients .*"TLS006"/,
    );
    const { app, stack, certificate } = stackWithCertificate();
    allowLegacyTls(stack, "TLS006", REASON);
    make(stack, certificate);
    const json = synthesized(app, "legacy");
    const [domain] = Object.values(
      json.resource.aws_api_gateway_domain_name as Record<string, any>,
    );
    expect(domain.security_policy).toBe("TLS_1_0");
    expect(domain["//"].tls_policy_suppressions).toEqual([{ id: "TLS006", reason: REASON }]);
  });

  test("HTTP TLS_1_0 stays a hard error even with the opt-out: the provider accepts only TLS_1_2", () => {
    const { stack, certificate } = stackWithCertificate();
    allowLegacyTls(stack, "TLS006", REASON);
    expect(
      () =>
        new ApiGatewayHttpDomain(stack, "Http", {
          domainName: "api.example.com",
          certificate,
          apiId: "f6g7h8i9j0",
          stage: "$default",
          securityPolicy: "TLS_1_0",
        }),
    ).toThrow(/got "TLS_1_0": TLS_1_0 still accepts TLS 1\.0 and TLS 1\.1 clients$/);
  });
});

describe("CloudFront minimum protocol version (TLS005)", () => {
  test("TLSv1_2016: refused by default, returned with the opt-out and a warning", () => {
    const { stack } = stackWithCertificate();
    const strict = new Construct(stack, "Strict");
    expect(() => checkMinimumProtocolVersion(strict, "TLSv1_2016")).toThrow(
      /minimumProtocolVersion must require TLS 1\.2 or newer .*"TLS005"/,
    );
    const legacy = new Construct(stack, "Legacy");
    allowLegacyTls(legacy, "TLS005", REASON);
    const inner = new Construct(legacy, "Distribution");
    expect(checkMinimumProtocolVersion(inner, "TLSv1_2016")).toBe("TLSv1_2016");
    expect(annotations(inner, "@cdktf/warn")).toEqual([
      `minimumProtocolVersion "TLSv1_2016" allows TLS 1.0 or TLS 1.1; accepted by allowLegacyTls (TLS005): ${REASON}`,
    ]);
  });
});

test("allowLegacyTls needs a reason and a rule it covers", () => {
  const { stack } = stackWithCertificate();
  expect(() => allowLegacyTls(stack, "TLS004", " ")).toThrow(
    /\[legacy\] reason must say why weak TLS is allowed here .*got " "/,
  );
  expect(() => allowLegacyTls(stack, "TLS003" as never, REASON)).toThrow(
    /rule must be one of "TLS004", "TLS005", "TLS006", got "TLS003"/,
  );
});
