import { TerraformStack, Token } from "cdktf";
import { NlbTlsListener, NlbTlsListenerProps } from "../../../modules/attach/nlb-tls-listener";
import { Certificate } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { ICertificate } from "../../../modules/certificate/certificate-ref";
import { aliasProvider, synth, testStack, dnsCertificate } from "../../support/synth";

const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/grpc/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/grpc/0123456789abcdef";
const ZONES = [
  { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" },
  { zoneId: "Z0EXAMPLE00000000002", zoneName: "example.org" },
];

const cert = dnsCertificate;

function listener(
  stack: TerraformStack,
  certificate: ICertificate,
  extra: Partial<NlbTlsListenerProps> = {},
  id = "Tls",
): NlbTlsListener {
  return new NlbTlsListener(stack, id, {
    loadBalancerArn: LB,
    targetGroupArn: TG,
    certificate,
    ...extra,
  });
}

describe("NlbTlsListener", () => {
  test("creates a TLS listener with the validated ARN, default policy, no ALPN, forward action", () => {
    const { stack } = testStack();
    const l = listener(stack, cert(stack, "Api", "api.example.com"));
    const [r] = synth(stack).list("aws_lb_listener");
    expect(r).toMatchObject({
      load_balancer_arn: LB,
      port: 443,
      protocol: "TLS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      default_action: [{ type: "forward", target_group_arn: TG }],
    });
    expect(r.alpn_policy).toBeUndefined();
    expect(r.certificate_arn).toMatch(/aws_acm_certificate_validation\.[^.]+\.certificate_arn/);
    expect(l.alpnPolicy).toBeUndefined();
    expect(l.sslPolicy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
  });

  test.each(["HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred", "None"])(
    "sets the ALPN policy %s",
    (alpn) => {
      const { stack } = testStack();
      listener(stack, cert(stack, "Api", "api.example.com"), { alpnPolicy: alpn, port: 8443 });
      expect(synth(stack).list("aws_lb_listener")[0]).toMatchObject({
        alpn_policy: alpn,
        port: 8443,
      });
    },
  );

  test("rejects an unknown ALPN policy, listing the allowed ones", () => {
    const { stack } = testStack();
    expect(() =>
      listener(stack, cert(stack, "Api", "api.example.com"), { alpnPolicy: "HTTP2" }),
    ).toThrow(
      /\[test\/Tls\] alpnPolicy must be one of "HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred", "None", got "HTTP2"/,
    );
  });

  test("a token ALPN policy passes", () => {
    const { stack } = testStack();
    listener(stack, cert(stack, "Api", "api.example.com"), {
      alpnPolicy: Token.asString({ Ref: "alpn" }),
    });
    expect(() => synth(stack)).not.toThrow();
  });

  test("rejects weak and unknown TLS policies", () => {
    const { stack } = testStack();
    const c = cert(stack, "Api", "api.example.com");
    expect(() =>
      listener(stack, c, { sslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" }, "A"),
    ).toThrow(/sslPolicy must not allow TLS 1\.0 or TLS 1\.1/);
    expect(() => listener(stack, c, { sslPolicy: "Custom" }, "B")).toThrow(
      /sslPolicy must be one of the known ELB security policies/,
    );
  });

  test("rejects a certificate from another region, naming both", () => {
    const { stack } = testStack();
    const usEast1 = aliasProvider(stack, "us_east_1", "us-east-1");
    const c = new Certificate(stack, "Api", {
      domainName: "api.example.com",
      validation: CertificateValidation.fromDns(ZONES),
      provider: usEast1,
    });
    expect(() => listener(stack, c)).toThrow(
      /certificate: the certificate is in us-east-1, but a Network Load Balancer TLS listener needs a certificate in eu-west-1/,
    );
  });

  test("rejects an Application Load Balancer ARN", () => {
    const { stack } = testStack();
    expect(() =>
      listener(stack, cert(stack, "Api", "api.example.com"), {
        loadBalancerArn:
          "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef",
      }),
    ).toThrow(/loadBalancerArn must be the ARN of a Network Load Balancer/);
  });

  test("checks host names against all certificates", () => {
    const { stack } = testStack();
    const api = cert(stack, "Api", "api.example.com");
    const org = cert(stack, "Org", "*.example.org");
    expect(() =>
      listener(stack, api, {
        additionalCertificates: { org },
        hostNames: ["api.example.com", "example.org"],
      }),
    ).toThrow(/hostNames has names the certificate does not cover: "example\.org"/);
  });

  test("attaches SNI certificates keyed by name and rejects the default one", () => {
    const { stack } = testStack();
    const api = cert(stack, "Api", "api.example.com");
    const org = cert(stack, "Org", "api.example.org");
    const l = listener(stack, api, {
      additionalCertificates: { org },
      hostNames: ["api.example.org"],
    });
    const attached = synth(stack).resources("aws_lb_listener_certificate");
    expect(Object.keys(attached)).toEqual([expect.stringMatching(/^Tls_SniCertificates_org_/)]);
    expect(Object.values(attached)[0].lifecycle).toEqual({ create_before_destroy: true });
    expect(l.listenerCertificates.has("org")).toBe(true);
    expect(() => listener(stack, api, { additionalCertificates: { api } }, "Again")).toThrow(
      /additionalCertificates\["api"\] repeats the default certificate/,
    );
  });

  test("warns past 25 SNI certificates", () => {
    const { stack } = testStack();
    const extra: Record<string, ICertificate> = {};
    for (let i = 0; i < 26; i++) {
      extra[`c${i}`] = Certificate.fromCertificateArn(
        stack,
        `C${i}`,
        `arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
        {
          region: "eu-west-1",
        },
      );
    }
    const l = listener(stack, cert(stack, "Api", "api.example.com"), {
      additionalCertificates: extra,
    });
    const warnings = l.node.metadata
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));
    expect(warnings).toEqual([
      expect.stringMatching(/additionalCertificates has 26 certificates; a Network Load Balancer/),
    ]);
  });

  test("creates alias records", () => {
    const { stack } = testStack();
    listener(stack, cert(stack, "Api", "api.example.com"), {
      hostNames: ["api.example.com"],
      aliasRecords: {
        hostedZones: ZONES,
        loadBalancerDnsName: "grpc.elb.eu-west-1.amazonaws.com",
        loadBalancerZoneId: "Z2IFOLAFXWLO4F",
        ipv6: false,
      },
    });
    const aliases = synth(stack)
      .list("aws_route53_record")
      .filter((r) => r.alias);
    expect(aliases).toEqual([
      expect.objectContaining({
        name: "api.example.com",
        type: "A",
        zone_id: "Z0EXAMPLE00000000001",
        alias: {
          name: "grpc.elb.eu-west-1.amazonaws.com",
          zone_id: "Z2IFOLAFXWLO4F",
          evaluate_target_health: false,
        },
      }),
    ]);
  });

  test("uses the given provider", () => {
    const { stack } = testStack();
    const other = aliasProvider(stack, "eu_central_1", "eu-central-1");
    const c = new Certificate(stack, "Api", {
      domainName: "api.example.com",
      validation: CertificateValidation.fromDns(ZONES),
      provider: other,
    });
    listener(stack, c, {
      provider: other,
      loadBalancerArn: LB.replace("eu-west-1", "eu-central-1"),
      targetGroupArn: TG.replace("eu-west-1", "eu-central-1"),
    });
    expect(synth(stack).list("aws_lb_listener")[0].provider).toBe("aws.eu_central_1");
  });
});
