// Template: DNS owned by another account. The certificate is requested in the application
// account, its validation records are created in the DNS account, and a third stack, back in
// the application account, waits for issuance and outputs the validated ARN. Three stacks, one
// app, applied in that order. Copy this folder into a cdktf project and change the import below
// to the package name.
import { Construct } from "constructs";
import { runApp, SplitDnsProps, SplitDnsStacks, splitDnsStacks } from "../../stacks";

/** The stack that waits for issuance: the one to attach the certificate in, deployed last. */
export const STACK_NAME = "split-dns";

/** The example's inputs: every value to change when you copy this template. */
export const config: SplitDnsProps = {
  // 1. Application account: requests the certificate, does not wait.
  certificateStack: {
    name: `${STACK_NAME}-certificate`,
    region: "eu-west-1",
    defaultTags: { project: "tls-on-aws", example: STACK_NAME },
    certificates: [
      {
        name: "site",
        domainName: "example.com",
        subjectAlternativeNames: ["*.example.com", "api.example.com"],
      },
    ],
  },
  // 2. DNS account: creates the validation records in its zones.
  recordsStack: {
    name: `${STACK_NAME}-records`,
    region: "eu-west-1",
    defaultTags: { project: "tls-on-aws", example: STACK_NAME },
    dnsRoleArn: "arn:aws:iam::222222222222:role/route53-acm-validation",
    hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  },
  // 3. Application account, the certificate's region: waits, outputs the validated ARN.
  validationStack: {
    name: STACK_NAME,
    region: "eu-west-1",
    defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  },
};

/** Registers the three stacks in `scope` (the app); returns them, the last one to attach in. */
export function splitDns(scope: Construct, props: SplitDnsProps = config): SplitDnsStacks {
  return splitDnsStacks(scope, props);
}

if (require.main === module) runApp((app) => splitDns(app));
