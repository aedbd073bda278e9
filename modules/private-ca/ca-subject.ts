import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

/**
 * The X.500 distinguished name of a CA (the API's ASN1Subject). Length limits are the API's;
 * they are checked at synth for literal values.
 */
export interface CaSubject {
  /** CN, at most 64 characters, for example "Example Corp Root CA G1". */
  readonly commonName: string;
  /** O, at most 64 characters. @default none */
  readonly organization?: string;
  /** OU, at most 64 characters. @default none */
  readonly organizationalUnit?: string;
  /** C, a two-letter ISO 3166 country code in capitals, for example "NL". @default none */
  readonly country?: string;
  /** ST, at most 128 characters. @default none */
  readonly state?: string;
  /** L, at most 128 characters. @default none */
  readonly locality?: string;
  /** Title, at most 64 characters. @default none */
  readonly title?: string;
  /** dnQualifier, at most 64 characters of letters, digits and ` '()+-.:/=?`. @default none */
  readonly distinguishedNameQualifier?: string;
}

const LIMITS: ReadonlyArray<[keyof CaSubject, number]> = [
  ["commonName", 64],
  ["organization", 64],
  ["organizationalUnit", 64],
  ["state", 128],
  ["locality", 128],
  ["title", 64],
  ["distinguishedNameQualifier", 64],
];

/** Throws a ValidationError naming `property` when a literal subject field breaks an API rule. */
export function checkCaSubject(scope: IConstruct, property: string, subject: CaSubject): void {
  if (subject === null || typeof subject !== "object") {
    throw new ValidationError(
      scope,
      `${property} must be an object with at least a commonName, got ${show(subject)}`,
    );
  }
  if (typeof subject.commonName !== "string" || subject.commonName.trim() === "") {
    throw new ValidationError(
      scope,
      `${property}.commonName must be a non-empty string (it names the CA in every certificate it signs), got ${show(subject.commonName)}`,
    );
  }
  for (const [field, max] of LIMITS) {
    const value = subject[field];
    if (!isLiteral(value)) continue;
    if (value.length > max) {
      throw new ValidationError(
        scope,
        `${property}.${field} must be at most ${max} characters, got ${value.length}: ${show(value)}`,
      );
    }
  }
  if (isLiteral(subject.country) && !/^[A-Z]{2}$/.test(subject.country)) {
    throw new ValidationError(
      scope,
      `${property}.country must be a two-letter ISO 3166 code in capitals such as "NL", got ${show(subject.country)}`,
    );
  }
  if (
    isLiteral(subject.distinguishedNameQualifier) &&
    !/^[a-zA-Z0-9'()+\-.?:/= ]*$/.test(subject.distinguishedNameQualifier)
  ) {
    throw new ValidationError(
      scope,
      `${property}.distinguishedNameQualifier may use letters, digits, spaces and ' ( ) + - . ? : / =, got ${show(subject.distinguishedNameQualifier)}`,
    );
  }
}
