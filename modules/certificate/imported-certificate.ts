import { X509Certificate } from "node:crypto";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { Annotations, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CertificateExpiryAlarm, ExpiryAlarmOptions } from "../monitoring/certificate-expiry-alarm";
import { IMPORTED_CERTIFICATE_THRESHOLD_DAYS } from "../monitoring/expiry-threshold";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { ICertificate } from "./certificate-ref";
import { KeyAlgorithm } from "./key-algorithm";
import {
  checkChainOrder,
  checkKeyMatches,
  daysUntilExpiry,
  importKeyAlgorithm,
  parseCertificates,
  parsePrivateKey,
} from "./pem";
import { checkPemSource, PemSource } from "./pem-source";

/** The synth warning every ImportedCertificate carries (documented in the README). */
export const PRIVATE_KEY_IN_STATE_WARNING =
  "the private key of an imported certificate is stored in the Terraform state (aws_acm_certificate.private_key): " +
  "keep the state encrypted at rest and readable only by the deployers, e.g. backend: (stack) => new S3Backend(stack, " +
  "{ bucket, key, region, encrypt: true, kmsKeyId }) with a bucket whose policy denies other readers";

export interface ImportedCertificateProps {
  /** The certificate (leaf), PEM. Checked at synth when known: parsable, valid now, not expiring within the alarm threshold. */
  readonly certificateBody: PemSource;
  /**
   * Its private key: unencrypted PEM, at most 5,120 bytes, RSA 2048-4096 or ECDSA P-256/384/521,
   * matching the certificate. From a file or a sensitive variable, never a literal, so the key
   * stays out of cdk.tf.json. It is stored in the Terraform state all the same.
   */
  readonly privateKey: PemSource;
  /**
   * The issuing chain, PEM: the intermediate that issued the certificate first, then each
   * issuer in turn; not the certificate itself.
   * @default none (a self-signed certificate, or a chain clients already hold)
   */
  readonly certificateChain?: PemSource;
  /**
   * The expiry alarm that comes with the certificate (30 days ahead by default): ACM never
   * renews imported certificates. `false` turns it off.
   * @default an alarm with a new SNS topic
   */
  readonly expiryAlarm?: boolean | ExpiryAlarmOptions;
  /**
   * The provider to import through; its region is the certificate's region.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The moment the expiry checks compare against.
   * @default the time of synth
   */
  readonly now?: Date;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A certificate imported into ACM from PEM material (`aws_acm_certificate` with
 * `certificate_body`, `private_key`, `certificate_chain`), always `create_before_destroy`, with
 * an expiry alarm by default. ACM never renews it: new PEM files re-import under the same ARN.
 *
 * Checked at synth, when the PEM is known: the body and key parse; the key matches; the
 * certificate is valid now (ACM refuses to import it otherwise) and a warning when it expires
 * within the alarm threshold; the chain order; a key algorithm ACM imports. Always warns that
 * the private key is stored in the Terraform state.
 */
export class ImportedCertificate extends Construct implements ICertificate {
  /** Read by monitoring: an imported certificate's alarm threshold is 30 days. */
  readonly certificateKind = "imported" as const;
  readonly certificateArn: string;
  readonly region?: string;
  /** The names of the certificate (its SANs, else its CN), when the body is known at synth. */
  readonly domainNames?: readonly string[];
  readonly keyAlgorithm?: KeyAlgorithm;
  /** The key algorithm's ACM name read from the key (`RSA_3072`, `EC_secp521r1`, ...). */
  readonly importedKeyAlgorithm?: string;
  /** The certificate's notAfter, when known at synth. */
  readonly notAfter?: Date;
  readonly resource: AcmCertificate;
  readonly expiryAlarm?: CertificateExpiryAlarm;

