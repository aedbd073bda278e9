import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AlbHttpsListener } from "../modules/attach/alb-https-listener";
import { ImportedCertificate } from "../modules/certificate/imported-certificate";
import { PemSource } from "../modules/certificate/pem-source";
import { BaseStack, BaseStackProps } from "./base-stack";

export interface ImportedCertificateStackProps extends BaseStackProps {
  /** Path of the certificate's PEM file, read at synth and emitted as `file("assets/...")`. */
  readonly certificateFile: string;
  /** Path of the unencrypted PEM private key; it never appears in cdk.tf.json, but reaches the state. */
  readonly privateKeyFile: string;
  /** Path of the PEM chain: the issuing intermediate first. @default none */
  readonly chainFile?: string;
  /** ARN of the existing Application Load Balancer, in `region`. */
  readonly loadBalancerArn: string;
  /** ARN of the target group the listener forwards to. */
  readonly targetGroupArn: string;
  /** Host names the certificate must cover (checked against its SANs at synth). @default none */
  readonly hostNames?: readonly string[];
  /** @default "ELBSecurityPolicy-TLS13-1-2-2021-06" */
  readonly sslPolicy?: string;
  /** @default 443 */
  readonly port?: number;
  /** Alarm this many days before expiry. @default 30 */
  readonly alarmThresholdDays?: number;
  /** An existing SNS topic for the alarm. @default a new topic */
  readonly alarmTopicArn?: string;
}

/**
 * An imported certificate (PEM files read at synth, checked, and imported with
 * `create_before_destroy`) on an HTTPS listener of an existing ALB, with its expiry alarm.
 * Outputs the certificate, listener, alarm and topic ARNs.
 */
export class ImportedCertificateStack extends BaseStack {
  readonly certificate: ImportedCertificate;
  readonly listener: AlbHttpsListener;

  constructor(scope: Construct, name: string, props: ImportedCertificateStackProps) {
    super(scope, name, props);
    this.certificate = new ImportedCertificate(this, "Certificate", {
      certificateBody: PemSource.fromFile(props.certificateFile),
      privateKey: PemSource.fromFile(props.privateKeyFile),
      certificateChain: props.chainFile ? PemSource.fromFile(props.chainFile) : undefined,
      expiryAlarm: { thresholdDays: props.alarmThresholdDays, topicArn: props.alarmTopicArn },
    });
    this.listener = new AlbHttpsListener(this, "Https", {
      loadBalancerArn: props.loadBalancerArn,
      targetGroupArn: props.targetGroupArn,
      certificate: this.certificate,
      hostNames: props.hostNames,
      sslPolicy: props.sslPolicy,
      port: props.port,
    });
    this.outputCertificate("imported", this.certificate);
    new TerraformOutput(this, "listener_arn", {
      value: this.listener.listenerArn,
      description: "ARN of the HTTPS listener",
    });
    const alarm = this.certificate.expiryAlarm;
    if (alarm) {
      new TerraformOutput(this, "expiry_alarm_arn", {
        value: alarm.resource.arn,
        description: "ARN of the certificate's DaysToExpiry alarm",
      });
      new TerraformOutput(this, "expiry_alarm_topic_arn", {
        value: alarm.topicArn,
        description: "ARN of the SNS topic the alarm notifies; subscribe to it",
      });
    }
  }
}
