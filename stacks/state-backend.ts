/**
 * Remote state from the environment: every stack keeps its state in S3 when `TF_STATE_BUCKET`
 * and `TF_STATE_REGION` are set, and in a local file otherwise (the default of `npm run synth`
 * and of CI, where none of the variables is set).
 *
 * The variables (names are fixed: pipelines set them):
 *  - `TF_STATE_BUCKET`: the state bucket. Checked with the general purpose bucket naming rules
 *    (`modules/util/s3-bucket-name.ts`); a legacy us-east-1 bucket whose name breaks them (upper
 *    case, `_`) needs the explicit `backend` prop of the stack instead.
 *  - `TF_STATE_REGION`: the bucket's region. Required with the bucket: Terraform could fall back
 *    on `AWS_REGION`, but that is the region of the deployment, not of the bucket, and a state
 *    written to the wrong place is found by nobody.
 *  - `TF_STATE_KEY_PREFIX`: optional, prepended to every state key.
 *  - `TF_STATE_KMS_KEY_ID`: optional, the KMS key (id, alias or ARN) S3 encrypts the state with;
 *    without it, `encrypt = true` uses the bucket's S3-managed key (SSE-S3).
 *  - `TF_STATE_LOCK_TABLE`: optional, a DynamoDB lock table instead of the S3 lock file.
 *
 * Decisions:
 *  - An empty variable is unset: CI systems pass empty strings for variables they do not define.
 *    A value of spaces is not empty: it is checked, and rejected.
 *  - A half configuration is a synth error, never a silent local backend: the region, prefix,
 *    KMS key or lock table without the bucket, or the bucket without the region.
 *  - The state key is `<prefix><stack name>/terraform.tfstate`. The stack name is the stack's
 *    construct id, which is unique in an app, so every stack of one app has its own state and
 *    lock file, and the stack's own directory in the bucket. The prefix is normalised: leading
 *    slashes dropped (S3 strips them, and Terraform rejects a key that starts with "/"), exactly
 *    one trailing slash added; a prefix of slashes alone is no prefix.
 *  - `encrypt = true` always: an imported certificate's private key is in the state
 *    (aws_acm_certificate.private_key), and Terraform writes state in plain JSON
 *    (https://developer.hashicorp.com/terraform/language/v1.11.x/manage-sensitive-data).
 *  - Locking: exactly one mechanism. `use_lockfile = true` (S3 lock file `<key>.tflock`,
 *    Terraform >= 1.10: hashicorp/terraform#35661, changelog entry #35845; generally available in
 *    1.11, #36338) unless `TF_STATE_LOCK_TABLE` names a DynamoDB table. The S3 backend docs mark
 *    `dynamodb_table` deprecated (https://developer.hashicorp.com/terraform/language/backend/s3,
 *    "State Locking"), and Terraform 1.11.4 warns at init: `The parameter "dynamodb_table" is
 *    deprecated. Use parameter "use_lockfile" instead.` The table stays supported for teams
 *    that still run Terraform < 1.10 against the same state.
 *  - cdktf 0.21's `S3BackendConfig` has no `useLockfile`, so it is written with an override on
 *    the backend (`use_lockfile`, the S3 backend's own argument name).
 *  - The variables are read once, when a stack is constructed, and only when the stack is given
 *    no `backend`: an explicit backend wins and the variables are then not read at all.
 */
