// Template: a CloudFront distribution for www.example.com and example.com in front of an
// existing HTTPS origin, with a DNS-validated certificate in us-east-1 and alias records.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { CloudFrontStack, CloudFrontStackProps, runApp } from "../../stacks";

export const STACK_NAME = "cloudfront";

/** The example's inputs: every value to change when you copy this template. */
export const config: CloudFrontStackProps = {
  // The stack's own region; the certificate goes to us-east-1 through an aliased provider.
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  aliases: ["www.example.com", "example.com"],
  // The existing origin: its own certificate must cover this name (https-only, TLS 1.2).
  originDomainName: "origin.example.com",
  priceClass: "PriceClass_100",
  minimumProtocolVersion: "TLSv1.2_2021",
  comment: "www.example.com and example.com",
};

export function cloudfront(
  scope: Construct,
  props: CloudFrontStackProps = config,
): CloudFrontStack {
  return new CloudFrontStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => cloudfront(app));
