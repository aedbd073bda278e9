/**
 * `npm run cdktn-route`: proves that the library runs on CDK Terrain (`cdktn`) as it does on
 * cdktf, on a clean copy of the repository in a temporary directory:
 *  1. copy the tree without node_modules, cdktf.out, dist and .git;
 *  2. pack it and resolve a user's app on each route (lock only): cdktn 0.24 with constructs
 *     10.7 and the override, cdktf 0.21 with constructs 10.4.2. This is what checks our
 *     peerDependencies ranges: in our own install a devDependency shadows the peer range;
 *  3. install with `"cdktf": "npm:cdktn@<version>"` and the override that gives
 *     @cdktf/provider-aws that same cdktf (the lines the README's "Using with CDK Terrain" section
 *     gives users), from the npm cache first (`--prefer-offline`), keeping package-lock.json for
 *     everything else; check that `cdktf` resolves to cdktn, that one copy each of cdktf and
 *     constructs is installed, and that `npm ls` finds the dependencies' peer ranges met;
 *  4. type-check (`tsc --noEmit`);
 *  5. run the library's unit tests (`jest --selectProjects unit` over __tests__/modules, stacks,
 *     inputs and examples.test.ts): what runs on cdktf or cdktn. The tests of our own tooling
 *     (__tests__/scripts, __tests__/cli: the plan harness, check, report, iam-policy, the
 *     pipelines, the `new` command) test commands that do not change with the route; they read
 *     the repo's own package.json, which this copy rewrites to the alias, and some need tools
 *     the copy leaves out (cdktf-cli, prettier). npm test runs them on the cdktf route;
 *  6. synthesize every example with tsx (main.ts) on cdktn, and on cdktf from this checkout;
 *  7. compare each stack's cdk.tf.json: the one difference allowed is the version stamp
 *     `"//".metadata.version` (cdktf's version against cdktn's). Anything else fails.
 * The copy leaves out the tools the check does not run: lint (eslint, prettier) and cdktf-cli,
 * whose cdktn counterpart needs Node >= 22.19 (synthesis goes through tsx, as users on Node 20
 * must). One line per step, with its time; the temporary directory is removed on every exit.
 *
 * Its budget is 90 s on a 2-core machine, where the unit tests alone take 45-65 s. So what can
 * overlap does: the cdktf synth runs alongside the install, the install alongside the peer check,
 * the type-check and the cdktn synth alongside the unit tests; and @cdktf/provider-aws (362 MB,
 * the same package on both routes) is hard-linked from this checkout, not unpacked again.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CDKTN_ALIAS, CDKTN_PROVIDER_OVERRIDE, CDKTN_VERSION } from "../cli/cdktn";

// The route's constants are shared with `cdktf-aws-tls new --cdktn` (cli/cdktn.ts, shipped in
// the package), so that the lines it writes are the lines this script proves.
export { CDKTN_VERSION };
/** Where a synthesized cdk.tf.json holds the version of the cdktf (or cdktn) that wrote it. */
export const VERSION_STAMP_PATH = "//.metadata.version";
/** The override users add: @cdktf/provider-aws's peer cdktf becomes the root's (the alias). */
const PROVIDER_OVERRIDE = CDKTN_PROVIDER_OVERRIDE;
const PROVIDER = "@cdktf/provider-aws";
/** constructs in a cdktf 0.21 app (cdktf-cli 0.21.0 pins it): the low end of our peer range. */
const CDKTF_APP_CONSTRUCTS = "10.4.2";
/** The unit tests of the library itself (see step 5 in the header): jest path patterns. */
export const LIBRARY_TESTS = [
  "__tests__/modules/",
  "__tests__/stacks/",
  "__tests__/inputs/",
  "__tests__/examples\\.test\\.ts$",
];
/** Top-level entries the clean copy leaves out. */
const NOT_COPIED = new Set(["node_modules", "cdktf.out", "dist", ".git", "coverage"]);
/** Dev tools the check does not run (see the header), left out of the copy's install. */
const NOT_INSTALLED = ["cdktf-cli", "eslint", "@eslint/js", "typescript-eslint", "prettier"];

/** One place where two JSON values differ. */
export interface JsonDifference {
  /** Dotted path from the root; array indexes as numbers. */
  readonly path: string;
  readonly left: unknown;
  readonly right: unknown;
}

