// ExternalValidationRecords: the DNS side of a certificate requested in another stack or state.
// The validation options arrive as a token (here a terraform_remote_state output, as a team in
// another repository reads them); the records are keyed by the names given at synth.
import { DataTerraformRemoteStateS3, Lazy, TerraformStack, Token } from "cdktf";
import {
  ExternalValidationRecords,
  ExternalValidationRecordsProps,
} from "../../../modules/dns/external-validation-records";
import { HostedZoneRef } from "../../../modules/dns/hosted-zone";
import { expectValidationError } from "../../support/inputs";
import { aliasProvider, rendered, synth, testStack } from "../../support/synth";

const APEX: HostedZoneRef = { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" };
const DEV: HostedZoneRef = { zoneId: "Z0EXAMPLE00000000002", zoneName: "dev.example.com" };
const TOKEN = "<token: unknown at synth>";
const OPTIONS = "data.terraform_remote_state.certificates.outputs.site_validation_options";

/** The certificate stack's state, read the way another team's stack would read it. */
function certificateState(stack: TerraformStack): DataTerraformRemoteStateS3 {
  return new DataTerraformRemoteStateS3(stack, "certificates", {
    bucket: "example-terraform-state",
    key: "certificates/terraform.tfstate",
    region: "eu-west-1",
  });
}

function make(props: Partial<ExternalValidationRecordsProps> = {}, id = "Site") {
  const t = testStack();
  const state = certificateState(t.stack);
  const records = new ExternalValidationRecords(t.stack, id, {
    domainNames: ["example.com", "*.example.com", "api.dev.example.com"],
    validationOptions: state.get("site_validation_options"),
    hostedZones: [APEX, DEV],
    ...props,
  });
  return { ...t, state, records };
}

/** The pick the records make, written out for one field and name. */
function pick(options: string, field: string, name: string): string {
  return (
    `\${one(distinct([for o in ${options} : o.${field} ` +
    `if trimprefix(o.domain_name, "*.") == "${name}"]))}`
  );
}

describe("ExternalValidationRecords", () => {
  test("one record per wildcard-stripped name, addressed by name, in the most specific zone", () => {
    const { stack } = make();
    const records = synth(stack).resources("aws_route53_record");
    expect(Object.keys(records).sort()).toEqual([
      "acm_validation_api_dev_example_com",
      "acm_validation_example_com",
    ]);
    expect(records.acm_validation_example_com.zone_id).toBe("Z0EXAMPLE00000000001");
    expect(records.acm_validation_api_dev_example_com.zone_id).toBe("Z0EXAMPLE00000000002");
  });

  test("name, type and value are picked by name out of the remote-state output", () => {
    const { stack } = make();
    const rec = synth(stack).resources("aws_route53_record").acm_validation_api_dev_example_com;
    expect(rec.name).toBe(pick(OPTIONS, "resource_record_name", "api.dev.example.com"));
    expect(rec.type).toBe(pick(OPTIONS, "resource_record_type", "api.dev.example.com"));
    expect(rec.records).toEqual([pick(OPTIONS, "resource_record_value", "api.dev.example.com")]);
  });

  test("the records keep ignore_changes on name, type and value, TTL 60 and allow_overwrite by default", () => {
    const { stack } = make();
    for (const rec of synth(stack).list("aws_route53_record")) {
      expect(rec.lifecycle).toEqual({ ignore_changes: ["name", "type", "records"] });
      expect(rec.ttl).toBe(60);
      expect(rec.allow_overwrite).toBe(true);
    }
  });

  test("a certificate's raw domain_validation_options work too: the same pick reads a set", () => {
    const { stack } = testStack();
    const state = certificateState(stack);
    new ExternalValidationRecords(stack, "Acm", {
      domainNames: ["example.com"],
      validationOptions: state.get("acm_certificate_domain_validation_options"),
      hostedZones: [APEX],
    });
    const rec = synth(stack).resources("aws_route53_record").acm_validation_example_com;
    expect(rec.name).toBe(
      pick(
        "data.terraform_remote_state.certificates.outputs.acm_certificate_domain_validation_options",
        "resource_record_name",
        "example.com",
      ),
    );
  });

  test("recordTtl and allowOverwrite reach the records", () => {
    const { stack } = make({ recordTtl: 300, allowOverwrite: false });
    const rec = synth(stack).resources("aws_route53_record").acm_validation_example_com;
    expect(rec).toMatchObject({ ttl: 300, allow_overwrite: false });
  });

  test("the FQDNs come back keyed by name, and as a list for the waiter", () => {
    const { stack, records } = make();
    const out = synth(stack);
    const locals = Object.values(out.json.locals) as Record<string, string>[];
    expect(locals).toEqual([
      {
        "example.com": "${aws_route53_record.acm_validation_example_com.fqdn}",
        "api.dev.example.com": "${aws_route53_record.acm_validation_api_dev_example_com.fqdn}",
      },
    ]);
    const local = Object.keys(out.json.locals)[0];
    expect(rendered(stack, records.validationRecordFqdnsByName)).toBe(`\${local.${local}}`);
    expect(rendered(stack, records.validationRecordFqdns)).toBe(`\${values(local.${local})}`);
    expect([...records.records.keys()]).toEqual(["example.com", "api.dev.example.com"]);
  });

  test("records go through their zone's provider (the DNS account's)", () => {
    const { stack, provider } = testStack();
    const dns = aliasProvider(
      stack,
      "dns",
      "eu-west-1",
      "arn:aws:iam::222222222222:role/route53-acm-validation",
    );
    new ExternalValidationRecords(stack, "Site", {
      domainNames: ["example.com"],
      validationOptions: certificateState(stack).get("site_validation_options"),
      hostedZones: [{ ...APEX, provider: dns }],
    });
    expect(provider.alias).toBeUndefined();
    const rec = synth(stack).resources("aws_route53_record").acm_validation_example_com;
    expect(rec.provider).toBe("aws.dns");
  });

  test("two certificates of one account share the record of a common name", () => {
    const { stack } = testStack();
    const state = certificateState(stack);
    const a = new ExternalValidationRecords(stack, "A", {
      domainNames: ["example.com", "a.example.com"],
      validationOptions: state.get("a_validation_options"),
      hostedZones: [APEX],
    });
    const b = new ExternalValidationRecords(stack, "B", {
      domainNames: ["*.example.com"],
      validationOptions: state.get("b_validation_options"),
      hostedZones: [APEX],
    });
    expect(Object.keys(synth(stack).resources("aws_route53_record")).sort()).toEqual([
      "acm_validation_a_example_com",
      "acm_validation_example_com",
    ]);
    expect(b.records.get("example.com")).toBe(a.records.get("example.com"));
  });

  test("certificates of different accounts get records of their own, addressed by account", () => {
    const { stack } = testStack();
    const state = certificateState(stack);
    new ExternalValidationRecords(stack, "Prod", {
      domainNames: ["example.com"],
      validationOptions: state.get("prod_validation_options"),
      hostedZones: [APEX],
      certificateAccount: "111111111111",
    });
    new ExternalValidationRecords(stack, "Staging", {
      domainNames: ["example.com"],
      validationOptions: state.get("staging_validation_options"),
      hostedZones: [APEX],
      certificateAccount: "333333333333",
    });
    expect(Object.keys(synth(stack).resources("aws_route53_record")).sort()).toEqual([
      "acm_validation_example_com_111111111111",
      "acm_validation_example_com_333333333333",
    ]);
  });

  test("a shared name in two zones is refused, naming both", () => {
    const { stack } = testStack();
    const state = certificateState(stack);
    new ExternalValidationRecords(stack, "A", {
      domainNames: ["api.dev.example.com"],
      validationOptions: state.get("a"),
      hostedZones: [APEX, DEV],
    });
    expectValidationError(
      () =>
        new ExternalValidationRecords(stack, "B", {
          domainNames: ["api.dev.example.com"],
          validationOptions: state.get("b"),
          hostedZones: [APEX],
        }),
      ["[test/B]", '"api.dev.example.com"', "test/A", '"dev.example.com"', '"example.com"'],
    );
  });
});

describe("ExternalValidationRecords: bad input", () => {
  const withProps = (props: Partial<ExternalValidationRecordsProps>) => () => make(props);
  /** [what, build, what the message must contain] */
  const rows: [string, () => unknown, string[]][] = [
    ["no names", withProps({ domainNames: [] }), ["[test/Site]", "domainNames", "[]"]],
    [
      "names not a list",
      withProps({ domainNames: "example.com" as unknown as string[] }),
      ["domainNames", '"example.com"'],
    ],
    [
      "a list token",
      withProps({ domainNames: Token.asList(Lazy.anyValue({ produce: () => ["example.com"] })) }),
      ["domainNames", "known at synth", TOKEN],
    ],
    [
      "a name token",
      withProps({
        domainNames: ["example.com", Lazy.stringValue({ produce: () => "x.example.com" })],
      }),
      ["domainNames[1]", "known at synth", TOKEN],
    ],
    [
      "upper case",
      withProps({ domainNames: ["Example.com"] }),
      ["domainNames[0]", "lower-case", '"Example.com"'],
    ],
    [
      "trailing dot",
      withProps({ domainNames: ["example.com."] }),
      ["domainNames[0]", "must not end with a dot", '"example.com."'],
    ],
    [
      "double wildcard",
      withProps({ domainNames: ["*.*.example.com"] }),
      ["domainNames[0]", "one wildcard", '"*.*.example.com"'],
    ],
    [
      "wildcard under a public suffix",
      withProps({ domainNames: ["*.co.uk"], hostedZones: [{ zoneId: "Z1", zoneName: "co.uk" }] }),
      ["domainNames[0]", "public suffix", '"*.co.uk"'],
    ],
    [
      "repeated name",
      withProps({ domainNames: ["example.com", "api.dev.example.com", "example.com"] }),
      ["domainNames", "repeat", '"example.com"'],
    ],
    [
      "more than ACM's 100 names",
      withProps({ domainNames: Array.from({ length: 101 }, (_, i) => `n${i}.example.com`) }),
      ["domainNames", "101", "100"],
    ],
    [
      "literal options (a list pasted in)",
      withProps({ validationOptions: [{ domain_name: "example.com" }] as unknown as string }),
      ["validationOptions", "token", "literal", '"domain_name"'],
    ],
    [
      "literal options (a string)",
      withProps({ validationOptions: "${data.terraform_remote_state.x.outputs.y}" }),
      ["validationOptions", "terraform_remote_state output", '"${data.terraform_remote_state'],
    ],
    ["no zones", withProps({ hostedZones: [] }), ["hostedZones", "at least one", "[]"]],
    [
      "a zone id that is not one",
      withProps({ hostedZones: [{ zoneId: "example.com", zoneName: "example.com" }] }),
      ["hostedZones[0].zoneId", '"example.com"'],
    ],
    [
      "a name no zone covers",
      withProps({ domainNames: ["example.com", "example.org"], hostedZones: [APEX] }),
      ["no hosted zone", '"example.org"', '"example.com"'],
    ],
    ["negative TTL", withProps({ recordTtl: -1 }), ["recordTtl", "0 to 2147483647", "-1"]],
    ["fractional TTL", withProps({ recordTtl: 1.5 }), ["recordTtl", "1.5"]],
    [
      "account of the wrong length",
      withProps({ certificateAccount: "12345" }),
      ["certificateAccount", "12-digit", '"12345"'],
    ],
    [
      "account as a token",
      withProps({ certificateAccount: Lazy.stringValue({ produce: () => "111111111111" }) }),
      ["certificateAccount", "known at synth", TOKEN],
    ],
  ];

  test.each(rows)("%s", (_what, build, mustContain) => {
    expectValidationError(build, mustContain);
  });
});
