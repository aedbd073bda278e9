// A stack synthesized with the S3 backend from TF_STATE_* variables still plans offline: the
// harness's override replaces the backend with a local one, so the S3 block never needs AWS.
// The stack is the imported-certificate example, the one whose state holds a private key.
import * as fs from "node:fs";
import * as path from "node:path";
import { Testing } from "cdktf";
import { config, importedCertificate } from "../../examples/imported-certificate/main";
import { changeSummary, describeWithTerraform, planStack, PlanResult } from "../support/plan";

const ENV = {
  TF_STATE_BUCKET: "tls-state-111111111111",
  TF_STATE_REGION: "eu-central-1",
  TF_STATE_KEY_PREFIX: "/pipelines/tls/",
  TF_STATE_KMS_KEY_ID: "arn:aws:kms:eu-central-1:111111111111:alias/terraform-state",
};

describeWithTerraform("plan: a stack with the S3 backend from TF_STATE_*", () => {
  let plan: PlanResult;
  let synthesized: Record<string, any>;
  beforeAll(async () => {
    plan = await planStack(importedCertificate(Testing.app(), { ...config, stateBackendEnv: ENV }));
    synthesized = JSON.parse(fs.readFileSync(path.join(plan.stackDir, "cdk.tf.json"), "utf8"));
  });

  test("the planned configuration carries the S3 backend block", () => {
    expect(synthesized.terraform.backend).toEqual({
      s3: {
        bucket: "tls-state-111111111111",
        region: "eu-central-1",
        key: "pipelines/tls/imported-certificate/terraform.tfstate",
        encrypt: true,
        kms_key_id: "arn:aws:kms:eu-central-1:111111111111:alias/terraform-state",
        use_lockfile: true,
      },
    });
  });

  test("and plans the same resources as with the local backend", () => {
    expect(changeSummary(plan)).toEqual([
      "aws_acm_certificate:create",
      "aws_cloudwatch_metric_alarm:create",
      "aws_lb_listener:create",
      "aws_sns_topic:create",
    ]);
  });
});
