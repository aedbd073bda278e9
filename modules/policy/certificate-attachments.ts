/**
 * Where a configuration attaches ACM certificates, and which certificate each attachment uses.
 * Shared by the rules that follow a certificate ARN (TLS001, TLS002, TLS009) and the report.
 */
import { blockOf, blocksOf, referencesIn, TerraformConfig, TfResource } from "./terraform-config";

/** One place that takes a certificate ARN. */
export interface CertificateSlot {
  /** The attaching resource: a listener, a distribution, a domain name, an environment. */
  readonly resource: TfResource;
  /** The attribute, e.g. `viewer_certificate.acm_certificate_arn`. */
  readonly attribute: string;
  /** The expression or literal ARN in it. */
  readonly value: string;
}

/** How an attachment reaches a certificate of the configuration. */
export interface CertificateUse extends CertificateSlot {
  readonly certificate: TfResource;
  /** True when the ARN comes from `aws_acm_certificate_validation.<name>.certificate_arn`. */
  readonly validated: boolean;
}

/** What each resource type attaches, as `attribute` → value(s). */
const SLOT_READERS: Record<string, (c: TfResource["config"]) => [string, unknown][]> = {
  aws_lb_listener: (c) => [["certificate_arn", c.certificate_arn]],
  aws_alb_listener: (c) => [["certificate_arn", c.certificate_arn]],
  aws_lb_listener_certificate: (c) => [["certificate_arn", c.certificate_arn]],
  aws_alb_listener_certificate: (c) => [["certificate_arn", c.certificate_arn]],
  aws_cloudfront_distribution: (c) => [
    ["viewer_certificate.acm_certificate_arn", blockOf(c.viewer_certificate)?.acm_certificate_arn],
  ],
  aws_api_gateway_domain_name: (c) => [
    ["certificate_arn", c.certificate_arn],
    ["regional_certificate_arn", c.regional_certificate_arn],
  ],
  aws_apigatewayv2_domain_name: (c) => [
    [
      "domain_name_configuration.certificate_arn",
      blockOf(c.domain_name_configuration)?.certificate_arn,
    ],
  ],
  // Elastic Beanstalk: option aws:elbv2:listener:<port> SSLCertificateArns (comma-separated).
  aws_elastic_beanstalk_environment: (c) =>
    blocksOf(c.setting)
      .filter((s) => s.name === "SSLCertificateArns")
      .map((s) => [`setting.${String(s.namespace)}.SSLCertificateArns`, s.value]),
};

/** The resource types that attach certificates. */
export const ATTACHING_RESOURCE_TYPES: readonly string[] = Object.keys(SLOT_READERS);

/** Every certificate slot of one attaching resource that holds a string. */
export function slotsOf(resource: TfResource): CertificateSlot[] {
  const read = SLOT_READERS[resource.type];
  if (!read) return [];
  return read(resource.config)
    .filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")
    .map(([attribute, value]) => ({ resource, attribute, value }));
}

/**
 * The certificates of the configuration an expression points to: `aws_acm_certificate.X.arn`
 * (or `.id`, which is the ARN too), or `aws_acm_certificate_validation.V.certificate_arn`
 * (or `.id`) whose `certificate_arn` points to X.
 */
export function certificatesIn(
  value: unknown,
  config: TerraformConfig,
): { certificate: TfResource; validated: boolean }[] {
  const out: { certificate: TfResource; validated: boolean }[] = [];
  for (const ref of referencesIn(value)) {
    if (ref.type === "aws_acm_certificate" && (ref.attribute === "arn" || ref.attribute === "id")) {
      const certificate = config.resolve(ref);
      if (certificate) out.push({ certificate, validated: false });
    } else if (
      ref.type === "aws_acm_certificate_validation" &&
      (ref.attribute === "certificate_arn" || ref.attribute === "id")
    ) {
      const validation = config.resolve(ref);
      for (const r of referencesIn(validation?.config.certificate_arn)) {
        const certificate = r.type === "aws_acm_certificate" ? config.resolve(r) : undefined;
        if (certificate) out.push({ certificate, validated: true });
      }
    }
  }
  return out;
}

/** Every use of a configuration's certificate by an attaching resource (computed once). */
export function certificateUses(config: TerraformConfig): CertificateUse[] {
  return config.memo("certificateUses", () =>
    config
      .resourcesOf(...ATTACHING_RESOURCE_TYPES)
      .flatMap(slotsOf)
      .flatMap((slot) => certificatesIn(slot.value, config).map((c) => ({ ...slot, ...c }))),
  );
}

/** The uses of one certificate. */
export function usesOf(certificate: TfResource, config: TerraformConfig): CertificateUse[] {
  const index = config.memo("certificateUsesByAddress", () => {
    const m = new Map<string, CertificateUse[]>();
    for (const u of certificateUses(config)) {
      const list = m.get(u.certificate.address) ?? [];
      list.push(u);
      m.set(u.certificate.address, list);
    }
    return m;
  });
  return index.get(certificate.address) ?? [];
}

/** The `aws_acm_certificate_validation` resources of a certificate (computed once). */
export function validationsOf(certificate: TfResource, config: TerraformConfig): TfResource[] {
  const index = config.memo("validationsByCertificate", () => {
    const m = new Map<string, TfResource[]>();
    for (const v of config.resourcesOf("aws_acm_certificate_validation")) {
      for (const r of referencesIn(v.config.certificate_arn)) {
        if (r.type !== "aws_acm_certificate") continue;
        const key = `${r.type}.${r.name}`;
        m.set(key, [...(m.get(key) ?? []), v]);
      }
    }
    return m;
  });
  return index.get(certificate.address) ?? [];
}

/** The kind of an `aws_acm_certificate`: imported (`private_key`), private (a CA ARN) or public. */
export function certificateKind(certificate: TfResource): "imported" | "private" | "public" {
  if (certificate.config.private_key !== undefined) return "imported";
  if (certificate.config.certificate_authority_arn !== undefined) return "private";
  return "public";
}
