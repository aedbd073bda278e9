import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { TerraformVariable } from "cdktf";
import {
  checkMinimumProtocolVersion,
  cloudFrontViewerCertificate,
} from "../../../modules/attach/cloudfront-certificate";
import {
  CACHING_OPTIMIZED_CACHE_POLICY_ID,
  CloudFrontDistribution,
  CloudFrontDistributionProps,
} from "../../../modules/attach/cloudfront-distribution";
import { Certificate, CertificateProps } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import { aliasProvider, rendered, synth, testStack } from "../../support/synth";

const ZONE = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };

/** A stack in eu-west-1 with a us-east-1 alias, and a certificate requested through `where`. */
function setup(
  certProps: Partial<CertificateProps> = {},
  where: "us-east-1 alias" | "default eu-west-1" = "us-east-1 alias",
) {
  const t = testStack("eu-west-1");
  const usEast1 = aliasProvider(t.stack, "us_east_1", "us-east-1");
  const certificate = new Certificate(t.stack, "Cert", {
    domainName: "example.com",
    subjectAlternativeNames: ["www.example.com"],
    validation: CertificateValidation.fromDns([ZONE]),
    provider: where === "us-east-1 alias" ? usEast1 : undefined,
    ...certProps,
  });
  return { ...t, usEast1, certificate };
}

function distribution(props: Partial<CloudFrontDistributionProps> = {}, certProps = {}) {
  const t = setup(certProps);
  const d = new CloudFrontDistribution(t.stack, "Site", {
    certificate: t.certificate,
    aliases: ["www.example.com", "example.com"],
    originDomainName: "origin.example.com",
    ...props,
  });
  return { ...t, d };
}

