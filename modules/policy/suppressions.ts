/**
 * Suppressions: a resource opts out of one rule with a written reason. They are stored in the
 * resource's own JSON under the comment property, which Terraform ignores
 * (https://developer.hashicorp.com/terraform/language/syntax/json#comment-properties):
 *
 *   "//": { "tls_policy_suppressions": [{ "id": "TLS009", "reason": "consumed by stack B" }] }
 *
 * so hand-written Terraform JSON and cdktf apps (through {@link suppressTlsRule}) use the same
 * record, and every check and report shows it.
 */
import { TerraformResource } from "cdktf";
import { show, ValidationError } from "../util/errors";
import { blockOf, isObject, TfResource } from "./terraform-config";

/** The key under `"//"` that holds a resource's suppressions. */
export const SUPPRESSIONS_KEY = "tls_policy_suppressions";

const RULE_ID = /^TLS\d{3}$/;

export interface Suppression {
  /** The rule id, e.g. `TLS009`. */
  readonly id: string;
  /** Why the finding does not apply here; required. */
  readonly reason: string;
}

/** A resource's suppressions, valid or not, as written. */
export function suppressionsOf(resource: TfResource): { id: unknown; reason: unknown }[] {
  const comment = blockOf(resource.config["//"]);
  const list = comment?.[SUPPRESSIONS_KEY];
  return Array.isArray(list)
    ? list.filter(isObject).map((s) => ({ id: s.id, reason: s.reason }))
    : [];
}

/** True when `reason` is a usable reason: a non-blank string. */
export function isReason(reason: unknown): reason is string {
  return typeof reason === "string" && reason.trim() !== "";
}

/**
 * Suppresses rule `id` on a cdktf resource, with a mandatory reason, by writing the record
 * above into its synthesized JSON. Throws a ValidationError for an id that is not `TLSnnn` or a
 * blank reason.
 */
export function suppressTlsRule(resource: TerraformResource, id: string, reason: string): void {
  if (typeof id !== "string" || !RULE_ID.test(id)) {
    throw new ValidationError(resource, `id must be a rule id such as "TLS009", got ${show(id)}`);
  }
  if (!isReason(reason)) {
    throw new ValidationError(
      resource,
      `reason must say why ${id} does not apply (a suppression needs a written reason), got ${show(reason)}`,
    );
  }
  const existing = SUPPRESSIONS.get(resource) ?? [];
  existing.push({ id, reason });
  SUPPRESSIONS.set(resource, existing);
  resource.addOverride(`//.${SUPPRESSIONS_KEY}`, [...existing]);
}

const SUPPRESSIONS = new WeakMap<TerraformResource, Suppression[]>();

/** True when suppressTlsRule has suppressed rule `id` on `resource`. */
export function hasSuppression(resource: TerraformResource, id: string): boolean {
  return (SUPPRESSIONS.get(resource) ?? []).some((s) => s.id === id);
}
