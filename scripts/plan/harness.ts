/**
 * Offline `terraform plan` harness, shared by the plan tests and by `npm run plan`.
 *
 * Given a synthesized stack directory (`cdktf.out/stacks/<name>`), it:
 *  1. copies the directory to a temporary folder (what the user synthesized is never touched);
 *  2. writes `zz_offline_override.tf.json` there, giving every `aws` provider block (aliased
 *     ones too) fake credentials and the skip flags, dropping role assumption, and forcing a
 *     local backend;
 *  3. reuses an initialised "seed" workspace (see below), then runs `plan -out` and
 *     `show -json`;
 *  4. returns the parsed plan.
 *
 * One `terraform init` per run. A seed is a directory holding only a `terraform` block with the
 * union of the `required_providers` of every stack to plan, initialised once through a CLI
 * config whose `provider_installation` is a local filesystem mirror (see `./mirror`). A plan
 * links the seed's `.terraform/providers`, copies its lock file and backend state, and needs no
 * init of its own.
 *  - `npm test`: the jest global setup creates the seed for every example stack before the
 *    workers start and passes it to them in `TLS_PLAN_SEED_DIR`, with a run-scoped plan cache
 *    in `TLS_PLAN_CACHE_DIR`; the global teardown deletes both.
 *  - `npm run plan`, `npm run bench`: {@link createSeed} once for the stacks at hand.
 *  - Anything else (a stack whose providers the seed lacks): one seed per process and provider
 *    set, created on first use, deleted by {@link disposePlanWorkspace} (and, as a backstop,
 *    at process exit).
 *
 * Many stacks at once: ./batch.ts plans them as modules of one Terraform run and splits the
 * result back into these same per-stack results (and this cache).
 *
 * The plan cache: a plan is a pure function of the stack's files, the prior state and the
 * installed providers, so within one run an identical request (two test files planning the same
 * example) is answered from the first one's `show -json`. Failed plans are never cached.
 *
 * Terraform's own CLI configuration is never read: every command runs with
 * `TF_CLI_CONFIG_FILE` set to the harness's file, so a `TF_CLI_CONFIG_FILE` that names a missing
 * file costs nothing here (Terraform would print a warning on every call otherwise).
 */
import { execFile } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MirrorNotFoundError, providerMirrorPath, searchProviderMirror } from "./mirror";
import { processAlive } from "../lib/process";

export { findProviderMirror, MirrorNotFoundError } from "./mirror";

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly change: {
    readonly actions: string[];
    readonly after: Record<string, unknown> | null;
    readonly after_unknown?: Record<string, unknown>;
    readonly after_sensitive?: Record<string, unknown> | boolean;
    readonly before?: Record<string, unknown> | null;
    readonly replace_paths?: unknown[][];
  };
}

export interface TerraformPlanJson {
  readonly format_version: string;
  readonly resource_changes?: ResourceChange[];
  readonly configuration?: {
    readonly provider_config?: Record<
      string,
      { name: string; alias?: string; expressions?: Record<string, unknown> }
    >;
    readonly root_module?: {
      readonly resources?: Array<{
        address: string;
        type: string;
        provider_config_key?: string;
        expressions?: Record<string, unknown>;
        depends_on?: string[];
      }>;
    };
  };
}

export interface PlanResult {
  readonly stackDir: string;
  readonly plan: TerraformPlanJson;
  readonly resourceChanges: ResourceChange[];
  readonly durationMs: number;
}

/** A Terraform command failed; the message carries Terraform's own output. */
export class TerraformError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "TerraformError";
  }
}

/** Terraform is not on PATH. In CI this is a failure; locally, callers may skip loudly. */
export class TerraformMissingError extends Error {
  constructor() {
    super(
      `terraform was not found (${terraformBinary()}). Install Terraform >= 1.5 to run offline ` +
        "plans, or set TERRAFORM_BIN to point at a binary elsewhere.",
    );
    this.name = "TerraformMissingError";
  }
}

