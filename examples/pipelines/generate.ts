/**
 * Writes the pipeline files from ./definitions.ts, and the pieces the pipelines generate at run
 * time.
 *
 * Usage: npx tsx examples/pipelines/generate.ts [--check] [--max-waves <n>]
 *          writes (or, with --check, compares) github-actions.yml and gitlab-ci.yml here
 *        npx tsx examples/pipelines/generate.ts gitlab-deploy <cdktf.out> <out.yml>
 *          the GitLab child pipeline of deploy waves, from <cdktf.out>/manifest.json
 *        npx tsx examples/pipelines/generate.ts provider-config <cdktf.out> <dir>
 *          <dir>/main.tf.json requiring every provider the stacks require, for
 *          `terraform -chdir=<dir> providers mirror` (the offline plan tests' mirror)
 * Exit codes: 0; 1 when --check finds a file out of date, or the stacks cannot be ordered;
 * 2 for bad input.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  DeployOrderError,
  DeployOrderInputError,
  deployWaves,
  readManifest,
} from "../../scripts/deploy-order";
import {
  CHILD_HEADER,
  DEFAULT_OPTIONS,
  FILE_HEADERS,
  githubActionsWorkflow,
  gitlabCiPipeline,
  gitlabDeployPipeline,
  PipelineOptions,
} from "./definitions";
import { toYaml } from "./yaml";

/** The committed files, by name (next to this script). */
export function renderPipelineFiles(o: PipelineOptions = DEFAULT_OPTIONS): Record<string, string> {
  return {
    "github-actions.yml": toYaml(githubActionsWorkflow(o), FILE_HEADERS.github),
    "gitlab-ci.yml": toYaml(gitlabCiPipeline(o), FILE_HEADERS.gitlab),
  };
}

/** The GitLab child pipeline for the stacks of a synthesized app. */
export function renderGitlabDeploy(cdktfOut: string, o: PipelineOptions = DEFAULT_OPTIONS): string {
  return toYaml(gitlabDeployPipeline(deployWaves(readManifest(cdktfOut)), o), CHILD_HEADER);
}

/**
 * A Terraform JSON configuration that requires what every stack of the app requires. The plan
 * harness is loaded here only: `gitlab-deploy` works in a project that has no scripts/plan/.
 */
export async function providerConfig(cdktfOut: string): Promise<Record<string, unknown>> {
  const stacksDir = path.join(cdktfOut, "stacks");
  if (!fs.existsSync(stacksDir)) throw new UsageError(`${stacksDir} does not exist`);
  const { requiredProvidersOf, unionRequiredProviders } =
    await import("../../scripts/plan/harness");
  const blocks = fs
    .readdirSync(stacksDir)
    .sort()
    .map((s) => path.join(stacksDir, s, "cdk.tf.json"))
    .filter((f) => fs.existsSync(f))
    .map((f) => requiredProvidersOf(JSON.parse(fs.readFileSync(f, "utf8"))));
  return { terraform: { required_providers: unionRequiredProviders(blocks) } };
}

class UsageError extends Error {}

export interface GenerateResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE =
  "usage: generate.ts [--check] [--max-waves <n>] | gitlab-deploy <cdktf.out> <out.yml> | provider-config <cdktf.out> <dir>";

export async function runGenerate(
  argv: readonly string[],
  dir: string = __dirname,
): Promise<GenerateResult> {
  try {
    const [command, ...rest] = argv;
    if (command === "gitlab-deploy" || command === "provider-config") {
      if (rest.length !== 2) throw new UsageError(USAGE);
      const [cdktfOut, target] = rest;
      if (command === "gitlab-deploy") {
        fs.writeFileSync(target, renderGitlabDeploy(cdktfOut));
        return { code: 0, stdout: `wrote ${target}\n`, stderr: "" };
      }
      fs.mkdirSync(target, { recursive: true });
      const file = path.join(target, "main.tf.json");
      fs.writeFileSync(file, `${JSON.stringify(await providerConfig(cdktfOut), null, 2)}\n`);
      return { code: 0, stdout: `wrote ${file}\n`, stderr: "" };
    }
    let check = false;
    let options = DEFAULT_OPTIONS;
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === "--check") check = true;
      else if (argv[i] === "--max-waves") {
        const n = Number(argv[++i]);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--max-waves needs a number >= 1`);
        options = { ...options, maxWaves: n };
      } else throw new UsageError(`unknown argument ${JSON.stringify(argv[i])}; ${USAGE}`);
    }
    const stale: string[] = [];
    const written: string[] = [];
    for (const [name, text] of Object.entries(renderPipelineFiles(options))) {
      const file = path.join(dir, name);
      const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
      if (current === text) continue;
      if (check) stale.push(file);
      else {
        fs.writeFileSync(file, text);
        written.push(file);
      }
    }
    if (stale.length > 0) {
      return {
        code: 1,
        stdout: "",
        stderr: `out of date: ${stale.join(", ")}; run npx tsx examples/pipelines/generate.ts\n`,
      };
    }
    return {
      code: 0,
      stdout: written.length > 0 ? `wrote ${written.join(", ")}\n` : "up to date\n",
      stderr: "",
    };
  } catch (e) {
    if (e instanceof DeployOrderError)
      return { code: 1, stdout: "", stderr: `generate: ${e.message}\n` };
    if (e instanceof UsageError || e instanceof DeployOrderInputError) {
      return { code: 2, stdout: "", stderr: `generate: ${e.message}\n` };
    }
    throw e;
  }
}

if (require.main === module) {
  void runGenerate(process.argv.slice(2)).then((result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  });
}
