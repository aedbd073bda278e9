import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { HostedZoneRef } from "../dns/hosted-zone";
import { domainNameProblem } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import { checkCertificateRegion, checkCoverage } from "./attachment-checks";

/**
 * The region of every certificate behind an edge-optimized API Gateway domain: the domain is
 * served by a CloudFront distribution, and CloudFront reads certificates from us-east-1 only.
 */
export const EDGE_CERTIFICATE_REGION = "us-east-1";

/** The endpoint types this construct supports for a REST API custom domain. */
export const REST_ENDPOINT_TYPES = ["REGIONAL", "EDGE"] as const;
export type RestEndpointType = (typeof REST_ENDPOINT_TYPES)[number];

/** `endpoint_configuration.ip_address_type` / `domain_name_configuration.ip_address_type`. */
export const API_GATEWAY_IP_ADDRESS_TYPES = ["ipv4", "dualstack"] as const;
export type ApiGatewayIpAddressType = (typeof API_GATEWAY_IP_ADDRESS_TYPES)[number];

/**
 * The one security policy this library sets on API Gateway custom domains. Of the two legacy
 * policies, TLS_1_0 still accepts TLS 1.0 and 1.1 clients; the enhanced `SecurityPolicy_*`
 * policies need `endpoint_access_mode`, which AWS provider 5.100.0 (pinned here) does not have.
 */
export const API_GATEWAY_SECURITY_POLICY = "TLS_1_2";

/**
 * Checks an API Gateway custom domain's `securityPolicy` and returns the value to set.
 * Allowed: "TLS_1_2" (the default). Tokens pass unchecked.
 * - "TLS_1_0" is refused: it lets clients negotiate TLS 1.0 and 1.1.
 * - Enhanced `SecurityPolicy_*` policies are refused: API Gateway accepts them only together
 *   with `endpoint_access_mode` (BASIC or STRICT), an argument that arrived in AWS provider
 *   6.28.0; hashicorp/aws 5.100.0, which this project pins through @cdktf/provider-aws 20.1.0,
 *   has no such argument, and its `security_policy` validation accepts only "TLS_1_0" and
 *   "TLS_1_2" (checked with an offline plan). HTTP APIs cannot use them at all ("You can't map an HTTP API to a
 *   domain name that uses an enhanced security policy").
 */
export function checkApiGatewaySecurityPolicy(
  scope: IConstruct,
  property: string,
  value: string | undefined,
  api: "REST" | "HTTP",
): string {
  const policy = value ?? API_GATEWAY_SECURITY_POLICY;
  if (!isLiteral(policy) || policy === API_GATEWAY_SECURITY_POLICY) return policy;
  const allowed = `must be ${show(API_GATEWAY_SECURITY_POLICY)}`;
  if (policy === "TLS_1_0") {
    throw new ValidationError(
      scope,
      `${property} ${allowed}, got ${show(policy)}: TLS_1_0 still accepts TLS 1.0 and TLS 1.1 clients`,
    );
  }
  if (policy.startsWith("SecurityPolicy_")) {
    const why =
      api === "HTTP"
        ? "HTTP APIs support only TLS_1_2, and API Gateway cannot map an HTTP API to a domain with an enhanced security policy"
        : "enhanced SecurityPolicy_* policies need endpoint_access_mode (BASIC or STRICT), which exists only in AWS provider 6.28+; " +
          "this project pins hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0), which has no endpoint_access_mode " +
          'and whose security_policy accepts only "TLS_1_0" and "TLS_1_2"';
    throw new ValidationError(scope, `${property} ${allowed}, got ${show(policy)}: ${why}`);
  }
  throw new ValidationError(scope, `${property} ${allowed}, got ${show(policy)}`);
}

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
 * leftmost label) covered by the certificate. Tokens skip the syntax check.
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
  const arn = (certificate as ICertificate | undefined)?.certificateArn;
  if (typeof arn !== "string" || arn === "") {
    throw new ValidationError(
      scope,
      `certificate must be an ICertificate (Certificate or Certificate.fromCertificateArn), got ${show(certificate === undefined ? undefined : typeof certificate)}`,
    );
  }
  checkCoverage(scope, "domainName", [domainName], [certificate]);
}

/** API Gateway ids (REST and HTTP APIs) are generated strings of lower-case letters and digits. */
const API_ID = /^[a-z0-9]+$/;

/** Checks an existing API's id: the id, not its name or ARN. Tokens pass unchecked. */
export function checkApiGatewayApiId(scope: IConstruct, property: string, value: string): void {
  if (typeof value !== "string" || value === "") {
    throw new ValidationError(scope, `${property} must be a non-empty API id, got ${show(value)}`);
  }
  if (isLiteral(value) && !API_ID.test(value)) {
    throw new ValidationError(
      scope,
      `${property} must be the API's id, lower-case letters and digits such as "a1b2c3d4e5" (not its name or ARN), got ${show(value)}`,
    );
  }
}

