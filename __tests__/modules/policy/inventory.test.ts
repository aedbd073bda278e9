/**
 * The inventory report on every example stack: every certificate appears once, with the right
 * attachments (written literally below), and the Mermaid block parses back into edges between
 * defined nodes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Testing } from "cdktf";
import { examples } from "../../../examples";
import {
  certificateRows,
  inventoryMarkdown,
  mermaidDiagram,
  privateCaCost,
  stackNameOf,
} from "../../../modules/policy/inventory";
import { checkConfig } from "../../../modules/policy/rule-pack";
import { parseTerraformConfig, TerraformConfig } from "../../../modules/policy/terraform-config";

let configs: TerraformConfig[];
let outdir: string;
beforeAll(() => {
  // A real synth (aspects included, such as monitorAll's alarms), read back as `npm run synth` writes it.
  const app = Testing.app();
  for (const register of Object.values(examples)) register(app);
  app.synth();
  outdir = app.outdir;
  // Every stack the app holds: an example may register more than one (split-dns: three).
  configs = fs
    .readdirSync(path.join(outdir, "stacks"))
    .sort()
    .map((name) => {
      const file = path.join(outdir, "stacks", name, "cdk.tf.json");
      return parseTerraformConfig(
        JSON.parse(fs.readFileSync(file, "utf8")),
        `cdktf.out/stacks/${name}/cdk.tf.json`,
      );
    });
});
afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
});

/** Parses a Mermaid flowchart back: node labels by id, edges as [from label, to label]. */
function parseMermaid(block: string): { labels: Map<string, string>; edges: [string, string][] } {
  const lines = block.split("\n");
  expect(lines[0]).toBe("flowchart LR");
  const labels = new Map<string, string>();
  const raw: [string, string][] = [];
  let depth = 0;
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^\s*subgraph (\w+)\["([^"]+)"\]$/.exec(line))) depth++;
    else if (/^\s*end$/.test(line)) depth--;
    else if ((m = /^\s*(\w+)\["([^"]+)"\]$/.exec(line))) {
      expect(labels.has(m[1])).toBe(false);
      labels.set(m[1], m[2]);
    } else if ((m = /^\s*(\w+) --> (\w+)$/.exec(line))) raw.push([m[1], m[2]]);
    else throw new Error(`unparsed Mermaid line: ${JSON.stringify(line)}`);
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  const edges = raw.map(([a, b]): [string, string] => {
    expect(labels.has(a) && labels.has(b)).toBe(true);
    return [labels.get(a)!, labels.get(b)!];
  });
  return { labels, edges };
}

test("stackNameOf: the folder under stacks/, else the file name", () => {
  expect(stackNameOf("cdktf.out/stacks/alb-https/cdk.tf.json")).toBe("alb-https");
  expect(stackNameOf("/x/main.tf.json")).toBe("main.tf.json");
});

test("every certificate of every example appears once, with its attachments", () => {
  const rows = configs.flatMap(certificateRows);
  expect(
    rows.map((r) => [
      r.stack,
      r.address.replace(/_[0-9A-F]{8}$/, ""),
      r.kind,
      r.attachments.map((a) => a.replace(/_[0-9A-F]{8}$/, "")),
    ]),
  ).toEqual([
    [
      "alb-https",
      "aws_acm_certificate.Certificate",
      "public",
      ["listener aws_lb_listener.Https_Listener"],
    ],
    [
      "alb-https",
      "aws_acm_certificate.Certificate_shop_Certificate",
      "public",
      ["listener aws_lb_listener_certificate.Https_SniCertificates_shop"],
    ],
    [
      "api-gateway-http",
      "aws_acm_certificate.HttpApi_Certificate",
      "public",
      ["domain aws_apigatewayv2_domain_name.HttpApi_Domain_DomainName"],
    ],
    [
      "api-gateway-rest",
      "aws_acm_certificate.Edge_Certificate",
      "public",
      ["domain aws_api_gateway_domain_name.Edge_Domain_DomainName"],
    ],
    [
      "api-gateway-rest",
      "aws_acm_certificate.Regional_Certificate",
      "public",
      ["domain aws_api_gateway_domain_name.Regional_Domain_DomainName"],
    ],
    [
      "cloudfront",
      "aws_acm_certificate.Certificate",
      "public",
      ["distribution aws_cloudfront_distribution.Distribution"],
    ],
    ["dns-validated-certificate", "aws_acm_certificate.site_Certificate", "public", []],
    [
      "elastic-beanstalk",
      "aws_acm_certificate.Certificate",
      "public",
      ["environment aws_elastic_beanstalk_environment.Environment"],
    ],
    [
      "existing-estate",
      "aws_acm_certificate.Certificate",
      "public",
      ["listener aws_lb_listener.Https_Listener"],
    ],
    [
      "imported-certificate",
      "aws_acm_certificate.Certificate",
      "imported",
      ["listener aws_lb_listener.Https_Listener"],
    ],
    ["monitoring", "aws_acm_certificate.Api_Certificate", "public", []],
    [
      "mtls-alb",
      "aws_acm_certificate.Certificate",
      "public",
      ["listener aws_lb_listener.Https_Listener"],
    ],
    [
      "mtls-api-gateway",
      "aws_acm_certificate.PartnerApi_Certificate",
      "public",
      ["domain aws_apigatewayv2_domain_name.PartnerApi_Domain_DomainName"],
    ],
    ["multi-zone-cross-account", "aws_acm_certificate.shop_Certificate", "public", []],
    [
      "nlb-tls",
      "aws_acm_certificate.Certificate",
      "public",
      ["listener aws_lb_listener.Tls_Listener"],
    ],
    [
      "private-ca",
      "aws_acm_certificate.Internal_Certificate",
      "private",
      ["listener aws_lb_listener.InternalListener"],
    ],
    // Attached from other stacks, if at all: the certificate stack holds only the request.
    ["split-dns-certificate", "aws_acm_certificate.site_Certificate", "public", []],
  ]);
});

