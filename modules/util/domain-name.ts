/**
 * Pure domain-name logic: syntax rules ACM enforces, wildcard handling, validation-name
 * deduplication and certificate coverage. No constructs here, so every rule has plain unit and
 * property tests.
 *
 * Normalization decision: names must already be lower-case and have no trailing dot. We reject
 * rather than silently rewrite, because a rewritten name would no longer match the same string
 * used elsewhere (CloudFront aliases, listener host rules) and would change Terraform addresses
 * that are keyed by name. The error says which spelling to use instead.
 */

/** ACM: the first name (the certificate's CN) is at most 64 characters. */
export const MAX_PRIMARY_NAME_LENGTH = 64;
/** DNS: a full name is at most 253 characters. */
export const MAX_NAME_LENGTH = 253;
/** DNS: each label is 1 to 63 characters. */
export const MAX_LABEL_LENGTH = 63;

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * Returns why `name` is not a valid certificate domain name, or undefined when it is.
 * Rules: lower-case, no trailing dot, at least two labels, labels of letters, digits and inner
 * hyphens of 1-63 characters, at most `maxLength` characters, and at most one wildcard, which
 * must be the whole leftmost label (`*.example.com`).
 */
export function domainNameProblem(
  name: string,
  maxLength: number = MAX_NAME_LENGTH,
): string | undefined {
  if (name.length === 0) return "must not be empty";
  if (name !== name.trim()) return "must not contain white space";
  if (name.endsWith("."))
    return `must not end with a dot; use ${JSON.stringify(name.replace(/\.+$/, ""))}`;
  if (name !== name.toLowerCase())
    return `must be lower-case; use ${JSON.stringify(name.toLowerCase())}`;
  if (name.length > maxLength) return `must be at most ${maxLength} characters, got ${name.length}`;
  const labels = name.split(".");
  if (labels.length < 2) return "must be a fully qualified name with at least two labels";
  const wildcards = labels.filter((l) => l.includes("*")).length;
  if (wildcards > 1) return "may contain only one wildcard (a double wildcard is not allowed)";
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.includes("*")) {
      if (i !== 0 || label !== "*") {
        return 'may use a wildcard only as the whole leftmost label, as in "*.example.com"';
      }
      continue;
    }
    if (label.length === 0) return "must not contain an empty label (two dots in a row)";
    if (label.length > MAX_LABEL_LENGTH) {
      return `has a label of ${label.length} characters; labels are at most ${MAX_LABEL_LENGTH}: "${label.slice(0, 20)}..."`;
    }
    if (!LABEL.test(label)) {
      return `has an invalid label ${JSON.stringify(label)}; labels use a-z, 0-9 and inner hyphens`;
    }
  }
  if (labels.length === 2 && labels[0] === "*")
    return "must not be a wildcard of a top-level domain";
  return undefined;
}

export function isWildcard(name: string): boolean {
  return name.startsWith("*.");
}

/** `*.example.com` → `example.com`; other names unchanged. */
export function stripWildcard(name: string): string {
  return isWildcard(name) ? name.slice(2) : name;
}

/**
 * The distinct names that need a DNS validation record, in first-seen order. `example.com` and
 * `*.example.com` share one ACM validation record, so they collapse into `example.com`.
 */
export function validationNames(names: readonly string[]): string[] {
  return [...new Set(names.map(stripWildcard))];
}

/** Names that appear more than once, in first-seen order. */
export function duplicateNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) dups.add(n);
    seen.add(n);
  }
  return [...dups];
}

/**
 * True when a certificate name covers a host name. A wildcard covers exactly one label:
 * `*.example.com` covers `www.example.com`, but neither `example.com` nor `a.b.example.com`.
 */
export function nameCovers(certificateName: string, host: string): boolean {
  if (certificateName === host) return true;
  if (!isWildcard(certificateName)) return false;
  const suffix = certificateName.slice(1); // ".example.com"
  if (!host.endsWith(suffix)) return false;
  const first = host.slice(0, host.length - suffix.length);
  return first.length > 0 && !first.includes(".") && first !== "*";
}

/** The hosts that none of the certificate names cover, in input order. */
export function uncoveredHosts(
  certificateNames: readonly string[],
  hosts: readonly string[],
): string[] {
  return hosts.filter((h) => !certificateNames.some((c) => nameCovers(c, h)));
}

/** True when `name` is `zoneName` or lies below it. */
export function isInZone(name: string, zoneName: string): boolean {
  return name === zoneName || name.endsWith(`.${zoneName}`);
}

/**
 * Terraform-safe slug of a domain name for resource addresses: dots become underscores,
 * wildcards become `wildcard`. Injective over valid names (they contain no underscores).
 */
export function nameSlug(name: string): string {
  return name.replace(/^\*\./, "wildcard.").replace(/\./g, "_");
}
