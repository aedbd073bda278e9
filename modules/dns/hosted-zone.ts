import { TerraformProvider } from "cdktf";

/**
 * A Route 53 hosted zone given by id and name. Both are plain inputs, so examples plan offline
 * without a data lookup.
 */
export interface HostedZoneRef {
  /** The hosted zone id, for example `Z0123456789ABCDEFGHIJ`. */
  readonly zoneId: string;
  /**
   * The zone's domain name, lower-case without a trailing dot, for example `example.com`.
   * Names are matched to the most specific zone by this suffix.
   */
  readonly zoneName: string;
  /**
   * The AWS provider that manages this zone, for example one that assumes a role in a central
   * DNS account. Validation records in this zone are created through it, while the certificate
   * keeps the provider it was given.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}
