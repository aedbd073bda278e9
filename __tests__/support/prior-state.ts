/**
 * A Terraform state (format 4) built from a creation plan, as if that plan had been applied:
 * the state a rotation test plans against. Values known at plan are kept; values only known
 * after apply are filled in:
 *  - an argument that is one reference (`${aws_x.y.attr}`) takes the referenced resource's
 *    filled value, so the chain certificate -> validation -> listener stays consistent;
 *  - a validation record's name, type and value are picked out of the certificate's
 *    `domain_validation_options` by domain name, as the record's own expression does;
 *  - `domain_validation_options` holds one CNAME per wildcard-stripped name, derived from the
 *    name alone: ACM gives the same record for a name in one account, whatever the certificate;
 *  - anything else gets a placeholder of its schema type (`terraform providers schema -json`).
 * The test that re-plans an unchanged stack against this state and expects no change at all is
 * what shows the state is faithful.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { providerSchemas, SchemaBlock } from "../../scripts/plan/harness";
import { PlanResult, ResourceChange } from "./plan";

const AWS = "registry.terraform.io/hashicorp/aws";
const ACCOUNT = "111111111111";

function digest(text: string, length = 32): string {
  return crypto.createHash("sha256").update(text).digest("hex").slice(0, length);
}

function uuid(text: string): string {
  const h = digest(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** ACM's DNS validation record for a wildcard-stripped name: one per name and account. */
export function acmRecordFor(name: string): { name: string; value: string } {
  return {
    name: `_${digest(`name|${ACCOUNT}|${name}`)}.${name}.`,
    value: `_${digest(`value|${ACCOUNT}|${name}`)}.acm-validations.aws.`,
  };
}

const SERVICE_OF: Record<string, string> = {
  aws_acm_certificate: "acm:{region}:{account}:certificate/{uuid}",
  aws_lb_listener:
    "elasticloadbalancing:{region}:{account}:listener/app/web/0123456789abcdef/{hex16}",
  aws_lb_listener_certificate:
    "elasticloadbalancing:{region}:{account}:listener/app/web/0123456789abcdef/{hex16}",
  aws_cloudfront_distribution: "cloudfront::{account}:distribution/E{HEX13}",
  aws_acmpca_certificate_authority: "acm-pca:{region}:{account}:certificate-authority/{uuid}",
};

type Json = any;

interface Context {
  readonly address: string;
  readonly type: string;
  readonly region: string;
  readonly after: Json;
}

function placeholderArn(ctx: Context): string {
  const form =
    SERVICE_OF[ctx.type] ??
    `${ctx.type.replace(/^aws_/, "").replace(/_/g, "-")}:{region}:{account}:{uuid}`;
  return `arn:aws:${form
    .replace("{region}", ctx.region)
    .replace("{account}", ACCOUNT)
    .replace("{uuid}", uuid(ctx.address))
    .replace("{hex16}", digest(ctx.address, 16))
    .replace("{HEX13}", digest(ctx.address, 13).toUpperCase())}`;
}

function domainValidationOptions(after: Json): Json[] {
  const names: string[] = [after.domain_name, ...(after.subject_alternative_names ?? [])];
  return [...new Set(names)].map((domainName) => {
    const record = acmRecordFor(domainName.replace(/^\*\./, ""));
    return {
      domain_name: domainName,
      resource_record_name: record.name,
      resource_record_type: "CNAME",
      resource_record_value: record.value,
    };
  });
}

/** A placeholder of a Terraform type, named after the attribute where the name says more. */
function placeholder(type: Json, attribute: string, ctx: Context): Json {
  if (type === "string") {
    if (attribute === "arn" || (attribute === "id" && ctx.type === "aws_acm_certificate")) {
      return placeholderArn(ctx);
    }
    return `${attribute}-${digest(`${ctx.address}.${attribute}`, 12)}`;
  }
  if (type === "number") return 0;
  if (type === "bool") return false;
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, Json];
    if (kind === "list" || kind === "set") return [];
    if (kind === "map") return {};
    if (kind === "object") {
      return Object.fromEntries(
        Object.entries(inner as Record<string, Json>).map(([k, t]) => [k, placeholder(t, k, ctx)]),
      );
    }
  }
  return null;
}

