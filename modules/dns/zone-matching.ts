import { isInZone } from "../util/domain-name";
import { HostedZoneRef } from "./hosted-zone";

/**
 * The most specific zone for `name`: the zone whose name is the longest suffix of it on a label
 * boundary. `a.dev.example.com` goes to `dev.example.com` rather than `example.com`. Wildcards
 * are matched by the name they stand under. Returns undefined when no zone is authoritative.
 */
export function matchZone<Z extends Pick<HostedZoneRef, "zoneName">>(
  name: string,
  zones: readonly Z[],
): Z | undefined {
  const bare = name.startsWith("*.") ? name.slice(2) : name;
  let best: Z | undefined;
  for (const zone of zones) {
    if (isInZone(bare, zone.zoneName) && (!best || zone.zoneName.length > best.zoneName.length)) {
      best = zone;
    }
  }
  return best;
}
