/**
 * The TLS inventory of Terraform JSON configurations, for `npm run report`: one row per
 * certificate, a Mermaid diagram (certificate → validation records → attachments → DNS alias
 * records), the Private CA cost line and the guardrail findings, as Markdown fit for a
 * pull-request comment.
 */
import * as path from "node:path";
import { estimatePrivateCaCost, PrivateCaCostEstimate } from "../private-ca/cost";
import { certificateKind, usesOf, validationsOf } from "./certificate-attachments";
import { findingRows, summarize, TABLE_HEADERS } from "./output";
import {
  blockOf,
  literalString,
  referencesIn,
  refersTo,
  TerraformConfig,
  TfResource,
} from "./terraform-config";
import { Finding } from "./types";

export interface CertificateRow {
  readonly stack: string;
  readonly address: string;
  readonly names: string[];
  readonly kind: "public" | "private" | "imported";
  /** `DNS (Z1, Z2)`, `DNS (zones not in this configuration)`, `email` or `none`. */
  readonly validation: string;
  readonly region: string;
  /** `listener aws_lb_listener.X`, `distribution ...`, `domain ...`, `environment ...`. */
  readonly attachments: string[];
  /** `alarm`, `events`, `config rule`; empty when nothing watches it. */
  readonly monitoring: string[];
  readonly keyAlgorithm: string;
}

const ATTACHMENT_KIND: Record<string, string> = {
  aws_lb_listener: "listener",
  aws_alb_listener: "listener",
  aws_lb_listener_certificate: "listener",
  aws_alb_listener_certificate: "listener",
  aws_cloudfront_distribution: "distribution",
  aws_api_gateway_domain_name: "domain",
  aws_apigatewayv2_domain_name: "domain",
  aws_elastic_beanstalk_environment: "environment",
};

/** A stack's name: `<name>` for `.../stacks/<name>/cdk.tf.json`, else the file's path. */
export function stackNameOf(source: string): string {
  const parts = source.split(/[\\/]/);
  const n = parts.length;
  return n >= 3 && parts[n - 1] === "cdk.tf.json" && parts[n - 3] === "stacks"
    ? parts[n - 2]
    : path.basename(source);
}

/** The Route 53 records that read a certificate's domain_validation_options (indexed once). */
export function validationRecordsOf(
  certificate: TfResource,
  config: TerraformConfig,
): TfResource[] {
  const index = config.memo("validationRecordsByCertificate", () => {
    const m = new Map<string, TfResource[]>();
    for (const r of config.resourcesOf("aws_route53_record")) {
      const targets = new Set(
        referencesIn([r.config.name, r.config.records])
          .filter((ref) => ref.attribute === "domain_validation_options")
          .map((ref) => `${ref.type}.${ref.name}`),
      );
      for (const t of targets) m.set(t, [...(m.get(t) ?? []), r]);
    }
    return m;
  });
  return index.get(certificate.address) ?? [];
}

/**
 * The alias records that point at an attachment: by reference when the alias target is an
 * expression (CloudFront, API Gateway), else by one of the certificate's names (a literal load
 * balancer DNS name). Indexed once per configuration.
 */
export function aliasRecordsOf(
  attachment: TfResource,
  certificateNames: readonly string[],
  config: TerraformConfig,
): TfResource[] {
  const index = config.memo("aliasRecords", () => {
    const byTarget = new Map<string, TfResource[]>();
    const byName = new Map<string, TfResource[]>();
    for (const r of config.resourcesOf("aws_route53_record")) {
      const alias = blockOf(r.config.alias);
      if (!alias) continue;
      const refs = referencesIn(alias).filter((ref) => ref.type !== "aws_route53_record");
      if (refs.length > 0) {
        for (const t of new Set(refs.map((ref) => `${ref.type}.${ref.name}`))) {
          byTarget.set(t, [...(byTarget.get(t) ?? []), r]);
        }
      } else {
        const name = literalString(r.config.name);
        if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), r]);
      }
    }
    return { byTarget, byName };
  });
  const found = [
    ...(index.byTarget.get(attachment.address) ?? []),
    ...certificateNames.flatMap((n) => index.byName.get(n) ?? []),
  ];
  return [...new Set(found)];
}

