/**
 * Jest global setup of the plan project. Runs once, in jest's parent process, before the workers
 * start; what it exports through `process.env` the workers inherit.
 *  1. The run directory (./run-directory): every temporary file of the run lands in it.
 *  2. Terraform present? In CI its absence fails the run here; elsewhere one loud line, and the
 *     plan suites skip (`describeWithTerraform`).
 *  3. The seed: one `terraform init`, for the union of the `required_providers` of every example
 *     stack (examples/index.ts), in `TLS_PLAN_SEED_DIR`, and the run's plan cache in
 *     `TLS_PLAN_CACHE_DIR` (see scripts/plan/harness.ts). No provider mirror is a failure whose
 *     message says how to point at one.
 *  4. Every example stack planned in one Terraform run (scripts/plan/batch.ts) into the plan
 *     cache, under the keys the plan tests' own `planStack` calls compute: one run costs about
 *     what two single plans do, and the example plan tests then read their plans from the cache.
 * The global teardown deletes all of it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  createSeed,
  PLAN_CACHE_ENV,
  RequiredProviders,
  requiredProvidersOf,
  SEED_DIR_ENV,
  terraformAvailable,
} from "../../scripts/plan/harness";
import { ensureRunDirectory } from "./run-directory";
import { inCi, terraformMissingMessage } from "./terraform-presence";

/** The `required_providers` of every example stack that builds (one that throws fails in its own test). */
async function exampleProviders(): Promise<RequiredProviders[]> {
  // Loaded here, not at the top: without terraform the setup needs none of it.
  const { Testing } = await import("cdktf");
  const { examples } = await import("../../examples");
  const blocks: RequiredProviders[] = [];
  for (const register of Object.values(examples)) {
    try {
      const json = register(Testing.app()).toTerraform() as Record<string, unknown>;
      blocks.push(requiredProvidersOf(json));
    } catch {
      // its plan test reports the error
    }
  }
  return blocks;
}

export default async function planGlobalSetup(): Promise<void> {
  const runDir = ensureRunDirectory();
  if (!(await terraformAvailable())) {
    const message = terraformMissingMessage(inCi());
    if (inCi()) throw new Error(message);
    process.stderr.write(`\n${message}\n\n`);
    return;
  }
  const config = process.env.TF_CLI_CONFIG_FILE;
  if (config && !fs.existsSync(config)) {
    process.stderr.write(
      `note: TF_CLI_CONFIG_FILE=${config} does not exist. The plan harness uses its own CLI ` +
        "config; elsewhere (cdktf synth) Terraform warns on every call: unset it or point it at " +
        "a real file.\n",
    );
  }
  const cache = path.join(runDir, "plan", "cache");
  fs.mkdirSync(cache, { recursive: true });
  process.env[PLAN_CACHE_ENV] = cache;
  let blocks: RequiredProviders[] = [];
  try {
    blocks = await exampleProviders();
  } catch (e) {
    // examples/index.ts does not load: the example plan tests say why. Each worker seeds for
    // itself meanwhile; the run still goes on.
    process.stderr.write(`plan tests: no shared seed, examples/index.ts failed: ${e}\n`);
    return;
  }
  const started = Date.now();
  const seed = await createSeed(path.join(runDir, "plan", "seed"), blocks);
  process.env[SEED_DIR_ENV] = seed.dir;
  const providers = Object.values(seed.providers)
    .map((p) => `${p.source} ${p.version ?? ""}`.trim())
    .join(", ");
  process.stderr.write(
    `plan tests: one terraform init for ${providers} (${Date.now() - started} ms); ` +
      "every plan reuses it\n",
  );
  await planExamples();
}

/**
 * Plans every example stack that builds, synthesized as its plan test synthesizes it
 * (`Testing.fullSynth` of the stack the example's function returns), in one batch. A failure
 * here is not the run's: the stack's own plan test plans it again and reports it.
 */
async function planExamples(): Promise<void> {
  const started = Date.now();
  const { TerraformStack, Testing } = await import("cdktf");
  const { examples } = await import("../../examples");
  const { planIntoCache } = await import("../../scripts/plan/batch");
  const requests: { stackDir: string }[] = [];
  for (const register of Object.values(examples)) {
    try {
      const app = Testing.app();
      const stack = register(app);
      // An example of several stacks (split-dns) plans only as a whole app, with the states of
      // its upstream stacks: its plan test does that.
      if (app.node.children.filter((c) => c instanceof TerraformStack).length > 1) continue;
      requests.push({ stackDir: path.join(Testing.fullSynth(stack), "stacks", stack.node.id) });
    } catch {
      // its plan test reports the error
    }
  }
  const { planned, alone, failed } = await planIntoCache(requests);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    failed
      ? `plan tests: the batch of example stacks failed (${secs} s); each plan test plans its own:\n${failed}\n`
      : `plan tests: ${planned} example stacks planned in one Terraform run (${secs} s)` +
          (alone.length ? `; planned by their tests alone: ${alone.join("; ")}` : "") +
          "\n",
  );
}
