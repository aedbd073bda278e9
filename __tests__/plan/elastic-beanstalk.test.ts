import { Testing } from "cdktf";
import { elasticBeanstalk } from "../../examples/elastic-beanstalk/main";
import {
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  changeSummary,
} from "../support/plan";

type Setting = { namespace: string; name: string; value?: string; resource?: string };

describeWithTerraform("plan: examples/elastic-beanstalk", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(elasticBeanstalk(Testing.app()));
  });

  const environment = () => ofType(plan, "aws_elastic_beanstalk_environment")[0];
  const settings = () => environment().change.after?.setting as Setting[];
  const valueOf = (namespace: string, name: string) =>
    settings().filter((s) => s.namespace === namespace && s.name === name);

  test("plans the certificate, its validation, one record and one environment", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual([
      "aws_acm_certificate:create",
      "aws_acm_certificate_validation:create",
      "aws_elastic_beanstalk_environment:create",
      "aws_route53_record:create",
    ]);
  });

  test("the environment is for the existing application and platform", () => {
    expect(environment().address).toMatch(
      /^aws_elastic_beanstalk_environment\.Environment_[0-9A-F]{8}$/,
    );
    expect(environment().change.after).toMatchObject({
      name: "example-app-prod",
      application: "example-app",
      solution_stack_name: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
      tier: "WebServer",
    });
    expect(providerKeyOf(plan, environment().address)).toBe("aws");
  });

  test("an application load balancer with an HTTPS listener on 443 and the TLS policy", () => {
    expect(valueOf("aws:elasticbeanstalk:environment", "LoadBalancerType")).toEqual([
      expect.objectContaining({ value: "application" }),
    ]);
    expect(valueOf("aws:elbv2:listener:443", "ListenerEnabled")).toEqual([
      expect.objectContaining({ value: "true" }),
    ]);
    expect(valueOf("aws:elbv2:listener:443", "Protocol")).toEqual([
      expect.objectContaining({ value: "HTTPS" }),
    ]);
    expect(valueOf("aws:elbv2:listener:443", "SSLPolicy")).toEqual([
      expect.objectContaining({ value: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    ]);
    expect(valueOf("aws:elbv2:listener:443", "DefaultProcess")).toEqual([
      expect.objectContaining({ value: "default" }),
    ]);
    // The ARN is unknown until apply, but the setting is there.
    expect(valueOf("aws:elbv2:listener:443", "SSLCertificateArns")).toHaveLength(1);
  });

  test("SSLCertificateArns is the validated ARN", () => {
    const [validation] = ofType(plan, "aws_acm_certificate_validation");
    expect(referencesOf(plan, environment().address, "setting")).toContain(
      `${validation.address}.certificate_arn`,
    );
    expect(
      referencesOf(plan, environment().address, "setting").some((r) =>
        r.startsWith("aws_acm_certificate."),
      ),
    ).toBe(false);
  });

  test("the user's own settings are kept beside the HTTPS settings", () => {
    expect(valueOf("aws:autoscaling:launchconfiguration", "InstanceType")).toEqual([
      expect.objectContaining({ value: "t3.small" }),
    ]);
    expect(settings()).toHaveLength(8);
  });
});
