/**
 * `deploy-order`: the synthesized stacks in deploy waves, from `cdktf.out/manifest.json`.
 * Wave 1 holds the stacks without dependencies; wave n the stacks whose dependencies are all in
 * earlier waves. Stacks of one wave are independent of each other and deploy in parallel; a
 * wave starts when the one before it has finished. A dependency cycle is an error.
 *
 * cdktf writes, per stack of the manifest, `dependencies`: the construct paths of the stacks it
 * depends on, from `stack.addDependency(other)` and from cross-stack references, which add the
 * dependency themselves (node_modules/cdktf/lib/manifest.js: `stack.dependencies.map((item) =>
 * item.node.path)`). __tests__/scripts/deploy-order.test.ts synthesizes such an app and reads
 * its manifest back.
 *
 * Usage: npx tsx scripts/deploy-order.ts [cdktf.out] [--json | --list | --github-output <max>]
 *   (default)        a table: wave, stacks, what they depend on
 *   --json           {"waves": [["a", "b"], ["c"]]}, for a CI matrix
 *   --list           one stack per line, in deploy order
 *   --github-output  `wave_1=[...]` ... `wave_<max>=[]` and `waves=<count>` lines for
 *                    $GITHUB_OUTPUT; an error when the app needs more than <max> waves
 * Exit codes: 0; 1 for a cycle, a dependency on an unknown stack or too many waves; 2 for bad
 * input (no manifest, bad option).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { renderTable } from "./lib/table";

/** One stack of the manifest: its name and the names of the stacks it depends on. */
export interface ManifestStack {
  readonly name: string;
  readonly dependencies: readonly string[];
}

/** The dependency graph cannot be ordered: a cycle, or a dependency that is not a stack. */
export class DeployOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeployOrderError";
  }
}

/** Bad input: no manifest, malformed JSON, a bad option. */
export class DeployOrderInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeployOrderInputError";
  }
}

interface RawManifest {
  stacks?: Record<
    string,
    { name?: unknown; constructPath?: unknown; dependencies?: unknown } | undefined
  >;
}

/**
 * The stacks of a parsed manifest.json. Dependencies are construct paths; they are mapped to
 * stack names through each stack's `constructPath` (for a stack directly under the App, path and
 * name are the same).
 */
export function manifestStacks(manifest: unknown): ManifestStack[] {
  const raw = (manifest ?? {}) as RawManifest;
  if (typeof raw !== "object" || typeof raw.stacks !== "object" || raw.stacks === null) {
    throw new DeployOrderInputError('not a cdktf manifest: expected an object with "stacks"');
  }
  const entries = Object.entries(raw.stacks).map(([key, s]) => ({
    name: typeof s?.name === "string" ? s.name : key,
    path: typeof s?.constructPath === "string" ? s.constructPath : key,
    dependencies: Array.isArray(s?.dependencies)
      ? s.dependencies.filter((d): d is string => typeof d === "string")
      : [],
  }));
  const byPath = new Map(entries.map((e) => [e.path, e.name]));
  return entries.map((e) => ({
    name: e.name,
    dependencies: e.dependencies.map((d) => byPath.get(d) ?? d),
  }));
}

