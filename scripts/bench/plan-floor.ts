/**
 * Plan floor benchmark child: what one offline plan costs when the stack holds almost nothing.
 * Synthesizes the minimal one-resource app (one AWS provider, one Route 53 record) into a
 * temporary directory, initialises a seed, then plans it RUNS times with the harness (`plan -out`
 * and `show -json`, no cache) and prints {"ms": <median wall time of one plan>, "cpuMs": <median
 * CPU time of Terraform and the provider for one plan>}.
 *
 * Nearly all of that is fixed cost: each Terraform command starts the AWS provider and reads its
 * schema (about 1,500 resource types), whatever the stack holds. So the plan suite cannot take
 * less than (example stacks) x (this) / (cores), and the bench prints that floor next to the
 * suite's target.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createSeed, disposePlanWorkspace, planStackDir, SEED_DIR_ENV } from "../plan/harness";

const RUNS = 3;
const root = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-bench-floor-"));

/** CPU milliseconds used so far by this process's finished children (Terraform, the provider). */
function childrenCpuMs(): number {
  // `ps` cannot see finished children; /proc/self/stat fields 16 and 17 (cutime, cstime) can.
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]);
  const hz = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
  return (ticks / hz) * 1000;
}

async function main(): Promise<void> {
  try {
    const outdir = path.join(tmp, "out");
    const synth = spawnSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      [path.join(root, "scripts", "bench", "minimal-app.ts")],
      { cwd: root, env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: "utf8" },
    );
    if (synth.status !== 0) throw new Error(`minimal app synth failed:\n${synth.stderr}`);
    const stackDir = path.join(outdir, "stacks", "minimal");
    const stackJson = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
    const seed = await createSeed(path.join(tmp, "seed", "dir"), [
      stackJson.terraform.required_providers,
    ]);
    process.env[SEED_DIR_ENV] = seed.dir;
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cpuBefore = childrenCpuMs();
      const started = Date.now();
      await planStackDir(stackDir);
      walls.push(Date.now() - started);
      cpus.push(childrenCpuMs() - cpuBefore);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    console.log(JSON.stringify({ ms: median(walls), cpuMs: median(cpus) }));
  } finally {
    disposePlanWorkspace();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
