import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { CertificateExpirationConfigRule } from "../modules/monitoring/certificate-expiration-config-rule";
import { AcmEventName, CertificateExpiryEvents } from "../modules/monitoring/expiry-events";
import { ExpiryAlarmAspect, monitorAll } from "../modules/monitoring/monitor-all";
import { BaseStack, BaseStackProps, hostedZoneRefs } from "./base-stack";
import { constructIdOf } from "./stack-names";

/** A certificate the monitoring stack requests (and alarms on). */
export interface MonitoredCertificateConfig {
  readonly domainName: string;
  /** @default none */
  readonly subjectAlternativeNames?: readonly string[];
}

export interface MonitoringStackProps extends BaseStackProps {
  /** Zones for the validation records of `certificates`. @default none */
  readonly hostedZones?: readonly Pick<HostedZoneRef, "zoneId" | "zoneName">[];
  /**
   * Certificates to request, by snake_case name (construct id: PascalCase of it); each gets a
   * DaysToExpiry alarm through `monitorAll`. @default none
   */
  readonly certificates?: Readonly<Record<string, MonitoredCertificateConfig>>;
  /**
   * The account-wide ACM event rules of the stack's region, to a new SNS topic.
   * `false` leaves them out.
   * @default all four events, unencrypted topic
   */
  readonly events?:
    false | { readonly events?: readonly AcmEventName[]; readonly kmsMasterKeyId?: string };
  /**
   * The AWS Config rule ACM_CERTIFICATE_EXPIRATION_CHECK (needs a configuration recorder).
   * @default none
   */
  readonly configRule?: { readonly daysToExpiration?: number };
  /** The lifetime of public certificates, for the alarm thresholds. @default 198 */
  readonly publicLifetimeDays?: number;
  /** An existing topic for the alarms. @default one new topic */
  readonly alarmTopicArn?: string;
}

/**
 * Expiry monitoring for one region: account-wide EventBridge rules for ACM's events to SNS, an
 * optional Config rule, and a DaysToExpiry alarm on every certificate of the stack (monitorAll).
 */
export class MonitoringStack extends BaseStack {
  readonly certificates: Readonly<Record<string, Certificate>>;
  readonly events?: CertificateExpiryEvents;
  readonly configRule?: CertificateExpirationConfigRule;
  readonly alarms: ExpiryAlarmAspect;

  constructor(scope: Construct, name: string, props: MonitoringStackProps) {
    super(scope, name, props);
    const zones = hostedZoneRefs(props.hostedZones ?? []);
    const certificates: Record<string, Certificate> = {};
    for (const [key, c] of Object.entries(props.certificates ?? {})) {
      const cert = new Certificate(this, constructIdOf(key), {
        domainName: c.domainName,
        subjectAlternativeNames: c.subjectAlternativeNames,
        validation: CertificateValidation.fromDns(zones),
      });
      certificates[key] = cert;
      this.outputCertificate(key, cert);
    }
    this.certificates = certificates;

    if (props.events !== false) {
      this.events = new CertificateExpiryEvents(this, "ExpiryEvents", {
        events: props.events?.events,
        kmsMasterKeyId: props.events?.kmsMasterKeyId,
      });
      new TerraformOutput(this, "events_topic_arn", {
        value: this.events.topicArn,
        description: "ARN of the SNS topic ACM's events are sent to; subscribe to it",
      });
    }
    if (props.configRule) {
      this.configRule = new CertificateExpirationConfigRule(this, "ExpirationConfigRule", {
        daysToExpiration: props.configRule.daysToExpiration,
      });
    }
    this.alarms = monitorAll(this, {
      topicArn: props.alarmTopicArn,
      publicLifetimeDays: props.publicLifetimeDays,
    });
  }
}
