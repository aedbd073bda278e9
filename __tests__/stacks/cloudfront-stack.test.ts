import { Testing } from "cdktf";
import { KeyAlgorithm } from "../../modules/certificate/key-algorithm";
import { CloudFrontStack, CloudFrontStackProps } from "../../stacks/cloudfront-stack";
import { synth } from "../support/synth";

const BASE: CloudFrontStackProps = {
  region: "eu-west-1",
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  aliases: ["www.example.com", "example.com"],
  originDomainName: "origin.example.com",
};

const make = (props: Partial<CloudFrontStackProps> = {}) =>
  new CloudFrontStack(Testing.app(), "cf", { ...BASE, ...props });

describe("CloudFrontStack", () => {
  test("in eu-west-1: a us_east_1 alias for the certificate, the default provider for the rest", () => {
    const out = synth(make());
    expect(out.json.provider.aws).toEqual([
      expect.objectContaining({ region: "eu-west-1" }),
      expect.objectContaining({ alias: "us_east_1", region: "us-east-1" }),
    ]);
    expect(out.list("aws_acm_certificate")[0].provider).toBe("aws.us_east_1");
    expect(out.list("aws_acm_certificate_validation")[0].provider).toBe("aws.us_east_1");
    expect(out.list("aws_cloudfront_distribution")[0].provider).toBeUndefined();
    for (const r of out.list("aws_route53_record")) expect(r.provider).toBeUndefined();
  });

  test("in us-east-1: one provider for everything", () => {
    const out = synth(make({ region: "us-east-1" }));
    expect(out.json.provider.aws).toHaveLength(1);
    expect(out.list("aws_acm_certificate")[0].provider ?? "aws").toBe("aws");
    expect(out.list("aws_cloudfront_distribution")[0].viewer_certificate).toMatchObject({
      ssl_support_method: "sni-only",
    });
  });

  test("the default certificate covers exactly the aliases, the first as primary name", () => {
    const cert = synth(make()).list("aws_acm_certificate")[0];
    expect(cert.domain_name).toBe("www.example.com");
    expect(cert.subject_alternative_names).toEqual(["example.com"]);
  });

  test("a given certificate is used, and checked against the aliases", () => {
    const out = synth(
      make({
        certificate: {
          domainName: "example.com",
          subjectAlternativeNames: ["*.example.com"],
          keyAlgorithm: KeyAlgorithm.EC_PRIME256V1,
        },
      }),
    );
    expect(out.list("aws_acm_certificate")[0]).toMatchObject({
      domain_name: "example.com",
      subject_alternative_names: ["*.example.com"],
      key_algorithm: "EC_prime256v1",
    });
    expect(() => make({ certificate: { domainName: "example.com" } })).toThrow(
      /\[cf\/Distribution\] aliases has names the certificate does not cover: "www\.example\.com"/,
    );
    expect(() =>
      make({
        certificate: {
          domainName: "www.example.com",
          subjectAlternativeNames: ["example.com"],
          keyAlgorithm: "EC_secp384r1",
        },
      }),
    ).toThrow(/\[cf\/Distribution\] certificate uses key algorithm "EC_secp384r1"/);
  });

  test("outputs the distribution id, ARN, domain name and the certificate ARNs", () => {
    const out = synth(make());
    const [dist] = Object.keys(out.resources("aws_cloudfront_distribution"));
    const [validation] = Object.keys(out.resources("aws_acm_certificate_validation"));
    const outputs = out.outputs();
    expect(Object.keys(outputs).sort()).toEqual([
      "cloudfront_certificate_arn",
      "cloudfront_unvalidated_certificate_arn",
      "distribution_arn",
      "distribution_domain_name",
      "distribution_id",
    ]);
    expect(outputs.distribution_id.value).toBe(`\${aws_cloudfront_distribution.${dist}.id}`);
    expect(outputs.distribution_domain_name.value).toBe(
      `\${aws_cloudfront_distribution.${dist}.domain_name}`,
    );
    expect(outputs.cloudfront_certificate_arn.value).toBe(
      `\${aws_acm_certificate_validation.${validation}.certificate_arn}`,
    );
  });

  test("rejects empty aliases before requesting anything", () => {
    expect(() => make({ aliases: [] })).toThrow(
      /^\[cf\] aliases must name at least one alternate domain name, got \[\]$/,
    );
  });

  test("passes the distribution options through", () => {
    const dist = synth(
      make({
        priceClass: "PriceClass_200",
        minimumProtocolVersion: "TLSv1.2_2019",
        originProtocolPolicy: "match-viewer",
        comment: "c",
        waitForDeployment: false,
      }),
    ).list("aws_cloudfront_distribution")[0];
    expect(dist).toMatchObject({
      price_class: "PriceClass_200",
      comment: "c",
      wait_for_deployment: false,
      viewer_certificate: { minimum_protocol_version: "TLSv1.2_2019" },
      origin: [{ custom_origin_config: { origin_protocol_policy: "match-viewer" } }],
    });
    expect(() => make({ minimumProtocolVersion: "TLSv1" })).toThrow(
      /minimumProtocolVersion must require TLS 1\.2 or newer/,
    );
  });

  test("defaults to GET/HEAD on ports 80/443, and passes methods and ports through", () => {
    const plain = synth(make()).list("aws_cloudfront_distribution")[0];
    expect(plain.default_cache_behavior).toMatchObject({
      allowed_methods: ["GET", "HEAD"],
      cached_methods: ["GET", "HEAD"],
    });
    expect(plain.origin[0].custom_origin_config).toMatchObject({ http_port: 80, https_port: 443 });

    const api = synth(
      make({
        allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
        cachedMethods: ["GET", "HEAD", "OPTIONS"],
        originHttpPort: 8080,
        originHttpsPort: 8443,
      }),
    ).list("aws_cloudfront_distribution")[0];
    expect(api.default_cache_behavior).toMatchObject({
      allowed_methods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
      cached_methods: ["GET", "HEAD", "OPTIONS"],
    });
    expect(api.origin[0].custom_origin_config).toMatchObject({ http_port: 8080, https_port: 8443 });
  });

  test("an invalid alias is reported as aliases[i], before the certificate sees it", () => {
    expect(() => make({ aliases: ["www.example.com", "Example.com"] })).toThrow(
      /^\[cf\] aliases\[1\] must be lower-case; use "example.com": "Example.com"$/,
    );
  });
});
