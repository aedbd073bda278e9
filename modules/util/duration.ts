/**
 * Terraform durations, as resource `timeouts` take them: Go's `time.ParseDuration` format, a
 * sequence of decimal numbers each with a unit, for example `45m`, `1.5h`, `90m`, `1h30m`,
 * `2h45m30.5s` (units `ns`, `us`, `µs`, `ms`, `s`, `m`, `h`). See
 * https://pkg.go.dev/time#ParseDuration and the Terraform docs on operation timeouts.
 */
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

const DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/**
 * The length in seconds of a positive Terraform duration, or undefined when `text` is not one.
 * A sign is not accepted: a timeout is never negative, and `0` would fail every apply.
 */
export function durationSeconds(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_SECONDS[unit];
  return total > 0 ? total : undefined;
}
