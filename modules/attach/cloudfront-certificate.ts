import {
  CloudfrontDistribution as CloudfrontDistributionResource,
  CloudfrontDistributionViewerCertificate,
} from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { HostedZoneRef } from "../dns/hosted-zone";
import { duplicateNames } from "../util/domain-name";
import { assertOneOf, show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import { checkCertificateRegion, checkCoverage } from "./attachment-checks";

/**
 * Attaching an ACM certificate to a CloudFront distribution.
 *
 * CloudFront is a global service, but it reads viewer certificates from ACM in us-east-1 only.
 * In AWS provider 5.x a resource cannot pick its own region, so the certificate must be
 * requested through a provider configured for us-east-1 (BaseStack's `usEast1` alias); the
 * distribution itself has no region and may use any provider. The checks below read the
 * certificate's synth metadata (region, names, key algorithm), never its ARN, which is a token.
 */

/** The only region CloudFront reads viewer certificates from. */
export const CLOUDFRONT_CERTIFICATE_REGION = "us-east-1";

/**
 * Security policies (`minimum_protocol_version`) accepted for a custom certificate served with
 * SNI: those whose minimum protocol is TLS 1.2. AWS provider 5.100.0, which this project pins,
 * validates the value against its AWS SDK enum and knows no policy newer than `TLSv1.2_2021`.
 */
export const CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS = [
  "TLSv1.2_2018",
  "TLSv1.2_2019",
  "TLSv1.2_2021",
] as const;

export type CloudFrontMinimumProtocolVersion =
  (typeof CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS)[number];

/** TLS 1.2 with forward-secret AES-GCM and ChaCha20 ciphers only: the newest policy 5.100.0 knows. */
export const DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION: CloudFrontMinimumProtocolVersion =
  "TLSv1.2_2021";

/** Policies that still let viewers negotiate SSLv3, TLS 1.0 or TLS 1.1: rejected as weak. */
export const WEAK_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS: readonly string[] = [
  "SSLv3",
  "TLSv1",
  "TLSv1_2016",
  "TLSv1.1_2016",
];

/**
 * Policies CloudFront offers since 2025 that AWS provider 5.100.0 rejects at plan ("expected
 * minimum_protocol_version to be one of [...]"): they need a newer AWS provider (6.x).
 */
export const NEWER_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS: readonly string[] = [
  "TLSv1.2_2025",
  "TLSv1.3_2025",
];

/**
 * CloudFront's managed cache policy "Managed-CachingOptimized": caches by URL only, honours
 * origin Cache-Control within 1 second to 1 year (default 1 day), and supports gzip and Brotli.
 */
export const CACHING_OPTIMIZED_CACHE_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";

/** CloudFront price classes: which edge locations serve viewers (and what that costs). */
export const CLOUDFRONT_PRICE_CLASSES = [
  "PriceClass_All",
  "PriceClass_200",
  "PriceClass_100",
] as const;
export type CloudFrontPriceClass = (typeof CLOUDFRONT_PRICE_CLASSES)[number];

/** How CloudFront connects to a custom origin. */
export const CLOUDFRONT_ORIGIN_PROTOCOL_POLICIES = [
  "https-only",
  "http-only",
  "match-viewer",
] as const;
export type CloudFrontOriginProtocolPolicy = (typeof CLOUDFRONT_ORIGIN_PROTOCOL_POLICIES)[number];

/** CloudFront's limit on a distribution's `comment`. */
export const MAX_CLOUDFRONT_COMMENT_LENGTH = 128;

export interface CloudFrontViewerCertificateProps {
  /**
   * The certificate viewers see. It must be in us-east-1 (CloudFront reads ACM there only), use
   * a key CloudFront accepts (RSA_2048 or EC_prime256v1 among requested keys; not
   * EC_secp384r1), and cover every alias. For a `Certificate` of this library,
   * `certificateArn` is the validated ARN, so the distribution waits for issuance.
   */
  readonly certificate: ICertificate;
  /**
   * The distribution's alternate domain names (CNAMEs). At least one: a custom certificate
   * serves only names in `aliases`. Lower-case, no trailing dot, no repeats; each covered by
   * the certificate (a wildcard covers exactly one label). CloudFront rejects an uncovered
   * alias at apply with `InvalidViewerCertificate`.
   */
  readonly aliases: readonly string[];
  /**
   * The security policy: the oldest TLS version and the ciphers CloudFront negotiates with
   * viewers. One of `TLSv1.2_2018`, `TLSv1.2_2019`, `TLSv1.2_2021`. Older policies (SSLv3,
   * TLSv1, TLSv1_2016, TLSv1.1_2016) are rejected as weak; `TLSv1.2_2025` and `TLSv1.3_2025`
   * exist in CloudFront but AWS provider 5.100.0 rejects them at plan.
   * @default "TLSv1.2_2021"
   */
  readonly minimumProtocolVersion?: CloudFrontMinimumProtocolVersion | string;
}

/** What to put on your own `aws_cloudfront_distribution`. */
export interface CloudFrontViewerCertificateConfig {
  /** The distribution's `aliases`. */
  readonly aliases: string[];
  /** The distribution's `viewer_certificate` block. */
  readonly viewerCertificate: CloudfrontDistributionViewerCertificate;
}

/**
 * Checks a certificate and aliases against CloudFront's rules and returns the `aliases` and
 * `viewer_certificate` to set on a distribution you define yourself:
 *
 * ```ts
 * const { aliases, viewerCertificate } = cloudFrontViewerCertificate(this, {
 *   certificate, aliases: ["www.example.com"],
 * });
 * new CloudfrontDistribution(this, "Site", { ...yourConfig, aliases, viewerCertificate });
 * ```
 *
 * Throws a ValidationError (prefixed with `scope`'s path) when the certificate is not in
 * us-east-1, has a key CloudFront rejects, or does not cover an alias, when `aliases` is empty
 * or repeats a name, and when `minimumProtocolVersion` is weak or unknown.
 */
export function cloudFrontViewerCertificate(
  scope: IConstruct,
  props: CloudFrontViewerCertificateProps,
): CloudFrontViewerCertificateConfig {
  const { certificate } = props;
  if (!certificate || typeof certificate.certificateArn !== "string") {
    throw new ValidationError(
      scope,
      `certificate must be an ICertificate (a Certificate, or Certificate.fromCertificateArn(...)), got ${show(certificate)}`,
    );
  }
  checkCertificateRegion(
    scope,
    "certificate",
    certificate,
    CLOUDFRONT_CERTIFICATE_REGION,
    "CloudFront",
  );
  const key = certificate.keyAlgorithm;
  if (key && !key.cloudFrontCompatible) {
    throw new ValidationError(
      scope,
      `certificate uses key algorithm ${show(key.value)}, which CloudFront does not accept; ` +
        'request it with KeyAlgorithm.RSA_2048 or KeyAlgorithm.EC_PRIME256V1 ("EC_prime256v1")',
    );
  }
  const aliases = props.aliases;
  if (!Array.isArray(aliases) || aliases.length === 0) {
    throw new ValidationError(
      scope,
      `aliases must name at least one alternate domain name: a distribution with a custom certificate serves only its aliases, got ${show(aliases)}`,
    );
  }
  // checkCoverage also rejects invalid names: upper case, trailing dots, bad labels.
  checkCoverage(scope, "aliases", aliases, [certificate]);
  const dups = duplicateNames(aliases.filter(isLiteral));
  if (dups.length > 0) {
    throw new ValidationError(
      scope,
      `aliases must not repeat a name, got ${dups.map((d) => show(d)).join(", ")} more than once`,
    );
  }
  return {
    aliases: [...aliases],
    viewerCertificate: {
      acmCertificateArn: certificate.certificateArn,
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: checkMinimumProtocolVersion(scope, props.minimumProtocolVersion),
    },
  };
}

/** The security policy to use: the default when unset, a token as is, else a checked literal. */
export function checkMinimumProtocolVersion(scope: IConstruct, value: string | undefined): string {
  if (value === undefined) return DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION;
  if (!isLiteral(value)) return value;
  const allowed = CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS.map((v) => show(v)).join(", ");
  if ((CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS as readonly string[]).includes(value)) return value;
  if (WEAK_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS.includes(value)) {
    throw new ValidationError(
      scope,
      `minimumProtocolVersion must require TLS 1.2 or newer (${allowed}), got ${show(value)}, ` +
        "which still lets viewers negotiate SSLv3, TLS 1.0 or TLS 1.1",
    );
  }
  if (NEWER_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS.includes(value)) {
    throw new ValidationError(
      scope,
      `minimumProtocolVersion ${show(value)} exists in CloudFront, but AWS provider 5.100.0 ` +
        `(pinned by this project) rejects it at plan; use one of ${allowed}, or a newer AWS provider (6.x)`,
    );
  }
  throw new ValidationError(
    scope,
    `minimumProtocolVersion must be one of ${allowed}, got ${show(value)}`,
  );
}

export interface CloudFrontDistributionProps extends CloudFrontViewerCertificateProps {
  /**
   * The DNS name of the existing origin, without scheme, path or port: a load balancer name,
   * an S3 website endpoint, an API host. CloudFront needs a publicly resolvable DNS name and
   * rejects an IP address. With `https-only`, the origin's own certificate must cover this
   * name and chain to a CA CloudFront trusts.
   */
  readonly originDomainName: string;
  /**
   * How CloudFront connects to the origin. With `https-only` it uses TLS 1.2 only. S3 website
   * endpoints speak plain HTTP only and need `http-only`.
   * @default "https-only"
   */
  readonly originProtocolPolicy?: CloudFrontOriginProtocolPolicy;
  /**
   * The origin's id inside the distribution. Changing it updates the distribution in place.
   * @default "origin"
   */
  readonly originId?: string;
  /**
   * The cache policy of the default cache behaviour (a managed or your own policy id).
   * @default CACHING_OPTIMIZED_CACHE_POLICY_ID, the managed CachingOptimized policy
   */
  readonly cachePolicyId?: string;
  /**
   * Which edge locations serve viewers: `PriceClass_All`, `PriceClass_200` or `PriceClass_100`.
   * @default "PriceClass_All", CloudFront's own default
   */
  readonly priceClass?: CloudFrontPriceClass;
  /** A description, at most 128 characters (CloudFront's limit). @default none */
  readonly comment?: string;
  /**
   * Route 53 zones to create alias A and AAAA records in, one pair per alias, each in its most
   * specific zone. Wildcard aliases get wildcard records.
   * @default none: no records (DNS elsewhere, or records you create yourself)
   */
  readonly hostedZones?: readonly HostedZoneRef[];
  /**
   * Wait for the distribution to reach `Deployed` on create and update (5 to 30+ minutes).
   * Turn off in pipelines that must not block; the change still rolls out.
   * @default true
   */
  readonly waitForDeployment?: boolean;
  /**
   * The AWS provider for the distribution. CloudFront is global: any region works, and in
   * provider 5.x the distribution has no `region` argument. Only the certificate must come
   * from us-east-1.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
  /** Tags for the distribution. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A minimal, deployable CloudFront distribution in front of one existing custom origin, serving
 * its aliases with an ACM certificate from us-east-1: HTTP redirected to HTTPS, HTTP/2 and
 * HTTP/3, IPv6, the managed CachingOptimized policy, no geo restriction. All certificate checks
 * of `cloudFrontViewerCertificate` apply. With `hostedZones`, also alias A/AAAA records.
 */
export class CloudFrontDistribution extends Construct {
  /** The distribution id, for example `E2QWRUHEXAMPLE`. */
  readonly distributionId: string;
  readonly distributionArn: string;
  /** The `*.cloudfront.net` name viewers' aliases point at. */
  readonly distributionDomainName: string;
  /** CloudFront's Route 53 hosted zone id, for alias records (always `Z2FDTNDATAQYW2`). */
  readonly distributionHostedZoneId: string;
  readonly aliases: readonly string[];
  /** The alias records, when `hostedZones` was given. */
  readonly aliasRecords?: AliasRecords;
  /** The underlying `aws_cloudfront_distribution`. */
  readonly resource: CloudfrontDistributionResource;

  constructor(scope: Construct, id: string, props: CloudFrontDistributionProps) {
    super(scope, id);
    const viewer = cloudFrontViewerCertificate(this, props);
    this.checkOrigin(props.originDomainName);
    const originProtocolPolicy = props.originProtocolPolicy ?? "https-only";
    if (isLiteral(originProtocolPolicy)) {
      assertOneOf(
        this,
        "originProtocolPolicy",
        originProtocolPolicy,
        CLOUDFRONT_ORIGIN_PROTOCOL_POLICIES,
      );
    }
    const priceClass = props.priceClass ?? "PriceClass_All";
    if (isLiteral(priceClass))
      assertOneOf(this, "priceClass", priceClass, CLOUDFRONT_PRICE_CLASSES);
    const originId = props.originId ?? "origin";
    if (isLiteral(originId) && originId.trim() === "") {
      throw new ValidationError(this, `originId must not be empty, got ${show(originId)}`);
    }
    const cachePolicyId = props.cachePolicyId ?? CACHING_OPTIMIZED_CACHE_POLICY_ID;
    if (
      isLiteral(cachePolicyId) &&
      !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(cachePolicyId)
    ) {
      throw new ValidationError(
        this,
        `cachePolicyId must be a cache policy id (a lower-case UUID such as ${show(CACHING_OPTIMIZED_CACHE_POLICY_ID)}), got ${show(cachePolicyId)}`,
      );
    }
    if (
      props.comment !== undefined &&
      isLiteral(props.comment) &&
      props.comment.length > MAX_CLOUDFRONT_COMMENT_LENGTH
    ) {
      throw new ValidationError(
        this,
        `comment must be at most ${MAX_CLOUDFRONT_COMMENT_LENGTH} characters, got ${props.comment.length}: ${show(props.comment)}`,
      );
    }

    this.resource = new CloudfrontDistributionResource(this, "Distribution", {
      provider: props.provider,
      enabled: true,
      comment: props.comment,
      aliases: viewer.aliases,
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      priceClass,
      waitForDeployment: props.waitForDeployment ?? true,
      origin: [
        {
          originId,
          domainName: props.originDomainName,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy,
            originSslProtocols: ["TLSv1.2"],
          },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: originId,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId,
        compress: true,
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: viewer.viewerCertificate,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.distributionId = this.resource.id;
    this.distributionArn = this.resource.arn;
    this.distributionDomainName = this.resource.domainName;
    this.distributionHostedZoneId = this.resource.hostedZoneId;
    this.aliases = viewer.aliases;

    if (props.hostedZones && props.hostedZones.length > 0) {
      this.aliasRecords = new AliasRecords(this, "AliasRecords", {
        names: viewer.aliases,
        hostedZones: props.hostedZones,
        targetDnsName: this.distributionDomainName,
        targetZoneId: this.distributionHostedZoneId,
        ipv6: true,
        evaluateTargetHealth: false,
      });
    }
  }

  private checkOrigin(name: string): void {
    if (typeof name !== "string" || name === "") {
      throw new ValidationError(
        this,
        `originDomainName must be the origin's DNS name, such as "origin.example.com", got ${show(name)}`,
      );
    }
    if (!isLiteral(name)) return;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name) || /[/:\s?#]/.test(name)) {
      throw new ValidationError(
        this,
        `originDomainName must be a bare DNS name without scheme, port, path or spaces, got ${show(name)}` +
          `; for example ${show(
            name
              .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")
              .split(/[/:?#]/)[0]
              .trim(),
          )}`,
      );
    }
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
      throw new ValidationError(
        this,
        `originDomainName must be a DNS name; CloudFront rejects an IP address ("origin name cannot be an IP address"), got ${show(name)}`,
      );
    }
  }
}
