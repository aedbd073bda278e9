// Template: a certificate imported into ACM from PEM files, on an HTTPS listener of an existing
// Application Load Balancer, with its DaysToExpiry alarm. The files in test-pems/ are a
// throwaway local CA and leaf made by generate-test-pems.sh: replace them with your own.
// Copy this folder into a cdktf project and change the import below to the package name.
import * as path from "node:path";
import { Construct } from "constructs";
import { ImportedCertificateStack, ImportedCertificateStackProps, runApp } from "../../stacks";

export const STACK_NAME = "imported-certificate";

const pems = path.join(__dirname, "test-pems");

/** The example's inputs: every value to change when you copy this template. */
export const config: ImportedCertificateStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  certificateFile: path.join(pems, "certificate.pem"),
  privateKeyFile: path.join(pems, "private-key.pem"),
  chainFile: path.join(pems, "chain.pem"),
  loadBalancerArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef",
  targetGroupArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef",
  hostNames: ["app.example.com", "www.app.example.com"],
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  alarmThresholdDays: 30,
};

export function importedCertificate(
  scope: Construct,
  props: ImportedCertificateStackProps = config,
): ImportedCertificateStack {
  return new ImportedCertificateStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => importedCertificate(app));
