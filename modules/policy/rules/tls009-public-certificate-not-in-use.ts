import { certificateKind, usesOf } from "../certificate-attachments";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** TLS009: a public certificate is attached somewhere, or ACM will not renew it. */
export const TLS009: PolicyRule = {
  id: "TLS009",
  name: "public-certificate-not-in-use",
  level: "warning",
  message: "public certificate is attached to nothing in this configuration",
  explanation:
    "ACM renews a public certificate automatically only while it is in use (associated with a load " +
    "balancer, distribution, API or other integrated service); an unused one expires. Attach it, or " +
    "suppress with a reason when another configuration consumes it. " +
    "https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html",
  resourceTypes: ["aws_acm_certificate"],
  evaluate(resource, config) {
    if (certificateKind(resource) !== "public") return NOT_APPLICABLE;
    return usesOf(resource, config).length > 0
      ? COMPLIANT
      : nonCompliant("no listener, distribution, API Gateway domain or environment references it");
  },
};
