import { Testing } from "cdktf";
import { albHttps } from "../../examples/alb-https/main";
import {
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  ResourceChange,
  changeSummary,
} from "../support/plan";
import { ALB_HTTPS_PLANNED_CHANGES } from "../support/fixtures";

const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";

describeWithTerraform("plan: examples/alb-https", () => {
  let plan: PlanResult;
  let https: ResourceChange;
  let redirect: ResourceChange;
  beforeAll(async () => {
    plan = await planStack(albHttps(Testing.app()));
    const listeners = ofType(plan, "aws_lb_listener");
    https = listeners.find((l) => l.change.after?.protocol === "HTTPS") as ResourceChange;
    redirect = listeners.find((l) => l.change.after?.protocol === "HTTP") as ResourceChange;
  });

  test("plans two certificates, two listeners, one SNI attachment and the records", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual(ALB_HTTPS_PLANNED_CHANGES);
  });

  test("the HTTPS listener uses the validated ARN of the default certificate", () => {
    expect(https.address).toMatch(/^aws_lb_listener\.Https_Listener_/);
    const refs = referencesOf(plan, https.address, "certificate_arn");
    const validation = ofType(plan, "aws_acm_certificate_validation").find((v) =>
      v.address.startsWith("aws_acm_certificate_validation.Certificate_Validation_"),
    ) as ResourceChange;
    expect(refs).toContain(`${validation.address}.certificate_arn`);
    expect(refs.some((r) => r.startsWith("aws_acm_certificate."))).toBe(false);
  });

  test("the HTTPS listener has the explicit TLS policy, port 443 and forwards to the target group", () => {
    expect(https.change.after).toMatchObject({
      load_balancer_arn: LB,
      port: 443,
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      default_action: [expect.objectContaining({ type: "forward", target_group_arn: TG })],
    });
    expect(providerKeyOf(plan, https.address)).toBe("aws");
  });

  test("the redirect listener answers HTTP on 80 with a 301 to HTTPS 443", () => {
    expect(redirect.address).toMatch(/^aws_lb_listener\.Https_HttpRedirect_/);
    expect(redirect.change.after).toMatchObject({
      load_balancer_arn: LB,
      port: 80,
      protocol: "HTTP",
      default_action: [
        expect.objectContaining({
          type: "redirect",
          redirect: [
            expect.objectContaining({ port: "443", protocol: "HTTPS", status_code: "HTTP_301" }),
          ],
        }),
      ],
    });
    expect(redirect.change.after?.certificate_arn ?? null).toBeNull();
  });

  test("the SNI certificate is keyed by name and attaches the validated ARN of the second certificate", () => {
    const attached = ofType(plan, "aws_lb_listener_certificate");
    expect(attached.map((a) => a.address)).toEqual([
      expect.stringMatching(
        /^aws_lb_listener_certificate\.Https_SniCertificates_shop_[0-9A-F]{8}$/,
      ),
    ]);
    const address = attached[0].address;
    const shopValidation = ofType(plan, "aws_acm_certificate_validation").filter((v) =>
      v.address.startsWith("aws_acm_certificate_validation.Certificate_shop_Validation_"),
    );
    expect(shopValidation).toHaveLength(1);
    expect(referencesOf(plan, address, "certificate_arn")).toContain(
      `${shopValidation[0].address}.certificate_arn`,
    );
    expect(referencesOf(plan, address, "listener_arn")).toContain(`${https.address}.arn`);
  });

  test("the second certificate is for the second domain", () => {
    const names = ofType(plan, "aws_acm_certificate")
      .map((c) => c.change.after?.domain_name)
      .sort();
    expect(names).toEqual(["example.com", "shop.example.org"]);
  });

  test("alias A and AAAA records point every host name at the load balancer", () => {
    const aliases = ofType(plan, "aws_route53_record").filter((r) =>
      r.address.includes("_AliasRecords_"),
    );
    expect(aliases.map((r) => `${r.change.after?.name}/${r.change.after?.type}`).sort()).toEqual([
      "example.com/A",
      "example.com/AAAA",
      "shop.example.org/A",
      "shop.example.org/AAAA",
      "www.example.com/A",
      "www.example.com/AAAA",
    ]);
    for (const r of aliases) {
      expect(r.change.after?.alias).toEqual([
        {
          name: "web-1234567890.eu-west-1.elb.amazonaws.com",
          zone_id: "Z32O12XQLNTSW2",
          evaluate_target_health: false,
        },
      ]);
      const zone = String(r.change.after?.name).endsWith("example.org")
        ? "Z0EXAMPLE00000000002"
        : "Z0EXAMPLE00000000001";
      expect(r.change.after?.zone_id).toBe(zone);
    }
  });
});
