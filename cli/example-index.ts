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

/**
 * The top-level parts of an object literal's body, which starts at `from` (just after its `{`),
 * up to its closing `}` and split at its commas: brackets, strings and template literals are
 * taken whole, so an arrow function or a call in an entry stays one part.
 */
function splitObjectBody(source: string, from: number): string[] {
  const closing: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
  const stack: string[] = [];
  const parts: string[] = [];
  let part = "";
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      part += source.slice(i, j + 1);
      i = j;
    } else if (c in closing) {
      stack.push(closing[c]);
      part += c;
    } else if (stack.length === 0 && c === "}") {
      return [...parts, part].map((p) => p.trim()).filter((p) => p !== "");
    } else if (stack.length === 0 && c === ",") {
      parts.push(part);
      part = "";
    } else {
      if (c === stack[stack.length - 1]) stack.pop();
      part += c;
    }
  }
  throw new ExampleIndexError("the `examples` object is not closed");
}

/** The entries of the `examples` object literal: each key and the expression it maps to. */
function recordEntries(source: string): Array<{ key: string; value: string }> {
  const start = /export\s+const\s+examples\b[\s\S]*?=\s*\{/.exec(source);
  if (!start) throw new ExampleIndexError("no `export const examples = { ... }`");
  return splitObjectBody(source, start.index + start[0].length).map((entry) => {
    const pair = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z_$][\w$]*))\s*:\s*([\s\S]+)$/.exec(entry);
    if (pair) return { key: pair[1] ?? pair[2] ?? pair[3], value: pair[4] };
    if (IDENTIFIER.test(entry)) return { key: entry, value: entry };
    throw new ExampleIndexError(`cannot read the entry ${JSON.stringify(entry)}`);
  });
}

/**
 * Every example of an `examples/index.ts` source, in its order. An entry maps its name to the
 * function a main.ts exports, or to an expression that calls one (an adapter, such as
 * `(scope) => splitDns(scope).validation` for an example of several stacks): the function is
 * the one name in it imported from `./<folder>/main`. Throws ExampleIndexError when an entry
 * uses none or several, or when there is no entry.
 */
export function parseExampleIndex(source: string): ExampleEntry[] {
  const code = stripComments(source);
  const imports = importsFromMains(code);
  const examples = recordEntries(code).map(({ key, value }) => {
    const used = [...new Set(value.match(/[A-Za-z_$][\w$]*/g) ?? [])].filter((n) => imports.has(n));
    if (used.length !== 1) {
      throw new ExampleIndexError(
        `"${key}" must use exactly one function imported from "./<folder>/main", ` +
          `got ${used.length === 0 ? "none" : used.join(", ")} in ${JSON.stringify(value)}`,
      );
    }
    const imported = imports.get(used[0]) as { folder: string; exported: string };
    return { name: key, folder: imported.folder, functionName: imported.exported };
  });
  if (examples.length === 0) throw new ExampleIndexError("`examples` lists no example");
  return examples;
}
