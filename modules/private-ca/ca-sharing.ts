import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { duplicateNames } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { ARN_RULES, checkArn, checkArnRegion } from "../util/arn";
import { regionOf } from "../util/provider-info";

/** Who a CA is shared with through AWS RAM. */
export interface CaSharingOptions {
  /**
   * Account ids (12 digits), an organization ARN
   * (`arn:aws:organizations::<management account>:organization/o-...`) or organizational unit
   * ARNs (`arn:aws:organizations::<management account>:ou/o-.../ou-...`). At least one,
   * literal, no repeats: each becomes a principal association addressed by its value.
   */
  readonly principals: readonly string[];
  /**
   * The resource share's name.
   * @default the ids of the two constructs above the sharing construct, e.g. "Pki-Issuing"
   */
  readonly name?: string;
  /**
   * Let the share reach accounts outside your organization. Off by default: principals must
   * then be in the organization, and RAM sharing with the organization must be enabled.
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;
  /**
   * RAM managed permissions to apply, for example one that allows only
   * `EndEntityCertificate/V1` issuance.
   * @default RAM's default permission for private CAs
   */
  readonly permissionArns?: readonly string[];
}

export interface CaSharingProps extends CaSharingOptions {
  /** The CA's ARN. */
  readonly certificateAuthorityArn: string;
  /** @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

const ACCOUNT = /^\d{12}$/;
const ORGANIZATION = /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU =
  /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

/** The kind of a RAM principal, or undefined when it is none of the accepted forms. */
export function ramPrincipalKind(
  principal: string,
): "Account" | "Organization" | "OrganizationalUnit" | undefined {
  if (ACCOUNT.test(principal)) return "Account";
  if (ORGANIZATION.test(principal)) return "Organization";
  if (OU.test(principal)) return "OrganizationalUnit";
  return undefined;
}

/** A construct id for a principal association: stable, derived from the principal itself. */
function principalId(principal: string): string {
  const kind = ramPrincipalKind(principal);
  const tail = principal.split("/").pop() as string;
  return `${kind}-${tail}`;
}

/** Throws a ValidationError naming `property` when sharing options break a RAM rule. */
export function checkCaSharing(
  scope: IConstruct,
  property: string,
  options: CaSharingOptions,
): void {
  const principals = options.principals;
  if (!Array.isArray(principals) || principals.length === 0) {
    throw new ValidationError(
      scope,
      `${property}.principals must list at least one account id, organization ARN or OU ARN, got ${show(principals)}`,
    );
  }
  principals.forEach((p, i) => {
    if (!isLiteral(p)) {
      throw new ValidationError(
        scope,
        `${property}.principals[${i}] must be known at synth (it names the Terraform resource), got a token`,
      );
    }
    if (!ramPrincipalKind(p)) {
      throw new ValidationError(
        scope,
        `${property}.principals[${i}] must be a 12-digit account id, an organization ARN (arn:aws:organizations::<account>:organization/o-...) ` +
          `or an OU ARN (arn:aws:organizations::<account>:ou/o-.../ou-...), got ${show(p)}`,
      );
    }
  });
  const dups = duplicateNames(principals);
  if (dups.length > 0) {
    throw new ValidationError(
      scope,
      `${property}.principals must not repeat a principal, got ${dups.map((d) => show(d)).join(", ")} more than once`,
    );
  }
  if (options.name !== undefined && isLiteral(options.name) && options.name.trim() === "") {
    throw new ValidationError(
      scope,
      `${property}.name must not be empty, got ${show(options.name)}`,
    );
  }
}

/**
 * Shares a private CA through AWS RAM: one resource share, the CA associated with it, and one
 * principal association per principal, addressed by the principal (never by list index).
 *
 * Accounts that receive the share can request ACM private certificates from the CA; ACM there
 * needs its service-linked role, and the CA owner pays for the certificates.
 */
export class CaSharing extends Construct {
  readonly resourceShare: RamResourceShare;
  readonly resourceAssociation: RamResourceAssociation;
  /** Principal associations by principal. */
  readonly principalAssociations: ReadonlyMap<string, RamPrincipalAssociation>;

  constructor(scope: Construct, id: string, props: CaSharingProps) {
    super(scope, id);
    checkCaSharing(this, "sharing", props);
    // RAM shares a CA from its own region: the ARN's region must be the provider's.
    const arn = checkArn(
      this,
      "certificateAuthorityArn",
      props.certificateAuthorityArn,
      ARN_RULES.certificateAuthority,
    );
    checkArnRegion(
      this,
      "certificateAuthorityArn",
      arn,
      regionOf(this, props.provider),
      "the provider that shares it",
    );
    const path = this.node.scopes.map((s) => s.node.id).filter((s) => s !== "");
    const defaultName = path.slice(-3, -1).join("-") || id;
    this.resourceShare = new RamResourceShare(this, "Share", {
      provider: props.provider,
      name: props.name ?? defaultName,
      allowExternalPrincipals: props.allowExternalPrincipals ?? false,
      permissionArns: props.permissionArns ? [...props.permissionArns] : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.resourceAssociation = new RamResourceAssociation(this, "CertificateAuthority", {
      provider: props.provider,
      resourceArn: props.certificateAuthorityArn,
      resourceShareArn: this.resourceShare.arn,
    });
    const associations = new Map<string, RamPrincipalAssociation>();
    for (const principal of props.principals) {
      associations.set(
        principal,
        new RamPrincipalAssociation(this, principalId(principal), {
          provider: props.provider,
          principal,
          resourceShareArn: this.resourceShare.arn,
        }),
      );
    }
    this.principalAssociations = associations;
  }
}
