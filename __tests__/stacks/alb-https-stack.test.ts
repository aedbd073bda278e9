import { Testing } from "cdktf";
import { AlbHttpsStack, AlbHttpsStackProps } from "../../stacks/alb-https-stack";
import { synth } from "../support/synth";

const base: AlbHttpsStackProps = {
  region: "eu-west-1",
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  loadBalancerArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef",
  targetGroupArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef",
  certificate: { domainName: "example.com" },
};

describe("AlbHttpsStack", () => {
  test("redirects by default and outputs listener and certificate ARNs", () => {
    const stack = new AlbHttpsStack(Testing.app(), "alb", {
      ...base,
      additionalCertificates: { api: { domainName: "api.example.com" } },
    });
    const out = synth(stack);
    expect(out.list("aws_lb_listener")).toHaveLength(2);
    expect(Object.keys(out.outputs()).sort()).toEqual([
      "default_certificate_arn",
      "default_unvalidated_certificate_arn",
      "listener_arn",
      "redirect_listener_arn",
      "sni_api_certificate_arn",
      "sni_api_unvalidated_certificate_arn",
    ]);
    expect(out.outputs().listener_arn.value).toMatch(
      /^\$\{aws_lb_listener\.Https_Listener_[0-9A-F]{8}\.arn\}$/,
    );
    expect(Object.keys(stack.additionalCertificates)).toEqual(["api"]);
    expect(out.list("aws_route53_record").filter((r) => r.alias)).toHaveLength(0);
  });

  test("redirect can be turned off; alias records need loadBalancerDns", () => {
    const stack = new AlbHttpsStack(Testing.app(), "alb", {
      ...base,
      redirectHttp: false,
      hostNames: ["example.com"],
      loadBalancerDns: {
        dnsName: "lb.eu-west-1.elb.amazonaws.com",
        zoneId: "Z32O12XQLNTSW2",
        ipv6: false,
      },
    });
    const out = synth(stack);
    expect(out.list("aws_lb_listener")).toHaveLength(1);
    expect(out.outputs().redirect_listener_arn).toBeUndefined();
    expect(out.list("aws_route53_record").filter((r) => r.alias)).toEqual([
      expect.objectContaining({ name: "example.com", type: "A" }),
    ]);
  });

  test("stack errors surface the listener's checks", () => {
    expect(
      () => new AlbHttpsStack(Testing.app(), "alb", { ...base, hostNames: ["www.example.com"] }),
    ).toThrow(
      /\[alb\/Https\] hostNames has names the certificate does not cover: "www\.example\.com"/,
    );
  });
});
