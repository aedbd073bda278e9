import { LbListenerMutualAuthentication } from "@cdktf/provider-aws/lib/lb-listener";
import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { checkTrustStoreArn, ITrustStore } from "./trust-store";

/**
 * ALB mutual TLS modes (ELB API `MutualAuthenticationAttributes.Mode`): `off`, `passthrough`
 * (the client chain goes to the targets in `X-Amzn-Mtls-Clientcert`, unverified) and `verify`
 * (the ALB verifies the chain against a trust store).
 */
export const ALB_MTLS_MODES = ["off", "passthrough", "verify"] as const;
export type AlbMtlsMode = (typeof ALB_MTLS_MODES)[number];

/** Client-certificate authentication on an ALB HTTPS listener. */
export interface AlbMutualAuthentication {
  /**
   * `verify`, `passthrough` or `off`. To turn mTLS off on a listener that had it, set `off`:
   * `mutual_authentication` is Optional+Computed in the provider, so removing the option leaves
   * the listener as it was.
   */
  readonly mode: AlbMtlsMode | string;
  /**
   * The trust store the client chain is verified against: a `TrustStore`, or the ARN of one.
   * Required for `verify`, refused otherwise (the ELB API rejects a trust store with
   * `passthrough`: "Mutual Authentication mode passthrough does not support trust store").
   * @default none
   */
  readonly trustStore?: ITrustStore | string;
  /**
   * Accept expired client certificates. `verify` only.
   * @default false
   */
  readonly ignoreClientCertificateExpiry?: boolean;
  /**
   * Send the trust store's CA subject names to clients in the TLS handshake, so they can pick a
   * certificate (`advertise_trust_store_ca_names` "on"). `verify` only.
   * @default the API's default, off
   */
  readonly advertiseTrustStoreCaNames?: boolean;
}

/**
 * Checks the `mutualAuthentication` option and returns the `mutual_authentication` block, or
 * undefined when the option is absent. The rules are the ELB API's (AWS CDK enforces the same in
 * `ApplicationListener`): `verify` needs a trust store; `off` and `passthrough` take no trust
 * store, no `ignoreClientCertificateExpiry` and no `advertiseTrustStoreCaNames`. `off` is
 * emitted explicitly as `{ mode = "off" }`.
 */
export function resolveAlbMutualAuthentication(
  scope: IConstruct,
  property: string,
  value: AlbMutualAuthentication | undefined,
): LbListenerMutualAuthentication | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) {
    throw new ValidationError(
      scope,
      `${property} must be an object { mode, trustStore?, ... }, got ${show(value)}`,
    );
  }
  const mode = value.mode;
  if (!isLiteral(mode)) {
    throw new ValidationError(
      scope,
      `${property}.mode must be known at synth (it decides which other fields are allowed), got ${show(mode)}`,
    );
  }
  if (!(ALB_MTLS_MODES as readonly string[]).includes(mode)) {
    throw new ValidationError(
      scope,
      `${property}.mode must be one of ${ALB_MTLS_MODES.map((m) => show(m)).join(", ")}, got ${show(mode)}`,
    );
  }
  const flags: [string, unknown][] = [
    ["ignoreClientCertificateExpiry", value.ignoreClientCertificateExpiry],
    ["advertiseTrustStoreCaNames", value.advertiseTrustStoreCaNames],
  ];
  for (const [name, flag] of flags) {
    if (flag !== undefined && typeof flag !== "boolean") {
      throw new ValidationError(
        scope,
        `${property}.${name} must be true or false, got ${show(flag)}`,
      );
    }
  }
  if (mode !== "verify") {
    const given = [["trustStore", value.trustStore] as [string, unknown], ...flags].filter(
      ([, v]) => v !== undefined,
    );
    if (given.length > 0) {
      const [name, v] = given[0];
      throw new ValidationError(
        scope,
        `${property}.${name} must not be set when mode is ${show(mode)} (only "verify" uses a trust store and its options), got ${show(name === "trustStore" ? describeTrustStore(v) : v)}`,
      );
    }
    return { mode };
  }
  if (value.trustStore === undefined) {
    throw new ValidationError(
      scope,
      `${property}.trustStore is required when mode is "verify" (the client chain is verified against it), got undefined`,
    );
  }
  const trustStoreArn = trustStoreArnOf(scope, `${property}.trustStore`, value.trustStore);
  return {
    mode,
    trustStoreArn,
    ignoreClientCertificateExpiry: value.ignoreClientCertificateExpiry,
    advertiseTrustStoreCaNames:
      value.advertiseTrustStoreCaNames === undefined
        ? undefined
        : value.advertiseTrustStoreCaNames
          ? "on"
          : "off",
  };
}

function describeTrustStore(v: unknown): unknown {
  return typeof v === "string" ? v : ((v as ITrustStore | undefined)?.node?.path ?? typeof v);
}

function trustStoreArnOf(scope: IConstruct, property: string, value: ITrustStore | string): string {
  if (typeof value === "string") {
    checkTrustStoreArn(scope, property, value);
    return value;
  }
  const arn = (value as ITrustStore | null)?.trustStoreArn;
  if (typeof arn !== "string" || arn === "") {
    throw new ValidationError(
      scope,
      `${property} must be a trust store (TrustStore, TrustStore.fromTrustStoreArn) or its ARN, got ${show(typeof value)}`,
    );
  }
  return arn;
}
