import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { TerraformProvider, TerraformResource } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { Certificate } from "../certificate/certificate";
import { checkIsCertificate, ICertificate } from "../certificate/certificate-ref";
import { PrivateCertificate } from "../private-ca/private-certificate";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import {
  CertificateKind,
  checkDays,
  defaultExpiryThreshold,
  ExpiryThreshold,
} from "./expiry-threshold";
import { NotificationTopicOptions, resolveTopic } from "./notification-topic";

/** ACM's expiry metric: namespace, name and dimension (https://docs.aws.amazon.com/acm/latest/userguide/cloudwatch-metrics.html). */
export const DAYS_TO_EXPIRY_METRIC = {
  namespace: "AWS/CertificateManager",
  metricName: "DaysToExpiry",
  dimension: "CertificateArn",
} as const;

/** ACM publishes DaysToExpiry once a day: the alarm reads the minimum over one day. */
export const DAYS_TO_EXPIRY_PERIOD_SECONDS = 86400;

const CERTIFICATE_KINDS: readonly CertificateKind[] = ["public", "private", "imported"];
/** CloudWatch alarm names: 1 to 255 characters (PutMetricAlarm API reference). */
const MAX_ALARM_NAME = 255;

export interface ExpiryAlarmOptions extends NotificationTopicOptions {
  /**
   * Alarm when fewer than this many days remain.
   * @default computed from the kind: a tenth of the lifetime for public (198 days -> 19) and
   * private (395 days -> 39) certificates, 30 days for imported ones
   */
  readonly thresholdDays?: number;
  /**
   * The certificate's lifetime in days, for the default threshold of a public or private
   * certificate. Public lifetimes shrink (198 days today, under 100 from March 2027, under 47
   * from March 2029): set it when ACM's changes.
   * @default 198 for public, 395 for private certificates
   */
  readonly lifetimeDays?: number;
  /**
   * The alarm's name, unique in the account and region, 1-255 characters.
   * @default `<construct path with "-" for "/">-DaysToExpiry`
   */
  readonly alarmName?: string;
  /** Also notify when the alarm returns to OK (the certificate was renewed). @default true */
  readonly notifyOnRecovery?: boolean;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface CertificateExpiryAlarmProps extends ExpiryAlarmOptions {
  /** The ACM certificate to watch. */
  readonly certificate: ICertificate;
  /**
   * What kind of certificate it is; the default threshold depends on it.
   * @default read from the construct: `Certificate` is public, `PrivateCertificate` private,
   * `ImportedCertificate` imported; required for a certificate referenced by ARN
   */
  readonly kind?: CertificateKind;
  /**
   * The provider to create the alarm (and a new topic) through. ACM publishes the metric in the
   * certificate's region and an alarm reads metrics of its own region only
   * (aws/aws-cdk#30483), so it must be the certificate's region.
   * @default the provider of the certificate's own resource, else the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

const alarmed = new WeakSet<IConstruct>();

/** The kind of a certificate this library created, or undefined. */
export function certificateKindOf(certificate: ICertificate): CertificateKind | undefined {
  if (certificate instanceof Certificate) return "public";
  if (certificate instanceof PrivateCertificate) return "private";
  const kind = (certificate as { readonly certificateKind?: unknown }).certificateKind;
  return typeof kind === "string" && (CERTIFICATE_KINDS as readonly string[]).includes(kind)
    ? (kind as CertificateKind)
    : undefined;
}

/** The provider of a certificate's own `aws_acm_certificate`, when it has one. */
function providerOfCertificate(certificate: ICertificate): TerraformProvider | undefined {
  const resource = (certificate as { readonly resource?: unknown }).resource;
  return resource instanceof TerraformResource ? resource.provider : undefined;
}

/**
 * A CloudWatch alarm on ACM's `DaysToExpiry` for one certificate (dimension `CertificateArn`),
 * minimum over one day, notifying an SNS topic (given or created). Missing data is breaching:
 * ACM stops publishing the metric once the certificate has expired, so silence means trouble.
 *
 * The threshold is computed from the certificate's kind and lifetime (see
 * `defaultExpiryThreshold`), never a fixed number of days, unless `thresholdDays` is given.
 */
export class CertificateExpiryAlarm extends Construct {
  /** True when an alarm of this library already watches `certificate`. */
  static isAlarmed(certificate: IConstruct): boolean {
    return alarmed.has(certificate);
  }

  readonly certificate: ICertificate;
  readonly kind: CertificateKind;
  /** The threshold in days, and the lifetime it was computed from. */
  readonly threshold: ExpiryThreshold;
  readonly topicArn: string;
  /** The topic, when this alarm created it. */
  readonly topic?: SnsTopic;
  readonly resource: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: CertificateExpiryAlarmProps) {
    super(scope, id);
    checkIsCertificate(this, "certificate", props.certificate);
    const certificate = props.certificate;
    this.certificate = certificate;

    const detected = certificateKindOf(certificate);
    if (
      props.kind !== undefined &&
      !(CERTIFICATE_KINDS as readonly string[]).includes(props.kind)
    ) {
      throw new ValidationError(
        this,
        `kind must be one of ${CERTIFICATE_KINDS.map((k) => show(k)).join(", ")}, got ${show(props.kind)}`,
      );
    }
    if (props.kind !== undefined && detected !== undefined && props.kind !== detected) {
      throw new ValidationError(
        this,
        `kind ${show(props.kind)} contradicts the certificate ${show(certificate.node.path)}, which is a ${detected} certificate`,
      );
    }
    const kind = props.kind ?? detected;
    if (kind === undefined) {
      throw new ValidationError(
        this,
        `kind must be given for a certificate this library did not create (${show(certificate.node.path)}), got undefined: ` +
          `one of ${CERTIFICATE_KINDS.map((k) => show(k)).join(", ")}; the default threshold depends on it`,
      );
    }
    this.kind = kind;

    if (kind === "imported" && props.lifetimeDays !== undefined) {
      throw new ValidationError(
        this,
        `lifetimeDays applies to public and private certificates only, got ${show(props.lifetimeDays)} for an imported certificate (its threshold is 30 days unless thresholdDays is set)`,
      );
    }
    checkDays(this, "lifetimeDays", props.lifetimeDays, 2, 3650, "a certificate's validity period");
    const computed = defaultExpiryThreshold(kind, props.lifetimeDays);
    const maxThreshold = computed.lifetimeDays !== undefined ? computed.lifetimeDays - 1 : 3650;
    checkDays(
      this,
      "thresholdDays",
      props.thresholdDays,
      1,
      maxThreshold,
      computed.lifetimeDays !== undefined
        ? `under the ${computed.lifetimeDays}-day lifetime, or the alarm never clears`
        : "at least one day",
    );
    this.threshold =
      props.thresholdDays !== undefined
        ? { ...computed, thresholdDays: props.thresholdDays }
        : computed;

    const provider = props.provider ?? providerOfCertificate(certificate);
    const region = regionOf(this, provider);
    if (certificate.region !== undefined && region !== undefined && certificate.region !== region) {
      throw new ValidationError(
        this,
        `provider is in region ${show(region)}, but the certificate ${show(certificate.node.path)} is in ${show(certificate.region)}: ` +
          "ACM publishes DaysToExpiry in the certificate's region and an alarm reads metrics of its own region only; pass a provider of that region",
      );
    }

    const alarmName = props.alarmName ?? defaultAlarmName(this);
    if (isLiteral(alarmName) && (alarmName.length < 1 || alarmName.length > MAX_ALARM_NAME)) {
      throw new ValidationError(
        this,
        `alarmName must be 1 to ${MAX_ALARM_NAME} characters, got ${alarmName.length}: ${show(alarmName)}`,
      );
    }

    const topic = resolveTopic(
      this,
      "Topic",
      props,
      provider,
      region,
      "the alarm (the certificate's region)",
    );
    this.topicArn = topic.topicArn;
    this.topic = topic.topic;

    const lifetime =
      this.threshold.lifetimeDays !== undefined
        ? ` of a ${this.threshold.lifetimeDays}-day lifetime`
        : "";
    this.resource = new CloudwatchMetricAlarm(this, "Alarm", {
      provider,
      alarmName,
      alarmDescription:
        `${kind} ACM certificate ${certificate.node.path} has fewer than ${this.threshold.thresholdDays} days${lifetime} left. ` +
        (kind === "imported"
          ? "ACM never renews imported certificates: re-import new PEM files."
          : "ACM's managed renewal should have happened by now: check validation records, that the certificate is in use, or the CA's permission."),
      namespace: DAYS_TO_EXPIRY_METRIC.namespace,
      metricName: DAYS_TO_EXPIRY_METRIC.metricName,
      dimensions: { [DAYS_TO_EXPIRY_METRIC.dimension]: certificate.certificateArn },
      statistic: "Minimum",
      period: DAYS_TO_EXPIRY_PERIOD_SECONDS,
      evaluationPeriods: 1,
      comparisonOperator: "LessThanThreshold",
      threshold: this.threshold.thresholdDays,
      // The metric stops once the certificate has expired: no data is the worst case.
      treatMissingData: "breaching",
      alarmActions: [this.topicArn],
      okActions: (props.notifyOnRecovery ?? true) ? [this.topicArn] : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    alarmed.add(certificate);
  }
}

function defaultAlarmName(alarm: IConstruct): string {
  const name = `${alarm.node.path.replace(/\//g, "-")}-DaysToExpiry`;
  return name.length <= MAX_ALARM_NAME
    ? name
    : `${name.slice(0, MAX_ALARM_NAME - 9)}-${alarm.node.addr.slice(0, 8)}`;
}
