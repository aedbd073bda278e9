/**
 * `npm run plan`: a dry run of every synthesized stack in cdktf.out, offline, with fake
 * credentials. It shows what each template would create without an AWS account. It is not a
 * real plan of your account: `cdktf diff <stack>` is.
 *
 * Usage: npm run synth && npm run plan [-- <stack> ...]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planStackDir, PlanResult, TerraformMissingError } from "./plan/harness";
import { renderTable } from "./lib/table";

const CONCURRENCY = 2; // this project's machines have 2 cores

interface Row {
  stack: string;
  result?: PlanResult;
  error?: Error;
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
  console.log(`Planning ${stacks.length} stack(s) offline (dry run, fake credentials)...`);
  const rows: Row[] = stacks.map((stack) => ({ stack }));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      const started = Date.now();
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
            r.error ? "FAILED" : "ok",
          ];
        }),
      ),
  );
  if (rows.some((r) => r.error)) process.exit(1);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
