/**
 * `cdktf-aws-tls new <example> <dir>`: a complete cdktf app from one of the package's examples.
 *
 * What it writes, and why each file is as it is:
 *  - `package.json`: this library and the versions it is built and tested with, read from the
 *    package's own package.json (its devDependencies are exact pins), so they never drift from
 *    what the tests prove. constructs is that pin too (10.7.2): cdktf 0.21 accepts `^10.4.2`,
 *    cdktn 0.24 `>=10.6.0 <10.8.0`, our peer range `>=10.4.2 <10.8.0`. (cdktf-cli 0.21.0 pins
 *    constructs 10.4.2 for itself, in its own node_modules; the app's copy is the one that counts.)
 *  - `cdktf.json`: `language` and `app: npx tsx main.ts`. tsx, as this repository uses: it runs
 *    TypeScript without a compile step or a tsconfig of its own, on Node 20 and later.
 *  - `tsconfig.json`: the one `cdktf init` writes for TypeScript (CommonJS, so node10 module
 *    resolution, strict, skipLibCheck), for type-checking only (`noEmit`: tsx runs the sources),
 *    with ES2022 for the target and lib instead of ES2018, since the app needs Node 20 anyway.
 *  - `main.ts`: the app, which calls `runApp` with the example's function.
 *  - `<example>.ts`: the example's main.ts, its imports pointed at the package, its own
 *    `require.main` entry point dropped (main.ts runs it). Its `config` is what to edit.
 *  - Any other file of the example's folder, at the same relative path (test PEM files).
 *  - `README.md` (what to edit, the commands) and `.gitignore`.
 * `--cdktn` writes the same app for CDK Terrain (cli/cdktn.ts has the lines).
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { CDKTN_ALIAS, CDKTN_CLI_VERSION, CDKTN_PROVIDER_OVERRIDE } from "./cdktn";
import { ExampleEntry, parseExampleIndex } from "./example-index";

/** The command was called wrongly (unknown example, non-empty directory): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The package itself is not what the command expects (a packaging bug): exit code 1. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

/** The package name users install, and the entry points an app imports. */
export const PACKAGE_NAME = "cdktf-aws-tls";

/** The exact versions an app pins, by npm package name: the package's own devDependencies. */
export const PINNED_PACKAGES = [
  "cdktf",
  "cdktf-cli",
  "constructs",
  "@cdktf/provider-aws",
  "typescript",
  "tsx",
  "@types/node",
] as const;
export type PinnedPackage = (typeof PINNED_PACKAGES)[number];

/** What the command reads of the package it ships in. */
export interface PackageInfo {
  /** The directory that holds its package.json. */
  readonly root: string;
  readonly version: string;
  /** `"private": true`: not on the npm registry, so its version alone installs nothing. */
  readonly isPrivate: boolean;
  readonly pins: Readonly<Record<PinnedPackage, string>>;
}

/** The directory of the `cdktf-aws-tls` package.json at or above `from` (dist/cli or cli/). */
export function findPackageRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      try {
        if (JSON.parse(fs.readFileSync(file, "utf8")).name === PACKAGE_NAME) return dir;
      } catch {
        // not a package.json we can read: keep looking
      }
    }
    if (path.dirname(dir) === dir) {
      throw new PackageError(`no package.json named ${PACKAGE_NAME} at or above ${from}`);
    }
  }
}

/** The package's version and its pins. Throws PackageError when a pin is missing or a range. */
export function readPackage(root: string): PackageInfo {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const dev: Record<string, string> = pkg.devDependencies ?? {};
  const pins = {} as Record<PinnedPackage, string>;
  for (const name of PINNED_PACKAGES) {
    const version = dev[name];
    if (typeof version !== "string" || !/^\d+\.\d+\.\d+$/.test(version)) {
      throw new PackageError(
        `${PACKAGE_NAME}'s package.json must pin devDependencies["${name}"] to an exact ` +
          `version (x.y.z), got ${JSON.stringify(version)}`,
      );
    }
    pins[name] = version;
  }
  return { root, version: pkg.version, isPrivate: pkg.private === true, pins };
}

