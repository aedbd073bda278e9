/**
 * `npm run check`: runs the TLS rule pack (modules/policy) over Terraform JSON and prints the
 * findings. Exit code: 0 when no unsuppressed error, 1 when there is one, 2 for bad input (a
 * missing path, malformed JSON, JSON that is not Terraform, a bad option); bad input gets one
 * clear line on stderr, never a stack trace.
 *
 * Usage: npm run check -- [path ...] [--format table|json|sarif]
 *   path: a Terraform JSON file (`cdk.tf.json`, `main.tf.json`, any `.json`), or a directory:
 *   its `stacks/<name>/cdk.tf.json` files (a cdktf.out), else its `cdk.tf.json` and `*.tf.json`.
 *   Default: cdktf.out.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { renderTable } from "./lib/table";
import { checkConfig, isBlocking } from "../modules/policy/rule-pack";
import { findingRows, summarize, TABLE_HEADERS, toJson, toSarif } from "../modules/policy/output";
import {
  parseTerraformConfig,
  TerraformConfig,
  TerraformConfigError,
} from "../modules/policy/terraform-config";
import { Finding } from "../modules/policy/types";

export const FORMATS = ["table", "json", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

/** Bad input: the message is printed alone, exit code 2. */
export class CheckInputError extends Error {}

export interface CheckResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The options of a command line (without `node script`). */
export function parseArgs(argv: readonly string[]): { paths: string[]; format: Format } {
  const paths: string[] = [];
  let format: Format = "table";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let value: string | undefined;
    if (a === "--format") value = argv[++i];
    else if (a.startsWith("--format=")) value = a.slice("--format=".length);
    else if (a.startsWith("-")) {
      throw new CheckInputError(
        `unknown option ${JSON.stringify(a)}; usage: check [path ...] [--format table|json|sarif]`,
      );
    } else {
      paths.push(a);
      continue;
    }
    if (!(FORMATS as readonly string[]).includes(value ?? "")) {
      throw new CheckInputError(
        `--format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(value ?? null)}`,
      );
    }
    format = value as Format;
  }
  return { paths: paths.length > 0 ? paths : ["cdktf.out"], format };
}

/** The Terraform JSON files a path names (see the usage above). */
export function filesOf(p: string): string[] {
  if (!fs.existsSync(p)) {
    const hint = p === "cdktf.out" ? "; run `npm run synth` first, or pass a path" : "";
    throw new CheckInputError(`${p} does not exist${hint}`);
  }
  if (fs.statSync(p).isFile()) return [p];
  const stacks = path.join(p, "stacks");
  const fromStacks = fs.existsSync(stacks)
    ? fs
        .readdirSync(stacks)
        .sort()
        .map((s) => path.join(stacks, s, "cdk.tf.json"))
        .filter((f) => fs.existsSync(f))
    : [];
  if (fromStacks.length > 0) return fromStacks;
  const here = fs
    .readdirSync(p)
    .filter((f) => f.endsWith(".tf.json"))
    .sort()
    .map((f) => path.join(p, f));
  if (here.length === 0) {
    throw new CheckInputError(
      `${p} holds no Terraform JSON: expected stacks/<name>/cdk.tf.json (a cdktf.out) or *.tf.json files`,
    );
  }
  return here;
}

/** Reads and parses one file; bad JSON or non-Terraform JSON is a CheckInputError. */
export function loadConfig(file: string): { config: TerraformConfig; text: string } {
  const text = fs.readFileSync(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CheckInputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return { config: parseTerraformConfig(json, file), text };
  } catch (e) {
    if (e instanceof TerraformConfigError) throw new CheckInputError(e.message);
    throw e;
  }
}

/** The line of a resource's name in its file: the first `"<name>":` after `"<type>":`. */
function lineIn(text: string, finding: Finding): number | undefined {
  const [type, ...rest] = finding.address.split(".");
  const typeAt = text.indexOf(`"${type}"`);
  const nameAt = typeAt < 0 ? -1 : text.indexOf(`"${rest.join(".")}"`, typeAt);
  return nameAt < 0 ? undefined : text.slice(0, nameAt).split("\n").length;
}

/** Runs the command, without touching process: the result says what to print and the code. */
export function runCheck(argv: readonly string[]): CheckResult {
  try {
    const { paths, format } = parseArgs(argv);
    const files = paths.flatMap(filesOf);
    const texts = new Map<string, string>();
    const findings: Finding[] = [];
    for (const file of files) {
      const { config, text } = loadConfig(file);
      texts.set(file, text);
      findings.push(...checkConfig(config));
    }
    const code = findings.some(isBlocking) ? 1 : 0;
    if (format === "json") {
      return { code, stdout: JSON.stringify(toJson(findings, files), null, 2) + "\n", stderr: "" };
    }
    if (format === "sarif") {
      const sarif = toSarif(findings, (f) => lineIn(texts.get(f.source) ?? "", f));
      return { code, stdout: JSON.stringify(sarif, null, 2) + "\n", stderr: "" };
    }
    const s = summarize(findings);
    const summary =
      `${files.length} file(s) checked: ${s.errors} error(s), ${s.warnings} warning(s), ` +
      `${s.suppressed} suppressed`;
    const table =
      findings.length > 0 ? renderTable(TABLE_HEADERS, findingRows(findings)) + "\n" : "";
    return { code, stdout: `${table}${summary}\n`, stderr: "" };
  } catch (e) {
    if (e instanceof CheckInputError)
      return { code: 2, stdout: "", stderr: `check: ${e.message}\n` };
    if (
      e instanceof Error &&
      "code" in e &&
      typeof (e as NodeJS.ErrnoException).code === "string"
    ) {
      return { code: 2, stdout: "", stderr: `check: ${e.message}\n` };
    }
    throw e;
  }
}

if (require.main === module) {
  const result = runCheck(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
