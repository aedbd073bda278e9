/**
 * Batched offline plans: many synthesized stacks planned by ONE `terraform plan` and ONE
 * `terraform show -json`, then split back into what planning each stack alone gives.
 *
 * Why: nearly all of an offline plan's cost is fixed. Each Terraform command loads the AWS
 * provider's schema (about 1,500 resource types): `plan -out` and `show -json` of a 16-resource
 * stack take 6.7 and 4.2 CPU-seconds, and a one-record stack costs about the same (Terraform
 * 1.11.4, hashicorp/aws 5.100.0, idle 2-core machine). One run over four stacks took 15.5
 * CPU-seconds where the four plans alone took 42.
 *
 * How: each stack directory becomes a child module `module.<key>` of a generated root. Its
 * provider blocks stay in it (a "legacy" module with its own providers, which Terraform allows
 * while the module call has no count, for_each or depends_on; ours never do), with the offline
 * override next to them. Its outputs are re-exported as root outputs `<key>__<name>` with their
 * `sensitive` flag; its prior state, if any, moves under the module address. After
 * `show -json`, {@link splitPlan} rewrites every address, provider key and output name back to
 * the stack's own root-module form. `__tests__/plan/plan-batch.test.ts` holds the split result
 * against a plan of the stack alone.
 *
 * Planned alone instead, as {@link planStackDir} does (see {@link unbatchableReason}): a stack
 * with `import` blocks (Terraform allows them only in the root module), with modules of its own,
 * or with files besides `cdk.tf.json` and cdktf's `assets/` (which the root gets a copy of: see
 * {@link ASSETS}). If the batch fails, each of its stacks is planned
 * alone, so that a failure names its own stack.
 *
 * Results go into the run's plan cache under the keys {@link planStackDir} computes, so a later
 * `planStackDir` of the same files (a test file's `planStack`) is a cache hit.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  linkSeed,
  NOT_CONFIGURATION,
  OFFLINE_STATE_FILE,
  offlineOverride,
  PlanOptions,
  planCacheKey,
  PlanResult,
  planStackDir,
  readPlanCache,
  readStack,
  requiredProvidersOf,
  runTerraform,
  Seed,
  seedFor,
  storeInPlanCache,
  TerraformPlanJson,
  terraformEnv,
  workspaceRoot,
} from "./harness";

/** One stack directory to plan, with its options. */
export interface PlanRequest {
  readonly stackDir: string;
  readonly options?: PlanOptions;
}

/**
 * cdktf's asset folder in a stack directory. Terraform resolves the relative paths that read
 * assets (`file("assets/...")`, a local state's `path`) against the working directory, the
 * batch root: so each stack's assets are copied there too. Their paths name the construct and
 * the content's hash, so two stacks never hold different files at one path.
 */
const ASSETS = "assets";

/** Between a module key and an output name in the root outputs of a batch. */
const OUTPUT_SEPARATOR = "__";

/** Why a stack must be planned alone, or undefined when it can join a batch. */
export function unbatchableReason(
  stackDir: string,
  stackJson: Record<string, unknown>,
): string | undefined {
  if (stackJson.import) return "has import blocks (root module only)";
  if (stackJson.module) return "calls modules of its own";
  const extra = fs
    .readdirSync(stackDir)
    .filter((n) => n !== "cdk.tf.json" && n !== ASSETS && !NOT_CONFIGURATION.test(n));
  if (extra.length) return `reads files by relative path (${extra.join(", ")})`;
  return undefined;
}

/**
 * Plans every request and returns the results in request order. Requests the run's plan cache
 * answers cost nothing; the others are planned together where they can be (see the header), the
 * rest one by one.
 */
export async function planStackDirs(requests: readonly PlanRequest[]): Promise<PlanResult[]> {
  await planIntoCache(requests);
  const results: PlanResult[] = [];
  for (const r of requests) results.push(await planStackDir(r.stackDir, r.options));
  return results;
}

/**
 * Plans, in one batch, the requests that can join one and are not in the plan cache yet, and
 * stores their results there; plans nothing alone. Returns how many it planned, and why the
 * others were left out. A failed batch stores nothing (`failed` holds Terraform's message).
 */
export async function planIntoCache(
  requests: readonly PlanRequest[],
): Promise<{ planned: number; alone: string[]; failed?: string }> {
  const prepared = await Promise.all(
    requests.map(async (r) => {
      const stackJson = readStack(r.stackDir);
      const seed = await seedFor(requiredProvidersOf(stackJson));
      const lockFile = fs.readFileSync(path.join(seed.dir, ".terraform.lock.hcl"), "utf8");
      const key = planCacheKey(r.stackDir, lockFile, r.options ?? {});
      return { ...r, stackJson, seed, key };
    }),
  );
  const alone: string[] = [];
  const toBatch = prepared.filter((p, i) => {
    if (readPlanCache(p.key) !== undefined) return false;
    // One entry per distinct plan: a repeat is answered by the first.
    if (prepared.findIndex((q) => q.key === p.key) !== i) return false;
    const why =
      unbatchableReason(p.stackDir, p.stackJson) ??
      (p.seed.dir === prepared[0].seed.dir ? undefined : "needs providers of another seed");
    if (why) alone.push(`${path.basename(p.stackDir)}: ${why}`);
    return why === undefined;
  });
  if (toBatch.length < 2) return { planned: 0, alone };
  try {
    const shown = await planBatch(toBatch);
    toBatch.forEach((p, i) => storeInPlanCache(p.key, JSON.stringify(shown[i])));
    return { planned: toBatch.length, alone };
  } catch (e) {
    return { planned: 0, alone, failed: (e as Error).message };
  }
}

