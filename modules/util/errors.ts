import { Token } from "cdktf";
import { IConstruct } from "constructs";

/**
 * Thrown when a construct receives props that AWS would reject or that cannot work.
 * The message always starts with the construct path, then names the property, the value
 * received and what is allowed: `[stack/Cert] domainName must be ..., got "...".`
 */
export class ValidationError extends Error {
  constructor(scope: IConstruct | undefined, message: string) {
    super(scope ? `[${scope.node.path}] ${message}` : message);
    this.name = "ValidationError";
  }
}

/**
 * Renders a received value for an error message: strings quoted, long values shortened. A value
 * unknown at synth (a token, or a list or object holding one) is shown as `<token: unknown at
 * synth>`, never as its `${TfToken[...]}` placeholder, which means nothing to the reader.
 */
export function show(value: unknown): string {
  if (Token.isUnresolved(value)) return UNKNOWN_AT_SYNTH;
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value);
  else if (value === undefined) text = "undefined";
  else
    text =
      JSON.stringify(value, (_k, v) => (Token.isUnresolved(v) ? UNKNOWN_AT_SYNTH : v)) ??
      String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** How `show` renders a value that is unknown at synth. */
export const UNKNOWN_AT_SYNTH = "<token: unknown at synth>";

/** Throws a ValidationError unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  scope: IConstruct,
  property: string,
  value: string,
  allowed: readonly T[],
): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(
      scope,
      `${property} must be one of ${allowed.map((a) => show(a)).join(", ")}, got ${show(value)}`,
    );
  }
}
