import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";
import { isPathLength, MAX_SUBORDINATE_PATH_LENGTH } from "./ca-templates";
import type { ICertificateAuthority } from "./certificate-authority-ref";

/**
 * Checks shared by everything that creates, references or issues from a private CA: the
 * CertificateAuthority itself, references to existing CAs, and the certificates a CA signs
 * (PrivateCertificate, IssuedCertificate, a subordinate's parent). One rule, one function, so
 * every construct words it the same way.
 */

/**
 * Throws unless `value` is a whole number from 0 to 3: the `SubordinateCACertificate_PathLen<n>`
 * templates exist for n = 0 to 3 (AWS Private CA hierarchies have at most five levels). A token
 * cannot work: the number picks a template at synth.
 */
export function checkPathLength(scope: IConstruct, property: string, value: unknown): void {
  if (isUnresolved(value)) {
    throw new ValidationError(
      scope,
      `${property} must be known at synth: it picks the SubordinateCACertificate_PathLen<n> template and is compared with the levels around it, got ${show(value)}`,
    );
  }
  if (isPathLength(value)) return;
  throw new ValidationError(
    scope,
    `${property} must be a whole number from 0 to ${MAX_SUBORDINATE_PATH_LENGTH} (AWS Private CA hierarchies have at most five levels), got ${show(value)}`,
  );
}

/**
 * Throws unless `ca` looks like an ICertificateAuthority (JavaScript callers and configuration
 * files can pass anything), then unless it can sign now: an externally signed CA whose signed
 * certificate was not given stays PENDING_CERTIFICATE and issues nothing.
 */
export function checkCaCanIssue(
  scope: IConstruct,
  property: string,
  ca: unknown,
): asserts ca is ICertificateAuthority {
  const authority = ca as ICertificateAuthority | undefined;
  if (
    authority === null ||
    typeof authority !== "object" ||
    typeof authority.certificateAuthorityArn !== "string" ||
    typeof authority.node?.path !== "string"
  ) {
    throw new ValidationError(
      scope,
      `${property} must be a private CA (a CertificateAuthority or CertificateAuthorityRef.fromCertificateAuthorityArn), got ${show(authority === undefined || authority === null ? authority : typeof authority)}`,
    );
  }
  if (!authority.active) {
    throw new ValidationError(
      scope,
      `${property} ${show(authority.node.path)} cannot issue yet: it is an externally signed CA whose certificate was not given; set its externalSignature first`,
    );
  }
}

/**
 * Throws when the CA and what it signs are in different regions, as far as synth knows: AWS
 * Private CA is regional, and the signing call goes through the signed thing's provider, so it
 * reaches the CA only in the CA's region. `what` completes "... but <what> is in <region>".
 */
export function checkCaRegion(
  scope: IConstruct,
  property: string,
  ca: ICertificateAuthority,
  region: string | undefined,
  what: string,
): void {
  if (ca.region === undefined || region === undefined || ca.region === region) return;
  throw new ValidationError(
    scope,
    `${property} ${show(ca.node.path)} is in ${ca.region} but ${what} is in ${region}; private CAs are regional: ` +
      "use a provider in the CA's region (or a CA in this region)",
  );
}