describe("cloudFrontViewerCertificate (for your own distribution)", () => {
  test("returns the aliases and an sni-only viewer_certificate on the validated ARN", () => {
    const { stack, certificate } = setup();
    const config = cloudFrontViewerCertificate(stack, {
      certificate,
      aliases: ["www.example.com", "example.com"],
    });
    expect(config.aliases).toEqual(["www.example.com", "example.com"]);
    expect(config.viewerCertificate).toEqual({
      acmCertificateArn: certificate.certificateArn,
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: "TLSv1.2_2021",
    });
    const validation = synth(stack).resources("aws_acm_certificate_validation");
    expect(rendered(stack, config.viewerCertificate.acmCertificateArn)).toBe(
      `\${aws_acm_certificate_validation.${Object.keys(validation)[0]}.certificate_arn}`,
    );
  });

  test("plugs into a distribution the user defines", () => {
    const { stack, certificate } = setup();
    const { aliases, viewerCertificate } = cloudFrontViewerCertificate(stack, {
      certificate,
      aliases: ["example.com"],
      minimumProtocolVersion: "TLSv1.2_2019",
    });
    new CloudfrontDistribution(stack, "Mine", {
      enabled: true,
      aliases,
      viewerCertificate,
      origin: [{ originId: "o", domainName: "origin.example.com" }],
      defaultCacheBehavior: {
        targetOriginId: "o",
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: CACHING_OPTIMIZED_CACHE_POLICY_ID,
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
    });
    const out = synth(stack);
    const [validationName] = Object.keys(out.resources("aws_acm_certificate_validation"));
    const mine = out.list("aws_cloudfront_distribution")[0];
    expect(mine.aliases).toEqual(["example.com"]);
    expect(mine.viewer_certificate).toEqual({
      acm_certificate_arn: `\${aws_acm_certificate_validation.${validationName}.certificate_arn}`,
      ssl_support_method: "sni-only",
      minimum_protocol_version: "TLSv1.2_2019",
    });
  });

  test("accepts every TLS 1.2 policy the pinned provider knows", () => {
    const { stack } = setup();
    for (const v of ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021"]) {
      expect(checkMinimumProtocolVersion(stack, v)).toBe(v);
    }
    expect(checkMinimumProtocolVersion(stack, undefined)).toBe("TLSv1.2_2021");
  });

  test.each(["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"])("rejects the weak policy %s", (v) => {
    const { stack, certificate } = setup();
    expect(() =>
      cloudFrontViewerCertificate(stack, {
        certificate,
        aliases: ["example.com"],
        minimumProtocolVersion: v,
      }),
    ).toThrow(
      new RegExp(
        `minimumProtocolVersion must require TLS 1\\.2 or newer .*got "${v.replace(/\./g, "\\.")}"`,
      ),
    );
  });

  test.each(["TLSv1.2_2025", "TLSv1.3_2025"])(
    "explains that %s needs a newer provider than the pinned 5.100.0",
    (v) => {
      const { stack, certificate } = setup();
      expect(() =>
        cloudFrontViewerCertificate(stack, {
          certificate,
          aliases: ["example.com"],
          minimumProtocolVersion: v,
        }),
      ).toThrow(
        /minimumProtocolVersion ".*_2025" exists in CloudFront, but AWS provider 5\.100\.0/,
      );
    },
  );

  test("rejects an unknown policy and lists the allowed ones", () => {
    const { stack, certificate } = setup();
    expect(() =>
      cloudFrontViewerCertificate(stack, {
        certificate,
        aliases: ["example.com"],
        minimumProtocolVersion: "TLSv1.2",
      }),
    ).toThrow(
      /minimumProtocolVersion must be one of "TLSv1\.2_2018", "TLSv1\.2_2019", "TLSv1\.2_2021", got "TLSv1\.2"/,
    );
  });

  test("passes a token policy through unchecked", () => {
    const { stack, certificate } = setup();
    const v = new TerraformVariable(stack, "policy", { type: "string" });
    const config = cloudFrontViewerCertificate(stack, {
      certificate,
      aliases: ["example.com"],
      minimumProtocolVersion: v.stringValue,
    });
    expect(rendered(stack, config.viewerCertificate.minimumProtocolVersion)).toBe("${var.policy}");
  });

  test("rejects a certificate outside us-east-1, naming both regions", () => {
    const { stack, certificate } = setup({}, "default eu-west-1");
    expect(certificate.region).toBe("eu-west-1");
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate, aliases: ["example.com"] }),
    ).toThrow(
      /^\[test\] certificate: the certificate is in eu-west-1, but CloudFront needs a certificate in us-east-1$/,
    );
  });

  test("rejects an imported certificate whose region is unknown (a token ARN)", () => {
    const { stack } = setup();
    const imported = Certificate.fromCertificateArn(
      stack,
      "Imported",
      new TerraformVariable(stack, "certificate_arn", { type: "string" }).stringValue,
    );
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate: imported, aliases: ["example.com"] }),
    ).toThrow(
      /certificate: the certificate's region is unknown at synth, but CloudFront needs it in us-east-1/,
    );
  });

  test("accepts an imported certificate declared in us-east-1, without coverage metadata", () => {
    const { stack } = setup();
    const imported = Certificate.fromCertificateArn(
      stack,
      "Imported",
      "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000",
      { region: "us-east-1" },
    );
    const config = cloudFrontViewerCertificate(stack, {
      certificate: imported,
      aliases: ["anything.example.org"],
    });
    expect(config.viewerCertificate.acmCertificateArn).toBe(imported.certificateArn);
  });

  test("rejects a P-384 key, which CloudFront does not accept", () => {
    const { stack, certificate } = setup({ keyAlgorithm: KeyAlgorithm.EC_SECP384R1 });
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate, aliases: ["example.com"] }),
    ).toThrow(/certificate uses key algorithm "EC_secp384r1", which CloudFront does not accept/);
  });

  test("accepts a P-256 key", () => {
    const { stack, certificate } = setup({ keyAlgorithm: KeyAlgorithm.EC_PRIME256V1 });
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate, aliases: ["example.com"] }),
    ).not.toThrow();
  });

  test("rejects an alias the certificate does not cover", () => {
    const { stack, certificate } = setup();
    expect(() =>
      cloudFrontViewerCertificate(stack, {
        certificate,
        aliases: ["www.example.com", "api.example.com"],
      }),
    ).toThrow(/aliases has names the certificate does not cover: "api\.example\.com"/);
  });

  test("a wildcard covers one label, not the apex nor two labels", () => {
    const { stack, certificate } = setup({
      domainName: "*.example.com",
      subjectAlternativeNames: [],
    });
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate, aliases: ["www.example.com"] }),
    ).not.toThrow();
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate, aliases: ["a.b.example.com"] }),
    ).toThrow(/does not cover: "a\.b\.example\.com"/);
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate, aliases: ["example.com"] }),
    ).toThrow(/does not cover: "example\.com"/);
  });

  test("rejects empty aliases", () => {
    const { stack, certificate } = setup();
    expect(() => cloudFrontViewerCertificate(stack, { certificate, aliases: [] })).toThrow(
      /aliases must name at least one alternate domain name.*got \[\]/,
    );
  });

  test("rejects aliases with a trailing dot or upper case", () => {
    const { stack, certificate } = setup();
    expect(() =>
      cloudFrontViewerCertificate(stack, { certificate, aliases: ["www.example.com."] }),
    ).toThrow(/aliases\[0\] must not end with a dot; use "www\.example\.com"/);
    expect(() =>
      cloudFrontViewerCertificate(stack, {
        certificate,
        aliases: ["example.com", "WWW.example.com"],
      }),
    ).toThrow(/aliases\[1\] must be lower-case; use "www\.example\.com"/);
  });

  test("rejects a repeated alias", () => {
    const { stack, certificate } = setup();
    expect(() =>
      cloudFrontViewerCertificate(stack, {
        certificate,
        aliases: ["example.com", "example.com"],
      }),
    ).toThrow(/aliases must not repeat a name, got "example\.com" more than once/);
  });
});

