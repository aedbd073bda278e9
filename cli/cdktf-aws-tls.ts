#!/usr/bin/env node
/**
 * The package's command (`bin`): `npx cdktf-aws-tls new <example> <dir>` writes a complete cdktf
 * app from one of the examples (cli/new-app.ts says what, and why). Exit codes: 0 done, 2 wrong
 * usage (the message says what to change; nothing is written), 1 anything else.
 * It loads nothing but Node's own modules: it runs before the app has installed anything.
 */
import * as path from "node:path";
import { CDKTN_ALIAS } from "./cdktn";
import {
  appFiles,
  appNameOf,
  findExample,
  findPackageRoot,
  PACKAGE_NAME,
  readExamples,
  readPackage,
  UsageError,
  wrap,
  writeApp,
} from "./new-app";

/** Where the command writes, and which package it reads; parameters so tests can watch. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative directories are resolved against it. @default process.cwd() */
  readonly cwd?: string;
  /** The package whose examples are written. @default the one this file ships in */
  readonly packageRoot?: string;
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function usage(examples: readonly string[]): string {
  return [
    `Usage: ${PACKAGE_NAME} new <example> <dir> [--cdktn] [--force] [--package-spec <spec>]`,
    "",
    "Writes a complete cdktf app into <dir> (a new or empty directory) from one of the",
    "library's examples: package.json with pinned versions, cdktf.json, tsconfig.json, main.ts,",
    "<example>.ts (the example's stack and its `config`, the values to edit) and a README.",
    "",
    ...wrap(examples.join(", "), 96, "Examples: ", "  "),
    "",
    "Options:",
    `  --cdktn                the app runs on CDK Terrain: "cdktf": "${CDKTN_ALIAS}" and the`,
    "                         override that gives @cdktf/provider-aws that cdktf",
    "  --force                write into a non-empty <dir>, replacing files of the same name",
    `  --package-spec <spec>  what package.json asks for ${PACKAGE_NAME}`,
    "                         (default: this version), e.g. file:../cdktf-aws-tls-0.1.0.tgz",
    "  -h, --help             print this text",
    "",
  ].join("\n");
}

interface Parsed {
  readonly help: boolean;
  readonly positional: string[];
  readonly cdktn: boolean;
  readonly force: boolean;
  readonly packageSpec?: string;
}

function parse(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  let help = false;
  let cdktn = false;
  let force = false;
  let packageSpec: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") help = true;
    else if (arg === "--cdktn") cdktn = true;
    else if (arg === "--force") force = true;
    else if (arg === "--package-spec" || arg.startsWith("--package-spec=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (value === undefined || value === "" || (!arg.includes("=") && value.startsWith("-"))) {
        throw new UsageError("--package-spec needs a value, e.g. --package-spec 0.1.0");
      }
      packageSpec = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    } else positional.push(arg);
  }
  return { help, positional, cdktn, force, packageSpec };
}

/** The directory to `cd` into: relative when it is below `cwd`, else absolute. */
function shownDir(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  if (relative === "") return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? target : relative;
}

/** Runs the command; returns the exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  let names: string[] = [];
  try {
    const root = io.packageRoot ?? findPackageRoot(__dirname);
    const examples = readExamples(root);
    names = examples.map((e) => e.name);
    const args = parse(argv);
    if (args.help) {
      io.stdout(usage(names));
      return EXIT_OK;
    }
    const [command, exampleName, dir, ...extra] = args.positional;
    if (command === undefined) throw new UsageError("no command given");
    if (command !== "new") throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    if (exampleName === undefined) throw new UsageError("new needs an example name and a <dir>");
    const example = findExample(examples, exampleName);
    if (dir === undefined) throw new UsageError("new needs a <dir> after the example name");
    if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);

    const pkg = readPackage(root);
    const target = path.resolve(io.cwd ?? process.cwd(), dir);
    const files = appFiles(pkg, example, {
      appName: appNameOf(target),
      cdktn: args.cdktn,
      packageSpec: args.packageSpec,
    });
    writeApp(target, files, args.force);

    const route = args.cdktn ? `CDK Terrain (cdktf = ${CDKTN_ALIAS})` : `cdktf ${pkg.pins.cdktf}`;
    const lines = [
      `Wrote ${target}: the ${example.name} example as an app on ${route}.`,
      ...files.map((f) => `  ${f.path}`),
      "",
    ];
    if (pkg.isPrivate && args.packageSpec === undefined) {
      lines.push(
        `Note: ${PACKAGE_NAME} ${pkg.version} is not on the npm registry. Point package.json at ` +
          "a packed tarball: --package-spec file:<path to cdktf-aws-tls-<version>.tgz>.",
        "",
      );
    }
    lines.push(
      "Next:",
      `  cd ${shownDir(io.cwd ?? process.cwd(), target)}`,
      "  npm install",
      `  edit config in ${example.name}.ts (README.md says what to change)`,
      args.cdktn
        ? "  npx tsx main.ts   (or npx cdktn synth on Node >= 22.19)"
        : "  npx cdktf synth",
      "",
    );
    io.stdout(lines.join("\n"));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${PACKAGE_NAME}: ${error.message}\n\n${usage(names)}`);
      return EXIT_USAGE;
    }
    io.stderr(`${PACKAGE_NAME}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
