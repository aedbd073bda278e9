import { TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { checkIsCertificate, ICertificate } from "../certificate/certificate-ref";
import { HostedZoneRef } from "../dns/hosted-zone";
import { domainNameProblem } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { accountKeyOf, effectiveProvider, regionOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import {
  checkApiGatewayApiId,
  checkApiGatewayStage,
  checkMappingPath,
} from "./api-gateway-mapping";
import { checkApiGatewaySecurityPolicy } from "./api-gateway-security-policy";
import { checkCoverage } from "./attachment-checks";

/**
 * What REST and HTTP API Gateway custom domains share: the props, the name check, the stack-wide
 * uniqueness of names, the IP address type and the alias records.
 */

/** The props every API Gateway custom domain construct takes. */
export interface ApiGatewayDomainBaseProps {
  /**
   * The custom domain name, lower-case without a trailing dot, for example `api.example.com`.
   * A wildcard is allowed only as the whole leftmost label. The certificate must cover it.
   * Unique per account and region within a stack (REST and HTTP domains share the names).
   */
  readonly domainName: string;
  /**
   * Which IP versions can reach the domain (REST `endpoint_configuration.ip_address_type`, HTTP
   * `domain_name_configuration.ip_address_type`). AAAA alias records are created only for
   * `dualstack`.
   * @default "dualstack" (AWS recommends it; the API's own default is ipv4)
   */
  readonly ipAddressType?: ApiGatewayIpAddressType | string;
  /**
   * Route 53 zones for alias A (and, for dualstack, AAAA) records from `domainName` to the
   * domain's endpoint. Each record goes to the most specific zone.
   * @default none: no DNS records are created
   */
  readonly hostedZones?: readonly HostedZoneRef[];
  /**
   * The AWS provider to create the domain and mapping through; its region is the domain's.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /** Tags for the domain name. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** `ip_address_type` of an API Gateway custom domain. */
export const API_GATEWAY_IP_ADDRESS_TYPES = ["ipv4", "dualstack"] as const;
export type ApiGatewayIpAddressType = (typeof API_GATEWAY_IP_ADDRESS_TYPES)[number];

/** Checks `ipAddressType` and returns the value to set. Tokens pass unchecked. */
export function checkApiGatewayIpAddressType(
  scope: IConstruct,
  property: string,
  value: string | undefined,
): string {
  const type = value ?? "dualstack";
  if (isLiteral(type) && !(API_GATEWAY_IP_ADDRESS_TYPES as readonly string[]).includes(type)) {
    throw new ValidationError(
      scope,
      `${property} must be one of ${API_GATEWAY_IP_ADDRESS_TYPES.map((t) => show(t)).join(", ")}, got ${show(type)}`,
    );
  }
  return type;
}

/**
 * Checks an API Gateway custom domain name: a valid lower-case name (a wildcard only as the whole
 * leftmost label) covered by the certificate. A token skips the syntax and coverage checks.
 */
export function checkApiGatewayDomainName(
  scope: IConstruct,
  domainName: string,
  certificate: ICertificate,
): void {
  if (typeof domainName !== "string" || domainName === "") {
    throw new ValidationError(
      scope,
      `domainName must be a non-empty string, got ${show(domainName)}`,
    );
  }
  if (isLiteral(domainName)) {
    const problem = domainNameProblem(domainName);
    if (problem) throw new ValidationError(scope, `domainName ${problem}: ${show(domainName)}`);
  }
  checkIsCertificate(scope, "certificate", certificate);
  checkCoverage(scope, "domainName", [domainName], [certificate]);
}

/** Custom domain names already created, per stack: `<account>|<where>|<name>` -> its construct. */
const registered = new WeakMap<TerraformStack, Map<string, IConstruct>>();

/**
 * Registers a custom domain name in its stack's registry and throws when another API Gateway
 * custom domain in the same stack already has it in the same account and region: API Gateway
 * holds one custom domain per name there, REST and HTTP APIs alike, so the second create fails
 * at apply. An EDGE domain is also served by CloudFront, whose alternate domain names are global,
 * so two EDGE domains of one name conflict whatever their regions. A token is not registered.
 */
export function registerApiGatewayDomainName(
  domain: IConstruct,
  domainName: string,
  provider: TerraformProvider | undefined,
  edge: boolean,
): void {
  if (!isLiteral(domainName)) return;
  const stack = TerraformStack.of(domain);
  let names = registered.get(stack);
  if (!names) {
    names = new Map();
    registered.set(stack, names);
  }
  const account = accountKeyOf(domain, provider);
  const region = regionOf(domain, provider);
  const regionKey =
    region ?? `provider ${effectiveProvider(domain, provider)?.node.path ?? "(default)"}`;
  const keys: Array<[string, string]> = [
    [`${account}|${regionKey}|${domainName}`, `region ${region ?? "(unknown at synth)"}`],
  ];
  if (edge) keys.push([`${account}|edge|${domainName}`, "EDGE (CloudFront)"]);
  for (const [key, where] of keys) {
    const other = names.get(key);
    if (other) {
      throw new ValidationError(
        domain,
        `domainName ${show(domainName)} is already the custom domain of ${other.node.path} in ${where}; ` +
          "API Gateway allows one custom domain per name and region (REST and HTTP APIs share the names)",
      );
    }
  }
  for (const [key] of keys) names.set(key, domain);
}

/** The mapping of a custom domain to an API stage, with the property names the user set. */
export interface ApiGatewayMappingInput {
  readonly api: "REST" | "HTTP";
  /** `[property, value]` of the API id, e.g. `["restApiId", "a1b2c3d4e5"]`. */
  readonly apiId: readonly [string, string];
  /** `[property, value]` of the stage. */
  readonly stage: readonly [string, string];
  /** `[property, value]` of the path under the domain (undefined: the root). */
  readonly path: readonly [string, string | undefined];
  /** Whether the domain is EDGE (served by CloudFront). */
  readonly edge: boolean;
}

/**
 * The checks every API Gateway custom domain runs after its certificate checks: security policy,
 * IP address type, API id, stage and path, then the stack-wide name registration. Returns the
 * values to set.
 */
export function checkApiGatewayDomainSettings(
  domain: IConstruct,
  props: ApiGatewayDomainBaseProps & { readonly securityPolicy?: string },
  mapping: ApiGatewayMappingInput,
): { securityPolicy: string; ipAddressType: string; path: string } {
  const rest = mapping.api === "REST";
  const securityPolicy = checkApiGatewaySecurityPolicy(
    domain,
    "securityPolicy",
    props.securityPolicy,
    mapping.api,
  );
  const ipAddressType = checkApiGatewayIpAddressType(domain, "ipAddressType", props.ipAddressType);
  checkApiGatewayApiId(domain, ...mapping.apiId);
  // HTTP APIs have the special `$default` stage; a REST base path is one segment only.
  checkApiGatewayStage(domain, ...mapping.stage, !rest);
  const path = mapping.path[1] ?? "";
  checkMappingPath(domain, mapping.path[0], path, !rest);
  registerApiGatewayDomainName(domain, props.domainName, props.provider, mapping.edge);
  return { securityPolicy, ipAddressType, path };
}

/** An API Gateway custom domain and the endpoint it points at. */
export interface ApiGatewayDomainTarget extends IConstruct {
  /** The custom domain name. */
  readonly domainName: string;
  /** The DNS name to point the custom domain at. */
  readonly targetDomainName: string;
  /** The hosted zone id of `targetDomainName`. */
  readonly targetHostedZoneId: string;
}

/**
 * Creates `<domain>/AliasRecords`: alias A records, and AAAA records unless `ipAddressType` is
 * "ipv4", from the custom domain name to its target, each in the most specific of
 * `hostedZones`.
 */
export function createApiGatewayAliasRecords(
  domain: ApiGatewayDomainTarget,
  hostedZones: readonly HostedZoneRef[],
  ipAddressType: string,
): AliasRecords {
  return new AliasRecords(domain, "AliasRecords", {
    names: [domain.domainName],
    property: "domainName",
    hostedZones,
    targetDnsName: domain.targetDomainName,
    targetZoneId: domain.targetHostedZoneId,
    ipv6: ipAddressType !== "ipv4",
  });
}
