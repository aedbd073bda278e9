// ValidatedCertificate: the wait, in the certificate's account and region, for a certificate
// requested in another stack and validated by records created in yet another.
import { DataTerraformRemoteStateS3, Fn, Lazy, TerraformStack, Token } from "cdktf";
import { cloudFrontViewerCertificate } from "../../../modules/attach/cloudfront-certificate";
import { KeyAlgorithm } from "../../../modules/certificate/key-algorithm";
import {
  ValidatedCertificate,
  ValidatedCertificateProps,
} from "../../../modules/certificate/validated-certificate";
import { expectValidationError } from "../../support/inputs";
import { aliasProvider, rendered, synth, testStack } from "../../support/synth";

const ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/0123abcd-0000-1111-2222-333344445555";

function states(stack: TerraformStack) {
  const s3 = (id: string, key: string) =>
    new DataTerraformRemoteStateS3(stack, id, {
      bucket: "example-terraform-state",
      key,
      region: "eu-west-1",
    });
  return { certificates: s3("certificates", "certs.tfstate"), dns: s3("dns", "dns.tfstate") };
}

/** A waiter fed from remote state, as a team in another repository would write it. */
function make(props: Partial<ValidatedCertificateProps> = {}, region = "eu-west-1") {
  const t = testStack(region);
  const { certificates, dns } = states(t.stack);
  const validated = new ValidatedCertificate(t.stack, "Site", {
    unvalidatedCertificateArn: certificates.getString("site_unvalidated_certificate_arn"),
    validationRecordFqdns: Token.asList(Fn.values(dns.get("site_validation_record_fqdns"))),
    ...props,
  });
  return { ...t, validated };
}

describe("ValidatedCertificate", () => {
  test("an aws_acm_certificate_validation on the ARN and the FQDNs from the other states", () => {
    const { stack } = make({ validationTimeout: "45m" });
    const [validation] = synth(stack).list("aws_acm_certificate_validation");
    expect(validation).toMatchObject({
      certificate_arn:
        "${data.terraform_remote_state.certificates.outputs.site_unvalidated_certificate_arn}",
      validation_record_fqdns:
        "${values(data.terraform_remote_state.dns.outputs.site_validation_record_fqdns)}",
      timeouts: { create: "45m" },
    });
  });

  test("certificateArn is the validated ARN, out of the validation resource", () => {
    const { stack, validated } = make();
    expect(rendered(stack, validated.certificateArn)).toMatch(
      /^\$\{aws_acm_certificate_validation\.Site_Validation_[0-9A-F]{8}\.certificate_arn\}$/,
    );
  });

  test("region: given, else the literal ARN's, else the provider's", () => {
    expect(make({ region: "eu-west-1" }).validated.region).toBe("eu-west-1");
    expect(make({ unvalidatedCertificateArn: ARN }).validated.region).toBe("eu-west-1");
    expect(make({}, "us-east-1").validated.region).toBe("us-east-1");
    expect(
      make({ region: Lazy.stringValue({ produce: () => "eu-west-1" }) }).validated.region,
    ).toBe(undefined);
  });

  test("literal FQDNs pass through; metadata is kept for attachments", () => {
    const { stack, validated } = make({
      validationRecordFqdns: ["_a1.example.com", "_b2.api.example.com"],
      domainNames: ["example.com", "api.example.com"],
      keyAlgorithm: KeyAlgorithm.RSA_2048,
    });
    expect(synth(stack).list("aws_acm_certificate_validation")[0].validation_record_fqdns).toEqual([
      "_a1.example.com",
      "_b2.api.example.com",
    ]);
    expect(validated.domainNames).toEqual(["example.com", "api.example.com"]);
    expect(validated.keyAlgorithm).toBe(KeyAlgorithm.RSA_2048);
  });

  test("it waits through the provider it is given", () => {
    const { stack } = testStack();
    const east = aliasProvider(stack, "east", "us-east-1");
    const { certificates, dns } = states(stack);
    new ValidatedCertificate(stack, "Edge", {
      unvalidatedCertificateArn: certificates.getString("edge_unvalidated_certificate_arn"),
      validationRecordFqdns: Token.asList(Fn.values(dns.get("edge_validation_record_fqdns"))),
      region: "us-east-1",
      provider: east,
    });
    expect(synth(stack).list("aws_acm_certificate_validation")[0].provider).toBe("aws.east");
  });

  test("attachments read its region: CloudFront refuses one outside us-east-1", () => {
    const { stack, validated } = make({ domainNames: ["example.com"] });
    expectValidationError(
      () =>
        cloudFrontViewerCertificate(stack, { certificate: validated, aliases: ["example.com"] }),
      ["certificate", "in eu-west-1", "us-east-1"],
    );
    const east = make({ domainNames: ["example.com"] }, "us-east-1");
    expect(
      cloudFrontViewerCertificate(east.stack, {
        certificate: east.validated,
        aliases: ["example.com"],
      }).viewerCertificate.acmCertificateArn,
    ).toBe(east.validated.certificateArn);
  });
});

describe("ValidatedCertificate: bad input", () => {
  const rows: [string, () => unknown, string[]][] = [
    [
      "not an ACM ARN",
      () => make({ unvalidatedCertificateArn: "arn:aws:iam::111111111111:role/x" }),
      ["[test/Site]", "unvalidatedCertificateArn", "an ACM certificate", '"iam"'],
    ],
    [
      "an ARN in another region than the provider",
      () => make({ unvalidatedCertificateArn: ARN }, "us-east-1"),
      [
        "unvalidatedCertificateArn",
        '"eu-west-1"',
        "provider of the validation resource",
        '"us-east-1"',
      ],
    ],
    [
      "an ARN that contradicts the region attribute",
      () => make({ unvalidatedCertificateArn: ARN, region: "us-east-1" }, "eu-west-1"),
      ["unvalidatedCertificateArn", '"eu-west-1"', "region attribute", '"us-east-1"'],
    ],
    [
      "a region other than the provider's",
      () => make({ region: "us-east-1" }, "eu-west-1"),
      ['region is "us-east-1"', '"eu-west-1"', "regional"],
    ],
    [
      "no FQDNs",
      () => make({ validationRecordFqdns: [] }),
      ["validationRecordFqdns", "[]", "ExternalValidationRecords"],
    ],
    [
      "an empty FQDN",
      () => make({ validationRecordFqdns: ["_a.example.com", " "] }),
      ["validationRecordFqdns[1]", '" "'],
    ],
    [
      "a timeout Terraform does not accept",
      () => make({ validationTimeout: "soon" }),
      ["validationTimeout", '"soon"'],
    ],
    ["no ARN", () => make({ unvalidatedCertificateArn: "" }), ["unvalidatedCertificateArn", '""']],
  ];

  test.each(rows)("%s", (_what, build, mustContain) => {
    expectValidationError(build, mustContain);
  });

  test("tokens pass unchecked", () => {
    const { stack } = make({
      region: Lazy.stringValue({ produce: () => "us-east-1" }),
      validationTimeout: Lazy.stringValue({ produce: () => "soon" }),
    });
    // The token reaches the JSON as given: never checked, never replaced by a default.
    expect(synth(stack).list("aws_acm_certificate_validation")[0].timeouts).toEqual({
      create: "soon",
    });
  });
});
