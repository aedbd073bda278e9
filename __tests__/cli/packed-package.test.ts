/**
 * The package as users get it: built, `npm pack`ed and unpacked into a temporary directory,
 * whose node_modules links everything else to this checkout's (no network).
 *  - Its types resolve, and type-check a consumer, under node10, node16 and bundler module
 *    resolution (`typesVersions` is what node10 needs: a control without it fails).
 *  - Its bin (`cdktf-aws-tls new`) writes an app for every example; every app type-checks with
 *    the tsconfig it was given; the alb-https app synthesizes with `cdktf synth` to the same
 *    cdk.tf.json as the example synthesized from the same sources, and plans offline.
 * One build, one pack, one `tsc -b` for every app and consumer (it parses the shared
 * declarations once), the synth alongside it. Everything lives in one temporary directory,
 * removed in afterAll.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { examples } from "../../examples";
import { PlanResult, planStackDir } from "../../scripts/plan/harness";
import { jsonDifferences } from "../../scripts/cdktn-route";
import { changeSummary, describeWithTerraform, ofType } from "../support/plan";
import { ALB_HTTPS_PLANNED_CHANGES } from "../support/fixtures";

const repo = path.join(__dirname, "..", "..");
const repoBin = (name: string) => path.join(repo, "node_modules", ".bin", name);
const exampleNames = Object.keys(examples);
/** Top-level entries of the checkout that the staged copy leaves out. */
const NOT_STAGED = new Set(["node_modules", "cdktf.out", "dist", ".git", "coverage"]);

