// Template: a private PKI. A root CA, one subordinate issuing CA, a private CRL bucket, ACM's
// renewal permission, and a private certificate for internal.example.corp on an HTTPS listener
// of an existing internal ALB. Copy this folder into a cdktf project and change the import
// below to the package name.
import { Construct } from "constructs";
import { PrivateCaStack, PrivateCaStackProps, runApp } from "../../stacks";

export const STACK_NAME = "private-ca";

/** The example's inputs: every value to change when you copy this template. */
export const config: PrivateCaStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  root: {
    subject: {
      commonName: "Example Corp Root CA G1",
      organization: "Example Corp",
      country: "NL",
    },
    keyAlgorithm: "RSA_4096",
    signingAlgorithm: "SHA512WITHRSA",
  },
  subordinates: [
    {
      name: "Issuing",
      parent: "Root",
      subject: {
        commonName: "Example Corp Issuing CA G1",
        organization: "Example Corp",
        country: "NL",
      },
      keyAlgorithm: "RSA_2048",
    },
  ],
  crl: {
    bucketName: "example-corp-pki-crl-111111111111",
    accountId: "111111111111",
    customCname: "crl.pki.example.corp",
  },
  certificates: [
    {
      name: "internal",
      domainName: "internal.example.corp",
      issuer: "Issuing",
      listener: {
        loadBalancerArn:
          "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal-alb/0123456789abcdef",
        targetGroupArn:
          "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/internal-app/0123456789abcdef",
      },
    },
  ],
};

export function privateCa(scope: Construct, props: PrivateCaStackProps = config): PrivateCaStack {
  return new PrivateCaStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => privateCa(app));
