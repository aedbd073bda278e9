import { TerraformOutput, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { DnsValidationRecords } from "../modules/dns/validation-records";
import { show, ValidationError } from "../modules/util/errors";
import { checkDistinctIdentifiers } from "../modules/util/identifiers";
import { BaseStack, BaseStackProps } from "./base-stack";
import { constructIdOf } from "./stack-names";

/** What every custom domain entry of an API Gateway stack has. */
export interface ApiGatewayDomainConfigBase {
  /**
   * Output prefix (`<name>_domain_name`, `<name>_certificate_arn`, ...) and, in PascalCase,
   * construct id (`orders_api` -> `OrdersApi`): 1-48 lower-case letters, digits and
   * underscores, starting with a letter. Changing it moves Terraform addresses.
   */
  readonly name: string;
  /** The custom domain name, for example `api.example.com`. */
  readonly domainName: string;
  /** More names on the certificate. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** @default KeyAlgorithm.RSA_2048 */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** @default "dualstack" */
  readonly ipAddressType?: string;
}

/** What every API Gateway stack takes besides its domains. */
export interface ApiGatewayStackPropsBase extends BaseStackProps {
  /**
   * The Route 53 zones (in the stack's account) for the certificates' validation records and
   * the domains' alias records.
   */
  readonly hostedZones: readonly Pick<HostedZoneRef, "zoneId" | "zoneName">[];
  /**
   * Create alias A/AAAA records from each domain name to its API Gateway endpoint.
   * @default true
   */
  readonly aliasRecords?: boolean;
}

/** A domain's `name`: it prefixes output names, which Terraform limits to these characters. */
const OUTPUT_NAME = /^[a-z][a-z0-9_]{0,47}$/;

/** The outputs each domain gets, after its name. */
export const DOMAIN_OUTPUT_SUFFIXES = [
  "_certificate_arn",
  "_unvalidated_certificate_arn",
  "_domain_name",
  "_target_domain_name",
  "_target_hosted_zone_id",
] as const;

/**
 * Checks an API Gateway stack's `domains`: at least one; each `name` 1-48 lower-case letters,
 * digits or "_" starting with a letter; no two names with the same construct id (`a_b` and
 * `a__b` are both `AB`) or the same output name (`a` and `a_target` both give
 * `a_target_domain_name`), and none taking the id of one of the stack's own children.
 */
export function checkDomainConfigs(
  stack: Construct,
  domains: readonly ApiGatewayDomainConfigBase[],
): void {
  if (!Array.isArray(domains) || domains.length === 0) {
    throw new ValidationError(stack, `domains must list at least one domain, got ${show(domains)}`);
  }
  domains.forEach((d, i) => {
    if (typeof d !== "object" || d === null) {
      throw new ValidationError(stack, `domains[${i}] must be a domain entry, got ${show(d)}`);
    }
    if (typeof d.name !== "string" || !OUTPUT_NAME.test(d.name)) {
      throw new ValidationError(
        stack,
        `domains[${i}].name must be 1-48 lower-case letters, digits or "_" starting with a letter (it names outputs), got ${show(d.name)}`,
      );
    }
  });
  const names = domains.map((d) => d.name);
  const reserved: Record<string, string> = {
    [DnsValidationRecords.ID]: "the stack's validation record registry",
  };
  for (const child of stack.node.children) reserved[child.node.id] = `the stack's ${child.node.id}`;
  checkDistinctIdentifiers(stack, "domains[].name", names, constructIdOf, reserved);
  const outputs = new Map<string, string>();
  for (const name of names) {
    for (const suffix of DOMAIN_OUTPUT_SUFFIXES) {
      const output = `${name}${suffix}`;
      const other = outputs.get(output);
      if (other !== undefined && other !== name) {
        throw new ValidationError(
          stack,
          `domains[].name ${show(other)} and ${show(name)} both produce the output ${show(output)}; choose names that differ`,
        );
      }
      outputs.set(output, name);
    }
  }
}

/**
 * The construct `<PascalCase name>` that holds a domain's certificate and resources, with the
 * domain's DNS-validated certificate requested through `provider` (the stack's default when
 * undefined).
 */
export function domainWithCertificate(
  stack: Construct,
  d: ApiGatewayDomainConfigBase,
  hostedZones: readonly HostedZoneRef[],
  provider?: TerraformProvider,
): { scope: Construct; certificate: Certificate } {
  const scope = new Construct(stack, constructIdOf(d.name));
  const certificate = new Certificate(scope, "Certificate", {
    domainName: d.domainName,
    subjectAlternativeNames: d.subjectAlternativeNames,
    keyAlgorithm: d.keyAlgorithm,
    validation: CertificateValidation.fromDns(hostedZones),
    provider,
  });
  return { scope, certificate };
}

/** What the outputs of an API Gateway custom domain read. */
export interface ApiGatewayDomainOutputs {
  readonly resource: { readonly domainName: string };
  readonly targetDomainName: string;
  readonly targetHostedZoneId: string;
}

/**
 * Outputs a domain's certificate ARNs (`<name>_certificate_arn`, ...), `<name>_domain_name`,
 * `<name>_target_domain_name` and `<name>_target_hosted_zone_id`.
 */
export function outputApiGatewayDomain(
  stack: BaseStack,
  name: string,
  certificate: Certificate,
  domain: ApiGatewayDomainOutputs,
  descriptions: { readonly domainName: string; readonly targetDomainName: string },
): void {
  stack.outputCertificate(name, certificate);
  new TerraformOutput(stack, `${name}_domain_name`, {
    value: domain.resource.domainName,
    description: descriptions.domainName,
  });
  new TerraformOutput(stack, `${name}_target_domain_name`, {
    value: domain.targetDomainName,
    description: descriptions.targetDomainName,
  });
  new TerraformOutput(stack, `${name}_target_hosted_zone_id`, {
    value: domain.targetHostedZoneId,
    description: `The hosted zone id of ${name}_target_domain_name, for alias records`,
  });
}