  constructor(scope: Construct, id: string, props: ImportedCertificateProps) {
    super(scope, id);
    const body = checkPemSource(this, "certificateBody", props.certificateBody);
    const key = checkPemSource(this, "privateKey", props.privateKey);
    const chain =
      props.certificateChain === undefined
        ? undefined
        : checkPemSource(this, "certificateChain", props.certificateChain);
    if (key.kind === "literal") {
      throw new ValidationError(
        this,
        "privateKey must come from PemSource.fromFile or a sensitive PemSource.fromVariable, got a literal string: " +
          "a literal would be written into cdk.tf.json",
      );
    }
    if (key.kind === "variable" && key.sensitive !== true) {
      throw new ValidationError(
        this,
        `privateKey must be a sensitive variable (sensitive: true), got ${key.description} without it: Terraform would print the key in plans`,
      );
    }
    const alarmOptions =
      props.expiryAlarm === undefined || props.expiryAlarm === true ? {} : props.expiryAlarm;
    const threshold =
      alarmOptions === false
        ? IMPORTED_CERTIFICATE_THRESHOLD_DAYS
        : (alarmOptions.thresholdDays ?? IMPORTED_CERTIFICATE_THRESHOLD_DAYS);
    const checked = this.checkPem(body, key, chain, props.now ?? new Date(), threshold);
    this.domainNames = checked.names;
    this.importedKeyAlgorithm = checked.algorithm;
    this.keyAlgorithm = KeyAlgorithm.ALL.find((k) => k.value === checked.algorithm);
    this.notAfter = checked.notAfter;

    Annotations.of(this).addWarning(PRIVATE_KEY_IN_STATE_WARNING);

    this.region = regionOf(this, props.provider);
    this.resource = new AcmCertificate(this, "Certificate", {
      provider: props.provider,
      certificateBody: body.bind(this, "CertificateBodyFile"),
      privateKey: key.bind(this, "PrivateKeyFile"),
      certificateChain: chain?.bind(this, "CertificateChainFile"),
      tags: props.tags ? { ...props.tags } : undefined,
      lifecycle: { createBeforeDestroy: true },
    });
    this.certificateArn = this.resource.arn;

    if (alarmOptions !== false) {
      this.expiryAlarm = new CertificateExpiryAlarm(this, "ExpiryAlarm", {
        ...alarmOptions,
        certificate: this,
        kind: "imported",
        provider: props.provider,
      });
    }
  }

  private checkPem(
    body: PemSource,
    key: PemSource,
    chain: PemSource | undefined,
    now: Date,
    thresholdDays: number,
  ): { names?: string[]; algorithm?: string; notAfter?: Date } {
    const bodyText = body.readText(this, "certificateBody");
    const keyText = key.readText(this, "privateKey");
    const chainText = chain?.readText(this, "certificateChain");
    let leaf: X509Certificate | undefined;
    if (bodyText !== undefined) {
      const certs = parseCertificates(this, "certificateBody", body.description, bodyText);
      if (certs.length !== 1) {
        throw new ValidationError(
          this,
          `certificateBody must hold exactly one certificate, got ${certs.length} in ${body.description}: put the issuers in certificateChain`,
        );
      }
      leaf = certs[0];
      const notBefore = new Date(leaf.validFrom);
      if (notBefore.getTime() > now.getTime()) {
        throw new ValidationError(
          this,
          `certificateBody from ${body.description} is not valid yet (notBefore ${show(notBefore.toISOString())}): ACM imports only a certificate valid at import`,
        );
      }
      const days = daysUntilExpiry(leaf, now);
      const notAfter = new Date(leaf.validTo);
      if (notAfter.getTime() <= now.getTime()) {
        throw new ValidationError(
          this,
          `certificateBody from ${body.description} has expired (notAfter ${show(notAfter.toISOString())}): ACM imports only a certificate valid at import`,
        );
      }
      if (days < thresholdDays) {
        Annotations.of(this).addWarning(
          `certificateBody from ${body.description} expires in ${days} days (notAfter ${notAfter.toISOString()}), within the ${thresholdDays}-day alarm threshold: the alarm fires as soon as it is deployed`,
        );
      }
    }
    let algorithm: string | undefined;
    if (keyText !== undefined) {
      const parsed = parsePrivateKey(this, "privateKey", key.description, keyText);
      algorithm = importKeyAlgorithm(this, "privateKey", key.description, parsed);
      if (leaf) checkKeyMatches(this, "privateKey", key.description, leaf, parsed);
    }
    if (chainText !== undefined && chain) {
      const chainCerts = parseCertificates(this, "certificateChain", chain.description, chainText);
      if (leaf) checkChainOrder(this, "certificateChain", chain.description, leaf, chainCerts);
    }
    return {
      names: leaf ? namesOf(leaf) : undefined,
      algorithm,
      notAfter: leaf ? new Date(leaf.validTo) : undefined,
    };
  }
}

/** The DNS names of a certificate: its subjectAltName DNS entries, else its CN. */
function namesOf(cert: X509Certificate): string[] {
  const sans = (cert.subjectAltName ?? "")
    .split(/,\s*/)
    .filter((s) => s.startsWith("DNS:"))
    .map((s) => s.slice(4).toLowerCase());
  if (sans.length > 0) return sans;
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
  return cn ? [cn.toLowerCase()] : [];
}
