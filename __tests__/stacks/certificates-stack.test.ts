import { S3Backend, Testing } from "cdktf";
import { CertificatesStack } from "../../stacks/certificates-stack";
import { synth } from "../support/synth";

const base = {
  region: "eu-west-1",
  hostedZones: [{ zoneId: "Z1", zoneName: "example.com" }],
  certificates: [
    { name: "site", domainName: "example.com", subjectAlternativeNames: ["*.example.com"] },
  ],
};

describe("CertificatesStack (and BaseStack)", () => {
  test("provider, default tags, local backend and outputs", () => {
    const stack = new CertificatesStack(Testing.app(), "certs", {
      ...base,
      defaultTags: { team: "platform" },
    });
    const out = synth(stack);
    expect(out.json.provider.aws).toEqual([
      { region: "eu-west-1", default_tags: [{ tags: { team: "platform" } }] },
    ]);
    expect(out.json.terraform.backend).toEqual({ local: { path: "terraform.certs.tfstate" } });
    expect(Object.keys(out.outputs()).sort()).toEqual([
      "site_certificate_arn",
      "site_unvalidated_certificate_arn",
      "validation_record_fqdns",
    ]);
    expect(out.outputs().site_certificate_arn.value).toMatch(
      /aws_acm_certificate_validation\..+\.certificate_arn/,
    );
    expect(out.outputs().validation_record_fqdns.value).toEqual([
      "${aws_route53_record.acm_validation_example_com.fqdn}",
    ]);
  });

  test("a certificate in us-east-1 goes through the us_east_1 alias", () => {
    const stack = new CertificatesStack(Testing.app(), "certs", {
      ...base,
      certificates: [{ name: "cdn", domainName: "cdn.example.com", inUsEast1: true }],
    });
    const out = synth(stack);
    expect(out.json.provider.aws).toContainEqual({ alias: "us_east_1", region: "us-east-1" });
    expect(out.list("aws_acm_certificate")[0].provider).toBe("aws.us_east_1");
    expect(stack.certificates.cdn.region).toBe("us-east-1");
  });

  test("in us-east-1 the default provider doubles as the us-east-1 provider", () => {
    const stack = new CertificatesStack(Testing.app(), "certs", {
      ...base,
      region: "us-east-1",
      certificates: [{ name: "cdn", domainName: "cdn.example.com", inUsEast1: true }],
    });
    expect(synth(stack).json.provider.aws).toHaveLength(1);
  });

  test("a DNS role creates one assume-role provider per account for its zones", () => {
    const stack = new CertificatesStack(Testing.app(), "certs", {
      ...base,
      hostedZones: [
        { zoneId: "Z1", zoneName: "example.com", dnsRoleArn: "arn:aws:iam::222222222222:role/dns" },
        { zoneId: "Z2", zoneName: "example.org", dnsRoleArn: "arn:aws:iam::222222222222:role/dns" },
      ],
      certificates: [
        { name: "site", domainName: "example.com", subjectAlternativeNames: ["example.org"] },
      ],
    });
    const out = synth(stack);
    const aliases = out.json.provider.aws.filter((p: any) => p.alias);
    expect(aliases).toEqual([
      {
        alias: "dns_222222222222",
        region: "eu-west-1",
        assume_role: [
          { role_arn: "arn:aws:iam::222222222222:role/dns", session_name: "tls-dns-validation" },
        ],
      },
    ]);
    for (const r of out.list("aws_route53_record")) expect(r.provider).toBe("aws.dns_222222222222");
  });

  test("a custom backend replaces the local one", () => {
    const stack = new CertificatesStack(Testing.app(), "certs", {
      ...base,
      backend: (s) =>
        new S3Backend(s, { bucket: "state-bucket", key: "certs.tfstate", region: "eu-west-1" }),
    });
    expect(Object.keys(synth(stack).json.terraform.backend)).toEqual(["s3"]);
  });

  test("errors: a malformed DNS role and a repeated certificate name", () => {
    expect(
      () =>
        new CertificatesStack(Testing.app(), "certs", {
          ...base,
          hostedZones: [{ zoneId: "Z1", zoneName: "example.com", dnsRoleArn: "dns-role" }],
        }),
    ).toThrow(
      /\[certs\] hostedZones\[0\]\.dnsRoleArn must be the ARN of an IAM role \(arn:aws:iam::<account>:role\/<name>\); it is not an ARN: "dns-role"/,
    );
    expect(
      () =>
        new CertificatesStack(Testing.app(), "certs", {
          ...base,
          certificates: [...base.certificates, ...base.certificates],
        }),
    ).toThrow(/certificates\[\]\.name "site" is given twice; names must be unique/);
  });
});