function fillAttribute(value: Json, mask: Json, type: Json, attribute: string, ctx: Context): Json {
  // Known names with unknown records (the usual case) or wholly unknown: derived either way.
  if (ctx.type === "aws_acm_certificate" && attribute === "domain_validation_options") {
    return domainValidationOptions(ctx.after);
  }
  if (mask === true) return placeholder(type, attribute, ctx);
  if (Array.isArray(mask) && Array.isArray(value) && Array.isArray(type)) {
    const inner = type[1];
    return value.map((v, i) => fillAttribute(v, mask[i], inner, attribute, ctx));
  }
  if (mask && typeof mask === "object" && value && typeof value === "object") {
    const fields: Record<string, Json> = Array.isArray(type) ? (type[1] ?? {}) : {};
    const out = { ...value };
    for (const [k, m] of Object.entries(mask))
      out[k] = fillAttribute(value[k], m, fields[k], k, ctx);
    return out;
  }
  return value;
}

function fillBlock(value: Json, mask: Json, block: SchemaBlock, ctx: Context): Json {
  if (!mask || typeof mask !== "object" || !value) return value;
  const out = { ...value };
  for (const [key, m] of Object.entries(mask as Record<string, Json>)) {
    const attribute = block.attributes?.[key];
    const nested = block.block_types?.[key];
    if (attribute) out[key] = fillAttribute(value[key], m, attribute.type, key, ctx);
    else if (nested) {
      if (m === true) out[key] = nested.nesting_mode === "single" ? null : [];
      else if (Array.isArray(m) && Array.isArray(value[key])) {
        out[key] = value[key].map((v: Json, i: number) => fillBlock(v, m[i], nested.block, ctx));
      } else out[key] = fillBlock(value[key], m, nested.block, ctx);
    }
  }
  return out;
}

const PURE_REFERENCE = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/;
const RECORD_FIELD =
  /^\$\{one\(distinct\(\[for o in ([a-z0-9_]+\.[A-Za-z0-9_-]+)\.domain_validation_options : o\.(resource_record_\w+) if trimprefix\(o\.domain_name, "\*\."\) == "([^"]+)"\]\)\)\}$/;

/**
 * The state's `sensitive_attributes` for a plan's `after_sensitive` mask. Without them a re-plan
 * shows an update that only changes sensitivity.
 */
function sensitivePaths(mask: Json, prefix: Json[] = []): Json[][] {
  if (mask === true) return [prefix];
  if (Array.isArray(mask)) {
    return mask.flatMap((m, i) =>
      sensitivePaths(m, [...prefix, { type: "index", value: { value: i, type: "number" } }]),
    );
  }
  if (mask && typeof mask === "object") {
    return Object.entries(mask).flatMap(([k, m]) =>
      sensitivePaths(m, [...prefix, { type: "get_attr", value: k }]),
    );
  }
  return [];
}

/** Every resource address `config` refers to. */
function referencesIn(config: Json, addresses: ReadonlySet<string>): string[] {
  const text = JSON.stringify(config);
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g)) {
    const address = `${m[1]}.${m[2]}`;
    if (addresses.has(address)) found.add(address);
  }
  return [...found];
}

/**
 * The state a creation plan leaves once applied. `created` must come from `planStack` on a stack
 * with no prior state.
 */
