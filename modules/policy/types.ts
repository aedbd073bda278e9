/**
 * The shapes of the TLS rule pack: a rule, its verdict on one resource, and a finding.
 *
 * A rule is a pure function of one synthesized resource (its Terraform JSON) and, for rules
 * that follow references, of the whole stack's JSON: same input, same verdict, no I/O.
 */
import { TerraformConfig, TfResource } from "./terraform-config";

/** `error` fails `npm run check` (exit 1) and synth through the Aspect; `warning` is reported only. */
export type PolicyLevel = "error" | "warning";

/** A rule's verdict on one resource. */
export type Verdict =
  | { readonly kind: "compliant" }
  | { readonly kind: "not-applicable" }
  | { readonly kind: "non-compliant"; readonly detail: string };

export const COMPLIANT: Verdict = { kind: "compliant" };
export const NOT_APPLICABLE: Verdict = { kind: "not-applicable" };
export function nonCompliant(detail: string): Verdict {
  return { kind: "non-compliant", detail };
}

export interface PolicyRule {
  /** `TLS001`, ...: stable, used in suppressions and SARIF. */
  readonly id: string;
  /** A short kebab-case name, e.g. `acm-create-before-destroy`. */
  readonly name: string;
  readonly level: PolicyLevel;
  /** One line: what is wrong. */
  readonly message: string;
  /** Why: the AWS rule or the incident behind it, with a source. */
  readonly explanation: string;
  /** The Terraform resource types the rule looks at. */
  readonly resourceTypes: readonly string[];
  /** The verdict on one resource of `resourceTypes`; `config` gives the rest of the stack. */
  evaluate(resource: TfResource, config: TerraformConfig): Verdict;
}

/** One rule's non-compliant verdict on one resource. */
export interface Finding {
  readonly ruleId: string;
  readonly level: PolicyLevel;
  /** `<type>.<name>` */
  readonly address: string;
  /** The rule's message, then the detail of this resource. */
  readonly message: string;
  /** Where the config came from: a file path or a stack name. */
  readonly source: string;
  /** The construct path (cdktf metadata), when the resource came from a cdktf app. */
  readonly constructPath?: string;
  /** Set when the resource carries a suppression for the rule: the reason given. */
  readonly suppressed?: string;
}
