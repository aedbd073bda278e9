/**
 * The plan harness as the jest run uses it: the global setup's seed (the run's one init), the
 * run directory as every worker's temp dir, and the run's plan cache answering a repeated plan.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Testing } from "cdktf";
import { dnsValidatedCertificate } from "../../examples/dns-validated-certificate/main";
import {
  PLAN_CACHE_ENV,
  planCacheKey,
  planStackDir,
  SEED_DIR_ENV,
} from "../../scripts/plan/harness";
import { describeWithTerraform } from "../support/plan";

describeWithTerraform("plan harness in a jest run", () => {
  const seed = process.env[SEED_DIR_ENV] ?? "";
  const cache = process.env[PLAN_CACHE_ENV] ?? "";

  test("workers get the global setup's initialised seed, in the run directory that is their temp dir", () => {
    const runDir = process.env.TLS_TEST_RUN_DIR ?? "";
    expect(runDir).not.toBe("");
    expect(seed.startsWith(runDir + path.sep)).toBe(true);
    expect(os.tmpdir().startsWith(runDir + path.sep)).toBe(true);
    expect(fs.existsSync(path.join(seed, ".terraform.lock.hcl"))).toBe(true);
    expect(fs.readdirSync(path.join(seed, ".terraform", "providers"))).toContain(
      "registry.terraform.io",
    );
  });

  test("a repeated plan is answered from the run's cache, with the same plan", async () => {
    const dir = path.join(
      Testing.fullSynth(dnsValidatedCertificate(Testing.app())),
      "stacks",
      "dns-validated-certificate",
    );
    const key = planCacheKey(
      dir,
      fs.readFileSync(path.join(seed, ".terraform.lock.hcl"), "utf8"),
      {},
    );
    const hitsOf = () =>
      fs.existsSync(path.join(cache, "hits"))
        ? fs
            .readFileSync(path.join(cache, "hits"), "utf8")
            .split("\n")
            .filter((k) => k === key).length
        : 0;
    const first = await planStackDir(dir);
    const hits = hitsOf();
    const second = await planStackDir(dir);
    expect(hitsOf()).toBe(hits + 1);
    expect(second.plan).toEqual(first.plan);
    expect(second.resourceChanges.length).toBeGreaterThan(0);
  });
});
