/**
 * `npm run iam-policy -- <stack ...>`: the least-privilege IAM policy for the role that deploys
 * those synthesized stacks, from the resource and data source types in their cdk.tf.json and the
 * table of actions per type (scripts/iam-policy/permissions.ts). Several stacks (or `--all`)
 * give one policy that covers them all, for a pipeline with one deploy role.
 *
 * Usage: npm run iam-policy -- <stack ...> | --all | --file <cdk.tf.json> ...
 *          [--dir cdktf.out] [--read-only] [--for-role <role arn>] [--out policy.json]
 *
 *   --dir        where the synthesized app is (default cdktf.out): cdktf.out/manifest.json names
 *                each stack's cdk.tf.json
 *   --file       a Terraform JSON file instead (its stack name: "//".metadata.stackName, else
 *                its folder)
 *   --read-only  what `cdktf diff` needs (plan): read actions, state read and lock; for a
 *                pull-request role
 *   --for-role   print the policy of a role a provider of the stacks assumes (assume_role),
 *                instead of the deploy role's
 *   --out        write the JSON to a file instead of stdout
 *
 * State statements come from the environment the stacks were synthesized with: TF_STATE_BUCKET,
 * TF_STATE_REGION, TF_STATE_KEY_PREFIX, TF_STATE_KMS_KEY_ID, TF_STATE_LOCK_TABLE.
 *
 * stdout: the policy document (JSON). stderr: a summary table (type, instances, actions), the
 * roles the providers assume, the policy size against IAM's limits, warnings and notes.
 * Exit codes: 0; 1 when a type has no table entry (the message names it); 2 for bad input.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { renderTable } from "./lib/table";
import {
  DEPLOY_ROLE,
  generatePolicy,
  PolicyDocument,
  policySize,
  POLICY_SIZE_LIMITS,
  StackJson,
  STATE_ENV,
  StateEnv,
  UnknownTypeError,
} from "./iam-policy/policy";
import { TerraformConfigError } from "../modules/policy/terraform-config";

export interface IamPolicyResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class UsageError extends Error {}

const USAGE =
  "usage: iam-policy <stack ...> | --all | --file <cdk.tf.json> ... [--dir cdktf.out] " +
  "[--read-only] [--for-role <role arn>] [--out policy.json]";

interface Args {
  stacks: string[];
  files: string[];
  all: boolean;
  dir: string;
  readOnly: boolean;
  forRole?: string;
  out?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { stacks: [], files: [], all: false, dir: "cdktf.out", readOnly: false };
  const value = (i: number, flag: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--all") args.all = true;
    else if (a === "--read-only") args.readOnly = true;
    else if (a === "--dir") args.dir = value(++i, a);
    else if (a === "--file") args.files.push(value(++i, a));
    else if (a === "--for-role") args.forRole = value(++i, a);
    else if (a === "--out") args.out = value(++i, a);
    else if (a.startsWith("-"))
      throw new UsageError(`unknown option ${JSON.stringify(a)}; ${USAGE}`);
    else args.stacks.push(a);
  }
  if (!args.all && args.stacks.length === 0 && args.files.length === 0) {
    throw new UsageError(`name at least one stack, --all or --file; ${USAGE}`);
  }
  return args;
}

function readJson(file: string): unknown {
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** The stacks of a synthesized app, by name → cdk.tf.json path (from its manifest). */
export function stackFiles(dir: string): Map<string, string> {
  const manifestFile = path.join(dir, "manifest.json");
  const out = new Map<string, string>();
  if (fs.existsSync(manifestFile)) {
    const manifest = readJson(manifestFile) as {
      stacks?: Record<string, { name?: string; synthesizedStackPath?: string }>;
    };
    for (const [key, s] of Object.entries(manifest.stacks ?? {})) {
      out.set(s.name ?? key, path.join(dir, s.synthesizedStackPath ?? `stacks/${key}/cdk.tf.json`));
    }
    return out;
  }
  const stacksDir = path.join(dir, "stacks");
  if (!fs.existsSync(stacksDir)) {
    const hint = dir === "cdktf.out" ? "; run `npm run synth` first, or pass --dir" : "";
    throw new UsageError(`${dir} holds no manifest.json or stacks/${hint}`);
  }
  for (const name of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, name, "cdk.tf.json");
    if (fs.existsSync(file)) out.set(name, file);
  }
  return out;
}

