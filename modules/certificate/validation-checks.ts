import { IConstruct } from "constructs";
import { checkHostedZones } from "../dns/hosted-zone";
import { matchZone } from "../dns/zone-matching";
import { domainNameProblem, isInZone, stripWildcard } from "../util/domain-name";
import { durationSeconds } from "../util/duration";
import { show, ValidationError } from "../util/errors";
import { isLiteral, isUnresolved } from "../util/tokens";
import { CertificateValidation, CertificateValidationOptions } from "./certificate-validation";

/**
 * The synth checks of a public certificate's validation options, one step each, in the order
 * the certificate runs them: the kind, then the method's own options, then the timeout.
 */

/** Route 53 accepts a record TTL from 0 to 2147483647 seconds (ResourceRecordSet `TTL`). */
export const MAX_RECORD_TTL = 2147483647;

/** Throws unless `validation` is a CertificateValidation with a known method. */
export function checkValidationKind(scope: IConstruct, validation: unknown): void {
  if (!(validation instanceof CertificateValidation)) {
    throw new ValidationError(
      scope,
      `validation must be a CertificateValidation (fromDns, fromExternalDns or fromEmail), got ${show(validation)}`,
    );
  }
  const method = validation.options.method;
  if (method !== "DNS" && method !== "EMAIL") {
    throw new ValidationError(
      scope,
      `validation.method must be "DNS" or "EMAIL", got ${show(method)}`,
    );
  }
}

/** EMAIL: no DNS options; each validation domain is a known name's own domain or a parent. */
export function checkEmailValidation(
  scope: IConstruct,
  o: CertificateValidationOptions,
  allNames: readonly string[],
): void {
  const mixed = (
    ["hostedZones", "validationRecordFqdns", "recordTtl", "allowOverwrite"] as const
  ).filter((k) => o[k] !== undefined);
  if (mixed.length > 0) {
    throw new ValidationError(
      scope,
      `validation mixes EMAIL with DNS options (${mixed.join(", ")}); choose fromEmail() or fromDns(), not both`,
    );
  }
  for (const [name, domain] of Object.entries(o.validationDomains ?? {})) {
    if (!isLiteral(name) || !isLiteral(domain)) continue;
    if (!allNames.includes(name)) {
      throw new ValidationError(
        scope,
        `validation.validationDomains has key ${show(name)}, which is not one of the certificate's names (${allNames.map((n) => show(n)).join(", ")})`,
      );
    }
    if (domainNameProblem(domain) || !isInZone(stripWildcard(name), domain)) {
      throw new ValidationError(
        scope,
        `validation.validationDomains[${show(name)}] must be the name itself or a parent domain of it, got ${show(domain)}`,
      );
    }
  }
}

/**
 * DNS: no EMAIL options; external DNS needs nothing more. With Route 53: the zones are valid
 * (`checkHostedZones`), the TTL is in Route 53's range, every name is a literal (records are
 * keyed by name at synth) and has an authoritative zone.
 */
export function checkDnsValidation(
  scope: IConstruct,
  o: CertificateValidationOptions,
  allNames: readonly string[],
): void {
  if (o.validationDomains !== undefined) {
    throw new ValidationError(
      scope,
      "validation mixes DNS with the EMAIL option validationDomains; choose fromDns() or fromEmail(), not both",
    );
  }
  checkRecordTtl(scope, o.recordTtl);
  if (o.hostedZones === undefined) return; // external DNS
  if (o.validationRecordFqdns !== undefined) {
    throw new ValidationError(
      scope,
      "validation has both hostedZones (Route 53 records created here) and validationRecordFqdns (records created elsewhere); use one",
    );
  }
  if (o.hostedZones.length === 0) {
    throw new ValidationError(
      scope,
      "validation.hostedZones must name at least one zone, got []; for DNS outside Route 53 use CertificateValidation.fromExternalDns()",
    );
  }
  checkHostedZones(scope, "validation.hostedZones", o.hostedZones);
  const unknown = allNames.filter(isUnresolved);
  if (unknown.length > 0) {
    throw new ValidationError(
      scope,
      "Route 53 validation records are keyed by name at synth, so every name must be known at synth; " +
        `got ${unknown.length} token(s). Use literal names, or CertificateValidation.fromExternalDns()`,
    );
  }
  const orphans = allNames.filter((n) => !matchZone(n, o.hostedZones!));
  if (orphans.length > 0) {
    throw new ValidationError(
      scope,
      `no hosted zone is authoritative for ${orphans.map((n) => show(n)).join(", ")}; ` +
        `hostedZones are ${o.hostedZones.map((z) => show(z.zoneName)).join(", ")}`,
    );
  }
}

/**
 * A literal TTL is a whole number of seconds in Route 53's range. `property` is how the caller's
 * props name it (`validation.recordTtl`, `recordTtl`).
 */
export function checkRecordTtl(
  scope: IConstruct,
  ttl: number | undefined,
  property = "validation.recordTtl",
): void {
  if (ttl === undefined || isUnresolved(ttl)) return;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_RECORD_TTL) {
    throw new ValidationError(
      scope,
      `${property} must be a whole number of seconds from 0 to ${MAX_RECORD_TTL} (Route 53's range), got ${show(ttl)}`,
    );
  }
}

/** A literal validation timeout is a positive Terraform duration. */
export function checkValidationTimeout(scope: IConstruct, timeout: string | undefined): void {
  if (timeout === undefined || !isLiteral(timeout)) return;
  if (durationSeconds(timeout) === undefined) {
    throw new ValidationError(
      scope,
      `validationTimeout must be a positive Terraform duration such as "45m", "1.5h" or "1h30m" (units h, m, s, ms), got ${show(timeout)}`,
    );
  }
}
