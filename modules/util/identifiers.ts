import { IConstruct } from "constructs";
import { show, ValidationError } from "./errors";

/**
 * Names a user chooses that become Terraform identifiers (output names, resource names, construct
 * ids that end up in addresses). Terraform accepts an identifier made of letters, digits,
 * underscores and hyphens that starts with a letter or an underscore (Terraform language docs,
 * "Identifiers"); anything else fails at `terraform init`/`validate`, long after synth.
 */
const TERRAFORM_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Throws unless `value` is a valid Terraform identifier of at most `maxLength` characters. */
export function checkTerraformIdentifier(
  scope: IConstruct,
  property: string,
  value: unknown,
  maxLength = 64,
): asserts value is string {
  if (typeof value !== "string" || !TERRAFORM_IDENTIFIER.test(value) || value.length > maxLength) {
    throw new ValidationError(
      scope,
      `${property} becomes a Terraform identifier, so it must be 1-${maxLength} letters, digits, "_" or "-", ` +
        `starting with a letter or "_", got ${show(value)}`,
    );
  }
}

/**
 * Throws when two user names map to the same derived identifier, naming both; or when one maps to
 * an identifier in `reserved` (the names of the stack's own children), naming what holds it.
 * `derive` is how a name becomes its identifiers (one, or several such as a construct id and its
 * output names), for example `(n) => [n, \`${n}_certificate_arn\`]`.
 */
export function checkDistinctIdentifiers(
  scope: IConstruct,
  property: string,
  names: readonly string[],
  derive: (name: string) => string | readonly string[],
  reserved: Readonly<Record<string, string>> = {},
): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const derived = derive(name);
    for (const id of typeof derived === "string" ? [derived] : derived) {
      const owner = reserved[id];
      if (owner !== undefined) {
        throw new ValidationError(
          scope,
          `${property} ${show(name)} would become ${show(id)}, which ${owner} already uses; choose another name`,
        );
      }
      const previous = seen.get(id);
      if (previous !== undefined && previous !== name) {
        throw new ValidationError(
          scope,
          `${property} ${show(previous)} and ${show(name)} both become ${show(id)}; choose names that differ`,
        );
      }
      if (previous === name) {
        throw new ValidationError(
          scope,
          `${property} ${show(name)} is given twice; names must be unique`,
        );
      }
      seen.set(id, name);
    }
  }
}
