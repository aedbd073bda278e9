/**
 * Plan benchmark child: every example stack planned offline the way the plan suite's global
 * setup plans them, and what one plan of a near-empty stack costs.
 *  1. Synthesizes every single-stack example (examples/index.ts) as its plan test does, plans the
 *     batchable ones in one Terraform run (scripts/plan/batch.ts) and the others alone, two at a
 *     time; times both parts.
 *  2. Plans the minimal one-resource app (one AWS provider, one Route 53 record) alone and
 *     measures the CPU time of Terraform and the provider: the fixed cost every Terraform run
 *     pays (the provider's schema), whatever the stack holds.
 * Prints {"examples", "multiStack", "batched", "alone", "ms", "batchMs", "minimalMs",
 * "minimalCpuMs"}.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { examples } from "../../examples";
import { planIntoCache } from "../plan/batch";
import {
  createSeed,
  disposePlanWorkspace,
  planStackDir,
  readStack,
  requiredProvidersOf,
  SEED_DIR_ENV,
} from "../plan/harness";

const root = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-bench-plan-"));
process.env.TMPDIR = tmp;

/** CPU milliseconds used so far by this process's finished children (Terraform, the provider). */
function childrenCpuMs(): number {
  // /proc/self/stat fields 16 and 17: cutime and cstime, in clock ticks.
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]);
  const hz = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
  return (ticks / hz) * 1000;
}

async function main(): Promise<void> {
  try {
    const dirs: string[] = [];
    // An example of several stacks (split-dns) plans only against its upstream states: its plan
    // test does that, with fixtures. Counted, not planned here.
    let multiStack = 0;
    for (const register of Object.values(examples)) {
      const app = Testing.app();
      const stack = register(app);
      if (app.node.children.filter((c) => c instanceof TerraformStack).length > 1) {
        multiStack++;
        continue;
      }
      dirs.push(path.join(Testing.fullSynth(stack), "stacks", stack.node.id));
    }
    const minimalOut = path.join(tmp, "minimal");
    const synth = spawnSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      [path.join(root, "scripts", "bench", "minimal-app.ts")],
      { cwd: root, env: { ...process.env, CDKTF_OUTDIR: minimalOut }, encoding: "utf8" },
    );
    if (synth.status !== 0) throw new Error(`minimal app synth failed:\n${synth.stderr}`);
    const minimalDir = path.join(minimalOut, "stacks", "minimal");
    const seed = await createSeed(path.join(tmp, "seed", "dir"), [
      ...dirs.map((d) => requiredProvidersOf(readStack(d))),
      requiredProvidersOf(readStack(minimalDir)),
    ]);
    process.env[SEED_DIR_ENV] = seed.dir;

    const started = Date.now();
    const batch = await planIntoCache(dirs.map((stackDir) => ({ stackDir })));
    if (batch.failed) throw new Error(`the batch failed:\n${batch.failed}`);
    const batchMs = Date.now() - started;
    // The rest alone, two at a time (the plan suite's two workers).
    const queue = [...dirs];
    await Promise.all(
      [0, 1].map(async () => {
        for (let d = queue.shift(); d; d = queue.shift()) await planStackDir(d);
      }),
    );
    const ms = Date.now() - started;

    const cpuBefore = childrenCpuMs();
    const minimalStarted = Date.now();
    await planStackDir(minimalDir);
    console.log(
      JSON.stringify({
        examples: dirs.length,
        multiStack,
        batched: batch.planned,
        alone: batch.alone.length,
        ms,
        batchMs,
        minimalMs: Date.now() - minimalStarted,
        minimalCpuMs: childrenCpuMs() - cpuBefore,
      }),
    );
  } finally {
    disposePlanWorkspace();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
