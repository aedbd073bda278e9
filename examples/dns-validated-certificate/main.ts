// Template: one DNS-validated certificate for an apex, its wildcard and one more SAN.
// Copy this folder into a cdktf project and change the import below to the package name.
import { App } from "cdktf";
import { Construct } from "constructs";
import { CertificatesStack } from "../../stacks";

export const STACK_NAME = "dns-validated-certificate";

export function dnsValidatedCertificate(scope: Construct): CertificatesStack {
  return new CertificatesStack(scope, STACK_NAME, {
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
  });
}

if (require.main === module) {
  const app = new App();
  dnsValidatedCertificate(app);
  app.synth();
}
