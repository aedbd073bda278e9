import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../modules/certificate/certificate";
import { show, ValidationError } from "../modules/util/errors";
import { BaseStack } from "./base-stack";
import { constructIdOf } from "./stack-names";

/** A domain's `name`: it prefixes output names, which Terraform limits to these characters. */
const OUTPUT_NAME = /^[a-z][a-z0-9_]{0,47}$/;

/** Throws unless an API Gateway stack's `domains` lists at least one domain. */
export function checkDomainsListed(stack: Construct, domains: readonly unknown[]): void {
  if (domains.length === 0) {
    throw new ValidationError(stack, "domains must list at least one domain, got []");
  }
}

/**
 * Checks a domain's `name` (1-48 lower-case letters, digits or "_", starting with a letter; not
 * in `taken` and not the construct id of another child of `stack`) and creates the construct
 * `<PascalCase name>` that holds the domain's certificate and resources.
 */
export function domainScope(
  stack: Construct,
  name: string,
  taken: Readonly<Record<string, unknown>>,
): Construct {
  if (!OUTPUT_NAME.test(name)) {
    throw new ValidationError(
      stack,
      `domains[].name must be 1-48 lower-case letters, digits or "_" starting with a letter (it names outputs), got ${show(name)}`,
    );
  }
  const id = constructIdOf(name);
  if (taken[name] || stack.node.tryFindChild(id)) {
    throw new ValidationError(
      stack,
      `domains[].name must be unique (also as construct id ${show(id)}), got ${show(name)} twice`,
    );
  }
  return new Construct(stack, id);
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
