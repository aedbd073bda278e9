import { Token } from "cdktf";

/** True when a value is unknown at synth (a cdktf token); such values are never checked. */
export function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** True when a value is a literal known at synth. */
export function isLiteral(value: unknown): value is string {
  return typeof value === "string" && !Token.isUnresolved(value);
}
