import { ValidationError } from "../../modules/util/errors";

/**
 * A row of an inputs table: what the bad input is, how to build it through the public API,
 * and the strings its message must contain (the property, the value received, the rule).
 */
export type BadInput = readonly [string, () => unknown, readonly string[]];

/**
 * Builds a bad input and asserts the promise of the library: a ValidationError (never a
 * TypeError or a constructs error), whose message contains every one of `mustContain`, and
 * never a `${TfToken[...]}` placeholder.
 */
export function expectValidationError(build: () => unknown, mustContain: readonly string[]): void {
  let error: unknown;
  try {
    build();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as Error).name).toBe("ValidationError");
  const message = (error as Error).message;
  for (const part of mustContain) expect(message).toContain(part);
  expect(message).not.toMatch(/TfToken/);
}