/** Reads `<dir>/manifest.json`. */
export function readManifest(dir: string): ManifestStack[] {
  const file = path.join(dir, "manifest.json");
  if (!fs.existsSync(file)) {
    const hint = dir === "cdktf.out" ? "; run `npm run synth` first, or pass the directory" : "";
    throw new DeployOrderInputError(`${file} does not exist${hint}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new DeployOrderInputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  return manifestStacks(json);
}

/**
 * The waves: wave 0 = stacks without dependencies, wave n = stacks whose dependencies are all
 * in waves before n. Names within a wave are sorted. Throws DeployOrderError for a dependency
 * on a stack that is not in the list, or for a cycle (the message names the stacks on it).
 */
export function deployWaves(stacks: readonly ManifestStack[]): string[][] {
  const names = new Set(stacks.map((s) => s.name));
  for (const s of stacks) {
    const missing = s.dependencies.filter((d) => !names.has(d));
    if (missing.length > 0) {
      throw new DeployOrderError(
        `stack ${s.name} depends on ${missing.join(", ")}, which ${missing.length > 1 ? "are" : "is"} not a stack of the app`,
      );
    }
  }
  const waves: string[][] = [];
  const placed = new Set<string>();
  let left = [...stacks];
  while (left.length > 0) {
    const wave = left.filter((s) => s.dependencies.every((d) => placed.has(d) && d !== s.name));
    if (wave.length === 0) throw new DeployOrderError(`dependency cycle: ${cycleOf(left)}`);
    const waveNames = wave.map((s) => s.name).sort();
    waves.push(waveNames);
    waveNames.forEach((n) => placed.add(n));
    left = left.filter((s) => !placed.has(s.name));
  }
  return waves;
}

/** One cycle among stacks that cannot be placed, as `a -> b -> a`. */
function cycleOf(stacks: readonly ManifestStack[]): string {
  const deps = new Map(stacks.map((s) => [s.name, s.dependencies]));
  const start = [...deps.keys()].sort()[0];
  const seen: string[] = [];
  let at = start;
  while (!seen.includes(at)) {
    seen.push(at);
    // Follow a dependency that is itself unplaced (every unplaced stack has one).
    at = [...(deps.get(at) ?? [])].sort().find((d) => deps.has(d)) ?? at;
  }
  return [...seen.slice(seen.indexOf(at)), at].join(" -> ");
}

/** `$GITHUB_OUTPUT` lines: `wave_<i>=<JSON array>` for i = 1..max, and `waves=<count>`. */
export function githubOutput(waves: readonly string[][], maxWaves: number): string {
  if (waves.length > maxWaves) {
    throw new DeployOrderError(
      `the app needs ${waves.length} deploy waves, the pipeline has jobs for ${maxWaves}: ` +
        `regenerate it with more (examples/pipelines/generate.ts --max-waves ${waves.length})`,
    );
  }
  const lines: string[] = [];
  for (let i = 0; i < maxWaves; i++) lines.push(`wave_${i + 1}=${JSON.stringify(waves[i] ?? [])}`);
  lines.push(`waves=${waves.length}`);
  return `${lines.join("\n")}\n`;
}

export interface DeployOrderResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = "usage: deploy-order [cdktf.out] [--json | --list | --github-output <max waves>]";

export function runDeployOrder(argv: readonly string[]): DeployOrderResult {
  try {
    let dir = "cdktf.out";
    let format: "table" | "json" | "list" | "github" = "table";
    let maxWaves = 0;
    let dirs = 0;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === "--json") format = "json";
      else if (a === "--list") format = "list";
      else if (a === "--github-output") {
        format = "github";
        maxWaves = Number(argv[++i]);
        if (!Number.isInteger(maxWaves) || maxWaves < 1) {
          throw new DeployOrderInputError(`--github-output needs a number of waves >= 1; ${USAGE}`);
        }
      } else if (a.startsWith("-"))
        throw new DeployOrderInputError(`unknown option ${JSON.stringify(a)}; ${USAGE}`);
      else {
        dir = a;
        if (++dirs > 1) throw new DeployOrderInputError(`one directory only; ${USAGE}`);
      }
    }
    const stacks = readManifest(dir);
    const waves = deployWaves(stacks);
    if (format === "json") return ok(`${JSON.stringify({ waves })}\n`);
    if (format === "list")
      return ok(
        waves
          .flat()
          .map((s) => `${s}\n`)
          .join(""),
      );
    if (format === "github") return ok(githubOutput(waves, maxWaves));
    const deps = new Map(stacks.map((s) => [s.name, s.dependencies]));
    const rows = waves.flatMap((wave, i) =>
      wave.map((name) => [
        String(i + 1),
        name,
        [...(deps.get(name) ?? [])].sort().join(", ") || "-",
      ]),
    );
    return ok(`${renderTable(["wave", "stack", "depends on"], rows)}\n`);
  } catch (e) {
    if (e instanceof DeployOrderError)
      return { code: 1, stdout: "", stderr: `deploy-order: ${e.message}\n` };
    if (e instanceof DeployOrderInputError)
      return { code: 2, stdout: "", stderr: `deploy-order: ${e.message}\n` };
    throw e;
  }
}

const ok = (stdout: string): DeployOrderResult => ({ code: 0, stdout, stderr: "" });

if (require.main === module) {
  const result = runDeployOrder(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
