import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ARN_RULES, checkArn, checkArnRegion } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral, isUnresolved } from "../util/tokens";
import { ICertificate } from "./certificate-ref";
import { KeyAlgorithm } from "./key-algorithm";
import { checkValidationTimeout } from "./validation-checks";

export interface ValidatedCertificateProps {
  /**
   * The certificate's ARN as requested, before validation: `unvalidatedCertificateArn` of its
   * `CertificateValidationHandoff` (another stack of this app), or the
   * `<name>_unvalidated_certificate_arn` output of its state. A literal ARN is parsed: it must be
   * an ACM certificate ARN in the provider's region.
   */
  readonly unvalidatedCertificateArn: string;
  /**
   * FQDNs of the validation records created elsewhere: `ExternalValidationRecords.validationRecordFqdns`
   * (another stack of this app), or the values of the `<name>_validation_record_fqdns` output of
   * the DNS state (`Token.asList(Fn.values(state.get(...)))`). At apply, the provider checks
   * that every record ACM asks for is among them and fails with "missing <name> DNS validation
   * record" otherwise, before it waits.
   */
  readonly validationRecordFqdns: readonly string[];
  /**
   * The certificate's region, for attachment checks (CloudFront needs us-east-1).
   * @default the literal ARN's region, else the provider's region
   */
  readonly region?: string;
  /** The names the certificate covers, for coverage checks. @default unknown: not checked */
  readonly domainNames?: readonly string[];
  /** Its key algorithm, for integration checks. @default unknown */
  readonly keyAlgorithm?: KeyAlgorithm;
  /**
   * The AWS provider to wait through. It must act in the certificate's account and region: ACM
   * certificates are regional, and `aws_acm_certificate_validation` reads the certificate with
   * DescribeCertificate.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /**
   * How long to wait for issuance, as a Terraform duration (`45m`, `1h30m`).
   * @default the provider's default, 75m
   */
  readonly validationTimeout?: string;
}

/**
 * Waits for ACM to issue a certificate that was requested in another stack or state and
 * validated by records that yet another one created: an `aws_acm_certificate_validation` on the
 * certificate's ARN and the records' FQDNs. Its `certificateArn` comes out of the validation
 * resource, so whatever attaches it waits for issuance.
 *
 * This is the certificate side's second half. The first half (`Certificate` with
 * `waitForValidation: false`, and its `CertificateValidationHandoff`) must not wait: the
 * records do not exist when its stack is applied. Put this construct in the stack that uses the
 * certificate, applied after the DNS stack.
 */
export class ValidatedCertificate extends Construct implements ICertificate {
  /** The validated ARN: attach this one. */
  readonly certificateArn: string;
  readonly region?: string;
  readonly domainNames?: readonly string[];
  readonly keyAlgorithm?: KeyAlgorithm;
  /** The underlying `aws_acm_certificate_validation`. */
  readonly resource: AcmCertificateValidation;

  constructor(scope: Construct, id: string, props: ValidatedCertificateProps) {
    super(scope, id);
    const parsed = checkArn(
      this,
      "unvalidatedCertificateArn",
      props.unvalidatedCertificateArn,
      ARN_RULES.acmCertificate,
    );
    const providerRegion = regionOf(this, props.provider);
    const region = isLiteral(props.region) ? props.region : undefined;
    checkArnRegion(this, "unvalidatedCertificateArn", parsed, region, "the region attribute");
    checkArnRegion(
      this,
      "unvalidatedCertificateArn",
      parsed,
      providerRegion,
      "the provider of the validation resource",
    );
    if (region !== undefined && providerRegion !== undefined && region !== providerRegion) {
      throw new ValidationError(
        this,
        `region is ${show(region)}, but the provider of the validation resource is in ${show(providerRegion)}; ` +
          "ACM certificates are regional, so aws_acm_certificate_validation must run in the certificate's region: " +
          `give it a provider in ${show(region)}`,
      );
    }
    checkFqdns(this, props.validationRecordFqdns);
    checkValidationTimeout(this, props.validationTimeout);

    this.region =
      region ?? parsed?.region ?? (props.region === undefined ? providerRegion : undefined);
    this.domainNames = props.domainNames;
    this.keyAlgorithm = props.keyAlgorithm;
    this.resource = new AcmCertificateValidation(this, "Validation", {
      provider: props.provider,
      certificateArn: props.unvalidatedCertificateArn,
      validationRecordFqdns: props.validationRecordFqdns as string[],
      timeouts: props.validationTimeout ? { create: props.validationTimeout } : undefined,
    });
    this.certificateArn = this.resource.certificateArn;
  }
}

/**
 * The FQDNs: a token list, or a non-empty list of non-empty strings. Without any, the
 * validation resource would not check the records and nothing would tie it to the DNS side.
 */
function checkFqdns(scope: Construct, fqdns: unknown): void {
  if (isUnresolved(fqdns)) return;
  if (!Array.isArray(fqdns) || fqdns.length === 0) {
    throw new ValidationError(
      scope,
      "validationRecordFqdns must list the FQDNs of the records created for the certificate " +
        `(ExternalValidationRecords.validationRecordFqdns or a remote-state output), got ${show(fqdns)}`,
    );
  }
  fqdns.forEach((fqdn: unknown, i) => {
    if (isUnresolved(fqdn)) return;
    if (typeof fqdn !== "string" || fqdn.trim() === "" || /\s/.test(fqdn)) {
      throw new ValidationError(
        scope,
        `validationRecordFqdns[${i}] must be a DNS name without white space, got ${show(fqdn)}`,
      );
    }
  });
}
