import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ApiGatewayRestDomain, RestEndpointType } from "../modules/attach/api-gateway-rest-domain";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { show, ValidationError } from "../modules/util/errors";
import { BaseStack, BaseStackProps } from "./base-stack";

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

const OUTPUT_NAME = /^[a-z][a-z0-9_]{0,47}$/;

/** `edge_v2` -> `EdgeV2`: the PascalCase construct id of a domain's name. */
export function constructIdOf(name: string): string {
  return name
    .split("_")
    .filter((p) => p !== "")
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join("");
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
    if (props.domains.length === 0) {
      throw new ValidationError(this, "domains must list at least one domain, got []");
    }
    const hostedZones: HostedZoneRef[] = props.hostedZones.map((z) => ({
      zoneId: z.zoneId,
      zoneName: z.zoneName,
    }));
    const certificates: Record<string, Certificate> = {};
    const domains: Record<string, ApiGatewayRestDomain> = {};
    for (const d of props.domains) {
      if (!OUTPUT_NAME.test(d.name)) {
        throw new ValidationError(
          this,
          `domains[].name must be 1-48 lower-case letters, digits or "_" starting with a letter (it names outputs), got ${show(d.name)}`,
        );
      }
      const id = constructIdOf(d.name);
      if (domains[d.name] || this.node.tryFindChild(id)) {
        throw new ValidationError(
          this,
          `domains[].name must be unique (also as construct id ${show(id)}), got ${show(d.name)} twice`,
        );
      }
      const edge = d.endpointType === "EDGE";
      const scopeOf = new Construct(this, id);
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

      this.outputCertificate(d.name, certificate);
      new TerraformOutput(this, `${d.name}_domain_name`, {
        value: domain.resource.domainName,
        description: `The ${d.endpointType} custom domain name of ${d.name}`,
      });
      new TerraformOutput(this, `${d.name}_target_domain_name`, {
        value: domain.targetDomainName,
        description: `The ${edge ? "CloudFront" : "regional"} domain name to point ${d.domainName} at`,
      });
      new TerraformOutput(this, `${d.name}_target_hosted_zone_id`, {
        value: domain.targetHostedZoneId,
        description: `The hosted zone id of ${d.name}_target_domain_name, for alias records`,
      });
    }
    this.certificates = certificates;
    this.domains = domains;
  }
}
