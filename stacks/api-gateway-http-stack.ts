import { Construct } from "constructs";
import { ApiGatewayHttpDomain } from "../modules/attach/api-gateway-http-domain";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { checkDomainsListed, domainScope, outputApiGatewayDomain } from "./api-gateway-domains";
import { BaseStack, BaseStackProps, hostedZoneRefs } from "./base-stack";

/** One custom domain for an existing HTTP API stage, with its own certificate. */
export interface HttpApiDomainConfig {
  /**
   * Output prefix (`<name>_domain_name`, `<name>_certificate_arn`, ...) and, in PascalCase,
   * construct id (`orders_api` -> `OrdersApi`): lower-case letters, digits and underscores.
   * Changing it moves Terraform addresses.
   */
  readonly name: string;
  /** The custom domain name, for example `api.example.com`. */
  readonly domainName: string;
  /** The id of the existing HTTP API, for example `f6g7h8i9j0`. */
  readonly apiId: string;
  /** The existing stage to map, for example `$default`. */
  readonly stage: string;
  /** A path under the domain, possibly multi-level (`orders/v1`). @default "" (the domain root) */
  readonly apiMappingKey?: string;
  /** More names on the certificate. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** @default KeyAlgorithm.RSA_2048 */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** @default "dualstack" */
  readonly ipAddressType?: string;
}

export interface ApiGatewayHttpStackProps extends BaseStackProps {
  /**
   * The Route 53 zones (in the stack's account) for the certificates' validation records and
   * the domains' alias records.
   */
  readonly hostedZones: readonly Pick<HostedZoneRef, "zoneId" | "zoneName">[];
  /** The custom domains; at least one. */
  readonly domains: readonly HttpApiDomainConfig[];
  /**
   * Create alias A/AAAA records from each domain name to its API Gateway target domain name.
   * @default true
   */
  readonly aliasRecords?: boolean;
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
    checkDomainsListed(this, props.domains);
    const hostedZones = hostedZoneRefs(props.hostedZones);
    const certificates: Record<string, Certificate> = {};
    const domains: Record<string, ApiGatewayHttpDomain> = {};
    for (const d of props.domains) {
      const scopeOf = domainScope(this, d.name, domains);
      const certificate = new Certificate(scopeOf, "Certificate", {
        domainName: d.domainName,
        subjectAlternativeNames: d.subjectAlternativeNames,
        keyAlgorithm: d.keyAlgorithm,
        validation: CertificateValidation.fromDns(hostedZones),
      });
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