/** API Gateway stage names: letters, digits, hyphens and underscores, at most 128 characters. */
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Checks a stage name. HTTP APIs also have the special `$default` stage. Tokens pass unchecked.
 */
export function checkApiGatewayStage(
  scope: IConstruct,
  property: string,
  value: string,
  allowDefaultStage: boolean,
): void {
  if (typeof value !== "string") {
    throw new ValidationError(scope, `${property} must be a stage name, got ${show(value)}`);
  }
  if (!isLiteral(value)) return;
  if (allowDefaultStage && value === "$default") return;
  if (!STAGE_NAME.test(value)) {
    throw new ValidationError(
      scope,
      `${property} must be 1-128 letters, digits, "-" or "_"${allowDefaultStage ? ' (or "$default")' : ""}, got ${show(value)}`,
    );
  }
}

/** One path segment of an API mapping: API Gateway allows letters, digits and `$-_.+!*'()`. */
const PATH_SEGMENT = /^[A-Za-z0-9$_.+!*'()-]+$/;

/**
 * Checks a mapping path (REST `basePath`, HTTP `apiMappingKey`): no leading or trailing slash,
 * segments of letters, digits and `$-_.+!*'()`, at most 300 characters. `multiLevel` allows
 * `orders/v1`. Tokens pass unchecked.
 */
export function checkMappingPath(
  scope: IConstruct,
  property: string,
  value: string,
  multiLevel: boolean,
): void {
  if (!isLiteral(value) || value === "") return;
  if (value.startsWith("/") || value.endsWith("/")) {
    throw new ValidationError(
      scope,
      `${property} must not start or end with "/", got ${show(value)}; use ${show(value.replace(/^\/+|\/+$/g, ""))}`,
    );
  }
  if (value.length > 300) {
    throw new ValidationError(
      scope,
      `${property} must be at most 300 characters, got ${value.length}`,
    );
  }
  const segments = value.split("/");
  if (!multiLevel && segments.length > 1) {
    throw new ValidationError(
      scope,
      `${property} must be a single path segment for aws_api_gateway_base_path_mapping, got ${show(value)}; ` +
        'multi-level paths such as "orders/v1" need an API Gateway v2 API mapping, which this construct does not create',
    );
  }
  if (!segments.every((s) => PATH_SEGMENT.test(s))) {
    const where = multiLevel ? "segments separated by single slashes, each of" : "only";
    throw new ValidationError(
      scope,
      `${property} may contain ${where} letters, digits and $-_.+!*'(), got ${show(value)}`,
    );
  }
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
 * `hostedZones`. Shared by the REST and HTTP API domains.
 */
export function createApiGatewayAliasRecords(
  domain: ApiGatewayDomainTarget,
  hostedZones: readonly HostedZoneRef[],
  ipAddressType: string,
): AliasRecords {
  return new AliasRecords(domain, "AliasRecords", {
    names: [domain.domainName],
    hostedZones,
    targetDnsName: domain.targetDomainName,
    targetZoneId: domain.targetHostedZoneId,
    ipv6: ipAddressType !== "ipv4",
  });
}

export interface ApiGatewayRestDomainProps {
  /**
   * The custom domain name, lower-case without a trailing dot, for example `api.example.com`.
   * A wildcard is allowed only as the whole leftmost label. The certificate must cover it.
   */
  readonly domainName: string;
  /**
   * The certificate to serve. Its region is checked at synth: a REGIONAL domain needs it in the
   * domain's own region, an EDGE domain in us-east-1 (CloudFront). For an EDGE domain its key
   * algorithm must be one CloudFront accepts (RSA_2048 or EC_prime256v1, not EC_secp384r1).
   */
  readonly certificate: ICertificate;
  /**
   * `REGIONAL` serves the domain from the API's region (`regional_certificate_arn`); `EDGE`
   * serves it through a CloudFront distribution that API Gateway manages (`certificate_arn`,
   * certificate in us-east-1). Exactly one of the two certificate fields is ever set. PRIVATE
   * custom domains are not supported by this construct.
   * @default "REGIONAL" (API Gateway's own default is EDGE)
   */
  readonly endpointType?: RestEndpointType | string;
  /** The id of the existing REST API to map, for example `a1b2c3d4e5`. */
  readonly restApiId: string;
  /** The existing stage of that API to map, for example `prod`. */
  readonly stageName: string;
  /**
   * The path under the domain that reaches the stage, one segment such as `v1`
   * (`https://api.example.com/v1/...`).
   * @default "" (the domain root)
   */
  readonly basePath?: string;
  /**
   * The TLS security policy. Only "TLS_1_2" is accepted: "TLS_1_0" still allows TLS 1.0/1.1,
   * and enhanced `SecurityPolicy_*` policies require `endpoint_access_mode`, which AWS provider
   * 5.100.0 (pinned here) lacks; it arrived in 6.28.
   * @default "TLS_1_2"
   */
  readonly securityPolicy?: string;
  /**
   * Which IP versions can reach the domain (`endpoint_configuration.ip_address_type`). AAAA
   * alias records are created only for `dualstack`.
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
   * For EDGE, this is not us-east-1's provider: the domain may live in any region, only its
   * certificate must be in us-east-1.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /** Tags for the domain name. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A custom domain name for an existing API Gateway REST API (v1): `aws_api_gateway_domain_name`
 * with the validated certificate in the field that matches the endpoint type, a base path
 * mapping to an existing API stage, and optional Route 53 alias records.
 *
 * Checked at synth, from certificate metadata: the certificate's region (the domain's region for
 * REGIONAL, us-east-1 for EDGE), that it covers the domain name, and for EDGE that its key
 * algorithm works with CloudFront.
 */
export class ApiGatewayRestDomain extends Construct {
  /** The underlying `aws_api_gateway_domain_name`. */
  readonly resource: ApiGatewayDomainName;
  /** The `aws_api_gateway_base_path_mapping` to the API stage. */
  readonly basePathMapping: ApiGatewayBasePathMapping;
  /** The alias records, when `hostedZones` was given. */
  readonly aliasRecords?: AliasRecords;
  readonly domainName: string;
  readonly endpointType: RestEndpointType;
  /** The DNS name to point the custom domain at (regional or CloudFront domain name). */
  readonly targetDomainName: string;
  /** The hosted zone id of `targetDomainName`, for alias records. */
  readonly targetHostedZoneId: string;

  constructor(scope: Construct, id: string, props: ApiGatewayRestDomainProps) {
    super(scope, id);
    const endpointType = props.endpointType ?? "REGIONAL";
    if (!(REST_ENDPOINT_TYPES as readonly string[]).includes(endpointType)) {
      throw new ValidationError(
        this,
        `endpointType must be one of ${REST_ENDPOINT_TYPES.map((t) => show(t)).join(", ")}, got ${show(endpointType)}` +
          (endpointType === "PRIVATE" ? "; PRIVATE custom domains are not supported here" : ""),
      );
    }
    this.endpointType = endpointType as RestEndpointType;
    const edge = this.endpointType === "EDGE";

    checkApiGatewayDomainName(this, props.domainName, props.certificate);
    const certificate = props.certificate;
    if (edge) {
      checkCertificateRegion(
        this,
        "certificate",
        certificate,
        EDGE_CERTIFICATE_REGION,
        "an EDGE API Gateway domain (served by CloudFront)",
      );
      if (certificate.keyAlgorithm && !certificate.keyAlgorithm.cloudFrontCompatible) {
        throw new ValidationError(
          this,
          `certificate uses key algorithm ${show(certificate.keyAlgorithm.value)}, which CloudFront (behind an EDGE domain) does not accept; ` +
            'request the certificate with "RSA_2048" or "EC_prime256v1", or use endpointType "REGIONAL"',
        );
      }
    } else {
      const region = regionOf(this, props.provider);
      checkCertificateRegion(
        this,
        "certificate",
        certificate,
        region,
        `a REGIONAL API Gateway domain in ${region}`,
      );
    }
    const securityPolicy = checkApiGatewaySecurityPolicy(
      this,
      "securityPolicy",
      props.securityPolicy,
      "REST",
    );
    const ipAddressType = checkApiGatewayIpAddressType(this, "ipAddressType", props.ipAddressType);
    checkApiGatewayApiId(this, "restApiId", props.restApiId);
    checkApiGatewayStage(this, "stageName", props.stageName, false);
    const basePath = props.basePath ?? "";
    checkMappingPath(this, "basePath", basePath, false);

    this.resource = new ApiGatewayDomainName(this, "DomainName", {
      provider: props.provider,
      domainName: props.domainName,
      // Exactly one certificate field, chosen by the endpoint type: EDGE reads certificate_arn,
      // REGIONAL reads regional_certificate_arn, and the provider refuses both together.
      certificateArn: edge ? certificate.certificateArn : undefined,
      regionalCertificateArn: edge ? undefined : certificate.certificateArn,
      endpointConfiguration: { types: [this.endpointType], ipAddressType },
      securityPolicy,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.domainName = props.domainName;
    this.targetDomainName = edge
      ? this.resource.cloudfrontDomainName
      : this.resource.regionalDomainName;
    this.targetHostedZoneId = edge ? this.resource.cloudfrontZoneId : this.resource.regionalZoneId;

    this.basePathMapping = new ApiGatewayBasePathMapping(this, "BasePathMapping", {
      provider: props.provider,
      domainName: this.resource.domainName,
      apiId: props.restApiId,
      stageName: props.stageName,
      basePath: basePath === "" ? undefined : basePath,
    });

    if (props.hostedZones) {
      this.aliasRecords = createApiGatewayAliasRecords(this, props.hostedZones, ipAddressType);
    }
  }
}
