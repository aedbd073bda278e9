import { blockOf, literalString } from "../terraform-config";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** The policies at or above the floor: TLSv1.2_2021 and the newer ones CloudFront offers. */
const AT_LEAST_TLS12_2021 = /^TLSv1\.(2_(202[1-9]|20[3-9]\d)|[3-9]_\d{4})$/;

/** TLS005: CloudFront custom certificates use TLSv1.2_2021 or newer. */
export const TLS005: PolicyRule = {
  id: "TLS005",
  name: "cloudfront-minimum-protocol",
  level: "error",
  message: "CloudFront viewer_certificate.minimum_protocol_version is below TLSv1.2_2021",
  explanation:
    "TLSv1.2_2021 is the policy that requires TLS 1.2 with forward-secret AEAD ciphers only; the " +
    "older policies still allow CBC ciphers (TLSv1.2_2018/2019) or TLS 1.0 and 1.1 (SSLv3, TLSv1, " +
    "TLSv1_2016, TLSv1.1_2016, deprecated by RFC 8996). " +
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
  resourceTypes: ["aws_cloudfront_distribution"],
  evaluate(resource) {
    const viewer = blockOf(resource.config.viewer_certificate);
    if (!viewer || viewer.cloudfront_default_certificate === true) return NOT_APPLICABLE;
    if (viewer.acm_certificate_arn === undefined && viewer.iam_certificate_id === undefined) {
      return NOT_APPLICABLE;
    }
    const version = viewer.minimum_protocol_version;
    if (version === undefined || version === null) {
      return nonCompliant("minimum_protocol_version is not set");
    }
    const literal = literalString(version);
    if (literal === undefined) return NOT_APPLICABLE;
    return AT_LEAST_TLS12_2021.test(literal)
      ? COMPLIANT
      : nonCompliant(`minimum_protocol_version is ${JSON.stringify(literal)}`);
  },
};
