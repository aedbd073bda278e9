import { WEAK_API_GATEWAY_SECURITY_POLICIES } from "../../attach/api-gateway-security-policy";
import { blockOf, literalString } from "../terraform-config";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** TLS006: API Gateway custom domains do not use the TLS_1_0 security policy. */
export const TLS006: PolicyRule = {
  id: "TLS006",
  name: "api-gateway-tls-1-0",
  level: "error",
  message: "API Gateway custom domain uses security_policy TLS_1_0",
  explanation:
    "The TLS_1_0 security policy still accepts TLS 1.0 and TLS 1.1 clients (deprecated by RFC 8996); " +
    "TLS_1_2 requires TLS 1.2. " +
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
  resourceTypes: ["aws_api_gateway_domain_name", "aws_apigatewayv2_domain_name"],
  evaluate(resource) {
    const policy =
      resource.type === "aws_api_gateway_domain_name"
        ? resource.config.security_policy
        : blockOf(resource.config.domain_name_configuration)?.security_policy;
    const literal = literalString(policy);
    if (literal === undefined) return NOT_APPLICABLE;
    return WEAK_API_GATEWAY_SECURITY_POLICIES.includes(literal)
      ? nonCompliant(`security_policy is ${JSON.stringify(literal)}`)
      : COMPLIANT;
  },
};
