// Template: an HTTPS listener on an existing Application Load Balancer, with an HTTP:80 -> HTTPS
// redirect, a second domain served by SNI and Route 53 alias records.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { AlbHttpsStack, AlbHttpsStackProps, runApp } from "../../stacks";

export const STACK_NAME = "alb-https";

/** The example's inputs: every value to change when you copy this template. */
export const config: AlbHttpsStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [
    { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" },
    { zoneId: "Z0EXAMPLE00000000002", zoneName: "example.org" },
  ],
  loadBalancerArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef",
  targetGroupArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef",
  certificate: { domainName: "example.com", subjectAlternativeNames: ["www.example.com"] },
  additionalCertificates: { shop: { domainName: "shop.example.org" } },
  hostNames: ["example.com", "www.example.com", "shop.example.org"],
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  redirectHttp: true,
  loadBalancerDns: {
    dnsName: "web-1234567890.eu-west-1.elb.amazonaws.com",
    // The canonical hosted zone id of Application Load Balancers in eu-west-1.
    zoneId: "Z32O12XQLNTSW2",
  },
};

export function albHttps(scope: Construct, props: AlbHttpsStackProps = config): AlbHttpsStack {
  return new AlbHttpsStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => albHttps(app));
