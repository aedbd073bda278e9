/**
 * A small YAML emitter for the pipeline definitions: block mappings and sequences, scalars plain
 * when that is unambiguous (YAML 1.1 and 1.2 alike) and double-quoted otherwise, multi-line
 * strings as literal blocks (`|`), comments above keys. It writes what GitHub Actions and GitLab
 * CI read, in the layout Prettier keeps as it is, so the generated files pass `prettier --check`.
 *
 * There is no YAML library among this project's dependencies, and none is added for this: the
 * pipelines are typed objects (./definitions.ts) and the files are their rendering. The test
 * (__tests__/scripts/pipelines.test.ts) parses the files back with Prettier's YAML parser and
 * compares the values with the objects.
 */

export type YamlScalar = string | number | boolean | null;
export type YamlValue = YamlScalar | readonly YamlValue[] | YamlMap | Annotated;
export interface YamlMap {
  readonly [key: string]: YamlValue | undefined;
}

/** A value with a comment above its key (or sequence item), and optionally a blank line. */
export class Annotated {
  constructor(
    readonly value: YamlValue,
    readonly comment?: string,
    readonly blankLineBefore = false,
  ) {}
}

/** `value` with `# comment` lines above it. */
export const commented = (comment: string, value: YamlValue) => new Annotated(value, comment);
/** `value` with an empty line above it (and above its comment, if any). */
export const spaced = (value: YamlValue, comment?: string) =>
  value instanceof Annotated
    ? new Annotated(value.value, comment ?? value.comment, true)
    : new Annotated(value, comment, true);

/** The value without its annotations, as a YAML parser reads it back. */
export function plainValue(value: YamlValue): unknown {
  if (value instanceof Annotated) return plainValue(value.value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as YamlMap)) {
      if (v !== undefined) out[k] = plainValue(v);
    }
    return out;
  }
  return value;
}

