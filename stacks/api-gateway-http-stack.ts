import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ApiGatewayHttpDomain } from "../modules/attach/api-gateway-http-domain";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { show, ValidationError } from "../modules/util/errors";
import { constructIdOf } from "./api-gateway-rest-stack";
import { BaseStack, BaseStackProps } from "./base-stack";

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

const OUTPUT_NAME = /^[a-z][a-z0-9_]{0,47}$/;

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
    if (props.domains.length === 0) {
      throw new ValidationError(this, "domains must list at least one domain, got []");
    }
    const hostedZones: HostedZoneRef[] = props.hostedZones.map((z) => ({
      zoneId: z.zoneId,
      zoneName: z.zoneName,
    }));
    const certificates: Record<string, Certificate> = {};
    const domains: Record<string, ApiGatewayHttpDomain> = {};
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
      const scopeOf = new Construct(this, id);
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

      this.outputCertificate(d.name, certificate);
      new TerraformOutput(this, `${d.name}_domain_name`, {
        value: domain.resource.domainName,
        description: `The custom domain name of ${d.name}`,
      });
      new TerraformOutput(this, `${d.name}_target_domain_name`, {
        value: domain.targetDomainName,
        description: `The API Gateway domain name to point ${d.domainName} at`,
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
