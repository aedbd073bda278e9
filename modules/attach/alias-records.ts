import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Construct } from "constructs";
import { HostedZoneRef } from "../dns/hosted-zone";
import { matchZone } from "../dns/zone-matching";
import { isWildcard, nameSlug, stripWildcard } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

export interface AliasRecordsProps {
  /** The names to point at the target. Literal names, each in one of `hostedZones`. */
  readonly names: readonly string[];
  /**
   * The property the user set the names with, for error messages (`aliases`, `domainName`, ...).
   * @default "names"
   */
  readonly property?: string;
  /** Zones to create the records in; each name goes to its most specific zone. */
  readonly hostedZones: readonly HostedZoneRef[];
  /** The target's DNS name (`aws_lb.dns_name`, `aws_cloudfront_distribution.domain_name`, ...). */
  readonly targetDnsName: string;
  /** The target's hosted zone id (`aws_lb.zone_id`, CloudFront's `Z2FDTNDATAQYW2`, ...). */
  readonly targetZoneId: string;
  /**
   * Also create AAAA records. Turn off for targets without IPv6 (an IPv4-only load balancer).
   * @default true
   */
  readonly ipv6?: boolean;
  /** Route 53 `evaluate_target_health`. @default false */
  readonly evaluateTargetHealth?: boolean;
}

/**
 * The construct id of a record: `<slug>_<type>`, where a plain name keeps `nameSlug`
 * (`www.example.com` -> `www_example_com`) and a wildcard `*.example.com` becomes
 * `wildcard__example_com`. The double underscore never occurs in the slug of a valid plain name
 * (labels are never empty), so `*.example.com` and `wildcard.example.com` get distinct ids: the
 * mapping is injective over valid names.
 */
export function aliasRecordId(name: string, type: string): string {
  const slug = isWildcard(name) ? `wildcard__${nameSlug(stripWildcard(name))}` : nameSlug(name);
  return `${slug}_${type}`;
}

/**
 * Route 53 alias A (and AAAA) records from names to an AWS endpoint. Records are addressed by
 * name (`<id>/<name>/A`), never by list index, so adding a name does not move the others.
 */
export class AliasRecords extends Construct {
  /** The records by `<name>/<type>`. */
  readonly records: ReadonlyMap<string, Route53Record>;

  constructor(scope: Construct, id: string, props: AliasRecordsProps) {
    super(scope, id);
    const property = props.property ?? "names";
    const records = new Map<string, Route53Record>();
    props.names.forEach((name, i) => {
      const at = props.names.length === 1 && property !== "names" ? property : `${property}[${i}]`;
      if (!isLiteral(name)) {
        throw new ValidationError(
          this,
          `${at} must be known at synth to create alias records (records are keyed by name), got ${show(name)}`,
        );
      }
      const zone = matchZone(name, props.hostedZones);
      if (!zone) {
        throw new ValidationError(
          this,
          `${at} ${show(name)} is in none of the hostedZones (${props.hostedZones.map((z) => show(z.zoneName)).join(", ")})`,
        );
      }
      for (const type of props.ipv6 === false ? ["A"] : ["A", "AAAA"]) {
        const key = `${name}/${type}`;
        if (records.has(key)) throw new ValidationError(this, `${property} repeats ${show(name)}`);
        records.set(
          key,
          new Route53Record(this, aliasRecordId(name, type), {
            provider: zone.provider,
            zoneId: zone.zoneId,
            name,
            type,
            alias: {
              name: props.targetDnsName,
              zoneId: props.targetZoneId,
              evaluateTargetHealth: props.evaluateTargetHealth ?? false,
            },
          }),
        );
      }
    });
    this.records = records;
  }
}
