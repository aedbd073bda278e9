import { Annotations } from "cdktf";
import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { PINNED_AWS_PROVIDER } from "../util/provider-version";
import { isLiteral } from "../util/tokens";
import { acceptLegacyTls } from "../policy/legacy-tls";

/**
 * The TLS security policy of API Gateway custom domains (REST `security_policy`, HTTP
 * `domain_name_configuration.security_policy`).
 *
 * What the pinned provider (`AWS_PROVIDER_VERSION`) accepts was checked with an offline plan
 * (see `__tests__/plan/cloudfront-api-gateway-limits.test.ts`):
 * - `aws_api_gateway_domain_name.security_policy` must be one of "TLS_1_0", "TLS_1_2";
 * - `aws_apigatewayv2_domain_name` accepts only "TLS_1_2";
 * - neither resource has `endpoint_access_mode`, which API Gateway requires with the enhanced
 *   `SecurityPolicy_*` policies (it arrived in AWS provider 6.28).
 */

/** The default, and the one known-good policy: TLS 1.2 as the floor. */
export const API_GATEWAY_SECURITY_POLICY = "TLS_1_2";

/** Known policies that still let clients negotiate TLS 1.0 or 1.1: always refused. */
export const WEAK_API_GATEWAY_SECURITY_POLICIES: readonly string[] = ["TLS_1_0"];

/** The legacy policy family: a future `TLS_1_3` gets a warning, not an error. */
const LEGACY_POLICY_PATTERN = /^TLS_\d+_\d+$/;

/** Enhanced policies, such as `SecurityPolicy_TLS13_1_3_2025_09`. */
const ENHANCED_POLICY_PATTERN = /^SecurityPolicy_/;

/**
 * Checks an API Gateway custom domain's security policy and returns the value to set (the
 * default when unset; a token untouched).
 * - "TLS_1_2": accepted.
 * - "TLS_1_0": refused, it still accepts TLS 1.0 and TLS 1.1 clients. For a REST API,
 *   `allowLegacyTls(<ancestor>, "TLS006", reason)` turns that into a synth warning (rule TLS006
 *   suppressed with the reason on the domain); an HTTP API never, the pinned provider accepts
 *   only TLS_1_2 there.
 * - `SecurityPolicy_*`: refused. The pinned provider rejects it at plan, and API Gateway needs
 *   `endpoint_access_mode` with it, which the pinned provider lacks. HTTP APIs cannot use them
 *   at all ("You can't map an HTTP API to a domain name that uses an enhanced security policy").
 * - another `TLS_<major>_<minor>` (a policy newer than this library): a synth warning, since the
 *   list of policies is AWS's to extend; the pinned provider itself decides at plan.
 * - anything else: refused.
 */
export function checkApiGatewaySecurityPolicy(
  scope: IConstruct,
  property: string,
  value: string | undefined,
  api: "REST" | "HTTP",
): string {
  const policy = value ?? API_GATEWAY_SECURITY_POLICY;
  if (!isLiteral(policy) || policy === API_GATEWAY_SECURITY_POLICY) return policy;
  const allowed = `must be ${show(API_GATEWAY_SECURITY_POLICY)}`;
  if (WEAK_API_GATEWAY_SECURITY_POLICIES.includes(policy)) {
    if (api === "REST" && acceptLegacyTls(scope, "TLS006", property, policy)) return policy;
    throw new ValidationError(
      scope,
      `${property} ${allowed}, got ${show(policy)}: ${policy} still accepts TLS 1.0 and TLS 1.1 clients` +
        (api === "REST"
          ? '; to serve legacy clients for a while, call allowLegacyTls(<a parent scope>, "TLS006", "<reason>") before creating this construct'
          : ""),
    );
  }
  if (ENHANCED_POLICY_PATTERN.test(policy)) {
    const why =
      api === "HTTP"
        ? "HTTP APIs support only TLS_1_2, and API Gateway cannot map an HTTP API to a domain with an enhanced security policy " +
          `(${PINNED_AWS_PROVIDER} also accepts only "TLS_1_2" in domain_name_configuration.security_policy at plan)`
        : "enhanced SecurityPolicy_* policies need endpoint_access_mode (BASIC or STRICT), which exists only in AWS provider 6.28+; " +
          `this project pins ${PINNED_AWS_PROVIDER}, which has no endpoint_access_mode ` +
          'and whose security_policy accepts only "TLS_1_0" and "TLS_1_2" at plan';
    throw new ValidationError(scope, `${property} ${allowed}, got ${show(policy)}: ${why}`);
  }
  if (LEGACY_POLICY_PATTERN.test(policy)) {
    Annotations.of(scope).addWarning(
      `${property} ${show(policy)} is not a security policy this library knows (it knows ${show(API_GATEWAY_SECURITY_POLICY)}); ` +
        `it is passed through, and ${PINNED_AWS_PROVIDER} checks it at plan`,
    );
    return policy;
  }
  throw new ValidationError(scope, `${property} ${allowed}, got ${show(policy)}`);
}
