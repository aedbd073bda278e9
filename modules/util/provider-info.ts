import { AwsProvider, AwsProviderAssumeRole } from "@cdktf/provider-aws/lib/provider";
import { TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { isLiteral } from "./tokens";

/**
 * Region and account metadata of AWS providers, read at synth. An ARN is a token at synth and
 * cannot be parsed, so constructs record the region of the provider they were created with and
 * attachments compare those regions instead.
 */

const defaultProviders = new WeakMap<TerraformStack, AwsProvider>();

/** The stack's default (un-aliased) AWS provider, if it has one among its direct children. */
export function defaultAwsProvider(scope: IConstruct): AwsProvider | undefined {
  const stack = TerraformStack.of(scope);
  const cached = defaultProviders.get(stack);
  if (cached) return cached;
  for (const child of stack.node.children) {
    if (child instanceof AwsProvider && child.alias === undefined) {
      defaultProviders.set(stack, child);
      return child;
    }
  }
  return undefined;
}

/** The provider a resource created in `scope` with `provider` will use. */
export function effectiveProvider(
  scope: IConstruct,
  provider?: TerraformProvider,
): TerraformProvider | undefined {
  return provider ?? defaultAwsProvider(scope);
}

/**
 * The literal region of the provider a resource in `scope` will use, or undefined when it is
 * not known at synth (no region set, or a token such as a variable).
 */
export function regionOf(scope: IConstruct, provider?: TerraformProvider): string | undefined {
  const p = effectiveProvider(scope, provider);
  if (p instanceof AwsProvider && isLiteral(p.region)) return p.region;
  return undefined;
}

/**
 * A key naming the AWS account a provider acts in, as far as synth can tell: the account of a
 * literal assumed-role ARN, else a single literal allowed account id, else "default" (the
 * stack's own credentials). ACM derives validation record names from domain and account, so
 * certificates with the same key may share validation records.
 */
export function accountKeyOf(scope: IConstruct, provider?: TerraformProvider): string {
  const p = effectiveProvider(scope, provider);
  if (!(p instanceof AwsProvider)) return "default";
  const roles = p.assumeRole;
  if (Array.isArray(roles) && roles.length > 0) {
    const arn = (roles[0] as AwsProviderAssumeRole).roleArn;
    const account = isLiteral(arn) ? /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1] : undefined;
    if (account) return account;
    // A role we cannot read: its own key, so nothing is shared by mistake.
    return `provider-${p.node.path}`;
  }
  const allowed = p.allowedAccountIds;
  if (Array.isArray(allowed) && allowed.length === 1 && isLiteral(allowed[0])) return allowed[0];
  return "default";
}
