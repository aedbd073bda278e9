/**
 * Guardrail check benchmark child: synthesizes either every example stack, or one synthetic
 * stack of 1,000 DNS-validated certificates each on its own ALB HTTPS listener, into a temporary
 * directory; then times `runCheck` (the code behind `npm run check`) over the result and prints
 * {"ms": ..., "resources": ..., "errors": ...}. Synth is not timed; only the check is.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { examples } from "../../examples";
import { AlbHttpsListener } from "../../modules/attach/alb-https-listener";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { runCheck } from "../check";

const mode = process.argv[2];
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "tls-bench-check-"));
try {
  const app = new App({ outdir });
  if (mode === "examples") {
    for (const register of Object.values(examples)) register(app);
  } else if (mode === "synthetic") {
    const stack = new TerraformStack(app, "check-scale");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const zones = [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }];
    for (let i = 0; i < 1000; i++) {
      const certificate = new Certificate(stack, `Cert${i}`, {
        domainName: `svc${i}.example.com`,
        validation: CertificateValidation.fromDns(zones),
      });
      new AlbHttpsListener(stack, `Https${i}`, {
        loadBalancerArn: `arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web${i}/0123456789abcdef`,
        targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web${i}/0123456789abcdef`,
        certificate,
      });
    }
  } else {
    throw new Error(`usage: check-scale.ts examples|synthetic, got ${mode}`);
  }
  app.synth();
  const files = fs
    .readdirSync(path.join(outdir, "stacks"))
    .map((s) => path.join(outdir, "stacks", s, "cdk.tf.json"));
  const resources = files
    .map((f) => JSON.parse(fs.readFileSync(f, "utf8")).resource ?? {})
    .reduce(
      (n: number, r: Record<string, object>) =>
        n + Object.values(r).reduce((m: number, byName) => m + Object.keys(byName).length, 0),
      0,
    );
  const started = process.hrtime.bigint();
  const result = runCheck([outdir, "--format", "json"]);
  if (result.code === 2) throw new Error(result.stderr);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const errors = (JSON.parse(result.stdout || "{}").summary?.errors as number | undefined) ?? -1;
  console.log(JSON.stringify({ ms, resources, errors, code: result.code }));
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
