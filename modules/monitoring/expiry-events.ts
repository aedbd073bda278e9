import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { NotificationTopicOptions, resolveTopic } from "./notification-topic";

/**
 * The ACM events EventBridge delivers (source `aws.acm`), by the construct id of their rule.
 * Detail types from https://docs.aws.amazon.com/acm/latest/userguide/supported-events.html.
 */
export const ACM_EVENTS = {
  ApproachingExpiration: "ACM Certificate Approaching Expiration",
  Expired: "ACM Certificate Expired",
  RenewalActionRequired: "ACM Certificate Renewal Action Required",
  Available: "ACM Certificate Available",
} as const;

/** A rule's construct id, which names one of {@link ACM_EVENTS}. */
export type AcmEventName = keyof typeof ACM_EVENTS;

const EVENT_NAMES = Object.keys(ACM_EVENTS) as AcmEventName[];

/**
 * What the input transformer reads from each event. Every ACM event carries the common name in
 * `detail.CommonName` and the certificate ARN in `resources[0]`; the documented structure of
 * "Approaching Expiration" also has `detail.DaysToExpiry`, so only that message names the days.
 */
export const EVENT_INPUT_PATHS: Readonly<Record<string, string>> = {
  commonName: "$.detail.CommonName",
  daysToExpiry: "$.detail.DaysToExpiry",
  certificateArn: "$.resources[0]",
  account: "$.account",
  region: "$.region",
};

/** The text each rule sends to SNS; `<name>` placeholders are filled from {@link EVENT_INPUT_PATHS}. */
export const EVENT_MESSAGES: Readonly<Record<AcmEventName, string>> = {
  ApproachingExpiration:
    "ACM certificate <commonName> expires in <daysToExpiry> days (<certificateArn>, account <account>, <region>).",
  Expired:
    "ACM certificate <commonName> has EXPIRED (<certificateArn>, account <account>, <region>).",
  RenewalActionRequired:
    "ACM certificate <commonName> cannot renew without action: check its validation records or CA permission (<certificateArn>, account <account>, <region>).",
  Available:
    "ACM certificate <commonName> is available: issued, renewed or imported (<certificateArn>, account <account>, <region>).",
};

export interface CertificateExpiryEventsProps extends NotificationTopicOptions {
  /**
   * The events to route, by name.
   * @default all four: ApproachingExpiration, Expired, RenewalActionRequired, Available
   */
  readonly events?: readonly AcmEventName[];
  /**
   * Write the topic's policy allowing `events.amazonaws.com` to publish, limited to these rules.
   * `aws_sns_topic_policy` replaces a topic's whole policy, so for a given `topicArn` it is off
   * by default: that topic's owner must allow the rules.
   * @default true for a created topic, false for a given `topicArn`
   */
  readonly manageTopicPolicy?: boolean;
  /**
   * The AWS provider: ACM sends events in the certificate's region, so one
   * `CertificateExpiryEvents` per region with certificates.
   * @default the stack's default provider
   */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Account-wide ACM events of one region to SNS: one EventBridge rule per event type (source
 * `aws.acm`), each with an input transformer that writes a one-line message carrying the
 * common name (and, for approaching expiration, the days left), and the topic policy that lets
 * EventBridge publish. The topic is created (optionally KMS-encrypted) or given.
 */
export class CertificateExpiryEvents extends Construct {
  readonly topicArn: string;
  readonly topic?: SnsTopic;
  /** The rules by event name. */
  readonly rules: Readonly<Partial<Record<AcmEventName, CloudwatchEventRule>>>;
  readonly topicPolicy?: SnsTopicPolicy;

  constructor(scope: Construct, id: string, props: CertificateExpiryEventsProps = {}) {
    super(scope, id);
    const events: readonly AcmEventName[] = props.events ?? EVENT_NAMES;
    if (!Array.isArray(props.events ?? EVENT_NAMES) || events.length === 0) {
      throw new ValidationError(
        this,
        `events must list at least one of ${EVENT_NAMES.map((e) => show(e)).join(", ")}, got ${show(events)}`,
      );
    }
    events.forEach((e, i) => {
      if (!EVENT_NAMES.includes(e)) {
        throw new ValidationError(
          this,
          `events[${i}] must be one of ${EVENT_NAMES.map((n) => show(n)).join(", ")}, got ${show(e)}`,
        );
      }
      if (events.indexOf(e) !== i) {
        throw new ValidationError(this, `events[${i}] repeats ${show(e)}: each event has one rule`);
      }
    });

    const region = regionOf(this, props.provider);
    const topic = resolveTopic(this, "Topic", props, props.provider, region, "the rules");
    this.topicArn = topic.topicArn;
    this.topic = topic.topic;

    const rules: Partial<Record<AcmEventName, CloudwatchEventRule>> = {};
    for (const name of events) {
      const rule = new CloudwatchEventRule(this, name, {
        provider: props.provider,
        namePrefix: `acm-${name.replace(/[A-Z]/g, (c: string, i: number) => (i > 0 ? "-" : "") + c.toLowerCase())}-`,
        description: `ACM "${ACM_EVENTS[name]}" events to SNS`,
        eventPattern: JSON.stringify({ source: ["aws.acm"], "detail-type": [ACM_EVENTS[name]] }),
        tags: props.tags ? { ...props.tags } : undefined,
      });
      new CloudwatchEventTarget(this, `${name}Target`, {
        provider: props.provider,
        rule: rule.name,
        arn: this.topicArn,
        inputTransformer: {
          inputPaths: { ...EVENT_INPUT_PATHS },
          // A JSON string as the template: SNS receives the plain text line.
          inputTemplate: JSON.stringify(EVENT_MESSAGES[name]),
        },
      });
      rules[name] = rule;
    }
    this.rules = rules;

    if (props.manageTopicPolicy ?? props.topicArn === undefined) {
      const document = new DataAwsIamPolicyDocument(this, "TopicPolicyDocument", {
        provider: props.provider,
        statement: [
          {
            sid: "AllowAcmEventRules",
            effect: "Allow",
            principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
            actions: ["sns:Publish"],
            resources: [this.topicArn],
            condition: [
              {
                test: "ArnEquals",
                variable: "aws:SourceArn",
                values: Object.values(rules).map((r) => r!.arn),
              },
            ],
          },
        ],
      });
      this.topicPolicy = new SnsTopicPolicy(this, "TopicPolicy", {
        provider: props.provider,
        arn: this.topicArn,
        policy: document.json,
      });
    }
  }
}
