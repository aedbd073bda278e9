// `cdktf-aws-tls new`, from the sources: the example list it reads, the files it writes, its
// usage errors. The packed package (bin, tarball, synth, plan) is __tests__/cli/packed-package.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App, Testing } from "cdktf";
import { CDKTN_VERSION } from "../../cli/cdktn";
import { main } from "../../cli/cdktf-aws-tls";
import { ExampleIndexError, parseExampleIndex } from "../../cli/example-index";
import {
  appFiles,
  appNameOf,
  findExample,
  findPackageRoot,
  PackageError,
  readExamples,
  readPackage,
  stackFileSource,
  UsageError,
  wrap,
  writeApp,
} from "../../cli/new-app";
import { examples } from "../../examples";

const root = path.join(__dirname, "..", "..");
const exampleNames = Object.keys(examples);
const readMain = (folder: string) =>
  fs.readFileSync(path.join(root, "examples", folder, "main.ts"), "utf8");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-cli-new-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let dirs = 0;
const freshDir = () => path.join(tmp, `case-${++dirs}`);

/** Runs the command in-process against this checkout; its exit code and output. */
function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: tmp,
    packageRoot: root,
  });
  return { code, stdout, stderr };
}

describe("the examples it knows: examples/index.ts, read as text", () => {
  test("the same names, in the same order, as the loaded module", () => {
    expect(readExamples(root).map((e) => e.name)).toEqual(exampleNames);
  });

  test("each function named registers, in an app, the stacks its entry registers", async () => {
    for (const entry of readExamples(root)) {
      const module = await import(path.join(root, "examples", entry.folder, "main"));
      expect(typeof module[entry.functionName]).toBe("function");
      const ids = (register: (app: App) => unknown) => {
        const app = Testing.app();
        register(app);
        return app.node.children.map((c) => c.node.id).sort();
      };
      const viaFunction = ids((app) => module[entry.functionName](app));
      expect(viaFunction).toContain(entry.name);
      expect(viaFunction).toEqual(ids((app) => examples[entry.name](app)));
    }
  });

  test("aliases, shorthand keys and comments", () => {
    const source = [
      'import { one as first, two } from "./one-folder/main";',
      "// import { ghost } from './ghost/main';",
      'import { three } from "./three/main"; /* a comment: with, commas */',
      "export const examples: Readonly<Record<string, (s: X) => Y>> = {",
      '  "one-folder": first, // the first',
      "  two,",
      "  'three': three,",
      "};",
    ].join("\n");
    expect(parseExampleIndex(source)).toEqual([
      { name: "one-folder", folder: "one-folder", functionName: "one" },
      { name: "two", folder: "one-folder", functionName: "two" },
      { name: "three", folder: "three", functionName: "three" },
    ]);
  });

  test("an entry may be an adapter around the function: arrows, calls, nested brackets", () => {
    const source = [
      'import { splitDns } from "./split-dns/main";',
      'import { other, helper } from "./other/main";',
      "export const examples = {",
      '  "split-dns": (scope) => splitDns(scope).validation,',
      '  other: (scope, x = { a: [1, 2] }) => { return other(scope, "}", `,${x}`)[0]; },',
      "};",
    ].join("\n");
    expect(parseExampleIndex(source)).toEqual([
      { name: "split-dns", folder: "split-dns", functionName: "splitDns" },
      { name: "other", folder: "other", functionName: "other" },
    ]);
  });

  test("an entry must use exactly one function of a main; no entry is an error too", () => {
    expect(() => parseExampleIndex("export const examples = { a: missing };")).toThrow(
      new ExampleIndexError(
        '"a" must use exactly one function imported from "./<folder>/main", got none in "missing"',
      ),
    );
    expect(() =>
      parseExampleIndex(
        'import { a, b } from "./a/main";\nexport const examples = { a: (s) => [a(s), b(s)] };',
      ),
    ).toThrow(/"a" must use exactly one function .*, got a, b in/);
    expect(() => parseExampleIndex("export const examples = { a: a, ")).toThrow(
      /the `examples` object is not closed/,
    );
    expect(() => parseExampleIndex("export const examples = {};")).toThrow(/lists no example/);
    expect(() => parseExampleIndex("export const others = {};")).toThrow(
      /no `export const examples/,
    );
    expect(() =>
      parseExampleIndex('import { a } from "./a/main";\nexport const examples = { a() {} };'),
    ).toThrow(/cannot read the entry "a\(\) \{\}"/);
  });
});

describe("the stack file: the example's main.ts, pointed at the package", () => {
  const alb = findExample(readExamples(root), "alb-https");
  const original = readMain("alb-https");
  const written = stackFileSource(original, alb);

  test("imports the package, not ../../stacks, and leaves runApp to main.ts", () => {
    expect(written).toContain(
      'import { AlbHttpsStack, AlbHttpsStackProps } from "cdktf-aws-tls/stacks";',
    );
    expect(written).not.toContain("../");
    expect(written).not.toContain("require.main");
    expect(written).not.toMatch(/\brunApp\b/);
  });

  test("config and the function are the example's, character for character", () => {
    const from = original.indexOf("export const STACK_NAME");
    const to = original.indexOf("if (require.main");
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    expect(written).toContain(original.slice(from, to).trimEnd());
  });

  test("the header says how the file was written, instead of how to copy it by hand", () => {
    expect(written.split("\n").slice(0, 3)).toEqual([
      "// Template: an HTTPS listener on an existing Application Load Balancer, with an HTTP:80 -> HTTPS",
      "// redirect, a second domain served by SNI and Route 53 alias records. Written by",
      "// `cdktf-aws-tls new alb-https` from the package's examples/alb-https/main.ts: edit `config` below.",
    ]);
    expect(written).not.toContain("Copy this folder");
  });

  test.each(exampleNames)("%s: converts, with only package imports left", (name) => {
    const entry = findExample(readExamples(root), name);
    const out = stackFileSource(readMain(entry.folder), entry);
    const specifiers = [...out.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(specifiers).toContain("cdktf-aws-tls/stacks");
    for (const s of specifiers) expect(s).not.toMatch(/^\.\.\//);
    expect(out).not.toContain("require.main");
    expect(out).toContain(`export const STACK_NAME = "${name}";`);
    // Lines it writes fit in 100 columns; a longer one is the example's own (a long ARN).
    const original = readMain(entry.folder).split("\n");
    const long = out.split("\n").filter((line) => line.length > 100);
    for (const line of long) expect(original).toContain(line);
  });

  const entry = { name: "x", folder: "x", functionName: "x" };
  const source = (body: string) =>
    `${body}\nexport const config: XProps = {};\nexport function x(scope: unknown) { return scope; }\n`;

  test("../../modules becomes the package root; runApp stays when the file still uses it", () => {
    const out = stackFileSource(
      source(
        'import { ValidationError } from "../../modules";\n' +
          'import { runApp, X } from "../../stacks";\n' +
          "export const run = () => runApp(() => undefined);\n" +
          "if (require.main === module) runApp((app) => x(app));",
      ),
      entry,
    );
    expect(out).toContain('import { ValidationError } from "cdktf-aws-tls";');
    expect(out).toContain('import { runApp, X } from "cdktf-aws-tls/stacks";');
    expect(out).not.toContain("require.main");
  });

  test("an import the package does not export is a packaging error that names it", () => {
    expect(() =>
      stackFileSource(
        source('import { AlbHttpsStack } from "../../stacks/alb-https-stack";'),
        entry,
      ),
    ).toThrow(
      new PackageError(
        'examples/x/main.ts imports "../../stacks/alb-https-stack": an app can import only ' +
          '"cdktf-aws-tls" and "cdktf-aws-tls/stacks" (or files of the example\'s own folder)',
      ),
    );
  });

  test("an example without one typed config above its function is a packaging error", () => {
    const fn = "export function x(scope: unknown) { return scope; }\n";
    for (const inputs of ["", "export const config = {};\n", "const config: XProps = {};\n"]) {
      expect(() => stackFileSource(inputs + fn, entry)).toThrow(
        new PackageError(
          "examples/x/main.ts must export its inputs as one typed object: " +
            "`export const config: <Props> = {`",
        ),
      );
    }
    expect(() => stackFileSource("export const config: XProps = {};\n", entry)).toThrow(
      /must export function x/,
    );
    expect(() => stackFileSource(`${fn}export const config: XProps = {};\n`, entry)).toThrow(
      /`config` must come before x/,
    );
  });

  test("a multi-line require.main block is refused rather than half removed", () => {
    expect(() =>
      stackFileSource(source('if (require.main === module) {\n  console.log("x");\n}'), entry),
    ).toThrow(/require.main entry point must be one line/);
  });

  test("an import left with no name goes, line and all; the rest of the file is untouched", () => {
    const body = "const text = `a\n\n\n\nb`;\nexport const run = () => text;";
    const out = stackFileSource(
      source(
        'import { runApp } from "../../stacks";\n' +
          `${body}\nif (require.main === module) runApp((app) => x(app));`,
      ),
      entry,
    );
    expect(out).toBe(
      `${body}\nexport const config: XProps = {};\nexport function x(scope: unknown) { return scope; }\n`,
    );
  });

  test("a stacks import that no longer fits on one line is printed one name a line", () => {
    const names = ["AVeryLongStackName", "AVeryLongStackNameProps", "AnotherLongName", "Fourth"];
    const out = stackFileSource(
      source(
        `import { ${names.join(", ")}, runApp } from "../../stacks";\n` +
          "if (require.main === module) runApp((app) => x(app));",
      ),
      entry,
    );
    expect(out).toContain(
      "import {\n  AVeryLongStackName,\n  AVeryLongStackNameProps,\n  AnotherLongName,\n" +
        '  Fourth,\n} from "cdktf-aws-tls/stacks";',
    );
  });
});

describe("wrap", () => {
  test("fills lines up to the width, prefixes them, never breaks a code span", () => {
    expect(wrap("aa bb `cc dd` ee", 10, "- ", "  ")).toEqual(["- aa bb", "  `cc dd`", "  ee"]);
    expect(wrap("a verylongword b", 5)).toEqual(["a", "verylongword", "b"]);
    expect(wrap("", 10)).toEqual([]);
  });
});

describe("appNameOf: the app's package name from its directory", () => {
  test.each([
    ["/x/my-app", "my-app"],
    ["/x/My App", "my-app"],
    ["/x/.hidden", "hidden"],
    ["/x/ÄÖ", "cdktf-app"],
    ["./rel/app_1.v2", "app_1.v2"],
  ])("%s -> %s", (dir, name) => expect(appNameOf(dir)).toBe(name));
});

describe("the package it ships in", () => {
  test("found from cli/ (and so from dist/cli/), with the versions the repository pins", () => {
    expect(findPackageRoot(path.join(root, "cli"))).toBe(root);
    const pkg = readPackage(root);
    const dev = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
      .devDependencies as Record<string, string>;
    expect(pkg.pins).toEqual({
      cdktf: dev.cdktf,
      "cdktf-cli": dev["cdktf-cli"],
      constructs: dev.constructs,
      "@cdktf/provider-aws": dev["@cdktf/provider-aws"],
      typescript: dev.typescript,
      tsx: dev.tsx,
      "@types/node": dev["@types/node"],
    });
    // The versions the README documents for the CDKTF route.
    expect(pkg.pins.cdktf).toBe("0.21.0");
    expect(pkg.pins["@cdktf/provider-aws"]).toBe("20.1.0");
  });

  test("a pin that is a range, or missing, is a packaging error naming it", () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    const write = (dev: object) =>
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "cdktf-aws-tls", version: "1.0.0", devDependencies: dev }),
      );
    write({ cdktf: "^0.21.0" });
    expect(() => readPackage(dir)).toThrow(
      new PackageError(
        `cdktf-aws-tls's package.json must pin devDependencies["cdktf"] to an exact version ` +
          `(x.y.z), got "^0.21.0"`,
      ),
    );
    write({});
    expect(() => readPackage(dir)).toThrow(/devDependencies\["cdktf"\].*got undefined/);
  });
});

