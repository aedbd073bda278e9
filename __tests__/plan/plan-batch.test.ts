/**
 * Batched plans (scripts/plan/batch.ts) against plans of each stack alone: a batch plans many
 * stacks as modules of one Terraform run and splits the result back. Whatever a plan test reads
 * (resource changes, configuration, provider keys, outputs, prior state) must be what planning
 * the stack alone gives, or batching would change what the plan tests prove.
 *
 * The oracle is Terraform itself: `planStackDirAlone` runs the stack alone, without the cache.
 * The one difference allowed is the order of `relevant_attributes`, which Terraform does not
 * keep stable between runs; it is compared as a sorted list.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { monitoring } from "../../examples/monitoring/main";
import { multiZoneCrossAccount } from "../../examples/multi-zone-cross-account/main";
import { albHttps, config as alb } from "../../examples/alb-https/main";
import { importedCertificate } from "../../examples/imported-certificate/main";
import { config as nlb, nlbTls } from "../../examples/nlb-tls/main";
import { planIntoCache, unbatchableReason } from "../../scripts/plan/batch";
import { planStackDir, planStackDirAlone, TerraformPlanJson } from "../../scripts/plan/harness";
import { describeWithTerraform } from "../support/plan";
import { priorStateFromPlan } from "../support/prior-state";

/** A plan as a comparable value: no timestamp, `relevant_attributes` sorted. */
function comparable(plan: TerraformPlanJson): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
  delete copy.timestamp;
  if (Array.isArray(copy.relevant_attributes)) {
    copy.relevant_attributes = copy.relevant_attributes
      .map((a) => JSON.stringify(a))
      .sort()
      .map((a) => JSON.parse(a));
  }
  return copy;
}

function stackDirOf(stack: TerraformStack): string {
  return path.join(Testing.fullSynth(stack), "stacks", stack.node.id);
}

describeWithTerraform("batched plans equal plans of each stack alone", () => {
  // Three examples with what a split can get wrong: a provider assuming a role in another
  // account, beside the default one, and outputs (multi-zone-cross-account); data sources and
  // many resource types (monitoring); cdktf assets read by relative paths (imported-certificate).
  // Then plans against prior states: alb-https and nlb-tls rotated.
  const fresh = {
    // Reads its PEM files as cdktf assets, by paths relative to the working directory.
    "imported-certificate": () => importedCertificate(Testing.app()),
    "multi-zone-cross-account": () => multiZoneCrossAccount(Testing.app()),
    monitoring: () => monitoring(Testing.app()),
  };

  test.each(Object.keys(fresh) as (keyof typeof fresh)[])(
    "%s: the batch result is the single plan",
    async (name) => {
      const dir = stackDirOf(fresh[name]());
      // The global setup's batch has it in the run's cache already; without that setup
      // (a single file run with another config), batch these three now.
      await planIntoCache(Object.values(fresh).map((build) => ({ stackDir: stackDirOf(build()) })));
      const [batched, alone] = [await planStackDir(dir), await planStackDirAlone(dir)];
      expect(alone.resourceChanges.length).toBeGreaterThan(3);
      expect(comparable(batched.plan)).toEqual(comparable(alone.plan));
    },
    240_000,
  );

  test("plans against prior states: alb-https and nlb-tls rotated, in one batch", async () => {
    const albState = await priorStateFromPlan(
      await planStackDir(stackDirOf(albHttps(Testing.app()))),
    );
    const nlbState = await priorStateFromPlan(
      await planStackDir(stackDirOf(nlbTls(Testing.app()))),
    );
    // Rotations no other test plans, so that neither is in the run's cache: the batch runs.
    const requests = [
      {
        stackDir: stackDirOf(
          albHttps(Testing.app(), {
            ...alb,
            certificate: {
              ...alb.certificate,
              subjectAlternativeNames: ["www.example.com", "v2.example.com"],
            },
          }),
        ),
        options: { priorState: albState },
        // The default certificate and its validation (certificate_arn forces a new one).
        replaced: ["aws_acm_certificate", "aws_acm_certificate_validation"],
      },
      {
        stackDir: stackDirOf(
          nlbTls(Testing.app(), {
            ...nlb,
            certificate: { ...nlb.certificate, subjectAlternativeNames: ["v2.grpc.example.com"] },
          }),
        ),
        options: { priorState: nlbState },
        replaced: ["aws_acm_certificate"],
      },
    ];
    const { planned, failed } = await planIntoCache(
      requests.map(({ stackDir, options }) => ({ stackDir, options })),
    );
    expect(failed).toBeUndefined();
    expect(planned).toBe(2);
    for (const r of requests) {
      const batched = await planStackDir(r.stackDir, r.options);
      const alone = await planStackDirAlone(r.stackDir, r.options);
      expect(comparable(batched.plan)).toEqual(comparable(alone.plan));
      // Planned against the state, not from nothing: replacements, not creations.
      const replaced = batched.resourceChanges
        .filter((c) => c.change.actions.join("+") === "create+delete")
        .map((c) => c.type);
      expect(replaced).toEqual(r.replaced);
    }
  }, 240_000);

  test("what a batch cannot hold is planned alone, with the reason", () => {
    const dir = "/nonexistent";
    expect(unbatchableReason(dir, { import: [{ to: "x", id: "y" }] })).toMatch(/import blocks/);
    expect(unbatchableReason(dir, { module: { m: { source: "./m" } } })).toMatch(/modules/);
    // cdktf assets are batched (the root gets a copy); any other file is not.
    const imported = stackDirOf(importedCertificate(Testing.app()));
    expect(unbatchableReason(imported, { resource: {} })).toBeUndefined();
    fs.writeFileSync(path.join(imported, "extra.json"), "{}");
    expect(unbatchableReason(imported, { resource: {} })).toBe(
      "reads files by relative path (extra.json)",
    );
    expect(unbatchableReason(stackDirOf(nlbTls(Testing.app())), { resource: {} })).toBeUndefined();
  });
});