function namesOf(c: TfResource): string[] {
  if (certificateKind(c) === "imported") return ["(from the PEM)"];
  const sans = Array.isArray(c.config.subject_alternative_names)
    ? c.config.subject_alternative_names
    : [];
  return [c.config.domain_name, ...sans].map((n) => literalString(n) ?? "(unknown at synth)");
}

function monitoringOf(c: TfResource, config: TerraformConfig): string[] {
  const validations = validationsOf(c, config);
  const out: string[] = [];
  const alarmed = config.resourcesOf("aws_cloudwatch_metric_alarm").some((a) => {
    const arn = blockOf(a.config.dimensions)?.CertificateArn;
    return (
      literalString(a.config.metric_name) === "DaysToExpiry" &&
      (refersTo(arn, c, ["arn", "id"]) ||
        validations.some((v) => refersTo(arn, v, ["certificate_arn", "id"])))
    );
  });
  if (alarmed) out.push("alarm");
  const events = config.resourcesOf("aws_cloudwatch_event_rule").some((e) => {
    const pattern = literalString(e.config.event_pattern);
    return pattern !== undefined && pattern.includes('"aws.acm"');
  });
  if (events) out.push("events");
  const rule = config.resourcesOf("aws_config_config_rule").some((r) => {
    const source = blockOf(r.config.source);
    return literalString(source?.source_identifier) === "ACM_CERTIFICATE_EXPIRATION_CHECK";
  });
  if (rule) out.push("config rule");
  return out;
}

function validationOf(c: TfResource, config: TerraformConfig): string {
  const method = literalString(c.config.validation_method);
  if (method === "EMAIL") return "email";
  if (method !== "DNS") return "none";
  const zones = [
    ...new Set(
      validationRecordsOf(c, config).map(
        (r) => literalString(r.config.zone_id) ?? "zone unknown at synth",
      ),
    ),
  ];
  return zones.length > 0 ? `DNS (${zones.join(", ")})` : "DNS (records not in this configuration)";
}

/** One row per `aws_acm_certificate` of a configuration. */
export function certificateRows(config: TerraformConfig): CertificateRow[] {
  const stack = stackNameOf(config.source);
  const certificates = [...config.resourcesOf("aws_acm_certificate")].sort((a, b) =>
    a.address.localeCompare(b.address),
  );
  return certificates.map((c) => {
    const kind = certificateKind(c);
    return {
      stack,
      address: c.address,
      names: namesOf(c),
      kind,
      validation: validationOf(c, config),
      region: config.regionOf(c) ?? "(unknown)",
      attachments: [
        ...new Set(
          usesOf(c, config).map((u) => `${ATTACHMENT_KIND[u.resource.type]} ${u.resource.address}`),
        ),
      ],
      monitoring: monitoringOf(c, config),
      // ACM's default for a requested certificate is RSA_2048 (provider docs, key_algorithm).
      keyAlgorithm:
        kind === "imported"
          ? "(from the PEM)"
          : (literalString(c.config.key_algorithm) ?? "RSA_2048"),
    };
  });
}

/** The Private CA cost of configurations, as `monthlyCostEstimate()` computes it for a hierarchy. */
export function privateCaCost(configs: readonly TerraformConfig[]):
  | {
      estimate: PrivateCaCostEstimate;
      privateCertificates: number;
    }
  | undefined {
  const cas = configs.flatMap((c) => c.resourcesOf("aws_acmpca_certificate_authority"));
  if (cas.length === 0) return undefined;
  const mode = (ca: TfResource) => literalString(ca.config.usage_mode) ?? "GENERAL_PURPOSE";
  return {
    estimate: estimatePrivateCaCost({
      generalPurposeCas: cas.filter((ca) => mode(ca) === "GENERAL_PURPOSE").length,
      shortLivedCas: cas.filter((ca) => mode(ca) === "SHORT_LIVED_CERTIFICATE").length,
      caCertificates: configs.flatMap((c) => c.resourcesOf("aws_acmpca_certificate")).length,
    }),
    privateCertificates: configs
      .flatMap((c) => c.resourcesOf("aws_acm_certificate"))
      .filter((c) => certificateKind(c) === "private").length,
  };
}