function loadStacks(args: Args): StackJson[] {
  const stacks: StackJson[] = [];
  if (args.all || args.stacks.length > 0) {
    const files = stackFiles(args.dir);
    const names = args.all ? [...files.keys()].sort() : args.stacks;
    for (const name of names) {
      const file = files.get(name);
      if (!file) {
        throw new UsageError(
          `no stack ${JSON.stringify(name)} in ${args.dir}; stacks: ${[...files.keys()].sort().join(", ") || "none"}`,
        );
      }
      stacks.push({ name, json: readJson(file), source: file });
    }
  }
  for (const file of args.files) {
    const json = readJson(file) as { "//"?: { metadata?: { stackName?: unknown } } };
    const declared = json?.["//"]?.metadata?.stackName;
    const name = typeof declared === "string" ? declared : path.basename(path.dirname(file));
    stacks.push({ name, json, source: file });
  }
  return stacks;
}

const sizeLine = (who: string, doc: PolicyDocument) => {
  const size = policySize(doc);
  const { managedPolicy, inlineRolePolicies } = POLICY_SIZE_LIMITS;
  const fit =
    size <= managedPolicy
      ? "fits a managed policy"
      : size <= inlineRolePolicies
        ? `too big for one managed policy (${managedPolicy}): attach it inline`
        : `over the ${inlineRolePolicies} characters of a role's inline policies: split it (one policy per stack)`;
  return `${who}: ${doc.Statement.length} statements, ${size} characters, ${fit}`;
};

/** Runs the command without touching process: what to print and the exit code. */
export function runIamPolicy(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): IamPolicyResult {
  try {
    const args = parseArgs(argv);
    const stacks = loadStacks(args);
    const stateEnv: StateEnv = {};
    for (const k of STATE_ENV) if (env[k]) stateEnv[k] = env[k];
    const result = generatePolicy(stacks, { readOnly: args.readOnly, env: stateEnv });

    let doc = result.deployRole;
    let who = DEPLOY_ROLE;
    if (args.forRole !== undefined) {
      const assumed = result.assumedRoles[args.forRole];
      if (!assumed) {
        const known = Object.keys(result.assumedRoles);
        throw new UsageError(
          `no provider of ${stacks.map((s) => s.name).join(", ")} assumes ${JSON.stringify(args.forRole)}; ` +
            `assumed roles: ${known.join(", ") || "none"}`,
        );
      }
      doc = assumed;
      who = args.forRole;
    }

    const lines: string[] = [];
    lines.push(
      renderTable(
        ["type", "kind", "instances", "actions"],
        result.types.map((t) => [t.type, t.kind, String(t.count), String(t.actions)]),
      ),
      "",
      `${args.readOnly ? "read-only (cdktf diff) " : ""}policy for ${stacks.map((s) => s.name).join(", ")}`,
      sizeLine(DEPLOY_ROLE, result.deployRole),
    );
    for (const [role, roleDoc] of Object.entries(result.assumedRoles)) {
      lines.push(
        `${sizeLine(`assumed role ${role}`, roleDoc)} (print it with --for-role ${role}; the ${DEPLOY_ROLE} may assume it)`,
      );
    }
    if (!STATE_ENV.some((k) => stateEnv[k])) {
      lines.push("no TF_STATE_BUCKET: the policy has no state statements");
    }
    for (const w of result.warnings) lines.push(`warning: ${w}`);
    for (const n of result.notes) lines.push(`note: ${n}`);

    const json = `${JSON.stringify(doc, null, 2)}\n`;
    if (args.out !== undefined) {
      fs.writeFileSync(args.out, json);
      lines.push(`wrote the policy of the ${who} to ${args.out}`);
      return { code: 0, stdout: "", stderr: `${lines.join("\n")}\n` };
    }
    return { code: 0, stdout: json, stderr: `${lines.join("\n")}\n` };
  } catch (e) {
    if (e instanceof UnknownTypeError) {
      return { code: 1, stdout: "", stderr: `iam-policy: ${e.message}\n` };
    }
    if (e instanceof UsageError || e instanceof TerraformConfigError) {
      return { code: 2, stdout: "", stderr: `iam-policy: ${e.message}\n` };
    }
    throw e;
  }
}

if (require.main === module) {
  const result = runIamPolicy(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