test("the other columns, on three kinds of certificate", () => {
  const rows = configs.flatMap(certificateRows);
  const cloudfront = rows.find((r) => r.stack === "cloudfront")!;
  expect(cloudfront).toMatchObject({
    names: ["www.example.com", "example.com"],
    validation: "DNS (Z0EXAMPLE00000000001)",
    region: "us-east-1",
    monitoring: [],
    keyAlgorithm: "RSA_2048",
  });
  const imported = rows.find((r) => r.stack === "imported-certificate")!;
  expect(imported).toMatchObject({
    validation: "none",
    region: "eu-west-1",
    monitoring: ["alarm"],
  });
  const monitored = rows.find((r) => r.stack === "monitoring")!;
  expect(monitored.monitoring).toEqual(["alarm", "events", "config rule"]);
  // A zone id from another state is unknown at synth: said so, not guessed.
  const estate = rows.find((r) => r.stack === "existing-estate")!;
  expect(estate.validation).toBe("DNS (zone unknown at synth)");
  const multi = rows.find((r) => r.stack === "multi-zone-cross-account")!;
  expect(multi.validation).toBe("DNS (Z0EXAMPLE00000000002, Z0EXAMPLE00000000003)");
});

test("the Mermaid block parses back: every certificate is a node, and the chains are right", () => {
  const { labels, edges } = parseMermaid(mermaidDiagram(configs));
  const strip = (s: string) => s.replace(/_[0-9A-F]{8}$/, "");
  const certificates = [...labels.values()].filter((l) => l.startsWith("aws_acm_certificate."));
  expect(certificates).toHaveLength(17);
  // cloudfront: certificate → 2 validation records → distribution → 4 alias records.
  const first = (label: string) => [...labels.entries()].find(([, l]) => l === label)?.[0];
  expect(first("aws_acm_certificate.Certificate_2C1F85B7")).toBeDefined();
  const cf = edges
    .map(([a, b]) => [strip(a), strip(b)])
    .filter(
      ([a, b]) =>
        /Distribution|acm_validation_(www_)?example_com$/.test(a + b) && !/Https|Tls/.test(a + b),
    );
  expect(cf).toEqual(
    expect.arrayContaining([
      ["aws_acm_certificate.Certificate", "aws_route53_record.acm_validation_example_com"],
      ["aws_route53_record.acm_validation_example_com", "aws_cloudfront_distribution.Distribution"],
      [
        "aws_route53_record.acm_validation_www_example_com",
        "aws_cloudfront_distribution.Distribution",
      ],
      [
        "aws_cloudfront_distribution.Distribution",
        "aws_route53_record.Distribution_AliasRecords_example_com_A",
      ],
      [
        "aws_cloudfront_distribution.Distribution",
        "aws_route53_record.Distribution_AliasRecords_www_example_com_AAAA",
      ],
    ]),
  );
  // private-ca: no validation records, the certificate links to its listener directly.
  expect(edges.map(([a, b]) => [strip(a), strip(b)])).toContainEqual([
    "aws_acm_certificate.Internal_Certificate",
    "aws_lb_listener.InternalListener",
  ]);
  // alb-https: the SNI certificate's aliases hang off its listener certificate, not the main listener.
  const fromSni = edges
    .filter(([a]) => a.startsWith("aws_lb_listener_certificate."))
    .map(([, b]) => strip(b));
  expect(fromSni.sort()).toEqual([
    "aws_route53_record.Https_AliasRecords_shop_example_org_A",
    "aws_route53_record.Https_AliasRecords_shop_example_org_AAAA",
  ]);
});

test("the cost line: three hierarchies of two general-purpose CAs, six CA certificates", () => {
  const cost = privateCaCost(configs)!;
  // 6 CAs x $400 (PRIVATE_CA_PRICES.generalPurposeCaPerMonth); 6 CA certificates x $0.75 once.
  expect(cost.estimate.monthlyUsd).toBe(2400);
  expect(cost.estimate.oneTimeUsd).toBe(4.5);
  expect(cost.privateCertificates).toBe(1);
  expect(privateCaCost([configs.find((c) => c.source.includes("/cloudfront/"))!])).toBeUndefined();
});

test("the Markdown holds the table, one mermaid block, the cost line and the findings", () => {
  const md = inventoryMarkdown(
    configs,
    configs.flatMap((c) => checkConfig(c)),
  );
  const tableRows = md
    .split("\n")
    .filter((l) => l.startsWith("| ") && l.includes("`aws_acm_certificate."));
  expect(tableRows).toHaveLength(17);
  expect(md.match(/```mermaid\n/g)).toHaveLength(1);
  expect(md).toContain("**Estimated Private CA cost:** $2400.00 per month (6 general-purpose CA)");
  expect(md).toContain("## Guardrail findings: 0 error(s), 4 warning(s), 0 suppressed");
});
