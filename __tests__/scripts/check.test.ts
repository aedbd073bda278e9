/**
 * `npm run check`: what it reads, what it prints in each format, its exit codes, and its
 * answer to bad input (one line on stderr, exit 2, no stack trace).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { examples } from "../../examples";
import { checkConfig, isBlocking } from "../../modules/policy/rule-pack";
import { parseTerraformConfig } from "../../modules/policy/terraform-config";
import { runCheck } from "../../scripts/check";

const root = path.join(__dirname, "..", "..");

/** A listener without ssl_policy (TLS004 error) and a certificate attached nowhere (TLS009 warning). */
const BAD = {
  resource: {
    aws_acm_certificate: {
      c: {
        domain_name: "example.com",
        validation_method: "DNS",
        lifecycle: { create_before_destroy: true },
      },
    },
    aws_lb_listener: {
      l: {
        load_balancer_arn: "lb",
        port: 443,
        protocol: "HTTPS",
        certificate_arn:
          "arn:aws:acm:eu-west-1:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab",
      },
    },
  },
};
const GOOD = {
  resource: { aws_lb_listener: { http: { load_balancer_arn: "lb", port: 80, protocol: "HTTP" } } },
};

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-check-test-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});
const write = (rel: string, content: unknown) => {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
};

describe("runCheck", () => {
  test("table: one row per finding with rule, level, address and message; exit 1 on an error", () => {
    const file = write("main.tf.json", BAD);
    const r = runCheck([file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^rule\s+level\s+address\s+message$/);
    expect(lines[2]).toMatch(
      /^TLS009\s+warning\s+.*main\.tf\.json: aws_acm_certificate\.c\s+public certificate/,
    );
    expect(lines[3]).toMatch(
      /^TLS004\s+error\s+.*main\.tf\.json: aws_lb_listener\.l\s+HTTPS\/TLS listener has no ssl_policy/,
    );
    expect(lines[4]).toBe("1 file(s) checked: 1 error(s), 1 warning(s), 0 suppressed");
  });

  test("warnings only: exit 0", () => {
    const doc = { resource: { aws_acm_certificate: BAD.resource.aws_acm_certificate } };
    expect(runCheck([write("a.tf.json", doc)]).code).toBe(0);
    expect(runCheck([write("b.tf.json", GOOD)])).toEqual({
      code: 0,
      stdout: "1 file(s) checked: 0 error(s), 0 warning(s), 0 suppressed\n",
      stderr: "",
    });
  });

  test("a suppressed error does not fail the check, and the table shows its reason", () => {
    const doc = structuredClone(BAD) as any;
    doc.resource.aws_lb_listener.l["//"] = {
      tls_policy_suppressions: [{ id: "TLS004", reason: "legacy clients until 2027-03" }],
    };
    const r = runCheck([write("main.tf.json", doc)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /TLS004\s+error \(suppressed\)\s+.*\[suppressed: legacy clients until 2027-03\]/,
    );
    expect(r.stdout).toMatch(/0 error\(s\), 1 warning\(s\), 1 suppressed/);
  });

  test("a cdktf.out directory: every stacks/<name>/cdk.tf.json, in name order", () => {
    write("out/stacks/b/cdk.tf.json", BAD);
    write("out/stacks/a/cdk.tf.json", GOOD);
    fs.mkdirSync(path.join(tmp, "out", "stacks", "empty"));
    const r = runCheck([path.join(tmp, "out"), "--format", "json"]);
    const json = JSON.parse(r.stdout);
    expect(json.sources).toEqual([
      path.join(tmp, "out", "stacks", "a", "cdk.tf.json"),
      path.join(tmp, "out", "stacks", "b", "cdk.tf.json"),
    ]);
    expect(json.summary).toEqual({ errors: 1, warnings: 1, suppressed: 0 });
    expect(json.findings.map((f: any) => [f.ruleId, f.level, f.address])).toEqual([
      ["TLS009", "warning", "aws_acm_certificate.c"],
      ["TLS004", "error", "aws_lb_listener.l"],
    ]);
    expect(r.code).toBe(1);
  });

  test("--format sarif: SARIF 2.1.0 with the rules in the driver and one result per finding", () => {
    const file = write("main.tf.json", BAD);
    const r = runCheck(["--format=sarif", file]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((x: any) => x.id)).toEqual([
      "TLS001",
      "TLS002",
      "TLS003",
      "TLS004",
      "TLS005",
      "TLS006",
      "TLS007",
      "TLS008",
      "TLS009",
      "TLS010",
      "TLS011",
      "TLS012",
      "TLS000",
    ]);
    const tls004 = run.results.find((x: any) => x.ruleId === "TLS004");
    expect(tls004.level).toBe("error");
    expect(run.tool.driver.rules[tls004.ruleIndex].id).toBe("TLS004");
    expect(tls004.message.text).toMatch(
      /^aws_lb_listener\.l: HTTPS\/TLS listener has no ssl_policy/,
    );
    const loc = tls004.locations[0];
    expect(loc.physicalLocation.artifactLocation.uri).toBe(file);
    // JSON.stringify(BAD, null, 2): "l" is on line 13.
    const expectedLine =
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"l": {')) + 1;
    expect(expectedLine).toBe(13);
    expect(loc.physicalLocation.region).toEqual({ startLine: 13 });
    expect(loc.logicalLocations).toEqual([
      { fullyQualifiedName: "aws_lb_listener.l", kind: "resource" },
    ]);
    expect(r.code).toBe(1);
  });

  test.each([
    [["/no/such/path"], /^check: \/no\/such\/path does not exist\n$/],
    [["--format", "xml"], /^check: --format must be one of table, json, sarif, got "xml"\n$/],
    [["--verbose"], /^check: unknown option "--verbose"/],
  ])("bad command line %j: exit 2 and one line", (argv, message) => {
    const r = runCheck(argv);
    expect(r).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(message) });
  });

  test("a directory with no Terraform JSON: exit 2", () => {
    fs.mkdirSync(path.join(tmp, "empty"));
    const r = runCheck([path.join(tmp, "empty")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds no Terraform JSON/);
  });
});

describe("the command as a process: bad input gets a message and exit 2, never a stack trace", () => {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const run = (...args: string[]) =>
    spawnSync(tsx, [path.join(root, "scripts", "check.ts"), ...args], {
      cwd: tmp,
      encoding: "utf8",
    });

  test.each([
    ["a missing path", () => path.join(tmp, "missing.json"), /missing\.json does not exist/],
    ["malformed JSON", () => write("bad.json", "{ not json"), /bad\.json is not valid JSON/],
    [
      "JSON that is not Terraform",
      () => write("package.json", { name: "x", scripts: {} }),
      /package\.json is not a Terraform JSON configuration: unknown top-level key\(s\) "name", "scripts"/,
    ],
    [
      "no cdktf.out (the default path)",
      () => "",
      /cdktf\.out does not exist; run `npm run synth` first/,
    ],
  ])("%s", (_what, arg, message) => {
    const a = arg();
    const r = a === "" ? run() : run(a);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("findings with an error: exit 1 on the process too", () => {
    const r = run(write("main.tf.json", BAD));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1 error\(s\)/);
  });
});

describe("every example stack passes with zero errors", () => {
  // A real synth (aspects included), then the command over its output, as .ci/run does.
  // An example may register more than one stack (split-dns: three): check every stack the app
  // holds, by its id.
  const app = Testing.app();
  for (const register of Object.values(examples)) register(app);
  const stackNames = app.node.children
    .filter((c): c is TerraformStack => c instanceof TerraformStack)
    .map((s) => s.node.id)
    .sort();
  let outdir: string;
  beforeAll(() => {
    app.synth();
    outdir = app.outdir;
  });
  afterAll(() => {
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test("npm run check over the synthesized stacks: exit 0, zero errors", () => {
    const r = runCheck([outdir, "--format", "json"]);
    const json = JSON.parse(r.stdout);
    expect(json.sources.map((s: string) => path.basename(path.dirname(s)))).toEqual(stackNames);
    expect(stackNames).toEqual(expect.arrayContaining(Object.keys(examples)));
    expect(json.summary.errors).toBe(0);
    expect(r.code).toBe(0);
  });

  test.each(stackNames)("%s: no error, and no warning but TLS009", (name) => {
    const file = path.join(outdir, "stacks", name, "cdk.tf.json");
    const findings = checkConfig(
      parseTerraformConfig(JSON.parse(fs.readFileSync(file, "utf8")), name),
    );
    expect(findings.filter(isBlocking)).toEqual([]);
    // The only warning an example may have is a certificate it leaves for you to attach.
    expect(findings.filter((f) => f.ruleId !== "TLS009")).toEqual([]);
  });
});
