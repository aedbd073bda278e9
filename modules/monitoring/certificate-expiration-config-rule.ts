import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule";
import { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { checkDays } from "./expiry-threshold";

/** The AWS Config managed rule's identifier (https://docs.aws.amazon.com/config/latest/developerguide/acm-certificate-expiration-check.html). */
export const ACM_CERTIFICATE_EXPIRATION_CHECK = "ACM_CERTIFICATE_EXPIRATION_CHECK";
/** The managed rule's own default for `daysToExpiration`. */
export const CONFIG_RULE_DEFAULT_DAYS = 14;

export interface CertificateExpirationConfigRuleProps {
  /**
   * The rule flags a certificate NON_COMPLIANT this many days before it expires (the managed
   * rule's `daysToExpiration`, an int).
   * @default 14, the managed rule's default
   */
  readonly daysToExpiration?: number;
  /**
   * The rule's name: 1-128 letters, digits, hyphens and underscores (PutConfigRule API).
   * @default "acm-certificate-expiration-check"
   */
  readonly ruleName?: string;
  /**
   * What the rule must wait for: AWS Config rules need a configuration recorder in the region
   * (`aws_config_configuration_recorder`), which this construct does not create.
   * @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** @default the stack's default provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The AWS Config managed rule `ACM_CERTIFICATE_EXPIRATION_CHECK` on `AWS::ACM::Certificate`:
 * a compliance view of expiring certificates, beside the alarms and events. It needs a
 * configuration recorder in the region.
 */
export class CertificateExpirationConfigRule extends Construct {
  readonly resource: ConfigConfigRule;
  readonly daysToExpiration: number;

  constructor(scope: Construct, id: string, props: CertificateExpirationConfigRuleProps = {}) {
    super(scope, id);
    checkDays(
      this,
      "daysToExpiration",
      props.daysToExpiration,
      1,
      Number.MAX_SAFE_INTEGER,
      "a positive int, the managed rule's parameter",
    );
    const name = props.ruleName ?? "acm-certificate-expiration-check";
    if (isLiteral(name) && !/^[A-Za-z0-9_-]{1,128}$/.test(name)) {
      throw new ValidationError(
        this,
        `ruleName must be 1-128 letters, digits, hyphens or underscores, got ${show(name)}`,
      );
    }
    this.daysToExpiration = props.daysToExpiration ?? CONFIG_RULE_DEFAULT_DAYS;
    this.resource = new ConfigConfigRule(this, "Rule", {
      provider: props.provider,
      name,
      description: `ACM certificates expiring within ${this.daysToExpiration} days are NON_COMPLIANT`,
      source: { owner: "AWS", sourceIdentifier: ACM_CERTIFICATE_EXPIRATION_CHECK },
      inputParameters: JSON.stringify({ daysToExpiration: String(this.daysToExpiration) }),
      scope: { complianceResourceTypes: ["AWS::ACM::Certificate"] },
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
  }
}
