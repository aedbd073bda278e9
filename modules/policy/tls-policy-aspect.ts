/**
 * The rule pack as a cdktf Aspect: `Aspects.of(stack).add(new TlsPolicyChecks())`, or
 * `TlsPolicyChecks.applyTo(app)` for every stack of an app, runs every rule over the stack's
 * Terraform JSON at synth and puts each finding on the construct that made
 * the resource, as an annotation: an error for an unsuppressed error finding (synth fails), a
 * warning for a warning, info for a suppressed finding (with its reason). The rules and the
 * JSON they read are the same as `npm run check`'s, so both ways in agree.
 *
 * cdktf invokes aspects from each stack down, so an aspect added to the App itself is never
 * invoked: add it to the stacks (applyTo does). The rules run among the stack's validations,
 * after every aspect, so they see the final JSON; an app synthesized with `skipValidation`
 * skips them (`npm run check` over the output does not).
 */
import { Annotations, Aspects, IAspect, TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { checkConfig, TLS_RULES } from "./rule-pack";
import { parseTerraformConfig } from "./terraform-config";
import { Finding, PolicyRule } from "./types";

export interface TlsPolicyChecksProps {
  /**
   * The rules to run.
   * @default every rule of the pack (TLS_RULES)
   */
  readonly rules?: readonly PolicyRule[];
}

export class TlsPolicyChecks implements IAspect {
  private readonly rules: readonly PolicyRule[];
  private readonly checked = new WeakSet<TerraformStack>();

  constructor(props: TlsPolicyChecksProps = {}) {
    this.rules = props.rules ?? TLS_RULES;
  }

  /** Adds one TlsPolicyChecks to every stack under `scope` (an App or a stack); returns it. */
  static applyTo(scope: IConstruct, props: TlsPolicyChecksProps = {}): TlsPolicyChecks {
    const checks = new TlsPolicyChecks(props);
    for (const c of scope.node.findAll()) {
      if (TerraformStack.isStack(c)) Aspects.of(c).add(checks);
    }
    return checks;
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.checked.has(node)) return;
    this.checked.add(node);
    const stack = node;
    // Aspects run from the stack down, so the stack is visited before aspects of its children
    // (monitorAll's alarms, allowLegacyTls's suppressions) have changed anything. Validations run
    // after every aspect: read the JSON there. The validation itself reports nothing; the
    // annotations do (an error annotation fails synth).
    stack.node.addValidation({
      validate: () => {
        this.check(stack);
        return [];
      },
    });
  }

  private check(stack: TerraformStack): void {
    const json = JSON.parse(JSON.stringify(stack.toTerraform()));
    const findings = checkConfig(parseTerraformConfig(json, stack.node.path), this.rules);
    if (findings.length === 0) return;
    const byAddress = new Map<string, IConstruct>();
    for (const c of stack.node.findAll()) {
      if (c instanceof TerraformResource) {
        byAddress.set(`${c.terraformResourceType}.${c.friendlyUniqueId}`, c);
      }
    }
    for (const f of findings) annotate(byAddress.get(f.address) ?? stack, f);
  }
}

/** The annotation text of a finding: `[TLS004] message (address)`. */
export function annotationText(f: Finding): string {
  const text = `[${f.ruleId}] ${f.message} (${f.address})`;
  return f.suppressed === undefined ? text : `${text} suppressed: ${f.suppressed}`;
}

function annotate(scope: IConstruct, f: Finding): void {
  const a = Annotations.of(scope);
  if (f.suppressed !== undefined) a.addInfo(annotationText(f));
  else if (f.level === "error") a.addError(annotationText(f));
  else a.addWarning(annotationText(f));
}
