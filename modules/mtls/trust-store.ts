import { LbTrustStore } from "@cdktf/provider-aws/lib/lb-trust-store";
import { LbTrustStoreRevocation } from "@cdktf/provider-aws/lib/lb-trust-store-revocation";
import { Annotations, TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ArnRule, checkArn } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { checkTerraformIdentifier } from "../util/identifiers";
import { isLiteral } from "../util/tokens";
import { ICaBundle } from "./ca-bundle";
import { checkS3ObjectLocation, S3ObjectLocation } from "./s3-object-location";

/**
 * Trust store names: at most 32 characters, letters, digits and hyphens, not starting or ending
 * with a hyphen (provider docs, `aws_lb_trust_store` `name`; ELB API `CreateTrustStore` `Name`).
 */
export const MAX_TRUST_STORE_NAME_LENGTH = 32;
const TRUST_STORE_NAME = /^([a-zA-Z0-9]+-)*[a-zA-Z0-9]+$/;

/** ELB quota: revocation files per trust store (Application Load Balancer quotas page). */
export const MAX_REVOCATIONS_PER_TRUST_STORE = 30;

/** The ARN of an ALB trust store. */
export const TRUST_STORE_ARN_RULE: ArnRule = {
  service: "elasticloadbalancing",
  resource: /^truststore\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
  form: "arn:aws:elasticloadbalancing:<region>:<account>:truststore/<name>/<id>",
  description: "an ELB trust store",
};

/** Throws unless a literal name is a valid trust store name. Tokens pass. */
export function checkTrustStoreName(scope: IConstruct, property: string, name: unknown): void {
  if (typeof name !== "string") {
    throw new ValidationError(scope, `${property} must be a string, got ${show(name)}`);
  }
  if (!isLiteral(name)) return;
  if (name.length === 0 || name.length > MAX_TRUST_STORE_NAME_LENGTH) {
    throw new ValidationError(
      scope,
      `${property} must be 1-${MAX_TRUST_STORE_NAME_LENGTH} characters, got ${name.length}: ${show(name)}`,
    );
  }
  if (!TRUST_STORE_NAME.test(name)) {
    throw new ValidationError(
      scope,
      `${property} may contain only letters, digits and hyphens, and must not start or end with a hyphen, got ${show(name)}`,
    );
  }
}

/** An ALB trust store as a listener sees it. */
export interface ITrustStore extends IConstruct {
  /** The trust store's ARN. */
  readonly trustStoreArn: string;
}

export interface TrustStoreProps {
  /** The CA bundle: a `CaBundle` (pinned to its version) or `CaBundle.fromObject(...)`. */
  readonly caBundle: ICaBundle;
  /**
   * The trust store's name: 1-32 letters, digits and hyphens, unique per account and region.
   * Changing it replaces the trust store.
   * @default none: Terraform generates one
   */
  readonly trustStoreName?: string;
  /**
   * Certificate revocation lists (CRL files in S3), by stable key (the key names the Terraform
   * resource). Each is an `aws_lb_trust_store_revocation`, which cannot be updated: a new CRL
   * version replaces the resource. At most 30 per trust store (ELB quota).
   * @default none
   */
  readonly revocations?: Readonly<Record<string, S3ObjectLocation>>;
  /** @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An ALB trust store (`aws_lb_trust_store`) that reads its CA bundle from S3, pinned to the
 * bundle object's version: ELB copies the bundle when the trust store is created or modified and
 * never re-reads S3 by itself, so a new version is what carries a changed bundle to the listener
 * (ModifyTrustStore, in place). Optional revocation lists (`aws_lb_trust_store_revocation`).
 *
 * Checked at synth: the name (1-32 letters, digits, hyphens), the bundle location, the
 * revocation keys and locations, and the revocation count.
 */
export class TrustStore extends Construct implements ITrustStore {
  /** A trust store created elsewhere, by ARN; creates nothing. A literal ARN is checked. */
  static fromTrustStoreArn(scope: Construct, id: string, trustStoreArn: string): ITrustStore {
    return new ExistingTrustStore(scope, id, trustStoreArn);
  }

  readonly resource: LbTrustStore;
  readonly trustStoreArn: string;
  /** The revocation resources by key. */
  readonly revocations: ReadonlyMap<string, LbTrustStoreRevocation>;

  constructor(scope: Construct, id: string, props: TrustStoreProps) {
    super(scope, id);
    if (props.trustStoreName !== undefined) {
      checkTrustStoreName(this, "trustStoreName", props.trustStoreName);
    }
    checkS3ObjectLocation(this, "caBundle", props.caBundle);
    const revocations = Object.entries(props.revocations ?? {});
    for (const [key, location] of revocations) {
      checkTerraformIdentifier(this, `revocations key ${show(key)}`, key);
      checkS3ObjectLocation(this, `revocations.${key}`, location);
    }
    if (revocations.length > MAX_REVOCATIONS_PER_TRUST_STORE) {
      Annotations.of(this).addWarning(
        `revocations lists ${revocations.length} files; ELB allows ${MAX_REVOCATIONS_PER_TRUST_STORE} per trust store by default (Application Load Balancer quotas): request an increase first`,
      );
    }

    this.resource = new LbTrustStore(this, "TrustStore", {
      provider: props.provider,
      name: props.trustStoreName,
      caCertificatesBundleS3Bucket: props.caBundle.bucketName,
      caCertificatesBundleS3Key: props.caBundle.key,
      caCertificatesBundleS3ObjectVersion: props.caBundle.versionId,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.trustStoreArn = this.resource.arn;

    const created = new Map<string, LbTrustStoreRevocation>();
    if (revocations.length > 0) {
      const holder = new Construct(this, "Revocations");
      for (const [key, location] of revocations) {
        created.set(
          key,
          new LbTrustStoreRevocation(holder, key, {
            provider: props.provider,
            trustStoreArn: this.resource.arn,
            revocationsS3Bucket: location.bucketName,
            revocationsS3Key: location.key,
            revocationsS3ObjectVersion: location.versionId,
          }),
        );
      }
    }
    this.revocations = created;
  }
}

class ExistingTrustStore extends Construct implements ITrustStore {
  readonly trustStoreArn: string;
  constructor(scope: Construct, id: string, trustStoreArn: string) {
    super(scope, id);
    checkTrustStoreArn(this, "trustStoreArn", trustStoreArn);
    this.trustStoreArn = trustStoreArn;
  }
}

/** Throws unless `arn` is an ELB trust store ARN (a token passes). */
export function checkTrustStoreArn(scope: IConstruct, property: string, arn: unknown): void {
  checkArn(scope, property, arn, TRUST_STORE_ARN_RULE);
}