export async function priorStateFromPlan(created: PlanResult): Promise<object> {
  const schemas = await providerSchemas(created.stackDir);
  const resourceSchemas = schemas.provider_schemas[AWS].resource_schemas;
  const stackJson = JSON.parse(
    fs.readFileSync(path.join(created.stackDir, "cdk.tf.json"), "utf8"),
  ) as Json;
  const configOf = (address: string): Json => {
    const [type, name] = address.split(".");
    return stackJson.resource?.[type]?.[name] ?? {};
  };
  const changes = new Map<string, ResourceChange>(
    created.resourceChanges
      .filter((c) => c.change.actions.join() === "create")
      .map((c) => [c.address, c]),
  );
  const addresses = new Set(changes.keys());
  const providerConfig = created.plan.configuration?.provider_config ?? {};
  const rootResources = created.plan.configuration?.root_module?.resources ?? [];
  const providerKeyOf = (address: string): string =>
    rootResources.find((r) => r.address === address)?.provider_config_key ?? "aws";
  const regionOfKey = (key: string): string =>
    ((providerConfig[key]?.expressions as Json)?.region?.constant_value as string) ?? "eu-west-1";

  const filled = new Map<string, Json>();
  const valueOf = (address: string): Json => {
    const done = filled.get(address);
    if (done) return done;
    const change = changes.get(address);
    if (!change) throw new Error(`prior state: ${address} is not created by the plan`);
    const ctx: Context = {
      address,
      type: change.type,
      region: regionOfKey(providerKeyOf(address)),
      after: change.change.after,
    };
    const config = configOf(address);
    const mask = { ...(change.change.after_unknown ?? {}) } as Json;
    const after = { ...(change.change.after ?? {}) } as Json;
    // Arguments that are one reference, or a pick out of validation options, are resolved
    // from the referenced resource's filled values; the rest of the unknowns get placeholders.
    const resolve = (expression: Json): Json => {
      if (typeof expression !== "string") return undefined;
      const ref = PURE_REFERENCE.exec(expression);
      if (ref && addresses.has(`${ref[1]}.${ref[2]}`))
        return valueOf(`${ref[1]}.${ref[2]}`)[ref[3]];
      const pick = RECORD_FIELD.exec(expression);
      if (pick && addresses.has(pick[1])) {
        const options = valueOf(pick[1]).domain_validation_options as Json[];
        const option = options.find((o) => o.domain_name.replace(/^\*\./, "") === pick[3]);
        return option?.[pick[2]];
      }
      return undefined;
    };
    for (const [key, expression] of Object.entries(config)) {
      if (mask[key] === undefined || mask[key] === false) continue;
      if (Array.isArray(expression)) {
        // A list of references: wholly unknown, or unknown element by element.
        const elementMask = mask[key];
        if (elementMask !== true && !Array.isArray(elementMask)) continue;
        if (Array.isArray(elementMask) && elementMask.length !== expression.length) continue;
        const values = expression.map((e, i) =>
          elementMask === true || elementMask[i] === true ? resolve(e) : after[key][i],
        );
        if (values.every((v: Json) => v !== undefined)) {
          after[key] = values;
          delete mask[key];
        }
      } else {
        const value = resolve(expression);
        if (value !== undefined) {
          after[key] = value;
          delete mask[key];
        }
      }
    }
    const schema = resourceSchemas[change.type];
    const attributes = fillBlock(after, mask, schema.block, ctx);
    if (change.type === "aws_acm_certificate" && attributes.id !== attributes.arn) {
      attributes.id = attributes.arn;
    }
    filled.set(address, attributes);
    return attributes;
  };

  const dependencies = new Map<string, Set<string>>();
  const dependenciesOf = (address: string): Set<string> => {
    const known = dependencies.get(address);
    if (known) return known;
    const all = new Set<string>();
    dependencies.set(address, all);
    for (const ref of referencesIn(configOf(address), addresses)) {
      all.add(ref);
      for (const indirect of dependenciesOf(ref)) all.add(indirect);
    }
    return all;
  };

  const resources = [...changes.values()].map((change) => {
    const key = providerKeyOf(change.address);
    const alias = key.includes(".") ? `.${key.split(".")[1]}` : "";
    return {
      mode: "managed",
      type: change.type,
      name: change.name,
      provider: `provider["${AWS}"]${alias}`,
      instances: [
        {
          schema_version: resourceSchemas[change.type].version,
          attributes: valueOf(change.address),
          sensitive_attributes: sensitivePaths(change.change.after_sensitive),
          dependencies: [...dependenciesOf(change.address)].sort(),
        },
      ],
    };
  });
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "00000000-0000-4000-8000-000000000000",
    outputs: {},
    resources,
  };
}
