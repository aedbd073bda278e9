import * as fs from "node:fs";
import * as path from "node:path";
import { Testing } from "cdktf";
import { examples } from "../examples";
import { parse } from "./support/synth";

const root = path.join(__dirname, "..", "examples");
const folders = fs
  .readdirSync(root, { withFileTypes: true })
  // A stack example is a folder with a main.ts; examples/pipelines holds CI definitions instead.
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, "main.ts")))
  .map((e) => e.name)
  .sort();

describe("every example", () => {
  test("every example folder is registered in the app, and nothing else is", () => {
    expect(Object.keys(examples).sort()).toEqual(folders);
  });

  test.each(folders)(
    "%s: has a README and a main.ts whose stack is named after the folder",
    (folder) => {
      expect(fs.existsSync(path.join(root, folder, "README.md"))).toBe(true);
      // Every example is planned, not only synthesized.
      expect(fs.existsSync(path.join(__dirname, "plan", `${folder}.test.ts`))).toBe(true);
      const main = fs.readFileSync(path.join(root, folder, "main.ts"), "utf8");
      expect(main).toContain(`export const STACK_NAME = "${folder}";`);
      // Copyable: one project import path to change at most.
      const projectImports = [...main.matchAll(/from "(\.\.?\/[^"]+)"/g)].map((m) => m[1]);
      expect(new Set(projectImports).size).toBeLessThanOrEqual(1);
      expect(main).not.toMatch(/from "@cdktf\/provider-aws"/);
    },
  );

  test.each(folders)(
    "%s: synthesizes with validations on, with no credentials or skip flags",
    (folder) => {
      const stack = examples[folder](Testing.app());
      expect(stack.node.id).toBe(folder);
      const json = Testing.synth(stack, true);
      const out = parse(json);
      expect(Object.keys(out.json.resource ?? {}).length).toBeGreaterThan(0);
      expect(json).not.toMatch(
        /access_key|secret_key|skip_credentials_validation|skip_requesting_account_id|skip_metadata_api_check/,
      );
      for (const cert of out.list("aws_acm_certificate")) {
        expect(cert.lifecycle).toEqual({ create_before_destroy: true });
      }
    },
  );
});
