/**
 * A read-only view of one Terraform JSON configuration (a synthesized `cdk.tf.json`, or HCL
 * converted to JSON): its resources by type, its AWS providers' regions and the references
 * between resources. The rules read the configuration only through this view.
 *
 * Terraform JSON syntax: https://developer.hashicorp.com/terraform/language/syntax/json
 * (top-level keys, `resource.<type>.<name>`, nested blocks as objects or arrays of objects,
 * and the `//` comment property, which Terraform ignores).
 */

/** The top-level keys of a Terraform JSON configuration file. */
export const TERRAFORM_TOP_LEVEL_KEYS: readonly string[] = [
  "//",
  "terraform",
  "provider",
  "resource",
  "data",
  "module",
  "variable",
  "output",
  "locals",
  "moved",
  "import",
  "removed",
  "check",
];

/** Thrown for JSON that is not a Terraform JSON configuration. */
export class TerraformConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerraformConfigError";
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One `resource.<type>.<name>` of the configuration. */
export interface TfResource {
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>`, the Terraform address. */
  readonly address: string;
  readonly config: JsonObject;
}

/** A reference `<type>.<name>.<attribute>` found in an expression. */
export interface TfReference {
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A nested block: Terraform JSON writes one block as an object or a one-element array. */
export function blockOf(value: unknown): JsonObject | undefined {
  if (Array.isArray(value)) return isObject(value[0]) ? value[0] : undefined;
  return isObject(value) ? value : undefined;
}

/** Every block of a repeatable nested block (`setting`, `origin`, ...). */
export function blocksOf(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** A literal string (no `${...}` interpolation), or undefined. */
export function literalString(value: unknown): string | undefined {
  return typeof value === "string" && !value.includes("${") ? value : undefined;
}

// A resource reference inside an expression; `data.` sources and `var.`/`local.` are not resources.
const REFERENCE = /(?<![\w.])(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)\.([a-z_][a-z0-9_]*)/g;

/** The resource references in an expression (every string inside `value`, recursively). */
export function referencesIn(value: unknown): TfReference[] {
  const out: TfReference[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      if (!v.includes("${")) return;
      for (const m of v.matchAll(REFERENCE)) out.push({ type: m[1], name: m[2], attribute: m[3] });
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}

/** True when `value` (an expression) references `<type>.<name>` with one of `attributes`. */
export function refersTo(
  value: unknown,
  target: TfResource,
  attributes?: readonly string[],
): boolean {
  return referencesIn(value).some(
    (r) =>
      r.type === target.type &&
      r.name === target.name &&
      (attributes === undefined || attributes.includes(r.attribute)),
  );
}

/**
 * Checks that `json` is a Terraform JSON configuration, and returns a view of it. Throws a
 * TerraformConfigError that says what is wrong otherwise.
 */
export function parseTerraformConfig(json: unknown, source: string): TerraformConfig {
  if (!isObject(json)) {
    throw new TerraformConfigError(
      `${source} is not a Terraform JSON configuration: expected an object with keys such as "resource" and "provider", got ${Array.isArray(json) ? "an array" : json === null ? "null" : typeof json}`,
    );
  }
  const keys = Object.keys(json);
  const unknown = keys.filter((k) => !TERRAFORM_TOP_LEVEL_KEYS.includes(k));
  if (unknown.length > 0 || keys.filter((k) => k !== "//").length === 0) {
    throw new TerraformConfigError(
      `${source} is not a Terraform JSON configuration: ` +
        (unknown.length > 0
          ? `unknown top-level key(s) ${unknown.map((k) => JSON.stringify(k)).join(", ")}`
          : "it has none of the Terraform top-level keys") +
        `; allowed: ${TERRAFORM_TOP_LEVEL_KEYS.filter((k) => k !== "//").join(", ")}`,
    );
  }
  const resources = json.resource ?? {};
  if (!isObject(resources)) {
    throw new TerraformConfigError(`${source}: "resource" must be an object of resource types`);
  }
  for (const [type, byName] of Object.entries(resources)) {
    if (!isObject(byName) || Object.values(byName).some((r) => blockOf(r) === undefined)) {
      throw new TerraformConfigError(
        `${source}: resource.${type} must be an object of named resources, each an object`,
      );
    }
  }
  return new TerraformConfig(json, source);
}

/** The view. Build it with {@link parseTerraformConfig}. */
export class TerraformConfig {
  private readonly byType = new Map<string, TfResource[]>();
  private readonly byAddress = new Map<string, TfResource>();
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly json: JsonObject,
    /** A file path or stack name, used in findings. */
    readonly source: string,
  ) {
    const resources = isObject(json.resource) ? json.resource : {};
    for (const [type, byName] of Object.entries(resources)) {
      if (!isObject(byName)) continue;
      const list: TfResource[] = [];
      for (const [name, body] of Object.entries(byName)) {
        const config = blockOf(body);
        if (!config) continue;
        const r: TfResource = { type, name, address: `${type}.${name}`, config };
        list.push(r);
        this.byAddress.set(r.address, r);
      }
      this.byType.set(type, list);
    }
  }

  /** Every resource of one of `types`, in document order. */
  resourcesOf(...types: string[]): TfResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** Every resource. */
  allResources(): TfResource[] {
    return [...this.byAddress.values()];
  }

  /** The resource a reference points to, when it is in this configuration. */
  resolve(ref: { type: string; name: string }): TfResource | undefined {
    return this.byAddress.get(`${ref.type}.${ref.name}`);
  }

  /**
   * The region of the AWS provider a resource uses (its `provider` field, e.g. `aws.us_east_1`,
   * or the default provider), when that provider is in the configuration with a literal region.
   */
  regionOf(resource: TfResource): string | undefined {
    const wanted = literalString(resource.config.provider);
    const [name, alias] = wanted ? wanted.split(".") : ["aws", undefined];
    const providers = isObject(this.json.provider) ? this.json.provider[name] : undefined;
    const match = blocksOf(providers).find((p) => (literalString(p.alias) ?? undefined) === alias);
    return match ? literalString(match.region) : undefined;
  }

  /** A value computed once per configuration (indexes shared by rules). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }
}
