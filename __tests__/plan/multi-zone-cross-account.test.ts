import { Testing } from "cdktf";
import { multiZoneCrossAccount } from "../../examples/multi-zone-cross-account/main";
import {
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
} from "../support/plan";

describeWithTerraform("plan: examples/multi-zone-cross-account", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(multiZoneCrossAccount(Testing.app()));
  });

  test("one certificate, one validation, three records (apex and wildcard share one)", () => {
    expect(ofType(plan, "aws_acm_certificate")).toHaveLength(1);
    expect(ofType(plan, "aws_acm_certificate_validation")).toHaveLength(1);
    expect(
      ofType(plan, "aws_route53_record")
        .map((r) => r.address)
        .sort(),
    ).toEqual([
      "aws_route53_record.acm_validation_shop_app_example_net",
      "aws_route53_record.acm_validation_shop_example_org",
      "aws_route53_record.acm_validation_www_shop_example_org",
    ]);
    expect(plan.resourceChanges.every((c) => c.change.actions.join() === "create")).toBe(true);
  });

  test("each record is in its zone and goes through that zone's provider", () => {
    const expected: Record<string, [string, string]> = {
      "aws_route53_record.acm_validation_shop_app_example_net": ["Z0EXAMPLE00000000002", "aws"],
      "aws_route53_record.acm_validation_shop_example_org": [
        "Z0EXAMPLE00000000003",
        "aws.dns_222222222222",
      ],
      "aws_route53_record.acm_validation_www_shop_example_org": [
        "Z0EXAMPLE00000000003",
        "aws.dns_222222222222",
      ],
    };
    for (const [address, [zone, provider]] of Object.entries(expected)) {
      const rec = ofType(plan, "aws_route53_record").find((r) => r.address === address)!;
      expect(rec.change.after).toMatchObject({ zone_id: zone });
      expect(providerKeyOf(plan, address)).toBe(provider);
    }
  });

  test("the certificate and its validation use the stack's provider", () => {
    for (const c of [
      ...ofType(plan, "aws_acm_certificate"),
      ...ofType(plan, "aws_acm_certificate_validation"),
    ]) {
      expect(providerKeyOf(plan, c.address)).toBe("aws");
    }
  });

  test("the DNS provider assumes the role in the DNS account (as synthesized; the offline plan turns role assumption off)", () => {
    expect(plan.plan.configuration!.provider_config!["aws.dns_222222222222"]).toMatchObject({
      name: "aws",
      alias: "dns_222222222222",
    });
    const synthesized = JSON.parse(Testing.synth(multiZoneCrossAccount(Testing.app())));
    expect(synthesized.provider.aws).toContainEqual(
      expect.objectContaining({
        alias: "dns_222222222222",
        assume_role: [
          expect.objectContaining({
            role_arn: "arn:aws:iam::222222222222:role/route53-acm-validation",
          }),
        ],
      }),
    );
  });

  test("the validation is wired to all three records", () => {
    const v = ofType(plan, "aws_acm_certificate_validation")[0];
    const refs = referencesOf(plan, v.address, "validation_record_fqdns").filter((r) =>
      r.endsWith(".fqdn"),
    );
    expect(refs.sort()).toEqual([
      "aws_route53_record.acm_validation_shop_app_example_net.fqdn",
      "aws_route53_record.acm_validation_shop_example_org.fqdn",
      "aws_route53_record.acm_validation_www_shop_example_org.fqdn",
    ]);
  });
});
