import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { parseArn } from "./arn";
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
 * A key naming the AWS account a provider acts in, as far as synth can tell. ACM derives a
 * validation record from the domain name and the account, so certificates may share records
 * only when their providers provably act in the same account:
 * - a literal account: of the first literal `assume_role` (or `assume_role_with_web_identity`)
 *   role ARN, else the single literal `allowed_account_ids` entry;
 * - otherwise, when the provider sets anything that changes its credentials (a role, a profile,
 *   keys, shared config or credentials files, allowed accounts), a key of its own
 *   (`provider-<path>`): it shares nothing;
 * - otherwise "default", the stack's own credentials.
 */
export function accountKeyOf(scope: IConstruct, provider?: TerraformProvider): string {
  const p = effectiveProvider(scope, provider);
  if (!(p instanceof AwsProvider)) return "default";
  const account = literalAccountOf(p);
  if (account) return account;
  return changesCredentials(p) ? `provider-${p.node.path}` : "default";
}

/** The account a provider acts in, when a literal role ARN or allowed account id says so. */
function literalAccountOf(p: AwsProvider): string | undefined {
  for (const roles of [p.assumeRole, p.assumeRoleWithWebIdentity]) {
    if (!Array.isArray(roles) || roles.length === 0) continue;
    const arn = (roles[0] as { roleArn?: string }).roleArn;
    const parsed = isLiteral(arn) ? parseArn(arn) : undefined;
    if (parsed?.service === "iam" && parsed.account) return parsed.account;
  }
  const allowed = p.allowedAccountIds;
  if (Array.isArray(allowed) && allowed.length === 1 && isLiteral(allowed[0])) return allowed[0];
  return undefined;
}

/** Whether a provider sets any attribute that changes which credentials it uses. */
function changesCredentials(p: AwsProvider): boolean {
  const set = (v: unknown) =>
    v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
  return [
    p.assumeRole,
    p.assumeRoleWithWebIdentity,
    p.profile,
    p.accessKey,
    p.sharedConfigFiles,
    p.sharedCredentialsFiles,
    p.allowedAccountIds,
  ].some(set);
}
