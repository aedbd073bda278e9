/**
 * Builds least-privilege IAM policy documents for deploying synthesized stacks: one for the
 * deploy role (the credentials the pipeline runs with), and one per role the stacks' providers
 * assume (`assume_role`), since what goes through such a provider runs as that role.
 *
 * Every action comes from a table of ./permissions.ts. A resource or data source type the tables
 * do not know is an error ({@link UnknownTypeError}), never a silent gap.
 */
import { awsPartition } from "../../modules/private-ca/partition";
import { STATE_BACKEND_VARIABLES, stateKey } from "../../stacks/state-backend";
import {
  blockOf,
  blocksOf,
  isObject,
  JsonObject,
  literalString,
  parseTerraformConfig,
  TerraformConfig,
} from "../../modules/policy/terraform-config";
import {
  DATA_SOURCE_PERMISSIONS,
  Grant,
  PROVIDER_PERMISSIONS,
  RESOURCE_PERMISSIONS,
  Scope,
  STATE_PERMISSIONS,
  TypePermissions,
} from "./permissions";

/** The principal of everything not reached through an assumed role. */
export const DEPLOY_ROLE = "deploy role";

/** The environment variables that configure the S3 state backend (stacks/state-backend.ts). */
export const STATE_ENV = [
  STATE_BACKEND_VARIABLES.bucket,
  STATE_BACKEND_VARIABLES.region,
  STATE_BACKEND_VARIABLES.keyPrefix,
  STATE_BACKEND_VARIABLES.kmsKeyId,
  STATE_BACKEND_VARIABLES.lockTable,
] as const;
export type StateEnv = Partial<Record<(typeof STATE_ENV)[number], string>>;

/** One synthesized stack: its name (for the state key) and its Terraform JSON. */
export interface StackJson {
  readonly name: string;
  readonly json: unknown;
  /** Where it was read from, for messages. @default the name */
  readonly source?: string;
}

export interface PolicyOptions {
  /**
   * Only what `terraform plan` (`cdktf diff`) needs: the read actions, the state read and the
   * state lock. For a pull-request role.
   * @default false
   */
  readonly readOnly?: boolean;
  /** Where the TF_STATE_* variables come from. @default {} (no state statements) */
  readonly env?: StateEnv;
}

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: PolicyStatement[];
}

/** How a type was used, for the summary. */
export interface TypeUse {
  readonly type: string;
  readonly kind: "resource" | "data";
  readonly count: number;
  /** Distinct actions emitted for it. */
  readonly actions: number;
}

export interface PolicyResult {
  readonly deployRole: PolicyDocument;
  /** Role ARN → the policy that role needs. */
  readonly assumedRoles: Readonly<Record<string, PolicyDocument>>;
  readonly types: readonly TypeUse[];
  /** Statements that could not be scoped, providers whose role is unknown, ... */
  readonly warnings: readonly string[];
  /** The notes of the table entries in use. */
  readonly notes: readonly string[];
}

/** Types the tables of ./permissions.ts do not know. */
export class UnknownTypeError extends Error {
  constructor(readonly unknown: readonly string[]) {
    super(
      `no IAM permission table entry for ${unknown.join(", ")}: add the type to ` +
        `scripts/iam-policy/permissions.ts with the actions its provider resource calls`,
    );
    this.name = "UnknownTypeError";
  }
}

/** IAM's quotas on policy size (characters, whitespace not counted). */
export const POLICY_SIZE_LIMITS = {
  /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
  managedPolicy: 6144,
  inlineRolePolicies: 10240,
} as const;

/** The size IAM counts: the JSON without whitespace outside strings. */
export function policySize(doc: PolicyDocument): number {
  return JSON.stringify(doc).length;
}

// ---------------------------------------------------------------------------------------------

interface Pending {
  readonly label: string;
  readonly action: string;
  readonly resources: Set<string>;
  readonly condition?: Record<string, Record<string, string[]>>;
}

/** Collects (principal, action, resource) triples and folds them into statements. */
class Collector {
  private readonly byPrincipal = new Map<string, Map<string, Pending>>();

  principal(principal: string): void {
    if (!this.byPrincipal.has(principal)) this.byPrincipal.set(principal, new Map());
  }

