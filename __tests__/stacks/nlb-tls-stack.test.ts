import { Testing } from "cdktf";
import { NlbTlsStack } from "../../stacks/nlb-tls-stack";
import { synth } from "../support/synth";

describe("NlbTlsStack", () => {
  test("creates a TLS listener with ALPN and outputs the ARNs", () => {
    const stack = new NlbTlsStack(Testing.app(), "nlb", {
      region: "eu-west-1",
      hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
      loadBalancerArn:
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/n/0123456789abcdef",
      targetGroupArn:
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/t/0123456789abcdef",
      certificate: { domainName: "api.example.com" },
      additionalCertificates: { v2: { domainName: "v2.example.com" } },
      alpnPolicy: "HTTP2Only",
    });
    const out = synth(stack);
    expect(out.list("aws_lb_listener")).toEqual([
      expect.objectContaining({ protocol: "TLS", alpn_policy: "HTTP2Only" }),
    ]);
    expect(out.list("aws_lb_listener_certificate")).toHaveLength(1);
    expect(Object.keys(out.outputs()).sort()).toEqual([
      "default_certificate_arn",
      "default_unvalidated_certificate_arn",
      "listener_arn",
      "sni_v2_certificate_arn",
      "sni_v2_unvalidated_certificate_arn",
    ]);
  });
});