import { LocalBackend, S3Backend, TerraformBackend, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { checkKmsKey } from "../modules/util/kms-key";
import { isRegionCode } from "../modules/util/arn";
import { show, ValidationError } from "../modules/util/errors";
import { checkS3BucketName } from "../modules/util/s3-bucket-name";

/** The environment variables that configure the S3 backend. */
export const STATE_BACKEND_VARIABLES = {
  bucket: "TF_STATE_BUCKET",
  region: "TF_STATE_REGION",
  keyPrefix: "TF_STATE_KEY_PREFIX",
  kmsKeyId: "TF_STATE_KMS_KEY_ID",
  lockTable: "TF_STATE_LOCK_TABLE",
} as const;

/** Where the variables are read from: `process.env`, or a plain object in tests. */
export type StateBackendEnv = Readonly<Record<string, string | undefined>>;

/** The S3 backend settings the environment asks for, validated. */
export interface S3StateSettings {
  readonly bucket: string;
  readonly region: string;
  /** `<prefix><stack name>/terraform.tfstate`. */
  readonly key: string;
  /** @default none: SSE-S3, the bucket's S3-managed key */
  readonly kmsKeyId?: string;
  /** The DynamoDB lock table. @default none: the S3 lock file (`use_lockfile`) */
  readonly lockTable?: string;
}

/** The file name at the end of every state key. */
export const STATE_FILE_NAME = "terraform.tfstate";

/** What Terraform appends to the state key for the S3 lock file. */
const LOCK_FILE_SUFFIX = ".tflock";

/** An S3 object key is at most 1,024 bytes of UTF-8 (Amazon S3 user guide, "Naming Amazon S3 objects"). */
const MAX_S3_KEY_BYTES = 1024;

// The region: an AWS region code, `isRegionCode` (modules/util/arn.ts), the shape an ARN's region
// has. Terraform checks the name against its list of known regions at init (unless
// `skip_region_validation`); this catches the typo at synth.

/**
 * DynamoDB table names: 3 to 255 characters of `a-z A-Z 0-9 _ - .` (Amazon DynamoDB developer
 * guide, "Supported data types and naming rules in Amazon DynamoDB").
 */
const DYNAMODB_TABLE = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * A key prefix: the characters the S3 user guide lists as safe in object keys (letters, digits,
 * `! - _ . * ' ( )`) and the `/` delimiter ("Object key naming guidelines",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html).
 */
const KEY_PREFIX_CHARACTERS = /^[A-Za-z0-9!_.*'()/-]+$/;

/**
 * The KMS key ids Terraform's S3 backend accepts, stricter than KMS itself: a UUID must carry an
 * RFC 4122 version (1-5) and variant (8, 9, a, b), as every KMS-generated id does, or be a
 * multi-Region `mrk-` id. Terraform 1.11 rejects, for example, the documentation's example id
 * `1234abcd-12ab-34cd-56ef-1234567890ab` at init with "Invalid KMS Key ID"
 * (https://github.com/hashicorp/terraform/blob/v1.11.4/internal/backend/remote-state/s3/validate.go,
 * `uuidRegexPattern`). Aliases and alias ARNs are accepted as they are.
 */
const TERRAFORM_KMS_KEY_ID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/** A variable's value, or undefined when it is unset or empty (CI passes empty variables). */
function valueOf(env: StateBackendEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/**
 * A key prefix as it goes in front of the stack name: no leading slash, exactly one trailing
 * slash; `""` when unset or made of slashes only. `"/team/tls//"` -> `"team/tls/"`.
 */
export function normalizeKeyPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "" : `${trimmed}/`;
}

/** The state key of a stack: `<normalised prefix><stack name>/terraform.tfstate`. */
export function stateKey(prefix: string | undefined, stackName: string): string {
  return `${normalizeKeyPrefix(prefix)}${stackName}/${STATE_FILE_NAME}`;
}

/**
 * Reads the `TF_STATE_*` variables from `env` and checks them. Undefined when none is set: the
 * stack keeps the local backend. Throws a ValidationError at `scope` naming the variable, the
 * value and what is allowed, or, for a half configuration, the variables to set or unset.
 */
export function s3StateSettingsFromEnv(
  scope: IConstruct,
  stackName: string,
  env: StateBackendEnv,
): S3StateSettings | undefined {
  const V = STATE_BACKEND_VARIABLES;
  // One read of each variable: what is checked is what is used.
  const read: Record<string, string | undefined> = {};
  for (const name of Object.values(V)) read[name] = valueOf(env, name);
  const bucket = read[V.bucket];
  const region = read[V.region];
  const keyPrefix = read[V.keyPrefix];
  const kmsKeyId = read[V.kmsKeyId];
  const lockTable = read[V.lockTable];

  if (bucket === undefined) {
    const stray = [V.region, V.keyPrefix, V.kmsKeyId, V.lockTable].filter(
      (name) => read[name] !== undefined,
    );
    if (stray.length === 0) return undefined;
    throw new ValidationError(
      scope,
      `${V.bucket} is not set, but ${stray.join(", ")} ${stray.length === 1 ? "is" : "are"} ` +
        `(${stray.map((name) => `${name}=${show(read[name])}`).join(", ")}): ` +
        `set ${V.bucket} and ${V.region} to keep the state in S3, ` +
        `or unset ${stray.join(", ")} to keep the local backend`,
    );
  }
  if (region === undefined) {
    throw new ValidationError(
      scope,
      `${V.region} must be set when ${V.bucket} is (${V.bucket}=${show(bucket)}, ` +
        `${V.region} unset or empty): set it to the AWS region of the state bucket, e.g. "eu-west-1"`,
    );
  }

  checkS3BucketName(scope, V.bucket, bucket);
  if (!isRegionCode(region)) {
    throw new ValidationError(
      scope,
      `${V.region} must be an AWS region code such as "eu-west-1" or "us-gov-west-1", got ${show(region)}`,
    );
  }
  if (keyPrefix !== undefined) checkKeyPrefix(scope, keyPrefix);
  if (kmsKeyId !== undefined) checkStateKmsKey(scope, kmsKeyId);
  if (lockTable !== undefined && !DYNAMODB_TABLE.test(lockTable)) {
    throw new ValidationError(
      scope,
      `${V.lockTable} must be a DynamoDB table name: 3 to 255 characters of letters, digits, ` +
        `"_", "-" and ".", got ${show(lockTable)}`,
    );
  }

  const key = stateKey(keyPrefix, stackName);
  // The lock file's key is the state key plus ".tflock": it must fit too.
  const maxBytes = MAX_S3_KEY_BYTES - (lockTable === undefined ? LOCK_FILE_SUFFIX.length : 0);
  const bytes = Buffer.byteLength(key, "utf8");
  if (bytes > maxBytes) {
    throw new ValidationError(
      scope,
      `the state key ${show(key)} (${V.keyPrefix} + stack name + "/${STATE_FILE_NAME}") is ` +
        `${bytes} bytes; S3 keys are at most ${MAX_S3_KEY_BYTES} bytes` +
        `${lockTable === undefined ? `, ${maxBytes} with the "${LOCK_FILE_SUFFIX}" lock file` : ""}: ` +
        `shorten ${V.keyPrefix}`,
    );
  }
  return {
    bucket,
    region,
    key,
    ...(kmsKeyId !== undefined ? { kmsKeyId } : {}),
    ...(lockTable !== undefined ? { lockTable } : {}),
  };
}

function checkKeyPrefix(scope: IConstruct, prefix: string): void {
  const name = STATE_BACKEND_VARIABLES.keyPrefix;
  if (!KEY_PREFIX_CHARACTERS.test(prefix)) {
    throw new ValidationError(
      scope,
      `${name} may contain only letters, digits, "/" and the characters ! - _ . * ' ( ), got ${show(prefix)}`,
    );
  }
  const segments = normalizeKeyPrefix(prefix).split("/").slice(0, -1);
  // Terraform rejects a state key that contains "//" (the S3 backend's key validators in
  // internal/backend/remote-state/s3/backend.go: `validateStringDoesNotContain("//")`).
  if (segments.includes("")) {
    throw new ValidationError(
      scope,
      `${name} must not contain an empty path segment ("//"), got ${show(prefix)}`,
    );
  }
  // A decision, not an S3 rule: S3 stores "." and ".." segments literally, but a prefix such as
  // "../other-team" reads as a path out of its folder, and is almost surely a mistake.
  if (segments.some((s) => s === "." || s === "..")) {
    throw new ValidationError(
      scope,
      `${name} must not contain a "." or ".." path segment, got ${show(prefix)}`,
    );
  }
}

function checkStateKmsKey(scope: IConstruct, value: string): void {
  const name = STATE_BACKEND_VARIABLES.kmsKeyId;
  // The shapes KMS accepts: key id, alias, key or alias ARN (shared with the SNS topic check).
  checkKmsKey(scope, name, value);
  const keyId = value.startsWith("arn:") ? /:key\/(.+)$/.exec(value)?.[1] : value;
  if (keyId !== undefined && !keyId.startsWith("alias/") && !TERRAFORM_KMS_KEY_ID.test(keyId)) {
    throw new ValidationError(
      scope,
      `${name} key id must be a UUID with an RFC 4122 version (1-5) and variant (8, 9, a or b), ` +
        `as KMS generates them, or a multi-Region "mrk-<32 hex digits>" id (Terraform's S3 ` +
        `backend rejects other ids at init), got ${show(value)}`,
    );
  }
}

/**
 * Creates the stack's backend from `env`: an S3 backend when `TF_STATE_BUCKET` is set (see the
 * file comment), else the local backend `terraform.<stack name>.tfstate`.
 */
export function stateBackendFromEnv(
  stack: TerraformStack,
  env: StateBackendEnv = process.env,
): TerraformBackend {
  const name = stack.node.id;
  const settings = s3StateSettingsFromEnv(stack, name, env);
  if (!settings) return new LocalBackend(stack, { path: `terraform.${name}.tfstate` });
  const backend = new S3Backend(stack, {
    bucket: settings.bucket,
    region: settings.region,
    key: settings.key,
    encrypt: true,
    kmsKeyId: settings.kmsKeyId,
    dynamodbTable: settings.lockTable,
  });
  if (settings.lockTable === undefined) backend.addOverride("use_lockfile", true);
  return backend;
}