/** Set by the jest global setup: an initialised seed workspace that every worker reuses. */
export const SEED_DIR_ENV = "TLS_PLAN_SEED_DIR";
/** Set by the jest global setup: a run-scoped directory of finished plans, by content hash. */
export const PLAN_CACHE_ENV = "TLS_PLAN_CACHE_DIR";

/** The local state file every offline plan uses (the override forces a local backend). */
export const OFFLINE_STATE_FILE = "offline-plan.tfstate";
/** Next to a seed directory: the CLI config its init used. */
const CLI_CONFIG_FILE = "terraform.rc";

const FAKE_PROVIDER_SETTINGS = {
  access_key: "AKIAOFFLINEPLANONLY00",
  secret_key: "offline-plan-not-a-real-secret",
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

export function terraformBinary(): string {
  return process.env.TERRAFORM_BIN ?? "terraform";
}

/** Runs one Terraform command; rejects with TerraformError (its output) or TerraformMissingError. */
export function runTerraform(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      terraformBinary(),
      args,
      { cwd, env, maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") {
            reject(new TerraformMissingError());
            return;
          }
          reject(
            new TerraformError(
              `terraform ${args[0]} failed in ${cwd}:\n${stripAnsi(stderr || stdout)}`,
              stderr,
            ),
          );
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/**
 * The environment of every Terraform command: no real AWS credentials whatever the caller's
 * environment holds, and the harness's CLI config (`cliConfig`), or an empty one, instead of the
 * user's.
 */
export function terraformEnv(cliConfig?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    TF_CLI_CONFIG_FILE: cliConfig ?? os.devNull,
  };
  delete env.TF_PLUGIN_CACHE_DIR;
  for (const key of Object.keys(env)) {
    if (/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE)$/.test(key)) delete env[key];
  }
  return env;
}

let terraformPresent: boolean | undefined;
/** True when `terraform version` runs. Cached per process. */
export async function terraformAvailable(): Promise<boolean> {
  if (terraformPresent === undefined) {
    try {
      await runTerraform(["version"], os.tmpdir(), terraformEnv());
      terraformPresent = true;
    } catch (e) {
      if (e instanceof TerraformMissingError) terraformPresent = false;
      else throw e;
    }
  }
  return terraformPresent;
}

/** A `required_providers` block: local name -> source and version constraint. */
export type RequiredProviders = Record<string, { source?: string; version?: string }>;

/** The `required_providers` of a synthesized stack (`cdk.tf.json`, parsed). */
export function requiredProvidersOf(stackJson: Record<string, unknown>): RequiredProviders {
  const terraform = stackJson.terraform as { required_providers?: RequiredProviders } | undefined;
  return terraform?.required_providers ?? {};
}

/** `aws`, `hashicorp/aws` and `registry.terraform.io/hashicorp/aws` are one provider. */
function sourceOf(localName: string, entry: { source?: string }): string {
  const source = entry.source ?? localName;
  return providerMirrorPath(source.includes("/") ? source : `hashicorp/${source}`);
}

/**
 * The union of several `required_providers` blocks, one entry per provider source, with every
 * distinct version constraint joined (Terraform then picks a version that meets them all).
 */
export function unionRequiredProviders(blocks: readonly RequiredProviders[]): RequiredProviders {
  const bySource = new Map<string, { name: string; source: string; versions: string[] }>();
  for (const block of blocks) {
    for (const [name, entry] of Object.entries(block)) {
      const source = sourceOf(name, entry);
      const known = bySource.get(source) ?? { name, source: entry.source ?? name, versions: [] };
      for (const v of (entry.version ?? "").split(",").map((x) => x.trim())) {
        if (v && !known.versions.includes(v)) known.versions.push(v);
      }
      bySource.set(source, known);
    }
  }
  const union: RequiredProviders = {};
  for (const { name, source, versions } of bySource.values()) {
    let local = name;
    for (let i = 2; local in union; i++) local = `${name}_${i}`;
    union[local] = { source, ...(versions.length ? { version: versions.join(", ") } : {}) };
  }
  return union;
}

