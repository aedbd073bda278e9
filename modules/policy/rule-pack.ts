/**
 * The TLS rule pack: every rule, and the function that runs them over one configuration.
 */
import { TLS001 } from "./rules/tls001-cloudfront-certificate-region";
import { TLS002 } from "./rules/tls002-unvalidated-arn-attached";
import { TLS003 } from "./rules/tls003-acm-create-before-destroy";
import { TLS004 } from "./rules/tls004-elb-listener-ssl-policy";
import { TLS005 } from "./rules/tls005-cloudfront-minimum-protocol";
import { TLS006 } from "./rules/tls006-api-gateway-tls10";
import { TLS007 } from "./rules/tls007-validation-record-index";
import { TLS008 } from "./rules/tls008-imported-certificate-expiry-alarm";
import { TLS009 } from "./rules/tls009-public-certificate-not-in-use";
import { TLS010 } from "./rules/tls010-private-ca-acm-permission";
import { TLS011 } from "./rules/tls011-crl-bucket-public-access";
import { TLS012 } from "./rules/tls012-alb-mutual-authentication";
import { isReason, suppressionsOf } from "./suppressions";
import { blockOf, isObject, TerraformConfig } from "./terraform-config";
import { Finding, PolicyRule } from "./types";

/** Every rule, in id order. */
export const TLS_RULES: readonly PolicyRule[] = [
  TLS001,
  TLS002,
  TLS003,
  TLS004,
  TLS005,
  TLS006,
  TLS007,
  TLS008,
  TLS009,
  TLS010,
  TLS011,
  TLS012,
];

/**
 * The pseudo-rule for a suppression without a reason, or of an unknown rule: an error, since
 * an opt-out nobody can explain is not an opt-out.
 */
export const INVALID_SUPPRESSION: Omit<PolicyRule, "evaluate" | "resourceTypes"> = {
  id: "TLS000",
  name: "invalid-suppression",
  level: "error",
  message: "suppression without a reason, or of an unknown rule",
  explanation:
    'Each suppression is { "id": "TLSnnn", "reason": "<why>" } and the reason is mandatory: it is shown in every check and report.',
};

/**
 * Runs `rules` over a configuration and returns the findings, suppressed ones included (with
 * their reason), sorted by address then rule id. A suppression without a reason does not
 * suppress, and adds a TLS000 error.
 */
export function checkConfig(
  config: TerraformConfig,
  rules: readonly PolicyRule[] = TLS_RULES,
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(rules.map((r) => r.id));
  for (const rule of rules) {
    for (const resource of config.resourcesOf(...rule.resourceTypes)) {
      const verdict = rule.evaluate(resource, config);
      if (verdict.kind !== "non-compliant") continue;
      const suppression = suppressionsOf(resource).find(
        (s) => s.id === rule.id && isReason(s.reason),
      );
      findings.push({
        ruleId: rule.id,
        level: rule.level,
        address: resource.address,
        message: `${rule.message}: ${verdict.detail}`,
        source: config.source,
        constructPath: constructPathOf(resource.config),
        ...(suppression ? { suppressed: String(suppression.reason) } : {}),
      });
    }
  }
  for (const resource of config.allResources()) {
    for (const s of suppressionsOf(resource)) {
      if (isReason(s.reason) && typeof s.id === "string" && known.has(s.id)) continue;
      findings.push({
        ruleId: INVALID_SUPPRESSION.id,
        level: INVALID_SUPPRESSION.level,
        address: resource.address,
        message: `${INVALID_SUPPRESSION.message}: ${JSON.stringify(s)}`,
        source: config.source,
        constructPath: constructPathOf(resource.config),
      });
    }
  }
  return findings.sort(
    (a, b) => a.address.localeCompare(b.address) || a.ruleId.localeCompare(b.ruleId),
  );
}

/** The cdktf construct path a synthesized resource records in `//.metadata.path`. */
function constructPathOf(config: TerraformConfig["json"]): string | undefined {
  const metadata = blockOf(blockOf(config["//"])?.metadata);
  return isObject(metadata) && typeof metadata.path === "string" ? metadata.path : undefined;
}

/** True when a finding fails the check: an error that is not suppressed. */
export function isBlocking(finding: Finding): boolean {
  return finding.level === "error" && finding.suppressed === undefined;
}