/** Every path at which two parsed JSON values differ (missing keys included), in key order. */
export function jsonDifferences(left: unknown, right: unknown, at = ""): JsonDifference[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null;
  if (isObject(left) && isObject(right) && Array.isArray(left) === Array.isArray(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.flatMap((key) =>
      jsonDifferences(left[key], right[key], at === "" ? key : `${at}.${key}`),
    );
  }
  return Object.is(left, right) ? [] : [{ path: at, left, right }];
}

/**
 * What is wrong between a stack synthesized on cdktf and the same stack on cdktn: an empty list
 * when the only difference is the version stamp, holding `cdktfVersion` and `cdktnVersion`.
 */
export function stackProblems(
  cdktfJson: unknown,
  cdktnJson: unknown,
  cdktfVersion: string,
  cdktnVersion: string,
): string[] {
  const problems: string[] = [];
  let stamped = false;
  for (const d of jsonDifferences(cdktfJson, cdktnJson)) {
    if (d.path === VERSION_STAMP_PATH && d.left === cdktfVersion && d.right === cdktnVersion) {
      stamped = true;
      continue;
    }
    problems.push(`${d.path}: cdktf ${JSON.stringify(d.left)}, cdktn ${JSON.stringify(d.right)}`);
  }
  if (!stamped) {
    problems.push(
      `${VERSION_STAMP_PATH} must be ${JSON.stringify(cdktfVersion)} on cdktf and ` +
        `${JSON.stringify(cdktnVersion)} on cdktn`,
    );
  }
  return problems;
}

/**
 * The provider bindings are the same package on both routes (the lock's @cdktf/provider-aws),
 * and 362 MB to unpack: hard-link this checkout's copy into the clean copy when it is the pinned
 * version and on the same filesystem, so that npm installs only what differs: npm keeps a
 * package that matches the lock (the links survive the install). Otherwise npm unpacks it.
 */
function seedProviderBindings(root: string, copy: string, pinned: string): string {
  const from = path.join(root, "node_modules", PROVIDER);
  const installed = fs.existsSync(path.join(from, "package.json"))
    ? JSON.parse(fs.readFileSync(path.join(from, "package.json"), "utf8")).version
    : undefined;
  if (installed !== pinned) return `${PROVIDER}: unpacked by npm (this checkout has ${installed})`;
  const to = path.join(copy, "node_modules", path.dirname(PROVIDER));
  fs.mkdirSync(to, { recursive: true });
  const r = spawnSync("cp", ["-al", from, to], { encoding: "utf8" });
  if (r.status === 0) return `${PROVIDER}@${pinned}: hard-linked from this checkout`;
  fs.rmSync(path.join(to, path.basename(PROVIDER)), { recursive: true, force: true });
  return `${PROVIDER}: unpacked by npm (hard link failed: ${r.stderr.trim()})`;
}

class StepFailed extends Error {}

async function main(): Promise<void> {
  const started = Date.now();
  const root = path.resolve(__dirname, "..");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-cdktn-route-"));
  const copy = path.join(tmp, "repo");
  const childTmp = path.join(tmp, "tmp");
  fs.mkdirSync(childTmp);
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", TMPDIR: childTmp, CI: "true" };
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const step = <T>(title: string, run: () => T): T => {
    const t = Date.now();
    const result = run();
    console.log(`ok   ${title} (${seconds(t)})`);
    return result;
  };
  const exec = (cwd: string, command: string, args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(command, args, {
      cwd,
      env: { ...env, ...extra },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) {
      process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
      throw new StepFailed(`${command} ${args.join(" ")} exited with ${r.status ?? r.signal}`);
    }
    return `${r.stdout}${r.stderr}`;
  };
  const bin = (dir: string, name: string) => path.join(dir, "node_modules", ".bin", name);
  const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));
  const children: ChildProcess[] = [];
  /** Runs a command alongside the next steps, its output in a log file read on failure. */
  const background = (cwd: string, command: string, args: string[], extra = {}) => {
    const started = Date.now();
    const log = path.join(tmp, `log-${children.length}.txt`);
    const fd = fs.openSync(log, "w");
    const child = spawn(command, args, {
      cwd,
      env: { ...env, ...extra },
      stdio: ["ignore", fd, fd],
    });
    fs.closeSync(fd);
    children.push(child);
    const done = new Promise<string>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => {
        if (code === 0) return resolve(seconds(started));
        process.stderr.write(fs.readFileSync(log, "utf8"));
        reject(new StepFailed(`${command} ${args.join(" ")} exited with ${code ?? signal}`));
      });
    });
    done.catch(() => undefined); // awaited later; this only keeps it from being unhandled
    return done;
  };

  let passed = false;
  try {
    console.log(`cdktn route: cdktf -> npm:cdktn@${CDKTN_VERSION}, on a clean copy in ${tmp}`);
    // The cdktf reference synthesizes from this checkout while the copy installs.
    const cdktfOut = path.join(tmp, "out-cdktf");
    const reference = background(root, bin(root, "tsx"), ["main.ts"], { CDKTF_OUTDIR: cdktfOut });

    step("copy the tree without node_modules, cdktf.out, dist, .git", () =>
      fs.cpSync(root, copy, {
        recursive: true,
        filter: (src) => !NOT_COPIED.has(path.relative(root, src).split(path.sep)[0]),
      }),
    );

    const pkg = readJson(path.join(copy, "package.json"));
    const tarball = step("pack the package as users get it (npm pack)", () => {
      exec(copy, "npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", tmp]);
      return path.join(tmp, `${pkg.name}-${pkg.version}.tgz`);
    });

    // The install runs alongside the peer check (npm mostly waits on the disk).
    const installed = step(
      `install started: "cdktf": "npm:cdktn@${CDKTN_VERSION}" + provider-aws override`,
      () => {
        const aliased = structuredClone(pkg);
        aliased.devDependencies.cdktf = CDKTN_ALIAS;
        aliased.overrides = { ...aliased.overrides, ...PROVIDER_OVERRIDE };
        for (const name of NOT_INSTALLED) delete aliased.devDependencies[name];
        fs.writeFileSync(path.join(copy, "package.json"), `${JSON.stringify(aliased, null, 2)}\n`);
        console.log(`     ${seedProviderBindings(root, copy, pkg.devDependencies[PROVIDER])}`);
        return background(copy, "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"]);
      },
    );

    step("a user's app resolves our peer ranges on both routes (npm, lock only)", () => {
      // Our own install cannot show it: npm lets a devDependency shadow the root's peer range.
      // So resolve an app on the packed package: its package.json is what a user installs.
      const routes: Record<string, Record<string, string>> = {
        cdktn: { cdktf: CDKTN_ALIAS, constructs: pkg.devDependencies.constructs },
        cdktf: { cdktf: pkg.devDependencies.cdktf, constructs: CDKTF_APP_CONSTRUCTS },
      };
      for (const [route, deps] of Object.entries(routes)) {
        const app = path.join(tmp, `app-${route}`);
        fs.mkdirSync(app);
        const dependencies = {
          [pkg.name]: `file:${tarball}`,
          [PROVIDER]: pkg.devDependencies[PROVIDER],
          ...deps,
        };
        const overrides = route === "cdktn" ? PROVIDER_OVERRIDE : undefined;
        fs.writeFileSync(
          path.join(app, "package.json"),
          JSON.stringify({ name: `app-${route}`, private: true, dependencies, overrides }),
        );
        exec(app, "npm", [
          "install",
          "--package-lock-only",
          "--prefer-offline",
          "--no-audit",
          "--no-fund",
        ]);
        const shown = Object.entries(deps).map(([k, v]) => `${k}@${v}`);
        console.log(`     ${route}: ${shown.join(", ")} resolves`);
      }
    });

    const installTime = await installed;
    console.log(`ok   install finished (${installTime} from its start, at most)`);

    const versions = step(
      "cdktf is cdktn, one copy each of cdktf and constructs, npm ls clean",
      () => {
        const cdktf = readJson(path.join(copy, "node_modules", "cdktf", "package.json"));
        if (cdktf.name !== "cdktn" || cdktf.version !== CDKTN_VERSION) {
          throw new StepFailed(`node_modules/cdktf is ${cdktf.name}@${cdktf.version}`);
        }
        // `npm ls` exits non-zero on an unmet peer range (ours or a dependency's).
        const tree = JSON.parse(
          exec(copy, "npm", ["ls", "--all", "--json", "cdktf", "constructs", "@cdktf/provider-aws"])
            .split("\n")
            .filter((line) => !line.startsWith("npm "))
            .join("\n"),
        );
        const found = new Map<string, Set<string>>();
        const walk = (deps: Record<string, { version?: string; dependencies?: object }> = {}) => {
          for (const [name, dep] of Object.entries(deps)) {
            if (dep.version) found.set(name, (found.get(name) ?? new Set()).add(dep.version));
            walk(dep.dependencies as never);
          }
        };
        walk(tree.dependencies);
        for (const name of ["cdktf", "constructs"]) {
          const seen = [...(found.get(name) ?? [])];
          if (seen.length !== 1) throw new StepFailed(`${name}: ${seen.length} versions: ${seen}`);
        }
        const constructs = [...found.get("constructs")!][0];
        console.log(`     cdktf = cdktn@${cdktf.version}, constructs@${constructs}`);
        return { cdktn: cdktf.version as string };
      },
    );

    // Type-check and the cdktn synth run alongside the unit tests: jest leaves a core idle as
    // its last files finish.
    const cdktnOut = path.join(tmp, "out-cdktn");
    const typecheck = background(copy, bin(copy, "tsc"), ["--noEmit", "-p", "."]);
    const synth = background(copy, bin(copy, "tsx"), ["main.ts"], { CDKTF_OUTDIR: cdktnOut });
    console.log(
      "     started alongside: type-check (tsc --noEmit -p .), cdktn synth (tsx main.ts)",
    );

    step(
      "library unit tests: jest --selectProjects unit (modules, stacks, inputs, examples)",
      () => {
        const out = exec(copy, bin(copy, "jest"), [
          "--selectProjects",
          "unit",
          // Both options take several values: the patterns go behind a flag of their own, or
          // --selectProjects would read them as project names.
          "--testPathPatterns",
          ...LIBRARY_TESTS,
          "--ci",
          `--cacheDirectory=${path.join(tmp, "jest-cache")}`,
        ]);
        const summary = out.split("\n").filter((l) => /^(Test Suites|Tests):/.test(l));
        for (const line of summary) console.log(`     ${line}`);
      },
    );

    // The steps above block the event loop, so a background command's time is read when it is
    // awaited: an upper bound.
    console.log(`ok   type-check: tsc --noEmit -p . (${await typecheck} from its start, at most)`);
    console.log(
      `ok   synthesize every example on cdktn: tsx main.ts (${await synth} from its start, at most)`,
    );
    console.log(
      `ok   synthesize every example on cdktf (this checkout): tsx main.ts ` +
        `(${await reference} from its start, at most)`,
    );

    step(`compare cdk.tf.json: only ${VERSION_STAMP_PATH} may differ`, () => {
      const cdktf = readJson(path.join(root, "node_modules", "cdktf", "package.json")).version;
      const stacks = (out: string) => fs.readdirSync(path.join(out, "stacks")).sort();
      const names = stacks(cdktfOut);
      if (names.join() !== stacks(cdktnOut).join() || names.length === 0) {
        throw new StepFailed(`stacks differ: cdktf [${names}], cdktn [${stacks(cdktnOut)}]`);
      }
      const problems = names.flatMap((name) => {
        const file = (out: string) => path.join(out, "stacks", name, "cdk.tf.json");
        return stackProblems(
          readJson(file(cdktfOut)),
          readJson(file(cdktnOut)),
          cdktf,
          versions.cdktn,
        ).map((p) => `${name}: ${p}`);
      });
      if (problems.length > 0) throw new StepFailed(problems.join("\n"));
      console.log(
        `     ${names.length} stacks identical but for the stamp (${cdktf} / ${versions.cdktn})`,
      );
    });
    passed = true;
  } catch (error) {
    console.error(`FAIL ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    // On a failure, end what still runs in the background (our own children) before removing
    // the directory they write to.
    await Promise.all(
      children
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map((c) => {
          const exited = new Promise((resolve) => c.once("close", resolve));
          c.kill();
          return exited;
        }),
    );
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const verdict = passed ? "passed" : "FAILED";
  console.log(
    `cdktn route: ${verdict} in ${seconds(started)}, temp dir removed (target: under 90 s)`,
  );
}

if (require.main === module) void main();
