import { IConstruct } from "constructs";
import { findAlgorithm, KeyFamily } from "../certificate/key-algorithm";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";

/**
 * The key pair a private CA creates (CertificateAuthorityConfiguration `KeyAlgorithm`).
 *
 * Offered: the RSA and ECDSA keys that work in every commercial region. Left out: SM2 (China
 * regions only) and the ML-DSA post-quantum keys, which provider 5.100 predates and which ACM
 * cannot issue private certificates from.
 */
export class CaKeyAlgorithm {
  static readonly RSA_2048 = new CaKeyAlgorithm("RSA_2048", "RSA", "SHA256WITHRSA");
  static readonly RSA_3072 = new CaKeyAlgorithm("RSA_3072", "RSA", "SHA256WITHRSA");
  static readonly RSA_4096 = new CaKeyAlgorithm("RSA_4096", "RSA", "SHA256WITHRSA");
  static readonly EC_PRIME256V1 = new CaKeyAlgorithm("EC_prime256v1", "EC", "SHA256WITHECDSA");
  static readonly EC_SECP384R1 = new CaKeyAlgorithm("EC_secp384r1", "EC", "SHA384WITHECDSA");
  static readonly EC_SECP521R1 = new CaKeyAlgorithm("EC_secp521r1", "EC", "SHA512WITHECDSA");

  static readonly ALL: readonly CaKeyAlgorithm[] = [
    CaKeyAlgorithm.RSA_2048,
    CaKeyAlgorithm.RSA_3072,
    CaKeyAlgorithm.RSA_4096,
    CaKeyAlgorithm.EC_PRIME256V1,
    CaKeyAlgorithm.EC_SECP384R1,
    CaKeyAlgorithm.EC_SECP521R1,
  ];

  /** The algorithm named `value`; throws a ValidationError naming `property` otherwise. */
  static of(scope: IConstruct, property: string, value: string | CaKeyAlgorithm): CaKeyAlgorithm {
    return findAlgorithm(
      scope,
      property,
      value,
      CaKeyAlgorithm.ALL,
      (v) => v instanceof CaKeyAlgorithm,
    );
  }

  private constructor(
    /** The API value, for example `EC_secp384r1`. */
    readonly value: string,
    /** RSA or EC: certificates signed with this key use a signing algorithm of this family. */
    readonly family: KeyFamily,
    /** The signing algorithm used when none is given: the hash that matches the key strength. */
    readonly defaultSigningAlgorithmValue: string,
  ) {}

  /** The signing algorithm used when none is given. */
  get defaultSigningAlgorithm(): CaSigningAlgorithm {
    return CaSigningAlgorithm.of(undefined, "signingAlgorithm", this.defaultSigningAlgorithmValue);
  }

  toString(): string {
    return this.value;
  }
}

/**
 * The algorithm a CA signs certificates with (`SigningAlgorithm`). Its family must match the
 * CA's key: `*WITHRSA` for RSA keys, `*WITHECDSA` for EC keys.
 */
export class CaSigningAlgorithm {
  static readonly SHA256WITHRSA = new CaSigningAlgorithm("SHA256WITHRSA", "RSA");
  static readonly SHA384WITHRSA = new CaSigningAlgorithm("SHA384WITHRSA", "RSA");
  static readonly SHA512WITHRSA = new CaSigningAlgorithm("SHA512WITHRSA", "RSA");
  static readonly SHA256WITHECDSA = new CaSigningAlgorithm("SHA256WITHECDSA", "EC");
  static readonly SHA384WITHECDSA = new CaSigningAlgorithm("SHA384WITHECDSA", "EC");
  static readonly SHA512WITHECDSA = new CaSigningAlgorithm("SHA512WITHECDSA", "EC");

  static readonly ALL: readonly CaSigningAlgorithm[] = [
    CaSigningAlgorithm.SHA256WITHRSA,
    CaSigningAlgorithm.SHA384WITHRSA,
    CaSigningAlgorithm.SHA512WITHRSA,
    CaSigningAlgorithm.SHA256WITHECDSA,
    CaSigningAlgorithm.SHA384WITHECDSA,
    CaSigningAlgorithm.SHA512WITHECDSA,
  ];

  /** The algorithm named `value`; throws a ValidationError naming `property` otherwise. */
  static of(
    scope: IConstruct | undefined,
    property: string,
    value: string | CaSigningAlgorithm,
  ): CaSigningAlgorithm {
    return findAlgorithm(
      scope,
      property,
      value,
      CaSigningAlgorithm.ALL,
      (v) => v instanceof CaSigningAlgorithm,
    );
  }

  private constructor(
    readonly value: string,
    readonly family: KeyFamily,
  ) {}

  toString(): string {
    return this.value;
  }
}

/** A CA's key and signing algorithm, checked as a pair. */
export interface CaAlgorithms {
  readonly keyAlgorithm: CaKeyAlgorithm;
  readonly signingAlgorithm: CaSigningAlgorithm;
}

/**
 * Resolves a CA's key and signing algorithms. The key defaults to `defaultKey`, the signing
 * algorithm to the key's default (SHA-256 for RSA and P-256, SHA-384 for P-384, SHA-512 for
 * P-521). Throws when either is unknown or when the signing algorithm's family is not the key's:
 * AWS Private CA signs with the CA's own key, so an RSA key cannot produce an ECDSA signature.
 */
export function resolveCaAlgorithms(
  scope: IConstruct,
  keyAlgorithm: string | CaKeyAlgorithm | undefined,
  signingAlgorithm: string | CaSigningAlgorithm | undefined,
  defaultKey: CaKeyAlgorithm = CaKeyAlgorithm.RSA_2048,
): CaAlgorithms {
  if (typeof keyAlgorithm === "string" && isUnresolved(keyAlgorithm)) {
    throw new ValidationError(
      scope,
      "keyAlgorithm must be known at synth (it decides the signing algorithm family and what the CA can issue), got a token",
    );
  }
  if (typeof signingAlgorithm === "string" && isUnresolved(signingAlgorithm)) {
    throw new ValidationError(
      scope,
      "signingAlgorithm must be known at synth (its family is checked against the key), got a token",
    );
  }
  const key =
    keyAlgorithm === undefined
      ? defaultKey
      : CaKeyAlgorithm.of(scope, "keyAlgorithm", keyAlgorithm);
  const signing =
    signingAlgorithm === undefined
      ? key.defaultSigningAlgorithm
      : CaSigningAlgorithm.of(scope, "signingAlgorithm", signingAlgorithm);
  if (signing.family !== key.family) {
    const allowed = CaSigningAlgorithm.ALL.filter((s) => s.family === key.family).map((s) =>
      show(s.value),
    );
    throw new ValidationError(
      scope,
      `signingAlgorithm ${show(signing.value)} does not fit keyAlgorithm ${show(key.value)}: ` +
        `an ${key.family} key signs with ${allowed.join(", ")}`,
    );
  }
  return { keyAlgorithm: key, signingAlgorithm: signing };
}
