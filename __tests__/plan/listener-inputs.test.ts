// Valid but unusual listener inputs, planned offline: they must pass `terraform plan` with the
// pinned provider as well as synth.
import { Testing } from "cdktf";
import { albHttps, config as albConfig } from "../../examples/alb-https/main";
import { nlbTls, config as nlbConfig } from "../../examples/nlb-tls/main";
import { describeWithTerraform, ofType, PlanResult, planStacks } from "../support/plan";

/** The output names of a plan (`planned_values.outputs` of `terraform show -json`). */
function plannedOutputs(result: PlanResult): Record<string, unknown> {
  const json = result.plan as unknown as { planned_values?: { outputs?: Record<string, unknown> } };
  return json.planned_values?.outputs ?? {};
}

/**
 * Both plans of this file, in one Terraform run (scripts/plan/batch.ts): started by the first
 * `beforeAll` that asks, shared by the other.
 */
let batch: Promise<{ alb: PlanResult; nlb: PlanResult }> | undefined;
function plans(): Promise<{ alb: PlanResult; nlb: PlanResult }> {
  batch ??= planStacks([
    {
      stack: albHttps(Testing.app(), {
        ...albConfig,
        // A policy name newer than the library's list, of the TLS13 family: a warning, not an error.
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2027-03",
        port: 65535,
        additionalCertificates: {
          "a-b": { domainName: "a.example.org" },
          a_b: { domainName: "b.example.org" },
          "2024": { domainName: "shop.example.org" },
        },
        hostNames: ["example.com", "www.example.com"],
      }),
    },
    { stack: nlbTls(Testing.app(), { ...nlbConfig, port: 1, alpnPolicy: "None" }) },
  ]).then(([alb, nlb]) => ({ alb, nlb }));
  return batch;
}

// The hooks' timeout covers a batch that fails and falls back to two single plans on a loaded
// machine.
const PLAN_TIMEOUT_MS = 600_000;

describeWithTerraform("plan: unusual but valid listener inputs", () => {
  let alb: PlanResult;
  beforeAll(async () => {
    ({ alb } = await plans());
  }, PLAN_TIMEOUT_MS);

  test("the pinned provider plans a policy name it has never seen (no client-side list)", () => {
    const https = ofType(alb, "aws_lb_listener").find((l) => l.change.after?.protocol === "HTTPS");
    expect(https?.change.after).toMatchObject({
      port: 65535,
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2027-03",
    });
  });

  test("SNI keys that differ only by - and _, or start with a digit, are distinct addresses", () => {
    const addresses = ofType(alb, "aws_lb_listener_certificate").map((a) => a.address);
    expect(addresses).toHaveLength(3);
    expect(addresses).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^aws_lb_listener_certificate\.Https_SniCertificates_a-b_[0-9A-F]{8}$/,
        ),
        expect.stringMatching(
          /^aws_lb_listener_certificate\.Https_SniCertificates_a_b_[0-9A-F]{8}$/,
        ),
        expect.stringMatching(
          /^aws_lb_listener_certificate\.Https_SniCertificates_2024_[0-9A-F]{8}$/,
        ),
      ]),
    );
    expect(
      Object.keys(plannedOutputs(alb))
        .filter((o) => o.startsWith("sni_"))
        .sort(),
    ).toEqual([
      "sni_2024_certificate_arn",
      "sni_2024_unvalidated_certificate_arn",
      "sni_a-b_certificate_arn",
      "sni_a-b_unvalidated_certificate_arn",
      "sni_a_b_certificate_arn",
      "sni_a_b_unvalidated_certificate_arn",
    ]);
  });
});

describeWithTerraform("plan: unusual but valid NLB listener inputs", () => {
  let nlb: PlanResult;
  beforeAll(async () => {
    ({ nlb } = await plans());
  }, PLAN_TIMEOUT_MS);

  test("an NLB TLS listener on port 1 with ALPN None", () => {
    const [l] = ofType(nlb, "aws_lb_listener");
    expect(l.change.after).toMatchObject({ port: 1, protocol: "TLS", alpn_policy: "None" });
  });
});
