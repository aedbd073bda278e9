import { Testing } from "cdktf";
import { cloudfront } from "../../examples/cloudfront/main";
import {
  at,
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  changeSummary,
} from "../support/plan";

describeWithTerraform("plan: examples/cloudfront", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(cloudfront(Testing.app()));
  });

  const single = (type: string) => {
    const changes = ofType(plan, type);
    expect(changes).toHaveLength(1);
    return changes[0];
  };

  test("plans a certificate, its validation, two validation records, a distribution and four alias records", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual([
      "aws_acm_certificate:create",
      "aws_acm_certificate_validation:create",
      "aws_cloudfront_distribution:create",
      ...Array(6).fill("aws_route53_record:create"),
    ]);
  });

  test("the certificate and its validation go through the us-east-1 provider", () => {
    const cert = single("aws_acm_certificate");
    const validation = single("aws_acm_certificate_validation");
    expect(providerKeyOf(plan, cert.address)).toBe("aws.us_east_1");
    expect(providerKeyOf(plan, validation.address)).toBe("aws.us_east_1");
    expect(plan.plan.configuration?.provider_config?.["aws.us_east_1"]?.expressions).toMatchObject({
      region: { constant_value: "us-east-1" },
    });
    expect(plan.plan.configuration?.provider_config?.aws?.expressions).toMatchObject({
      region: { constant_value: "eu-west-1" },
    });
    expect(cert.change.after).toMatchObject({
      domain_name: "www.example.com",
      subject_alternative_names: expect.arrayContaining(["example.com", "www.example.com"]),
      validation_method: "DNS",
      key_algorithm: "RSA_2048",
    });
  });

  test("the distribution and every record use the default provider", () => {
    const dist = single("aws_cloudfront_distribution");
    expect(providerKeyOf(plan, dist.address)).toBe("aws");
    for (const r of ofType(plan, "aws_route53_record")) {
      expect(providerKeyOf(plan, r.address)).toBe("aws");
    }
  });

  test("the viewer certificate is the validated ARN, sni-only, TLSv1.2_2021", () => {
    const dist = single("aws_cloudfront_distribution");
    const validation = single("aws_acm_certificate_validation");
    expect(referencesOf(plan, dist.address, "viewer_certificate")).toContain(
      `${validation.address}.certificate_arn`,
    );
    expect(referencesOf(plan, dist.address, "viewer_certificate")).not.toContain(
      `${single("aws_acm_certificate").address}.arn`,
    );
    const after = dist.change.after as Record<string, any>;
    expect(after.viewer_certificate).toEqual([
      {
        ssl_support_method: "sni-only",
        minimum_protocol_version: "TLSv1.2_2021",
        cloudfront_default_certificate: null,
        iam_certificate_id: null,
      },
    ]);
    // The ARN is known only once the validation resource has run.
    const unknown = dist.change.after_unknown as Record<string, any>;
    expect(unknown.viewer_certificate).toEqual([{ acm_certificate_arn: true }]);
  });

  test("the distribution carries the aliases and a minimal, real configuration", () => {
    const after = single("aws_cloudfront_distribution").change.after as Record<string, any>;
    expect([...after.aliases].sort()).toEqual(["example.com", "www.example.com"]);
    expect(after).toMatchObject({
      enabled: true,
      http_version: "http2and3",
      is_ipv6_enabled: true,
      price_class: "PriceClass_100",
      wait_for_deployment: true,
      restrictions: [{ geo_restriction: [{ restriction_type: "none" }] }],
      default_cache_behavior: [
        {
          viewer_protocol_policy: "redirect-to-https",
          cache_policy_id: "658327ea-f89d-4fab-a63d-7e88639e58f6",
          target_origin_id: "origin",
          forwarded_values: [],
        },
      ],
    });
    expect(after.origin).toEqual([
      expect.objectContaining({
        origin_id: "origin",
        domain_name: "origin.example.com",
        custom_origin_config: [
          expect.objectContaining({
            origin_protocol_policy: "https-only",
            origin_ssl_protocols: ["TLSv1.2"],
            https_port: 443,
          }),
        ],
      }),
    ]);
  });

  test("alias records A and AAAA point each alias at the distribution", () => {
    const dist = single("aws_cloudfront_distribution");
    const aliasRecords = ofType(plan, "aws_route53_record").filter(
      (r) => ((r.change.after as Record<string, any>).alias ?? []).length > 0,
    );
    expect(
      aliasRecords
        .map((r) => {
          const a = r.change.after as Record<string, any>;
          return `${a.name}/${a.type}`;
        })
        .sort(),
    ).toEqual(["example.com/A", "example.com/AAAA", "www.example.com/A", "www.example.com/AAAA"]);
    for (const r of aliasRecords) {
      expect(r.change.after).toMatchObject({
        zone_id: "Z0EXAMPLE00000000001",
        alias: [{ evaluate_target_health: false }],
      });
      const refs = referencesOf(plan, r.address, "alias");
      expect(refs).toContain(`${dist.address}.domain_name`);
      expect(refs).toContain(`${dist.address}.hosted_zone_id`);
    }
  });

  test("validation records are addressed by name and the validation waits on them", () => {
    const validation = single("aws_acm_certificate_validation");
    expect(referencesOf(plan, validation.address, "validation_record_fqdns")).toEqual(
      expect.arrayContaining([
        "aws_route53_record.acm_validation_example_com.fqdn",
        "aws_route53_record.acm_validation_www_example_com.fqdn",
      ]),
    );
    expect(at(plan, "aws_route53_record.acm_validation_example_com").change.after).toMatchObject({
      zone_id: "Z0EXAMPLE00000000001",
      ttl: 60,
    });
  });
});