describe("CloudFrontDistribution", () => {
  test("creates a deployable distribution with the defaults", () => {
    const { stack } = distribution();
    const out = synth(stack);
    const dists = out.list("aws_cloudfront_distribution");
    expect(dists).toHaveLength(1);
    const [validationName] = Object.keys(out.resources("aws_acm_certificate_validation"));
    expect(dists[0]).toMatchObject({
      enabled: true,
      aliases: ["www.example.com", "example.com"],
      http_version: "http2and3",
      is_ipv6_enabled: true,
      price_class: "PriceClass_All",
      wait_for_deployment: true,
      origin: [
        {
          origin_id: "origin",
          domain_name: "origin.example.com",
          custom_origin_config: {
            http_port: 80,
            https_port: 443,
            origin_protocol_policy: "https-only",
            origin_ssl_protocols: ["TLSv1.2"],
          },
        },
      ],
      default_cache_behavior: {
        target_origin_id: "origin",
        viewer_protocol_policy: "redirect-to-https",
        allowed_methods: ["GET", "HEAD"],
        cached_methods: ["GET", "HEAD"],
        cache_policy_id: "658327ea-f89d-4fab-a63d-7e88639e58f6",
        compress: true,
      },
      restrictions: { geo_restriction: { restriction_type: "none" } },
      viewer_certificate: {
        acm_certificate_arn: `\${aws_acm_certificate_validation.${validationName}.certificate_arn}`,
        ssl_support_method: "sni-only",
        minimum_protocol_version: "TLSv1.2_2021",
      },
    });
    expect(dists[0].default_cache_behavior.forwarded_values).toBeUndefined();
    expect(dists[0].provider).toBeUndefined();
    expect(dists[0].comment).toBeUndefined();
    expect(out.list("aws_route53_record").filter((r) => r.alias)).toHaveLength(0);
  });

  test("the certificate and its validation use the us-east-1 alias; the distribution does not", () => {
    const { stack } = distribution();
    const out = synth(stack);
    expect(out.list("aws_acm_certificate")[0].provider).toBe("aws.us_east_1");
    expect(out.list("aws_acm_certificate_validation")[0].provider).toBe("aws.us_east_1");
    expect(out.list("aws_cloudfront_distribution")[0].provider).toBeUndefined();
  });

  test("takes every option", () => {
    const t = setup();
    const d = new CloudFrontDistribution(t.stack, "Site", {
      certificate: t.certificate,
      aliases: ["example.com"],
      originDomainName: "bucket.s3-website-eu-west-1.amazonaws.com",
      originProtocolPolicy: "http-only",
      originId: "website",
      cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
      priceClass: "PriceClass_100",
      minimumProtocolVersion: "TLSv1.2_2018",
      comment: "the site",
      waitForDeployment: false,
      provider: t.usEast1,
      tags: { team: "web" },
    });
    const dist = synth(t.stack).list("aws_cloudfront_distribution")[0];
    expect(dist).toMatchObject({
      aliases: ["example.com"],
      comment: "the site",
      price_class: "PriceClass_100",
      wait_for_deployment: false,
      provider: "aws.us_east_1",
      tags: { team: "web" },
      origin: [
        {
          origin_id: "website",
          domain_name: "bucket.s3-website-eu-west-1.amazonaws.com",
          custom_origin_config: { origin_protocol_policy: "http-only" },
        },
      ],
      default_cache_behavior: {
        target_origin_id: "website",
        cache_policy_id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
      },
      viewer_certificate: { minimum_protocol_version: "TLSv1.2_2018" },
    });
    expect(d.aliases).toEqual(["example.com"]);
    expect(d.aliasRecords).toBeUndefined();
  });

  test("with hostedZones, creates alias A and AAAA records to the distribution, keyed by name", () => {
    const { stack, d } = distribution({ hostedZones: [ZONE] });
    const out = synth(stack);
    const [distName] = Object.keys(out.resources("aws_cloudfront_distribution"));
    const aliases = Object.entries(out.resources("aws_route53_record")).filter(([, r]) => r.alias);
    expect(aliases.map(([, r]) => `${r.name}/${r.type}`).sort()).toEqual([
      "example.com/A",
      "example.com/AAAA",
      "www.example.com/A",
      "www.example.com/AAAA",
    ]);
    for (const [address, r] of aliases) {
      expect(address).toMatch(/AliasRecords_(www_)?example_com_(A|AAAA)_/);
      expect(r.zone_id).toBe("Z0EXAMPLE00000000001");
      expect(r.provider).toBeUndefined();
      expect(r.alias).toEqual({
        name: `\${aws_cloudfront_distribution.${distName}.domain_name}`,
        zone_id: `\${aws_cloudfront_distribution.${distName}.hosted_zone_id}`,
        evaluate_target_health: false,
      });
    }
    expect([...d.aliasRecords!.records.keys()].sort()).toEqual([
      "example.com/A",
      "example.com/AAAA",
      "www.example.com/A",
      "www.example.com/AAAA",
    ]);
  });

  test("runs the certificate checks: wrong region", () => {
    const t = setup({}, "default eu-west-1");
    expect(
      () =>
        new CloudFrontDistribution(t.stack, "Site", {
          certificate: t.certificate,
          aliases: ["example.com"],
          originDomainName: "origin.example.com",
        }),
    ).toThrow(
      /^\[test\/Site\] certificate: the certificate is in eu-west-1, but CloudFront needs a certificate in us-east-1/,
    );
  });

  test("runs the certificate checks: P-384, uncovered alias, empty aliases, weak policy", () => {
    expect(() => distribution({}, { keyAlgorithm: "EC_secp384r1" })).toThrow(
      /\[test\/Site\] certificate uses key algorithm "EC_secp384r1"/,
    );
    expect(() => distribution({ aliases: ["shop.example.com"] })).toThrow(
      /\[test\/Site\] aliases has names the certificate does not cover: "shop\.example\.com"/,
    );
    expect(() => distribution({ aliases: [] })).toThrow(
      /\[test\/Site\] aliases must name at least one/,
    );
    expect(() => distribution({ minimumProtocolVersion: "TLSv1.1_2016" })).toThrow(
      /\[test\/Site\] minimumProtocolVersion must require TLS 1\.2 or newer/,
    );
  });

  test.each([
    ["https://origin.example.com", /without scheme.*for example "origin\.example\.com"/],
    ["origin.example.com/app", /without scheme, port, path.*for example "origin\.example\.com"/],
    ["origin.example.com:8443", /for example "origin\.example\.com"/],
    ["203.0.113.10", /CloudFront rejects an IP address/],
    ["", /originDomainName must be the origin's DNS name/],
  ])("rejects the origin %j", (origin, message) => {
    expect(() => distribution({ originDomainName: origin })).toThrow(message);
    expect(() => distribution({ originDomainName: origin })).toThrow(/originDomainName/);
  });

  test("accepts a token origin", () => {
    const t = setup();
    const v = new TerraformVariable(t.stack, "origin", { type: "string" });
    new CloudFrontDistribution(t.stack, "Site", {
      certificate: t.certificate,
      aliases: ["example.com"],
      originDomainName: v.stringValue,
    });
    expect(synth(t.stack).list("aws_cloudfront_distribution")[0].origin[0].domain_name).toBe(
      "${var.origin}",
    );
  });

  test("rejects a bad price class, origin protocol policy, cache policy id, origin id and long comment", () => {
    expect(() => distribution({ priceClass: "PriceClass_50" as never })).toThrow(
      /priceClass must be one of "PriceClass_All", "PriceClass_200", "PriceClass_100", got "PriceClass_50"/,
    );
    expect(() => distribution({ originProtocolPolicy: "https" as never })).toThrow(
      /originProtocolPolicy must be one of "https-only", "http-only", "match-viewer", got "https"/,
    );
    expect(() => distribution({ cachePolicyId: "Managed-CachingOptimized" })).toThrow(
      /cachePolicyId must be a cache policy id .*got "Managed-CachingOptimized"/,
    );
    expect(() => distribution({ originId: " " })).toThrow(/originId must not be empty/);
    expect(() => distribution({ comment: "x".repeat(129) })).toThrow(
      /comment must be at most 128 characters, got 129/,
    );
    expect(() => distribution({ comment: "x".repeat(128) })).not.toThrow();
  });

  test("exposes the distribution's attributes", () => {
    const { stack, d } = distribution();
    expect(d.resource).toBeInstanceOf(CloudfrontDistribution);
    const address = `aws_cloudfront_distribution.${d.resource.friendlyUniqueId}`;
    expect(rendered(stack, d.distributionId)).toBe(`\${${address}.id}`);
    expect(rendered(stack, d.distributionArn)).toBe(`\${${address}.arn}`);
    expect(rendered(stack, d.distributionDomainName)).toBe(`\${${address}.domain_name}`);
    expect(rendered(stack, d.distributionHostedZoneId)).toBe(`\${${address}.hosted_zone_id}`);
  });
});