/** The test's temporary directory (made in beforeAll, removed in afterAll). */
let tmp: string;

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end (never throws on a non-zero exit: the caller asserts). */
function exec(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: "1",
        npm_config_update_notifier: "false",
        npm_config_fund: "false",
        npm_config_audit: "false",
        // npm's debug logs (and its pruning of old ones) in the temporary directory, not ~/.npm.
        ...(tmp ? { npm_config_logs_dir: path.join(tmp, "npm-logs") } : {}),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Throws with the command's output unless it exited 0. */
function ok(what: string, ran: Ran): Ran {
  if (ran.code !== 0) {
    throw new Error(`${what} exited with ${ran.code}:\n${ran.stdout}\n${ran.stderr}`);
  }
  return ran;
}

/** How long each step took, printed once in afterAll: the file's budget is about 60 s. */
const timings: string[] = [];
async function timed<T>(what: string, step: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

/** The three module resolutions, with the `module` setting each goes with. */
const RESOLUTIONS = [
  { resolution: "node10", module: "commonjs" },
  { resolution: "node16", module: "node16" },
  { resolution: "bundler", module: "preserve" },
] as const;

/**
 * A consumer of both entry points. The `@ts-expect-error` lines make a resolution that falls
 * back to `any` fail too (an unused directive is an error), not only one that finds nothing.
 */
const CONSUMER = `import { App } from "cdktf";
import { ValidationError } from "cdktf-aws-tls";
import { AlbHttpsStack, type AlbHttpsStackProps, runApp } from "cdktf-aws-tls/stacks";

export function build(app: App, props: AlbHttpsStackProps): AlbHttpsStack {
  return new AlbHttpsStack(app, "alb-https", props);
}
export const run = () => runApp(() => undefined);
export const error: Error = new ValidationError(undefined, "message");

// @ts-expect-error region is a string
export const region: AlbHttpsStackProps["region"] = 42;
// @ts-expect-error the message is required
export const noMessage = new ValidationError(undefined);
`;

/** Where the unpacked package, the apps and the consumers live: tmp/root/node_modules. */
let root: string;
let nodeModules: string;
let packageDir: string;
let packedFiles: string[];
let cliPath: string;
let newRuns: Map<string, Ran>;
let unknownRun: Ran;
let cdktnRun: Ran;
let typecheck: Ran;
let typeErrors: string[];
let synth: Ran;
let appDir: string;
let referenceOut: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-cli-packed-"));
  root = path.join(tmp, "root");
  fs.mkdirSync(root);
  const stage = path.join(tmp, "stage");

  // 1. A snapshot of the checkout, built (tsc -p tsconfig.build.json) and packed as is.
  fs.cpSync(repo, stage, {
    recursive: true,
    filter: (src) => !NOT_STAGED.has(path.relative(repo, src).split(path.sep)[0]),
  });
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(stage, "node_modules"));
  // The reference: the example synthesized from the same snapshot, alongside the build.
  referenceOut = path.join(tmp, "reference");
  const reference = timed("reference synth", () =>
    exec(repoBin("tsx"), ["examples/alb-https/main.ts"], stage, { CDKTF_OUTDIR: referenceOut }),
  );
  ok(
    "tsc -p tsconfig.build.json",
    await timed("build", () => exec(repoBin("tsc"), ["-p", "tsconfig.build.json"], stage)),
  );
  const pack = ok(
    "npm pack",
    await timed("pack", () =>
      exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], stage),
    ),
  );
  const packed = JSON.parse(pack.stdout)[0] as { filename: string; files: Array<{ path: string }> };
  packedFiles = packed.files.map((f) => f.path);

  // 2. Unpacked where an app's node_modules would hold it; every other package linked.
  const extract = path.join(tmp, "extract");
  fs.mkdirSync(extract);
  ok("tar", await exec("tar", ["-xzf", path.join(tmp, packed.filename), "-C", extract], tmp));
  nodeModules = path.join(root, "node_modules");
  fs.mkdirSync(nodeModules);
  packageDir = path.join(nodeModules, "cdktf-aws-tls");
  fs.renameSync(path.join(extract, "package"), packageDir);
  for (const entry of fs.readdirSync(path.join(repo, "node_modules"))) {
    if (entry === "cdktf-aws-tls") continue;
    fs.symlinkSync(path.join(repo, "node_modules", entry), path.join(nodeModules, entry));
  }

  // 3. The bin, as package.json declares it: one app per example, below tmp/apps (they find
  //    tmp/node_modules by walking up), one --cdktn app, one unknown name.
  cliPath = path.join(
    packageDir,
    readJson(path.join(packageDir, "package.json")).bin["cdktf-aws-tls"],
  );
  const apps = path.join(root, "apps");
  const runs = await timed(`new x${exampleNames.length}`, () =>
    Promise.all(
      exampleNames.map((name) => exec("node", [cliPath, "new", name, path.join(apps, name)], tmp)),
    ),
  );
  newRuns = new Map(exampleNames.map((name, i) => [name, runs[i]]));
  [cdktnRun, unknownRun] = await Promise.all([
    exec("node", [cliPath, "new", "alb-https", path.join(root, "cdktn-app"), "--cdktn"], tmp),
    exec("node", [cliPath, "new", "no-such-example", path.join(root, "unknown")], tmp),
  ]);
  // The steps below need the alb-https app (the other runs are asserted in their own tests).
  ok("cdktf-aws-tls new alb-https", newRuns.get("alb-https") as Ran);
  appDir = path.join(apps, "alb-https");
  // What `npm install` would give the app: its own node_modules (npx finds tsx in it).
  fs.symlinkSync(nodeModules, path.join(appDir, "node_modules"));

  // 4. One consumer per resolution (node16 also as an ES module: .mts).
  const consumerProjects = RESOLUTIONS.map(({ resolution, module }) => {
    const dir = path.join(root, "consumers", resolution);
    fs.mkdirSync(dir, { recursive: true });
    const files = resolution === "node16" ? ["consumer.ts", "consumer.mts"] : ["consumer.ts"];
    for (const file of files) fs.writeFileSync(path.join(dir, file), CONSUMER);
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module,
          moduleResolution: resolution,
          target: "es2022",
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          types: ["node"],
        },
        files,
      }),
    );
    return dir;
  });

  // 5. Type-check every app (its own tsconfig) and consumer, alongside the app's cdktf synth.
  const appProjects = exampleNames
    .map((name) => path.join(apps, name))
    .filter((dir) => fs.existsSync(path.join(dir, "tsconfig.json")));
  const home = path.join(tmp, "home");
  fs.mkdirSync(home);
  [typecheck, synth] = await Promise.all([
    timed("tsc -b", () =>
      exec(repoBin("tsc"), ["-b", "--pretty", "false", ...appProjects, ...consumerProjects], root),
    ),
    // cdktf-cli writes its config and Terraform's plugin cache under HOME: a temporary one.
    timed("cdktf synth", () =>
      exec(path.join(appDir, "node_modules", ".bin", "cdktf"), ["synth"], appDir, {
        HOME: home,
        TF_CLI_CONFIG_FILE: os.devNull,
      }),
    ),
  ]);
  typeErrors = typecheck.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
  ok("the reference synth (tsx examples/alb-https/main.ts)", await reference);
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  process.stderr.write(`packed package: ${timings.join(", ")}\n`);
});

