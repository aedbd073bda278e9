/**
 * Valid inputs at the edges of ACM's rules must synthesize and plan: a wildcard-only
 * certificate, names in nested zones, and a SAN whose validation record is exactly as long as
 * DNS allows (253 characters: `_` + 32 hex + `.` + the name, so a name of 219 characters).
 */
import { Testing } from "cdktf";
import { CertificatesStack } from "../../stacks";
import { at, describeWithTerraform, ofType, planStack, PlanResult } from "../support/plan";

/** A name of exactly `length` characters under example.com, in labels of at most 63. */
function nameOfLength(length: number): string {
  const suffix = ".example.com";
  let rest = length - suffix.length;
  const labels: string[] = [];
  while (rest > 0) {
    const size = Math.min(63, rest - (rest > 63 ? 2 : 0)); // leave room for a dot and a label
    labels.push("a".repeat(size));
    rest -= size + 1;
  }
  const name = labels.join(".") + suffix;
  if (name.length !== length) throw new Error(`built ${name.length} characters, wanted ${length}`);
  return name;
}

const LONG = nameOfLength(219);

describeWithTerraform("plan: certificates at the edges of ACM's rules", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    const stack = new CertificatesStack(Testing.app(), "edges", {
      region: "eu-west-1",
      hostedZones: [
        { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" },
        { zoneId: "Z0EXAMPLE00000000002", zoneName: "dev.example.com" },
        { zoneId: "Z0EXAMPLE00000000003", zoneName: "eu.dev.example.com" },
      ],
      certificates: [
        { name: "wildcard_only", domainName: "*.example.com" },
        {
          name: "nested",
          domainName: "dev.example.com",
          subjectAlternativeNames: ["api.dev.example.com", "*.eu.dev.example.com"],
        },
        { name: "long", domainName: "example.com", subjectAlternativeNames: [LONG] },
      ],
    });
    plan = await planStack(stack);
  });

  test("the 219-character name is as long as the rule allows", () => {
    expect(LONG).toHaveLength(219);
    expect(`_${"0".repeat(32)}.${LONG}`).toHaveLength(253);
  });

  test("a wildcard-only certificate plans, validated by the record of the name under it", () => {
    const certificate = ofType(plan, "aws_acm_certificate").find(
      (c) => c.change.after?.domain_name === "*.example.com",
    );
    expect(certificate?.change.actions).toEqual(["create"]);
    expect(at(plan, "aws_route53_record.acm_validation_example_com").change.after).toMatchObject({
      zone_id: "Z0EXAMPLE00000000001",
    });
  });

  test("nested zones: each name's record goes to its most specific zone", () => {
    const zoneOf = (address: string) => at(plan, address).change.after?.zone_id;
    expect(zoneOf("aws_route53_record.acm_validation_dev_example_com")).toBe(
      "Z0EXAMPLE00000000002",
    );
    expect(zoneOf("aws_route53_record.acm_validation_api_dev_example_com")).toBe(
      "Z0EXAMPLE00000000002",
    );
    expect(zoneOf("aws_route53_record.acm_validation_eu_dev_example_com")).toBe(
      "Z0EXAMPLE00000000003",
    );
  });

  test("the SAN at the length limit plans, with its own record in example.com", () => {
    const certificate = ofType(plan, "aws_acm_certificate").find((c) =>
      (c.change.after?.subject_alternative_names as string[] | undefined)?.includes(LONG),
    );
    expect(certificate?.change.actions).toEqual(["create"]);
    const records = ofType(plan, "aws_route53_record").filter(
      (r) => r.address.length > 150 && r.change.after?.zone_id === "Z0EXAMPLE00000000001",
    );
    expect(records).toHaveLength(1);
  });

  test("one name past the limit is refused at synth", () => {
    expect(
      () =>
        new CertificatesStack(Testing.app(), "too-long", {
          region: "eu-west-1",
          hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
          certificates: [
            {
              name: "long",
              domainName: "example.com",
              subjectAlternativeNames: [nameOfLength(220)],
            },
          ],
        }),
    ).toThrow(/subjectAlternativeNames\[0\].*253/);
  });

  test("every planned change is a create", () => {
    expect(plan.resourceChanges.every((c) => c.change.actions.join() === "create")).toBe(true);
    expect(ofType(plan, "aws_acm_certificate")).toHaveLength(3);
  });
});
