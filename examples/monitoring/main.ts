// Template: expiry monitoring for one region. Account-wide EventBridge rules for ACM's four
// events to SNS, the AWS Config rule ACM_CERTIFICATE_EXPIRATION_CHECK, and a DaysToExpiry alarm
// (threshold computed from the certificate's lifetime) on the example certificate.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { MonitoringStack, MonitoringStackProps, runApp } from "../../stacks";

export const STACK_NAME = "monitoring";

/** The example's inputs: every value to change when you copy this template. */
export const config: MonitoringStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  certificates: { api: { domainName: "api.example.com" } },
  events: {},
  // Needs an AWS Config configuration recorder in the region.
  configRule: { daysToExpiration: 30 },
  // ACM's public certificates live 198 days today; change this when ACM shortens them.
  publicLifetimeDays: 198,
};

export function monitoring(
  scope: Construct,
  props: MonitoringStackProps = config,
): MonitoringStack {
  return new MonitoringStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => monitoring(app));
