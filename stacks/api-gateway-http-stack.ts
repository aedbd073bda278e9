import { Construct } from "constructs";
import { ApiGatewayHttpDomain } from "../modules/attach/api-gateway-http-domain";
import { Certificate } from "../modules/certificate/certificate";
import {
  ApiGatewayDomainConfigBase,
  ApiGatewayStackPropsBase,
  checkDomainConfigs,
  domainWithCertificate,
  outputApiGatewayDomain,
} from "./api-gateway-domains";
import { BaseStack, hostedZoneRefs } from "./base-stack";

/** One custom domain for an existing HTTP API stage, with its own certificate. */
export interface HttpApiDomainConfig extends ApiGatewayDomainConfigBase {
  /** The id of the existing HTTP API, for example `f6g7h8i9j0`. */
  readonly apiId: string;
  /** The existing stage to map, for example `$default`. */
  readonly stage: string;
  /** A path under the domain, possibly multi-level (`orders/v1`). @default "" (the domain root) */
  readonly apiMappingKey?: string;
}

export interface ApiGatewayHttpStackProps extends ApiGatewayStackPropsBase {
  /** The custom domains; at least one. */
  readonly domains: readonly HttpApiDomainConfig[];
}

/**
 * Custom domains for existing API Gateway HTTP APIs: per domain a DNS-validated ACM certificate
 * in the stack's region (HTTP API domains are regional only), `aws_apigatewayv2_domain_name`
 * (TLS_1_2), an API mapping and alias records.
 */
export class ApiGatewayHttpStack extends BaseStack {
  readonly certificates: Readonly<Record<string, Certificate>>;
  readonly domains: Readonly<Record<string, ApiGatewayHttpDomain>>;

  constructor(scope: Construct, name: string, props: ApiGatewayHttpStackProps) {
    super(scope, name, props);
    checkDomainConfigs(this, props.domains);
    const hostedZones = hostedZoneRefs(props.hostedZones);
    const certificates: Record<string, Certificate> = {};
    const domains: Record<string, ApiGatewayHttpDomain> = {};
    for (const d of props.domains) {
      const { scope: scopeOf, certificate } = domainWithCertificate(this, d, hostedZones);
      const domain = new ApiGatewayHttpDomain(scopeOf, "Domain", {
        domainName: d.domainName,
        certificate,
        apiId: d.apiId,
        stage: d.stage,
        apiMappingKey: d.apiMappingKey,
        ipAddressType: d.ipAddressType,
        hostedZones: props.aliasRecords === false ? undefined : hostedZones,
      });
      certificates[d.name] = certificate;
      domains[d.name] = domain;

      outputApiGatewayDomain(this, d.name, certificate, domain, {
        domainName: `The custom domain name of ${d.name}`,
        targetDomainName: `The API Gateway domain name to point ${d.domainName} at`,
      });
    }
    this.certificates = certificates;
    this.domains = domains;
  }
}
