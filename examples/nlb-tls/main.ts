// Template: a TLS listener on an existing Network Load Balancer, terminating TLS with an ACM
// certificate and negotiating HTTP/2 by ALPN, with a Route 53 alias record.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { NlbTlsStack, NlbTlsStackProps, runApp } from "../../stacks";

export const STACK_NAME = "nlb-tls";

/** The example's inputs: every value to change when you copy this template. */
export const config: NlbTlsStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  loadBalancerArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/grpc/0123456789abcdef",
  targetGroupArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/grpc/0123456789abcdef",
  certificate: { domainName: "grpc.example.com" },
  hostNames: ["grpc.example.com"],
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  alpnPolicy: "HTTP2Preferred",
  loadBalancerDns: {
    dnsName: "grpc-0123456789abcdef.elb.eu-west-1.amazonaws.com",
    // The canonical hosted zone id of Network Load Balancers in eu-west-1.
    zoneId: "Z2IFOLAFXWLO4F",
    ipv6: false,
  },
};

export function nlbTls(scope: Construct, props: NlbTlsStackProps = config): NlbTlsStack {
  return new NlbTlsStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => nlbTls(app));
