/**
 * examples/pipelines: the committed YAML is exactly the generator's rendering of the typed
 * objects; an independent YAML parser (Prettier's, in a child process: it loads ES modules that
 * Jest's CommonJS runtime cannot) reads each file back to the objects' values; and the objects
 * hold what the pipelines promise: the PR and deploy jobs, OIDC only, pinned actions, the state
 * variables, the wave chaining, the GitLab child pipeline for a fixture manifest.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { STATE_BACKEND_VARIABLES } from "../../stacks/state-backend";
import {
  COMMANDS,
  DEFAULT_OPTIONS,
  STATE_VARIABLES,
  githubActionsWorkflow,
  gitlabCiPipeline,
  gitlabDeployPipeline,
} from "../../examples/pipelines/definitions";
import {
  providerConfig,
  renderGitlabDeploy,
  renderPipelineFiles,
  runGenerate,
} from "../../examples/pipelines/generate";
import { commented, isPlainSafe, plainValue, spaced, toYaml } from "../../examples/pipelines/yaml";
import { cdktfManifest, DIAMOND_DEPENDENCIES } from "../support/fixtures";

const root = path.join(__dirname, "..", "..");
const pipelinesDir = path.join(root, "examples", "pipelines");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-pipelines-test-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Parses YAML documents with Prettier's YAML parser (YAML 1.2, core schema for plain scalars)
 * and formats them with Prettier, in a child process. Returns each document's value and whether
 * Prettier leaves its text unchanged.
 */
const PARSE = String.raw`
const prettier = require("prettier");
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
function plain(s) {
  if (/^(null|Null|NULL|~)?$/.test(s)) return null;
  if (/^(true|True|TRUE)$/.test(s)) return true;
  if (/^(false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (/^0x[0-9a-fA-F]+$|^0o[0-7]+$/.test(s)) return Number(s);
  return s;
}
function value(node) {
  if (!node) return null;
  switch (node.type) {
    case "mapping":
    case "flowMapping": {
      const out = {};
      for (const item of node.children) {
        const [k, v] = item.children;
        out[String(value(k.children[0]))] = v && v.children.length ? value(v.children[0]) : null;
      }
      return out;
    }
    case "sequence":
    case "flowSequence":
      return node.children.map((i) => (i.children.length ? value(i.children[0]) : null));
    case "plain":
      return plain(node.value);
    case "quoteDouble":
    case "quoteSingle":
    case "blockLiteral":
    case "blockFolded":
      return node.value;
    default:
      throw new Error("unexpected YAML node " + node.type);
  }
}
(async () => {
  const out = [];
  for (const text of texts) {
    const { ast } = await prettier.__debug.parse(text, { parser: "yaml" });
    if (ast.children.length !== 1) throw new Error("expected one document");
    const body = ast.children[0].children.find((c) => c.type === "documentBody");
    const formatted = await prettier.format(text, { parser: "yaml", printWidth: 100 });
    out.push({ value: value(body.children[0]), stable: formatted === text });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
`;