  add(
    principal: string,
    label: string,
    actions: readonly string[],
    resources: readonly string[],
    condition?: Record<string, Record<string, string[]>>,
  ): void {
    this.principal(principal);
    const entries = this.byPrincipal.get(principal)!;
    const conditionKey = condition ? JSON.stringify(condition) : "";
    for (const action of actions) {
      const key = `${label}\u0000${action}\u0000${conditionKey}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = { label, action, resources: new Set(), condition };
        entries.set(key, entry);
      }
      resources.forEach((r) => entry!.resources.add(r));
    }
  }

  principals(): string[] {
    return [...this.byPrincipal.keys()];
  }

  document(principal: string): PolicyDocument {
    const groups = new Map<
      string,
      { label: string; actions: Set<string>; resources: string[]; condition?: Pending["condition"] }
    >();
    for (const entry of this.byPrincipal.get(principal)?.values() ?? []) {
      const resources = entry.resources.has("*") ? ["*"] : [...entry.resources].sort();
      const key = [entry.label, resources.join(" "), JSON.stringify(entry.condition ?? {})].join(
        "\u0000",
      );
      let group = groups.get(key);
      if (!group) {
        group = { label: entry.label, actions: new Set(), resources, condition: entry.condition };
        groups.set(key, group);
      }
      group.actions.add(entry.action);
    }
    const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const used = new Map<string, number>();
    const Statement = sorted.map(([, g]): PolicyStatement => {
      const base = pascal(`${g.label} ${resourceKind(g.resources[0])}`);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      const statement: PolicyStatement = {
        Sid: `${base}${n > 1 ? n : ""}`,
        Effect: "Allow",
        Action: [...g.actions].sort(),
        Resource: g.resources,
      };
      return g.condition ? { ...statement, Condition: g.condition } : statement;
    });
    return { Version: "2012-10-17", Statement };
  }
}

const pascal = (label: string) =>
  label
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");

const serviceOf = (action: string) => action.split(":")[0];

/** A word for what an ARN names, for statement ids: `hostedzone`, `role`, `bucket`, ... */
function resourceKind(arn: string): string {
  if (arn === "*") return "";
  const [, , service, , , rest = ""] = arn.split(":");
  if (service === "s3") return rest.includes("/") ? "objects" : "bucket";
  if (service === "apigateway") return "domains";
  return /^[a-z-]+/.exec(rest)?.[0] ?? "";
}

// ---------------------------------------------------------------------------------------------

/** One provider configuration of a stack, as far as credentials go. */
interface ProviderCredentials {
  readonly region?: string;
  /** The literal role ARNs of its `assume_role` blocks, in order (a chain). */
  readonly chain: readonly { readonly roleArn: string; readonly block: JsonObject }[];
}

function providersOf(json: JsonObject, stack: string, warnings: string[]) {
  const out = new Map<string, ProviderCredentials>();
  const providers = isObject(json.provider) ? json.provider : {};
  for (const [name, blocks] of Object.entries(providers)) {
    for (const block of blocksOf(blocks)) {
      const alias = literalString(block.alias);
      const key = alias ? `${name}.${alias}` : name;
      const chain: { roleArn: string; block: JsonObject }[] = [];
      let unknownRole = false;
      for (const assume of blocksOf(block.assume_role)) {
        const roleArn = literalString(assume.role_arn);
        if (roleArn) chain.push({ roleArn, block: assume });
        else unknownRole = true;
      }
      if (unknownRole) {
        warnings.push(
          `${stack}: provider ${key} assumes a role that is unknown at synth; its resources are ` +
            `listed under the ${DEPLOY_ROLE}`,
        );
        chain.length = 0;
      }
      for (const k of ["assume_role_with_web_identity", "profile", "access_key"]) {
        if (block[k] !== undefined) {
          warnings.push(
            `${stack}: provider ${key} sets ${k}, so it does not run as the ${DEPLOY_ROLE}; its ` +
              `resources are listed under the ${DEPLOY_ROLE} anyway`,
          );
        }
      }
      out.set(key, { region: literalString(block.region), chain });
    }
  }
  return out;
}

/** A bucket value: a literal, or `${aws_s3_bucket.<name>.id|bucket}` of a bucket with a literal name. */
function resolveBucket(value: unknown, config: TerraformConfig): string | undefined {
  if (typeof value !== "string") return undefined;
  const literal = literalString(value);
  if (literal) return literal;
  const m = /^\$\{aws_s3_bucket\.([A-Za-z_][A-Za-z0-9_-]*)\.(id|bucket)\}$/.exec(value);
  if (!m) return undefined;
  return literalString(config.resolve({ type: "aws_s3_bucket", name: m[1] })?.config.bucket);
}

/** A zone id as the Route 53 IAM resource wants it: without a `/hostedzone/` prefix. */
const zoneIdOf = (value: unknown) => literalString(value)?.replace(/^\/?hostedzone\//, "");

interface ScopeContext {
  readonly config: TerraformConfig;
  readonly resourceConfig: JsonObject;
  readonly entry: TypePermissions;
  readonly partition: string;
  readonly address: string;
  readonly kind: "resource" | "data";
  readonly warn: (message: string) => void;
}

function scopeResources(
  scope: Scope,
  ctx: ScopeContext,
): { resources: string[]; condition?: Record<string, Record<string, string[]>> } {
  const p = ctx.partition;
  switch (scope.kind) {
    case "any":
      return { resources: ["*"] };
    case "arn":
      return { resources: scope.arns.map((a) => a.replaceAll("{partition}", p)) };
    case "hosted-zone": {
      const zone = zoneIdOf(ctx.resourceConfig.zone_id);
      if (zone) return { resources: [`arn:${p}:route53:::hostedzone/${zone}`] };
      if (ctx.kind === "resource") {
        ctx.warn(`${ctx.address}: zone_id is unknown at synth; Route 53 actions on every zone`);
      }
      return { resources: [`arn:${p}:route53:::hostedzone/*`] };
    }
    case "s3-bucket":
    case "s3-object": {
      const raw = ctx.entry.buckets?.(ctx.resourceConfig) ?? [];
      const buckets = raw.map((b) => resolveBucket(b, ctx.config));
      if (buckets.length === 0 || buckets.some((b) => b === undefined)) {
        ctx.warn(`${ctx.address}: its bucket is unknown at synth; S3 actions on every bucket`);
        return {
          resources: [scope.kind === "s3-bucket" ? `arn:${p}:s3:::*` : `arn:${p}:s3:::*/*`],
        };
      }
      return {
        resources: (buckets as string[]).map((b) =>
          scope.kind === "s3-bucket" ? `arn:${p}:s3:::${b}` : `arn:${p}:s3:::${b}/*`,
        ),
      };
    }
    case "pass-role": {
      const role = scope.attribute ? literalString(ctx.resourceConfig[scope.attribute]) : undefined;
      if (role) return { resources: [role] };
      return {
        resources: ["*"],
        condition: { StringEquals: { "iam:PassedToService": [...scope.services].sort() } },
      };
    }
  }
}

function grantApplies(grant: Grant, config: JsonObject, readOnly: boolean): boolean {
  if (readOnly && grant.phase !== "read") return false;
  return grant.when === undefined || grant.when(config);
}

/** The KMS resource (and condition) for TF_STATE_KMS_KEY_ID: a key ARN, a key id or an alias. */
function kmsResource(
  keyId: string,
  partition: string,
  region: string,
): { resources: string[]; condition?: Record<string, Record<string, string[]>> } {
  const aliasArn = /^arn:([a-z-]+):kms:([a-z0-9-]+):(\d{12}):(alias\/.+)$/.exec(keyId);
  if (keyId.startsWith("alias/") || aliasArn) {
    // A policy on an alias ARN grants nothing on the key; kms:ResourceAliases selects the key.
    const [p, r, account, alias] = aliasArn ? aliasArn.slice(1) : [partition, region, "*", keyId];
    return {
      resources: [`arn:${p}:kms:${r}:${account}:key/*`],
      condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": [alias] } },
    };
  }
  if (keyId.startsWith("arn:")) return { resources: [keyId] };
  return { resources: [`arn:${partition}:kms:${region}:*:key/${keyId}`] };
}

/**
 * The policies for deploying (or, with `readOnly`, diffing) `stacks`. Throws UnknownTypeError
 * when a type has no table entry, and TerraformConfigError for JSON that is not Terraform.
 */
export function generatePolicy(
  stacks: readonly StackJson[],
  options: PolicyOptions = {},
): PolicyResult {
  const readOnly = options.readOnly ?? false;
  const env = options.env ?? {};
  const collector = new Collector();
  collector.principal(DEPLOY_ROLE);
  const warnings: string[] = [];
  const notes = new Set<string>();
  const unknown = new Set<string>();
  const uses = new Map<
    string,
    { kind: "resource" | "data"; count: number; actions: Set<string> }
  >();

  for (const stack of stacks) {
    const source = stack.source ?? stack.name;
    const config = parseTerraformConfig(stack.json, source);
    const json = config.json;
    const providers = providersOf(json, stack.name, warnings);
    const defaultRegion = providers.get("aws")?.region;

    // Which principal a provider key runs as, and the chain that leads to it.
    const principalOf = (providerKey: string) => {
      const chain = providers.get(providerKey)?.chain ?? [];
      return chain.length > 0 ? chain[chain.length - 1].roleArn : DEPLOY_ROLE;
    };
    for (const provider of providers.values()) {
      let assumer = DEPLOY_ROLE;
      for (const { roleArn, block } of provider.chain) {
        collector.add(assumer, "sts", PROVIDER_PERMISSIONS.assumeRole, [roleArn]);
        if (block.tags !== undefined || block.transitive_tag_keys !== undefined) {
          collector.add(assumer, "sts", PROVIDER_PERMISSIONS.assumeRoleWithTags, [roleArn]);
        }
        if (block.source_identity !== undefined) {
          collector.add(assumer, "sts", PROVIDER_PERMISSIONS.assumeRoleWithSourceIdentity, [
            roleArn,
          ]);
        }
        collector.add(roleArn, "sts", PROVIDER_PERMISSIONS.credentials, ["*"]);
        assumer = roleArn;
      }
    }

    const visit = (
      kind: "resource" | "data",
      type: string,
      name: string,
      body: JsonObject,
      table: Readonly<Record<string, TypePermissions>>,
    ) => {
      const entry = Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
      if (!entry) {
        unknown.add(
          `${kind === "data" ? "data source" : "resource"} ${type} (stack ${stack.name})`,
        );
        return;
      }
      if (entry.note && (entry.noteWhen?.(body) ?? true)) notes.add(`${type}: ${entry.note}`);
      const providerKey = literalString(body.provider) ?? type.split("_")[0];
      const principal = principalOf(providerKey);
      const region = providers.get(providerKey)?.region ?? defaultRegion;
      const ctx: ScopeContext = {
        config,
        resourceConfig: body,
        entry,
        partition: awsPartition(region),
        address: `${stack.name}: ${kind === "data" ? "data." : ""}${type}.${name}`,
        kind,
        warn: (m) => warnings.push(m),
      };
      const useKey = `${kind}\u0000${type}`;
      const use = uses.get(useKey) ?? { kind, count: 0, actions: new Set<string>() };
      use.count++;
      uses.set(useKey, use);
      for (const grant of entry.grants) {
        if (!grantApplies(grant, body, readOnly)) continue;
        const { resources, condition } = scopeResources(grant.on ?? { kind: "any" }, ctx);
        for (const action of grant.actions) {
          use.actions.add(action);
          collector.add(principal, serviceOf(action), [action], resources, condition);
        }
      }
    };

    for (const r of config.allResources()) {
      visit("resource", r.type, r.name, r.config, RESOURCE_PERMISSIONS);
    }
    const data = isObject(json.data) ? json.data : {};
    for (const [type, byName] of Object.entries(data)) {
      for (const [name, raw] of Object.entries(isObject(byName) ? byName : {})) {
        const body = blockOf(raw);
        if (body) visit("data", type, name, body, DATA_SOURCE_PERMISSIONS);
      }
    }

    // A module's resources are not in this JSON: their types cannot be looked up.
    for (const name of Object.keys(isObject(json.module) ? json.module : {})) {
      unknown.add(
        `module ${name} (stack ${stack.name}; its resources are not in the stack's JSON)`,
      );
    }

    addStateStatements(collector, stack, json, env, defaultRegion, readOnly, warnings);
  }

  if (unknown.size > 0) throw new UnknownTypeError([...unknown].sort());

  for (const principal of collector.principals()) {
    collector.add(principal, "sts", PROVIDER_PERMISSIONS.credentials, ["*"]);
  }
  const assumedRoles: Record<string, PolicyDocument> = {};
  for (const principal of collector.principals().sort()) {
    if (principal !== DEPLOY_ROLE) assumedRoles[principal] = collector.document(principal);
  }
  const types = [...uses.entries()]
    .map(([key, u]) => ({
      type: key.split("\u0000")[1],
      kind: u.kind,
      count: u.count,
      actions: u.actions.size,
    }))
    .sort((a, b) =>
      a.kind !== b.kind ? (a.kind === "resource" ? -1 : 1) : a.type < b.type ? -1 : 1,
    );
  return {
    deployRole: collector.document(DEPLOY_ROLE),
    assumedRoles,
    types,
    warnings: [...new Set(warnings)],
    notes: [...notes].sort(),
  };
}

/**
 * The S3 backend's statements for the deploy role, from TF_STATE_*, as stacks/state-backend.ts
 * reads them: state key `<prefix>/<stack name>/terraform.tfstate` (its `stateKey`), its
 * `.tflock` lock file (or the
 * DynamoDB table of TF_STATE_LOCK_TABLE), the KMS key of TF_STATE_KMS_KEY_ID; and the reads of
 * other stacks' state through `data.terraform_remote_state` (cross-stack references).
 */
function addStateStatements(
  collector: Collector,
  stack: StackJson,
  json: JsonObject,
  env: StateEnv,
  defaultRegion: string | undefined,
  readOnly: boolean,
  warnings: string[],
): void {
  const bucket = env.TF_STATE_BUCKET?.trim();
  const region = env.TF_STATE_REGION?.trim() || defaultRegion;
  const p = awsPartition(region);
  const label = "terraform-state";
  if (bucket) {
    const key = stateKey(env.TF_STATE_KEY_PREFIX, stack.name);
    collector.add(DEPLOY_ROLE, label, STATE_PERMISSIONS.bucket, [`arn:${p}:s3:::${bucket}`]);
    collector.add(DEPLOY_ROLE, label, STATE_PERMISSIONS.stateRead, [
      `arn:${p}:s3:::${bucket}/${key}`,
    ]);
    if (!readOnly) {
      collector.add(DEPLOY_ROLE, label, STATE_PERMISSIONS.stateWrite, [
        `arn:${p}:s3:::${bucket}/${key}`,
      ]);
    }
    const table = env.TF_STATE_LOCK_TABLE?.trim();
    if (table) {
      collector.add(DEPLOY_ROLE, "terraform-lock", STATE_PERMISSIONS.lockTable, [
        `arn:${p}:dynamodb:${region ?? "*"}:*:table/${table}`,
      ]);
    } else {
      collector.add(DEPLOY_ROLE, "terraform-lock", STATE_PERMISSIONS.lockFile, [
        `arn:${p}:s3:::${bucket}/${key}.tflock`,
      ]);
    }
    const kmsKey = env.TF_STATE_KMS_KEY_ID?.trim();
    if (kmsKey) {
      const { resources, condition } = kmsResource(kmsKey, p, region ?? "*");
      collector.add(
        DEPLOY_ROLE,
        "terraform-state-kms",
        STATE_PERMISSIONS.kms,
        resources,
        condition,
      );
    }
  } else if (isObject(blockOf(blockOf(json.terraform)?.backend)?.s3)) {
    warnings.push(
      `${stack.name}: the stack has an S3 backend but TF_STATE_BUCKET is not set: no state ` +
        `statements (set the TF_STATE_* variables the stack was synthesized with)`,
    );
  }

  const data = isObject(json.data) ? json.data : {};
  const remote = isObject(data.terraform_remote_state) ? data.terraform_remote_state : {};
  for (const [name, raw] of Object.entries(remote)) {
    const body = blockOf(raw);
    if (!body || literalString(body.backend) !== "s3") continue;
    const cfg = blockOf(body.config) ?? {};
    const b = literalString(cfg.bucket);
    const k = literalString(cfg.key);
    const rp = awsPartition(literalString(cfg.region) ?? region);
    if (!b || !k) {
      warnings.push(
        `${stack.name}: data.terraform_remote_state.${name} names its bucket or key with an ` +
          `expression: no statement for it`,
      );
      continue;
    }
    collector.add(DEPLOY_ROLE, label, STATE_PERMISSIONS.bucket, [`arn:${rp}:s3:::${b}`]);
    collector.add(DEPLOY_ROLE, label, STATE_PERMISSIONS.remoteState, [`arn:${rp}:s3:::${b}/${k}`]);
  }
}
