import { Annotations } from "cdktf";
import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";

/** The key family: a private certificate's family must match its issuing CA's. */
export type KeyFamily = "RSA" | "EC";

/**
 * An open set of algorithm names (ACM key algorithms, CA key and signing algorithms): AWS adds
 * values over time, so a closed list would block them.
 */
export interface AlgorithmSet<T extends { readonly value: string }> {
  /** The values this library knows. */
  readonly known: readonly T[];
  /** Why a value is refused (a weak key, a value AWS rejects here), or undefined. */
  readonly refused: (value: string) => string | undefined;
  /** Forms of values AWS may add later, with the family they belong to. */
  readonly newer: readonly {
    readonly pattern: RegExp;
    readonly form: string;
    readonly family: KeyFamily;
  }[];
  readonly isInstance: (value: unknown) => value is T;
  /**
   * An instance for a value this library does not know: a newer value of `family`, or a token
   * (family undefined: unknown at synth). It carries the value unchanged, to emit as given.
   */
  readonly create: (value: string, family: KeyFamily | undefined) => T;
}

/**
 * Reads an algorithm prop given as an instance or as its API value:
 * - a token: passed through unchanged, as an instance whose family is undefined (unknown at
 *   synth), never replaced by a default;
 * - a known value: its instance;
 * - a refused value (weak, or one AWS rejects here): a ValidationError with the reason;
 * - an unknown value of a known family's form (`RSA_<bits>`, `EC_<curve>`): passed through with a
 *   synth warning, since AWS may have added it after this library was written;
 * - anything else: a ValidationError naming `property`, the value and the allowed values.
 */
export function findAlgorithm<T extends { readonly value: string }>(
  scope: IConstruct | undefined,
  property: string,
  value: unknown,
  set: AlgorithmSet<T>,
): T {
  if (set.isInstance(value)) return value;
  if (typeof value === "string" && isUnresolved(value)) return set.create(value, undefined);
  const found = set.known.find((k) => k.value === value);
  if (found) return found;
  const allowed = `${property} must be one of ${set.known.map((k) => show(k.value)).join(", ")}, got ${show(value)}`;
  if (typeof value === "string") {
    const reason = set.refused(value);
    if (reason) throw new ValidationError(scope, `${allowed}: ${reason}`);
    const newer = set.newer.find((n) => n.pattern.test(value));
    if (newer && scope) {
      Annotations.of(scope).addWarning(
        `${property} ${show(value)} is not a value this library knows (${set.known.map((k) => k.value).join(", ")}); ` +
          `it has the form ${newer.form}, so it is passed through as an ${newer.family} algorithm: check that AWS accepts it, and upgrade the ` +
          "AWS provider if it refuses the value at plan (hashicorp/aws checks these values against the list it was built with)",
      );
      return set.create(value, newer.family);
    }
  }
  const forms = set.newer.map((n) => n.form).join(" or ");
  throw new ValidationError(
    scope,
    `${allowed}${forms ? ` (a newer value of the form ${forms} passes with a warning)` : ""}`,
  );
}

/** RSA keys under 2048 bits: refused everywhere (NIST SP 800-131A disallows them). */
export function weakRsaKey(value: string): string | undefined {
  const bits = /^RSA_(\d+)$/.exec(value)?.[1];
  return bits !== undefined && Number(bits) < 2048
    ? `an RSA key of ${bits} bits is weak (NIST SP 800-131A disallows RSA under 2048 bits)`
    : undefined;
}

/** The forms of key algorithm names AWS uses, for values added later. */
export const KEY_ALGORITHM_FORMS = [
  { pattern: /^RSA_\d+$/, form: "RSA_<bits>", family: "RSA" },
  { pattern: /^EC_[a-z0-9]+$/, form: "EC_<curve>", family: "EC" },
] as const;

/**
 * The API values of RequestCertificate's KeyAlgorithm enum that ACM accepts only for imported
 * certificates: "Algorithms supported for an ACM certificate request include: RSA_2048,
 * EC_prime256v1, EC_secp384r1. Other listed algorithms are for imported certificates only."
 * (https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html)
 */
const IMPORT_ONLY = ["RSA_1024", "RSA_3072", "RSA_4096", "EC_secp521r1"];

/**
 * A key algorithm ACM can request a certificate with (RequestCertificate `KeyAlgorithm`).
 * Other algorithms (RSA 1024/3072/4096, P-521) exist only for imported certificates.
 *
 * A value given as a token is carried unchanged, with `family` and `cloudFrontCompatible`
 * undefined: unknown at synth, so the checks that need them are skipped.
 */
export class KeyAlgorithm {
  /** RSA 2048-bit: the default, and accepted by every integration. */
  static readonly RSA_2048 = new KeyAlgorithm("RSA_2048", "RSA", true);
  /** ECDSA P-256: smaller, faster handshakes; accepted by CloudFront and edge API Gateway. */
  static readonly EC_PRIME256V1 = new KeyAlgorithm("EC_prime256v1", "EC", true);
  /** ECDSA P-384: not accepted by CloudFront or edge-optimized API Gateway. */
  static readonly EC_SECP384R1 = new KeyAlgorithm("EC_secp384r1", "EC", false);

  static readonly ALL: readonly KeyAlgorithm[] = [
    KeyAlgorithm.RSA_2048,
    KeyAlgorithm.EC_PRIME256V1,
    KeyAlgorithm.EC_SECP384R1,
  ];

  private static readonly SET: AlgorithmSet<KeyAlgorithm> = {
    known: KeyAlgorithm.ALL,
    refused: (v) =>
      weakRsaKey(v) ??
      (IMPORT_ONLY.includes(v)
        ? "ACM requests a certificate only with RSA_2048, EC_prime256v1 or EC_secp384r1; other key algorithms are for imported certificates (RequestCertificate API reference)"
        : undefined),
    newer: KEY_ALGORITHM_FORMS,
    isInstance: (v): v is KeyAlgorithm => v instanceof KeyAlgorithm,
    create: (value, family) => new KeyAlgorithm(value, family, undefined),
  };

  /**
   * The algorithm named `value`, for configuration read from JSON or variables. A token is
   * carried unchanged (family unknown); a newer `RSA_<bits>` or `EC_<curve>` value passes with a
   * warning; anything else ACM does not accept throws a ValidationError naming `property`.
   */
  static of(scope: IConstruct, property: string, value: string | KeyAlgorithm): KeyAlgorithm {
    return findAlgorithm(scope, property, value, KeyAlgorithm.SET);
  }

  private constructor(
    /** The ACM API value, for example `EC_prime256v1`; a token when given as one. */
    readonly value: string,
    /** RSA or EC; undefined when the value is a token, unknown at synth. */
    readonly family: KeyFamily | undefined,
    /**
     * Whether CloudFront (and so edge-optimized API Gateway) accepts this key; undefined when
     * not known (a token, or a newer value this library does not know).
     */
    readonly cloudFrontCompatible: boolean | undefined,
  ) {}

  /** False when the value is a token: the algorithm is unknown at synth. */
  get isKnownAtSynth(): boolean {
    return this.family !== undefined;
  }

  toString(): string {
    return this.value;
  }
}

/**
 * For props typed `string | KeyAlgorithm`: undefined when unset. A token comes back as a
 * KeyAlgorithm carrying it unchanged (`isKnownAtSynth` false), to emit as given.
 */
export function resolveKeyAlgorithm(
  scope: IConstruct,
  property: string,
  value: string | KeyAlgorithm | undefined,
): KeyAlgorithm | undefined {
  if (value === undefined) return undefined;
  return KeyAlgorithm.of(scope, property, value);
}
