import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";

/** The key family: a private certificate's family must match its issuing CA's. */
export type KeyFamily = "RSA" | "EC";

/**
 * Reads an algorithm prop given as an instance (`isInstance`) or as its API value, among `known`.
 * Throws a ValidationError naming `property`, the value and the allowed values otherwise. One
 * lookup for every algorithm value class (ACM key algorithms, CA key and signing algorithms).
 */
export function findAlgorithm<T extends { readonly value: string }>(
  scope: IConstruct | undefined,
  property: string,
  value: unknown,
  known: readonly T[],
  isInstance: (value: unknown) => value is T,
): T {
  if (isInstance(value)) return value;
  const found = known.find((k) => k.value === value);
  if (!found) {
    throw new ValidationError(
      scope,
      `${property} must be one of ${known.map((k) => show(k.value)).join(", ")}, got ${show(value)}`,
    );
  }
  return found;
}

/**
 * A key algorithm ACM can request a certificate with (RequestCertificate `KeyAlgorithm`).
 * Other algorithms (RSA 1024/3072/4096, P-521) exist only for imported certificates.
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

  /**
   * The algorithm named `value`, for configuration read from JSON or variables.
   * Throws a ValidationError naming `property` for anything ACM does not accept.
   */
  static of(scope: IConstruct, property: string, value: string | KeyAlgorithm): KeyAlgorithm {
    return findAlgorithm(
      scope,
      property,
      value,
      KeyAlgorithm.ALL,
      (v) => v instanceof KeyAlgorithm,
    );
  }

  private constructor(
    /** The ACM API value, for example `EC_prime256v1`. */
    readonly value: string,
    readonly family: KeyFamily,
    /** Whether CloudFront (and so edge-optimized API Gateway) accepts this key. */
    readonly cloudFrontCompatible: boolean,
  ) {}

  toString(): string {
    return this.value;
  }
}

/** For props typed `string | KeyAlgorithm`: undefined when unset or a token. */
export function resolveKeyAlgorithm(
  scope: IConstruct,
  property: string,
  value: string | KeyAlgorithm | undefined,
): KeyAlgorithm | undefined {
  if (value === undefined || (typeof value === "string" && isUnresolved(value))) return undefined;
  return KeyAlgorithm.of(scope, property, value);
}
