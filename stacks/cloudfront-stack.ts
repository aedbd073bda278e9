import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import {
  checkCloudFrontAliases,
  CloudFrontMinimumProtocolVersion,
} from "../modules/attach/cloudfront-certificate";
import {
  CloudFrontDistribution,
  CloudFrontOriginProtocolPolicy,
  CloudFrontPriceClass,
} from "../modules/attach/cloudfront-distribution";
import { MAX_PRIMARY_NAME_LENGTH } from "../modules/util/domain-name";
import { show, ValidationError } from "../modules/util/errors";
import { isLiteral } from "../modules/util/tokens";
import { BaseStack, BaseStackProps, hostedZoneRefs } from "./base-stack";

/** The certificate the stack requests in us-east-1 for the distribution. */
export interface CloudFrontCertificateConfig {
  /** The primary name. Lower-case, no trailing dot, at most 64 characters. */
  readonly domainName: string;
  /** Further names, for example a wildcard. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /**
   * RSA_2048 or EC_prime256v1; CloudFront rejects EC_secp384r1.
   * @default KeyAlgorithm.RSA_2048
   */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** How long to wait for issuance, as a Terraform duration. @default the provider's 75m */
  readonly validationTimeout?: string;
}

export interface CloudFrontStackProps extends Omit<BaseStackProps, "usEast1Provider"> {
  /**
   * The distribution's alternate domain names, for example `["www.example.com",
   * "example.com"]`. Each gets alias A and AAAA records.
   */
  readonly aliases: readonly string[];
  /** The existing origin's DNS name, for example `origin.example.com` or an ALB's DNS name. */
  readonly originDomainName: string;
  /**
   * Route 53 zones for the certificate's validation records and the alias records; each name
   * goes to its most specific zone. Route 53 is global, so the stack's default provider
   * manages them whatever its region.
   */
  readonly hostedZones: readonly Pick<HostedZoneRef, "zoneId" | "zoneName">[];
  /**
   * The certificate to request in us-east-1.
   * @default one certificate for exactly the aliases: the primary name is the first alias of at
   * most 64 characters (ACM's limit for the primary name), the others are alternative names
   */
  readonly certificate?: CloudFrontCertificateConfig;
  /** @default "TLSv1.2_2021" */
  readonly minimumProtocolVersion?: CloudFrontMinimumProtocolVersion | string;
  /** @default "PriceClass_All" */
  readonly priceClass?: CloudFrontPriceClass;
  /** @default "https-only" (TLS 1.2 to the origin) */
  readonly originProtocolPolicy?: CloudFrontOriginProtocolPolicy;
  /** The origin's HTTP port: 80, 443 or 1024-65535. @default 80 */
  readonly originHttpPort?: number;
  /** The origin's HTTPS port: 80, 443 or 1024-65535. @default 443 */
  readonly originHttpsPort?: number;
  /**
   * `["GET", "HEAD"]`, `["GET", "HEAD", "OPTIONS"]`, or all seven methods for an API origin.
   * @default ["GET", "HEAD"]
   */
  readonly allowedMethods?: readonly string[];
  /** `["GET", "HEAD"]` or `["GET", "HEAD", "OPTIONS"]`. @default ["GET", "HEAD"] */
  readonly cachedMethods?: readonly string[];
  /** @default the managed CachingOptimized policy */
  readonly cachePolicyId?: string;
  /** @default none */
  readonly comment?: string;
  /** @default true: the apply waits until the distribution is deployed (5-30+ minutes) */
  readonly waitForDeployment?: boolean;
}

/**
 * A CloudFront distribution for one existing origin, with an ACM certificate requested and
 * DNS-validated in us-east-1, and alias records in Route 53.
 *
 * Providers: the certificate and its validation use the stack's `us_east_1` alias (CloudFront
 * reads ACM in us-east-1 only; provider 5.x has no per-resource `region`). The Route 53 records
 * and the distribution, both global, use the default provider, whose region may be anything.
 * Outputs: `distribution_id`, `distribution_arn`, `distribution_domain_name`,
 * `cloudfront_certificate_arn` and `cloudfront_unvalidated_certificate_arn`.
 */
export class CloudFrontStack extends BaseStack {
  readonly certificate: Certificate;
  readonly distribution: CloudFrontDistribution;

  constructor(scope: Construct, name: string, props: CloudFrontStackProps) {
    super(scope, name, { ...props, usEast1Provider: true });
    if (!Array.isArray(props.aliases) || props.aliases.length === 0) {
      throw new ValidationError(
        this,
        `aliases must name at least one alternate domain name, got ${show(props.aliases)}`,
      );
    }
    // The aliases are checked before they become the certificate's names, so that an error
    // names `aliases`, the property the user set, not the certificate's `domainName`.
    checkCloudFrontAliases(this, props.aliases);
    const zones = hostedZoneRefs(props.hostedZones);
    const cert: CloudFrontCertificateConfig = props.certificate ?? defaultCertificate(this, props);

    this.certificate = new Certificate(this, "Certificate", {
      provider: this.usEast1,
      domainName: cert.domainName,
      subjectAlternativeNames: cert.subjectAlternativeNames,
      keyAlgorithm: cert.keyAlgorithm,
      validationTimeout: cert.validationTimeout,
      validation: CertificateValidation.fromDns(zones),
    });

    this.distribution = new CloudFrontDistribution(this, "Distribution", {
      certificate: this.certificate,
      aliases: props.aliases,
      originDomainName: props.originDomainName,
      originProtocolPolicy: props.originProtocolPolicy,
      originHttpPort: props.originHttpPort,
      originHttpsPort: props.originHttpsPort,
      allowedMethods: props.allowedMethods,
      cachedMethods: props.cachedMethods,
      minimumProtocolVersion: props.minimumProtocolVersion,
      priceClass: props.priceClass,
      cachePolicyId: props.cachePolicyId,
      comment: props.comment,
      waitForDeployment: props.waitForDeployment,
      hostedZones: zones,
    });

    new TerraformOutput(this, "distribution_id", {
      value: this.distribution.distributionId,
      description: "ID of the CloudFront distribution (for invalidations)",
    });
    new TerraformOutput(this, "distribution_arn", {
      value: this.distribution.distributionArn,
      description: "ARN of the CloudFront distribution",
    });
    new TerraformOutput(this, "distribution_domain_name", {
      value: this.distribution.distributionDomainName,
      description: "The *.cloudfront.net name the aliases point at",
    });
    this.outputCertificate("cloudfront", this.certificate);
  }
}

/**
 * The certificate for exactly the aliases. ACM limits the primary name to 64 characters while
 * alternative names may be longer, so the primary name is the first alias that fits; a token
 * alias may be any length, so it is never chosen when a literal one fits.
 */
function defaultCertificate(
  stack: CloudFrontStack,
  props: CloudFrontStackProps,
): CloudFrontCertificateConfig {
  const fits = (a: string) => isLiteral(a) && a.length <= MAX_PRIMARY_NAME_LENGTH;
  const primary = props.aliases.find(fits) ?? props.aliases.find((a) => !isLiteral(a));
  if (primary === undefined) {
    throw new ValidationError(
      stack,
      `aliases must include a name of at most ${MAX_PRIMARY_NAME_LENGTH} characters to be the certificate's primary name (ACM's limit), ` +
        `got ${show(props.aliases)}; or set certificate.domainName yourself`,
    );
  }
  return {
    domainName: primary,
    subjectAlternativeNames: props.aliases.filter((a) => a !== primary),
  };
}
