/**
 * Each rule against small Terraform JSON documents: compliant fixtures produce no finding of
 * the rule, non-compliant fixtures exactly the expected one (rule id and address, written
 * literally here).
 */
import { checkConfig, TLS_RULES } from "../../../modules/policy/rule-pack";
import { parseTerraformConfig } from "../../../modules/policy/terraform-config";
import { PolicyRule } from "../../../modules/policy/types";

type Doc = Record<string, unknown>;

const rule = (id: string): PolicyRule => TLS_RULES.find((r) => r.id === id)!;

/** The findings of one rule on a document, as `id address` strings. */
function findings(id: string, doc: Doc): string[] {
  return checkConfig(parseTerraformConfig(doc, "fixture.tf.json"), [rule(id)]).map(
    (f) => `${f.ruleId} ${f.address}`,
  );
}

const PROVIDERS = {
  aws: [{ region: "eu-west-1" }, { alias: "us_east_1", region: "us-east-1" }],
};
const CBD = { lifecycle: { create_before_destroy: true } };
const publicCert = (extra: Doc = {}) => ({
  domain_name: "example.com",
  validation_method: "DNS",
  ...CBD,
  ...extra,
});
const validation = (cert: string) => ({
  certificate_arn: `\${aws_acm_certificate.${cert}.arn}`,
  validation_record_fqdns: [],
});
const distribution = (arn: string, viewer: Doc = {}) => ({
  enabled: true,
  viewer_certificate: {
    acm_certificate_arn: arn,
    ssl_support_method: "sni-only",
    minimum_protocol_version: "TLSv1.2_2021",
    ...viewer,
  },
});
const listener = (extra: Doc = {}) => ({
  load_balancer_arn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef",
  port: 443,
  protocol: "HTTPS",
  ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  certificate_arn: "${aws_acm_certificate_validation.v.certificate_arn}",
  ...extra,
});

