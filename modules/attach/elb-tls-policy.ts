import { Annotations } from "cdktf";
import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { acceptLegacyTls } from "../policy/legacy-tls";

/**
 * Security (TLS negotiation) policies for Application Load Balancer HTTPS listeners and Network
 * Load Balancer TLS listeners. Both load balancer types accept the same `ELBSecurityPolicy-*`
 * names (see "Security policies" in the ALB and NLB user guides).
 *
 * The rule this library applies: **a policy that still negotiates TLS 1.0 or TLS 1.1 is weak**
 * and rejected at synth. Those protocol versions are deprecated (RFC 8996), and a listener
 * created without `ssl_policy` silently gets the API default `ELBSecurityPolicy-2016-08`, which
 * allows both. That is why every listener of this library sets `ssl_policy` explicitly.
 *
 * The lists below are what this library knows, but AWS adds policies (the post-quantum `-PQ-`
 * ones arrived in 2025-09), so a name outside them is judged by its family instead of being
 * rejected: see {@link ELB_TLS_POLICY_FAMILY}.
 */

/**
 * The default policy: TLS 1.3 and TLS 1.2 with forward-secret AES-GCM ciphers, what AWS CDK
 * calls `SslPolicy.RECOMMENDED_TLS`. AWS now also recommends the post-quantum variant
 * `ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09`, which is in the allow-list.
 */
export const DEFAULT_ELB_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Accepted policies: every known policy whose minimum protocol is TLS 1.2 or TLS 1.3. */
export const ELB_TLS_POLICIES: readonly string[] = [
  // TLS 1.3 family (2021-06)
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  // Post-quantum hybrid key exchange (2025-09)
  "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
  // FIPS (2023-04)
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
  // FIPS + post-quantum (2025-09)
  "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
  // Older policies that already require TLS 1.2
  "ELBSecurityPolicy-FS-1-2-Res-2020-10",
  "ELBSecurityPolicy-FS-1-2-Res-2019-08",
  "ELBSecurityPolicy-FS-1-2-2019-08",
  "ELBSecurityPolicy-TLS-1-2-2017-01",
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
];

/** Known policies that still negotiate TLS 1.0 or TLS 1.1: rejected as weak. */
export const WEAK_ELB_TLS_POLICIES: readonly string[] = [
  "ELBSecurityPolicy-2016-08",
  "ELBSecurityPolicy-2015-05",
  "ELBSecurityPolicy-FS-2018-06",
  "ELBSecurityPolicy-FS-1-1-2019-08",
  "ELBSecurityPolicy-TLS-1-0-2015-04",
  "ELBSecurityPolicy-TLS-1-1-2017-01",
  "ELBSecurityPolicy-TLS13-1-0-2021-06",
  "ELBSecurityPolicy-TLS13-1-1-2021-06",
  "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09",
];

/**
 * The naming pattern of the ELB security policy families, from the policy tables in
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 * (the NLB guide lists the same names): `ELBSecurityPolicy-<family>-1-<minimum minor version>`,
 * then optional variant words (`Res`, `Ext1`, `FIPS`, `PQ`, ...), then the release `YYYY-MM`.
 * The families are `TLS13` (TLS 1.3 policies), `TLS` (protocol-restricted) and `FS` (forward
 * secrecy). Group 2 is the minimum TLS minor version: `TLS13-1-2-...` accepts TLS 1.2 and up.
 */
export const ELB_TLS_POLICY_FAMILY =
  /^ELBSecurityPolicy-(TLS13|TLS|FS)-1-([0-3])(?:-[A-Za-z0-9]+)*-(\d{4})-(\d{2})$/;

/** True when `policy` is a known policy that allows TLS 1.0 or TLS 1.1. */
export function isWeakElbTlsPolicy(policy: string): boolean {
  return WEAK_ELB_TLS_POLICIES.includes(policy);
}

/**
 * The policy to put on a listener: `policy`, or {@link DEFAULT_ELB_TLS_POLICY} when undefined.
 * Tokens pass unchecked. A literal policy:
 * - known and requiring TLS 1.2+ ({@link ELB_TLS_POLICIES}): returned;
 * - known weak ({@link WEAK_ELB_TLS_POLICIES}), or unknown but named as allowing TLS 1.0 or 1.1
 *   by its family ({@link ELB_TLS_POLICY_FAMILY}): a ValidationError naming `property`, unless
 *   `allowLegacyTls(<ancestor>, "TLS004", reason)` covers `scope` (then returned, with a synth
 *   warning, and rule TLS004 suppressed with the reason on the listener);
 * - unknown but named like a family member with a TLS 1.2+ minimum: returned, with a synth
 *   warning (it may be a policy AWS added after this list, or a typo that fails at apply with
 *   `SSLPolicyNotFound`);
 * - anything else: a ValidationError listing the accepted policies.
 */
export function resolveElbTlsPolicy(
  scope: IConstruct,
  property: string,
  policy: string | undefined,
): string {
  if (policy === undefined) return DEFAULT_ELB_TLS_POLICY;
  if (!isLiteral(policy)) return policy;
  if (ELB_TLS_POLICIES.includes(policy)) return policy;
  const family = ELB_TLS_POLICY_FAMILY.exec(policy);
  const minimumMinor = family ? Number(family[2]) : undefined;
  if (isWeakElbTlsPolicy(policy) || (minimumMinor !== undefined && minimumMinor < 2)) {
    if (acceptLegacyTls(scope, "TLS004", property, policy)) return policy;
    throw new ValidationError(
      scope,
      `${property} must not allow TLS 1.0 or TLS 1.1, got ${show(policy)}; ` +
        `use ${show(DEFAULT_ELB_TLS_POLICY)} (the default) or another policy whose minimum is TLS 1.2: ` +
        ELB_TLS_POLICIES.join(", ") +
        '; to serve legacy clients for a while, call allowLegacyTls(<a parent scope>, "TLS004", "<reason>") before creating this construct',
    );
  }
  if (family) {
    Annotations.of(scope).addWarning(
      `${property} ${show(policy)} is not an ELB security policy this library knows; it is named ` +
        `like the ${family[1]} family with TLS 1.${minimumMinor} as minimum, so it is used as given. ` +
        "Check it with `aws elbv2 describe-ssl-policies --names <name>`: an unknown name fails at apply with SSLPolicyNotFound.",
    );
    return policy;
  }
  throw new ValidationError(
    scope,
    `${property} must be one of the known ELB security policies that require TLS 1.2 or later, ` +
      `or a newer name of their families (ELBSecurityPolicy-TLS13-1-2-..., -TLS-1-2-..., -FS-1-2-..., ending in YYYY-MM), got ${show(policy)}; ` +
      `allowed: ${ELB_TLS_POLICIES.join(", ")}`,
  );
}
