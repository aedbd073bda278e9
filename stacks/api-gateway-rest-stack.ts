import { Construct } from "constructs";
import { ApiGatewayRestDomain, RestEndpointType } from "../modules/attach/api-gateway-rest-domain";
import { Certificate } from "../modules/certificate/certificate";
import {
  ApiGatewayDomainConfigBase,
  ApiGatewayStackPropsBase,
  checkDomainConfigs,
  domainWithCertificate,
  outputApiGatewayDomain,
} from "./api-gateway-domains";
import { BaseStack, hostedZoneRefs } from "./base-stack";

/** One custom domain for an existing REST API stage, with its own certificate. */
export interface RestApiDomainConfig extends ApiGatewayDomainConfigBase {
  /**
   * `REGIONAL`: the certificate is requested in the stack's region. `EDGE`: it is requested in
   * us-east-1 through the stack's `us_east_1` provider alias, because CloudFront serves the
   * domain (and EDGE refuses EC_secp384r1 keys).
   */
  readonly endpointType: RestEndpointType;
  /** The id of the existing REST API, for example `a1b2c3d4e5`. */
  readonly restApiId: string;
  /** The existing stage to map, for example `prod`. */
  readonly stageName: string;
  /** One path segment under the domain. @default "" (the domain root) */
  readonly basePath?: string;
  /** @default "TLS_1_2", the only policy accepted */
  readonly securityPolicy?: string;
}

export interface ApiGatewayRestStackProps extends ApiGatewayStackPropsBase {
  /** The custom domains; at least one. */
  readonly domains: readonly RestApiDomainConfig[];
}

/**
 * Custom domains for existing API Gateway REST APIs: per domain a DNS-validated ACM certificate
 * (in the stack's region for REGIONAL, in us-east-1 for EDGE), `aws_api_gateway_domain_name`,
 * a base path mapping and alias records. The us-east-1 provider alias is created whenever a
 * domain is EDGE.
 */
export class ApiGatewayRestStack extends BaseStack {
  readonly certificates: Readonly<Record<string, Certificate>>;
  readonly domains: Readonly<Record<string, ApiGatewayRestDomain>>;

  constructor(scope: Construct, name: string, props: ApiGatewayRestStackProps) {
    super(scope, name, {
      ...props,
      usEast1Provider:
        props.usEast1Provider ??
        (Array.isArray(props.domains) && props.domains.some((d) => d?.endpointType === "EDGE")),
    });
    checkDomainConfigs(this, props.domains);
    const hostedZones = hostedZoneRefs(props.hostedZones);
    const certificates: Record<string, Certificate> = {};
    const domains: Record<string, ApiGatewayRestDomain> = {};
    for (const d of props.domains) {
      const edge = d.endpointType === "EDGE";
      const { scope: scopeOf, certificate } = domainWithCertificate(
        this,
        d,
        hostedZones,
        edge ? this.usEast1 : undefined,
      );
      const domain = new ApiGatewayRestDomain(scopeOf, "Domain", {
        domainName: d.domainName,
        certificate,
        endpointType: d.endpointType,
        restApiId: d.restApiId,
        stageName: d.stageName,
        basePath: d.basePath,
        ipAddressType: d.ipAddressType,
        securityPolicy: d.securityPolicy,
        hostedZones: props.aliasRecords === false ? undefined : hostedZones,
      });
      certificates[d.name] = certificate;
      domains[d.name] = domain;

      outputApiGatewayDomain(this, d.name, certificate, domain, {
        domainName: `The ${d.endpointType} custom domain name of ${d.name}`,
        targetDomainName: `The ${edge ? "CloudFront" : "regional"} domain name to point ${d.domainName} at`,
      });
    }
    this.certificates = certificates;
    this.domains = domains;
  }
}
