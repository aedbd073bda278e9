import { IConstruct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { domainNameProblem, duplicateNames, uncoveredHosts } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

/**
 * Synth-time checks shared by every attachment construct. They read certificate metadata
 * (region, names, key algorithm) recorded when the certificate was created, never the ARN,
 * which is a token at synth.
 */

/**
 * The certificate must live in `requiredRegion`. Throws naming both regions. When the
 * certificate's region is unknown (an imported ARN without `region`, or a provider whose region
 * is a variable), throws too: the whole point is not to find out at apply.
 */
export function checkCertificateRegion(
  scope: IConstruct,
  property: string,
  certificate: ICertificate,
  requiredRegion: string | undefined,
  why: string,
): void {
  if (requiredRegion === undefined) return; // the attachment's own region is unknown at synth
  const actual = certificate.region;
  if (actual === undefined) {
    throw new ValidationError(
      scope,
      `${property}: the certificate's region is unknown at synth, but ${why} needs it in ${requiredRegion}; ` +
        "request it through a provider with a literal region, or pass `region` to Certificate.fromCertificateArn",
    );
  }
  if (actual !== requiredRegion) {
    throw new ValidationError(
      scope,
      `${property}: the certificate is in ${actual}, but ${why} needs a certificate in ${requiredRegion}`,
    );
  }
}

/**
 * Every literal host must be a valid name covered by one of the certificates' names; a wildcard
 * covers exactly one label. Throws listing every uncovered host. Skipped when any certificate's
 * names are unknown at synth.
 */
export function checkCoverage(
  scope: IConstruct,
  property: string,
  hosts: readonly string[],
  certificates: readonly ICertificate[],
): void {
  const literalHosts = hosts.filter(isLiteral);
  literalHosts.forEach((host, i) => {
    const problem = domainNameProblem(host);
    if (problem) throw new ValidationError(scope, `${property}[${i}] ${problem}: ${show(host)}`);
  });
  if (certificates.some((c) => c.domainNames === undefined)) return;
  const names = certificates.flatMap((c) => c.domainNames ?? []);
  const missing = uncoveredHosts(names, literalHosts);
  if (missing.length > 0) {
    throw new ValidationError(
      scope,
      `${property} has names the certificate does not cover: ${missing.map((m) => show(m)).join(", ")}; ` +
        `the certificate covers ${names.map((n) => show(n)).join(", ")} (a wildcard covers exactly one label)`,
    );
  }
}

/**
 * Throws when a literal name appears twice in `names` (names are lower-case, so equal spelling
 * is equal name). A repeated host name is a mistake, and a repeated alias name would address the
 * same record twice.
 */
export function checkDistinctNames(
  scope: IConstruct,
  property: string,
  names: readonly string[],
): void {
  const repeated = duplicateNames(names.filter(isLiteral));
  if (repeated.length > 0) {
    throw new ValidationError(
      scope,
      `${property} must list each name once, got ${repeated.map((n) => show(n)).join(", ")} more than once`,
    );
  }
}
