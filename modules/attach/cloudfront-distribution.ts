import { CloudfrontDistribution as CloudfrontDistributionResource } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { TerraformProvider, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { HostedZoneRef } from "../dns/hosted-zone";
import { assertOneOf, show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import {
  cloudFrontViewerCertificate,
  CloudFrontViewerCertificateProps,
} from "./cloudfront-certificate";

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

/**
 * The only method sets CloudFront accepts for a cache behaviour's `allowed_methods`
 * (AllowedMethods, https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html):
 * read-only, read-only with CORS preflight, or everything (an API origin).
 */
export const CLOUDFRONT_ALLOWED_METHOD_SETS: readonly (readonly string[])[] = [
  ["GET", "HEAD"],
  ["GET", "HEAD", "OPTIONS"],
  ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
];

/**
 * The only method sets CloudFront can cache (`cached_methods`, CachedMethods,
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html).
 */
export const CLOUDFRONT_CACHED_METHOD_SETS: readonly (readonly string[])[] = [
  ["GET", "HEAD"],
  ["GET", "HEAD", "OPTIONS"],
];

/**
 * The ports CloudFront connects to a custom origin on: "Valid values include ports 80, 443, and
 * 1024 to 65535" (CloudFront Developer Guide, origin settings, HTTP port / HTTPS port,
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html).
 */
export function isCloudFrontOriginPort(port: number): boolean {
  return Number.isInteger(port) && (port === 80 || port === 443 || (port >= 1024 && port <= 65535));
}

/** Checks a method list against `sets` (order-insensitive) and returns it; tokens pass. */
function checkMethodSet(
  scope: IConstruct,
  property: string,
  value: readonly string[],
  sets: readonly (readonly string[])[],
): string[] {
  if (Token.isUnresolved(value)) return value as string[];
  if (!Array.isArray(value)) {
    throw new ValidationError(
      scope,
      `${property} must be a list of HTTP methods, got ${show(value)}`,
    );
  }
  if (value.some((m) => !isLiteral(m))) return [...value];
  const sorted = [...value].sort().join(",");
  if (!sets.some((set) => [...set].sort().join(",") === sorted)) {
    throw new ValidationError(
      scope,
      `${property} must be one of the method sets CloudFront accepts: ${sets.map((s) => `[${s.join(", ")}]`).join(", ")}; got ${show(value)}`,
    );
  }
  return [...value];
}

/** Checks an origin port: an integer, 80, 443 or 1024-65535. Tokens pass. */
function checkOriginPort(scope: IConstruct, property: string, port: number): number {
  if (Token.isUnresolved(port)) return port;
  if (typeof port !== "number" || !isCloudFrontOriginPort(port)) {
    throw new ValidationError(
      scope,
      `${property} must be a port CloudFront connects to an origin on: 80, 443 or 1024-65535, got ${show(port)}`,
    );
  }
  return port;
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
   * The origin's HTTP port: 80, 443 or 1024-65535 (CloudFront's rule).
   * @default 80
   */
  readonly originHttpPort?: number;
  /**
   * The origin's HTTPS port: 80, 443 or 1024-65535 (CloudFront's rule).
   * @default 443
   */
  readonly originHttpsPort?: number;
  /**
   * The HTTP methods CloudFront forwards to the origin. CloudFront accepts exactly three sets:
   * `["GET", "HEAD"]`, `["GET", "HEAD", "OPTIONS"]`, or all seven
   * (`["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]`, for an API origin).
   * @default ["GET", "HEAD"]
   */
  readonly allowedMethods?: readonly string[];
  /**
   * The HTTP methods whose responses CloudFront caches: `["GET", "HEAD"]` or
   * `["GET", "HEAD", "OPTIONS"]`; OPTIONS only when `allowedMethods` forwards it.
   * @default ["GET", "HEAD"]
   */
  readonly cachedMethods?: readonly string[];
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
    const httpPort = checkOriginPort(this, "originHttpPort", props.originHttpPort ?? 80);
    const httpsPort = checkOriginPort(this, "originHttpsPort", props.originHttpsPort ?? 443);
    const allowedMethods = checkMethodSet(
      this,
      "allowedMethods",
      props.allowedMethods ?? ["GET", "HEAD"],
      CLOUDFRONT_ALLOWED_METHOD_SETS,
    );
    const cachedMethods = checkMethodSet(
      this,
      "cachedMethods",
      props.cachedMethods ?? ["GET", "HEAD"],
      CLOUDFRONT_CACHED_METHOD_SETS,
    );
    if (
      !Token.isUnresolved(allowedMethods) &&
      cachedMethods.includes("OPTIONS") &&
      allowedMethods.every(isLiteral) &&
      !allowedMethods.includes("OPTIONS")
    ) {
      throw new ValidationError(
        this,
        `cachedMethods ${show(cachedMethods)} caches OPTIONS, but allowedMethods ${show(allowedMethods)} does not forward it; ` +
          'add "OPTIONS" to allowedMethods or cache ["GET", "HEAD"] only',
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
            httpPort,
            httpsPort,
            originProtocolPolicy,
            originSslProtocols: ["TLSv1.2"],
          },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: originId,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods,
        cachedMethods,
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
        property: "aliases",
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