/** A request with what planning it needs: its parsed stack and the seed with its providers. */
interface Prepared extends PlanRequest {
  readonly stackJson: Record<string, unknown>;
  readonly seed: Seed;
}

/** Plans `batch` in one generated root; returns each stack's `show -json`, split out. */
async function planBatch(batch: readonly Prepared[]): Promise<TerraformPlanJson[]> {
  const seed = batch[0].seed;
  const dir = path.join(workspaceRoot(), `batch-${crypto.randomBytes(6).toString("hex")}`);
  const env = terraformEnv(seed.cliConfig);
  const keys = batch.map((_, i) => `s${i}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const root = {
      terraform: offlineOverride({}).terraform,
      module: {} as Record<string, unknown>,
      output: {} as Record<string, unknown>,
    };
    const modules = [{ Key: "", Source: "", Dir: "." }];
    batch.forEach((p, i) => {
      const key = keys[i];
      writeModule(p.stackDir, p.stackJson, path.join(dir, key));
      const assets = path.join(p.stackDir, ASSETS);
      if (fs.existsSync(assets)) {
        fs.cpSync(assets, path.join(dir, ASSETS), { recursive: true, force: false });
      }
      root.module[key] = { source: `./${key}` };
      modules.push({ Key: key, Source: `./${key}`, Dir: key });
      const outputs = (p.stackJson.output ?? {}) as Record<string, { sensitive?: boolean }>;
      for (const [name, o] of Object.entries(outputs)) {
        root.output[`${key}${OUTPUT_SEPARATOR}${name}`] = {
          value: `\${module.${key}.${name}}`,
          ...(o.sensitive ? { sensitive: true } : {}),
        };
      }
    });
    fs.writeFileSync(path.join(dir, "batch.tf.json"), JSON.stringify(root, null, 2));
    const state = mergedPriorState(batch, keys);
    if (state) fs.writeFileSync(path.join(dir, OFFLINE_STATE_FILE), JSON.stringify(state));
    linkSeed(seed, dir);
    // What `terraform get` records for local module paths, without starting Terraform.
    fs.mkdirSync(path.join(dir, ".terraform", "modules"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, ".terraform", "modules", "modules.json"),
      JSON.stringify({ Modules: modules }),
    );
    await runTerraform(
      ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=batch.tfplan"],
      dir,
      env,
    );
    const { stdout } = await runTerraform(["show", "-json", "-no-color", "batch.tfplan"], dir, env);
    const combined = JSON.parse(stdout) as Json;
    return keys.map((key) => splitPlan(combined, key));
  } finally {
    if (!process.env.KEEP_PLAN_DIRS) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A stack directory as a child module: its configuration, no backend, offline providers. */
function writeModule(stackDir: string, stackJson: Record<string, unknown>, target: string): void {
  fs.cpSync(stackDir, target, { recursive: true, filter: (src) => !NOT_CONFIGURATION.test(src) });
  const terraform = { ...((stackJson.terraform ?? {}) as Record<string, unknown>) };
  delete terraform.backend;
  fs.writeFileSync(path.join(target, "cdk.tf.json"), JSON.stringify({ ...stackJson, terraform }));
  const { provider } = offlineOverride(stackJson);
  fs.writeFileSync(path.join(target, "zz_offline_override.tf.json"), JSON.stringify({ provider }));
}

interface StateV4 {
  version: number;
  terraform_version?: string;
  serial?: number;
  lineage?: string;
  outputs?: Record<string, unknown>;
  resources?: Array<Record<string, unknown>>;
}

/** The prior states of a batch, each moved under its module; undefined when none has one. */
export function mergedPriorState(
  batch: readonly PlanRequest[],
  keys: readonly string[],
): StateV4 | undefined {
  if (!batch.some((p) => p.options?.priorState)) return undefined;
  const merged: StateV4 = { version: 4, serial: 1, lineage: "batch", outputs: {}, resources: [] };
  batch.forEach((p, i) => {
    const state = p.options?.priorState as StateV4 | undefined;
    if (!state) return;
    if (state.version !== 4) throw new Error(`prior state version ${state.version}, expected 4`);
    merged.terraform_version ??= state.terraform_version;
    const prefix = `module.${keys[i]}`;
    for (const r of state.resources ?? []) {
      const instances = (r.instances ?? []) as Array<Record<string, unknown>>;
      merged.resources!.push({
        ...r,
        module: r.module ? `${prefix}.${r.module as string}` : prefix,
        provider: `${prefix}.${r.provider as string}`,
        // Dependencies are absolute addresses: they move under the module too.
        instances: instances.map((inst) =>
          inst.dependencies
            ? {
                ...inst,
                dependencies: (inst.dependencies as string[]).map((d) => `${prefix}.${d}`),
              }
            : inst,
        ),
      });
    }
    for (const [name, o] of Object.entries(state.outputs ?? {})) {
      merged.outputs![`${keys[i]}${OUTPUT_SEPARATOR}${name}`] = o;
    }
  });
  return merged;
}

// `show -json` output, walked generically: its schema is Terraform's JSON plan format.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * The part of a batch's `show -json` that belongs to `module.<key>`, in the form a plan of that
 * stack alone has: addresses without the module prefix, provider keys `aws.x` instead of
 * `module.<key>:aws.x`, outputs under their own names.
 */
export function splitPlan(combined: Json, key: string): TerraformPlanJson {
  const prefix = `module.${key}`;
  const inModule = (address: string | undefined): boolean =>
    address === prefix || (address ?? "").startsWith(`${prefix}.`);
  const strip = (address: string): string =>
    address === prefix
      ? ""
      : address.startsWith(`${prefix}.`)
        ? address.slice(prefix.length + 1)
        : address;
  const relocate = (item: Json): Json => {
    const out: Json = { ...item, address: strip(item.address) };
    const inner = strip(item.module_address);
    if (inner) out.module_address = inner;
    else delete out.module_address;
    if (item.previous_address) out.previous_address = strip(item.previous_address);
    return out;
  };
  const outputPrefix = `${key}${OUTPUT_SEPARATOR}`;
  const ownOutputs = (outputs: Json | undefined): Json => {
    const picked: Json = {};
    for (const [name, value] of Object.entries(outputs ?? {})) {
      if (name.startsWith(outputPrefix)) picked[name.slice(outputPrefix.length)] = value;
    }
    return picked;
  };
  const moduleValues = (values: Json | undefined): Json | undefined => {
    if (!values) return undefined;
    const child = (values.root_module?.child_modules ?? []).find((m: Json) => m.address === prefix);
    const outputs = ownOutputs(values.outputs);
    return {
      ...(Object.keys(outputs).length ? { outputs } : {}),
      root_module: unwrapModule(child ?? {}, strip),
    };
  };
  const out: Json = {};
  for (const [field, value] of Object.entries(combined)) {
    switch (field) {
      case "planned_values":
        out.planned_values = moduleValues(value);
        break;
      case "prior_state": {
        // A stack alone has a prior state only when it holds something (state, or data sources
        // read at plan); the batch has one when any of its stacks does.
        const values = moduleValues(value.values);
        if (values && (Object.keys(values.root_module).length || values.outputs)) {
          out.prior_state = { ...value, values };
        }
        break;
      }
      case "resource_changes":
      case "resource_drift":
        out[field] = (value as Json[]).filter((c) => inModule(c.module_address)).map(relocate);
        break;
      case "relevant_attributes":
        out[field] = (value as Json[])
          .filter((a) => inModule(a.resource))
          .map((a) => ({ ...a, resource: strip(a.resource) }));
        break;
      case "output_changes": {
        const picked = ownOutputs(value);
        if (Object.keys(picked).length) out.output_changes = picked;
        break;
      }
      case "configuration":
        out.configuration = splitConfiguration(value, key);
        break;
      case "checks":
        out.checks = (value as Json[])
          .filter((c) => inModule(c.address?.module))
          .map((c) => ({ ...c, address: { ...c.address, module: strip(c.address.module) } }));
        break;
      default:
        out[field] = value;
    }
  }
  return out as TerraformPlanJson;
}

/** A `child_modules` entry as a root module: resource addresses without the module prefix. */
function unwrapModule(module: Json, strip: (a: string) => string): Json {
  const out: Json = {};
  if (module.resources) {
    out.resources = module.resources.map((r: Json) => ({
      ...r,
      address: strip(r.address),
      ...(r.depends_on ? { depends_on: r.depends_on.map(strip) } : {}),
    }));
  }
  if (module.child_modules) {
    out.child_modules = module.child_modules.map((m: Json) => ({
      ...unwrapModule(m, strip),
      address: strip(m.address),
    }));
  }
  return out;
}

/** `configuration` of `module.<key>`: its module call's body as the root module. */
function splitConfiguration(configuration: Json, key: string): Json {
  const keyPrefix = `module.${key}:`;
  const providerConfig: Json = {};
  for (const [name, p] of Object.entries((configuration.provider_config ?? {}) as Json)) {
    if (!name.startsWith(keyPrefix)) continue;
    const own: Json = { ...p };
    delete own.module_address;
    providerConfig[name.slice(keyPrefix.length)] = own;
  }
  const body = configuration.root_module?.module_calls?.[key]?.module ?? {};
  const rekey = (r: Json): Json =>
    r.provider_config_key?.startsWith(keyPrefix)
      ? { ...r, provider_config_key: r.provider_config_key.slice(keyPrefix.length) }
      : r;
  const rootModule: Json = { ...body };
  if (body.resources) rootModule.resources = body.resources.map(rekey);
  return { provider_config: providerConfig, root_module: rootModule };
}