/** The examples the package ships (its examples/index.ts, read now). */
export function readExamples(root: string): ExampleEntry[] {
  const file = path.join(root, "examples", "index.ts");
  if (!fs.existsSync(file)) throw new PackageError(`${file} is missing from the package`);
  return parseExampleIndex(fs.readFileSync(file, "utf8"));
}

/** One file of the app: its path relative to the app directory. */
export interface AppFile {
  readonly path: string;
  readonly content: string | Buffer;
  /** File mode bits to keep (an executable script). @default 0o644 */
  readonly mode?: number;
}

export interface NewAppOptions {
  /** `name` in the app's package.json. */
  readonly appName: string;
  /** Write the app for CDK Terrain. @default false */
  readonly cdktn?: boolean;
  /**
   * What the app's package.json asks for `cdktf-aws-tls`: a version, a range or a
   * `file:` path to a tarball. @default the package's own version
   */
  readonly packageSpec?: string;
  /** cdktf.json's projectId (cdktf-cli writes one into the file when it is missing). @default a random UUID */
  readonly projectId?: string;
}

/** Files an example's folder holds that the app writes itself, not copied. */
const EXAMPLE_OWN_FILES = new Set(["main.ts", "README.md"]);

/** An npm package name made of a directory name: lower case, `[a-z0-9._-]`, no leading dot. */
export function appNameOf(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+/, "")
    .slice(0, 214);
  return name === "" ? "cdktf-app" : name;
}

