import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { ICertificateAuthority } from "../private-ca/certificate-authority-ref";
import { checkArn, ARN_RULES } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { NotificationTopicOptions, resolveTopic } from "./notification-topic";

/**
 * AWS Private CA metrics (https://docs.aws.amazon.com/privateca/latest/userguide/PcaCloudWatch.html):
 * namespace `AWS/ACMPrivateCA`, per CA under the dimension `PrivateCAArn` (the dimension the
 * prometheus-community yet-another-cloudwatch-exporter reads for this namespace).
 */
export const PRIVATE_CA_METRICS = {
  namespace: "AWS/ACMPrivateCA",
  dimension: "PrivateCAArn",
  /** The CRL's S3 bucket is not correctly configured (check the bucket policy). */
  misconfiguredCrlBucket: "MisconfiguredCRLBucket",
  /** An IssueCertificate operation failed. */
  failure: "Failure",
} as const;

export interface PrivateCaAlarmsProps extends NotificationTopicOptions {
  /** The CA to watch. */
  readonly certificateAuthority: ICertificateAuthority;
  /**
   * Alarm on `MisconfiguredCRLBucket`: the CA could not write its CRL. Turn off for a CA without
   * a CRL.
   * @default true
   */
  readonly crlBucket?: boolean;
  /** Alarm on `Failure` (failed IssueCertificate operations). @default true */
  readonly issuanceFailures?: boolean;
  /**
   * The alarms' period in seconds: a multiple of 60 (CloudWatch's rule for standard metrics).
   * A quarter hour by default: the metrics carry events, not levels, so any event in the
   * period raises the alarm.
   * @default 900
   */
  readonly periodSeconds?: number;
  /** @default the provider of the CA's own resource, else the stack's default provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * CloudWatch alarms on a private CA's metrics: CRL bucket misconfiguration and failed
 * issuance, each when the sum over the period is at least 1. These metrics are published only
 * when something happens, so missing data is not breaching.
 */
export class PrivateCaAlarms extends Construct {
  readonly topicArn: string;
  readonly topic?: SnsTopic;
  readonly crlBucketAlarm?: CloudwatchMetricAlarm;
  readonly failureAlarm?: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: PrivateCaAlarmsProps) {
    super(scope, id);
    const ca = props.certificateAuthority;
    const arn = (ca as ICertificateAuthority | undefined)?.certificateAuthorityArn;
    checkArn(
      this,
      "certificateAuthority.certificateAuthorityArn",
      arn,
      ARN_RULES.certificateAuthority,
    );
    const period = props.periodSeconds ?? 900;
    if (
      typeof period !== "number" ||
      !Number.isInteger(period) ||
      period < 60 ||
      period % 60 !== 0
    ) {
      throw new ValidationError(
        this,
        `periodSeconds must be a multiple of 60, at least 60, got ${show(period)}`,
      );
    }
    if (props.crlBucket === false && props.issuanceFailures === false) {
      throw new ValidationError(
        this,
        "crlBucket and issuanceFailures are both false: nothing to alarm on; drop the construct instead",
      );
    }
    const resource = (ca as { resource?: unknown }).resource;
    const provider =
      props.provider ?? (resource instanceof TerraformResource ? resource.provider : undefined);
    const region = regionOf(this, provider);
    if (ca.region !== undefined && region !== undefined && ca.region !== region) {
      throw new ValidationError(
        this,
        `provider is in region ${show(region)}, but the CA ${show(ca.node.path)} is in ${show(ca.region)}: its metrics are published in its region`,
      );
    }
    const topic = resolveTopic(
      this,
      "Topic",
      props,
      provider,
      region,
      "the alarms (the CA's region)",
    );
    this.topicArn = topic.topicArn;
    this.topic = topic.topic;

    const alarm = (id: string, metricName: string, description: string) =>
      new CloudwatchMetricAlarm(this, id, {
        provider,
        alarmName: `${this.node.path.replace(/\//g, "-")}-${metricName}`.slice(0, 255),
        alarmDescription: `${description} (CA ${ca.node.path})`,
        namespace: PRIVATE_CA_METRICS.namespace,
        metricName,
        dimensions: { [PRIVATE_CA_METRICS.dimension]: ca.certificateAuthorityArn },
        statistic: "Sum",
        period,
        evaluationPeriods: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        threshold: 1,
        treatMissingData: "notBreaching",
        alarmActions: [this.topicArn],
        tags: props.tags ? { ...props.tags } : undefined,
      });
    if (props.crlBucket ?? true) {
      this.crlBucketAlarm = alarm(
        "MisconfiguredCrlBucket",
        PRIVATE_CA_METRICS.misconfiguredCrlBucket,
        "The CA could not write its CRL to the S3 bucket: check the bucket policy",
      );
    }
    if (props.issuanceFailures ?? true) {
      this.failureAlarm = alarm(
        "IssuanceFailure",
        PRIVATE_CA_METRICS.failure,
        "An IssueCertificate operation of the CA failed",
      );
    }
  }
}
