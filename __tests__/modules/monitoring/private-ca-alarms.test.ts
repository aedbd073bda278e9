import { CertificateAuthorityRef } from "../../../modules/private-ca/certificate-authority-ref";
import { PrivateCaAlarms } from "../../../modules/monitoring/private-ca-alarms";
import { synth, testStack } from "../../support/synth";

const CA_ARN =
  "arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/0123abcd-0000-1111-2222-333344445555";

function ca(region = "eu-west-1") {
  const { stack } = testStack(region);
  const authority = CertificateAuthorityRef.fromCertificateAuthorityArn(stack, "Ca", CA_ARN);
  return { stack, authority };
}

describe("PrivateCaAlarms", () => {
  test("two alarms on AWS/ACMPrivateCA for the CA's ARN, any event in 15 minutes, to a new topic", () => {
    const { stack, authority } = ca();
    new PrivateCaAlarms(stack, "CaAlarms", { certificateAuthority: authority });
    const out = synth(stack);
    const alarms = out.list("aws_cloudwatch_metric_alarm");
    expect(alarms.map((a) => a.metric_name).sort()).toEqual(["Failure", "MisconfiguredCRLBucket"]);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        namespace: "AWS/ACMPrivateCA",
        dimensions: { PrivateCAArn: CA_ARN },
        statistic: "Sum",
        period: 900,
        threshold: 1,
        comparison_operator: "GreaterThanOrEqualToThreshold",
      });
      // Published only when something happens: no data is not an alarm.
      expect(alarm.treat_missing_data).toBe("notBreaching");
    }
    expect(out.list("aws_sns_topic")).toHaveLength(1);
  });

  test("one alarm can be left out; both cannot", () => {
    const { stack, authority } = ca();
    new PrivateCaAlarms(stack, "CaAlarms", { certificateAuthority: authority, crlBucket: false });
    expect(
      synth(stack)
        .list("aws_cloudwatch_metric_alarm")
        .map((a) => a.metric_name),
    ).toEqual(["Failure"]);
    const other = ca();
    expect(
      () =>
        new PrivateCaAlarms(other.stack, "CaAlarms", {
          certificateAuthority: other.authority,
          crlBucket: false,
          issuanceFailures: false,
        }),
    ).toThrow(/crlBucket and issuanceFailures are both false/);
  });

  test.each([[0], [90], [59.5]])("periodSeconds %p is refused", (periodSeconds) => {
    const { stack, authority } = ca();
    expect(
      () =>
        new PrivateCaAlarms(stack, "CaAlarms", { certificateAuthority: authority, periodSeconds }),
    ).toThrow(
      new RegExp(`periodSeconds must be a multiple of 60, at least 60, got ${periodSeconds}`),
    );
  });

  test("a provider in another region than the CA is refused: metrics stay in the CA's region", () => {
    const { stack, authority } = ca("us-east-1");
    expect(
      () => new PrivateCaAlarms(stack, "CaAlarms", { certificateAuthority: authority }),
    ).toThrow(/provider is in region "us-east-1", but the CA .* is in "eu-west-1"/);
  });
});
