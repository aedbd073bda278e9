import { blockOf, literalString } from "../terraform-config";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

const VERIFY_ONLY = [
  "trust_store_arn",
  "ignore_client_certificate_expiry",
  "advertise_trust_store_ca_names",
] as const;

/** TLS012: ALB mutual_authentication uses a combination the ELB API accepts. */
export const TLS012: PolicyRule = {
  id: "TLS012",
  name: "alb-mutual-authentication",
  level: "error",
  message: "ALB listener mutual_authentication combination is rejected by the ELB API",
  explanation:
    "mode verify needs trust_store_arn; off and passthrough take no trust store and none of its " +
    'options ("Mutual Authentication mode passthrough does not support trust store"); mutual TLS ' +
    "exists on HTTPS listeners only. The same rules as modules/mtls/alb-mutual-authentication.ts. " +
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/mutual-authentication.html",
  resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
  evaluate(resource) {
    const mtls = blockOf(resource.config.mutual_authentication);
    if (!mtls) return NOT_APPLICABLE;
    const mode = literalString(mtls.mode);
    if (mode === undefined) return NOT_APPLICABLE;
    const protocol = literalString(resource.config.protocol);
    if (mode !== "off" && protocol !== undefined && protocol !== "HTTPS") {
      return nonCompliant(`mode ${JSON.stringify(mode)} on a ${protocol} listener (HTTPS only)`);
    }
    if (mode === "verify") {
      return mtls.trust_store_arn === undefined || mtls.trust_store_arn === null
        ? nonCompliant('mode "verify" without trust_store_arn')
        : COMPLIANT;
    }
    const extra = VERIFY_ONLY.filter((k) => mtls[k] !== undefined && mtls[k] !== null);
    if (extra.length > 0) {
      return nonCompliant(`mode ${JSON.stringify(mode)} with ${extra.join(", ")} (verify only)`);
    }
    return COMPLIANT;
  },
};