function parseYaml(texts: string[]): { value: unknown; stable: boolean }[] {
  const r = spawnSync(process.execPath, ["-e", PARSE], {
    cwd: root,
    input: JSON.stringify(texts),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`YAML parse failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const github = githubActionsWorkflow() as any;
const gitlab = gitlabCiPipeline() as any;
const gh = plainValue(github) as any;
const gl = plainValue(gitlab) as any;

// Diamond: dns <- (edge, regional) <- app, plus independent monitoring and private-ca.
const FIXTURE = cdktfManifest(DIAMOND_DEPENDENCIES);

describe("the committed files", () => {
  test("are the generator's output, byte for byte", () => {
    const files = renderPipelineFiles();
    expect(Object.keys(files).sort()).toEqual(["github-actions.yml", "gitlab-ci.yml"]);
    for (const [name, text] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(pipelinesDir, name), "utf8")).toBe(text);
    }
  });

  test("read back, by an independent YAML parser, as the objects' values; Prettier leaves them as they are", () => {
    const names = ["github-actions.yml", "gitlab-ci.yml"];
    const parsed = parseYaml(names.map((n) => fs.readFileSync(path.join(pipelinesDir, n), "utf8")));
    expect(parsed[0].value).toEqual(gh);
    expect(parsed[1].value).toEqual(gl);
    expect(parsed.map((p) => p.stable)).toEqual([true, true]);
  });

  test("pass the state backend's variables, all of them", () => {
    expect([...STATE_VARIABLES].sort()).toEqual(Object.values(STATE_BACKEND_VARIABLES).sort());
  });

  test("hold no access key and pin every action by full tag", () => {
    for (const name of ["github-actions.yml", "gitlab-ci.yml"]) {
      const text = fs.readFileSync(path.join(pipelinesDir, name), "utf8");
      expect(text).not.toMatch(
        /aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|secrets\./,
      );
    }
    const uses = Object.values(gh.jobs).flatMap((j: any) =>
      j.steps.filter((s: any) => s.uses).map((s: any) => s.uses),
    );
    expect(uses.length).toBeGreaterThan(10);
    for (const u of uses) expect(u).toMatch(/^[\w-]+\/[\w-]+@v\d+\.\d+\.\d+$/);
  });

  test("run shell that bash accepts, and no ${{ }} expression inside a script", () => {
    const scripts: string[] = [
      ...Object.values(gh.jobs).flatMap((j: any) =>
        j.steps.filter((s: any) => s.run).map((s: any) => s.run),
      ),
      ...Object.values(gl)
        .filter((j: any) => j && typeof j === "object" && !Array.isArray(j))
        .flatMap((j: any) => [...(j.script ?? []), ...(j.before_script ?? [])]),
      ...(gl.default.before_script as string[]),
    ];
    expect(scripts.length).toBeGreaterThan(15);
    for (const script of scripts) {
      expect(script).not.toContain("${{");
      const r = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    }
  });

  test("pass cdktf.out to no other job: an imported certificate's key is a synth asset", () => {
    const text = Object.values(renderPipelineFiles()).join("\n");
    expect(text).not.toContain("upload-artifact");
    expect(gl.verify.artifacts.paths).toEqual(["deploy-waves.yml"]);
    expect(gl.diff.artifacts.paths).toEqual(["report.md"]);
  });
});

describe("GitHub Actions", () => {
  const runs = (job: any) => job.steps.filter((s: any) => s.run).map((s: any) => s.run as string);
  const stateEnv = {
    TF_STATE_BUCKET: "${{ vars.TF_STATE_BUCKET }}",
    TF_STATE_REGION: "${{ vars.TF_STATE_REGION }}",
    TF_STATE_KEY_PREFIX: "${{ vars.TF_STATE_KEY_PREFIX }}",
    TF_STATE_KMS_KEY_ID: "${{ vars.TF_STATE_KMS_KEY_ID }}",
    TF_STATE_LOCK_TABLE: "${{ vars.TF_STATE_LOCK_TABLE }}",
  };

  test("runs on pull requests and on pushes to main, with read-only defaults", () => {
    expect(gh.on).toEqual({ pull_request: { branches: ["main"] }, push: { branches: ["main"] } });
    expect(gh.permissions).toEqual({ contents: "read" });
  });

  test("verify: install, tests, synth with the state variables, check, waves to the job outputs", () => {
    const v = gh.jobs.verify;
    expect(runs(v)).toEqual([
      "npm ci",
      "npm run synth",
      expect.stringContaining("providers mirror"),
      "npm test -- --ci",
      "npm run check -- cdktf.out",
      'npx tsx scripts/deploy-order.ts cdktf.out\nnpx tsx scripts/deploy-order.ts cdktf.out --github-output 4 >> "$GITHUB_OUTPUT"\n',
    ]);
    expect(v.steps.find((s: any) => s.run === "npm run synth").env).toEqual(stateEnv);
    expect(v.steps.find((s: any) => s.run === "npm test -- --ci").env).toBeUndefined();
    expect(v.outputs).toEqual({
      wave_1: "${{ steps.order.outputs.wave_1 }}",
      wave_2: "${{ steps.order.outputs.wave_2 }}",
      wave_3: "${{ steps.order.outputs.wave_3 }}",
      wave_4: "${{ steps.order.outputs.wave_4 }}",
      waves: "${{ steps.order.outputs.waves }}",
    });
  });

  test("diff: pull requests of this repository, read-only role by OIDC, every stack, report as a comment", () => {
    const d = gh.jobs.diff;
    expect(d.if).toBe(
      "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository",
    );
    expect(d.permissions).toEqual({
      contents: "read",
      "id-token": "write",
      "pull-requests": "write",
    });
    const creds = d.steps.find((s: any) => s.uses?.startsWith("aws-actions/"));
    expect(creds.with["role-to-assume"]).toBe("${{ vars.AWS_DIFF_ROLE_ARN }}");
    const all = runs(d).join("\n");
    expect(all).toContain('stacks="$(npx tsx scripts/deploy-order.ts cdktf.out --list)"');
    expect(all).toContain('npm run cdktf -- diff "$stack" --skip-synth --no-color');
    expect(all).toContain("npm run report -- cdktf.out --out report.md");
    expect(all).toContain('gh pr comment "$PR" --body-file comment.md');
  });

  test("deploy waves: each needs the one before, a matrix of its stacks, the deploy role, the state variables", () => {
    const waves = Object.keys(gh.jobs).filter((k) => k.startsWith("deploy-wave-"));
    expect(waves).toEqual(["deploy-wave-1", "deploy-wave-2", "deploy-wave-3", "deploy-wave-4"]);
    expect(waves.map((w) => gh.jobs[w].needs)).toEqual([
      "verify",
      ["verify", "deploy-wave-1"],
      ["verify", "deploy-wave-2"],
      ["verify", "deploy-wave-3"],
    ]);
    waves.forEach((w, i) => {
      const job = gh.jobs[w];
      expect(job.if).toBe(
        `github.event_name == 'push' && github.ref == 'refs/heads/main' && needs.verify.outputs.wave_${i + 1} != '[]'`,
      );
      expect(job.strategy).toEqual({
        "fail-fast": false,
        matrix: { stack: `\${{ fromJSON(needs.verify.outputs.wave_${i + 1}) }}` },
      });
      expect(job.permissions).toEqual({ contents: "read", "id-token": "write" });
      expect(job.environment).toBe("production");
      const creds = job.steps.find((s: any) => s.uses?.startsWith("aws-actions/"));
      expect(creds.with["role-to-assume"]).toBe("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
      const deploy = job.steps.find((s: any) => s.name === "cdktf deploy");
      expect(deploy.env).toEqual({ STACK: "${{ matrix.stack }}", ...stateEnv });
      expect(deploy.run).toContain(
        'npm run cdktf -- deploy "$STACK" --auto-approve --ignore-missing-stack-dependencies',
      );
      expect(deploy.run).toContain('if [ -z "${TF_STATE_BUCKET:-}" ]; then');
    });
  });

  test("--max-waves gives that many chained wave jobs, and the outputs for them", () => {
    const six = plainValue(githubActionsWorkflow({ ...DEFAULT_OPTIONS, maxWaves: 6 })) as any;
    expect(Object.keys(six.jobs).filter((k) => k.startsWith("deploy-wave-"))).toHaveLength(6);
    expect(six.jobs["deploy-wave-6"].needs).toEqual(["verify", "deploy-wave-5"]);
    expect(six.jobs.verify.outputs.wave_6).toBe("${{ steps.order.outputs.wave_6 }}");
    expect(six.jobs.verify.steps.at(-1).run).toContain("--github-output 6");
  });
});

describe("GitLab CI", () => {
  test("stages, and the jobs of merge requests and of the default branch", () => {
    expect(gl.stages).toEqual(["verify", "diff", "deploy"]);
    expect(gl.workflow.rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
      { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == "push"' },
    ]);
    expect(gl.verify.script).toEqual([
      "npm ci --prefer-offline",
      "npm run synth",
      COMMANDS.providerConfig("$CI_PROJECT_DIR/.providers"),
      'terraform -chdir="$CI_PROJECT_DIR/.providers" providers mirror "$TF_PLUGIN_MIRROR"',
      "env -u TF_STATE_BUCKET -u TF_STATE_REGION -u TF_STATE_KEY_PREFIX -u TF_STATE_KMS_KEY_ID -u TF_STATE_LOCK_TABLE npm test -- --ci",
      "npm run check -- cdktf.out",
      "npx tsx scripts/deploy-order.ts cdktf.out",
      "npx tsx examples/pipelines/generate.ts gitlab-deploy cdktf.out deploy-waves.yml",
    ]);
  });

  test("diff: OIDC id token for STS, the read-only role, every stack, the report", () => {
    expect(gl.diff.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(gl.diff.needs).toEqual(["verify"]);
    expect(gl.diff.id_tokens).toEqual({ AWS_ID_TOKEN: { aud: "sts.amazonaws.com" } });
    expect(gl.diff.variables).toEqual({ AWS_ROLE_ARN: "$AWS_DIFF_ROLE_ARN" });
    const script = gl.diff.script.join("\n");
    expect(script).toContain('printf \'%s\' "$AWS_ID_TOKEN" > "$AWS_WEB_IDENTITY_TOKEN_FILE"');
    expect(script).toContain('npm run cdktf -- diff "$stack" --skip-synth --no-color');
    expect(script).toContain("npm run report -- cdktf.out --out report.md");
  });

  test("deploy: triggers the child pipeline verify generated, and waits for it", () => {
    expect(gl.deploy).toEqual({
      stage: "deploy",
      needs: ["verify"],
      rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == "push"' }],
      trigger: { include: [{ artifact: "deploy-waves.yml", job: "verify" }], strategy: "depend" },
    });
  });

  test("the child pipeline for a diamond and independent stacks: a stage and a matrix per wave", () => {
    const dir = path.join(tmp, "diamond");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(FIXTURE));
    const text = renderGitlabDeploy(dir);
    const [{ value, stable }] = parseYaml([text]);
    expect(stable).toBe(true);
    const child = value as any;
    expect(child.stages).toEqual(["wave-1", "wave-2", "wave-3"]);
    expect(child["deploy wave 1"]).toEqual({
      extends: ".deploy",
      stage: "wave-1",
      parallel: { matrix: [{ STACK: ["dns", "monitoring", "private-ca"] }] },
    });
    expect(child["deploy wave 2"].parallel.matrix).toEqual([{ STACK: ["edge", "regional"] }]);
    expect(child["deploy wave 3"].parallel.matrix).toEqual([{ STACK: ["app"] }]);
    expect(child.variables.AWS_ROLE_ARN).toBe("$AWS_DEPLOY_ROLE_ARN");
    expect(child[".deploy"].id_tokens).toEqual({ AWS_ID_TOKEN: { aud: "sts.amazonaws.com" } });
    expect(child[".deploy"].environment).toEqual({ name: "production" });
    expect(child[".deploy"].script.at(-1)).toBe(
      'npm run cdktf -- deploy "$STACK" --auto-approve --ignore-missing-stack-dependencies',
    );
    expect(value).toEqual(
      plainValue(
        gitlabDeployPipeline([["dns", "monitoring", "private-ca"], ["edge", "regional"], ["app"]]),
      ),
    );
  });

  test("no stacks: one job that says so; a cycle: the command fails", async () => {
    const empty = plainValue(gitlabDeployPipeline([])) as any;
    expect(empty.stages).toEqual(["deploy"]);
    expect(empty["nothing to deploy"].script).toEqual([
      'echo "cdktf.out/manifest.json lists no stacks"',
    ]);

    const dir = path.join(tmp, "cycle");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "manifest.json"),
      JSON.stringify({
        stacks: { a: { name: "a", dependencies: ["b"] }, b: { name: "b", dependencies: ["a"] } },
      }),
    );
    const r = await runGenerate(["gitlab-deploy", dir, path.join(tmp, "child.yml")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("dependency cycle: a -> b -> a");
    expect(fs.existsSync(path.join(tmp, "child.yml"))).toBe(false);
  });
});

describe("generate.ts", () => {
  test("--check fails on a stale file; writing makes it pass", async () => {
    const dir = path.join(tmp, "gen");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "github-actions.yml"), "stale\n");
    const stale = await runGenerate(["--check"], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("out of date");
    expect((await runGenerate([], dir)).code).toBe(0);
    expect(await runGenerate(["--check"], dir)).toEqual({
      code: 0,
      stdout: "up to date\n",
      stderr: "",
    });
    expect((await runGenerate(["--max-waves", "0"], dir)).code).toBe(2);
    expect((await runGenerate(["bogus"], dir)).code).toBe(2);
  });

  test("provider-config requires every provider the stacks require", async () => {
    const out = path.join(tmp, "app");
    const stack = (name: string, providers: unknown) => {
      fs.mkdirSync(path.join(out, "stacks", name), { recursive: true });
      fs.writeFileSync(
        path.join(out, "stacks", name, "cdk.tf.json"),
        JSON.stringify({ terraform: { required_providers: providers } }),
      );
    };
    stack("a", { aws: { source: "aws", version: "5.100.0" } });
    stack("b", {
      aws: { source: "aws", version: "5.100.0" },
      tls: { source: "hashicorp/tls", version: "4.0.6" },
    });
    expect(await providerConfig(out)).toEqual({
      terraform: {
        required_providers: {
          aws: { source: "aws", version: "5.100.0" },
          tls: { source: "hashicorp/tls", version: "4.0.6" },
        },
      },
    });
    const r = await runGenerate(["provider-config", out, path.join(tmp, "providers")]);
    expect(r.code).toBe(0);
    expect(
      JSON.parse(fs.readFileSync(path.join(tmp, "providers", "main.tf.json"), "utf8")),
    ).toEqual(await providerConfig(out));
    expect((await runGenerate(["provider-config", path.join(tmp, "none"), tmp])).code).toBe(2);
  });
});

describe("the YAML emitter", () => {
  test("quotes what YAML would read as another type or another string", () => {
    for (const s of [
      "on",
      "yes",
      "No",
      "true",
      "null",
      "~",
      "20",
      "1.11.4",
      "0x1F",
      ".5",
      "-x",
      "*",
      "a: b",
      "a #b",
      "x:",
      "",
    ]) {
      expect(isPlainSafe(s)).toBe(false);
    }
    for (const s of [
      "npm ci",
      "ubuntu-24.04",
      "${{ vars.X }}",
      "$CI_PROJECT_DIR/.npm",
      "sts.amazonaws.com",
    ]) {
      expect(isPlainSafe(s)).toBe(true);
    }
  });

  test("round-trips scalars, literal blocks, empty collections and comments through a YAML parser", () => {
    const doc = {
      on: spaced({ push: null }),
      versions: ["20", "1.10", 3, true, "yes", "it's", 'say "hi"', "tab\there", "a\\b"],
      script: commented("runs\nin bash", ["echo 1\necho 2\n", "no newline\nat the end"]),
      empty: [],
      none: {},
      list: [{ name: "one", run: "x" }, commented("second", { name: "two" })],
      "job name": { "key with: colon": "v" },
    };
    const text = toYaml(doc, "header line");
    expect(text.startsWith("# header line\n\n")).toBe(true);
    expect(text).toContain("\n# runs\n# in bash\nscript:\n  - |\n    echo 1\n    echo 2\n  - |-\n");
    const [{ value, stable }] = parseYaml([text]);
    expect(value).toEqual(plainValue(doc));
    expect(stable).toBe(true);
  });

  test("refuses what it cannot write faithfully", () => {
    expect(() => toYaml({ a: [["nested"]] })).toThrow("not supported");
    expect(() => toYaml({ a: [{ first: commented("c", 1) }] })).toThrow("cannot carry a comment");
  });
});
