/**
 * One temporary directory per `jest` run, and nothing left behind.
 *
 * cdktf's `Testing.app()` / `Testing.synth()` / `Testing.fullSynth()` make a `cdktf.outdir.*`
 * directory in the temp dir for every app and never remove it, and jest workers never see a
 * process `exit` that could. So the global setup (which runs in jest's parent process before the
 * workers start) makes one run directory and points `TMPDIR` into it: the workers inherit it, and
 * every temporary directory of the run (cdktf's, the plan harness's, Terraform's plugin sockets)
 * lands inside. The global teardown deletes the directory and restores `TMPDIR`; a run that
 * never reached its teardown is cleaned up by the next one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { processAlive } from "../../scripts/lib/process";

const RUN_DIR_ENV = "TLS_TEST_RUN_DIR";
const ORIGINAL_TMPDIR_ENV = "TLS_TEST_ORIGINAL_TMPDIR";

const PREFIX = "tls-test-run-";
/** In a run directory: the pid of the jest process that owns it. */
const OWNER_FILE = "owner.pid";

/**
 * Deletes the run directories in `tmp` whose jest process is gone: an interrupted run (Ctrl-C,
 * a killed CI job) never reaches its teardown, so the next run cleans up after it. A directory
 * without an owner file is left alone: it may be a run being set up right now.
 */
export function removeStaleRunDirectories(tmp: string = os.tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(tmp).filter((n) => n.startsWith(PREFIX))) {
    const dir = path.join(tmp, name);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), "utf8"));
      if (owner > 0 && !processAlive(owner)) {
        fs.rmSync(dir, { recursive: true, force: true });
        removed.push(dir);
      }
    } catch {
      // no owner file (yet), or not ours to read: leave it
    }
  }
  return removed;
}

/** The run directory, made on first call (by whichever project's global setup runs first). */
export function ensureRunDirectory(): string {
  const existing = process.env[RUN_DIR_ENV];
  if (existing && fs.existsSync(existing)) return existing;
  removeStaleRunDirectories();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const tmp = path.join(dir, "tmp");
  fs.mkdirSync(tmp);
  process.env[RUN_DIR_ENV] = dir;
  process.env[ORIGINAL_TMPDIR_ENV] = process.env.TMPDIR ?? "";
  process.env.TMPDIR = tmp;
  // Tests build stacks with the default backend: a developer's exported TF_STATE_* (the S3 state
  // backend, stacks/state-backend.ts) must not turn them into S3 stacks, or a half set of them
  // into synth errors. The workers inherit this environment.
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("TF_STATE_")) delete process.env[name];
  }
  return dir;
}

/** Deletes the run directory (unless KEEP_PLAN_DIRS is set) and restores `TMPDIR`. */
export function removeRunDirectory(): void {
  const dir = process.env[RUN_DIR_ENV];
  if (!dir) return;
  const original = process.env[ORIGINAL_TMPDIR_ENV];
  if (original) process.env.TMPDIR = original;
  else delete process.env.TMPDIR;
  delete process.env[RUN_DIR_ENV];
  delete process.env[ORIGINAL_TMPDIR_ENV];
  if (process.env.KEEP_PLAN_DIRS) {
    process.stderr.write(`KEEP_PLAN_DIRS is set: kept ${dir}\n`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