// YAML 1.1 booleans and nulls, 1.2 core schema numbers and special floats: never plain.
const RESERVED =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const NUMBER_LIKE = /^[-+]?(?:\.?\d|\.(?:inf|Inf|INF|nan|NaN|NAN)$)|^0[box]/;
const PLAIN_START = /^[A-Za-z0-9_$./(]/;

/** True when `s` reads back as the same string unquoted, in a block context. */
export function isPlainSafe(s: string): boolean {
  return (
    s.length > 0 &&
    PLAIN_START.test(s) &&
    !RESERVED.test(s) &&
    !NUMBER_LIKE.test(s) &&
    s === s.trim() &&
    !/[\n\t"'`\\]/.test(s) &&
    !s.includes(": ") &&
    !s.includes(" #") &&
    !s.endsWith(":")
  );
}

// Keys: identifiers, dotted names, job names with spaces. `on` (GitHub's trigger key) is read as
// the string "on" by YAML 1.2 parsers (GitHub's among them).
const PLAIN_KEY = /^[A-Za-z0-9_.$][A-Za-z0-9_.$/ -]*$/;
const renderKey = (k: string) =>
  PLAIN_KEY.test(k) && k === k.trim() && !k.includes(" #") ? k : quote(k);

/**
 * A quoted scalar, with the quotes Prettier picks: double, unless the string holds more double
 * than single quotes (and nothing that needs an escape), then single (`'` doubled inside).
 */
function quote(s: string): string {
  const doubles = (s.match(/"/g) ?? []).length;
  const singles = (s.match(/'/g) ?? []).length;
  // eslint-disable-next-line no-control-regex
  const needsEscape = /[\u0000-\u001f\u007f]/.test(s);
  if (!needsEscape && doubles > singles) return `'${s.replaceAll("'", "''")}'`;
  return JSON.stringify(s);
}

function renderScalar(v: YamlScalar): string {
  if (v === null) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return isPlainSafe(v) ? v : quote(v);
}

/** A literal block body for a multi-line string, or undefined when it cannot be one. */
function literalBlock(s: string): { indicator: string; lines: string[] } | undefined {
  if (!s.includes("\n")) return undefined;
  const trailing = /\n*$/.exec(s)![0].length;
  if (trailing > 1) return undefined;
  const body = trailing === 1 ? s.slice(0, -1) : s;
  const lines = body.split("\n");
  if (/^\s/.test(lines[0]) || lines.some((l) => /\s$/.test(l) || l.includes("\t"))) {
    return undefined;
  }
  return { indicator: trailing === 1 ? "|" : "|-", lines };
}

const isMap = (v: unknown): v is YamlMap =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Annotated);

function commentLines(comment: string | undefined, pad: string): string[] {
  if (!comment) return [];
  return comment.split("\n").map((l) => (l ? `${pad}# ${l}` : `${pad}#`));
}

/** The text after `key:` or `-`: on the same line, or the following lines. */
function renderValue(value: YamlValue, indent: number): { inline?: string; block?: string[] } {
  const v = value instanceof Annotated ? value.value : value;
  if (Array.isArray(v)) {
    if (v.length === 0) return { inline: "[]" };
    return { block: renderSequence(v, indent) };
  }
  if (isMap(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined);
    if (keys.length === 0) return { inline: "{}" };
    return { block: renderMap(v, indent) };
  }
  if (v instanceof Annotated) return renderValue(v.value, indent);
  if (typeof v === "string") {
    const lit = literalBlock(v);
    if (lit) {
      const pad = " ".repeat(indent);
      return {
        inline: lit.indicator,
        block: lit.lines.map((l) => (l === "" ? "" : `${pad}${l}`)),
      };
    }
  }
  return { inline: renderScalar(v as YamlScalar) };
}

function renderMap(map: YamlMap, indent: number): string[] {
  const pad = " ".repeat(indent);
  const out: string[] = [];
  for (const [key, raw] of Object.entries(map)) {
    if (raw === undefined) continue;
    if (raw instanceof Annotated) {
      if (raw.blankLineBefore && out.length > 0) out.push("");
      out.push(...commentLines(raw.comment, pad));
    }
    const { inline, block } = renderValue(raw, indent + 2);
    out.push(
      inline !== undefined ? `${pad}${renderKey(key)}: ${inline}` : `${pad}${renderKey(key)}:`,
    );
    if (block) out.push(...block);
  }
  return out;
}

function renderSequence(items: readonly YamlValue[], indent: number): string[] {
  const pad = " ".repeat(indent);
  const out: string[] = [];
  for (const raw of items) {
    if (raw instanceof Annotated) {
      if (raw.blankLineBefore && out.length > 0) out.push("");
      out.push(...commentLines(raw.comment, pad));
    }
    const item = raw instanceof Annotated ? raw.value : raw;
    if (isMap(item) && Object.values(item).some((x) => x !== undefined)) {
      const first = Object.values(item).find((x) => x !== undefined);
      if (first instanceof Annotated && (first.comment || first.blankLineBefore)) {
        throw new Error("the first key of a mapping in a sequence cannot carry a comment");
      }
      const lines = renderMap(item, indent + 2);
      out.push(`${pad}- ${lines[0].slice(indent + 2)}`, ...lines.slice(1));
    } else if (Array.isArray(item) && item.length > 0) {
      throw new Error("a sequence directly inside a sequence is not supported");
    } else {
      const { inline, block } = renderValue(item, indent + 2);
      out.push(`${pad}- ${inline}`);
      if (block) out.push(...block);
    }
  }
  return out;
}

/** The YAML document for `value` (a mapping), with `header` as comment lines on top. */
export function toYaml(value: YamlMap, header?: string): string {
  const lines = [...commentLines(header, ""), ...(header ? [""] : []), ...renderMap(value, 0)];
  return `${lines.join("\n")}\n`;
}
