// Jest global teardown of both projects: says what the plan cache saved, then deletes the run
// directory, seed and plan cache included.
import * as fs from "node:fs";
import { PLAN_CACHE_ENV, planCacheSummary, SEED_DIR_ENV } from "../../scripts/plan/harness";
import { removeRunDirectory } from "./run-directory";

export default function globalTeardown(): void {
  const cache = process.env[PLAN_CACHE_ENV];
  if (cache && fs.existsSync(cache)) {
    const { plans, hits } = planCacheSummary(cache);
    process.stderr.write(
      `plan tests: ${plans} terraform plans, ${hits} more answered from the run's plan cache\n`,
    );
  }
  delete process.env[PLAN_CACHE_ENV];
  delete process.env[SEED_DIR_ENV];
  removeRunDirectory();
}
