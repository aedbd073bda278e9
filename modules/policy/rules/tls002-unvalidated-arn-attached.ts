import {
  ATTACHING_RESOURCE_TYPES,
  certificatesIn,
  slotsOf,
  validationsOf,
} from "../certificate-attachments";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** TLS002: attach the validated ARN when a validation resource exists. */
export const TLS002: PolicyRule = {
  id: "TLS002",
  name: "unvalidated-arn-attached",
  level: "error",
  message:
    "attaches aws_acm_certificate.<name>.arn while an aws_acm_certificate_validation exists for it; use the validation's certificate_arn",
  explanation:
    "aws_acm_certificate_validation waits until ACM has issued the certificate; only a reference to " +
    "its certificate_arn makes Terraform attach the certificate after issuance. The certificate's own " +
    "arn is known as soon as the request is made, so the listener, distribution or domain is created " +
    "while the certificate is still PENDING_VALIDATION and the API rejects it. " +
    "https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/acm_certificate_validation",
  resourceTypes: ATTACHING_RESOURCE_TYPES,
  evaluate(resource, config) {
    const slots = slotsOf(resource);
    if (slots.length === 0) return NOT_APPLICABLE;
    for (const slot of slots) {
      for (const { certificate, validated } of certificatesIn(slot.value, config)) {
        const validations = validationsOf(certificate, config);
        if (!validated && validations.length > 0) {
          return nonCompliant(
            `${slot.attribute} references ${certificate.address}.arn; use ${validations[0].address}.certificate_arn`,
          );
        }
      }
    }
    return COMPLIANT;
  },
};
