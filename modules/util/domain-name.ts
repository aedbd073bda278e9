import { parse as parseDomain } from "tldts";

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

/** ACM: at most 100 names on one certificate, whatever the account's quota says. */
export const MAX_NAMES_PER_CERTIFICATE = 100;

/**
 * ACM's DNS validation record for a name is `_<32 hex digits>.<name without "*.">`, a CNAME
 * (ACM user guide, "DNS validation"): 34 characters more than the name, and still at most 253.
 */
export const VALIDATION_RECORD_PREFIX_LENGTH = 34;

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

/** What a certificate name is checked for beyond its syntax. */
export interface CertificateNameRules {
  /**
   * A public certificate's names are public DNS names: no wildcard directly under a public suffix
   * (`*.co.uk`), which no one can prove control of. A private CA issues for internal names
   * (`*.internal`, `*.corp`) that no public list knows, so the rule is off for private
   * certificates.
   */
  readonly publicCertificate: boolean;
  /** Validation by DNS: the validation record name must fit DNS's 253 characters too. */
  readonly dnsValidation: boolean;
}

/**
 * Returns why ACM would refuse `name` on a certificate, or undefined. First the syntax
 * (`domainNameProblem`), then, naming the rule that fails:
 * - not an IPv4 address: ACM certificates carry DNS names only;
 * - a top-level label of at least two characters: ACM's DomainName pattern ends in
 *   `(?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9]` (RequestCertificate, API reference);
 * - a top-level label that is not all-numeric (RFC 3696 section 2: top-level names are never
 *   all-numeric, which is what tells a name from an address);
 * - public certificates: no wildcard directly under a public suffix of the ICANN section of the
 *   Public Suffix List (`*.co.uk`, `*.com`), read from the `tldts` package, which bundles the
 *   list so the check works offline at synth. The private section (`github.io`, ...) is left
 *   out: its suffixes are owned by companies that may certify under them;
 * - DNS validation: the validation record `_<32 hex>.<name>` at most 253 characters.
 */
export function certificateNameProblem(
  name: string,
  maxLength: number,
  rules: CertificateNameRules,
): string | undefined {
  const syntax = domainNameProblem(name, maxLength);
  if (syntax) return syntax;
  if (isIpv4Address(name)) {
    return "must be a DNS name, not an IP address (ACM certificates carry DNS names only)";
  }
  const labels = name.split(".");
  const top = labels[labels.length - 1];
  if (top.length < 2) {
    return `has a one-character top-level label ${JSON.stringify(top)}; ACM's domain name pattern requires at least two`;
  }
  if (/^[0-9]+$/.test(top)) {
    return `has an all-numeric top-level label ${JSON.stringify(top)}; top-level names are never all-numeric (RFC 3696)`;
  }
  if (rules.publicCertificate && isWildcard(name)) {
    const suffix = publicSuffixOf(stripWildcard(name));
    if (suffix !== undefined) {
      return `is a wildcard directly under the public suffix ${JSON.stringify(suffix)} (Public Suffix List); no one can prove control of every name under it, so ACM refuses it`;
    }
  }
  if (rules.dnsValidation) {
    const recordLength = VALIDATION_RECORD_PREFIX_LENGTH + stripWildcard(name).length;
    if (recordLength > MAX_NAME_LENGTH) {
      return `is too long for DNS validation: its validation record "_<32 hex>.<name>" would be ${recordLength} characters, over DNS's ${MAX_NAME_LENGTH}`;
    }
  }
  return undefined;
}

/** True for a dotted-quad IPv4 address (`10.0.0.1`). */
export function isIpv4Address(name: string): boolean {
  const parts = name.split(".");
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * `name` itself when it is a public suffix of the ICANN section of the Public Suffix List
 * (`com`, `co.uk`, `s3.amazonaws.com` is not: that one is in the private section), else
 * undefined. Names under no listed rule (`internal`) are not public suffixes.
 */
export function publicSuffixOf(name: string): string | undefined {
  const parsed = parseDomain(name, { allowPrivateDomains: false });
  return parsed.isIcann === true && parsed.publicSuffix === name ? name : undefined;
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
