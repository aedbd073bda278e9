import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { HostedZoneRef } from "../../modules/dns/hosted-zone";

/** A synthesized stack, parsed, with lookups by resource type. */
export interface Synthesized {
  readonly json: Record<string, any>;
  /** Every resource of `type`, by logical name. */
  resources(type: string): Record<string, any>;
  /** The resources of `type` as a list. */
  list(type: string): any[];
  outputs(): Record<string, any>;
}

export function parse(stackJson: string): Synthesized {
  const json = JSON.parse(stackJson) as Record<string, any>;
  const resources = (type: string) => (json.resource?.[type] ?? {}) as Record<string, any>;
  return {
    json,
    resources,
    list: (type) => Object.values(resources(type)),
    outputs: () => json.output ?? {},
  };
}

/** Synthesizes a stack with validations on (`node.addValidation` checks fire). */
export function synth(stack: TerraformStack): Synthesized {
  return parse(Testing.synth(stack, true));
}

/** A test app and a stack with a default AWS provider in `region`. */
export function testStack(
  region = "eu-west-1",
  id = "test",
): { app: App; stack: TerraformStack; provider: AwsProvider } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  const provider = new AwsProvider(stack, "aws", { region });
  return { app, stack, provider };
}

/** A second provider in the same stack (an alias), for region and account tests. */
export function aliasProvider(
  scope: Construct,
  alias: string,
  region: string,
  roleArn?: string,
): AwsProvider {
  return new AwsProvider(scope, alias, {
    alias,
    region,
    assumeRole: roleArn ? [{ roleArn }] : undefined,
  });
}

let probes = 0;
/**
 * How a token renders in Terraform JSON: adds a probe output holding `value`, synthesizes, and
 * returns the output's value (e.g. "${aws_acm_certificate_validation.x.certificate_arn}").
 */
export function rendered(stack: TerraformStack, value: unknown): unknown {
  const id = `probe_${++probes}`;
  new TerraformOutput(stack, id, { value });
  return synth(stack).outputs()[id].value;
}

/** Three zones the attachment tests validate names in. */
export const TEST_ZONES = [
  { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" },
  { zoneId: "Z0EXAMPLE00000000002", zoneName: "example.org" },
  { zoneId: "Z0EXAMPLE00000000003", zoneName: "example.net" },
];

/** A DNS-validated certificate through the scope's default provider, for attachment tests. */
export function dnsCertificate(
  scope: Construct,
  id: string,
  domainName: string,
  subjectAlternativeNames: string[] = [],
  zones: HostedZoneRef[] = TEST_ZONES,
): Certificate {
  return new Certificate(scope, id, {
    domainName,
    subjectAlternativeNames,
    validation: CertificateValidation.fromDns(zones),
  });
}
