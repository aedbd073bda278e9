import { certificatesIn } from "../certificate-attachments";
import { blockOf, literalString } from "../terraform-config";
import { parseArn } from "../../util/arn";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** TLS001: a CloudFront viewer certificate must come from us-east-1. */
export const TLS001: PolicyRule = {
  id: "TLS001",
  name: "cloudfront-certificate-region",
  level: "error",
  message: "CloudFront viewer_certificate uses a certificate that is not in us-east-1",
  explanation:
    "CloudFront reads ACM certificates from US East (N. Virginia) only: a certificate requested " +
    "through a provider of another region cannot be attached, and apply fails. Request it through " +
    "a us-east-1 provider alias. https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html",
  resourceTypes: ["aws_cloudfront_distribution"],
  evaluate(resource, config) {
    const arn = blockOf(resource.config.viewer_certificate)?.acm_certificate_arn;
    if (typeof arn !== "string") return NOT_APPLICABLE;
    const literal = literalString(arn);
    if (literal !== undefined) {
      const region = parseArn(literal)?.region;
      if (region === undefined) return NOT_APPLICABLE;
      return region === "us-east-1"
        ? COMPLIANT
        : nonCompliant(`the literal ARN is in ${JSON.stringify(region)}`);
    }
    const certificates = certificatesIn(arn, config);
    if (certificates.length === 0) return NOT_APPLICABLE;
    for (const { certificate } of certificates) {
      const region = config.regionOf(certificate);
      if (region !== undefined && region !== "us-east-1") {
        return nonCompliant(
          `${certificate.address} uses provider ${JSON.stringify(literalString(certificate.config.provider) ?? "aws")} in ${JSON.stringify(region)}`,
        );
      }
    }
    return COMPLIANT;
  },
};
