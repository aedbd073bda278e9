import { IResolvable, TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { Certificate } from "./certificate";
import { KeyAlgorithm } from "./key-algorithm";

/**
 * What a certificate requested in one stack hands to the stacks that validate it from
 * elsewhere: the DNS side (`ExternalValidationRecords`, in the stack or state that owns the
 * hosted zones) and the waiter (`ValidatedCertificate`, in the stack that uses the certificate).
 *
 * Two Terraform states cannot wait on each other: the DNS side needs the certificate's
 * validation options, and a waiter next to the certificate would need the DNS side's records.
 * So the certificate's own stack only requests it (`waitForValidation: false`) and exports what
 * the DNS side needs; the records' FQDNs come back to a third place, the waiter. The data flows
 * one way: certificate stack, then DNS stack, then the stack that waits and attaches.
 *
 * `validationOptions` is a map keyed by the wildcard-stripped names that need a record
 * (`example.com` and `*.example.com` share one): each value is the object ACM gives in
 * `domain_validation_options` (`domain_name`, `resource_record_name`, `resource_record_type`,
 * `resource_record_value`), picked out by name with the same expression as this library's own
 * Route 53 records. It is a Terraform local of the certificate's stack, so another stack of the
 * same app that reads it gets a cross-stack reference (an output here and a
 * `terraform_remote_state` there); a stack can also output it for teams in other states.
 */
export class CertificateValidationHandoff extends Construct {
  /** The construct id of the handoff under its certificate. */
  static readonly ID = "ValidationHandoff";

  /**
   * The handoff of `certificate`, created on first use under it. The certificate must use DNS
   * validation without Route 53 zones (`CertificateValidation.fromExternalDns()`), must not wait
   * for validation in its own stack (`waitForValidation: false`), and its names must be known
   * at synth.
   */
  static of(certificate: Certificate): CertificateValidationHandoff {
    if (!(certificate instanceof Certificate)) {
      throw new ValidationError(
        undefined,
        `CertificateValidationHandoff.of needs a Certificate requested by this library, got ${show(
          certificate === null || typeof certificate !== "object"
            ? certificate
            : (certificate as object).constructor?.name,
        )}`,
      );
    }
    const existing = certificate.node.tryFindChild(CertificateValidationHandoff.ID);
    return (
      (existing as CertificateValidationHandoff | undefined) ??
      new CertificateValidationHandoff(certificate, CertificateValidationHandoff.ID, certificate)
    );
  }

  /**
   * The certificate's ARN as requested. It is not validated yet: attach the ARN of the
   * `ValidatedCertificate` that waits on it, never this one.
   */
  readonly unvalidatedCertificateArn: string;
  /** Every name of the certificate, primary first, wildcards as they are. */
  readonly domainNames: readonly string[];
  /** The names that need a validation record: wildcard-stripped, each once, in first-seen order. */
  readonly validationNames: readonly string[];
  /** The validation options by wildcard-stripped name, as a token (see the class comment). */
  readonly validationOptions: IResolvable;
  /** The certificate's region, from its provider, when known at synth. */
  readonly region?: string;
  readonly keyAlgorithm: KeyAlgorithm;

  private constructor(scope: Construct, id: string, certificate: Certificate) {
    super(scope, id);
    checkHandedOff(certificate);
    this.unvalidatedCertificateArn = certificate.unvalidatedCertificateArn;
    this.domainNames = certificate.domainNames!;
    this.validationNames = certificate.dnsValidationRecords.map((r) => r.domainName);
    this.region = certificate.region;
    this.keyAlgorithm = certificate.keyAlgorithm;
    const options = new TerraformLocal(
      this,
      "ValidationOptions",
      Object.fromEntries(
        certificate.dnsValidationRecords.map((r) => [
          r.domainName,
          {
            domain_name: r.domainName,
            resource_record_name: r.recordName,
            resource_record_type: r.recordType,
            resource_record_value: r.recordValue,
          },
        ]),
      ),
    );
    // A reference to a local of this stack: read from another stack, it makes cdktf write the
    // cross-stack output here and the `terraform_remote_state` there.
    this.validationOptions = options.expression as IResolvable;
  }
}

/**
 * A certificate whose validation another stack completes: DNS validation without zones of its
 * own, no waiter in its own stack (the records do not exist yet when it is applied, so a waiter
 * there would block the first apply for the whole validation timeout, 75 minutes by default, and
 * fail), and names known at synth (the DNS side keys its records by them).
 */
function checkHandedOff(certificate: Certificate): void {
  const method = certificate.resource.validationMethodInput;
  if (method !== "DNS") {
    throw new ValidationError(
      certificate,
      `a certificate validated from another stack must use DNS validation, got validation method ${show(method)}; ` +
        "use CertificateValidation.fromExternalDns()",
    );
  }
  if (certificate.validationRecords.size > 0) {
    throw new ValidationError(
      certificate,
      "validation creates Route 53 records in this stack (CertificateValidation.fromDns), so there is nothing to hand to another stack; " +
        "use CertificateValidation.fromExternalDns() when another stack or state owns the zones",
    );
  }
  if (certificate.validationResource !== undefined) {
    throw new ValidationError(
      certificate,
      "waitForValidation must be false for a certificate validated from another stack, got true (the default): " +
        "its records are created by a stack applied after this one, so a waiter here would block this stack's first apply " +
        "until the validation timeout; wait with ValidatedCertificate in the stack that uses the certificate",
    );
  }
  if (certificate.domainNames === undefined) {
    throw new ValidationError(
      certificate,
      "every name must be known at synth for another stack to validate it: its records are keyed by name; " +
        `got ${show([certificate.resource.domainNameInput, ...(certificate.resource.subjectAlternativeNamesInput ?? [])])}`,
    );
  }
}
