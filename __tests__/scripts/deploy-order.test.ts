/**
 * Deploy waves from cdktf.out/manifest.json: a diamond plus independent stacks, cycles, unknown
 * dependencies, the $GITHUB_OUTPUT lines, and the manifest cdktf itself writes for stacks that
 * depend on each other.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import {
  DeployOrderError,
  deployWaves,
  githubOutput,
  manifestStacks,
  readManifest,
  runDeployOrder,
} from "../../scripts/deploy-order";
import { cdktfManifest, DIAMOND_DEPENDENCIES } from "../support/fixtures";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-deploy-order-test-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const manifest = cdktfManifest;

// dns <- (edge, regional) <- app, plus two stacks that depend on nothing.
const DIAMOND = manifest(DIAMOND_DEPENDENCIES);

describe("deployWaves", () => {
  test("a diamond and independent stacks: dependencies first, independents in wave 1", () => {
    expect(deployWaves(manifestStacks(DIAMOND))).toEqual([
      ["dns", "monitoring", "private-ca"],
      ["edge", "regional"],
      ["app"],
    ]);
  });

  test("a chain is one stack per wave; no stacks is no waves", () => {
    expect(deployWaves(manifestStacks(manifest({ c: ["b"], b: ["a"], a: [] })))).toEqual([
      ["a"],
      ["b"],
      ["c"],
    ]);
    expect(deployWaves([])).toEqual([]);
  });

  test("a cycle is an error that names it", () => {
    const stacks = manifestStacks(manifest({ a: ["b"], b: ["a"], c: [] }));
    expect(() => deployWaves(stacks)).toThrow(DeployOrderError);
    expect(() => deployWaves(stacks)).toThrow("dependency cycle: a -> b -> a");
    expect(() => deployWaves(manifestStacks(manifest({ self: ["self"] })))).toThrow(
      "dependency cycle: self -> self",
    );
  });

  test("a dependency on a stack that is not in the app is an error", () => {
    expect(() => deployWaves(manifestStacks(manifest({ a: ["ghost"] })))).toThrow(
      "stack a depends on ghost, which is not a stack of the app",
    );
  });

  test("dependencies given as construct paths map to stack names", () => {
    const stacks = manifestStacks({
      stacks: {
        dns: { name: "dns", constructPath: "prod/dns", dependencies: [] },
        site: { name: "site", constructPath: "prod/site", dependencies: ["prod/dns"] },
      },
    });
    expect(stacks).toEqual([
      { name: "dns", dependencies: [] },
      { name: "site", dependencies: ["dns"] },
    ]);
    expect(deployWaves(stacks)).toEqual([["dns"], ["site"]]);
  });
});

describe("githubOutput", () => {
  test("one JSON array per wave job, empty ones included, and the count", () => {
    expect(githubOutput([["a", "b"], ["c"]], 3)).toBe(
      'wave_1=["a","b"]\nwave_2=["c"]\nwave_3=[]\nwaves=2\n',
    );
  });

  test("more waves than the pipeline has jobs for is an error", () => {
    expect(() => githubOutput([["a"], ["b"], ["c"]], 2)).toThrow(
      "the app needs 3 deploy waves, the pipeline has jobs for 2",
    );
  });
});

describe("the command", () => {
  const write = (m: unknown) => {
    fs.writeFileSync(path.join(tmp, "manifest.json"), JSON.stringify(m));
    return tmp;
  };

  test("a table by default, --json, --list and --github-output", () => {
    const dir = write(DIAMOND);
    const table = runDeployOrder([dir]);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")).toEqual([
      "wave  stack       depends on",
      "----  ----------  --------------",
      "1     dns         -",
      "1     monitoring  -",
      "1     private-ca  -",
      "2     edge        dns",
      "2     regional    dns",
      "3     app         edge, regional",
      "",
    ]);
    expect(JSON.parse(runDeployOrder([dir, "--json"]).stdout)).toEqual({
      waves: [["dns", "monitoring", "private-ca"], ["edge", "regional"], ["app"]],
    });
    expect(runDeployOrder([dir, "--list"]).stdout).toBe(
      "dns\nmonitoring\nprivate-ca\nedge\nregional\napp\n",
    );
    expect(runDeployOrder([dir, "--github-output", "4"]).stdout).toBe(
      'wave_1=["dns","monitoring","private-ca"]\nwave_2=["edge","regional"]\nwave_3=["app"]\nwave_4=[]\nwaves=3\n',
    );
  });

  test("exit 1 for a cycle or too many waves, 2 for bad input", () => {
    const cyclic = runDeployOrder([write(manifest({ a: ["b"], b: ["a"] }))]);
    expect(cyclic).toEqual({
      code: 1,
      stdout: "",
      stderr: "deploy-order: dependency cycle: a -> b -> a\n",
    });
    expect(runDeployOrder([write(DIAMOND), "--github-output", "2"]).code).toBe(1);
    expect(runDeployOrder([path.join(tmp, "missing")]).code).toBe(2);
    expect(runDeployOrder([tmp, "--github-output", "0"]).code).toBe(2);
    expect(runDeployOrder(["--yaml"]).code).toBe(2);
    fs.writeFileSync(path.join(tmp, "manifest.json"), "{not json");
    expect(runDeployOrder([tmp]).stderr).toContain("is not valid JSON");
  });
});

describe("the manifest cdktf writes", () => {
  test("a cross-stack reference and addDependency appear as dependencies, and order the waves", () => {
    const app = Testing.app({ outdir: path.join(tmp, "out") });
    const base = new TerraformStack(app, "base");
    new AwsProvider(base, "aws", { region: "eu-west-1" });
    const topic = new SnsTopic(base, "Topic", { name: "alerts" });

    // Reads base's topic: cdktf wires it through remote state and records the dependency.
    const consumer = new TerraformStack(app, "consumer");
    new AwsProvider(consumer, "aws", { region: "eu-west-1" });
    new TerraformOutput(consumer, "topic_arn", { value: topic.arn });

    const audit = new TerraformStack(app, "audit");
    new AwsProvider(audit, "aws", { region: "eu-west-1" });
    audit.addDependency(consumer);

    const solo = new TerraformStack(app, "solo");
    new AwsProvider(solo, "aws", { region: "eu-west-1" });
    app.synth();

    const raw = JSON.parse(fs.readFileSync(path.join(tmp, "out", "manifest.json"), "utf8"));
    expect(raw.stacks.consumer.dependencies).toEqual(["base"]);
    expect(raw.stacks.audit.dependencies).toEqual(["consumer"]);
    expect(raw.stacks.base.dependencies).toEqual([]);
    expect(deployWaves(readManifest(path.join(tmp, "out")))).toEqual([
      ["base", "solo"],
      ["consumer"],
      ["audit"],
    ]);
  });
});
