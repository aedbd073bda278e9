/**
 * What `npm run check` prints: table rows, machine JSON, and SARIF 2.1.0 for code-scanning UIs
 * (OASIS SARIF v2.1.0: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html;
 * `runs[].tool.driver.rules[]`, `runs[].results[]` with `ruleId`, `level`, `message.text`,
 * `locations`, and `suppressions[].justification` for a suppressed finding).
 */
import { INVALID_SUPPRESSION, isBlocking, TLS_RULES } from "./rule-pack";
import { Finding, PolicyRule } from "./types";

export const TABLE_HEADERS = ["rule", "level", "address", "message"] as const;

/** One row per finding; a suppressed one shows its level as `error (suppressed)` and its reason. */
export function findingRows(findings: readonly Finding[]): string[][] {
  return findings.map((f) => [
    f.ruleId,
    f.suppressed === undefined ? f.level : `${f.level} (suppressed)`,
    `${f.source}: ${f.address}`,
    f.suppressed === undefined ? f.message : `${f.message} [suppressed: ${f.suppressed}]`,
  ]);
}

/** Counts for the summary line. */
export function summarize(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  suppressed: number;
} {
  return {
    errors: findings.filter(isBlocking).length,
    warnings: findings.filter((f) => f.level === "warning" && f.suppressed === undefined).length,
    suppressed: findings.filter((f) => f.suppressed !== undefined).length,
  };
}

/** The `--format json` document. */
export function toJson(findings: readonly Finding[], sources: readonly string[]): object {
  return { sources, summary: summarize(findings), findings };
}

type RuleMeta = Pick<PolicyRule, "id" | "name" | "level" | "message" | "explanation">;

/** A location in a source file, when the caller knows it. */
export type LineOf = (finding: Finding) => number | undefined;

/** The `--format sarif` document: one run, every rule in the driver, one result per finding. */
export function toSarif(
  findings: readonly Finding[],
  lineOf: LineOf = () => undefined,
  rules: readonly RuleMeta[] = [...TLS_RULES, INVALID_SUPPRESSION],
): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "cdktf-aws-tls-check",
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.message },
              fullDescription: { text: r.explanation },
              help: { text: r.explanation },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        results: findings.map((f) => {
          const line = lineOf(f);
          return {
            ruleId: f.ruleId,
            ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
            level: f.level,
            message: { text: `${f.address}: ${f.message}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.source },
                  ...(line !== undefined ? { region: { startLine: line } } : {}),
                },
                logicalLocations: [{ fullyQualifiedName: f.address, kind: "resource" }],
              },
            ],
            ...(f.suppressed !== undefined
              ? { suppressions: [{ kind: "inSource", justification: f.suppressed }] }
              : {}),
          };
        }),
      },
    ],
  };
}
