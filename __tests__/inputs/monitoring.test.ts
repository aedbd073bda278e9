import { Testing } from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { CertificateExpirationConfigRule } from "../../modules/monitoring/certificate-expiration-config-rule";
import { CertificateExpiryAlarm } from "../../modules/monitoring/certificate-expiry-alarm";
import { AcmEventName, CertificateExpiryEvents } from "../../modules/monitoring/expiry-events";
import { monitorAll } from "../../modules/monitoring/monitor-all";
import { PrivateCaAlarms } from "../../modules/monitoring/private-ca-alarms";
import { CertificateAuthorityRef } from "../../modules/private-ca/certificate-authority-ref";
import { ValidationError } from "../../modules/util/errors";
import { aliasProvider, testStack } from "../support/synth";

const ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/12345678-1234-1234-1234-123456789012";
const CA =
  "arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/12345678-1234-1234-1234-123456789012";
const TOPIC = "arn:aws:sns:eu-west-1:111111111111:alerts";

const existing = (s: Construct) => Certificate.fromCertificateArn(s, "Existing", ARN);
const alarm = (props: object) => (s: Construct) =>
  new CertificateExpiryAlarm(s, "Alarm", { certificate: existing(s), kind: "public", ...props });
const events = (props: object) => (s: Construct) => new CertificateExpiryEvents(s, "Events", props);
const rule = (props: object) => (s: Construct) =>
  new CertificateExpirationConfigRule(s, "Rule", props);
const caRef = (s: Construct) =>
  CertificateAuthorityRef.fromCertificateAuthorityArn(s, "Ca", CA, { type: "ROOT" } as never);
const caAlarms = (props: object) => (s: Construct) =>
  new PrivateCaAlarms(s, "CaAlarms", { certificateAuthority: caRef(s), ...props });