describe("the files of an app", () => {
  const pkg = readPackage(root);

  test.each(exampleNames)("%s: the app's own files, then the example's other files", (name) => {
    const files = appFiles(pkg, findExample(readExamples(root), name), { appName: "a" });
    const paths = files.map((f) => f.path);
    expect(paths.slice(0, 7)).toEqual([
      "package.json",
      "cdktf.json",
      "tsconfig.json",
      "main.ts",
      `${name}.ts`,
      "README.md",
      ".gitignore",
    ]);
    expect(new Set(paths).size).toBe(paths.length);
    const folder = path.join(root, "examples", name);
    const others = (fs.readdirSync(folder, { recursive: true }) as string[])
      .filter((p) => fs.statSync(path.join(folder, p)).isFile())
      .filter((p) => p !== "main.ts" && p !== "README.md")
      .map((p) => p.split(path.sep).join("/"))
      .sort();
    expect(paths.slice(7)).toEqual(others);
  });

  test("package.json pins the versions; cdktf.json runs main.ts with tsx", () => {
    const files = appFiles(pkg, findExample(readExamples(root), "alb-https"), {
      appName: "my-app",
      projectId: "00000000-0000-4000-8000-000000000000",
    });
    const content = (p: string) => JSON.parse(String(files.find((f) => f.path === p)?.content));
    expect(content("package.json")).toEqual({
      name: "my-app",
      version: "0.1.0",
      private: true,
      description: "cdktf app from the cdktf-aws-tls example alb-https",
      scripts: {
        synth: "cdktf synth",
        diff: "cdktf diff",
        deploy: "cdktf deploy",
        destroy: "cdktf destroy",
        typecheck: "tsc",
      },
      engines: { node: ">=20.9" },
      dependencies: {
        "@cdktf/provider-aws": "20.1.0",
        cdktf: "0.21.0",
        "cdktf-aws-tls": "0.1.0",
        constructs: "10.7.2",
      },
      devDependencies: {
        "@types/node": "20.19.43",
        "cdktf-cli": "0.21.0",
        tsx: "4.23.15",
        typescript: "5.9.3",
      },
    });
    expect(content("cdktf.json")).toEqual({
      language: "typescript",
      app: "npx tsx main.ts",
      projectId: "00000000-0000-4000-8000-000000000000",
      sendCrashReports: "false",
      terraformProviders: [],
      terraformModules: [],
      context: {},
    });
    // cdktf init's TypeScript settings: CommonJS, so node10 resolution, which is what needs
    // the package's typesVersions.
    expect(content("tsconfig.json").compilerOptions).toMatchObject({
      module: "CommonJS",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    });
    expect(String(files.find((f) => f.path === "main.ts")?.content)).toContain(
      'import { runApp } from "cdktf-aws-tls/stacks";\nimport { albHttps } from "./alb-https";\n\n' +
        "runApp((app) => {\n  albHttps(app);\n});\n",
    );
  });

  test("--cdktn: the cdktn alias, its CLI and the provider-aws override", () => {
    const files = appFiles(pkg, findExample(readExamples(root), "alb-https"), {
      appName: "my-app",
      cdktn: true,
      packageSpec: "file:../cdktf-aws-tls-0.1.0.tgz",
    });
    const json = JSON.parse(String(files.find((f) => f.path === "package.json")?.content));
    expect(CDKTN_VERSION).toBe("0.24.0");
    expect(json.dependencies).toEqual({
      "@cdktf/provider-aws": "20.1.0",
      cdktf: "npm:cdktn@0.24.0",
      "cdktf-aws-tls": "file:../cdktf-aws-tls-0.1.0.tgz",
      constructs: "10.7.2",
    });
    expect(json.devDependencies).toEqual({
      "@types/node": "20.19.43",
      "cdktn-cli": "0.24.0",
      tsx: "4.23.15",
      typescript: "5.9.3",
    });
    expect(json.overrides).toEqual({ "@cdktf/provider-aws": { cdktf: "$cdktf" } });
    expect(json.scripts.synth).toBe("cdktn synth");
    const readme = String(files.find((f) => f.path === "README.md")?.content);
    expect(readme).toContain("needs Node >= 22.19");
  });

  test("the README says what to edit and where the example's own README is", () => {
    const files = appFiles(pkg, findExample(readExamples(root), "imported-certificate"), {
      appName: "certs",
    });
    const readme = String(files.find((f) => f.path === "README.md")?.content);
    expect(readme).toMatch(/^# certs\n/);
    expect(readme).toContain("**`imported-certificate.ts`, its `config`**");
    expect(readme).toContain("node_modules/cdktf-aws-tls/examples/imported-certificate/README.md");
    expect(readme).toContain("`test-pems/private-key.pem`");
    expect(readme.split("\n").every((line) => line.length <= 100)).toBe(true);
  });
});

describe("writeApp: a new or empty directory, unless --force", () => {
  const files = [
    { path: "a.txt", content: "new" },
    { path: "sub/run.sh", content: "#!/bin/sh\n", mode: 0o755 },
  ];

  test("creates the directory and the files, with their modes", () => {
    const dir = freshDir();
    writeApp(dir, files);
    expect(fs.readFileSync(path.join(dir, "a.txt"), "utf8")).toBe("new");
    expect(fs.statSync(path.join(dir, "sub/run.sh")).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(dir, "a.txt")).mode & 0o777).toBe(0o644);
  });

  test("refuses a directory that holds anything, and changes nothing in it", () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "a.txt"), "mine");
    expect(() => writeApp(dir, files)).toThrow(UsageError);
    expect(() => writeApp(dir, files)).toThrow(/is not empty \(a\.txt\).*--force/);
    expect(fs.readdirSync(dir)).toEqual(["a.txt"]);
    expect(fs.readFileSync(path.join(dir, "a.txt"), "utf8")).toBe("mine");
  });

  test("--force replaces files of the same name and leaves the others", () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "a.txt"), "mine");
    fs.writeFileSync(path.join(dir, "keep.txt"), "kept");
    writeApp(dir, files, true);
    expect(fs.readFileSync(path.join(dir, "a.txt"), "utf8")).toBe("new");
    expect(fs.readFileSync(path.join(dir, "keep.txt"), "utf8")).toBe("kept");
  });

  test("a path that is a file is refused", () => {
    const file = path.join(tmp, "plain-file");
    fs.writeFileSync(file, "x");
    expect(() => writeApp(file, files, true)).toThrow(/exists and is not a directory/);
  });
});

