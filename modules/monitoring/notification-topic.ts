import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ArnRule, checkArn, checkArnRegion } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { checkKmsKey } from "../util/kms-key";

/** An SNS topic ARN: `arn:aws:sns:<region>:<account>:<name>`. */
export const SNS_TOPIC_ARN: ArnRule = {
  service: "sns",
  // Topic names: 1-256 letters, digits, hyphens and underscores; FIFO topics end in .fifo
  // (SNS CreateTopic API reference).
  resource: /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/,
  form: "arn:aws:sns:<region>:<account>:<topic name>",
  description: "an SNS topic",
};

/** Where notifications go: a topic to create, or an existing one. */
export interface NotificationTopicOptions {
  /**
   * ARN of an existing SNS topic. Parsed when literal: an SNS topic ARN in the region of the
   * resources that publish to it.
   * @default a new topic
   */
  readonly topicArn?: string;
  /**
   * KMS key (id, alias or ARN) to encrypt a created topic with. With a customer managed key,
   * its key policy must let the publishing service (`cloudwatch.amazonaws.com`,
   * `events.amazonaws.com`) use `kms:GenerateDataKey*` and `kms:Decrypt`
   * (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html).
   * @default no encryption
   */
  readonly kmsMasterKeyId?: string;
}

/** The topic ARN to publish to, and the topic when it was created here. */
export interface ResolvedTopic {
  readonly topicArn: string;
  readonly topic?: SnsTopic;
}

/**
 * Checks a given topic ARN (an SNS ARN in `region` when both are literal), or creates a topic
 * `id` in `scope` through `provider`. A KMS key with a given topic is an error: the topic's
 * encryption is its owner's to set.
 */
export function resolveTopic(
  scope: Construct,
  id: string,
  options: NotificationTopicOptions,
  provider: TerraformProvider | undefined,
  region: string | undefined,
  why: string,
): ResolvedTopic {
  if (options.topicArn !== undefined) {
    const parsed = checkArn(scope, "topicArn", options.topicArn, SNS_TOPIC_ARN);
    checkArnRegion(scope, "topicArn", parsed, region, why);
    if (options.kmsMasterKeyId !== undefined) {
      throw new ValidationError(
        scope,
        `kmsMasterKeyId applies only to a topic created here, got ${show(options.kmsMasterKeyId)} with topicArn ${show(options.topicArn)}: encrypt the existing topic where it is defined`,
      );
    }
    return { topicArn: options.topicArn };
  }
  checkKmsKey(scope, "kmsMasterKeyId", options.kmsMasterKeyId);
  const topic = new SnsTopic(scope, id, {
    provider,
    kmsMasterKeyId: options.kmsMasterKeyId,
  });
  return { topicArn: topic.arn, topic };
}