describe("npm pack: what the package ships", () => {
  test("the compiled library, the bin and every example with its README and extra files", () => {
    for (const file of [
      "package.json",
      "README.md",
      "dist/modules/index.js",
      "dist/modules/index.d.ts",
      "dist/stacks/index.js",
      "dist/stacks/index.d.ts",
      "dist/cli/cdktf-aws-tls.js",
      "examples/index.ts",
      "examples/imported-certificate/test-pems/certificate.pem",
      ...exampleNames.flatMap((n) => [`examples/${n}/main.ts`, `examples/${n}/README.md`]),
    ]) {
      expect(packedFiles).toContain(file);
    }
  });

  test("no sources of the library, tests or scripts", () => {
    const outside = packedFiles.filter(
      (f) => !/^(dist\/(modules|stacks|cli)\/|examples\/|package\.json$|README\.md$)/.test(f),
    );
    expect(outside).toEqual([]);
  });

  test("the bin is the compiled command, run by node", () => {
    expect(path.relative(packageDir, cliPath)).toBe(path.join("dist", "cli", "cdktf-aws-tls.js"));
    expect(fs.readFileSync(cliPath, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });
});

describe("types: both entry points resolve and type-check under node10, node16 and bundler", () => {
  const consumerFile = (resolution: string, file = "consumer.ts") =>
    path.join(root, "consumers", resolution, file);
  const resolve = (
    name: string,
    resolution: string,
    module: string,
    from: string,
    mode?: ts.ResolutionMode,
  ) => {
    const { options } = ts.convertCompilerOptionsFromJson(
      { module, moduleResolution: resolution },
      path.dirname(from),
    );
    return ts.resolveModuleName(name, from, options, ts.sys, undefined, undefined, mode)
      .resolvedModule?.resolvedFileName;
  };

  test.each(RESOLUTIONS)(
    "$resolution: cdktf-aws-tls and cdktf-aws-tls/stacks resolve to the shipped declarations",
    ({ resolution, module }) => {
      const file = consumerFile(resolution);
      const modes: Array<ts.ResolutionMode> =
        resolution === "node16" ? [ts.ModuleKind.CommonJS, ts.ModuleKind.ESNext] : [undefined];
      for (const mode of modes) {
        expect(resolve("cdktf-aws-tls", resolution, module, file, mode)).toBe(
          path.join(packageDir, "dist", "modules", "index.d.ts"),
        );
        expect(resolve("cdktf-aws-tls/stacks", resolution, module, file, mode)).toBe(
          path.join(packageDir, "dist", "stacks", "index.d.ts"),
        );
      }
    },
  );

  test("the control: without typesVersions, node10 cannot find cdktf-aws-tls/stacks", () => {
    // The same package, its package.json without typesVersions, outside tmp/root (node10
    // would go on looking in the node_modules of every parent directory).
    const control = path.join(tmp, "control");
    const copy = path.join(control, "node_modules", "cdktf-aws-tls");
    fs.mkdirSync(copy, { recursive: true });
    const pkg = readJson(path.join(packageDir, "package.json"));
    expect(pkg.typesVersions).toEqual({ "*": { stacks: ["dist/stacks/index.d.ts"] } });
    delete pkg.typesVersions;
    fs.writeFileSync(path.join(copy, "package.json"), JSON.stringify(pkg));
    fs.cpSync(path.join(packageDir, "dist"), path.join(copy, "dist"), { recursive: true });
    const from = path.join(control, "consumer.ts");
    expect(resolve("cdktf-aws-tls/stacks", "node10", "commonjs", from)).toBeUndefined();
    expect(resolve("cdktf-aws-tls/stacks", "node16", "node16", from)).toBe(
      path.join(copy, "dist", "stacks", "index.d.ts"),
    );
  });

  test.each(RESOLUTIONS)("$resolution: the consumer type-checks (tsc)", ({ resolution }) => {
    const prefix = `consumers/${resolution}/`;
    expect(typeErrors.filter((line) => line.startsWith(prefix))).toEqual([]);
    // And tsc did check it: it is a project of the build.
    expect(fs.existsSync(path.join(root, "consumers", resolution, "tsconfig.tsbuildinfo"))).toBe(
      true,
    );
  });
});

describe("cdktf-aws-tls new, run from the packed package", () => {
  test.each(exampleNames)("%s: exit 0, the app written", (name) => {
    const ran = newRuns.get(name) as Ran;
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const dir = path.join(root, "apps", name);
    for (const file of ["package.json", "cdktf.json", "tsconfig.json", "main.ts", `${name}.ts`]) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
  });

  test("an unknown example: exit 2, and the known ones listed", () => {
    expect(unknownRun.code).toBe(2);
    expect(unknownRun.stderr).toContain(
      `unknown example "no-such-example"; the examples are: ${exampleNames.join(", ")}`,
    );
    expect(fs.existsSync(path.join(root, "unknown"))).toBe(false);
  });

  test("--cdktn: package.json has the cdktn alias and the provider-aws override", () => {
    expect(cdktnRun.code).toBe(0);
    const pkg = readJson(path.join(root, "cdktn-app", "package.json"));
    expect(pkg.dependencies.cdktf).toBe("npm:cdktn@0.24.0");
    expect(pkg.overrides).toEqual({ "@cdktf/provider-aws": { cdktf: "$cdktf" } });
    expect(pkg.devDependencies["cdktn-cli"]).toBe("0.24.0");
    expect(pkg.devDependencies["cdktf-cli"]).toBeUndefined();
  });

  test("every app type-checks with the tsconfig it was written with (tsc)", () => {
    expect(typeErrors.filter((line) => line.startsWith("apps/"))).toEqual([]);
    expect(typecheck.code).toBe(0);
  });

  test("alb-https: cdktf synth writes the example's cdk.tf.json, identical to the last byte", () => {
    ok("cdktf synth", synth);
    expect(synth.stdout).toContain("Generated Terraform code for the stacks: alb-https");
    const file = (out: string) => path.join(out, "stacks", "alb-https", "cdk.tf.json");
    const app = fs.readFileSync(file(path.join(appDir, "cdktf.out")), "utf8");
    const example = fs.readFileSync(file(referenceOut), "utf8");
    // Nothing differs, not even the version stamp ("//".metadata.version: the same cdktf
    // 0.21.0 wrote both) or a construct path (the same stack id, "alb-https").
    expect(jsonDifferences(JSON.parse(app), JSON.parse(example))).toEqual([]);
    expect(app).toBe(example);
    expect(JSON.parse(app)["//"].metadata).toMatchObject({
      stackName: "alb-https",
      version: "0.21.0",
    });
  });
});

describeWithTerraform("the app's stack plans offline", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await timed("plan", () =>
      planStackDir(path.join(appDir, "cdktf.out", "stacks", "alb-https")),
    );
  });

  test("two certificates, two listeners, one SNI attachment and the records", () => {
    expect(changeSummary(plan)).toEqual(ALB_HTTPS_PLANNED_CHANGES);
    const https = ofType(plan, "aws_lb_listener").find((l) => l.change.after?.protocol === "HTTPS");
    expect(https?.change.after).toMatchObject({
      port: 443,
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    });
  });
});
