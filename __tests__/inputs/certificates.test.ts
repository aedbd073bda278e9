// Inputs a new user might give a public certificate, its DNS validation and CertificatesStack,
// through the public API only. Bad inputs fail at synth with a ValidationError naming the
// property and the value; valid but unusual inputs synthesize; tokens reach the JSON untouched.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Lazy, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Certificate, CertificateProps } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { HostedZoneRef } from "../../modules/dns/hosted-zone";
import { accountKeyOf } from "../../modules/util/provider-info";
import { CertificatesStack, CertificatesStackProps } from "../../stacks";
import { expectValidationError } from "../support/inputs";
import { synth, testStack } from "../support/synth";

const ZONE: HostedZoneRef = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };
const CERT_ARN =
  "arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0000-1111-2222-333344445555";
const TOKEN = "<token: unknown at synth>";
/** A role ARN known only at synth's end: a token, as a remote-state output would be. */
const ROLE_TOKEN = Lazy.stringValue({ produce: () => "arn:aws:iam::222222222222:role/dns" });

function certificate(extra: Partial<CertificateProps> = {}): Certificate {
  const { stack } = testStack();
  return new Certificate(stack, "Cert", {
    domainName: "example.com",
    validation: CertificateValidation.fromDns([ZONE]),
    ...extra,
  });
}

function zones(hostedZones: HostedZoneRef[], recordTtl?: number): () => Certificate {
  return () =>
    certificate({ validation: CertificateValidation.fromDns(hostedZones, { recordTtl }) });
}

function stack(extra: Partial<CertificatesStackProps> = {}): CertificatesStack {
  return new CertificatesStack(Testing.app(), "certs", {
    region: "eu-west-1",
    hostedZones: [ZONE],
    certificates: [{ name: "site", domainName: "example.com" }],
    ...extra,
  });
}

/** [what, build, property named, value shown] */
type Row = [string, () => unknown, string, string];

