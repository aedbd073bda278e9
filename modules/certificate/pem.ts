import { createPrivateKey, KeyObject, X509Certificate } from "node:crypto";
import { IConstruct } from "constructs";
import { ValidationError } from "../util/errors";

/**
 * Synth checks of the PEM material ACM imports, with Node's `crypto.X509Certificate` and
 * `createPrivateKey` (no extra dependency). The rules are ACM's import prerequisites
 * (https://docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html) and
 * its import troubleshooting page (each chain certificate certifies the one before it, the leaf
 * is not in the chain). Messages never quote a private key: they name where it came from.
 */

/** ACM's import limit for a private key: 5 KB (5,120 bytes), unencrypted. */
export const MAX_PRIVATE_KEY_BYTES = 5120;

/** The key algorithms ACM imports: RSA 1024-4096 bits and ECDSA P-256, P-384, P-521. */
export const IMPORT_KEY_ALGORITHMS = [
  "RSA_1024",
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "EC_prime256v1",
  "EC_secp384r1",
  "EC_secp521r1",
] as const;

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END \1-----/g;

/** The PEM blocks of a text, by label, or undefined when there is text outside of them. */
function pemBlocks(text: string): { label: string; pem: string }[] | undefined {
  const blocks: { label: string; pem: string }[] = [];
  let rest = text;
  for (const m of text.matchAll(BLOCK)) {
    blocks.push({ label: m[1], pem: m[0] });
    rest = rest.replace(m[0], "");
  }
  return rest.trim() === "" ? blocks : undefined;
}

/**
 * Parses one or more PEM certificates. `source` describes the input in errors (for example
 * `file "certs/leaf.pem"`).
 */
export function parseCertificates(
  scope: IConstruct,
  property: string,
  source: string,
  text: string,
): X509Certificate[] {
  const blocks = pemBlocks(text);
  if (!blocks || blocks.length === 0 || blocks.some((b) => b.label !== "CERTIFICATE")) {
    throw new ValidationError(
      scope,
      `${property} must be PEM certificates ("-----BEGIN CERTIFICATE-----" blocks and nothing else), got ${source}` +
        (blocks && blocks.length > 0
          ? ` holding ${blocks.map((b) => JSON.stringify(b.label)).join(", ")} blocks`
          : " with no PEM certificate in it"),
    );
  }
  return blocks.map((b, i) => {
    try {
      return new X509Certificate(b.pem);
    } catch (e) {
      throw new ValidationError(
        scope,
        `${property} block ${i + 1} of ${source} is not a parsable X.509 certificate: ${(e as Error).message}`,
      );
    }
  });
}

/** Parses an unencrypted PEM private key of at most 5,120 bytes. */
export function parsePrivateKey(
  scope: IConstruct,
  property: string,
  source: string,
  text: string,
): KeyObject {
  const blocks = pemBlocks(text);
  const labels = blocks?.map((b) => b.label) ?? [];
  if (labels.includes("ENCRYPTED PRIVATE KEY") || /Proc-Type: 4,ENCRYPTED/.test(text)) {
    throw new ValidationError(
      scope,
      `${property} must be an unencrypted private key (ACM imports no passphrase), got an encrypted key from ${source}`,
    );
  }
  if (!blocks || blocks.length !== 1 || !/^(RSA |EC )?PRIVATE KEY$/.test(labels[0])) {
    throw new ValidationError(
      scope,
      `${property} must be one PEM private key ("-----BEGIN PRIVATE KEY-----", "RSA PRIVATE KEY" or "EC PRIVATE KEY"), got ${source}` +
        (blocks && blocks.length > 0
          ? ` holding ${labels.map((l) => JSON.stringify(l)).join(", ")} blocks`
          : " with no PEM block in it"),
    );
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_PRIVATE_KEY_BYTES) {
    throw new ValidationError(
      scope,
      `${property} must be at most ${MAX_PRIVATE_KEY_BYTES} bytes (ACM's import limit), got ${bytes} bytes from ${source}`,
    );
  }
  try {
    return createPrivateKey({ key: text, format: "pem" });
  } catch (e) {
    throw new ValidationError(
      scope,
      `${property} from ${source} is not a parsable private key: ${(e as Error).message}`,
    );
  }
}

