import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { Construct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { ApiGatewayMutualTls, resolveApiGatewayMutualTls } from "../mtls/api-gateway-mutual-tls";
import { regionOf } from "../util/provider-info";
import { AliasRecords } from "./alias-records";
import {
  ApiGatewayDomainBaseProps,
  checkApiGatewayDomainName,
  checkApiGatewayDomainSettings,
  createApiGatewayAliasRecords,
} from "./api-gateway-domain-name";
import { checkCertificateRegion } from "./attachment-checks";

export interface ApiGatewayHttpDomainProps extends ApiGatewayDomainBaseProps {
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
   * `SecurityPolicy_*` policy (the pinned AWS provider, `AWS_PROVIDER_VERSION`, also rejects them at plan).
   * @default "TLS_1_2"
   */
  readonly securityPolicy?: string;
  /**
   * Mutual TLS: clients must present a certificate that chains to the truststore. With a
   * private (AWS Private CA) server certificate, a public ACM `ownershipVerificationCertificate`
   * is required. Disable the API's `execute-api` endpoint, or clients bypass mTLS there.
   * @default none: no client certificate is asked for
   */
  readonly mutualTls?: ApiGatewayMutualTls;
}

/**
 * A custom domain name for an existing API Gateway HTTP API (v2): `aws_apigatewayv2_domain_name`
 * with `domain_name_configuration { certificate_arn, endpoint_type = "REGIONAL",
 * security_policy = "TLS_1_2" }` (the only endpoint type and policy HTTP APIs support), an
 * `aws_apigatewayv2_api_mapping` to an existing stage, and optional Route 53 alias records to
 * `domain_name_configuration[0].target_domain_name` / `hosted_zone_id`.
 *
 * Checked at synth, from certificate metadata: the certificate is in the domain's region and
 * covers the domain name, and no other API Gateway domain of the stack has the same name in the
 * same region.
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
    const {
      securityPolicy,
      ipAddressType,
      path: apiMappingKey,
    } = checkApiGatewayDomainSettings(this, props, {
      api: "HTTP",
      apiId: ["apiId", props.apiId],
      stage: ["stage", props.stage],
      path: ["apiMappingKey", props.apiMappingKey],
      edge: false,
    });
    const mtls = resolveApiGatewayMutualTls(this, "mutualTls", props.mutualTls, {
      domainName: props.domainName,
      certificate: props.certificate,
      region,
      edge: false,
    });

    this.resource = new Apigatewayv2DomainName(this, "DomainName", {
      provider: props.provider,
      domainName: props.domainName,
      domainNameConfiguration: {
        certificateArn: props.certificate.certificateArn,
        endpointType: "REGIONAL",
        securityPolicy,
        ipAddressType,
        ownershipVerificationCertificateArn: mtls?.ownershipVerificationCertificateArn,
      },
      mutualTlsAuthentication: mtls?.mutualTlsAuthentication,
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
