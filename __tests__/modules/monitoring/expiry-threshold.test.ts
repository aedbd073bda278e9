import { Testing } from "cdktf";
import { Certificate } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { CertificateExpiryAlarm } from "../../../modules/monitoring/certificate-expiry-alarm";
import { defaultExpiryThreshold } from "../../../modules/monitoring/expiry-threshold";
import { monitorAll } from "../../../modules/monitoring/monitor-all";
import { synth, testStack } from "../../support/synth";

const ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/12345678-1234-1234-1234-123456789012";

describe("alarm thresholds are computed from the lifetime, per kind", () => {
  // Expected values written out: floor(lifetime / 10), and 30 for imported.
  test.each([
    ["public", undefined, 198, 19],
    ["public", 100, 100, 10],
    ["public", 47, 47, 4],
    ["private", undefined, 395, 39],
  ] as const)(
    "%s certificate, lifetime %s -> %s days gives %s",
    (kind, given, lifetime, threshold) => {
      expect(defaultExpiryThreshold(kind, given)).toEqual({
        kind,
        lifetimeDays: lifetime,
        thresholdDays: threshold,
      });
    },
  );
  test("imported: 30 days, no lifetime", () => {
    expect(defaultExpiryThreshold("imported")).toEqual({ kind: "imported", thresholdDays: 30 });
  });
});

describe("CertificateExpiryAlarm", () => {
  test("public certificate: DaysToExpiry on the validated ARN, minimum over a day, breaching, 19 days", () => {
    const { stack } = testStack();
    const cert = new Certificate(stack, "Cert", {
      domainName: "example.com",
      validation: CertificateValidation.fromDns([
        { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" },
      ]),
    });
    const alarm = new CertificateExpiryAlarm(stack, "Alarm", { certificate: cert });
    expect(alarm.threshold).toEqual({ kind: "public", lifetimeDays: 198, thresholdDays: 19 });
    const out = synth(stack);
    const [a] = out.list("aws_cloudwatch_metric_alarm");
    expect(a).toMatchObject({
      namespace: "AWS/CertificateManager",
      metric_name: "DaysToExpiry",
      statistic: "Minimum",
      period: 86400,
      evaluation_periods: 1,
      comparison_operator: "LessThanThreshold",
      threshold: 19,
      treat_missing_data: "breaching",
      alarm_name: "test-Alarm-DaysToExpiry",
    });
    expect(a.dimensions.CertificateArn).toMatch(
      /aws_acm_certificate_validation\..*\.certificate_arn/,
    );
    expect(a.alarm_actions).toEqual([expect.stringMatching(/aws_sns_topic\..*\.arn/)]);
    expect(a.ok_actions).toEqual(a.alarm_actions);
    expect(out.list("aws_sns_topic")).toHaveLength(1);
  });

  test("a given threshold and topic are used; no topic is created; no OK action when asked", () => {
    const { stack } = testStack();
    const cert = Certificate.fromCertificateArn(stack, "Existing", ARN);
    new CertificateExpiryAlarm(stack, "Alarm", {
      certificate: cert,
      kind: "imported",
      thresholdDays: 45,
      topicArn: "arn:aws:sns:eu-west-1:111111111111:alerts",
      notifyOnRecovery: false,
    });
    const out = synth(stack);
    const [a] = out.list("aws_cloudwatch_metric_alarm");
    expect(a.threshold).toBe(45);
    expect(a.dimensions.CertificateArn).toBe(ARN);
    expect(a.alarm_actions).toEqual(["arn:aws:sns:eu-west-1:111111111111:alerts"]);
    expect(a.ok_actions).toBeUndefined();
    expect(out.list("aws_sns_topic")).toHaveLength(0);
  });

  test("a KMS key encrypts the created topic", () => {
    const { stack } = testStack();
    const cert = Certificate.fromCertificateArn(stack, "Existing", ARN);
    new CertificateExpiryAlarm(stack, "Alarm", {
      certificate: cert,
      kind: "public",
      kmsMasterKeyId: "alias/alerts",
    });
    expect(synth(stack).list("aws_sns_topic")[0].kms_master_key_id).toBe("alias/alerts");
  });
});

describe("monitorAll", () => {
  test("one alarm per certificate, including one added after the call; references by ARN skipped", () => {
    const { stack } = testStack();
    const zones = [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }];
    new Certificate(stack, "A", {
      domainName: "a.example.com",
      validation: CertificateValidation.fromDns(zones),
    });
    const aspect = monitorAll(stack, { publicLifetimeDays: 100 });
    new Certificate(stack, "B", {
      domainName: "b.example.com",
      validation: CertificateValidation.fromDns(zones),
    });
    Certificate.fromCertificateArn(stack, "Existing", ARN);
    const out = synth(stack);
    const alarms = out.list("aws_cloudwatch_metric_alarm");
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual([
      "test-A-ExpiryAlarm-DaysToExpiry",
      "test-B-ExpiryAlarm-DaysToExpiry",
    ]);
    expect(alarms.map((a) => a.threshold)).toEqual([10, 10]);
    expect(out.list("aws_sns_topic")).toHaveLength(1);
    expect(aspect.alarms).toHaveLength(2);
    // Synthesizing again adds nothing.
    expect(
      Object.keys(JSON.parse(Testing.synth(stack)).resource.aws_cloudwatch_metric_alarm),
    ).toHaveLength(2);
  });
});
