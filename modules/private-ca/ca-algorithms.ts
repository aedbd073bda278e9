import { IConstruct } from "constructs";
import {
  AlgorithmSet,
  findAlgorithm,
  KEY_ALGORITHM_FORMS,
  KeyFamily,
  weakRsaKey,
} from "../certificate/key-algorithm";
import { show, UNKNOWN_AT_SYNTH, ValidationError } from "../util/errors";

/**
 * The key pair a private CA creates (CertificateAuthorityConfiguration `KeyAlgorithm`).
 *
 * Offered: the RSA and ECDSA keys that work in every commercial region. Left out: SM2 (China
 * regions only) and the ML-DSA post-quantum keys, which ACM cannot issue private certificates
 * from. A newer `RSA_<bits>` or `EC_<curve>` value passes with a warning; a token is carried
 * unchanged with `family` undefined (unknown at synth).
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

  private static readonly SET: AlgorithmSet<CaKeyAlgorithm> = {
    known: CaKeyAlgorithm.ALL,
    refused: (v) =>
      weakRsaKey(v) ??
      (v === "SM2"
        ? "SM2 exists only in the China regions, and ACM cannot issue private certificates from an SM2 CA"
        : v.startsWith("ML_DSA_")
          ? "ACM cannot issue private certificates from an ML-DSA CA, and this library does not offer ML-DSA yet"
          : undefined),
    newer: KEY_ALGORITHM_FORMS,
    isInstance: (v): v is CaKeyAlgorithm => v instanceof CaKeyAlgorithm,
    // A newer RSA key signs with SHA-256 by default, as every RSA key here; a newer curve's
    // matching hash is not known, so its signing algorithm must be given.
    create: (value, family) =>
      new CaKeyAlgorithm(value, family, family === "RSA" ? "SHA256WITHRSA" : undefined),
  };

  /**
   * The algorithm named `value`; a token is carried unchanged, a newer `RSA_<bits>` or
   * `EC_<curve>` value passes with a warning; otherwise throws a ValidationError naming `property`.
   */
  static of(scope: IConstruct, property: string, value: string | CaKeyAlgorithm): CaKeyAlgorithm {
    return findAlgorithm(scope, property, value, CaKeyAlgorithm.SET);
  }

  private constructor(
    /** The API value, for example `EC_secp384r1`; a token when given as one. */
    readonly value: string,
    /**
     * RSA or EC: certificates signed with this key use a signing algorithm of this family.
     * Undefined when the value is a token (unknown at synth).
     */
    readonly family: KeyFamily | undefined,
    /**
     * The signing algorithm used when none is given: the hash that matches the key strength.
     * Undefined when not known (a token, or a newer curve).
     */
    readonly defaultSigningAlgorithmValue: string | undefined,
  ) {}

  /** The signing algorithm used when none is given, when known. */
  get defaultSigningAlgorithm(): CaSigningAlgorithm | undefined {
    return this.defaultSigningAlgorithmValue === undefined
      ? undefined
      : CaSigningAlgorithm.of(undefined, "signingAlgorithm", this.defaultSigningAlgorithmValue);
  }

  toString(): string {
    return this.value;
  }
}

/**
 * The algorithm a CA signs certificates with (`SigningAlgorithm`). Its family must match the
 * CA's key: `*WITHRSA` for RSA keys, `*WITHECDSA` for EC keys. A newer `SHA<...>WITHRSA` or
 * `SHA<...>WITHECDSA` value passes with a warning; SHA-1 and MD5 are refused as weak; a token is
 * carried unchanged with `family` undefined.
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

  private static readonly SET: AlgorithmSet<CaSigningAlgorithm> = {
    known: CaSigningAlgorithm.ALL,
    refused: (v) =>
      /^(SHA1?|MD5)WITH/.test(v)
        ? "SHA-1 and MD5 signatures are weak (collisions are practical), and AWS Private CA does not offer them"
        : undefined,
    newer: [
      { pattern: /^SHA[0-9_]+WITHRSA$/, form: "SHA<bits>WITHRSA", family: "RSA" },
      { pattern: /^SHA[0-9_]+WITHECDSA$/, form: "SHA<bits>WITHECDSA", family: "EC" },
    ],
    isInstance: (v): v is CaSigningAlgorithm => v instanceof CaSigningAlgorithm,
    create: (value, family) => new CaSigningAlgorithm(value, family),
  };

  /** The algorithm named `value`, as `CaKeyAlgorithm.of` reads key algorithms. */
  static of(
    scope: IConstruct | undefined,
    property: string,
    value: string | CaSigningAlgorithm,
  ): CaSigningAlgorithm {
    return findAlgorithm(scope, property, value, CaSigningAlgorithm.SET);
  }

  private constructor(
    /** The API value; a token when given as one. */
    readonly value: string,
    /** RSA or EC; undefined when the value is a token (unknown at synth). */
    readonly family: KeyFamily | undefined,
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
 * P-521). Throws when either is refused, when the signing algorithm's family is not the key's
 * (AWS Private CA signs with the CA's own key, so an RSA key cannot produce an ECDSA signature),
 * or when no signing algorithm is given and the key's default is not known (the key is a token,
 * or a newer curve). Tokens are carried unchanged; the family check is skipped for them.
 */
export function resolveCaAlgorithms(
  scope: IConstruct,
  keyAlgorithm: string | CaKeyAlgorithm | undefined,
  signingAlgorithm: string | CaSigningAlgorithm | undefined,
  defaultKey: CaKeyAlgorithm = CaKeyAlgorithm.RSA_2048,
): CaAlgorithms {
  const key =
    keyAlgorithm === undefined
      ? defaultKey
      : CaKeyAlgorithm.of(scope, "keyAlgorithm", keyAlgorithm);
  let signing: CaSigningAlgorithm | undefined;
  if (signingAlgorithm !== undefined) {
    signing = CaSigningAlgorithm.of(scope, "signingAlgorithm", signingAlgorithm);
  } else {
    signing = key.defaultSigningAlgorithm;
    if (signing === undefined) {
      throw new ValidationError(
        scope,
        key.family === undefined
          ? `keyAlgorithm must be known at synth when signingAlgorithm is not given (the key's family picks the default signing algorithm), got ${UNKNOWN_AT_SYNTH}; give signingAlgorithm`
          : `signingAlgorithm is required with keyAlgorithm ${show(key.value)}, a newer key this library has no default hash for`,
      );
    }
  }
  if (key.family !== undefined && signing.family !== undefined && signing.family !== key.family) {
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
