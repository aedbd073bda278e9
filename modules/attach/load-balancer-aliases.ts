import { Construct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { HostedZoneRef } from "../dns/hosted-zone";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import { checkCoverage, checkDistinctNames } from "./attachment-checks";

/** Route 53 alias records pointing names at a load balancer. */
export interface LoadBalancerAliasOptions {
  /** The zones to create the records in; each name goes to its most specific zone. */
  readonly hostedZones: readonly HostedZoneRef[];
  /** The load balancer's DNS name (`aws_lb.dns_name`), an input like its ARN. */
  readonly loadBalancerDnsName: string;
  /** The load balancer's canonical hosted zone id (`aws_lb.zone_id`), not your zone's id. */
  readonly loadBalancerZoneId: string;
  /**
   * The names to create records for. Each must be covered by the listener's certificates.
   * @default the listener's `hostNames`
   */
  readonly names?: readonly string[];
  /**
   * Also create AAAA records. Turn off for an IPv4-only load balancer.
   * @default true
   */
  readonly ipv6?: boolean;
  /** Route 53 `evaluate_target_health`. @default false */
  readonly evaluateTargetHealth?: boolean;
}

/**
 * Creates alias records (construct id `AliasRecords`) for a load balancer listener after checking
 * that every name is covered by the listener's certificates.
 */
export function createLoadBalancerAliases(
  scope: Construct,
  options: LoadBalancerAliasOptions,
  hostNames: readonly string[],
  certificates: readonly ICertificate[],
): AliasRecords {
  const names = options.names ?? hostNames;
  const property = options.names ? "aliasRecords.names" : "hostNames";
  if (names.length === 0) {
    throw new ValidationError(
      scope,
      "aliasRecords needs names: set aliasRecords.names or hostNames, got neither",
    );
  }
  names.forEach((name, i) => {
    if (!isLiteral(name)) {
      throw new ValidationError(
        scope,
        `${property}[${i}] must be known at synth when aliasRecords is set (each alias record is addressed by its name), got ${show(name)}`,
      );
    }
  });
  checkDistinctNames(scope, property, names);
  checkCoverage(scope, "aliasRecords.names", names, certificates);
  return new AliasRecords(scope, "AliasRecords", {
    names,
    hostedZones: options.hostedZones,
    targetDnsName: options.loadBalancerDnsName,
    targetZoneId: options.loadBalancerZoneId,
    ipv6: options.ipv6,
    evaluateTargetHealth: options.evaluateTargetHealth,
  });
}
