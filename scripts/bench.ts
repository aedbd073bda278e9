/**
 * `npm run bench`: prints a table of
 *  1. synth of the app's process (every example stack) against a minimal one-resource cdktf app,
 *     median of 5 runs each, in the same run (target: at most 2x);
 *  2. scale: 1,000 certificates x 3 names over 50 zones through our constructs against the
 *     same resources written as plain provider resources, median of 3, with peak RSS
 *     (targets: at most 1.25x time, peak RSS at most 1 GB);
 *  3. the plan test suite's wall time (skip with --no-plan).
 * A benchmark, not a test: it reports and marks each target, and exits 0.
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
  process.stdout.write(`synth run ${i + 1}/${RUNS}...\r`);
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
  process.stdout.write(`scale run ${i + 1}/${SCALE_RUNS}...   \r`);
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

// 3. Plan suite.
if (!process.argv.includes("--no-plan")) {
  process.stdout.write("plan test suite...        \r");
  const started = process.hrtime.bigint();
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "jest"),
    ["--selectProjects", "plan", "--silent"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const summary = /Tests:\s+(.*)/.exec(r.stderr)?.[1] ?? "no summary";
  rows.push([
    `plan test suite wall time (${summary})`,
    fmt(ms),
    "<= 120 s",
    verdict(r.status === 0 && ms <= 120000),
  ]);
}

process.stdout.write(" ".repeat(40) + "\r");
console.log(renderTable(["measure", "value", "target", "result"], rows));
console.log(
  `\nmachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
