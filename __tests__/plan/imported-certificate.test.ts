import * as fs from "node:fs";
import * as path from "node:path";
import { Testing } from "cdktf";
import { config, importedCertificate } from "../../examples/imported-certificate/main";
import {
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  referencesOf,
} from "../support/plan";

describeWithTerraform("plan: examples/imported-certificate", () => {
  let plan: PlanResult;
  beforeAll(async () => {
    plan = await planStack(importedCertificate(Testing.app()));
  });

  test("plans the import, the listener, the alarm and its topic", () => {
    const types = plan.resourceChanges.map((c) => `${c.type}:${c.change.actions.join("+")}`).sort();
    expect(types).toEqual([
      "aws_acm_certificate:create",
      "aws_cloudwatch_metric_alarm:create",
      "aws_lb_listener:create",
      "aws_sns_topic:create",
    ]);
  });

  test("the certificate is imported from the PEM files, read by Terraform at plan", () => {
    const [cert] = ofType(plan, "aws_acm_certificate");
    const read = (f: string) => fs.readFileSync(f, "utf8");
    expect(cert.change.after?.certificate_body).toBe(read(config.certificateFile));
    expect(cert.change.after?.certificate_chain).toBe(read(config.chainFile as string));
    // The key is sensitive in the provider schema: the plan hides it.
    expect((cert.change.after_sensitive as Record<string, unknown>).private_key).toBe(true);
    expect(cert.change.after?.validation_method ?? null).toBeNull();
  });

  test("the listener attaches the imported certificate's ARN", () => {
    const [listener] = ofType(plan, "aws_lb_listener");
    expect(referencesOf(plan, listener.address, "certificate_arn")).toContain(
      `${ofType(plan, "aws_acm_certificate")[0].address}.arn`,
    );
  });

  test("the alarm fires 30 days before expiry", () => {
    const [alarm] = ofType(plan, "aws_cloudwatch_metric_alarm");
    expect(alarm.change.after).toMatchObject({
      metric_name: "DaysToExpiry",
      threshold: 30,
      treat_missing_data: "breaching",
    });
  });

  test("the test PEM files are the ones the repo's script makes", () => {
    expect(path.basename(path.dirname(config.certificateFile))).toBe("test-pems");
    expect(
      fs.existsSync(
        path.join(__dirname, "../../examples/imported-certificate/generate-test-pems.sh"),
      ),
    ).toBe(true);
  });
});