/** True when a seed initialised for `seed` has every provider, at every constraint, `stack` asks. */
function covers(seed: RequiredProviders, stack: RequiredProviders): boolean {
  const seeded = new Map(
    Object.entries(seed).map(([name, e]) => [
      sourceOf(name, e),
      (e.version ?? "").split(",").map((v) => v.trim()),
    ]),
  );
  return Object.entries(stack).every(([name, e]) => {
    const versions = seeded.get(sourceOf(name, e));
    if (!versions) return false;
    return (e.version ?? "")
      .split(",")
      .map((v) => v.trim())
      .every((v) => !v || versions.includes(v));
  });
}

/** An initialised seed workspace: its directory and the providers it was initialised for. */
export interface Seed {
  readonly dir: string;
  readonly providers: RequiredProviders;
  /** The CLI config its init used (the provider mirror); plans use it too. */
  readonly cliConfig: string;
}

/**
 * Initialises a seed workspace at `dir` (created; its parent also receives the CLI config) for
 * the union of `requiredProviders`: finds the provider mirror, writes the CLI config, runs the
 * one `terraform init`. Throws MirrorNotFoundError when there is no mirror, TerraformError when
 * init fails.
 */
export async function createSeed(
  dir: string,
  requiredProviders: readonly RequiredProviders[],
): Promise<Seed> {
  const providers = unionRequiredProviders(requiredProviders);
  const sources = Object.entries(providers).map(([name, e]) => sourceOf(name, e));
  const { found, searched } = searchProviderMirror({ providers: sources });
  if (!found) throw new MirrorNotFoundError(sources, searched);
  fs.mkdirSync(dir, { recursive: true });
  const cliConfig = path.join(path.dirname(dir), CLI_CONFIG_FILE);
  fs.writeFileSync(
    cliConfig,
    [
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(found)}`,
      '    include = ["*/*/*"]',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  const { terraform } = offlineOverride({});
  fs.writeFileSync(
    path.join(dir, "seed.tf.json"),
    JSON.stringify({ terraform: { ...(terraform as object), required_providers: providers } }),
  );
  await runTerraform(["init", "-input=false", "-no-color"], dir, terraformEnv(cliConfig));
  return { dir, providers, cliConfig };
}

/** A seed created by another process (the jest global setup), from `TLS_PLAN_SEED_DIR`. */
function sharedSeed(): Seed | undefined {
  const dir = process.env[SEED_DIR_ENV];
  if (!dir) return undefined;
  if (shared?.dir !== dir) {
    const seedJson = JSON.parse(fs.readFileSync(path.join(dir, "seed.tf.json"), "utf8")) as Record<
      string,
      unknown
    >;
    shared = {
      dir,
      providers: requiredProvidersOf(seedJson),
      cliConfig: path.join(path.dirname(dir), CLI_CONFIG_FILE),
    };
  }
  return shared;
}
let shared: Seed | undefined;

/** This process's own temporary directory and the seeds it created. */
interface Workspace {
  readonly root: string;
  readonly seeds: Array<{ providers: RequiredProviders; seed: Promise<Seed> }>;
}

let workspace: Workspace | undefined;

function removeWorkspace(): void {
  if (workspace && !process.env.KEEP_PLAN_DIRS) {
    fs.rmSync(workspace.root, { recursive: true, force: true });
  }
  workspace = undefined;
}

/** This process's temporary directory (created on first use, removed by disposePlanWorkspace). */
export function workspaceRoot(): string {
  return getWorkspace().root;
}

function getWorkspace(): Workspace {
  if (!workspace) {
    workspace = { root: fs.mkdtempSync(path.join(os.tmpdir(), "tls-plan-")), seeds: [] };
    if (!exitHook) {
      // Backstop for callers that never dispose; jest workers never get here with a live
      // workspace, since the global teardown deletes the whole run directory instead.
      exitHook = true;
      process.once("exit", removeWorkspace);
    }
  }
  return workspace;
}
let exitHook = false;

/**
 * Deletes this process's temporary plan directories (and any seed it initialised). Plans after
 * this start afresh. `npm run plan` and the benchmark call it in a `finally`.
 */
export function disposePlanWorkspace(): void {
  removeWorkspace();
  schemas = undefined;
  localCache.clear();
}

/** The seed for a stack: the shared one when it has the stack's providers, else one of ours. */
export async function seedFor(stackProviders: RequiredProviders): Promise<Seed> {
  const given = sharedSeed();
  if (given && covers(given.providers, stackProviders)) return given;
  const ws = getWorkspace();
  const mine = ws.seeds.find((s) => covers(s.providers, stackProviders));
  if (mine) return mine.seed;
  const dir = path.join(ws.root, `seed-${ws.seeds.length}`);
  const providers = unionRequiredProviders([stackProviders]);
  const seed = createSeed(dir, [providers]);
  ws.seeds.push({ providers, seed });
  return seed;
}

/** Builds the override that makes a synthesized stack plannable offline. */
export function offlineOverride(stackJson: Record<string, unknown>): Record<string, unknown> {
  const providerBlock = (stackJson.provider ?? {}) as Record<string, unknown>;
  const aws = providerBlock.aws;
  const awsBlocks = (Array.isArray(aws) ? aws : aws ? [aws] : []) as Array<Record<string, unknown>>;
  const overrides = (awsBlocks.length > 0 ? awsBlocks : [{}]).map((block) => ({
    ...(block.alias ? { alias: block.alias } : {}),
    ...FAKE_PROVIDER_SETTINGS,
    // Role assumption would call STS. An empty role_arn turns it off in provider 5.x.
    ...(block.assume_role ? { assume_role: [{ role_arn: "" }] } : {}),
  }));
  return {
    terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } },
    provider: { aws: overrides },
  };
}

/** Files of a stack directory that are configuration: never state, lock files or `.terraform`. */
export const NOT_CONFIGURATION =
  /(^|[\\/])(\.terraform|[^\\/]*\.tfstate[^\\/]*|\.terraform\.lock\.hcl)$/;

export function readStack(stackDir: string): Record<string, unknown> {
  const mainFile = path.join(stackDir, "cdk.tf.json");
  if (!fs.existsSync(mainFile)) {
    throw new Error(`${stackDir} has no cdk.tf.json; is it a synthesized cdktf stack?`);
  }
  return JSON.parse(fs.readFileSync(mainFile, "utf8")) as Record<string, unknown>;
}

function prepareDir(stackDir: string, stackJson: Record<string, unknown>, target: string): void {
  fs.cpSync(stackDir, target, { recursive: true, filter: (src) => !NOT_CONFIGURATION.test(src) });
  fs.writeFileSync(
    path.join(target, "zz_offline_override.tf.json"),
    JSON.stringify(offlineOverride(stackJson), null, 2),
  );
}

/** Links an initialised seed into `dir`: providers by symlink, lock file and backend state. */
export function linkSeed(seed: Seed, dir: string): void {
  const dotTerraform = path.join(dir, ".terraform");
  fs.mkdirSync(dotTerraform, { recursive: true });
  fs.symlinkSync(
    path.join(seed.dir, ".terraform", "providers"),
    path.join(dotTerraform, "providers"),
  );
  fs.copyFileSync(
    path.join(seed.dir, ".terraform", "terraform.tfstate"),
    path.join(dotTerraform, "terraform.tfstate"),
  );
  fs.copyFileSync(
    path.join(seed.dir, ".terraform.lock.hcl"),
    path.join(dir, ".terraform.lock.hcl"),
  );
}

/** Every configuration file of a stack directory with its content, in a stable order. */
function hashStack(hash: crypto.Hash, dir: string, rel = ""): void {
  const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = path.join(rel, e.name);
    if (NOT_CONFIGURATION.test(child)) continue;
    if (e.isDirectory()) hashStack(hash, dir, child);
    else hash.update(`\0${child}\0`).update(fs.readFileSync(path.join(dir, child)));
  }
}

/** In the plan cache directory: one line per request answered from the cache. */
const HITS_FILE = "hits";

/** What the plan cache directory `dir` holds: plans run, and requests answered from it. */
export function planCacheSummary(dir: string): { plans: number; hits: number } {
  const count = (names: string[]) => names.filter((n) => n.startsWith("plan-")).length;
  const hitsFile = path.join(dir, HITS_FILE);
  return {
    plans: count(fs.readdirSync(dir).filter((n) => n.endsWith(".json"))),
    hits: fs.existsSync(hitsFile) ? count(fs.readFileSync(hitsFile, "utf8").split("\n")) : 0,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The finished `show -json` for `key` in this run's plan cache (or this process's), if any. */
export function readPlanCache(key: string): string | undefined {
  const dir = process.env[PLAN_CACHE_ENV];
  if (!dir) return localCache.get(key);
  const done = path.join(dir, `${key}.json`);
  return fs.existsSync(done) ? fs.readFileSync(done, "utf8") : undefined;
}

/**
 * Stores a `show -json` computed elsewhere (a batch plan, ./batch.ts) under `key`, unless one is
 * there. Without a run cache (`TLS_PLAN_CACHE_DIR`), this process keeps it until
 * {@link disposePlanWorkspace}.
 */
export function storeInPlanCache(key: string, shown: string): void {
  const dir = process.env[PLAN_CACHE_ENV];
  if (!dir) {
    localCache.set(key, shown);
    return;
  }
  const done = path.join(dir, `${key}.json`);
  if (fs.existsSync(done)) return;
  fs.writeFileSync(`${done}.${process.pid}`, shown);
  fs.renameSync(`${done}.${process.pid}`, done);
}
const localCache = new Map<string, string>();

/**
 * `compute()` once per key and run: the first caller takes `<key>.lock` and computes; later
 * callers, in any process, wait for `<key>.json`. A failure is not stored: the next caller
 * computes again (and meets the same error). Without `TLS_PLAN_CACHE_DIR`, just `compute()`.
 */
async function cached(key: string, compute: () => Promise<string>): Promise<string> {
  const dir = process.env[PLAN_CACHE_ENV];
  if (!dir) return localCache.get(key) ?? compute();
  const done = path.join(dir, `${key}.json`);
  const lock = path.join(dir, `${key}.lock`);
  for (;;) {
    if (fs.existsSync(done)) {
      fs.appendFileSync(path.join(dir, HITS_FILE), `${key}\n`);
      return fs.readFileSync(done, "utf8");
    }
    let fd: number | undefined;
    try {
      fd = fs.openSync(lock, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (fd !== undefined) {
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      try {
        const value = await compute();
        fs.writeFileSync(`${done}.${process.pid}`, value);
        fs.renameSync(`${done}.${process.pid}`, done);
        return value;
      } finally {
        fs.rmSync(lock, { force: true });
      }
    }
    // Another caller is computing it. Wait, unless its process is gone.
    await sleep(50);
    try {
      const holder = Number(fs.readFileSync(lock, "utf8"));
      if (holder && !processAlive(holder)) fs.rmSync(lock, { force: true });
    } catch {
      // the lock went away: loop and look again
    }
  }
}

/**
 * What a plan depends on, as a cache key: every configuration file of the stack directory
 * (never state, lock files or `.terraform`), the prior state and the providers installed (the
 * seed's lock file).
 */
export function planCacheKey(stackDir: string, lockFile: string, options: PlanOptions): string {
  const hash = crypto.createHash("sha256").update("plan/1\0").update(lockFile);
  hash.update(`\0${JSON.stringify(options.priorState ?? null)}`);
  hashStack(hash, stackDir);
  return `plan-${hash.digest("hex")}`;
}

export interface PlanOptions {
  /**
   * A Terraform state (format version 4) to plan against, as if those resources already
   * existed: lets tests plan a change, such as a certificate replacement, not only a creation.
   * Plans never refresh, so the state is taken as it is.
   * @default no state: everything is planned for creation
   */
  readonly priorState?: object;
}

/**
 * Plans a synthesized stack directory offline and returns the parsed `terraform show -json`.
 * Throws TerraformError with Terraform's message when plan fails, MirrorNotFoundError when
 * providers must be installed and no mirror holds them.
 */
export function planStackDir(stackDir: string, options: PlanOptions = {}): Promise<PlanResult> {
  return planStackDirWith(stackDir, options, true);
}

/**
 * {@link planStackDir} without the plan cache: always a Terraform run of this stack alone. For
 * the test that holds batched plans (./batch.ts) against single ones.
 */
export function planStackDirAlone(
  stackDir: string,
  options: PlanOptions = {},
): Promise<PlanResult> {
  return planStackDirWith(stackDir, options, false);
}

async function planStackDirWith(
  stackDir: string,
  options: PlanOptions,
  useCache: boolean,
): Promise<PlanResult> {
  const started = Date.now();
  const stackJson = readStack(stackDir);
  const seed = await seedFor(requiredProvidersOf(stackJson));
  const compute = () => planInTemporaryDir(stackDir, stackJson, seed, options);
  let shown: string;
  if (useCache) {
    const lockFile = fs.readFileSync(path.join(seed.dir, ".terraform.lock.hcl"), "utf8");
    shown = await cached(planCacheKey(stackDir, lockFile, options), compute);
  } else {
    shown = await compute();
  }
  const plan = JSON.parse(shown) as TerraformPlanJson;
  return {
    stackDir,
    plan,
    resourceChanges: plan.resource_changes ?? [],
    durationMs: Date.now() - started,
  };
}

async function planInTemporaryDir(
  stackDir: string,
  stackJson: Record<string, unknown>,
  seed: Seed,
  options: PlanOptions,
): Promise<string> {
  const dir = path.join(getWorkspace().root, `plan-${crypto.randomBytes(6).toString("hex")}`);
  const env = terraformEnv(seed.cliConfig);
  try {
    prepareDir(stackDir, stackJson, dir);
    if (options.priorState) {
      fs.writeFileSync(path.join(dir, OFFLINE_STATE_FILE), JSON.stringify(options.priorState));
    }
    // Every plan uses the same providers and the same local backend as the seed: no init.
    linkSeed(seed, dir);
    // Modules (rare in cdktf stacks) are the one thing to install per plan; `get` leaves the
    // providers alone.
    if (stackJson.module) await runTerraform(["get", "-no-color"], dir, env);
    await runTerraform(
      ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=offline.tfplan"],
      dir,
      env,
    );
    const { stdout } = await runTerraform(
      ["show", "-json", "-no-color", "offline.tfplan"],
      dir,
      env,
    );
    return stdout;
  } finally {
    if (!process.env.KEEP_PLAN_DIRS) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `terraform providers schema -json`: the schemas of every provider the seed installed. */
export interface ProviderSchemas {
  readonly provider_schemas: Record<
    string,
    {
      readonly resource_schemas: Record<
        string,
        { readonly version: number; readonly block: SchemaBlock }
      >;
    }
  >;
}

/** A schema block: attributes with their Terraform types, nested blocks with their nesting. */
export interface SchemaBlock {
  readonly attributes?: Record<string, { readonly type?: unknown; readonly computed?: boolean }>;
  readonly block_types?: Record<
    string,
    { readonly nesting_mode: string; readonly block: SchemaBlock }
  >;
}

let schemas: Promise<ProviderSchemas> | undefined;

/**
 * The provider schemas of the seed that plans `stackDir`, read once per process (and once per
 * run under jest, through the plan cache). Tests that build a prior state need the attribute
 * types.
 */
export function providerSchemas(stackDir: string): Promise<ProviderSchemas> {
  if (!schemas) {
    schemas = seedFor(requiredProvidersOf(readStack(stackDir)))
      .then((seed) => {
        const lock = fs.readFileSync(path.join(seed.dir, ".terraform.lock.hcl"));
        const key = `schemas-${crypto.createHash("sha256").update(lock).digest("hex")}`;
        return cached(key, () =>
          runTerraform(
            ["providers", "schema", "-json"],
            seed.dir,
            terraformEnv(seed.cliConfig),
          ).then((r) => r.stdout),
        );
      })
      .then((stdout) => JSON.parse(stdout) as ProviderSchemas);
  }
  return schemas;
}