const bad: Row[] = [
  // validationTimeout: every duration Terraform accepts, nothing else
  [
    "timeout without unit",
    () => certificate({ validationTimeout: "45" }),
    "validationTimeout",
    '"45"',
  ],
  [
    "timeout word",
    () => certificate({ validationTimeout: "forever" }),
    "validationTimeout",
    '"forever"',
  ],
  ["timeout zero", () => certificate({ validationTimeout: "0s" }), "validationTimeout", '"0s"'],
  [
    "timeout negative",
    () => certificate({ validationTimeout: "-5m" }),
    "validationTimeout",
    '"-5m"',
  ],
  ["timeout days", () => certificate({ validationTimeout: "1d" }), "validationTimeout", '"1d"'],
  [
    "timeout spaces",
    () => certificate({ validationTimeout: "1h 30m" }),
    "validationTimeout",
    '"1h 30m"',
  ],
  // record TTL: whole seconds in Route 53's range
  ["negative TTL", zones([ZONE], -1), "validation.recordTtl", "-1"],
  ["fractional TTL", zones([ZONE], 1.5), "validation.recordTtl", "1.5"],
  ["TTL past Route 53's range", zones([ZONE], 2147483648), "validation.recordTtl", "2147483648"],
  // zones
  [
    "empty zone id",
    zones([{ zoneId: "", zoneName: "example.com" }]),
    "validation.hostedZones[0].zoneId",
    '""',
  ],
  [
    "lower-case zone id",
    zones([{ zoneId: "z123", zoneName: "example.com" }]),
    "validation.hostedZones[0].zoneId",
    '"z123"',
  ],
  [
    "zone id with a space",
    zones([{ zoneId: "Z1 2", zoneName: "example.com" }]),
    "validation.hostedZones[0].zoneId",
    '"Z1 2"',
  ],
  [
    "one zone id under two names",
    zones([ZONE, { zoneId: ZONE.zoneId, zoneName: "example.org" }]),
    "validation.hostedZones",
    '"Z0EXAMPLE00000000001"',
  ],
  [
    "zone name twice",
    zones([ZONE, { zoneId: "Z2", zoneName: "example.com" }]),
    "validation.hostedZones",
    '"example.com"',
  ],
  [
    "wildcard zone",
    zones([{ zoneId: "Z1", zoneName: "*.example.com" }]),
    "validation.hostedZones[0].zoneName",
    '"*.example.com"',
  ],
  [
    "zone with trailing dot",
    zones([{ zoneId: "Z1", zoneName: "example.com." }]),
    "validation.hostedZones[0].zoneName",
    '"example.com."',
  ],
  ["no zone at all", zones([]), "validation.hostedZones", "[]"],
  [
    "no authoritative zone",
    () => certificate({ domainName: "example.org" }),
    "hosted zone",
    '"example.org"',
  ],
  // fromCertificateArn: a literal ARN is parsed
  [
    "not an ARN",
    () => Certificate.fromCertificateArn(testStack().stack, "C", "my-cert"),
    "certificateArn",
    '"my-cert"',
  ],
  [
    "an ELB ARN as certificate",
    () =>
      Certificate.fromCertificateArn(
        testStack().stack,
        "C",
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef",
      ),
    "certificateArn",
    '"elasticloadbalancing"',
  ],
  [
    "an ACM ARN that is not a certificate id",
    () =>
      Certificate.fromCertificateArn(
        testStack().stack,
        "C",
        "arn:aws:acm:eu-west-1:111111111111:certificate/abc",
      ),
    "certificateArn",
    '"certificate/abc"',
  ],
  [
    "an ARN without region",
    () =>
      Certificate.fromCertificateArn(
        testStack().stack,
        "C",
        "arn:aws:acm::111111111111:certificate/0123abcd-0000-1111-2222-333344445555",
      ),
    "certificateArn",
    "no region",
  ],
  [
    "a region attribute contradicting the ARN",
    () => Certificate.fromCertificateArn(testStack().stack, "C", CERT_ARN, { region: "eu-west-1" }),
    "certificateArn",
    '"us-east-1"',
  ],
  [
    "an empty ARN",
    () => Certificate.fromCertificateArn(testStack().stack, "C", ""),
    "certificateArn",
    '""',
  ],
  // CertificatesStack names become Terraform identifiers
  [
    "name with a space",
    () => stack({ certificates: [{ name: "my site", domainName: "example.com" }] }),
    "certificates[0].name",
    '"my site"',
  ],
  [
    "name starting with a digit",
    () => stack({ certificates: [{ name: "1site", domainName: "example.com" }] }),
    "certificates[0].name",
    '"1site"',
  ],
  [
    "empty name",
    () => stack({ certificates: [{ name: "", domainName: "example.com" }] }),
    "certificates[0].name",
    '""',
  ],
  [
    "name of the stack's provider",
    () => stack({ certificates: [{ name: "aws", domainName: "example.com" }] }),
    "certificates[].name",
    '"aws"',
  ],
  [
    "name of the record registry",
    () => stack({ certificates: [{ name: "AcmValidationRecords", domainName: "example.com" }] }),
    "certificates[].name",
    '"AcmValidationRecords"',
  ],
  [
    "a name whose output another certificate's unvalidated output takes",
    () =>
      stack({
        certificates: [
          { name: "a", domainName: "example.com" },
          { name: "a_unvalidated", domainName: "www.example.com" },
        ],
      }),
    "certificates[].name",
    '"a_unvalidated"',
  ],
  [
    "the same name twice",
    () =>
      stack({
        certificates: [
          { name: "site", domainName: "example.com" },
          { name: "site", domainName: "www.example.com" },
        ],
      }),
    "certificates[].name",
    '"site"',
  ],
  ["no certificates", () => stack({ certificates: [] }), "certificates", "[]"],
  [
    "a name given as a token (names must be known at synth)",
    () =>
      stack({
        certificates: [
          { name: Lazy.stringValue({ produce: () => "x" }), domainName: "example.com" },
        ],
      }),
    "certificates[0].name",
    TOKEN,
  ],
  [
    "us-east-1 certificate without the us-east-1 provider",
    () =>
      stack({
        usEast1Provider: false,
        certificates: [{ name: "cf", domainName: "example.com", inUsEast1: true }],
      }),
    "certificates[0].inUsEast1",
    "usEast1Provider is false",
  ],
  [
    "maxDomainNames above ACM's hard limit",
    () =>
      stack({ certificates: [{ name: "site", domainName: "example.com", maxDomainNames: 101 }] }),
    "maxDomainNames",
    "101",
  ],
  [
    "a DNS role that is not an ARN",
    () => stack({ hostedZones: [{ ...ZONE, dnsRoleArn: "dns" }] }),
    "hostedZones[0].dnsRoleArn",
    '"dns"',
  ],
  [
    "a DNS role that is a user, not a role",
    () => stack({ hostedZones: [{ ...ZONE, dnsRoleArn: "arn:aws:iam::222222222222:user/dns" }] }),
    "hostedZones[0].dnsRoleArn",
    '"user/dns"',
  ],
  [
    "a stack zone id under two names",
    () => stack({ hostedZones: [ZONE, { ...ZONE, zoneName: "example.org" }] }),
    "hostedZones",
    '"Z0EXAMPLE00000000001"',
  ],
];

