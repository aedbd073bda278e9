/**
 * Without terraform, the plan project's global setup fails a CI run and, elsewhere, prints one
 * loud line before any test and lets the plan suites skip. Both paths run the real global setup
 * with TERRAFORM_BIN pointing at nothing, and must leave nothing behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inCi, terraformMissingMessage } from "../support/terraform-presence";

const VARS = ["TERRAFORM_BIN", "TMPDIR", "CI", "TLS_TEST_RUN_DIR", "TLS_PLAN_SEED_DIR"];

async function runSetup(ci: boolean) {
  const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-presence-"));
  const stderr: string[] = [];
  const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  try {
    process.env.TERRAFORM_BIN = path.join(tmp, "no-terraform-here");
    process.env.TMPDIR = tmp;
    process.env.CI = ci ? "true" : "";
    delete process.env.TLS_TEST_RUN_DIR;
    delete process.env.TLS_PLAN_SEED_DIR;
    let error: Error | undefined;
    let seed: string | undefined;
    // Fresh modules: the harness caches whether terraform exists, per module instance.
    await jest.isolateModulesAsync(async () => {
      const { default: setup } = await import("../support/plan-global-setup");
      const { removeRunDirectory } = await import("../support/run-directory");
      try {
        await setup();
        seed = process.env.TLS_PLAN_SEED_DIR;
      } catch (e) {
        error = e as Error;
      } finally {
        removeRunDirectory();
      }
    });
    return { error, seed, stderr: stderr.join(""), leftovers: fs.readdirSync(tmp) };
  } finally {
    spy.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe("plan global setup without terraform", () => {
  test("in CI it fails the run, saying why", async () => {
    const r = await runSetup(true);
    expect(r.error?.message).toMatch(
      /^CI is set and terraform \(.*no-terraform-here\) was not found/,
    );
    expect(r.seed).toBeUndefined();
    expect(r.leftovers).toEqual([]);
  });

  test("elsewhere it prints the skip line to stderr, before any test, and shares no seed", async () => {
    const r = await runSetup(false);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toContain("not found: SKIPPING every offline plan test");
    expect(r.seed).toBeUndefined();
    expect(r.leftovers).toEqual([]);
  });
});

describe("inCi and the message", () => {
  test("CI=true and CI=1 are CI; unset, empty and false are not", () => {
    expect([{ CI: "true" }, { CI: "1" }, {}, { CI: "" }, { CI: "false" }].map(inCi)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  test("the message names the binary it looked for", () => {
    expect(terraformMissingMessage(false, "/x/terraform")).toContain("terraform (/x/terraform)");
  });
});
