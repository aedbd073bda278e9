import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { KeyAlgorithm } from "./key-algorithm";

/**
 * What attachments need to know about a certificate. Region, names and key algorithm are synth
 * metadata: the ARN is a token at synth, so checks read these instead of parsing it.
 */
export interface ICertificate extends IConstruct {
  /**
   * The ARN to attach. For a certificate this library validates, it is the ARN that comes out
   * of the validation resource, so Terraform waits for issuance before using it.
   */
  readonly certificateArn: string;
  /** The region the certificate lives in, when known at synth. */
  readonly region?: string;
  /** The literal names the certificate covers, when known at synth (wildcards included). */
  readonly domainNames?: readonly string[];
  /** The key algorithm, when known at synth. */
  readonly keyAlgorithm?: KeyAlgorithm;
}

/** Throws unless `value` looks like an ICertificate (it carries a string `certificateArn`). */
export function checkIsCertificate(scope: IConstruct, property: string, value: unknown): void {
  const arn = (value as ICertificate | undefined)?.certificateArn;
  if (typeof arn !== "string" || arn === "") {
    throw new ValidationError(
      scope,
      `${property} must be a certificate (an ICertificate such as Certificate or Certificate.fromCertificateArn), got ${show(value === undefined ? undefined : typeof value)}`,
    );
  }
}