/**
 * The ACM name of a key's algorithm (`RSA_2048`, `EC_prime256v1`, ...), or a ValidationError
 * when ACM does not import it. RSA under 2048 bits is refused as weak (NIST SP 800-131A), like
 * everywhere in this library, although ACM would import RSA_1024.
 */
export function importKeyAlgorithm(
  scope: IConstruct,
  property: string,
  source: string,
  key: KeyObject,
): string {
  const details = key.asymmetricKeyDetails ?? {};
  let name: string | undefined;
  if (key.asymmetricKeyType === "rsa") name = `RSA_${details.modulusLength}`;
  else if (key.asymmetricKeyType === "ec") {
    const curve = details.namedCurve;
    name =
      curve === "prime256v1" || curve === "P-256"
        ? "EC_prime256v1"
        : curve === "secp384r1" || curve === "P-384"
          ? "EC_secp384r1"
          : curve === "secp521r1" || curve === "P-521"
            ? "EC_secp521r1"
            : `EC_${curve}`;
  } else name = key.asymmetricKeyType;
  const allowed = IMPORT_KEY_ALGORITHMS.filter((a) => a !== "RSA_1024");
  if (!name || !(allowed as readonly string[]).includes(name)) {
    throw new ValidationError(
      scope,
      `${property} from ${source} has key algorithm ${JSON.stringify(name ?? "unknown")}; ACM imports ${allowed.join(", ")}` +
        (name === "RSA_1024"
          ? " (RSA_1024 too, but it is refused here as weak: NIST SP 800-131A)"
          : ""),
    );
  }
  return name;
}

/** Throws unless `key` is the private key of `certificate`. */
export function checkKeyMatches(
  scope: IConstruct,
  property: string,
  source: string,
  certificate: X509Certificate,
  key: KeyObject,
): void {
  let matches = false;
  try {
    matches = certificate.checkPrivateKey(key);
  } catch {
    matches = false;
  }
  if (!matches) {
    throw new ValidationError(
      scope,
      `${property} from ${source} does not match certificateBody (subject ${JSON.stringify(certificate.subject)}): ` +
        "it is not the private key of the certificate's public key",
    );
  }
}

/**
 * Throws unless each certificate of `chain` issued (and signed) the one before it, starting
 * with `leaf`, and the leaf itself is not in the chain.
 */
export function checkChainOrder(
  scope: IConstruct,
  property: string,
  source: string,
  leaf: X509Certificate,
  chain: readonly X509Certificate[],
): void {
  chain.forEach((c, i) => {
    if (c.fingerprint256 === leaf.fingerprint256) {
      throw new ValidationError(
        scope,
        `${property} from ${source} holds the certificate itself at position ${i + 1}: the chain holds only the issuing certificates`,
      );
    }
    const child = i === 0 ? leaf : chain[i - 1];
    if (!child.checkIssued(c) || !child.verify(c.publicKey)) {
      throw new ValidationError(
        scope,
        `${property} from ${source} is out of order at position ${i + 1}: ${JSON.stringify(c.subject)} did not issue ` +
          `${i === 0 ? "the certificate" : `position ${i}`} (${JSON.stringify(child.issuer)}); ` +
          "list the intermediate that issued the certificate first, then each issuer in turn",
      );
    }
  });
}

/** Whole days from `now` until the certificate's notAfter (negative once expired). */
export function daysUntilExpiry(certificate: X509Certificate, now: Date): number {
  return Math.floor((new Date(certificate.validTo).getTime() - now.getTime()) / 86_400_000);
}
