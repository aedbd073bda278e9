import { ACM_PERMISSION_ACTIONS } from "../../private-ca/certificate-authority";
import { literalString, refersTo } from "../terraform-config";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** TLS010: a CA that issues ACM certificates grants ACM the renewal permission. */
export const TLS010: PolicyRule = {
  id: "TLS010",
  name: "private-ca-acm-permission",
  level: "error",
  message: "Private CA issues ACM certificates but grants acm.amazonaws.com no renewal permission",
  explanation:
    "ACM renews private certificates of a CA in the same account only with an aws_acmpca_permission " +
    `for principal acm.amazonaws.com with actions ${ACM_PERMISSION_ACTIONS.join(", ")}; without it ` +
    "renewal fails and the certificates expire. " +
    "https://docs.aws.amazon.com/privateca/latest/userguide/assign-permissions.html",
  resourceTypes: ["aws_acmpca_certificate_authority"],
  evaluate(resource, config) {
    const issuesAcm = config
      .resourcesOf("aws_acm_certificate")
      .some((c) => refersTo(c.config.certificate_authority_arn, resource, ["arn", "id"]));
    if (!issuesAcm) return NOT_APPLICABLE;
    const granted = config.resourcesOf("aws_acmpca_permission").some((p) => {
      const actions = Array.isArray(p.config.actions) ? p.config.actions : [];
      return (
        refersTo(p.config.certificate_authority_arn, resource, ["arn", "id"]) &&
        literalString(p.config.principal) === "acm.amazonaws.com" &&
        ACM_PERMISSION_ACTIONS.every((a) => actions.includes(a))
      );
    });
    return granted
      ? COMPLIANT
      : nonCompliant(
          `no aws_acmpca_permission grants acm.amazonaws.com ${ACM_PERMISSION_ACTIONS.join(", ")} on it`,
        );
  },
};
