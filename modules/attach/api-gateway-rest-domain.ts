import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { Construct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { ApiGatewayMutualTls, resolveApiGatewayMutualTls } from "../mtls/api-gateway-mutual-tls";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import {
  ApiGatewayDomainBaseProps,
  checkApiGatewayDomainName,
  checkApiGatewayDomainSettings,
  createApiGatewayAliasRecords,
} from "./api-gateway-domain-name";
import { checkCertificateRegion } from "./attachment-checks";
import { checkCloudFrontKeyAlgorithm } from "./cloudfront-key";

/**
 * The region of every certificate behind an edge-optimized API Gateway domain: the domain is
 * served by a CloudFront distribution, and CloudFront reads certificates from us-east-1 only.
 */
export const EDGE_CERTIFICATE_REGION = "us-east-1";

/** The endpoint types this construct supports for a REST API custom domain. */
export const REST_ENDPOINT_TYPES = ["REGIONAL", "EDGE"] as const;
export type RestEndpointType = (typeof REST_ENDPOINT_TYPES)[number];

export interface ApiGatewayRestDomainProps extends ApiGatewayDomainBaseProps {
  /**
   * The certificate to serve. Its region is checked at synth: a REGIONAL domain needs it in the
   * domain's own region, an EDGE domain in us-east-1 (CloudFront). For an EDGE domain its key
   * algorithm, when known, must be one CloudFront accepts (RSA_2048 or EC_prime256v1, not
   * EC_secp384r1).
   */
  readonly certificate: ICertificate;
  /**
   * `REGIONAL` serves the domain from the API's region (`regional_certificate_arn`); `EDGE`
   * serves it through a CloudFront distribution that API Gateway manages (`certificate_arn`,
   * certificate in us-east-1). Exactly one of the two certificate fields is ever set, so the
   * value must be known at synth. PRIVATE custom domains are not supported by this construct.
   * For EDGE, `provider` is not us-east-1's provider: the domain may live in any region, only its
   * certificate must be in us-east-1.
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
   * The TLS security policy. "TLS_1_2" is the one accepted: "TLS_1_0" still allows TLS 1.0/1.1,
   * and the pinned AWS provider (`AWS_PROVIDER_VERSION`) rejects the enhanced `SecurityPolicy_*` policies at
   * plan and lacks the `endpoint_access_mode` argument they need (it arrived in 6.28). A newer
   * `TLS_<major>_<minor>` policy is passed through with a warning.
   * @default "TLS_1_2"
   */
  readonly securityPolicy?: string;
  /**
   * Mutual TLS: clients must present a certificate that chains to the truststore. REGIONAL
   * domains only. With a private (AWS Private CA) server certificate, a public ACM
   * `ownershipVerificationCertificate` is required. Disable the API's `execute-api` endpoint,
   * or clients bypass mTLS there.
   * @default none: no client certificate is asked for
   */
  readonly mutualTls?: ApiGatewayMutualTls;
}

/**
 * A custom domain name for an existing API Gateway REST API (v1): `aws_api_gateway_domain_name`
 * with the validated certificate in the field that matches the endpoint type, a base path
 * mapping to an existing API stage, and optional Route 53 alias records.
 *
 * Checked at synth, from certificate metadata: the certificate's region (the domain's region for
 * REGIONAL, us-east-1 for EDGE), that it covers the domain name, for EDGE that its key algorithm
 * works with CloudFront, and that no other API Gateway domain of the stack has the same name in
 * the same region.
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
    if (!isLiteral(endpointType)) {
      throw new ValidationError(
        this,
        `endpointType must be known at synth (it chooses certificate_arn or regional_certificate_arn), got ${show(endpointType)}`,
      );
    }
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
    const region = regionOf(this, props.provider);
    if (edge) {
      checkCertificateRegion(
        this,
        "certificate",
        certificate,
        EDGE_CERTIFICATE_REGION,
        "an EDGE API Gateway domain (served by CloudFront)",
      );
      checkCloudFrontKeyAlgorithm(
        this,
        "certificate",
        certificate,
        "CloudFront (behind an EDGE domain)",
        ', or use endpointType "REGIONAL"',
      );
    } else {
      checkCertificateRegion(
        this,
        "certificate",
        certificate,
        region,
        `a REGIONAL API Gateway domain in ${region}`,
      );
    }
    const {
      securityPolicy,
      ipAddressType,
      path: basePath,
    } = checkApiGatewayDomainSettings(this, props, {
      api: "REST",
      apiId: ["restApiId", props.restApiId],
      stage: ["stageName", props.stageName],
      path: ["basePath", props.basePath],
      edge,
    });
    const mtls = resolveApiGatewayMutualTls(this, "mutualTls", props.mutualTls, {
      domainName: props.domainName,
      certificate,
      region,
      edge,
    });

    this.resource = new ApiGatewayDomainName(this, "DomainName", {
      provider: props.provider,
      domainName: props.domainName,
      // Exactly one certificate field, chosen by the endpoint type: EDGE reads certificate_arn,
      // REGIONAL reads regional_certificate_arn, and the provider refuses both together.
      certificateArn: edge ? certificate.certificateArn : undefined,
      regionalCertificateArn: edge ? undefined : certificate.certificateArn,
      endpointConfiguration: { types: [this.endpointType], ipAddressType },
      securityPolicy,
      mutualTlsAuthentication: mtls?.mutualTlsAuthentication,
      ownershipVerificationCertificateArn: mtls?.ownershipVerificationCertificateArn,
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