describe("certificate and CertificatesStack inputs: bad values fail at synth", () => {
  test.each(bad)("%s", (_what, build, property, value) => {
    expectValidationError(build, [property, value]);
  });

  test("the table holds at least 35 bad inputs", () => {
    expect(bad.length).toBeGreaterThanOrEqual(35);
  });
});

describe("valid but unusual inputs synthesize", () => {
  test.each([["1.5h"], ["90m"], ["1h30m"], ["2h45m30.5s"], ["45m"]])(
    "validationTimeout %s",
    (t) => {
      const c = certificate({ validationTimeout: t });
      const validation = synth(c.node.scope as TerraformStack).list(
        "aws_acm_certificate_validation",
      )[0];
      expect(validation.timeouts).toEqual({ create: t });
    },
  );

  test("TTL 0 and the largest TTL Route 53 takes", () => {
    for (const ttl of [0, 2147483647]) {
      const c = zones([ZONE], ttl)();
      expect(synth(c.node.scope as TerraformStack).list("aws_route53_record")[0].ttl).toBe(ttl);
    }
  });

  test("a zone id with the /hostedzone/ prefix the API returns", () => {
    const c = zones([{ zoneId: "/hostedzone/Z0EXAMPLE00000000001", zoneName: "example.com" }])();
    expect(synth(c.node.scope as TerraformStack).list("aws_route53_record")).toHaveLength(1);
  });

  test("a literal us-east-1 ARN needs no region attribute: its region comes from the ARN", () => {
    const cert = Certificate.fromCertificateArn(testStack().stack, "C", CERT_ARN);
    expect(cert.region).toBe("us-east-1");
  });

  test("a token ARN passes untouched, region unknown unless given", () => {
    const { stack } = testStack();
    const arn = new TerraformVariable(stack, "arn", { type: "string" }).stringValue;
    expect(Certificate.fromCertificateArn(stack, "A", arn).region).toBeUndefined();
    expect(Certificate.fromCertificateArn(stack, "B", arn, { region: "us-east-1" }).region).toBe(
      "us-east-1",
    );
  });

  test("a keyAlgorithm token reaches the JSON unchanged", () => {
    const { stack } = testStack();
    const key = new TerraformVariable(stack, "key", { type: "string" }).stringValue;
    const c = new Certificate(stack, "Cert", {
      domainName: "example.com",
      keyAlgorithm: key,
      validation: CertificateValidation.fromExternalDns(),
    });
    expect(synth(stack).list("aws_acm_certificate")[0].key_algorithm).toBe("${var.key}");
    expect(c.keyAlgorithm.isKnownAtSynth).toBe(false);
  });

  test("a token name with Route 53 validation fails naming it as unknown at synth, never as a placeholder", () => {
    const { stack } = testStack();
    const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
    expect(
      () =>
        new Certificate(stack, "Cert", {
          domainName: "example.com",
          subjectAlternativeNames: [name],
          validation: CertificateValidation.fromDns([ZONE]),
        }),
    ).toThrow(/every name must be known at synth; got 1 token/);
  });

  test("a token DNS role ARN gets a provider of its own; the message of a bad one never shows a placeholder", () => {
    const app = Testing.app();
    const s = new CertificatesStack(app, "certs", {
      region: "eu-west-1",
      hostedZones: [{ ...ZONE, dnsRoleArn: ROLE_TOKEN }],
      certificates: [{ name: "site", domainName: "example.com" }],
    });
    expect(synth(s).json.provider.aws.map((p: { alias?: string }) => p.alias)).toContain(
      "dns_zone_0",
    );
    expect(TOKEN).toBe("<token: unknown at synth>");
  });

  test("two DNS roles in the same account get two providers, no construct-name crash", () => {
    const s = stack({
      hostedZones: [
        { ...ZONE, dnsRoleArn: "arn:aws:iam::222222222222:role/dns-a" },
        {
          zoneId: "Z0EXAMPLE00000000002",
          zoneName: "example.org",
          dnsRoleArn: "arn:aws:iam::222222222222:role/dns-b",
        },
      ],
      certificates: [
        { name: "site", domainName: "example.com", subjectAlternativeNames: ["example.org"] },
      ],
    });
    const aliases = synth(s)
      .json.provider.aws.map((p: { alias?: string }) => p.alias)
      .filter(Boolean)
      .sort();
    expect(aliases).toEqual(["dns_222222222222", "dns_222222222222_dns_b"]);
  });
});

