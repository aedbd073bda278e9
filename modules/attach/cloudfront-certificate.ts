import { CloudfrontDistributionViewerCertificate } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { Annotations } from "cdktf";
import { IConstruct } from "constructs";
import { checkIsCertificate, ICertificate } from "../certificate/certificate-ref";
import { domainNameProblem, duplicateNames } from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import {
  AWS_PROVIDER_BINDINGS_VERSION,
  AWS_PROVIDER_VERSION,
  PINNED_AWS_PROVIDER,
} from "../util/provider-version";
import { isLiteral } from "../util/tokens";
import { acceptLegacyTls } from "../policy/legacy-tls";
import { checkCertificateRegion, checkCoverage } from "./attachment-checks";
import { checkCloudFrontKeyAlgorithm } from "./cloudfront-key";

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
 * SNI: those whose minimum protocol is TLS 1.2 and that the pinned AWS provider accepts.
 */
export const CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS = [
  "TLSv1.2_2018",
  "TLSv1.2_2019",
  "TLSv1.2_2021",
] as const;

export type CloudFrontMinimumProtocolVersion =
  (typeof CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS)[number];

/** TLS 1.2 with forward-secret AES-GCM and ChaCha20 ciphers only: the newest policy the pinned provider knows. */
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
 * Policies CloudFront offers since 2025 that the pinned AWS provider rejects at plan: its
 * validator lists SSLv3 ... TLSv1.2_2021 only ("expected minimum_protocol_version to be one of
 * [...], got TLSv1.3_2025"). Shown by `__tests__/plan/cloudfront-api-gateway-limits.test.ts`, and
 * reported upstream as hashicorp/terraform-provider-aws#43840 and #44756.
 */
export const NEWER_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS: readonly string[] = [
  "TLSv1.2_2025",
  "TLSv1.3_2025",
];

/** CloudFront's naming of security policies: `TLSv<version>_<year>`, e.g. `TLSv1.3_2025`. */
const POLICY_PATTERN = /^TLSv\d+(\.\d+)?_\d{4}$/;

export interface CloudFrontViewerCertificateProps {
  /**
   * The certificate viewers see. It must be in us-east-1 (CloudFront reads ACM there only), use
   * a key CloudFront accepts (RSA_2048 or EC_prime256v1 among requested keys; not
   * EC_secp384r1; an unknown key is not checked), and cover every alias. For a `Certificate` of
   * this library, `certificateArn` is the validated ARN, so the distribution waits for issuance.
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
   * TLSv1, TLSv1_2016, TLSv1.1_2016) are rejected as weak. `TLSv1.2_2025` and `TLSv1.3_2025`
   * exist in CloudFront, but the AWS provider this project pins (`AWS_PROVIDER_VERSION`)
   * rejects them at plan, so they are rejected at synth. Another name of the `TLSv<x>_<year>`
   * form is passed through with a warning.
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
  checkIsCertificate(scope, "certificate", certificate);
  checkCertificateRegion(
    scope,
    "certificate",
    certificate,
    CLOUDFRONT_CERTIFICATE_REGION,
    "CloudFront",
  );
  checkCloudFrontKeyAlgorithm(scope, "certificate", certificate, "CloudFront");
  const aliases = checkCloudFrontAliases(scope, props.aliases);
  checkCoverage(scope, "aliases", aliases, [certificate]);
  return {
    aliases: [...aliases],
    viewerCertificate: {
      acmCertificateArn: certificate.certificateArn,
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: checkMinimumProtocolVersion(scope, props.minimumProtocolVersion),
    },
  };
}

/**
 * Checks a distribution's `aliases` on their own, before any certificate is involved: a
 * non-empty list of valid, distinct names (tokens pass unchecked). Errors name `aliases[i]`.
 */
export function checkCloudFrontAliases(
  scope: IConstruct,
  aliases: readonly string[],
): readonly string[] {
  if (!Array.isArray(aliases) || aliases.length === 0) {
    throw new ValidationError(
      scope,
      `aliases must name at least one alternate domain name: a distribution with a custom certificate serves only its aliases, got ${show(aliases)}`,
    );
  }
  aliases.forEach((alias, i) => {
    if (typeof alias !== "string" || alias === "") {
      throw new ValidationError(scope, `aliases[${i}] must be a domain name, got ${show(alias)}`);
    }
    const problem = isLiteral(alias) ? domainNameProblem(alias) : undefined;
    if (problem) throw new ValidationError(scope, `aliases[${i}] ${problem}: ${show(alias)}`);
  });
  const dups = duplicateNames(aliases.filter(isLiteral));
  if (dups.length > 0) {
    throw new ValidationError(
      scope,
      `aliases must not repeat a name, got ${dups.map((d) => show(d)).join(", ")} more than once`,
    );
  }
  return aliases;
}

/** The security policy to use: the default when unset, a token as is, else a checked literal. */
export function checkMinimumProtocolVersion(scope: IConstruct, value: string | undefined): string {
  if (value === undefined) return DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION;
  if (!isLiteral(value)) return value;
  const allowed = CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS.map((v) => show(v)).join(", ");
  if ((CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS as readonly string[]).includes(value)) return value;
  if (WEAK_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS.includes(value)) {
    if (acceptLegacyTls(scope, "TLS005", "minimumProtocolVersion", value)) return value;
    throw new ValidationError(
      scope,
      `minimumProtocolVersion must require TLS 1.2 or newer (${allowed}), got ${show(value)}, ` +
        "which still lets viewers negotiate SSLv3, TLS 1.0 or TLS 1.1" +
        '; to serve legacy clients for a while, call allowLegacyTls(<a parent scope>, "TLS005", "<reason>") before creating this construct',
    );
  }
  if (NEWER_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS.includes(value)) {
    throw new ValidationError(
      scope,
      `minimumProtocolVersion ${show(value)} exists in CloudFront, but AWS provider ${AWS_PROVIDER_VERSION} ` +
        `(pinned by this project through @cdktf/provider-aws ${AWS_PROVIDER_BINDINGS_VERSION}) rejects it at plan ("expected minimum_protocol_version to be one of [...]"); ` +
        `use one of ${allowed}`,
    );
  }
  if (POLICY_PATTERN.test(value)) {
    Annotations.of(scope).addWarning(
      `minimumProtocolVersion ${show(value)} is not a CloudFront security policy this library knows (${allowed}); ` +
        `it is passed through, and ${PINNED_AWS_PROVIDER} checks it at plan`,
    );
    return value;
  }
  throw new ValidationError(
    scope,
    `minimumProtocolVersion must be one of ${allowed}, got ${show(value)}`,
  );
}
