import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { HostedZoneRef } from "../dns/hosted-zone";
import { regionOf } from "../util/provider-info";
import { AliasRecords } from "./alias-records";
import {
  ApiGatewayIpAddressType,
  checkApiGatewayApiId,
  checkApiGatewayDomainName,
  checkApiGatewayIpAddressType,
  checkApiGatewaySecurityPolicy,
  checkApiGatewayStage,
  checkMappingPath,
  createApiGatewayAliasRecords,
} from "./api-gateway-rest-domain";
import { checkCertificateRegion } from "./attachment-checks";

export interface ApiGatewayHttpDomainProps {
  /**
   * The custom domain name, lower-case without a trailing dot, for example `api.example.com`.
   * A wildcard is allowed only as the whole leftmost label. The certificate must cover it.
   */
  readonly domainName: string;
  /**
   * The certificate to serve. HTTP API custom domains are regional only, so the certificate
   * must be in the domain's own region; that is checked at synth from its metadata.
   */
  readonly certificate: ICertificate;
  /** The id of the existing HTTP (or WebSocket) API to map, for example `f6g7h8i9j0`. */
  readonly apiId: string;
  /** The existing stage of that API to map, for example `$default` or `prod`. */
  readonly stage: string;
  /**
   * The path under the domain that reaches the stage; it may have several levels, such as
   * `orders/v1` (`https://api.example.com/orders/v1/...`).
   * @default "" (the domain root)
   */
  readonly apiMappingKey?: string;
  /**
   * The TLS security policy. HTTP APIs support only "TLS_1_2": "TLS_1_0" still allows TLS
   * 1.0/1.1, and API Gateway cannot map an HTTP API to a domain with an enhanced
   * `SecurityPolicy_*` policy.
   * @default "TLS_1_2"
   */
  readonly securityPolicy?: string;
  /**
   * Which IP versions can reach the domain (`domain_name_configuration.ip_address_type`). AAAA
   * alias records are created only for `dualstack`.
   * @default "dualstack" (AWS recommends it; the API's own default is ipv4)
   */
  readonly ipAddressType?: ApiGatewayIpAddressType | string;
  /**
   * Route 53 zones for alias A (and, for dualstack, AAAA) records from `domainName` to the
   * domain's target domain name. Each record goes to the most specific zone.
   * @default none: no DNS records are created
   */
  readonly hostedZones?: readonly HostedZoneRef[];
  /**
   * The AWS provider to create the domain and mapping through; its region is the domain's, and
   * the certificate must be in it too.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /** Tags for the domain name. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A custom domain name for an existing API Gateway HTTP API (v2): `aws_apigatewayv2_domain_name`
 * with `domain_name_configuration { certificate_arn, endpoint_type = "REGIONAL",
 * security_policy = "TLS_1_2" }` (the only endpoint type and policy HTTP APIs support), an
 * `aws_apigatewayv2_api_mapping` to an existing stage, and optional Route 53 alias records to
 * `domain_name_configuration[0].target_domain_name` / `hosted_zone_id`.
 *
 * Checked at synth, from certificate metadata: the certificate is in the domain's region and
 * covers the domain name.
 */
export class ApiGatewayHttpDomain extends Construct {
  /** The underlying `aws_apigatewayv2_domain_name`. */
  readonly resource: Apigatewayv2DomainName;
  /** The `aws_apigatewayv2_api_mapping` to the API stage. */
  readonly apiMapping: Apigatewayv2ApiMapping;
  /** The alias records, when `hostedZones` was given. */
  readonly aliasRecords?: AliasRecords;
  /** The custom domain name as given. */
  readonly domainName: string;
  /** The API Gateway domain name to point the custom domain at (`target_domain_name`). */
  readonly targetDomainName: string;
  /** The hosted zone id of `targetDomainName`, for alias records. */
  readonly targetHostedZoneId: string;

  constructor(scope: Construct, id: string, props: ApiGatewayHttpDomainProps) {
    super(scope, id);
    checkApiGatewayDomainName(this, props.domainName, props.certificate);
    const region = regionOf(this, props.provider);
    checkCertificateRegion(
      this,
      "certificate",
      props.certificate,
      region,
      `an HTTP API Gateway domain (always REGIONAL) in ${region}`,
    );
    const securityPolicy = checkApiGatewaySecurityPolicy(
      this,
      "securityPolicy",
      props.securityPolicy,
      "HTTP",
    );
    const ipAddressType = checkApiGatewayIpAddressType(this, "ipAddressType", props.ipAddressType);
    checkApiGatewayApiId(this, "apiId", props.apiId);
    checkApiGatewayStage(this, "stage", props.stage, true);
    const apiMappingKey = props.apiMappingKey ?? "";
    checkMappingPath(this, "apiMappingKey", apiMappingKey, true);

    this.resource = new Apigatewayv2DomainName(this, "DomainName", {
      provider: props.provider,
      domainName: props.domainName,
      domainNameConfiguration: {
        certificateArn: props.certificate.certificateArn,
        endpointType: "REGIONAL",
        securityPolicy,
        ipAddressType,
      },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.domainName = props.domainName;
    this.targetDomainName = this.resource.domainNameConfiguration.targetDomainName;
    this.targetHostedZoneId = this.resource.domainNameConfiguration.hostedZoneId;

    this.apiMapping = new Apigatewayv2ApiMapping(this, "ApiMapping", {
      provider: props.provider,
      domainName: this.resource.domainName,
      apiId: props.apiId,
      stage: props.stage,
      apiMappingKey: apiMappingKey === "" ? undefined : apiMappingKey,
    });

    if (props.hostedZones) {
      this.aliasRecords = createApiGatewayAliasRecords(this, props.hostedZones, ipAddressType);
    }
  }
}
