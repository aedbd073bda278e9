/** `npm run report`: stdout or --out, and bad input answered like `npm run check`. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runReport } from "../../scripts/report";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-report-test-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const STACK = {
  provider: { aws: [{ region: "eu-west-1" }] },
  resource: {
    aws_acm_certificate: {
      c: {
        domain_name: "example.com",
        validation_method: "EMAIL",
        lifecycle: { create_before_destroy: true },
      },
    },
  },
};

test("writes Markdown to stdout, or to --out", () => {
  const file = path.join(tmp, "stacks", "web", "cdk.tf.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(STACK));
  const r = runReport([tmp]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(
    "| web | `aws_acm_certificate.c` | example.com | public | email | eu-west-1 | nothing | no | RSA_2048 |",
  );
  expect(r.stdout).toContain("## Guardrail findings: 0 error(s), 1 warning(s), 0 suppressed");
  const out = path.join(tmp, "report.md");
  expect(runReport([tmp, "--out", out])).toEqual({ code: 0, stdout: `wrote ${out}\n`, stderr: "" });
  expect(fs.readFileSync(out, "utf8")).toBe(r.stdout);
});

test.each([
  [["/no/such/dir"], /^report: \/no\/such\/dir does not exist\n$/],
  [["--format", "x"], /^report: unknown option "--format"/],
])("bad input %j: exit 2, one line", (argv, message) => {
  expect(runReport(argv)).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(message) });
});

test("malformed JSON: exit 2", () => {
  const file = path.join(tmp, "x.tf.json");
  fs.writeFileSync(file, "{");
  const r = runReport([file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/x\.tf\.json is not valid JSON/);
});
