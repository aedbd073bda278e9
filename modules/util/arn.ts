import { IConstruct } from "constructs";
import { show, ValidationError } from "./errors";
import { isLiteral } from "./tokens";

/**
 * ARNs the user passes, parsed. A literal ARN carries its partition, service, region, account
 * and resource kind; every construct that takes one reads them and checks them against the
 * provider it will use, so a wrong ARN fails at synth instead of at apply. A token (a variable,
 * a remote-state output) is passed through untouched and not checked.
 *
 * Format: `arn:<partition>:<service>:<region>:<account>:<resource>` (AWS General Reference,
 * "Amazon Resource Names"). The resource part may itself contain `:` and `/`.
 */
export interface ParsedArn {
  /** `aws`, `aws-cn`, `aws-us-gov`, ... */
  readonly partition: string;
  /** `acm`, `elasticloadbalancing`, `acm-pca`, `iam`, ... */
  readonly service: string;
  /** Empty for global services (IAM). */
  readonly region: string;
  /** Twelve digits; empty for some services (S3). */
  readonly account: string;
  /** Everything after the account: `certificate/<id>`, `loadbalancer/app/<name>/<id>`, ... */
  readonly resource: string;
}

const ARN = /^arn:(aws(?:-[a-z]+)*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** True for a string shaped like an AWS region code (`eu-west-1`, `us-gov-west-1`). */
export function isRegionCode(value: string): boolean {
  return REGION.test(value);
}

/** Parses a literal ARN; undefined when `arn` is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const m = ARN.exec(arn);
  if (!m) return undefined;
  const [, partition, service, region, account, resource] = m;
  if (region !== "" && !REGION.test(region)) return undefined;
  return { partition, service, region, account, resource };
}

/** What a prop's ARN must be. */
export interface ArnRule {
  /** The ARN's service, for example `acm`. */
  readonly service: string;
  /**
   * The resource part must match this, for example `/^certificate\/[0-9a-f-]{36}$/`.
   */
  readonly resource: RegExp;
  /** The form shown in the error, for example `arn:aws:acm:<region>:<account>:certificate/<id>`. */
  readonly form: string;
  /** What the ARN names, for example "an ACM certificate". */
  readonly description: string;
  /** Whether the ARN carries a region. @default true */
  readonly regional?: boolean;
}

/** Rules for the ARNs this library accepts. */
export const ARN_RULES = {
  acmCertificate: {
    service: "acm",
    resource: /^certificate\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    form: "arn:aws:acm:<region>:<account>:certificate/<uuid>",
    description: "an ACM certificate",
  },
  applicationLoadBalancer: {
    service: "elasticloadbalancing",
    resource: /^loadbalancer\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    form: "arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>",
    description: "an Application Load Balancer",
  },
  networkLoadBalancer: {
    service: "elasticloadbalancing",
    resource: /^loadbalancer\/net\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    form: "arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/net/<name>/<id>",
    description: "a Network Load Balancer",
  },
  targetGroup: {
    service: "elasticloadbalancing",
    resource: /^targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    form: "arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>",
    description: "a target group",
  },
  listener: {
    service: "elasticloadbalancing",
    resource: /^listener\/(app|net)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
    form: "arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<lb id>/<id>",
    description: "a load balancer listener",
  },
  certificateAuthority: {
    service: "acm-pca",
    resource:
      /^certificate-authority\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    form: "arn:aws:acm-pca:<region>:<account>:certificate-authority/<uuid>",
    description: "an AWS Private CA certificate authority",
  },
  iamRole: {
    service: "iam",
    resource: /^role\/[\w+=,.@/-]{1,512}$/,
    form: "arn:aws:iam::<account>:role/<name>",
    description: "an IAM role",
    regional: false,
  },
} satisfies Record<string, ArnRule>;

/**
 * Checks a literal ARN prop against `rule` and returns it parsed; returns undefined for a token
 * (passed through, not checked). Throws a ValidationError naming the property, the value and the
 * expected form when the value is not a string, not an ARN, or an ARN of another service, kind
 * or region shape.
 */
export function checkArn(
  scope: IConstruct,
  property: string,
  arn: unknown,
  rule: ArnRule,
): ParsedArn | undefined {
  if (typeof arn !== "string" || arn === "") {
    throw new ValidationError(
      scope,
      `${property} must be the ARN of ${rule.description} (${rule.form}), got ${show(arn)}`,
    );
  }
  if (!isLiteral(arn)) return undefined;
  const parsed = parseArn(arn);
  const problem = !parsed
    ? "is not an ARN"
    : parsed.service !== rule.service
      ? `is an ARN of service ${show(parsed.service)}, not ${show(rule.service)}`
      : !rule.resource.test(parsed.resource)
        ? `names ${show(parsed.resource)}, not ${rule.description}`
        : (rule.regional ?? true) && parsed.region === ""
          ? "has no region"
          : !(rule.regional ?? true) && parsed.region !== ""
            ? "must not carry a region"
            : parsed.account === ""
              ? "has no account"
              : undefined;
  if (problem) {
    throw new ValidationError(
      scope,
      `${property} must be the ARN of ${rule.description} (${rule.form}); it ${problem}: ${show(arn)}`,
    );
  }
  return parsed;
}

/**
 * Throws when a parsed ARN is not in `region` (the region of the provider that will use it, or
 * of another input). Skipped when either is unknown at synth. `why` completes the sentence
 * "... but <why> is in <region>".
 */
export function checkArnRegion(
  scope: IConstruct,
  property: string,
  parsed: ParsedArn | undefined,
  region: string | undefined,
  why: string,
): void {
  if (!parsed || region === undefined || parsed.region === region) return;
  throw new ValidationError(
    scope,
    `${property} is in region ${show(parsed.region)} (read from the ARN), but ${why} is in ${show(region)}`,
  );
}
