/**
 * The opt-out from the constructs' refusal of weak TLS policies, for teams that must serve
 * legacy clients for a while. The constructs keep refusing, by default, what TLS 1.0/1.1 still
 * allows; `allowLegacyTls(scope, rule, reason)` turns that refusal into a synth warning for
 * constructs under `scope`, and writes a suppression of the matching rule, with the reason, on
 * the resources they create, so every `npm run check`, report and TlsPolicyChecks shows it.
 *
 * What AWS or Terraform itself rejects stays a hard error (an HTTP API with TLS_1_0, a
 * certificate in the wrong region).
 */
import { Annotations, Aspects, IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { hasSuppression, isReason, suppressTlsRule } from "./suppressions";

/** The rules a legacy opt-out covers, and the resource types each suppression goes on. */
export const LEGACY_TLS_RULES = {
  /** ELB listener `ssl_policy` that allows TLS 1.0/1.1. */
  TLS004: ["aws_lb_listener", "aws_alb_listener"],
  /** CloudFront `minimum_protocol_version` below TLS 1.2. */
  TLS005: ["aws_cloudfront_distribution"],
  /** API Gateway REST `security_policy` TLS_1_0. */
  TLS006: ["aws_api_gateway_domain_name"],
} as const;

export type LegacyTlsRule = keyof typeof LEGACY_TLS_RULES;

const OPT_OUTS = new WeakMap<IConstruct, Map<LegacyTlsRule, string>>();

/**
 * Lets constructs under `scope` (the scope itself and everything created in it later) use a weak
 * TLS policy of `rule`'s kind, with a synth warning. `reason` is mandatory and shows in every
 * check and report. Call it on the parent (a stack, or a construct that groups the legacy
 * endpoints) before creating the constructs.
 */
export function allowLegacyTls(scope: IConstruct, rule: LegacyTlsRule, reason: string): void {
  if (!(rule in LEGACY_TLS_RULES)) {
    throw new ValidationError(
      scope,
      `rule must be one of ${Object.keys(LEGACY_TLS_RULES)
        .map((r) => show(r))
        .join(", ")}, got ${show(rule)}`,
    );
  }
  if (!isReason(reason)) {
    throw new ValidationError(
      scope,
      `reason must say why weak TLS is allowed here (a legacy opt-out needs a written reason), got ${show(reason)}`,
    );
  }
  const map = OPT_OUTS.get(scope) ?? new Map<LegacyTlsRule, string>();
  map.set(rule, reason);
  OPT_OUTS.set(scope, map);
}

/** The reason of the nearest `allowLegacyTls` of `rule` on `scope` or an ancestor, if any. */
export function legacyTlsReason(scope: IConstruct, rule: LegacyTlsRule): string | undefined {
  const scopes = scope.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const reason = OPT_OUTS.get(scopes[i])?.get(rule);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/**
 * Called by a construct's check when it meets a weak policy. Returns false when no opt-out
 * covers `scope` (the caller throws, as before). Otherwise warns at synth, and suppresses `rule`
 * with the reason on the resources of the rule's types that `scope` creates.
 */
export function acceptLegacyTls(
  scope: IConstruct,
  rule: LegacyTlsRule,
  property: string,
  value: string,
): boolean {
  const reason = legacyTlsReason(scope, rule);
  if (reason === undefined) return false;
  Annotations.of(scope).addWarning(
    `${property} ${show(value)} allows TLS 1.0 or TLS 1.1; accepted by allowLegacyTls (${rule}): ${reason}`,
  );
  Aspects.of(scope).add(new SuppressOnResources(rule, reason));
  return true;
}

class SuppressOnResources implements IAspect {
  constructor(
    private readonly rule: LegacyTlsRule,
    private readonly reason: string,
  ) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    const types: readonly string[] = LEGACY_TLS_RULES[this.rule];
    if (!types.includes(node.terraformResourceType)) return;
    if (!hasSuppression(node, this.rule)) suppressTlsRule(node, this.rule, this.reason);
  }
}
