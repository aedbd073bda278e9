/**
 * `npm run report`: the TLS inventory of synthesized stacks as Markdown (a table per
 * certificate, a Mermaid diagram, the Private CA cost line, the guardrail findings), fit to post
 * as a pull-request comment. Reads what `npm run check` reads; writes to stdout, or to a file
 * with `--out`. Exit code 0, or 2 for bad input (one line on stderr). Findings do not change the
 * exit code: `npm run check` is the gate.
 *
 * Usage: npm run report -- [path ...] [--out report.md]
 */
import * as fs from "node:fs";
import { CheckInputError, filesOf, loadConfig } from "./check";
import { inventoryMarkdown } from "../modules/policy/inventory";
import { checkConfig } from "../modules/policy/rule-pack";

export interface ReportResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runReport(argv: readonly string[]): ReportResult {
  try {
    const paths: string[] = [];
    let out: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === "--out") {
        out = argv[++i];
        if (!out) throw new CheckInputError("--out needs a file name");
      } else if (a.startsWith("--out=")) out = a.slice("--out=".length);
      else if (a.startsWith("-")) {
        throw new CheckInputError(
          `unknown option ${JSON.stringify(a)}; usage: report [path ...] [--out file.md]`,
        );
      } else paths.push(a);
    }
    const configs = (paths.length > 0 ? paths : ["cdktf.out"])
      .flatMap(filesOf)
      .map((f) => loadConfig(f).config);
    const markdown = inventoryMarkdown(
      configs,
      configs.flatMap((c) => checkConfig(c)),
    );
    if (out === undefined) return { code: 0, stdout: markdown, stderr: "" };
    fs.writeFileSync(out, markdown);
    return { code: 0, stdout: `wrote ${out}\n`, stderr: "" };
  } catch (e) {
    if (e instanceof CheckInputError || (e instanceof Error && "code" in e)) {
      return { code: 2, stdout: "", stderr: `report: ${e.message}\n` };
    }
    throw e;
  }
}

if (require.main === module) {
  const result = runReport(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
