import { certificateKind } from "../certificate-attachments";
import { blockOf, literalString, refersTo } from "../terraform-config";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** TLS008: an imported certificate has a DaysToExpiry alarm. */
export const TLS008: PolicyRule = {
  id: "TLS008",
  name: "imported-certificate-expiry-alarm",
  level: "warning",
  message: "imported certificate (private_key set) has no DaysToExpiry alarm",
  explanation:
    "ACM never renews an imported certificate: someone must import a new one before it expires. " +
    "An aws_cloudwatch_metric_alarm on AWS/CertificateManager DaysToExpiry with the certificate's " +
    "ARN as CertificateArn dimension gives that warning. Suppress with a reason when the alarm lives " +
    "in another configuration. https://docs.aws.amazon.com/acm/latest/userguide/import-certificate.html, " +
    "https://docs.aws.amazon.com/acm/latest/userguide/cloudwatch-metrics.html",
  resourceTypes: ["aws_acm_certificate"],
  evaluate(resource, config) {
    if (certificateKind(resource) !== "imported") return NOT_APPLICABLE;
    const alarmed = config.resourcesOf("aws_cloudwatch_metric_alarm").some((a) => {
      const c = a.config;
      return (
        literalString(c.metric_name) === "DaysToExpiry" &&
        literalString(c.namespace) === "AWS/CertificateManager" &&
        refersTo(blockOf(c.dimensions)?.CertificateArn, resource, ["arn", "id"])
      );
    });
    return alarmed
      ? COMPLIANT
      : nonCompliant("no aws_cloudwatch_metric_alarm on DaysToExpiry has it as CertificateArn");
  },
};
