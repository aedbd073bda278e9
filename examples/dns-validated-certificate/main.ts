// Template: one DNS-validated certificate for an apex, its wildcard and one more SAN.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { CertificatesStack, CertificatesStackProps, runApp } from "../../stacks";

export const STACK_NAME = "dns-validated-certificate";

/** The example's inputs: every value to change when you copy this template. */
export const config: CertificatesStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  certificates: [
    {
      name: "site",
      domainName: "example.com",
      subjectAlternativeNames: ["*.example.com", "api.example.com"],
    },
  ],
};

export function dnsValidatedCertificate(
  scope: Construct,
  props: CertificatesStackProps = config,
): CertificatesStack {
  return new CertificatesStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => dnsValidatedCertificate(app));
