/**
 * `npm run bench`: prints a table of
 *  1. synth of the app's process (every example stack) against a minimal one-resource cdktf app,
 *     median of 5 runs each, in the same run (target: at most 2x);
 *  2. scale: 1,000 certificates x 3 names over 50 zones through our constructs against the
 *     same resources written as plain provider resources, median of 3, with peak RSS
 *     (targets: at most 1.25x time, peak RSS at most 1 GB);
 *  3. the plan test suite run alone (`jest --selectProjects plan`): its wall time against 30 s,
 *     with every example stack planned (each `__tests__/plan/<example>.test.ts` passed, nothing
 *     skipped), and the temporary entries it left behind (target: none); then every example stack
 *     planned as the suite's setup plans them, one batch plus the unbatchable ones alone (target
 *     30 s), and the fixed cost of one plan (scripts/bench/plan-examples.ts). Skip with --no-plan.
 * A benchmark, not a test: it reports and marks each target, and exits 0. Progress is one line
 * per step, so it reads the same piped or in a terminal.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderTable } from "./lib/table";

const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(tsx, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function runChild(args: string[]): { ms: number; maxRssMb: number; resources: number } {
  const r = spawnSync(tsx, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
const rows: string[][] = [];

// 1. App synth, interleaved so both see the same machine state.
const RUNS = 5;
const appTimes: number[] = [];
const minimalTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  console.log(`synth run ${i + 1}/${RUNS}`);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "tls-bench-synth-"));
  appTimes.push(timeProcess(["main.ts"], { CDKTF_OUTDIR: out }));
  minimalTimes.push(
    timeProcess([path.join("scripts", "bench", "minimal-app.ts")], { CDKTF_OUTDIR: out }),
  );
  fs.rmSync(out, { recursive: true, force: true });
}
const appMs = median(appTimes);
const minimalMs = median(minimalTimes);
rows.push(["synth: app, every example stack (median of 5)", fmt(appMs), "", ""]);
rows.push(["synth: minimal one-resource app (median of 5)", fmt(minimalMs), "", ""]);
rows.push([
  "synth ratio app / minimal",
  `${(appMs / minimalMs).toFixed(2)}x`,
  "<= 2x",
  verdict(appMs / minimalMs <= 2),
]);

// 2. Scale.
const SCALE_RUNS = 3;
const ours: ReturnType<typeof runChild>[] = [];
const plain: ReturnType<typeof runChild>[] = [];
for (let i = 0; i < SCALE_RUNS; i++) {
  console.log(`scale run ${i + 1}/${SCALE_RUNS}`);
  ours.push(runChild([path.join("scripts", "bench", "scale.ts"), "constructs"]));
  plain.push(runChild([path.join("scripts", "bench", "scale.ts"), "plain"]));
}
const oursMs = median(ours.map((r) => r.ms));
const plainMs = median(plain.map((r) => r.ms));
const oursRss = Math.max(...ours.map((r) => r.maxRssMb));
rows.push([
  `scale: constructs, 1,000 certs x 3 names, 50 zones (${ours[0].resources} resources)`,
  fmt(oursMs),
  "",
  "",
]);
rows.push([
  `scale: plain provider resources (${plain[0].resources} resources)`,
  fmt(plainMs),
  "",
  "",
]);
rows.push([
  "scale ratio constructs / plain",
  `${(oursMs / plainMs).toFixed(2)}x`,
  "<= 1.25x",
  verdict(oursMs / plainMs <= 1.25),
]);
rows.push([
  "scale: peak RSS, constructs",
  `${oursRss.toFixed(0)} MB`,
  "<= 1024 MB",
  verdict(oursRss <= 1024),
]);
rows.push([
  "scale: peak RSS, plain",
  `${Math.max(...plain.map((r) => r.maxRssMb)).toFixed(0)} MB`,
  "",
  "",
]);

// Guardrail check (`npm run check`) over every example, and over 1,000 certificates each on an
// ALB listener: target under 2 s per 1,000 resources (issue 11).
for (const mode of ["examples", "synthetic"] as const) {
  console.log(`guardrail check: ${mode}`);
  const r = runChild([path.join("scripts", "bench", "check-scale.ts"), mode]) as unknown as {
    ms: number;
    resources: number;
    errors: number;
  };
  const perThousand = (r.ms / r.resources) * 1000;
  rows.push([
    mode === "examples"
      ? `guardrail check: every example stack (${r.resources} resources, ${r.errors} errors)`
      : `guardrail check: 1,000 certificates on ALB listeners (${r.resources} resources)`,
    fmt(r.ms),
    "<= 2 s per 1,000 resources",
    verdict(perThousand <= 2000 && (mode !== "examples" || r.errors === 0)),
  ]);
}

// 3. Plan suite, alone, in a temp dir of its own so that what it leaves behind can be counted.
if (!process.argv.includes("--no-plan")) {
  console.log("plan test suite (jest --selectProjects plan)");
  const examples = fs
    .readdirSync(path.join(root, "examples"), { withFileTypes: true })
    // An example is a folder with a main.ts (examples/pipelines holds CI files, no stack).
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, "examples", e.name, "main.ts")))
    .map((e) => e.name);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-bench-plan-"));
  const report = path.join(tmp, "jest-report.json");
  // jest keeps its transform cache in the temp dir: keep using the usual one.
  const cache = path.join(os.tmpdir(), `jest_${(process.getuid?.() ?? 0).toString(36)}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "jest"),
    ["--selectProjects", "plan", "--silent", `--cacheDirectory=${cache}`, "--json"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TMPDIR: tmp },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  fs.writeFileSync(report, r.stdout);
  let results: {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults: Array<{ name: string; status: string }>;
  } = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, testResults: [] };
  try {
    results = JSON.parse(r.stdout);
  } catch {
    console.log(`jest printed no JSON report (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  }
  const planned = examples.filter((name) =>
    results.testResults.some(
      (t) => path.basename(t.name) === `${name}.test.ts` && t.status === "passed",
    ),
  );
  const allGood =
    r.status === 0 &&
    results.numFailedTests === 0 &&
    results.numPendingTests === 0 &&
    planned.length === examples.length;
  rows.push([
    `plan suite alone: ${planned.length}/${examples.length} example stacks planned, ` +
      `${results.numPassedTests} tests passed, ${results.numFailedTests} failed, ` +
      `${results.numPendingTests} skipped`,
    fmt(ms),
    "<= 30 s, all examples",
    verdict(allGood && ms <= 30000),
  ]);
  fs.rmSync(report);
  const left = fs.readdirSync(tmp);
  rows.push([
    "plan suite: entries left in its temp dir",
    String(left.length),
    "0",
    verdict(left.length === 0) + (left.length ? ` (${left.slice(0, 3).join(", ")}...)` : ""),
  ]);
  fs.rmSync(tmp, { recursive: true, force: true });

  // Every example stack planned, as the suite's global setup plans them: the batchable ones in
  // one Terraform run, the rest alone; and the fixed cost of one plan of a near-empty stack.
  console.log("every example stack planned: one batch, the rest alone");
  const ex = runChild([path.join("scripts", "bench", "plan-examples.ts")]) as unknown as {
    examples: number;
    multiStack: number;
    batched: number;
    alone: number;
    ms: number;
    batchMs: number;
    minimalMs: number;
    minimalCpuMs: number;
  };
  rows.push([
    `every single-stack example planned: ${ex.batched} in one Terraform run ` +
      `(${fmt(ex.batchMs)}), ${ex.alone} alone` +
      (ex.multiStack ? `; ${ex.multiStack} multi-stack example(s) plan in their test` : ""),
    fmt(ex.ms),
    "<= 30 s",
    verdict(ex.ms <= 30000 && ex.batched + ex.alone === ex.examples),
  ]);
  rows.push([
    "one plan of a one-resource stack (plan + show -json): wall, CPU",
    `${fmt(ex.minimalMs)}, ${fmt(ex.minimalCpuMs)} CPU`,
    "",
    "fixed cost per Terraform run",
  ]);
}

console.log(renderTable(["measure", "value", "target", "result"], rows));
console.log(
  `\nmachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
