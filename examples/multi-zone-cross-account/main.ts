// Template: one certificate whose names live in two hosted zones, one of them in a central DNS
// account reached by assuming a role. Copy this folder into a cdktf project and change the
// import below to the package name.
import { Construct } from "constructs";
import { CertificatesStack, CertificatesStackProps, runApp } from "../../stacks";

export const STACK_NAME = "multi-zone-cross-account";

/** The example's inputs: every value to change when you copy this template. */
export const config: CertificatesStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [
    // In this account.
    { zoneId: "Z0EXAMPLE00000000002", zoneName: "app.example.net" },
    // In the central DNS account.
    {
      zoneId: "Z0EXAMPLE00000000003",
      zoneName: "example.org",
      dnsRoleArn: "arn:aws:iam::222222222222:role/route53-acm-validation",
    },
  ],
  certificates: [
    {
      name: "shop",
      domainName: "shop.app.example.net",
      subjectAlternativeNames: [
        "*.shop.app.example.net",
        "shop.example.org",
        "www.shop.example.org",
      ],
    },
  ],
};

export function multiZoneCrossAccount(
  scope: Construct,
  props: CertificatesStackProps = config,
): CertificatesStack {
  return new CertificatesStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => multiZoneCrossAccount(app));
