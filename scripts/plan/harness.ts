/**
 * Offline `terraform plan` harness, shared by the plan tests and by `npm run plan`.
 *
 * Given a synthesized stack directory (`cdktf.out/stacks/<name>`), it:
 *  1. copies the directory to a temporary folder (what the user synthesized is never touched);
 *  2. writes `zz_offline_override.tf.json` there, giving every `aws` provider block (aliased
 *     ones too) fake credentials and the three skip flags, dropping role assumption, and forcing
 *     a local backend;
 *  3. runs `terraform init` through a generated CLI config whose `provider_installation` points
 *     at a local filesystem mirror (found at run time, never hard-coded), then `plan -out` and
 *     `show -json`;
 *  4. returns the parsed plan.
 *
 * Speed: one "seed" directory per process is initialised once. Every later plan reuses its
 * `.terraform` directory (providers by symlink, lock file, backend state), so only the first
 * plan pays for `terraform init`.
 */
import { execFile } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

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
      "terraform was not found on PATH. Install Terraform >= 1.5 to run offline plans " +
        "(set TERRAFORM_BIN to point at a binary elsewhere).",
    );
    this.name = "TerraformMissingError";
  }
}

/** The local state file every offline plan uses (the override forces a local backend). */
const OFFLINE_STATE_FILE = "offline-plan.tfstate";

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

function run(
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

let terraformPresent: boolean | undefined;
/** True when `terraform version` runs. Cached per process. */
export async function terraformAvailable(): Promise<boolean> {
  if (terraformPresent === undefined) {
    try {
      await run(["version"], os.tmpdir(), terraformEnv());
      terraformPresent = true;
    } catch (e) {
      if (e instanceof TerraformMissingError) terraformPresent = false;
      else throw e;
    }
  }
  return terraformPresent;
}

const MIRROR_MARKER = path.join("registry.terraform.io", "hashicorp", "aws");

function isMirror(dir: string): boolean {
  try {
    return fs.statSync(path.join(dir, MIRROR_MARKER)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Finds a local provider mirror: a directory containing `registry.terraform.io/hashicorp/aws`.
 * Order: `TF_PLUGIN_MIRROR`; Terraform's standard implied local mirror directories; then a
 * bounded breadth-first search of likely roots. Returns undefined when there is none (a user's
 * machine with network then uses Terraform's normal provider installation).
 */
export function findProviderMirror(): string | undefined {
  const explicit = process.env.TF_PLUGIN_MIRROR;
  if (explicit) {
    if (!isMirror(explicit)) {
      throw new Error(
        `TF_PLUGIN_MIRROR=${explicit} does not contain ${MIRROR_MARKER}; point it at the mirror root.`,
      );
    }
    return explicit;
  }
  const home = os.homedir();
  const standard = [
    path.join(home, ".terraform.d", "plugins"),
    path.join(home, ".local", "share", "terraform", "plugins"),
    ...(process.env.XDG_DATA_HOME
      ? [path.join(process.env.XDG_DATA_HOME, "terraform", "plugins")]
      : []),
    ...(process.env.XDG_DATA_DIRS ?? "/usr/local/share:/usr/share")
      .split(":")
      .filter(Boolean)
      .map((d) => path.join(d, "terraform", "plugins")),
  ];
  for (const dir of standard) if (isMirror(dir)) return dir;
  return searchForMirror([path.parse(process.cwd()).root], 5);
}

const SKIP_DIRS = new Set([
  "proc",
  "sys",
  "dev",
  "run",
  "node_modules",
  ".git",
  "snap",
  "lost+found",
]);

function searchForMirror(roots: string[], maxDepth: number): string | undefined {
  let frontier = roots;
  for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of frontier) {
      if (isMirror(dir)) return dir;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isDirectory() && !SKIP_DIRS.has(e.name)) next.push(path.join(dir, e.name));
      }
    }
    frontier = next;
  }
  return undefined;
}

function terraformEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    ...extra,
  };
  // The harness never uses real credentials, whatever the environment holds.
  for (const key of Object.keys(env)) {
    if (/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE)$/.test(key)) delete env[key];
  }
  return env;
}

interface Workspace {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly seedDir: string;
  seeded?: Promise<void>;
}

let workspace: Workspace | undefined;

