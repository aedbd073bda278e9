import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, IAspect, TerraformProvider, TerraformResource, TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { ValidationError } from "../util/errors";
import { effectiveProvider } from "../util/provider-info";
import {
  CertificateExpiryAlarm,
  certificateKindOf,
  ExpiryAlarmOptions,
} from "./certificate-expiry-alarm";
import { checkDays } from "./expiry-threshold";
import { resolveTopic } from "./notification-topic";

export interface MonitorAllOptions extends Pick<
  ExpiryAlarmOptions,
  "topicArn" | "kmsMasterKeyId" | "notifyOnRecovery" | "tags"
> {
  /**
   * The lifetime of public certificates in days, for their computed threshold.
   * @default 198
   */
  readonly publicLifetimeDays?: number;
}

/**
 * Puts a `DaysToExpiry` alarm on every ACM certificate this library creates under `scope`
 * (`Certificate`, `PrivateCertificate`, `ImportedCertificate`), including those added after the
 * call: it registers an Aspect, which runs at synth. Each alarm is the certificate's child
 * `ExpiryAlarm`, with the threshold computed from its kind. Certificates that already have an
 * alarm (an `ImportedCertificate`'s own, or one made by hand) are left alone; references made with
 * `fromCertificateArn` are skipped (their kind is unknown: give them a `CertificateExpiryAlarm`).
 *
 * Without `topicArn`, one topic per provider (region) is created in the scope's stack:
 * `ExpiryAlarmTopic`, or `ExpiryAlarmTopic_<alias>` for an aliased provider. A `topicArn` is
 * used for every alarm, so it suits only certificates of the topic's region.
 */
export function monitorAll(scope: IConstruct, options: MonitorAllOptions = {}): ExpiryAlarmAspect {
  const aspect = new ExpiryAlarmAspect(scope, options);
  Aspects.of(scope).add(aspect);
  return aspect;
}

/** The Aspect behind {@link monitorAll}. */
export class ExpiryAlarmAspect implements IAspect {
  private readonly topics = new Map<string, string>();
  /** The alarms this aspect created, in visiting order. */
  readonly alarms: CertificateExpiryAlarm[] = [];

  constructor(
    private readonly scope: IConstruct,
    private readonly options: MonitorAllOptions = {},
  ) {
    checkDays(
      scope,
      "publicLifetimeDays",
      options.publicLifetimeDays,
      2,
      3650,
      "a certificate's validity period",
    );
    if (options.topicArn !== undefined && options.kmsMasterKeyId !== undefined) {
      throw new ValidationError(
        scope,
        "kmsMasterKeyId applies only to topics created by monitorAll; it was given together with topicArn",
      );
    }
  }

  visit(node: IConstruct): void {
    if (!(node instanceof Construct)) return;
    const certificate = node as unknown as ICertificate;
    const kind = certificateKindOf(certificate);
    if (kind === undefined || CertificateExpiryAlarm.isAlarmed(node)) return;
    const resource = (node as unknown as { resource?: unknown }).resource;
    const provider = resource instanceof TerraformResource ? resource.provider : undefined;
    const alarm = new CertificateExpiryAlarm(node, "ExpiryAlarm", {
      certificate,
      kind,
      provider,
      topicArn: this.topicFor(node, provider),
      lifetimeDays: kind === "public" ? this.options.publicLifetimeDays : undefined,
      notifyOnRecovery: this.options.notifyOnRecovery,
      tags: this.options.tags,
    });
    this.alarms.push(alarm);
  }

  private topicFor(node: IConstruct, provider: TerraformProvider | undefined): string {
    if (this.options.topicArn !== undefined) return this.options.topicArn;
    const effective = effectiveProvider(node, provider);
    const alias = effective instanceof AwsProvider ? effective.alias : undefined;
    const key = effective?.node.path ?? "default";
    const known = this.topics.get(key);
    if (known) return known;
    const stack = TerraformStack.of(this.scope);
    const id = alias ? `ExpiryAlarmTopic_${alias}` : "ExpiryAlarmTopic";
    const { topicArn } = resolveTopic(
      stack,
      id,
      { kmsMasterKeyId: this.options.kmsMasterKeyId },
      provider,
      undefined,
      "the alarms",
    );
    this.topics.set(key, topicArn);
    return topicArn;
  }
}