const rows: [string, (s: Construct) => unknown, RegExp][] = [
  ["threshold 0", alarm({ thresholdDays: 0 }), /thresholdDays .* from 1 to 197 .* got 0/],
  ["threshold negative", alarm({ thresholdDays: -5 }), /thresholdDays .* got -5/],
  ["threshold fractional", alarm({ thresholdDays: 2.5 }), /thresholdDays .* got 2.5/],
  [
    "threshold = lifetime",
    alarm({ thresholdDays: 198 }),
    /thresholdDays .*under the 198-day lifetime.* got 198/,
  ],
  [
    "threshold over a given lifetime",
    alarm({ lifetimeDays: 47, thresholdDays: 47 }),
    /thresholdDays .* from 1 to 46 .* got 47/,
  ],
  ["threshold as a string", alarm({ thresholdDays: "30" }), /thresholdDays .* got "30"/],
  ["lifetime 1", alarm({ lifetimeDays: 1 }), /lifetimeDays .* from 2 to 3650 .* got 1/],
  ["lifetime 10000", alarm({ lifetimeDays: 10000 }), /lifetimeDays .* got 10000/],
  [
    "lifetime for imported",
    alarm({ kind: "imported", lifetimeDays: 90 }),
    /lifetimeDays applies to public and private .* got 90/,
  ],
  [
    "unknown kind",
    alarm({ kind: "managed" }),
    /kind must be one of "public", "private", "imported", got "managed"/,
  ],
  [
    "no kind for a reference",
    (s) => new CertificateExpiryAlarm(s, "Alarm", { certificate: existing(s) }),
    /kind must be given .* got undefined/,
  ],
  [
    "kind contradicting the construct",
    (s) =>
      new CertificateExpiryAlarm(s, "Alarm", {
        certificate: new Certificate(s, "C", {
          domainName: "a.example.com",
          validation: CertificateValidation.fromDns([
            { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" },
          ]),
        }),
        kind: "imported",
      }),
    /kind "imported" contradicts .* a public certificate/,
  ],
  [
    "not a certificate",
    (s) => new CertificateExpiryAlarm(s, "Alarm", { certificate: {} as never, kind: "public" }),
    /certificate must be a certificate .* got "object"/,
  ],
  [
    "topic ARN of another service",
    alarm({ topicArn: "arn:aws:sqs:eu-west-1:111111111111:alerts" }),
    /topicArn must be the ARN of an SNS topic .* "arn:aws:sqs/,
  ],
  [
    "topic ARN not an ARN",
    alarm({ topicArn: "alerts" }),
    /topicArn must be the ARN of an SNS topic .* "alerts"/,
  ],
  [
    "topic in another region",
    alarm({ topicArn: "arn:aws:sns:us-east-1:111111111111:alerts" }),
    /topicArn is in region "us-east-1" .* "eu-west-1"/,
  ],
  [
    "KMS key with a given topic",
    alarm({ topicArn: TOPIC, kmsMasterKeyId: "alias/x" }),
    /kmsMasterKeyId applies only to a topic created here, got "alias\/x"/,
  ],
  [
    "KMS key malformed",
    alarm({ kmsMasterKeyId: "my key" }),
    /kmsMasterKeyId must be a KMS key id.* got "my key"/,
  ],
  [
    "alarm name too long",
    alarm({ alarmName: "x".repeat(256) }),
    /alarmName must be 1 to 255 characters, got 256/,
  ],
  [
    "alarm name empty",
    alarm({ alarmName: "" }),
    /alarmName must be 1 to 255 characters, got 0: ""/,
  ],
  [
    "alarm provider in another region",
    (s) =>
      new CertificateExpiryAlarm(s, "Alarm", {
        certificate: existing(s),
        kind: "public",
        provider: aliasProvider(s, "use1", "us-east-1"),
      }),
    /provider is in region "us-east-1", but the certificate .* is in "eu-west-1"/,
  ],
  ["no events", events({ events: [] }), /events must list at least one of .* got \[\]/],
  [
    "unknown event",
    events({ events: ["Rotated" as AcmEventName] }),
    /events\[0\] must be one of .* got "Rotated"/,
  ],
  ["repeated event", events({ events: ["Expired", "Expired"] }), /events\[1\] repeats "Expired"/],
  [
    "events topic of another service",
    events({ topicArn: "arn:aws:lambda:eu-west-1:111111111111:function:f" }),
    /topicArn must be the ARN of an SNS topic .* "arn:aws:lambda/,
  ],
  [
    "events KMS key malformed",
    events({ kmsMasterKeyId: "arn:aws:kms:eu-west-1:1:key/x" }),
    /kmsMasterKeyId must be a KMS key id.* got "arn:aws:kms:eu-west-1:1:key\/x"/,
  ],
  [
    "config days 0",
    rule({ daysToExpiration: 0 }),
    /daysToExpiration must be a whole number .* got 0/,
  ],
  ["config days fractional", rule({ daysToExpiration: 1.5 }), /daysToExpiration .* got 1.5/],
  [
    "config rule name with spaces",
    rule({ ruleName: "acm expiry" }),
    /ruleName must be 1-128 .* got "acm expiry"/,
  ],
  [
    "config rule name too long",
    rule({ ruleName: "a".repeat(129) }),
    /ruleName must be 1-128 .* got "a{129}"/,
  ],
  [
    "CA alarms period 30",
    caAlarms({ periodSeconds: 30 }),
    /periodSeconds must be a multiple of 60, at least 60, got 30/,
  ],
  ["CA alarms period 90", caAlarms({ periodSeconds: 90 }), /periodSeconds .* got 90/],
  [
    "CA alarms on nothing",
    caAlarms({ crlBucket: false, issuanceFailures: false }),
    /crlBucket and issuanceFailures are both false/,
  ],
  [
    "monitorAll lifetime 0",
    (s) => monitorAll(s, { publicLifetimeDays: 0 }),
    /publicLifetimeDays .* got 0/,
  ],
  [
    "monitorAll KMS with topic",
    (s) => monitorAll(s, { topicArn: TOPIC, kmsMasterKeyId: "alias/x" }),
    /kmsMasterKeyId applies only to topics created by monitorAll/,
  ],
];

describe("monitoring: bad inputs are ValidationErrors naming the property and the value", () => {
  test(`${rows.length} rows`, () => expect(rows.length).toBeGreaterThanOrEqual(25));
  test.each(rows)("%s", (_d, build, message) => {
    const { stack } = testStack();
    let thrown: unknown;
    try {
      build(stack);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as Error).name).toBe("ValidationError");
    expect((thrown as Error).message).toMatch(message);
  });
});

describe("monitoring: unusual valid inputs synthesize", () => {
  test.each([
    ["threshold 1 day", alarm({ thresholdDays: 1 })],
    ["threshold lifetime - 1", alarm({ thresholdDays: 197 })],
    ["a 47-day lifetime", alarm({ lifetimeDays: 47 })],
    ["a FIFO topic ARN", alarm({ topicArn: "arn:aws:sns:eu-west-1:111111111111:alerts.fifo" })],
    [
      "a KMS key ARN",
      events({
        kmsMasterKeyId:
          "arn:aws:kms:eu-west-1:111111111111:key/12345678-1234-1234-1234-123456789012",
      }),
    ],
    ["one event only", events({ events: ["Expired"] })],
    ["a given topic, policy written anyway", events({ topicArn: TOPIC, manageTopicPolicy: true })],
    ["config days 1", rule({ daysToExpiration: 1 })],
    ["CA alarms, CRL only", caAlarms({ issuanceFailures: false })],
  ] as [string, (s: Construct) => unknown][])("%s", (_d, build) => {
    const { stack } = testStack();
    build(stack);
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(Object.keys(JSON.parse(Testing.synth(stack)).resource).length).toBeGreaterThan(0);
  });
});