function getWorkspace(): Workspace {
  if (workspace) return workspace;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tls-plan-"));
  const mirror = findProviderMirror();
  const extra: NodeJS.ProcessEnv = {};
  if (mirror) {
    const cliConfig = path.join(root, "terraform.rc");
    fs.writeFileSync(
      cliConfig,
      [
        "provider_installation {",
        "  filesystem_mirror {",
        `    path    = ${JSON.stringify(mirror)}`,
        '    include = ["registry.terraform.io/*/*"]',
        "  }",
        "  direct {",
        '    exclude = ["registry.terraform.io/*/*"]',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    extra.TF_CLI_CONFIG_FILE = cliConfig;
  } else {
    // No mirror: Terraform installs from the registry as usual, through a shared cache.
    const cache = path.join(os.tmpdir(), "tls-plan-plugin-cache");
    fs.mkdirSync(cache, { recursive: true });
    extra.TF_PLUGIN_CACHE_DIR = cache;
  }
  workspace = { root, env: terraformEnv(extra), seedDir: path.join(root, "seed") };
  process.once("exit", () => {
    if (!process.env.KEEP_PLAN_DIRS) fs.rmSync(root, { recursive: true, force: true });
  });
  return workspace;
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

function prepareDir(stackDir: string, target: string): void {
  fs.cpSync(stackDir, target, {
    recursive: true,
    filter: (src) =>
      !/(^|[\\/])(\.terraform|[^\\/]*\.tfstate[^\\/]*|\.terraform\.lock\.hcl)$/.test(src),
  });
  const mainFile = path.join(target, "cdk.tf.json");
  if (!fs.existsSync(mainFile)) {
    throw new Error(`${stackDir} has no cdk.tf.json; is it a synthesized cdktf stack?`);
  }
  const stackJson = JSON.parse(fs.readFileSync(mainFile, "utf8")) as Record<string, unknown>;
  fs.writeFileSync(
    path.join(target, "zz_offline_override.tf.json"),
    JSON.stringify(offlineOverride(stackJson), null, 2),
  );
}

async function seed(ws: Workspace, stackDir: string): Promise<void> {
  // The seed holds only the first stack's required_providers and the override's local backend.
  // Its init installs the providers once; every plan then reuses its .terraform directory.
  const stackJson = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")) as {
    terraform?: { required_providers?: unknown };
  };
  fs.mkdirSync(ws.seedDir, { recursive: true });
  const { terraform } = offlineOverride({});
  fs.writeFileSync(
    path.join(ws.seedDir, "seed.tf.json"),
    JSON.stringify({
      terraform: {
        ...(terraform as object),
        required_providers: stackJson.terraform?.required_providers ?? {},
      },
    }),
  );
  await run(["init", "-input=false", "-no-color"], ws.seedDir, ws.env);
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
 * Throws TerraformError with Terraform's message when init or plan fails.
 */
export async function planStackDir(
  stackDir: string,
  options: PlanOptions = {},
): Promise<PlanResult> {
  const started = Date.now();
  const ws = getWorkspace();
  if (!ws.seeded) ws.seeded = seed(ws, stackDir);
  await ws.seeded;

  const dir = path.join(ws.root, `plan-${crypto.randomBytes(6).toString("hex")}`);
  prepareDir(stackDir, dir);
  if (options.priorState) {
    fs.writeFileSync(path.join(dir, OFFLINE_STATE_FILE), JSON.stringify(options.priorState));
  }
  // Reuse the seed's initialised working directory: its providers (a symlink), its lock file
  // and its backend state. Every plan uses the same local backend, so no init is needed here.
  const dotTerraform = path.join(dir, ".terraform");
  fs.mkdirSync(dotTerraform, { recursive: true });
  fs.symlinkSync(
    path.join(ws.seedDir, ".terraform", "providers"),
    path.join(dotTerraform, "providers"),
  );
  fs.copyFileSync(
    path.join(ws.seedDir, ".terraform", "terraform.tfstate"),
    path.join(dotTerraform, "terraform.tfstate"),
  );
  fs.copyFileSync(
    path.join(ws.seedDir, ".terraform.lock.hcl"),
    path.join(dir, ".terraform.lock.hcl"),
  );
  try {
    await run(
      ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=offline.tfplan"],
      dir,
      ws.env,
    );
    const { stdout } = await run(["show", "-json", "-no-color", "offline.tfplan"], dir, ws.env);
    const plan = JSON.parse(stdout) as TerraformPlanJson;
    return {
      stackDir,
      plan,
      resourceChanges: plan.resource_changes ?? [],
      durationMs: Date.now() - started,
    };
  } finally {
    if (!process.env.KEEP_PLAN_DIRS) fs.rmSync(dir, { recursive: true, force: true });
  }
}
