import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Construct } from "constructs";
import { HostedZoneRef } from "../dns/hosted-zone";
import { matchZone } from "../dns/zone-matching";
import { nameSlug } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

export interface AliasRecordsProps {
  /** The names to point at the target. Literal names, each in one of `hostedZones`. */
  readonly names: readonly string[];
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
 * Route 53 alias A (and AAAA) records from names to an AWS endpoint. Records are addressed by
 * name (`<id>/<name>/A`), never by list index, so adding a name does not move the others.
 */
export class AliasRecords extends Construct {
  /** The records by `<name>/<type>`. */
  readonly records: ReadonlyMap<string, Route53Record>;

  constructor(scope: Construct, id: string, props: AliasRecordsProps) {
    super(scope, id);
    const records = new Map<string, Route53Record>();
    props.names.forEach((name, i) => {
      if (!isLiteral(name)) {
        throw new ValidationError(
          this,
          `names[${i}] must be known at synth (records are keyed by name), got a token`,
        );
      }
      const zone = matchZone(name, props.hostedZones);
      if (!zone) {
        throw new ValidationError(
          this,
          `names[${i}] ${show(name)} is in none of the hostedZones (${props.hostedZones.map((z) => show(z.zoneName)).join(", ")})`,
        );
      }
      for (const type of props.ipv6 === false ? ["A"] : ["A", "AAAA"]) {
        const key = `${name}/${type}`;
        if (records.has(key)) throw new ValidationError(this, `names repeats ${show(name)}`);
        records.set(
          key,
          new Route53Record(this, `${nameSlug(name)}_${type}`, {
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
