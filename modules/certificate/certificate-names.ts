import { IConstruct } from "constructs";
import {
  certificateNameProblem,
  CertificateNameRules,
  duplicateNames,
  MAX_NAME_LENGTH,
  MAX_NAMES_PER_CERTIFICATE,
  MAX_PRIMARY_NAME_LENGTH,
} from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral, isUnresolved } from "../util/tokens";

/** ACM's default quota of names on one certificate (the primary name plus SANs). */
export const DEFAULT_MAX_DOMAIN_NAMES = 10;

/** The name props every ACM certificate request shares, public or private. */
export interface CertificateNameProps {
  readonly domainName: string;
  readonly subjectAlternativeNames?: readonly string[];
  readonly maxDomainNames?: number;
}

/**
 * The ACM name rules, checked at synth: a valid primary name of at most 64 characters (the CN
 * limit), valid SANs, no repeats, and no more names than the quota (`maxDomainNames`, at most
 * ACM's hard limit of 100). Each name is checked with `certificateNameProblem` under `rules`:
 * a public certificate also refuses wildcards directly under a public suffix, and DNS validation
 * also needs the validation record to fit in 253 characters. Tokens are skipped.
 * Returns every name, primary first.
 */
export function checkCertificateNames(
  scope: IConstruct,
  props: CertificateNameProps,
  rules: CertificateNameRules = { publicCertificate: true, dnsValidation: false },
): string[] {
  if (typeof props.domainName !== "string") {
    throw new ValidationError(scope, `domainName must be a string, got ${show(props.domainName)}`);
  }
  if (isLiteral(props.domainName)) {
    const problem = certificateNameProblem(props.domainName, MAX_PRIMARY_NAME_LENGTH, rules);
    if (problem)
      throw new ValidationError(scope, `domainName ${problem}: ${show(props.domainName)}`);
  }
  const sans = props.subjectAlternativeNames ?? [];
  if (!Array.isArray(sans)) {
    throw new ValidationError(
      scope,
      `subjectAlternativeNames must be a list of names, got ${show(sans)}`,
    );
  }
  sans.forEach((san, i) => {
    if (isUnresolved(san)) return;
    if (typeof san !== "string") {
      throw new ValidationError(
        scope,
        `subjectAlternativeNames[${i}] must be a string, got ${show(san)}`,
      );
    }
    const problem = certificateNameProblem(san, MAX_NAME_LENGTH, rules);
    if (problem) {
      throw new ValidationError(scope, `subjectAlternativeNames[${i}] ${problem}: ${show(san)}`);
    }
  });
  const allNames = [props.domainName, ...sans];
  const dups = duplicateNames(allNames.filter(isLiteral));
  if (dups.length > 0) {
    throw new ValidationError(
      scope,
      `domainName and subjectAlternativeNames must not repeat a name, got ${dups.map((d) => show(d)).join(", ")} more than once`,
    );
  }
  const max = props.maxDomainNames ?? DEFAULT_MAX_DOMAIN_NAMES;
  if (!Number.isInteger(max) || max < 1) {
    throw new ValidationError(
      scope,
      `maxDomainNames must be a whole number of at least 1, got ${show(max)}`,
    );
  }
  if (max > MAX_NAMES_PER_CERTIFICATE) {
    throw new ValidationError(
      scope,
      `maxDomainNames must be at most ${MAX_NAMES_PER_CERTIFICATE}, ACM's hard limit of names per certificate (no quota increase goes past it), got ${show(max)}`,
    );
  }
  if (allNames.length > max) {
    throw new ValidationError(
      scope,
      `a certificate may carry at most ${max} names (domainName plus subjectAlternativeNames), got ${allNames.length}; ` +
        `ACM's default quota is 10 and its hard limit ${MAX_NAMES_PER_CERTIFICATE}: request an increase and set maxDomainNames, or split the certificate`,
    );
  }
  return allNames;
}
