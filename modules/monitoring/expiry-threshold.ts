import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";

/**
 * What kind of ACM certificate an alarm watches; the default threshold follows from it:
 * - `public`: requested from ACM's public CA and renewed by ACM;
 * - `private`: signed by an AWS Private CA and renewed by ACM;
 * - `imported`: imported into ACM, never renewed by ACM.
 */
export type CertificateKind = "public" | "private" | "imported";

/**
 * How long an ACM public certificate lives today: 198 days. The CA/Browser Forum's ballot
 * SC-081 shortens the maximum to 100 days from 15 March 2027 and to 47 days from 15 March 2029;
 * set `lifetimeDays` (or `monitorAll`'s `publicLifetimeDays`) when ACM moves, and the threshold
 * follows.
 */
export const PUBLIC_CERTIFICATE_LIFETIME_DAYS = 198;

/** An ACM private certificate lives 13 months: 395 days (the ACM private certificate docs). */
export const PRIVATE_CERTIFICATE_LIFETIME_DAYS = 395;

/**
 * Imported certificates are never renewed by ACM (https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html),
 * and their lifetime is whatever the issuing CA chose: the alarm fires 30 days ahead, time to
 * re-import.
 */
export const IMPORTED_CERTIFICATE_THRESHOLD_DAYS = 30;

/**
 * The share of a managed certificate's lifetime left when the alarm fires: one tenth.
 *
 * ACM renews a managed certificate well before that point (it starts 60 days before a 395-day
 * private certificate expires, https://docs.aws.amazon.com/acm/latest/userguide/renew-private-cert.html),
 * so an alarm at a tenth of the lifetime means renewal has failed (validation records gone,
 * certificate unused, CA permission missing), while a tenth still leaves days to fix it: 19 of
 * 198 days, 39 of 395, 9 of 98, 4 of 47. A fixed "30 days" would be a sixth of a 198-day
 * certificate and more than half of a 47-day one.
 */
export const MANAGED_EXPIRY_ALARM_FRACTION = 0.1;

/** The default threshold, in days, for a kind and a lifetime, with the reasoning as text. */
export interface ExpiryThreshold {
  readonly kind: CertificateKind;
  /** The lifetime the threshold came from; undefined for imported certificates. */
  readonly lifetimeDays?: number;
  readonly thresholdDays: number;
}

/**
 * The default alarm threshold: `floor(lifetime x 0.1)` days (at least 1) for the managed kinds,
 * 30 days for imported certificates.
 */
export function defaultExpiryThreshold(
  kind: CertificateKind,
  lifetimeDays?: number,
): ExpiryThreshold {
  if (kind === "imported") return { kind, thresholdDays: IMPORTED_CERTIFICATE_THRESHOLD_DAYS };
  const lifetime =
    lifetimeDays ??
    (kind === "public" ? PUBLIC_CERTIFICATE_LIFETIME_DAYS : PRIVATE_CERTIFICATE_LIFETIME_DAYS);
  return {
    kind,
    lifetimeDays: lifetime,
    thresholdDays: Math.max(1, Math.floor(lifetime * MANAGED_EXPIRY_ALARM_FRACTION)),
  };
}

/** Throws unless a literal `value` is a whole number of days from `min` to `max`; tokens pass. */
export function checkDays(
  scope: IConstruct,
  property: string,
  value: number | undefined,
  min: number,
  max: number,
  why: string,
): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(
      scope,
      `${property} must be a whole number of days from ${min} to ${max} (${why}), got ${show(value)}`,
    );
  }
}
