import { Testing } from "cdktf";
import { nlbTls } from "../../examples/nlb-tls/main";
import {
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  changeSummary,
} from "../support/plan";

describeWithTerraform("plan: examples/nlb-tls", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(nlbTls(Testing.app()));
  });

  test("plans one certificate, its validation, one TLS listener and the records", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual([
      "aws_acm_certificate:create",
      "aws_acm_certificate_validation:create",
      "aws_lb_listener:create",
      "aws_route53_record:create", // alias A (the example's NLB is IPv4 only)
      "aws_route53_record:create", // validation
    ]);
  });

  test("the TLS listener has the certificate, TLS policy, ALPN policy and forward action", () => {
    const [listener] = ofType(plan, "aws_lb_listener");
    expect(listener.address).toMatch(/^aws_lb_listener\.Tls_Listener_[0-9A-F]{8}$/);
    expect(listener.change.after).toMatchObject({
      load_balancer_arn:
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/grpc/0123456789abcdef",
      port: 443,
      protocol: "TLS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      alpn_policy: "HTTP2Preferred",
      default_action: [
        expect.objectContaining({
          type: "forward",
          target_group_arn:
            "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/grpc/0123456789abcdef",
        }),
      ],
    });
    const [validation] = ofType(plan, "aws_acm_certificate_validation");
    expect(referencesOf(plan, listener.address, "certificate_arn")).toContain(
      `${validation.address}.certificate_arn`,
    );
    expect(providerKeyOf(plan, listener.address)).toBe("aws");
  });

  test("the alias record points the host name at the NLB", () => {
    const aliases = ofType(plan, "aws_route53_record").filter((r) => r.change.after?.type === "A");
    expect(aliases).toHaveLength(1);
    expect(aliases[0].address).toMatch(/Tls_AliasRecords_grpc_example_com_A_/);
    expect(aliases[0].change.after).toMatchObject({
      name: "grpc.example.com",
      zone_id: "Z0EXAMPLE00000000001",
      alias: [
        {
          name: "grpc-0123456789abcdef.elb.eu-west-1.amazonaws.com",
          zone_id: "Z2IFOLAFXWLO4F",
          evaluate_target_health: false,
        },
      ],
    });
  });

  test("the certificate is requested in the stack's region for the host name", () => {
    const [cert] = ofType(plan, "aws_acm_certificate");
    expect(cert.change.after).toMatchObject({ domain_name: "grpc.example.com" });
    expect(providerKeyOf(plan, cert.address)).toBe("aws");
  });
});