describe("which account a provider acts in (records are shared only within one)", () => {
  function key(props: ConstructorParameters<typeof AwsProvider>[2]): string {
    const s = new TerraformStack(Testing.app(), "s");
    const p = new AwsProvider(s, "p", { region: "eu-west-1", alias: "p", ...props });
    return accountKeyOf(s, p);
  }

  test.each([
    [
      "a literal role ARN",
      { assumeRole: [{ roleArn: "arn:aws:iam::333333333333:role/x" }] },
      "333333333333",
    ],
    [
      "a literal web-identity role ARN",
      { assumeRoleWithWebIdentity: [{ roleArn: "arn:aws:iam::444444444444:role/ci" }] },
      "444444444444",
    ],
    ["one allowed account", { allowedAccountIds: ["555555555555"] }, "555555555555"],
    ["nothing that changes credentials", {}, "default"],
  ])("%s", (_what, props, expected) => {
    expect(key(props as never)).toBe(expected);
  });

  test.each([
    ["a profile", { profile: "other" }],
    ["static keys", { accessKey: "AKIAEXAMPLE", secretKey: "x" }],
    ["shared config files", { sharedConfigFiles: ["/etc/aws/config"] }],
    ["shared credentials files", { sharedCredentialsFiles: ["/etc/aws/credentials"] }],
    ["two allowed accounts", { allowedAccountIds: ["111111111111", "222222222222"] }],
    ["a role given as a token", { assumeRole: [{ roleArn: ROLE_TOKEN }] }],
  ])("%s: a key of its own, shared with nothing", (_what, props) => {
    expect(key(props as never)).toBe("provider-s/p");
  });

  test("two certificates through two providers of one literal account share one record", () => {
    const { stack } = testStack();
    const a = new AwsProvider(stack, "a", {
      alias: "a",
      region: "eu-west-1",
      assumeRole: [{ roleArn: "arn:aws:iam::333333333333:role/a" }],
    });
    const b = new AwsProvider(stack, "b", {
      alias: "b",
      region: "us-east-1",
      assumeRole: [{ roleArn: "arn:aws:iam::333333333333:role/b" }],
    });
    for (const [id, provider] of [
      ["A", a],
      ["B", b],
    ] as const) {
      new Certificate(stack, id, {
        domainName: "example.com",
        provider,
        validation: CertificateValidation.fromDns([ZONE]),
      });
    }
    expect(Object.keys(synth(stack).resources("aws_route53_record"))).toEqual([
      "acm_validation_example_com_333333333333",
    ]);
  });

  test("a provider with a profile does not share the stack's record", () => {
    const { stack } = testStack();
    const other = new AwsProvider(stack, "other", {
      alias: "other",
      region: "eu-west-1",
      profile: "other",
    });
    new Certificate(stack, "A", {
      domainName: "example.com",
      validation: CertificateValidation.fromDns([ZONE]),
    });
    new Certificate(stack, "B", {
      domainName: "example.com",
      provider: other,
      validation: CertificateValidation.fromDns([ZONE]),
    });
    expect(Object.keys(synth(stack).resources("aws_route53_record")).sort()).toEqual([
      "acm_validation_example_com",
      "acm_validation_example_com_provider-test_other",
    ]);
  });
});