/** A Mermaid node id from an index: safe in any Mermaid renderer. */
const nodeId = (i: number) => `n${i}`;

/**
 * The Mermaid flowchart: certificate → validation records → attachments → alias records (a
 * certificate without validation records links to its attachments directly). One subgraph per
 * stack; node labels are Terraform addresses.
 */
export function mermaidDiagram(configs: readonly TerraformConfig[]): string {
  const lines = ["flowchart LR"];
  let next = 0;
  for (const config of configs) {
    const ids = new Map<string, string>();
    const node = (r: TfResource) => {
      let id = ids.get(r.address);
      if (id === undefined) {
        id = nodeId(next++);
        ids.set(r.address, id);
        lines.push(`    ${id}["${r.address}"]`);
      }
      return id;
    };
    const edges = new Set<string>();
    const body: string[] = [];
    const stackLines = lines.length;
    for (const cert of config.resourcesOf("aws_acm_certificate")) {
      const c = node(cert);
      const records = validationRecordsOf(cert, config).map(node);
      const attachments = [
        ...new Map(usesOf(cert, config).map((u) => [u.resource.address, u.resource])).values(),
      ];
      for (const r of records) edges.add(`${c} --> ${r}`);
      for (const a of attachments) {
        const aid = node(a);
        for (const from of records.length > 0 ? records : [c]) edges.add(`${from} --> ${aid}`);
        for (const alias of aliasRecordsOf(a, namesOf(cert), config))
          edges.add(`${aid} --> ${node(alias)}`);
      }
    }
    body.push(...edges);
    const nodes = lines.splice(stackLines);
    if (nodes.length === 0) continue;
    const stack = stackNameOf(config.source).replace(/"/g, "'");
    lines.push(
      `  subgraph ${nodeId(next++)}["${stack}"]`,
      ...nodes,
      ...body.map((e) => `    ${e}`),
      "  end",
    );
  }
  return lines.join("\n");
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const usd = (v: number) => `$${v.toFixed(2)}`;

/** The whole report, as Markdown. */
export function inventoryMarkdown(
  configs: readonly TerraformConfig[],
  findings: readonly Finding[],
): string {
  const rows = configs.flatMap(certificateRows);
  const out: string[] = ["# TLS inventory", ""];
  out.push(
    "| Stack | Certificate | Names | Kind | Validation | Region | Attached to | Expiry monitoring | Key algorithm |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        "| " +
        [
          r.stack,
          `\`${r.address}\``,
          r.names.join(", "),
          r.kind,
          r.validation,
          r.region,
          r.attachments.length > 0 ? r.attachments.map((a) => `\`${a}\``).join("<br>") : "nothing",
          r.monitoring.length > 0 ? r.monitoring.join(", ") : "no",
          r.keyAlgorithm,
        ]
          .map(cell)
          .join(" | ") +
        " |",
    ),
    "",
    "```mermaid",
    mermaidDiagram(configs),
    "```",
    "",
  );
  const cost = privateCaCost(configs);
  out.push(
    cost === undefined
      ? "**Estimated Private CA cost:** none (no Private CA in these stacks)."
      : `**Estimated Private CA cost:** ${usd(cost.estimate.monthlyUsd)} per month ` +
          `(${cost.estimate.monthly
            .filter((l) => l.quantity > 0)
            .map((l) => `${l.quantity} ${l.item}`)
            .join(", ")}), ` +
          `plus ${usd(cost.estimate.oneTimeUsd)} once for the CA certificates; ${cost.privateCertificates} ACM private ` +
          `certificate(s), free unless exported. List prices as of ${cost.estimate.pricesAsOf}: ${cost.estimate.source}`,
    "",
  );
  const s = summarize(findings);
  out.push(
    `## Guardrail findings: ${s.errors} error(s), ${s.warnings} warning(s), ${s.suppressed} suppressed`,
    "",
  );
  if (findings.length > 0) {
    out.push(
      `| ${TABLE_HEADERS.join(" | ")} |`,
      `| ${TABLE_HEADERS.map(() => "---").join(" | ")} |`,
      ...findingRows(findings).map((r) => `| ${r.map(cell).join(" | ")} |`),
      "",
    );
  }
  return out.join("\n");
}
