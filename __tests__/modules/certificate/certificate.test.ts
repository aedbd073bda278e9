import { TerraformVariable } from "cdktf";
import { Certificate, CertificateProps } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../../../modules/dns/hosted-zone";
import { aliasProvider, rendered, synth, testStack } from "../../support/synth";

const ZONE = { zoneId: "Z1", zoneName: "example.com" };
const dns = (zones: HostedZoneRef[] = [ZONE]) => CertificateValidation.fromDns(zones);

function make(props: Partial<CertificateProps> = {}, region = "eu-west-1") {
  const t = testStack(region);
  const cert = new Certificate(t.stack, "Cert", {
    domainName: "example.com",
    validation: dns(),
    ...props,
  });
  return { ...t, cert };
}

describe("Certificate with Route 53 DNS validation", () => {
  test("one record per distinct wildcard-stripped name, keyed by name", () => {
    const { stack } = make({ subjectAlternativeNames: ["*.example.com", "api.example.com"] });
    const out = synth(stack);
    expect(Object.keys(out.resources("aws_route53_record")).sort()).toEqual([
      "acm_validation_api_example_com",
      "acm_validation_example_com",
    ]);
    const rec = out.resources("aws_route53_record").acm_validation_example_com;
    expect(rec).toMatchObject({ zone_id: "Z1", ttl: 60, allow_overwrite: true });
    expect(rec.name).toMatch(
      /^\$\{one\(distinct\(\[for o in aws_acm_certificate\.\S+\.domain_validation_options : o\.resource_record_name if trimprefix\(o\.domain_name, "\*\."\) == "example\.com"\]\)\)\}$/,
    );
    expect(rec.type).toContain("o.resource_record_type");
    expect(rec.records[0]).toContain("o.resource_record_value");
    expect(JSON.stringify(out.json)).not.toMatch(/tolist\(|domain_validation_options\[/);
  });

  test("the certificate is DNS-validated, RSA_2048, CT-logged and create-before-destroy by default", () => {
    const { stack } = make({ subjectAlternativeNames: ["www.example.com"] });
    const cert = synth(stack).list("aws_acm_certificate")[0];
    expect(cert).toMatchObject({
      domain_name: "example.com",
      subject_alternative_names: ["www.example.com"],
      validation_method: "DNS",
      key_algorithm: "RSA_2048",
      options: { certificate_transparency_logging_preference: "ENABLED" },
      lifecycle: { create_before_destroy: true },
    });
  });

  test("the validation resource waits on the records and certificateArn is the validated ARN", () => {
    const { stack, cert } = make({ subjectAlternativeNames: ["www.example.com"] });
    const out = synth(stack);
    const [validationName, validation] = Object.entries(
      out.resources("aws_acm_certificate_validation"),
    )[0];
    expect(validation.validation_record_fqdns.sort()).toEqual([
      "${aws_route53_record.acm_validation_example_com.fqdn}",
      "${aws_route53_record.acm_validation_www_example_com.fqdn}",
    ]);
    expect(validation.certificate_arn).toMatch(/^\$\{aws_acm_certificate\.\S+\.arn\}$/);
    expect(rendered(stack, cert.certificateArn)).toBe(
      `\${aws_acm_certificate_validation.${validationName}.certificate_arn}`,
    );
    expect(rendered(stack, cert.unvalidatedCertificateArn)).toMatch(
      /^\$\{aws_acm_certificate\.\S+\.arn\}$/,
    );
    expect(validation.timeouts).toBeUndefined();
  });

  test("names go to the most specific zone", () => {
    const zones = [ZONE, { zoneId: "Z2", zoneName: "dev.example.com" }];
    const { stack } = make({
      validation: dns(zones),
      subjectAlternativeNames: ["a.dev.example.com", "*.dev.example.com"],
    });
    const recs = synth(stack).resources("aws_route53_record");
    expect(recs.acm_validation_example_com.zone_id).toBe("Z1");
    expect(recs.acm_validation_a_dev_example_com.zone_id).toBe("Z2");
    expect(recs.acm_validation_dev_example_com.zone_id).toBe("Z2");
  });

  test("a zone's own provider creates its records; the certificate keeps the stack's", () => {
    const t = testStack();
    const dnsAccount = aliasProvider(
      t.stack,
      "dns",
      "eu-west-1",
      "arn:aws:iam::222222222222:role/dns",
    );
    new Certificate(t.stack, "Cert", {
      domainName: "shop.example.com",
      subjectAlternativeNames: ["shop.example.org"],
      validation: dns([ZONE, { zoneId: "Z3", zoneName: "example.org", provider: dnsAccount }]),
    });
    const out = synth(t.stack);
    const recs = out.resources("aws_route53_record");
    expect(recs.acm_validation_shop_example_org.provider).toBe("aws.dns");
    expect(recs.acm_validation_shop_example_com.provider).toBeUndefined();
    expect(out.list("aws_acm_certificate")[0].provider).toBeUndefined();
  });

  test("two certificates in one account that need the same record share one resource", () => {
    const t = testStack();
    const east = aliasProvider(t.stack, "us_east_1", "us-east-1");
    const a = new Certificate(t.stack, "Regional", {
      domainName: "example.com",
      subjectAlternativeNames: ["*.example.com"],
      validation: dns(),
    });
    const b = new Certificate(t.stack, "Edge", {
      domainName: "www.example.com",
      subjectAlternativeNames: ["example.com"],
      validation: dns(),
      provider: east,
    });
    const out = synth(t.stack);
    expect(Object.keys(out.resources("aws_route53_record")).sort()).toEqual([
      "acm_validation_example_com",
      "acm_validation_www_example_com",
    ]);
    expect(a.validationRecords.get("example.com")).toBe(b.validationRecords.get("example.com"));
    expect(a.region).toBe("eu-west-1");
    expect(b.region).toBe("us-east-1");
    // Each validation still lists every record it needs.
    const validations = out.list("aws_acm_certificate_validation");
    expect(validations.map((v) => v.validation_record_fqdns.length).sort()).toEqual([1, 2]);
  });

  test("certificates in another account get their own records", () => {
    const t = testStack();
    const other = aliasProvider(
      t.stack,
      "other",
      "eu-west-1",
      "arn:aws:iam::333333333333:role/deploy",
    );
    new Certificate(t.stack, "Mine", { domainName: "example.com", validation: dns() });
    new Certificate(t.stack, "Theirs", {
      domainName: "example.com",
      validation: dns(),
      provider: other,
    });
    expect(Object.keys(synth(t.stack).resources("aws_route53_record")).sort()).toEqual([
      "acm_validation_example_com",
      "acm_validation_example_com_333333333333",
    ]);
  });

  test("the same name validated in two different zones is an error", () => {
    const t = testStack();
    new Certificate(t.stack, "A", { domainName: "a.dev.example.com", validation: dns([ZONE]) });
    expect(
      () =>
        new Certificate(t.stack, "B", {
          domainName: "a.dev.example.com",
          validation: dns([ZONE, { zoneId: "Z2", zoneName: "dev.example.com" }]),
        }),
    ).toThrow(
      /\[test\/B\] validation record for "a.dev.example.com" would go to zone "dev.example.com" \(Z2\), but test\/A already validates it in zone "example.com" \(Z1\)/,
    );
  });

  test("recordTtl and allowOverwrite are configurable", () => {
    const { stack } = make({
      validation: CertificateValidation.fromDns([ZONE], { recordTtl: 300, allowOverwrite: false }),
    });
    expect(synth(stack).list("aws_route53_record")[0]).toMatchObject({
      ttl: 300,
      allow_overwrite: false,
    });
  });
});

describe("Certificate options", () => {
  test("waitForValidation: false skips the validation resource; certificateArn is the raw ARN", () => {
    const { stack, cert } = make({ waitForValidation: false });
    const out = synth(stack);
    expect(out.list("aws_acm_certificate_validation")).toHaveLength(0);
    expect(out.list("aws_route53_record")).toHaveLength(1);
    expect(cert.validationResource).toBeUndefined();
    expect(rendered(stack, cert.certificateArn)).toBe(
      rendered(stack, cert.unvalidatedCertificateArn),
    );
    expect(rendered(stack, cert.certificateArn)).toMatch(/^\$\{aws_acm_certificate\.\S+\.arn\}$/);
  });

  test("validationTimeout sets timeouts.create", () => {
    const { stack } = make({ validationTimeout: "1h30m" });
    expect(synth(stack).list("aws_acm_certificate_validation")[0].timeouts).toEqual({
      create: "1h30m",
    });
  });

  test.each([["45"], ["m"], ["forever"], [""]])("validationTimeout %j is rejected", (timeout) => {
    expect(() => make({ validationTimeout: timeout })).toThrow(
      /validationTimeout must be a positive Terraform duration such as "45m", "1\.5h" or "1h30m" \(units h, m, s, ms\), got/,
    );
  });

  test.each([
    [KeyAlgorithm.EC_PRIME256V1, "EC_prime256v1"],
    ["EC_secp384r1", "EC_secp384r1"],
    [KeyAlgorithm.RSA_2048, "RSA_2048"],
  ])("key algorithm %s", (algorithm, value) => {
    const { stack, cert } = make({ keyAlgorithm: algorithm });
    expect(synth(stack).list("aws_acm_certificate")[0].key_algorithm).toBe(value);
    expect(cert.keyAlgorithm.value).toBe(value);
  });

  test("an unknown key algorithm is rejected, naming the allowed ones", () => {
    expect(() => make({ keyAlgorithm: "RSA_4096" })).toThrow(
      /\[test\/Cert\] keyAlgorithm must be one of "RSA_2048", "EC_prime256v1", "EC_secp384r1", got "RSA_4096"/,
    );
  });

  test("transparency logging opt-out, tags, create-before-destroy opt-out", () => {
    const { stack } = make({
      transparencyLogging: false,
      tags: { team: "edge" },
      createBeforeDestroy: false,
    });
    expect(synth(stack).list("aws_acm_certificate")[0]).toMatchObject({
      options: { certificate_transparency_logging_preference: "DISABLED" },
      tags: { team: "edge" },
      lifecycle: { create_before_destroy: false },
    });
  });

  test("region metadata comes from the provider", () => {
    const t = testStack("ap-southeast-2");
    const cert = new Certificate(t.stack, "Cert", { domainName: "example.com", validation: dns() });
    expect(cert.region).toBe("ap-southeast-2");
    expect(cert.domainNames).toEqual(["example.com"]);
  });
});

describe("external DNS and email validation", () => {
  test("external DNS creates no records and exposes what to create", () => {
    const { stack, cert } = make({
      subjectAlternativeNames: ["*.example.com", "www.example.com"],
      validation: CertificateValidation.fromExternalDns([
        "_abc.example.com",
        "_def.www.example.com",
      ]),
    });
    const out = synth(stack);
    expect(out.list("aws_route53_record")).toHaveLength(0);
    expect(cert.dnsValidationRecords.map((r) => r.domainName)).toEqual([
      "example.com",
      "www.example.com",
    ]);
    expect(cert.dnsValidationRecords[1].recordValue).toContain('== "www.example.com"');
    expect(out.list("aws_acm_certificate_validation")[0].validation_record_fqdns).toEqual([
      "_abc.example.com",
      "_def.www.example.com",
    ]);
  });

  test("external DNS accepts names unknown at synth and does not check them", () => {
    const t = testStack();
    const v = new TerraformVariable(t.stack, "domain", { type: "string" });
    const cert = new Certificate(t.stack, "Cert", {
      domainName: v.stringValue,
      validation: CertificateValidation.fromExternalDns(),
    });
    expect(cert.domainNames).toBeUndefined();
    expect(synth(t.stack).list("aws_acm_certificate")[0].domain_name).toBe("${var.domain}");
  });

  test("email validation with a validation domain", () => {
    const { stack, cert } = make({
      domainName: "www.example.com",
      validation: CertificateValidation.fromEmail({ "www.example.com": "example.com" }),
    });
    const out = synth(stack);
    expect(out.list("aws_acm_certificate")[0]).toMatchObject({
      validation_method: "EMAIL",
      validation_option: [{ domain_name: "www.example.com", validation_domain: "example.com" }],
    });
    expect(out.list("aws_route53_record")).toHaveLength(0);
    expect(out.list("aws_acm_certificate_validation")[0].validation_record_fqdns).toBeUndefined();
    expect(cert.dnsValidationRecords).toEqual([]);
  });
});

describe("bad input fails at synth with the property, the value and the rule", () => {
  test.each<[string, Partial<CertificateProps>, RegExp]>([
    ["empty name", { domainName: "" }, /domainName must not be empty: ""/],
    ["invalid label", { domainName: "ex_ample.com" }, /domainName has an invalid label "ex_ample"/],
    [
      "label over 63",
      { subjectAlternativeNames: [`${"a".repeat(64)}.example.com`] },
      /subjectAlternativeNames\[0\] has a label of 64 characters/,
    ],
    [
      "first name over 64",
      { domainName: `${"a".repeat(60)}.example.com` },
      /domainName must be at most 64 characters, got 72/,
    ],
    [
      "wildcard not leftmost",
      { domainName: "www.*.example.com" },
      /domainName may use a wildcard only as the whole leftmost label/,
    ],
    [
      "double wildcard",
      { subjectAlternativeNames: ["*.*.example.com"] },
      /subjectAlternativeNames\[0\] may contain only one wildcard/,
    ],
    [
      "upper case",
      { domainName: "WWW.example.com" },
      /domainName must be lower-case; use "www.example.com": "WWW.example.com"/,
    ],
    [
      "trailing dot",
      { subjectAlternativeNames: ["www.example.com."] },
      /subjectAlternativeNames\[0\] must not end with a dot; use "www.example.com"/,
    ],
    [
      "duplicate",
      { subjectAlternativeNames: ["www.example.com", "www.example.com"] },
      /must not repeat a name, got "www.example.com" more than once/,
    ],
    [
      "duplicate of primary",
      { subjectAlternativeNames: ["example.com"] },
      /must not repeat a name, got "example.com"/,
    ],
    [
      "over the quota",
      { subjectAlternativeNames: Array.from({ length: 10 }, (_, i) => `s${i}.example.com`) },
      /at most 10 names \(domainName plus subjectAlternativeNames\), got 11/,
    ],
    [
      "over a raised quota",
      {
        maxDomainNames: 12,
        subjectAlternativeNames: Array.from({ length: 12 }, (_, i) => `s${i}.example.com`),
      },
      /at most 12 names/,
    ],
    [
      "bad quota",
      { maxDomainNames: 0 },
      /maxDomainNames must be a whole number of at least 1, got 0/,
    ],
    [
      "no zone",
      { subjectAlternativeNames: ["www.example.org"] },
      /no hosted zone is authoritative for "www.example.org"; hostedZones are "example.com"/,
    ],
    [
      "no zones at all",
      { validation: CertificateValidation.fromDns([]) },
      /hostedZones must name at least one zone, got \[\]/,
    ],
    [
      "duplicate zones",
      {
        validation: CertificateValidation.fromDns([
          ZONE,
          { zoneId: "Z9", zoneName: "example.com" },
        ]),
      },
      /hostedZones names "example.com" more than once/,
    ],
    [
      "bad zone name",
      { validation: CertificateValidation.fromDns([{ zoneId: "Z1", zoneName: "Example.com." }]) },
      /hostedZones\[0\]\.zoneName must not end with a dot/,
    ],
    [
      "empty zone id",
      { validation: CertificateValidation.fromDns([{ zoneId: "", zoneName: "example.com" }]) },
      /hostedZones\[0\]\.zoneId must be a Route 53 hosted zone id such as "Z0123456789ABCDEFGHIJ", got ""/,
    ],
    [
      "email mixed with DNS zones",
      { validation: new CertificateValidation({ method: "EMAIL", hostedZones: [ZONE] }) },
      /validation mixes EMAIL with DNS options \(hostedZones\)/,
    ],
    [
      "DNS mixed with email domains",
      {
        validation: new CertificateValidation({
          method: "DNS",
          hostedZones: [ZONE],
          validationDomains: { "example.com": "example.com" },
        }),
      },
      /validation mixes DNS with the EMAIL option validationDomains/,
    ],
    [
      "zones and external FQDNs together",
      {
        validation: new CertificateValidation({
          method: "DNS",
          hostedZones: [ZONE],
          validationRecordFqdns: ["_x.example.com"],
        }),
      },
      /both hostedZones .* and validationRecordFqdns/,
    ],
    [
      "unknown method",
      { validation: new CertificateValidation({ method: "HTTP" as never }) },
      /validation.method must be "DNS" or "EMAIL", got "HTTP"/,
    ],
    [
      "validation domain for a name not on the certificate",
      { validation: CertificateValidation.fromEmail({ "other.example.com": "example.com" }) },
      /validationDomains has key "other.example.com", which is not one of the certificate's names/,
    ],
    [
      "validation domain that is not a parent",
      {
        domainName: "www.example.com",
        validation: CertificateValidation.fromEmail({ "www.example.com": "example.org" }),
      },
      /validationDomains\["www.example.com"\] must be the name itself or a parent domain of it, got "example.org"/,
    ],
  ])("%s", (_case, props, message) => {
    expect(() => make(props)).toThrow(message);
  });

  test("errors carry the construct path", () => {
    expect(() => make({ domainName: "bad..name.com" })).toThrow(/^\[test\/Cert\] /);
  });

  test("Route 53 validation needs literal names", () => {
    const t = testStack();
    const v = new TerraformVariable(t.stack, "domain", { type: "string" });
    expect(
      () => new Certificate(t.stack, "Cert", { domainName: v.stringValue, validation: dns() }),
    ).toThrow(
      /Route 53 validation records are keyed by name at synth, so every name must be known at synth; got 1 token\(s\)/,
    );
  });
});

describe("Certificate.fromCertificateArn", () => {
  test("creates no resources and carries the given metadata", () => {
    const t = testStack();
    const arn =
      "arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0000-1111-2222-333344445555";
    const cert = Certificate.fromCertificateArn(t.stack, "Existing", arn, {
      region: "us-east-1",
      domainNames: ["example.com"],
    });
    expect(cert.certificateArn).toBe(arn);
    expect(cert.region).toBe("us-east-1");
    expect(synth(t.stack).json.resource).toBeUndefined();
  });
});
