/**
 * The examples the package ships, read from its own `examples/index.ts` when the command runs:
 * an example added there (its folder, its import, its entry in `examples`) is one that
 * `cdktf-aws-tls new` can write, with nothing to update here.
 *
 * The file is read as text, not loaded: loading it would load every stack and the provider
 * bindings (seconds, and the peers installed), only to learn some names. Its shape is fixed by
 * `__tests__/examples.test.ts` (one folder per entry, the entry named after the folder) and by
 * the test of this file, which compares what is read here with the loaded module.
 */

/** One example: what the user types, where it lives, what its main.ts exports. */
export interface ExampleEntry {
  /** The key in `examples`: the name users pass to `new`, also the stack name. */
  readonly name: string;
  /** The folder under `examples/` whose `main.ts` defines it. */
  readonly folder: string;
  /** The function that `main.ts` exports: `(scope, props = config) => stack`. */
  readonly functionName: string;
}

/** `examples/index.ts` does not have the shape this reader knows. */
export class ExampleIndexError extends Error {
  constructor(message: string) {
    super(`examples/index.ts: ${message}`);
    this.name = "ExampleIndexError";
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The source without its comments (the file has no strings that hold comment markers). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
}

/** `{ a, b as c }` from `./<folder>/main`: local name -> the folder and the exported name. */
function importsFromMains(source: string): Map<string, { folder: string; exported: string }> {
  const imports = new Map<string, { folder: string; exported: string }>();
  const pattern = /import\s*\{([^}]*)\}\s*from\s*["']\.\/([^"'/]+)\/main["']/g;
  for (const [, names, folder] of source.matchAll(pattern)) {
    for (const spec of names.split(",").map((s) => s.trim())) {
      if (spec === "") continue;
      const [exported, local = exported] = spec.split(/\s+as\s+/).map((s) => s.trim());
      imports.set(local, { folder, exported });
    }
  }
  return imports;
}

/** The entries of the `examples` object literal: key -> the local name it maps to. */
function recordEntries(source: string): Array<{ key: string; local: string }> {
  const start = /export\s+const\s+examples\b[\s\S]*?=\s*\{/.exec(source);
  if (!start) throw new ExampleIndexError("no `export const examples = { ... }`");
  const bodyStart = start.index + start[0].length;
  const bodyEnd = source.indexOf("}", bodyStart);
  if (bodyEnd < 0) throw new ExampleIndexError("the `examples` object is not closed");
  const entries: Array<{ key: string; local: string }> = [];
  for (const raw of source.slice(bodyStart, bodyEnd).split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const pair = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z_$][\w$]*))\s*:\s*([A-Za-z_$][\w$]*)$/.exec(
      entry,
    );
    if (pair) entries.push({ key: pair[1] ?? pair[2] ?? pair[3], local: pair[4] });
    else if (IDENTIFIER.test(entry)) entries.push({ key: entry, local: entry });
    else throw new ExampleIndexError(`cannot read the entry ${JSON.stringify(entry)}`);
  }
  return entries;
}

/**
 * Every example of an `examples/index.ts` source, in its order. Throws ExampleIndexError when an
 * entry maps to something not imported from `./<folder>/main`, or when there is none.
 */
export function parseExampleIndex(source: string): ExampleEntry[] {
  const code = stripComments(source);
  const imports = importsFromMains(code);
  const examples = recordEntries(code).map(({ key, local }) => {
    const imported = imports.get(local);
    if (!imported) {
      throw new ExampleIndexError(
        `"${key}" maps to ${local}, which is not imported from "./<folder>/main"`,
      );
    }
    return { name: key, folder: imported.folder, functionName: imported.exported };
  });
  if (examples.length === 0) throw new ExampleIndexError("`examples` lists no example");
  return examples;
}
