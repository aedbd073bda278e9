import { TerraformProvider, TerraformStack, TerraformVariable, Token } from "cdktf";
import {
  AlbHttpsListener,
  AlbHttpsListenerProps,
} from "../../../modules/attach/alb-https-listener";
import { Certificate } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { ICertificate } from "../../../modules/certificate/certificate-ref";
import { aliasProvider, synth, testStack, dnsCertificate } from "../../support/synth";

const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };
const cert = dnsCertificate;

/** A DNS-validated certificate requested through `provider` (another region). */
function certificateIn(
  stack: TerraformStack,
  id: string,
  domainName: string,
  provider: TerraformProvider,
): Certificate {
  return new Certificate(stack, id, {
    domainName,
    validation: CertificateValidation.fromDns([ZONE]),
    provider,
  });
}

function listener(
  stack: TerraformStack,
  certificate: ICertificate,
  extra: Partial<AlbHttpsListenerProps> = {},
  id = "Https",
): AlbHttpsListener {
  return new AlbHttpsListener(stack, id, {
    loadBalancerArn: LB,
    targetGroupArn: TG,
    certificate,
    ...extra,
  });
}

describe("AlbHttpsListener", () => {
  test("creates an HTTPS listener with the validated ARN, the default policy and a forward action", () => {
    const { stack } = testStack();
    const c = cert(stack, "Site", "example.com");
    const l = listener(stack, c);
    const out = synth(stack);
    const listeners = out.list("aws_lb_listener");
    expect(listeners).toHaveLength(1);
    expect(listeners[0]).toMatchObject({
      load_balancer_arn: LB,
      port: 443,
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      default_action: [{ type: "forward", target_group_arn: TG }],
    });
    expect(listeners[0].certificate_arn).toMatch(
      /aws_acm_certificate_validation\.[^.]+\.certificate_arn/,
    );
    expect(l.sslPolicy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(Token.isUnresolved(l.listenerArn)).toBe(true);
    expect(out.list("aws_lb_listener_certificate")).toHaveLength(0);
    expect(out.list("aws_route53_record")).toHaveLength(1); // only the validation record
  });

  test("takes a port and an allowed policy", () => {
    const { stack } = testStack();
    listener(stack, cert(stack, "Site", "example.com"), {
      port: 8443,
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    });
    expect(synth(stack).list("aws_lb_listener")[0]).toMatchObject({
      port: 8443,
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    });
  });

  test("rejects a weak policy", () => {
    const { stack } = testStack();
    expect(() =>
      listener(stack, cert(stack, "Site", "example.com"), {
        sslPolicy: "ELBSecurityPolicy-2016-08",
      }),
    ).toThrow(
      /\[test\/Https\] sslPolicy must not allow TLS 1\.0 or TLS 1\.1, got "ELBSecurityPolicy-2016-08"/,
    );
  });

  test("rejects an unknown policy and lists the allowed ones", () => {
    const { stack } = testStack();
    expect(() =>
      listener(stack, cert(stack, "Site", "example.com"), { sslPolicy: "ELBSecurityPolicy-Nope" }),
    ).toThrow(
      /sslPolicy must be one of .* got "ELBSecurityPolicy-Nope"; allowed: .*ELBSecurityPolicy-TLS13-1-2-2021-06/,
    );
  });

  test("rejects a certificate from another region, naming both regions", () => {
    const { stack } = testStack();
    const usEast1 = aliasProvider(stack, "us_east_1", "us-east-1");
    const c = certificateIn(stack, "Site", "example.com", usEast1);
    expect(() => listener(stack, c)).toThrow(
      /certificate: the certificate is in us-east-1, but an Application Load Balancer listener needs a certificate in eu-west-1/,
    );
  });

  test("checks the region against the listener's own provider", () => {
    const { stack } = testStack();
    const usEast1 = aliasProvider(stack, "us_east_1", "us-east-1");
    const c = certificateIn(stack, "Site", "example.com", usEast1);
    listener(stack, c, {
      provider: usEast1,
      loadBalancerArn: LB.replace("eu-west-1", "us-east-1"),
      targetGroupArn: TG.replace("eu-west-1", "us-east-1"),
    });
    const l = synth(stack).list("aws_lb_listener")[0];
    expect(l.provider).toBe("aws.us_east_1");
  });

  test("rejects an SNI certificate from another region", () => {
    const { stack } = testStack();
    const other = aliasProvider(stack, "eu_central_1", "eu-central-1");
    const shop = certificateIn(stack, "Shop", "shop.example.com", other);
    expect(() =>
      listener(stack, cert(stack, "Site", "example.com"), { additionalCertificates: { shop } }),
    ).toThrow(
      /additionalCertificates\["shop"\]: the certificate is in eu-central-1, but .* in eu-west-1/,
    );
  });

  test("rejects an imported certificate whose region is unknown", () => {
    const { stack } = testStack();
    // A token ARN (here a variable) carries no region; a literal ARN would.
    const c = Certificate.fromCertificateArn(
      stack,
      "Imported",
      new TerraformVariable(stack, "certificate_arn", { type: "string" }).stringValue,
    );
    expect(() => listener(stack, c)).toThrow(
      /certificate: the certificate's region is unknown at synth/,
    );
    const ok = Certificate.fromCertificateArn(
      stack,
      "Imported2",
      "arn:aws:acm:eu-west-1:111111111111:certificate/0b5e3c3e-1111-4222-8333-444455556666",
      { region: "eu-west-1" },
    );
    new AlbHttpsListener(stack, "Https2", {
      loadBalancerArn: LB,
      targetGroupArn: TG,
      certificate: ok,
    });
    expect(synth(stack).list("aws_lb_listener")[0].certificate_arn).toBe(
      "arn:aws:acm:eu-west-1:111111111111:certificate/0b5e3c3e-1111-4222-8333-444455556666",
    );
  });

  test("checks host names against default and SNI certificates; a wildcard covers one label", () => {
    const { stack } = testStack();
    const site = cert(stack, "Site", "example.com", ["*.example.com"]);
    const shop = cert(stack, "Shop", "shop.example.org");
    listener(stack, site, {
      additionalCertificates: { shop },
      hostNames: ["example.com", "www.example.com", "shop.example.org"],
    });
    expect(() => synth(stack)).not.toThrow();

    const t2 = testStack();
    const site2 = cert(t2.stack, "Site", "example.com", ["*.example.com"]);
    expect(() =>
      listener(t2.stack, site2, {
        hostNames: ["www.example.com", "a.b.example.com", "shop.example.org"],
      }),
    ).toThrow(
      /hostNames has names the certificate does not cover: "a\.b\.example\.com", "shop\.example\.org"/,
    );
  });

  test("rejects an invalid host name", () => {
    const { stack } = testStack();
    expect(() =>
      listener(stack, cert(stack, "Site", "example.com"), { hostNames: ["Example.com"] }),
    ).toThrow(/hostNames\[0\] must be lower-case/);
  });

  test("attaches SNI certificates keyed by name, create-before-destroy, validated ARNs", () => {
    const { stack } = testStack();
    const site = cert(stack, "Site", "example.com");
    const shop = cert(stack, "Shop", "shop.example.org");
    const blog = cert(stack, "Blog", "blog.example.net");
    const l = listener(stack, site, { additionalCertificates: { shop, blog } });
    const out = synth(stack);
    const attached = out.resources("aws_lb_listener_certificate");
    const names = Object.keys(attached).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Https_SniCertificates_blog_/);
    expect(names[1]).toMatch(/^Https_SniCertificates_shop_/);
    for (const r of Object.values(attached)) {
      expect(r.lifecycle).toEqual({ create_before_destroy: true });
      expect(r.listener_arn).toMatch(/^\$\{aws_lb_listener\.[^.]+\.arn\}$/);
      expect(r.certificate_arn).toMatch(/aws_acm_certificate_validation\.[^.]+\.certificate_arn/);
    }
    expect([...l.listenerCertificates.keys()]).toEqual(["shop", "blog"]);
  });

  test("rejects the default certificate as an SNI certificate, by object and by ARN", () => {
    const { stack } = testStack();
    const site = cert(stack, "Site", "example.com");
    expect(() => listener(stack, site, { additionalCertificates: { again: site } })).toThrow(
      /additionalCertificates\["again"\] repeats the default certificate/,
    );
    const arn =
      "arn:aws:acm:eu-west-1:111111111111:certificate/0b5e3c3e-1111-4222-8333-444455556666";
    const t2 = testStack();
    const a = Certificate.fromCertificateArn(t2.stack, "A", arn, { region: "eu-west-1" });
    const b = Certificate.fromCertificateArn(t2.stack, "B", arn, { region: "eu-west-1" });
    expect(() => listener(t2.stack, a, { additionalCertificates: { b } })).toThrow(
      /additionalCertificates\["b"\] repeats the default certificate/,
    );
  });

  test("rejects the same SNI certificate twice and a bad key", () => {
    const { stack } = testStack();
    const site = cert(stack, "Site", "example.com");
    const shop = cert(stack, "Shop", "shop.example.org");
    expect(() => listener(stack, site, { additionalCertificates: { shop, shop2: shop } })).toThrow(
      /additionalCertificates\["shop2"\] is the same certificate as additionalCertificates\["shop"\]/,
    );
    const t2 = testStack();
    const site2 = cert(t2.stack, "Site", "example.com");
    const shop2 = cert(t2.stack, "Shop", "shop.example.org");
    expect(() =>
      listener(t2.stack, site2, { additionalCertificates: { "shop.example.org": shop2 } }),
    ).toThrow(/additionalCertificates keys must be .* got "shop\.example\.org"/);
  });

  test("warns past 25 SNI certificates, not at 25", () => {
    const make = (n: number) => {
      const { stack } = testStack();
      const site = cert(stack, "Site", "example.com");
      const extra: Record<string, ICertificate> = {};
      for (let i = 0; i < n; i++) {
        extra[`c${i}`] = Certificate.fromCertificateArn(
          stack,
          `C${i}`,
          `arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
          { region: "eu-west-1" },
        );
      }
      const l = listener(stack, site, { additionalCertificates: extra });
      return l.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    };
    expect(make(25)).toEqual([]);
    const warnings = make(26);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/additionalCertificates has 26 certificates; .* at most 25/);
  });

  test("adds an HTTP:80 listener that redirects to HTTPS on the listener's port with 301", () => {
    const { stack } = testStack();
    const l = listener(stack, cert(stack, "Site", "example.com"), {
      redirectHttp: true,
      port: 8443,
    });
    const out = synth(stack);
    const listeners = out.resources("aws_lb_listener");
    expect(Object.keys(listeners)).toHaveLength(2);
    const redirect = Object.entries(listeners).find(([name]) =>
      name.startsWith("Https_HttpRedirect"),
    )?.[1];
    expect(redirect).toMatchObject({
      load_balancer_arn: LB,
      port: 80,
      protocol: "HTTP",
      default_action: [
        {
          type: "redirect",
          redirect: { port: "8443", protocol: "HTTPS", status_code: "HTTP_301" },
        },
      ],
    });
    expect(redirect.certificate_arn).toBeUndefined();
    expect(l.redirectListener).toBeDefined();
  });

  test("no redirect listener by default; port 80 clashes with the redirect", () => {
    const { stack } = testStack();
    const l = listener(stack, cert(stack, "Site", "example.com"));
    expect(l.redirectListener).toBeUndefined();
    const t2 = testStack();
    expect(() =>
      listener(t2.stack, cert(t2.stack, "Site", "example.com"), { redirectHttp: true, port: 80 }),
    ).toThrow(/port must not be 80 when redirectHttp is on/);
  });

  test("rejects a bad port and ARNs of the wrong kind", () => {
    const { stack } = testStack();
    const c = cert(stack, "Site", "example.com");
    expect(() => listener(stack, c, { port: 70000 }, "P")).toThrow(
      /port must be a whole number from 1 to 65535, got 70000/,
    );
    expect(() =>
      listener(
        stack,
        c,
        {
          loadBalancerArn:
            "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/x/0123456789abcdef",
        },
        "Lb",
      ),
    ).toThrow(/loadBalancerArn must be the ARN of an Application Load Balancer/);
    expect(() => listener(stack, c, { targetGroupArn: "tg-1" }, "Tg")).toThrow(
      /targetGroupArn must be the ARN of a target group .*; it is not an ARN: "tg-1"/,
    );
    expect(() => listener(stack, undefined as unknown as ICertificate, {}, "None")).toThrow(
      /certificate must be a certificate/,
    );
  });

  test("creates alias A/AAAA records for host names, keyed by name", () => {
    const { stack } = testStack();
    const site = cert(stack, "Site", "example.com", ["*.example.com"]);
    const l = listener(stack, site, {
      hostNames: ["example.com", "www.example.com"],
      aliasRecords: {
        hostedZones: [ZONE],
        loadBalancerDnsName: "web-123.eu-west-1.elb.amazonaws.com",
        loadBalancerZoneId: "Z32O12XQLNTSW2",
      },
    });
    const records = synth(stack)
      .list("aws_route53_record")
      .filter((r) => r.alias);
    expect(records).toHaveLength(4);
    expect(records.map((r) => `${r.name}/${r.type}`).sort()).toEqual([
      "example.com/A",
      "example.com/AAAA",
      "www.example.com/A",
      "www.example.com/AAAA",
    ]);
    for (const r of records) {
      expect(r.alias).toEqual({
        name: "web-123.eu-west-1.elb.amazonaws.com",
        zone_id: "Z32O12XQLNTSW2",
        evaluate_target_health: false,
      });
      expect(r.zone_id).toBe("Z0EXAMPLE00000000001");
    }
    expect(l.aliasRecords?.records.size).toBe(4);
  });

  test("alias names may be given explicitly, IPv4 only; they must be covered", () => {
    const { stack } = testStack();
    const site = cert(stack, "Site", "example.com");
    listener(stack, site, {
      aliasRecords: {
        hostedZones: [ZONE],
        loadBalancerDnsName: "lb",
        loadBalancerZoneId: "Z32O12XQLNTSW2",
        names: ["example.com"],
        ipv6: false,
        evaluateTargetHealth: true,
      },
    });
    const records = synth(stack)
      .list("aws_route53_record")
      .filter((r) => r.alias);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: "A", alias: { evaluate_target_health: true } });

    const t2 = testStack();
    expect(() =>
      listener(t2.stack, cert(t2.stack, "Site", "example.com"), {
        aliasRecords: {
          hostedZones: [ZONE],
          loadBalancerDnsName: "lb",
          loadBalancerZoneId: "Z",
          names: ["www.example.com"],
        },
      }),
    ).toThrow(/aliasRecords\.names has names the certificate does not cover: "www\.example\.com"/);
    const t3 = testStack();
    expect(() =>
      listener(t3.stack, cert(t3.stack, "Site", "example.com"), {
        aliasRecords: { hostedZones: [ZONE], loadBalancerDnsName: "lb", loadBalancerZoneId: "Z" },
      }),
    ).toThrow(/aliasRecords needs names/);
  });

  test("token inputs pass unchecked", () => {
    const { stack } = testStack();
    const c = cert(stack, "Site", "example.com");
    listener(stack, c, {
      loadBalancerArn: Token.asString({ Ref: "lb" }),
      sslPolicy: Token.asString({ Ref: "policy" }),
      port: Token.asNumber({ Ref: "port" }),
      redirectHttp: true,
    });
    expect(() => synth(stack)).not.toThrow();
  });
});
