import { Construct } from "constructs";
import { ApiGatewayRestDomain, RestEndpointType } from "../modules/attach/api-gateway-rest-domain";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { checkDomainsListed, domainScope, outputApiGatewayDomain } from "./api-gateway-domains";
import { BaseStack, BaseStackProps, hostedZoneRefs } from "./base-stack";

// Re-exported so `stacks/api-gateway-rest-stack`, where it was first declared, still provides it.

/** One custom domain for an existing REST API stage, with its own certificate. */
export interface RestApiDomainConfig {
  /**
   * Output prefix (`<name>_domain_name`, `<name>_certificate_arn`, ...) and, in PascalCase,
   * construct id (`edge_v2` -> `EdgeV2`): lower-case letters, digits and underscores.
   * Changing it moves Terraform addresses.
   */
  readonly name: string;
  /** The custom domain name, for example `api.example.com`. */
  readonly domainName: string;
  /**
   * `REGIONAL`: the certificate is requested in the stack's region. `EDGE`: it is requested in
   * us-east-1 through the stack's `us_east_1` provider alias, because CloudFront serves the
   * domain.
   */
  readonly endpointType: RestEndpointType;
  /** The id of the existing REST API, for example `a1b2c3d4e5`. */
  readonly restApiId: string;
  /** The existing stage to map, for example `prod`. */
  readonly stageName: string;
  /** One path segment under the domain. @default "" (the domain root) */
  readonly basePath?: string;
  /** More names on the certificate. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** @default KeyAlgorithm.RSA_2048 (EDGE refuses EC_secp384r1) */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** @default "dualstack" */
  readonly ipAddressType?: string;
  /** @default "TLS_1_2", the only policy accepted */
  readonly securityPolicy?: string;
}

export interface ApiGatewayRestStackProps extends BaseStackProps {
  /**
   * The Route 53 zones (in the stack's account) for the certificates' validation records and
   * the domains' alias records.
   */
  readonly hostedZones: readonly Pick<HostedZoneRef, "zoneId" | "zoneName">[];
  /** The custom domains; at least one. */
  readonly domains: readonly RestApiDomainConfig[];
  /**
   * Create alias A/AAAA records from each domain name to its API Gateway endpoint.
   * @default true
   */
  readonly aliasRecords?: boolean;
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
        props.usEast1Provider ?? props.domains.some((d) => d.endpointType === "EDGE"),
    });
    checkDomainsListed(this, props.domains);
    const hostedZones = hostedZoneRefs(props.hostedZones);
    const certificates: Record<string, Certificate> = {};
    const domains: Record<string, ApiGatewayRestDomain> = {};
    for (const d of props.domains) {
      const scopeOf = domainScope(this, d.name, domains);
      const edge = d.endpointType === "EDGE";
      const certificate = new Certificate(scopeOf, "Certificate", {
        domainName: d.domainName,
        subjectAlternativeNames: d.subjectAlternativeNames,
        keyAlgorithm: d.keyAlgorithm,
        validation: CertificateValidation.fromDns(hostedZones),
        provider: edge ? this.usEast1 : undefined,
      });
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
