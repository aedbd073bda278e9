// Template: an Elastic Beanstalk web environment whose Application Load Balancer serves HTTPS
// with a DNS-validated ACM certificate and an explicit TLS policy.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { ElasticBeanstalkStack, ElasticBeanstalkStackProps, runApp } from "../../stacks";

export const STACK_NAME = "elastic-beanstalk";

/** The example's inputs: every value to change when you copy this template. */
export const config: ElasticBeanstalkStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  certificate: { domainName: "app.example.com" },
  hostNames: ["app.example.com"],
  applicationName: "example-app",
  environmentName: "example-app-prod",
  solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  settings: [
    { namespace: "aws:autoscaling:launchconfiguration", name: "InstanceType", value: "t3.small" },
    {
      namespace: "aws:autoscaling:launchconfiguration",
      name: "IamInstanceProfile",
      value: "aws-elasticbeanstalk-ec2-role",
    },
  ],
};

export function elasticBeanstalk(
  scope: Construct,
  props: ElasticBeanstalkStackProps = config,
): ElasticBeanstalkStack {
  return new ElasticBeanstalkStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => elasticBeanstalk(app));
