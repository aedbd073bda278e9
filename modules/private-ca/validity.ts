import { IConstruct } from "constructs";
import { Token } from "cdktf";
import { show, UNKNOWN_AT_SYNTH, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";

/**
 * How long a certificate is valid, counted from issuance: the relative forms of the
 * `validity` block of `aws_acmpca_certificate` (`type` DAYS, MONTHS or YEARS, and `value`).
 * The absolute forms (END_DATE, ABSOLUTE) are not offered: a fixed end date cannot be compared
 * with a parent's validity at synth, and it silently shrinks with every re-issue.
 */
export type ValidityUnit = "DAYS" | "MONTHS" | "YEARS";

const UNITS: readonly ValidityUnit[] = ["DAYS", "MONTHS", "YEARS"];

/** The most a SHORT_LIVED_CERTIFICATE CA may issue for, in days (AWS Private CA CA modes). */
export const SHORT_LIVED_MAX_DAYS = 7;

/**
 * A relative validity period. Build it with `Validity.days(n)`, `Validity.months(n)` or
 * `Validity.years(n)`.
 *
 * Comparing periods at synth: a month is 28 to 31 days and a year 365 to 366 days, so every
 * period is a range of days (`minDays` to `maxDays`). A check that one period is shorter than
 * another compares the longest the first can be with the shortest the second can be; it never
 * passes a pair that could fail at apply, at the price of rejecting a few borderline pairs such
 * as 119 months under 10 years. Express such periods in YEARS or DAYS.
 */
export class Validity {
  static days(value: number): Validity {
    return new Validity("DAYS", value);
  }

  static months(value: number): Validity {
    return new Validity("MONTHS", value);
  }

  static years(value: number): Validity {
    return new Validity("YEARS", value);
  }

  /**
   * A validity read from configuration, `{ type, value }` as in the provider's block. Throws a
   * ValidationError naming `property` unless the type is DAYS, MONTHS or YEARS and the value a
   * whole number of at least 1.
   */
  static of(
    scope: IConstruct,
    property: string,
    value: Validity | { readonly type: string; readonly value: number },
  ): Validity {
    if (value === null || typeof value !== "object") {
      throw new ValidationError(
        scope,
        `${property} must be a validity such as Validity.years(10), got ${show(value)}`,
      );
    }
    if (isUnresolved(value.type) || isUnresolved(value.value)) {
      // Passed through as given; every comparison that needs it is skipped.
      return value instanceof Validity
        ? value
        : new Validity(value.type as ValidityUnit, value.value);
    }
    if (!(UNITS as readonly string[]).includes(value.type)) {
      throw new ValidationError(
        scope,
        `${property}.type must be one of ${UNITS.map((u) => show(u)).join(", ")}, got ${show(value.type)}`,
      );
    }
    if (!Number.isInteger(value.value) || value.value < 1) {
      throw new ValidationError(
        scope,
        `${property}.value must be a whole number of at least 1, got ${show(value.value)}`,
      );
    }
    return value instanceof Validity
      ? value
      : new Validity(value.type as ValidityUnit, value.value);
  }

  private constructor(
    readonly type: ValidityUnit,
    readonly value: number,
  ) {}

  /** False when the type or the value is a token: the period is unknown at synth. */
  get isKnownAtSynth(): boolean {
    return !isUnresolved(this.type) && !isUnresolved(this.value);
  }

  /** The fewest days this period can span; NaN when unknown at synth. */
  get minDays(): number {
    if (!this.isKnownAtSynth) return NaN;
    switch (this.type) {
      case "DAYS":
        return this.value;
      case "MONTHS":
        return this.value * 28;
      case "YEARS":
        return this.value * 365;
    }
  }

  /** The most days this period can span; NaN when unknown at synth. */
  get maxDays(): number {
    if (!this.isKnownAtSynth) return NaN;
    switch (this.type) {
      case "DAYS":
        return this.value;
      case "MONTHS":
        return this.value * 31;
      case "YEARS":
        return this.value * 366;
    }
  }

  /** True when this period ends before `other` for certain, whatever the calendar. */
  isShorterThan(other: Validity): boolean {
    return this.maxDays < other.minDays;
  }

  /**
   * True when this period may end at or after `other`: known at synth, both, and not shorter
   * for certain. False when either is unknown at synth (the check is skipped).
   */
  mayOutlive(other: Validity): boolean {
    return this.isKnownAtSynth && other.isKnownAtSynth && !this.isShorterThan(other);
  }

  /** The provider block: `{ type, value }` with the value as a string (tokens as given). */
  toBlock(): { type: string; value: string } {
    return {
      type: this.type,
      value: isUnresolved(this.value) ? Token.asString(this.value) : String(this.value),
    };
  }

  toString(): string {
    if (!this.isKnownAtSynth) return UNKNOWN_AT_SYNTH;
    const unit = this.type.toLowerCase();
    return `${this.value} ${this.value === 1 ? unit.slice(0, -1) : unit}`;
  }
}
