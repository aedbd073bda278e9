import { TerraformProvider } from "cdktf";
import { IConstruct } from "constructs";
import { domainNameProblem } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

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

/**
 * A literal Route 53 hosted zone id: `Z` and upper-case letters and digits, at most 32
 * characters (the ids Route 53 gives out), optionally with the `/hostedzone/` prefix the API
 * returns, which the provider strips.
 */
const ZONE_ID = /^(\/hostedzone\/)?Z[A-Z0-9]{1,31}$/;

/**
 * Checks a list of zones: each has a literal, valid, non-wildcard zone name (names are matched
 * to zones by suffix at synth) and a zone id; no zone name appears twice, and no zone id is
 * listed under two different names. `property` is how the list is named in messages, for example
 * `validation.hostedZones`.
 */
export function checkHostedZones(
  scope: IConstruct,
  property: string,
  zones: readonly HostedZoneRef[],
): void {
  zones.forEach((zone, i) => {
    const id = zone?.zoneId;
    if (typeof id !== "string" || id === "" || (isLiteral(id) && !ZONE_ID.test(id))) {
      throw new ValidationError(
        scope,
        `${property}[${i}].zoneId must be a Route 53 hosted zone id such as "Z0123456789ABCDEFGHIJ", got ${show(id)}`,
      );
    }
    if (!isLiteral(zone.zoneName)) {
      throw new ValidationError(
        scope,
        `${property}[${i}].zoneName must be known at synth (names are matched to zones by suffix), got ${show(zone.zoneName)}`,
      );
    }
    const problem =
      domainNameProblem(zone.zoneName) ??
      (zone.zoneName.includes("*") ? "must not be a wildcard" : undefined);
    if (problem) {
      throw new ValidationError(
        scope,
        `${property}[${i}].zoneName ${problem}: ${show(zone.zoneName)}`,
      );
    }
  });
  const byName = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const zone of zones) {
    if (byName.has(zone.zoneName)) {
      throw new ValidationError(
        scope,
        `${property} names ${show(zone.zoneName)} more than once; a name must map to exactly one zone`,
      );
    }
    byName.set(zone.zoneName, zone.zoneId);
    if (!isLiteral(zone.zoneId)) continue;
    const id = zone.zoneId.replace(/^\/hostedzone\//, "");
    const other = byId.get(id);
    if (other !== undefined) {
      throw new ValidationError(
        scope,
        `${property} lists zone id ${show(zone.zoneId)} under two names, ${show(other)} and ${show(zone.zoneName)}; a hosted zone has one name`,
      );
    }
    byId.set(id, zone.zoneName);
  }
}
