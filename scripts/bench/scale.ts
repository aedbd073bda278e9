/**
 * Scale benchmark child: 1,000 certificates with 3 names each across 50 zones, either through
 * our constructs or as the same resources written as plain provider resources. Builds and
 * synthesizes into a temporary directory, then prints {"ms": ..., "maxRssMb": ..., "resources": ...}.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { App, TerraformStack } from "cdktf";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { validationOptionExpression } from "../../modules/dns/validation-records";
import { nameSlug, validationNames } from "../../modules/util/domain-name";

const mode = process.argv[2];
const CERTIFICATES = 1000;
const ZONES = 50;

const zones = Array.from({ length: ZONES }, (_, i) => ({
  zoneId: `Z${String(i).padStart(19, "0")}`,
  zoneName: `zone${i}.example`,
}));
const certs = Array.from({ length: CERTIFICATES }, (_, i) => {
  const zone = zones[i % ZONES];
  const base = `svc${i}.${zone.zoneName}`;
  return { id: `cert${i}`, zone, names: [base, `*.${base}`, `api.${base}`] };
});

const started = process.hrtime.bigint();
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "tls-bench-"));
const app = new App({ outdir });
const stack = new TerraformStack(app, "scale");
new AwsProvider(stack, "aws", { region: "eu-west-1" });
let resources = 0;

if (mode === "constructs") {
  const validation = CertificateValidation.fromDns(zones);
  for (const c of certs) {
    new Certificate(stack, c.id, {
      domainName: c.names[0],
      subjectAlternativeNames: c.names.slice(1),
      validation,
    });
  }
} else if (mode === "plain") {
  for (const c of certs) {
    const cert = new AcmCertificate(stack, `${c.id}_cert`, {
      domainName: c.names[0],
      subjectAlternativeNames: c.names.slice(1),
      validationMethod: "DNS",
      keyAlgorithm: "RSA_2048",
      options: { certificateTransparencyLoggingPreference: "ENABLED" },
      lifecycle: { createBeforeDestroy: true },
    });
    const fqdns = validationNames(c.names).map((name) => {
      const record = new Route53Record(stack, `acm_validation_${nameSlug(name)}`, {
        zoneId: c.zone.zoneId,
        name: validationOptionExpression(cert, name, "resource_record_name"),
        type: validationOptionExpression(cert, name, "resource_record_type"),
        records: [validationOptionExpression(cert, name, "resource_record_value")],
        ttl: 60,
        allowOverwrite: true,
      });
      return record.fqdn;
    });
    new AcmCertificateValidation(stack, `${c.id}_validation`, {
      certificateArn: cert.arn,
      validationRecordFqdns: fqdns,
    });
  }
} else {
  console.error(`usage: scale.ts constructs|plain, got ${mode}`);
  process.exit(2);
}
app.synth();
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const json = JSON.parse(
  fs.readFileSync(path.join(outdir, "stacks", "scale", "cdk.tf.json"), "utf8"),
);
for (const type of Object.values(json.resource as Record<string, object>))
  resources += Object.keys(type).length;
fs.rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, resources }));