describe("the command: exit codes and messages", () => {
  test("--help prints the usage and every example, exit 0", () => {
    const r = run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cdktf-aws-tls new <example> <dir>/);
    for (const name of exampleNames) expect(r.stdout).toContain(name);
    expect(r.stderr).toBe("");
  });

  test.each([
    [[], "no command given"],
    [["init"], 'unknown command "init"'],
    [["new"], "new needs an example name and a <dir>"],
    [["new", "alb-https"], "new needs a <dir> after the example name"],
    [["new", "alb-https", "a", "b"], 'unexpected argument "b"'],
    [["new", "alb-https", "a", "--verbose"], 'unknown option "--verbose"'],
    [["new", "alb-https", "a", "--package-spec"], "--package-spec needs a value"],
  ])("%j: exit 2, %s, then the usage", (argv, message) => {
    const r = run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cdktf-aws-tls: ${message}`);
    expect(r.stderr).toContain("Usage: cdktf-aws-tls new");
    expect(r.stdout).toBe("");
  });

  test("an unknown example: exit 2, naming every known one, nothing written", () => {
    const dir = freshDir();
    const r = run("new", "alb-http", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `cdktf-aws-tls: unknown example "alb-http"; the examples are: ${exampleNames.join(", ")}`,
    );
    expect(fs.existsSync(dir)).toBe(false);
  });

  test("writes the app into a new directory, relative to the working directory; exit 0", () => {
    const r = run("new", "nlb-tls", "apps/my-nlb", "--package-spec=file:../x.tgz");
    expect(r.code).toBe(0);
    const dir = path.join(tmp, "apps", "my-nlb");
    expect(fs.readdirSync(dir).sort()).toEqual([
      ".gitignore",
      "README.md",
      "cdktf.json",
      "main.ts",
      "nlb-tls.ts",
      "package.json",
      "tsconfig.json",
    ]);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(json.name).toBe("my-nlb");
    expect(json.dependencies["cdktf-aws-tls"]).toBe("file:../x.tgz");
    expect(r.stdout).toContain(`Wrote ${dir}: the nlb-tls example as an app on cdktf 0.21.0.`);
    expect(r.stdout).toContain("  cd apps/my-nlb\n");
    // A --package-spec was given: no note about the unpublished package.
    expect(r.stdout).not.toContain("not on the npm registry");
  });

  test("a non-empty directory: exit 2 and untouched; with --force, written", () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "package.json"), "{}");
    const refused = run("new", "alb-https", dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not empty (package.json)");
    expect(fs.readFileSync(path.join(dir, "package.json"), "utf8")).toBe("{}");
    const forced = run("new", "alb-https", dir, "--force", "--cdktn");
    expect(forced.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(json.dependencies.cdktf).toBe("npm:cdktn@0.24.0");
    // The package is private (not on the registry) and no --package-spec was given.
    expect(forced.stdout).toContain("cdktf-aws-tls 0.1.0 is not on the npm registry");
  });

  test("a package whose examples/index.ts is missing: exit 1 with the reason", () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    let stderr = "";
    const code = main(["--help"], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      packageRoot: dir,
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `cdktf-aws-tls: ${path.join(dir, "examples", "index.ts")} is missing from the package\n`,
    );
  });
});