test("the pack has twelve rules with distinct ids, a level, a message and a sourced explanation", () => {
  expect(TLS_RULES.map((r) => r.id)).toEqual([
    "TLS001",
    "TLS002",
    "TLS003",
    "TLS004",
    "TLS005",
    "TLS006",
    "TLS007",
    "TLS008",
    "TLS009",
    "TLS010",
    "TLS011",
    "TLS012",
  ]);
  for (const r of TLS_RULES) {
    expect(["error", "warning"]).toContain(r.level);
    expect(r.message).not.toMatch(/\n/);
    expect(r.explanation).toMatch(/https:\/\/|__tests__\//);
  }
});

describe("TLS001 cloudfront-certificate-region", () => {
  test("a certificate through the us-east-1 alias, reached through its validation: compliant", () => {
    const doc = {
      provider: PROVIDERS,
      resource: {
        aws_acm_certificate: { c: publicCert({ provider: "aws.us_east_1" }) },
        aws_acm_certificate_validation: { v: validation("c") },
        aws_cloudfront_distribution: {
          d: distribution("${aws_acm_certificate_validation.v.certificate_arn}"),
        },
      },
    };
    expect(findings("TLS001", doc)).toEqual([]);
  });
  test("a certificate through the default eu-west-1 provider: the distribution is flagged", () => {
    const doc = {
      provider: PROVIDERS,
      resource: {
        aws_acm_certificate: { c: publicCert() },
        aws_acm_certificate_validation: { v: validation("c") },
        aws_cloudfront_distribution: {
          d: distribution("${aws_acm_certificate_validation.v.certificate_arn}"),
        },
      },
    };
    expect(findings("TLS001", doc)).toEqual(["TLS001 aws_cloudfront_distribution.d"]);
  });
  test("a literal ARN: its region decides", () => {
    const doc = (region: string) => ({
      resource: {
        aws_cloudfront_distribution: {
          d: distribution(
            `arn:aws:acm:${region}:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab`,
          ),
        },
      },
    });
    expect(findings("TLS001", doc("us-east-1"))).toEqual([]);
    expect(findings("TLS001", doc("eu-west-1"))).toEqual(["TLS001 aws_cloudfront_distribution.d"]);
  });
});

describe("TLS002 unvalidated-arn-attached", () => {
  const attachments = (arn: string) => ({
    aws_lb_listener: { l: listener({ certificate_arn: arn }) },
    aws_cloudfront_distribution: { d: distribution(arn) },
    aws_api_gateway_domain_name: {
      r: { domain_name: "api.example.com", regional_certificate_arn: arn },
    },
    aws_apigatewayv2_domain_name: {
      h: {
        domain_name: "h.example.com",
        domain_name_configuration: {
          certificate_arn: arn,
          endpoint_type: "REGIONAL",
          security_policy: "TLS_1_2",
        },
      },
    },
  });
  test("the validated ARN everywhere: compliant", () => {
    const doc = {
      resource: {
        aws_acm_certificate: { c: publicCert() },
        aws_acm_certificate_validation: { v: validation("c") },
        ...attachments("${aws_acm_certificate_validation.v.certificate_arn}"),
      },
    };
    expect(findings("TLS002", doc)).toEqual([]);
  });
  test("the certificate's own arn while a validation exists: each attachment is flagged", () => {
    const doc = {
      resource: {
        aws_acm_certificate: { c: publicCert() },
        aws_acm_certificate_validation: { v: validation("c") },
        ...attachments("${aws_acm_certificate.c.arn}"),
      },
    };
    expect(findings("TLS002", doc)).toEqual([
      "TLS002 aws_api_gateway_domain_name.r",
      "TLS002 aws_apigatewayv2_domain_name.h",
      "TLS002 aws_cloudfront_distribution.d",
      "TLS002 aws_lb_listener.l",
    ]);
  });
  test("the certificate's own arn with no validation resource (a private certificate): not applicable", () => {
    const doc = {
      resource: {
        aws_acm_certificate: { c: publicCert() },
        aws_lb_listener: { l: listener({ certificate_arn: "${aws_acm_certificate.c.arn}" }) },
      },
    };
    expect(findings("TLS002", doc)).toEqual([]);
  });
});

describe("TLS003 acm-create-before-destroy", () => {
  test("create_before_destroy true: compliant; absent or false: flagged", () => {
    const doc = {
      resource: {
        aws_acm_certificate: {
          ok: publicCert(),
          missing: { domain_name: "a.example.com", validation_method: "DNS" },
          off: { domain_name: "b.example.com", lifecycle: { create_before_destroy: false } },
        },
      },
    };
    expect(findings("TLS003", doc)).toEqual([
      "TLS003 aws_acm_certificate.missing",
      "TLS003 aws_acm_certificate.off",
    ]);
  });
});

describe("TLS004 elb-listener-ssl-policy", () => {
  test("a TLS 1.2+ policy, and an HTTP listener without one: compliant", () => {
    const doc = {
      resource: {
        aws_lb_listener: {
          https: listener(),
          tls: listener({ protocol: "TLS", ssl_policy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }),
          http: { load_balancer_arn: "x", port: 80, protocol: "HTTP" },
        },
      },
    };
    expect(findings("TLS004", doc)).toEqual([]);
  });
  test("no ssl_policy, a known weak policy, a TLS 1.1 family name: flagged", () => {
    const doc = {
      resource: {
        aws_lb_listener: {
          unset: listener({ ssl_policy: undefined }),
          legacy: listener({ ssl_policy: "ELBSecurityPolicy-2016-08" }),
          family: listener({
            protocol: "TLS",
            ssl_policy: "ELBSecurityPolicy-TLS13-1-1-Future-2030-01",
          }),
        },
      },
    };
    expect(findings("TLS004", doc)).toEqual([
      "TLS004 aws_lb_listener.family",
      "TLS004 aws_lb_listener.legacy",
      "TLS004 aws_lb_listener.unset",
    ]);
  });
});

describe("TLS005 cloudfront-minimum-protocol", () => {
  const doc = (viewer: Doc) => ({
    resource: {
      aws_cloudfront_distribution: {
        d: distribution(
          "arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab",
          viewer,
        ),
      },
    },
  });
  test.each(["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"])("%s: compliant", (v) => {
    expect(findings("TLS005", doc({ minimum_protocol_version: v }))).toEqual([]);
  });
  test.each(["TLSv1", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019"])("%s: flagged", (v) => {
    expect(findings("TLS005", doc({ minimum_protocol_version: v }))).toEqual([
      "TLS005 aws_cloudfront_distribution.d",
    ]);
  });
  test("unset: flagged; the default CloudFront certificate: not applicable", () => {
    expect(findings("TLS005", doc({ minimum_protocol_version: undefined }))).toEqual([
      "TLS005 aws_cloudfront_distribution.d",
    ]);
    const defaultCert = {
      resource: {
        aws_cloudfront_distribution: {
          d: { enabled: true, viewer_certificate: { cloudfront_default_certificate: true } },
        },
      },
    };
    expect(findings("TLS005", defaultCert)).toEqual([]);
  });
});

describe("TLS006 api-gateway-tls-1-0", () => {
  test("TLS_1_2 on REST and HTTP domains: compliant; TLS_1_0: flagged", () => {
    const doc = {
      resource: {
        aws_api_gateway_domain_name: {
          ok: { domain_name: "a.example.com", security_policy: "TLS_1_2" },
          weak: { domain_name: "b.example.com", security_policy: "TLS_1_0" },
        },
        aws_apigatewayv2_domain_name: {
          ok2: {
            domain_name: "c.example.com",
            domain_name_configuration: { security_policy: "TLS_1_2" },
          },
          weak2: {
            domain_name: "d.example.com",
            domain_name_configuration: [{ security_policy: "TLS_1_0" }],
          },
        },
      },
    };
    expect(findings("TLS006", doc)).toEqual([
      "TLS006 aws_api_gateway_domain_name.weak",
      "TLS006 aws_apigatewayv2_domain_name.weak2",
    ]);
  });
});

describe("TLS007 validation-record-index", () => {
  const record = (fields: Doc) => ({ zone_id: "Z1", ttl: 60, allow_overwrite: true, ...fields });
  test("our for expression keyed by domain name: compliant", () => {
    const pick = (attr: string) =>
      `\${one(distinct([for o in aws_acm_certificate.c.domain_validation_options : o.${attr} if trimprefix(o.domain_name, "*.") == "example.com"]))}`;
    const doc = {
      resource: {
        aws_route53_record: {
          acm_validation_example_com: record({
            name: pick("resource_record_name"),
            type: pick("resource_record_type"),
            records: [pick("resource_record_value")],
          }),
        },
      },
    };
    expect(findings("TLS007", doc)).toEqual([]);
  });
  test("tolist(...)[0], a bare index, and for_each over the set: flagged", () => {
    const doc = {
      resource: {
        aws_route53_record: {
          tolist: record({
            name: "${tolist(aws_acm_certificate.c.domain_validation_options)[0].resource_record_name}",
            type: "CNAME",
            records: ["x"],
          }),
          indexed: record({
            name: "${aws_acm_certificate.c.domain_validation_options[1].resource_record_name}",
            type: "CNAME",
            records: ["x"],
          }),
          for_each: record({
            for_each:
              "${{ for key, val in aws_acm_certificate.c.domain_validation_options : val.domain_name => val }}",
            name: "${each.value.resource_record_name}",
            type: "${each.value.resource_record_type}",
            records: ["${each.value.resource_record_value}"],
          }),
          unrelated: record({ name: "www.example.com", type: "A", records: ["192.0.2.1"] }),
        },
      },
    };
    expect(findings("TLS007", doc)).toEqual([
      "TLS007 aws_route53_record.for_each",
      "TLS007 aws_route53_record.indexed",
      "TLS007 aws_route53_record.tolist",
    ]);
  });
});

describe("TLS008 imported-certificate-expiry-alarm", () => {
  const imported = {
    private_key: '${file("key.pem")}',
    certificate_body: '${file("cert.pem")}',
    ...CBD,
  };
  const alarm = (arn: string) => ({
    metric_name: "DaysToExpiry",
    namespace: "AWS/CertificateManager",
    dimensions: { CertificateArn: arn },
    comparison_operator: "LessThanThreshold",
    threshold: 30,
    evaluation_periods: 1,
  });
  test("an alarm on its ARN: compliant; a public certificate: not applicable", () => {
    const doc = {
      resource: {
        aws_acm_certificate: { imp: imported, pub: publicCert() },
        aws_cloudwatch_metric_alarm: { a: alarm("${aws_acm_certificate.imp.arn}") },
      },
    };
    expect(findings("TLS008", doc)).toEqual([]);
  });
  test("no alarm, or an alarm on another certificate: flagged", () => {
    const doc = {
      resource: {
        aws_acm_certificate: { imp: imported, other: imported },
        aws_cloudwatch_metric_alarm: { a: alarm("${aws_acm_certificate.other.arn}") },
      },
    };
    expect(findings("TLS008", doc)).toEqual(["TLS008 aws_acm_certificate.imp"]);
  });
});

describe("TLS009 public-certificate-not-in-use", () => {
  test("attached through its validation or a Beanstalk setting: compliant", () => {
    const doc = {
      resource: {
        aws_acm_certificate: { c: publicCert(), e: publicCert() },
        aws_acm_certificate_validation: { v: validation("c"), ve: validation("e") },
        aws_lb_listener: { l: listener() },
        aws_elastic_beanstalk_environment: {
          env: {
            application: "app",
            name: "env",
            setting: [
              {
                namespace: "aws:elbv2:listener:443",
                name: "SSLCertificateArns",
                value: "${aws_acm_certificate_validation.ve.certificate_arn}",
              },
            ],
          },
        },
      },
    };
    expect(findings("TLS009", doc)).toEqual([]);
  });
  test("attached nowhere: flagged; private and imported certificates: not applicable", () => {
    const doc = {
      resource: {
        aws_acm_certificate: {
          lonely: publicCert(),
          priv: {
            domain_name: "i.example.corp",
            certificate_authority_arn:
              "arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/0123abcd-0123-4567-89ab-0123456789ab",
            ...CBD,
          },
          imp: { private_key: "k", certificate_body: "b", ...CBD },
        },
      },
    };
    expect(findings("TLS009", doc)).toEqual(["TLS009 aws_acm_certificate.lonely"]);
  });
  test("level warning", () => {
    expect(rule("TLS009").level).toBe("warning");
  });
});

describe("TLS010 private-ca-acm-permission", () => {
  const ca = {
    type: "SUBORDINATE",
    certificate_authority_configuration: {
      key_algorithm: "RSA_2048",
      signing_algorithm: "SHA256WITHRSA",
      subject: { common_name: "CA" },
    },
  };
  const permission = (actions: string[]) => ({
    certificate_authority_arn: "${aws_acmpca_certificate_authority.issuing.arn}",
    principal: "acm.amazonaws.com",
    actions,
  });
  const doc = (permissions: Doc) => ({
    resource: {
      aws_acmpca_certificate_authority: { issuing: ca, root: { ...ca, type: "ROOT" } },
      aws_acm_certificate: {
        c: {
          domain_name: "i.example.corp",
          certificate_authority_arn: "${aws_acmpca_certificate_authority.issuing.arn}",
          ...CBD,
        },
      },
      ...permissions,
    },
  });
  test("the three actions for ACM on the issuing CA: compliant; the root issues no ACM certificate", () => {
    expect(
      findings(
        "TLS010",
        doc({
          aws_acmpca_permission: {
            p: permission(["IssueCertificate", "GetCertificate", "ListPermissions"]),
          },
        }),
      ),
    ).toEqual([]);
  });
  test("no permission, or one missing ListPermissions: the issuing CA is flagged", () => {
    expect(findings("TLS010", doc({}))).toEqual([
      "TLS010 aws_acmpca_certificate_authority.issuing",
    ]);
    expect(
      findings(
        "TLS010",
        doc({ aws_acmpca_permission: { p: permission(["IssueCertificate", "GetCertificate"]) } }),
      ),
    ).toEqual(["TLS010 aws_acmpca_certificate_authority.issuing"]);
  });
});

describe("TLS011 crl-bucket-public-access", () => {
  const ca = {
    type: "ROOT",
    revocation_configuration: { crl_configuration: { enabled: true, s3_bucket_name: "corp-crl" } },
  };
  const bpa = (flags: Doc = {}) => ({
    bucket: "${aws_s3_bucket.crl.id}",
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
    ...flags,
  });
  const doc = (extra: Doc) => ({
    resource: {
      aws_acmpca_certificate_authority: { ca },
      aws_s3_bucket: { crl: { bucket: "corp-crl" }, other: { bucket: "assets" } },
      ...extra,
    },
  });
  test("all four flags: compliant; a bucket no CA writes to: not applicable", () => {
    expect(findings("TLS011", doc({ aws_s3_bucket_public_access_block: { b: bpa() } }))).toEqual(
      [],
    );
  });
  test("no public access block, or one flag off: flagged", () => {
    expect(findings("TLS011", doc({}))).toEqual(["TLS011 aws_s3_bucket.crl"]);
    expect(
      findings(
        "TLS011",
        doc({ aws_s3_bucket_public_access_block: { b: bpa({ restrict_public_buckets: false }) } }),
      ),
    ).toEqual(["TLS011 aws_s3_bucket.crl"]);
  });
});

describe("TLS012 alb-mutual-authentication", () => {
  const ts = "${aws_lb_trust_store.t.arn}";
  test("verify with a trust store, passthrough alone, off alone: compliant", () => {
    const doc = {
      resource: {
        aws_lb_listener: {
          verify: listener({ mutual_authentication: { mode: "verify", trust_store_arn: ts } }),
          pass: listener({ mutual_authentication: { mode: "passthrough" } }),
          off: listener({ mutual_authentication: [{ mode: "off" }] }),
        },
      },
    };
    expect(findings("TLS012", doc)).toEqual([]);
  });
  test("verify without a trust store, passthrough with one, off with a verify option, mTLS on TLS: flagged", () => {
    const doc = {
      resource: {
        aws_lb_listener: {
          a_verify: listener({ mutual_authentication: { mode: "verify" } }),
          b_pass: listener({ mutual_authentication: { mode: "passthrough", trust_store_arn: ts } }),
          c_off: listener({
            mutual_authentication: { mode: "off", ignore_client_certificate_expiry: true },
          }),
          d_tls: listener({
            protocol: "TLS",
            mutual_authentication: { mode: "verify", trust_store_arn: ts },
          }),
        },
      },
    };
    expect(findings("TLS012", doc)).toEqual([
      "TLS012 aws_lb_listener.a_verify",
      "TLS012 aws_lb_listener.b_pass",
      "TLS012 aws_lb_listener.c_off",
      "TLS012 aws_lb_listener.d_tls",
    ]);
  });
});
