import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { removeStaleRunDirectories } from "../support/run-directory";

describe("removeStaleRunDirectories: what an interrupted run left", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-run-dir-test-"));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const runDir = (name: string, owner?: number) => {
    const dir = path.join(tmp, `tls-test-run-${name}`);
    fs.mkdirSync(path.join(dir, "tmp", "cdktf.outdir.x"), { recursive: true });
    if (owner !== undefined) fs.writeFileSync(path.join(dir, "owner.pid"), String(owner));
    return dir;
  };

  test("removes a run directory whose jest process is gone, and only that", () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const dead = runDir("dead", gone);
    const live = runDir("live", process.pid);
    const settingUp = runDir("no-owner-yet");
    fs.mkdirSync(path.join(tmp, "something-else"));
    expect(removeStaleRunDirectories(tmp)).toEqual([dead]);
    expect(fs.readdirSync(tmp).sort()).toEqual(
      ["something-else", path.basename(live), path.basename(settingUp)].sort(),
    );
  });
});
