// What the plan tests do without Terraform: fail in CI, skip loudly elsewhere. One wording for
// the global setup (which prints it before any test) and for the plan test files.
import { terraformBinary } from "../../scripts/plan/harness";

/** CI=true or CI=1, as CI services set it. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === "true" || env.CI === "1";
}

/** The line shown when terraform is missing, for CI (a failure) or not (a skip). */
export function terraformMissingMessage(ci: boolean, binary = terraformBinary()): string {
  return ci
    ? `CI is set and terraform (${binary}) was not found: the offline plan tests cannot run, ` +
        "which is a failure in CI. Install Terraform >= 1.5 or set TERRAFORM_BIN."
    : `!!! terraform (${binary}) not found: SKIPPING every offline plan test (they are required ` +
        "in CI). Install Terraform >= 1.5 or set TERRAFORM_BIN to run them. !!!";
}
