import { Testing } from "cdktf";
import { monitoring } from "../../examples/monitoring/main";
import {
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  referencesOf,
} from "../support/plan";

describeWithTerraform("plan: examples/monitoring", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(monitoring(Testing.app()));
  });

  test("plans four event rules with SNS targets, the topic policy, the Config rule and the alarm", () => {
    const types = plan.resourceChanges
      .filter((c) => (c as { mode?: string }).mode !== "data")
      .map((c) => `${c.type}:${c.change.actions.join("+")}`)
      .sort();
    expect(types).toEqual([
      "aws_acm_certificate:create",
      "aws_acm_certificate_validation:create",
      "aws_cloudwatch_event_rule:create",
      "aws_cloudwatch_event_rule:create",
      "aws_cloudwatch_event_rule:create",
      "aws_cloudwatch_event_rule:create",
      "aws_cloudwatch_event_target:create",
      "aws_cloudwatch_event_target:create",
      "aws_cloudwatch_event_target:create",
      "aws_cloudwatch_event_target:create",
      "aws_cloudwatch_metric_alarm:create",
      "aws_config_config_rule:create",
      "aws_route53_record:create",
      "aws_sns_topic:create",
      "aws_sns_topic:create",
      "aws_sns_topic_policy:create",
    ]);
  });

  test("the event rules match source aws.acm and ACM's four detail types", () => {
    const patterns = ofType(plan, "aws_cloudwatch_event_rule")
      .map((r) => JSON.parse(String(r.change.after?.event_pattern)))
      .sort((a, b) => (a["detail-type"][0] < b["detail-type"][0] ? -1 : 1));
    expect(patterns).toEqual([
      { source: ["aws.acm"], "detail-type": ["ACM Certificate Approaching Expiration"] },
      { source: ["aws.acm"], "detail-type": ["ACM Certificate Available"] },
      { source: ["aws.acm"], "detail-type": ["ACM Certificate Expired"] },
      { source: ["aws.acm"], "detail-type": ["ACM Certificate Renewal Action Required"] },
    ]);
  });

  test("each target transforms the event into a line with the common name", () => {
    for (const t of ofType(plan, "aws_cloudwatch_event_target")) {
      const transformer = (
        t.change.after?.input_transformer as Record<string, string>[]
      )[0] as unknown as {
        input_paths: Record<string, string>;
        input_template: string;
      };
      expect(transformer.input_paths).toMatchObject({
        commonName: "$.detail.CommonName",
        daysToExpiry: "$.detail.DaysToExpiry",
      });
      expect(transformer.input_template).toMatch(/^".*<commonName>.*"$/);
    }
    const approaching = ofType(plan, "aws_cloudwatch_event_target").find((t) =>
      t.address.includes("ApproachingExpirationTarget"),
    );
    expect(
      (approaching?.change.after?.input_transformer as { input_template: string }[])[0]
        .input_template,
    ).toContain("expires in <daysToExpiry> days");
  });

  test("the alarm watches DaysToExpiry of the validated certificate with the computed threshold", () => {
    const [alarm] = ofType(plan, "aws_cloudwatch_metric_alarm");
    expect(alarm.change.after).toMatchObject({
      namespace: "AWS/CertificateManager",
      metric_name: "DaysToExpiry",
      statistic: "Minimum",
      period: 86400,
      evaluation_periods: 1,
      comparison_operator: "LessThanThreshold",
      // 198-day public lifetime x 0.1, rounded down
      threshold: 19,
      treat_missing_data: "breaching",
    });
    expect(referencesOf(plan, alarm.address, "dimensions")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws_acm_certificate_validation\./)]),
    );
  });

  test("the Config rule is the AWS managed ACM_CERTIFICATE_EXPIRATION_CHECK with daysToExpiration 30", () => {
    const [rule] = ofType(plan, "aws_config_config_rule");
    expect(rule.change.after?.source).toEqual([
      expect.objectContaining({
        owner: "AWS",
        source_identifier: "ACM_CERTIFICATE_EXPIRATION_CHECK",
      }),
    ]);
    expect(JSON.parse(String(rule.change.after?.input_parameters))).toEqual({
      daysToExpiration: "30",
    });
  });
});
