import { ELB_TLS_POLICY_FAMILY, isWeakElbTlsPolicy } from "../../attach/elb-tls-policy";
import { literalString } from "../terraform-config";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** TLS004: HTTPS and TLS listeners set a policy that requires TLS 1.2 or later. */
export const TLS004: PolicyRule = {
  id: "TLS004",
  name: "elb-listener-ssl-policy",
  level: "error",
  message: "HTTPS/TLS listener has no ssl_policy, or one that allows TLS 1.0 or TLS 1.1",
  explanation:
    "A listener created without ssl_policy gets ELBSecurityPolicy-2016-08, which negotiates TLS 1.0 " +
    "and TLS 1.1 (deprecated by RFC 8996). Set a policy whose minimum is TLS 1.2, such as " +
    "ELBSecurityPolicy-TLS13-1-2-2021-06. " +
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
  resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
  evaluate(resource) {
    const protocol = literalString(resource.config.protocol);
    if (protocol !== "HTTPS" && protocol !== "TLS") return NOT_APPLICABLE;
    const policy = resource.config.ssl_policy;
    if (policy === undefined || policy === null || policy === "") {
      return nonCompliant(
        "ssl_policy is not set: the API default ELBSecurityPolicy-2016-08 allows TLS 1.0",
      );
    }
    const literal = literalString(policy);
    if (literal === undefined) return NOT_APPLICABLE;
    const family = ELB_TLS_POLICY_FAMILY.exec(literal);
    if (isWeakElbTlsPolicy(literal) || (family !== null && Number(family[2]) < 2)) {
      return nonCompliant(`ssl_policy ${JSON.stringify(literal)} allows TLS 1.0 or TLS 1.1`);
    }
    return COMPLIANT;
  },
};
