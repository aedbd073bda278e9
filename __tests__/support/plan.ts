import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { TerraformStack, Testing } from "cdktf";
import {
  planStackDir,
  PlanOptions,
  PlanResult,
  ResourceChange,
  SEED_DIR_ENV,
  terraformBinary,
} from "../../scripts/plan/harness";
import { planStackDirs } from "../../scripts/plan/batch";
import { inCi, terraformMissingMessage } from "./terraform-presence";

export type { PlanResult, ResourceChange };

// The global setup exports the seed only when terraform ran; otherwise ask terraform itself.
const terraformFound =
  Boolean(process.env[SEED_DIR_ENV]) ||
  spawnSync(terraformBinary(), ["version"], { stdio: "ignore" }).status === 0;

if (!terraformFound) {
  // The global setup has already failed a CI run, or printed this line before any test; this is
  // for a run without it (a custom config), and names the skip in the file's own output.
  if (inCi()) throw new Error(terraformMissingMessage(true));
  console.warn(terraformMissingMessage(false));
}

/** `describe` when terraform is present; without it, `describe.skip` (never in CI: see above). */
export const describeWithTerraform: jest.Describe = terraformFound ? describe : describe.skip;

/** Synthesizes `stack` (validations on) into a temporary app directory and plans it offline. */
export async function planStack(
  stack: TerraformStack,
  options: PlanOptions = {},
): Promise<PlanResult> {
  const outdir = Testing.fullSynth(stack);
  return planStackDir(path.join(outdir, "stacks", stack.node.id), options);
}

/**
 * Synthesizes each stack and plans them all, in one Terraform run where they can share one
 * (scripts/plan/batch.ts): several plans cost little more than one. Results in request order.
 */
export async function planStacks(
  requests: ReadonlyArray<{ readonly stack: TerraformStack; readonly options?: PlanOptions }>,
): Promise<PlanResult[]> {
  return planStackDirs(
    requests.map(({ stack, options }) => ({
      stackDir: path.join(Testing.fullSynth(stack), "stacks", stack.node.id),
      options,
    })),
  );
}

/** Resource changes of one type. */
export function ofType(result: PlanResult, type: string): ResourceChange[] {
  return result.resourceChanges.filter((c) => c.type === type);
}

/** The single change at `address`; throws listing the addresses when absent. */
export function at(result: PlanResult, address: string): ResourceChange {
  const found = result.resourceChanges.find((c) => c.address === address);
  if (!found) {
    throw new Error(
      `no planned resource ${address}; planned: ${result.resourceChanges.map((c) => c.address).join(", ")}`,
    );
  }
  return found;
}

/** The configuration entry of a resource (its expressions and provider key). */
export function configOf(result: PlanResult, address: string): Record<string, any> {
  const r = result.plan.configuration?.root_module?.resources?.find((x) => x.address === address);
  if (!r) throw new Error(`no configured resource ${address}`);
  return r;
}

/** The provider config key (`aws`, `aws.us_east_1`) a planned resource uses. */
export function providerKeyOf(result: PlanResult, address: string): string {
  return configOf(result, address).provider_config_key as string;
}

/** Every resource reference in an expression object, e.g. `aws_acm_certificate_validation.x.certificate_arn`. */
export function referencesOf(result: PlanResult, address: string, attribute: string): string[] {
  const expr = configOf(result, address).expressions?.[attribute];
  const collect = (e: any): string[] =>
    !e
      ? []
      : Array.isArray(e)
        ? e.flatMap(collect)
        : e.references
          ? e.references
          : typeof e === "object"
            ? Object.values(e).flatMap(collect)
            : [];
  return collect(expr);
}

/** Every planned change as `type:action`, sorted: compare against the expected resource list. */
export function changeSummary(result: PlanResult): string[] {
  return result.resourceChanges.map((c) => `${c.type}:${c.change.actions.join("+")}`).sort();
}