/** The header comment of an example (its leading `//` lines), as one paragraph. */
function headerOf(source: string): { text: string; lines: number } {
  const lines = source.split("\n");
  let count = 0;
  while (count < lines.length && lines[count].startsWith("//")) count++;
  const text = lines
    .slice(0, count)
    .map((l) => l.replace(/^\/\/\s?/, ""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return { text, lines: count };
}

/**
 * Wraps `text` into lines of at most `width` characters (a longer word gets a line of its own):
 * the first line starts with `first`, the others with `rest`. A `code span` is never broken.
 */
export function wrap(text: string, width: number, first = "", rest = first): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const [word] of text.matchAll(/`[^`]*`\S*|\S+/g)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  if (!empty) out.push(line);
  return out;
}

/** Wraps a paragraph into `// ` comment lines of at most 100 characters. */
function commentLines(text: string): string[] {
  return wrap(text, 100, "// ");
}

/** The sentence every example's header has for people who copy the folder by hand. */
const COPY_BY_HAND =
  /\s*Copy this folder into a cdktf project and change the import below to the package name\./;

/** An import or require of a module: the quoted specifier, and what comes before it. */
const MODULE_SPECIFIER = /(\bfrom\s*|\bimport\s*|\brequire\(\s*)(["'])([^"'\n]+)\2/g;

/** A named import from `specifier`, with its list of names. */
function namedImport(specifier: string): RegExp {
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*["']${quoted}["'];?`);
}

function printImport(names: string[], specifier: string): string {
  const oneLine = `import { ${names.join(", ")} } from "${specifier}";`;
  if (oneLine.length <= 100) return oneLine;
  return `import {\n${names.map((n) => `  ${n},\n`).join("")}} from "${specifier}";`;
}

/**
 * The example's main.ts as the app's `<example>.ts`:
 *  - `../../stacks` becomes `cdktf-aws-tls/stacks`, `../../modules` becomes `cdktf-aws-tls`;
 *    any other import out of the example's folder is a packaging bug (the package does not
 *    export deep paths), and throws PackageError;
 *  - the `if (require.main === module) ...` line goes (main.ts runs the example), and with it
 *    `runApp` from the import when nothing else uses it;
 *  - the header's "copy this folder by hand" sentence becomes what was done instead.
 */
export function stackFileSource(source: string, example: ExampleEntry): string {
  const where = `examples/${example.folder}/main.ts`;
  // The examples' convention, which the app's README relies on: the inputs are one typed
  // object, `config`, above the function that takes them as its default.
  const config = /^export const config: [A-Z][\w.]*(<[^=]*>)? = \{/m.exec(source);
  if (!config) {
    throw new PackageError(
      `${where} must export its inputs as one typed object: \`export const config: <Props> = {\``,
    );
  }
  const fn = new RegExp(`^export function ${example.functionName}\\(`, "m").exec(source);
  if (!fn) throw new PackageError(`${where} must export function ${example.functionName}`);
  if (fn.index < config.index) {
    throw new PackageError(`${where}: \`config\` must come before ${example.functionName}`);
  }
  let out = source.replace(MODULE_SPECIFIER, (_match, before: string, quote: string, spec) => {
    const target =
      spec === "../../stacks"
        ? `${PACKAGE_NAME}/stacks`
        : spec === "../../modules"
          ? PACKAGE_NAME
          : spec.startsWith("../")
            ? undefined
            : spec;
    if (target === undefined) {
      throw new PackageError(
        `${where} imports "${spec}": an app can import only "${PACKAGE_NAME}" and ` +
          `"${PACKAGE_NAME}/stacks" (or files of the example's own folder)`,
      );
    }
    return `${before}${quote}${target}${quote}`;
  });

  // One line, one whole statement: its brackets balance and it ends with `;`.
  const balanced = (line: string) =>
    line.endsWith(";") &&
    [..."({["].every((open, i) => line.split(open).length === line.split(")}]"[i]).length);
  out = out.replace(/^if \(require\.main === module\)[^\n]*\n?/gm, (line) =>
    balanced(line.trimEnd()) ? "" : line,
  );
  if (/require\.main/.test(out)) {
    throw new PackageError(`${where}: its require.main entry point must be one line`);
  }
  const stacksImport = namedImport(`${PACKAGE_NAME}/stacks`);
  const withoutImports = out.replace(/^import[\s\S]*?from\s*["'][^"']+["'];?$/gm, "");
  const found = stacksImport.exec(out);
  if (found && !/\brunApp\b/.test(withoutImports)) {
    const names = found[1]
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "" && n !== "runApp");
    out =
      names.length > 0
        ? out.replace(stacksImport, printImport(names, `${PACKAGE_NAME}/stacks`))
        : out.replace(new RegExp(`${stacksImport.source}\\n?`), "");
  }

  const header = headerOf(out);
  if (COPY_BY_HAND.test(header.text)) {
    const text = header.text.replace(
      COPY_BY_HAND,
      ` Written by \`${PACKAGE_NAME} new ${example.name}\` from the package's ${where}: ` +
        "edit `config` below.",
    );
    const rest = out.split("\n").slice(header.lines);
    out = [...commentLines(text.trim()), ...rest].join("\n");
  }
  return out.replace(/\s*$/, "\n");
}

/** The example's header without the copy-by-hand sentence and the `Template:` prefix. */
function descriptionOf(source: string): string {
  return headerOf(source)
    .text.replace(COPY_BY_HAND, "")
    .replace(/^Template:\s*/, "")
    .trim();
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function packageJson(pkg: PackageInfo, example: ExampleEntry, options: NewAppOptions): string {
  const { pins } = pkg;
  const cdktn = options.cdktn === true;
  const cli = cdktn ? "cdktn" : "cdktf";
  return json({
    name: options.appName,
    version: "0.1.0",
    private: true,
    description: `cdktf app from the ${PACKAGE_NAME} example ${example.name}`,
    scripts: {
      synth: `${cli} synth`,
      diff: `${cli} diff`,
      deploy: `${cli} deploy`,
      destroy: `${cli} destroy`,
      typecheck: "tsc",
    },
    engines: { node: ">=20.9" },
    dependencies: {
      "@cdktf/provider-aws": pins["@cdktf/provider-aws"],
      cdktf: cdktn ? CDKTN_ALIAS : pins.cdktf,
      [PACKAGE_NAME]: options.packageSpec ?? pkg.version,
      constructs: pins.constructs,
    },
    devDependencies: {
      "@types/node": pins["@types/node"],
      ...(cdktn ? { "cdktn-cli": CDKTN_CLI_VERSION } : { "cdktf-cli": pins["cdktf-cli"] }),
      tsx: pins.tsx,
      typescript: pins.typescript,
    },
    ...(cdktn ? { overrides: CDKTN_PROVIDER_OVERRIDE } : {}),
  });
}

function cdktfJson(options: NewAppOptions): string {
  return json({
    language: "typescript",
    app: "npx tsx main.ts",
    projectId: options.projectId ?? crypto.randomUUID(),
    sendCrashReports: "false",
    terraformProviders: [],
    terraformModules: [],
    context: {},
  });
}

const TSCONFIG = json({
  compilerOptions: {
    alwaysStrict: true,
    experimentalDecorators: true,
    lib: ["es2022"],
    module: "CommonJS",
    noEmit: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: "ES2022",
    skipLibCheck: true,
  },
  include: ["**/*.ts"],
  exclude: ["node_modules", "cdktf.out"],
});

const GITIGNORE = [
  "node_modules/",
  "cdktf.out/",
  ".gen/",
  ".terraform/",
  "*.tfstate",
  "*.tfstate.*",
  "cdktf.log",
  "",
].join("\n");

function mainTs(example: ExampleEntry): string {
  return [
    `// The cdktf app: synthesizes the ${example.name} stack into cdktf.out/stacks/${example.name}.`,
    `// Its inputs are \`config\` in ./${example.name}.ts. A bad input prints one \`[path] message\``,
    "// block and exits 1 (TLS_SYNTH_TRACE=1 for the stack trace).",
    `import { runApp } from "${PACKAGE_NAME}/stacks";`,
    `import { ${example.functionName} } from "./${example.name}";`,
    "",
    "runApp((app) => {",
    `  ${example.functionName}(app);`,
    "});",
    "",
  ].join("\n");
}

function readme(
  pkg: PackageInfo,
  example: ExampleEntry,
  description: string,
  options: NewAppOptions,
  extras: readonly string[],
): string {
  const cdktn = options.cdktn === true;
  const cli = cdktn ? "cdktn" : "cdktf";
  const name = example.name;
  const versions =
    `@cdktf/provider-aws ${pkg.pins["@cdktf/provider-aws"]} and ` +
    `constructs ${pkg.pins.constructs}`;
  const paragraph = (text: string) => [...wrap(text, 100), ""];
  const item = (text: string) => wrap(text, 100, "- ", "  ");
  return [
    `# ${options.appName}`,
    "",
    ...paragraph(
      `A cdktf app written by \`npx ${PACKAGE_NAME} new ${name}\` (${PACKAGE_NAME} ` +
        `${pkg.version}) from the library's \`${name}\` example: ${description}`,
    ),
    ...paragraph(
      cdktn
        ? `It runs on CDK Terrain, with ${versions}: \`cdktf\` is \`${CDKTN_ALIAS}\` (your ` +
            'code and the library keep `import ... from "cdktf"`), and the `overrides` entry ' +
            "gives @cdktf/provider-aws that same `cdktf`."
        : `It runs on cdktf ${pkg.pins.cdktf}, with ${versions}.`,
    ),
    "## What to edit",
    "",
    ...item(
      `**\`${name}.ts\`, its \`config\`**: every input of the stack. The values in it are ` +
        "placeholders (example.com zones, account 111111111111, made-up ARNs): replace each " +
        "with yours. Its type documents every field, with its default and the AWS rule behind " +
        "each check.",
    ),
    ...item(
      `\`STACK_NAME\` in \`${name}.ts\` names the stack (an example with several stacks ` +
        `derives their names from it), its directory \`cdktf.out/stacks/${name}\` and its ` +
        `Terraform state (a local \`terraform.${name}.tfstate\`, or an S3 key when ` +
        "`TF_STATE_BUCKET` and `TF_STATE_REGION` are set): choose it before the first deploy, " +
        "since a new name starts from an empty state.",
    ),
    ...item("`main.ts`: the app. Add more stacks inside `runApp`."),
    ...(extras.length > 0
      ? item(
          `Also copied from the example's folder: ${extras.map((e) => `\`${e}\``).join(", ")} ` +
            "(its README says what they are for).",
        )
      : []),
    "",
    ...paragraph(
      "The example's own README (what it creates, its inputs and outputs) is installed with " +
        `the library: \`node_modules/${PACKAGE_NAME}/examples/${example.folder}/README.md\`.`,
    ),
    "## Commands",
    "",
    "```sh",
    "npm install",
    "npm run typecheck    # tsc: type-checks the app",
    `npm run synth        # writes cdktf.out/stacks/${name}/cdk.tf.json`,
    `npx ${cli} list         # the app's stacks`,
    `npx ${cli} diff ${name}`,
    `npx ${cli} deploy ${name}`,
    "```",
    "",
    ...paragraph(
      "A bad input fails at synth with one `[construct path] message` block (set " +
        "`TLS_SYNTH_TRACE=1` for the stack trace).",
    ),
    ...(cdktn
      ? paragraph(
          `The cdktn CLI (\`cdktn-cli\` ${CDKTN_CLI_VERSION}) needs Node >= 22.19. On Node 20, ` +
            "synthesize with `npx tsx main.ts` (it writes the same `cdktf.out`) and run " +
            `Terraform in \`cdktf.out/stacks/${name}\`.`,
        )
      : []),
  ]
    .join("\n")
    .replace(/\n+$/, "\n");
}

/** Every file of the example's folder but main.ts and README.md, relative to the folder. */
function exampleExtras(folder: string): Array<{ rel: string; abs: string }> {
  const found: Array<{ rel: string; abs: string }> = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(folder, rel), { withFileTypes: true })) {
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (!(rel === "" && EXAMPLE_OWN_FILES.has(e.name))) {
        found.push({ rel: child, abs: path.join(folder, child) });
      }
    }
  };
  walk("");
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The example of that name, or a UsageError that lists the known ones. */
export function findExample(examples: readonly ExampleEntry[], name: string): ExampleEntry {
  const example = examples.find((e) => e.name === name);
  if (!example) {
    throw new UsageError(
      `unknown example ${JSON.stringify(name)}; the examples are: ` +
        examples.map((e) => e.name).join(", "),
    );
  }
  return example;
}

/** Every file of the app, in the order written. Reads the example's folder; writes nothing. */
export function appFiles(
  pkg: PackageInfo,
  example: ExampleEntry,
  options: NewAppOptions,
): AppFile[] {
  const folder = path.join(pkg.root, "examples", example.folder);
  const source = fs.readFileSync(path.join(folder, "main.ts"), "utf8");
  const extras = exampleExtras(folder);
  const files: AppFile[] = [
    { path: "package.json", content: packageJson(pkg, example, options) },
    { path: "cdktf.json", content: cdktfJson(options) },
    { path: "tsconfig.json", content: TSCONFIG },
    { path: "main.ts", content: mainTs(example) },
    { path: `${example.name}.ts`, content: stackFileSource(source, example) },
    {
      path: "README.md",
      content: readme(
        pkg,
        example,
        descriptionOf(source),
        options,
        extras.map((e) => e.rel),
      ),
    },
    { path: ".gitignore", content: GITIGNORE },
  ];
  const written = new Set(files.map((f) => f.path));
  for (const extra of extras) {
    if (written.has(extra.rel)) {
      throw new PackageError(
        `examples/${example.folder}/${extra.rel} has the name of a file the app writes itself`,
      );
    }
    files.push({
      path: extra.rel,
      content: fs.readFileSync(extra.abs),
      mode: fs.statSync(extra.abs).mode & 0o777,
    });
  }
  return files;
}

/**
 * Writes the files into `dir` (created when missing). A directory that exists and holds
 * anything is refused with a UsageError unless `force`, which replaces files of the same name
 * and leaves the others.
 */
export function writeApp(dir: string, files: readonly AppFile[], force = false): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) {
      throw new UsageError(`${dir} exists and is not a directory`);
    }
    const present = fs.readdirSync(dir);
    if (present.length > 0 && !force) {
      const shown = present.slice(0, 5).join(", ") + (present.length > 5 ? ", ..." : "");
      throw new UsageError(
        `${dir} is not empty (${shown}); choose a new or empty directory, or pass --force ` +
          "to write into it (files of the same name are replaced)",
      );
    }
  }
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
    fs.chmodSync(target, file.mode ?? 0o644);
  }
}
