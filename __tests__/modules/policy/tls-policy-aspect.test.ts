import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { examples } from "../../../examples";
import { suppressTlsRule } from "../../../modules/policy/suppressions";
import { TlsPolicyChecks } from "../../../modules/policy/tls-policy-aspect";

/** Every annotation under `scope`, as [path, level, text]. */
function annotations(scope: IConstruct): [string, string, string][] {
  return scope.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type.startsWith("@cdktf/"))
        .map((m): [string, string, string] => [c.node.path, m.type, String(m.data)]),
    );
}

function badStack(suppress?: string) {
  const app = Testing.app();
  const stack = new TerraformStack(app, "s");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const cert = new AcmCertificate(stack, "Cert", {
    domainName: "example.com",
    validationMethod: "DNS",
    lifecycle: { createBeforeDestroy: true },
  });
  const listener = new LbListener(stack, "Listener", {
    loadBalancerArn:
      "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef",
    port: 443,
    protocol: "HTTPS",
    certificateArn: cert.arn,
    defaultAction: [
      { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "200" } },
    ],
  });
  if (suppress !== undefined) suppressTlsRule(listener, "TLS004", suppress);
  Aspects.of(stack).add(new TlsPolicyChecks());
  return { app, stack };
}

test("an error finding becomes an error annotation on the construct that made the resource, and app.synth() fails", () => {
  const { app, stack } = badStack();
  expect(() => app.synth()).toThrow(/\[TLS004\] HTTPS\/TLS listener has no ssl_policy/);
  expect(annotations(stack)).toEqual([
    [
      "s/Listener",
      "@cdktf/error",
      "[TLS004] HTTPS/TLS listener has no ssl_policy, or one that allows TLS 1.0 or TLS 1.1: ssl_policy is not set: the API default ELBSecurityPolicy-2016-08 allows TLS 1.0 (aws_lb_listener.Listener)",
    ],
  ]);
});

test("a suppressed finding becomes info with its reason, and synth passes", () => {
  const { app, stack } = badStack("legacy clients until 2027-03");
  expect(() => app.synth()).not.toThrow();
  expect(annotations(stack)).toEqual([
    [
      "s/Listener",
      "@cdktf/info",
      expect.stringMatching(/^\[TLS004\] .* suppressed: legacy clients until 2027-03$/),
    ],
  ]);
});

test("a warning finding becomes a warning annotation", () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, "w");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new AcmCertificate(stack, "Cert", {
    domainName: "example.com",
    validationMethod: "DNS",
    lifecycle: { createBeforeDestroy: true },
  });
  Aspects.of(stack).add(new TlsPolicyChecks());
  expect(() => app.synth()).not.toThrow();
  expect(annotations(stack)).toEqual([
    [
      "w/Cert",
      "@cdktf/warn",
      expect.stringMatching(/^\[TLS009\] public certificate is attached to nothing/),
    ],
  ]);
});

test("every example stack synthesizes with the Aspect and gets no error annotation", () => {
  const app = Testing.app();
  for (const register of Object.values(examples)) register(app);
  TlsPolicyChecks.applyTo(app);
  expect(() => app.synth()).not.toThrow();
  const levels = annotations(app).filter(([, , text]) => text.startsWith("[TLS"));
  expect(levels.filter(([, level]) => level === "@cdktf/error")).toEqual([]);
  expect(levels.map(([path, level, text]) => [path, level, text.slice(0, 8)]).sort()).toEqual([
    ["dns-validated-certificate/site/Certificate", "@cdktf/warn", "[TLS009]"],
    ["monitoring/Api/Certificate", "@cdktf/warn", "[TLS009]"],
    ["multi-zone-cross-account/shop/Certificate", "@cdktf/warn", "[TLS009]"],
    // Attached, if at all, from another stack: the certificate stack of a split-DNS app holds only
    // the request.
    ["split-dns-certificate/site/Certificate", "@cdktf/warn", "[TLS009]"],
  ]);
});
