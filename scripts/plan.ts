/**
 * `npm run plan`: a dry run of every synthesized stack in cdktf.out, offline, with fake
 * credentials. It shows what each template would create without an AWS account. It is not a
 * real plan of your account: `cdktf diff <stack>` is.
 *
 * Usage: npm run synth && npm run plan [-- <stack> ...]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planIntoCache } from "./plan/batch";
import {
  createSeed,
  disposePlanWorkspace,
  planStackDir,
  PlanResult,
  requiredProvidersOf,
  SEED_DIR_ENV,
  TerraformMissingError,
} from "./plan/harness";
import { renderTable } from "./lib/table";

// Plans are CPU-bound (provider start-up): one at a time per core.
const CONCURRENCY = os.availableParallelism();

interface Row {
  stack: string;
  result?: PlanResult;
  error?: Error;
  /** Upstream state files this stack reads that do not exist yet: not planned. */
  waiting?: string[];
}

function countActions(result: PlanResult): Record<string, number> {
  const counts: Record<string, number> = { create: 0, update: 0, delete: 0 };
  for (const rc of result.resourceChanges) {
    for (const a of rc.change.actions) if (a in counts) counts[a]++;
  }
  return counts;
}

async function main(): Promise<void> {
  const outDir = path.resolve("cdktf.out", "stacks");
  if (!fs.existsSync(outDir)) {
    console.error("cdktf.out/stacks does not exist; run `npm run synth` first.");
    process.exit(2);
  }
  const wanted = process.argv.slice(2);
  const stacks = fs
    .readdirSync(outDir)
    .filter((s) => fs.existsSync(path.join(outDir, s, "cdk.tf.json")))
    .filter((s) => wanted.length === 0 || wanted.includes(s))
    .sort();
  if (stacks.length === 0) {
    console.error(
      `no synthesized stacks${wanted.length ? ` named ${wanted.join(", ")}` : ""} in cdktf.out/stacks`,
    );
    process.exit(2);
  }
  // One init for every stack: a seed with the union of their providers, deleted at the end.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tls-plan-run-"));
  try {
    const seed = await createSeed(
      path.join(scratch, "seed"),
      stacks.map((s) =>
        requiredProvidersOf(
          JSON.parse(fs.readFileSync(path.join(outDir, s, "cdk.tf.json"), "utf8")) as Record<
            string,
            unknown
          >,
        ),
      ),
    );
    process.env[SEED_DIR_ENV] = seed.dir;
    await planAll(outDir, stacks);
  } finally {
    disposePlanWorkspace();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The local state files a stack reads through `terraform_remote_state` that do not exist yet:
 * a stack that reads another stack's outputs (a cross-stack reference, for example the DNS and
 * validation stacks of examples/split-dns) cannot plan before that stack is applied; Terraform
 * fails with "Unable to find remote state". Such a stack is reported as waiting, not planned and
 * not failed; its plan test plans it against fixture states.
 */
function missingUpstreamStates(stackDir: string): string[] {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")) as {
    data?: {
      terraform_remote_state?: Record<string, { backend?: string; config?: { path?: string } }>;
    };
  };
  return Object.values(json.data?.terraform_remote_state ?? {})
    .filter((d) => d.backend === "local" && typeof d.config?.path === "string")
    .map((d) => d.config!.path!)
    .filter((p) => !p.includes("${") && !fs.existsSync(path.resolve(stackDir, p)));
}

async function planAll(outDir: string, stacks: string[]): Promise<void> {
  console.log(`Planning ${stacks.length} stack(s) offline (dry run, fake credentials)...`);
  const rows: Row[] = stacks.map((stack) => ({ stack }));
  // One Terraform run for every stack that can share one (scripts/plan/batch.ts); the per-stack
  // loop below then reads those from the cache and plans the rest alone.
  const ready = stacks.filter((s) => missingUpstreamStates(path.join(outDir, s)).length === 0);
  if (ready.length > 1) {
    const started = Date.now();
    console.log(`planning ${ready.length} stacks in one Terraform run...`);
    const batch = await planIntoCache(ready.map((s) => ({ stackDir: path.join(outDir, s) })));
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      batch.failed
        ? `the batch failed (${secs}s); planning each stack alone, so that a failure names its stack`
        : `${batch.planned} stacks planned in one run (${secs}s)` +
            (batch.alone.length ? `; alone: ${batch.alone.join("; ")}` : ""),
    );
  }
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      const started = Date.now();
      const missing = missingUpstreamStates(path.join(outDir, row.stack));
      if (missing.length) {
        row.waiting = missing.map((p) => path.relative(outDir, path.resolve(outDir, row.stack, p)));
        done++;
        console.log(
          `[${done}/${rows.length}] ${row.stack}: not planned, reads ${row.waiting.join(", ")}, which does not exist yet`,
        );
        continue;
      }
      try {
        row.result = await planStackDir(path.join(outDir, row.stack));
      } catch (e) {
        if (e instanceof TerraformMissingError) throw e;
        row.error = e as Error;
      }
      done++;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `[${done}/${rows.length}] ${row.stack}: ${row.error ? "FAILED" : "planned"} (${secs}s)`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));

  for (const row of rows.filter((r) => r.error)) {
    console.error(`\n--- ${row.stack} ---\n${row.error!.message}`);
  }
  console.log(
    "\n" +
      renderTable(
        ["stack", "to add", "to change", "to destroy", "result"],
        rows.map((r) => {
          const c = r.result ? countActions(r.result) : undefined;
          return [
            r.stack,
            c ? String(c.create) : "-",
            c ? String(c.update) : "-",
            c ? String(c.delete) : "-",
            r.error ? "FAILED" : r.waiting ? "waits for upstream state" : "ok",
          ];
        }),
      ),
  );
  const waiting = rows.filter((r) => r.waiting);
  if (waiting.length) {
    console.log(
      `\n${waiting.length} stack(s) read another stack's state through terraform_remote_state and ` +
        "plan once that stack is applied (cdktf deploy applies them in order); their plan tests " +
        "plan them against fixture states.",
    );
  }
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
