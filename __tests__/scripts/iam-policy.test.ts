/**
 * `npm run iam-policy`: every example's resource and data source types have a table entry, no
 * policy holds a `*` or `service:*` action, Route 53 record actions are scoped to exactly the
 * zones the records use, S3 actions to the buckets the stack names, and state statements appear
 * only when TF_STATE_* is set.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Testing } from "cdktf";
import { examples } from "../../examples";
import { runIamPolicy } from "../../scripts/iam-policy";
import {
  DATA_SOURCE_PERMISSIONS,
  RESOURCE_PERMISSIONS,
  SERVICE_SOURCES,
  allTableActions,
} from "../../scripts/iam-policy/permissions";
import {
  DEPLOY_ROLE,
  generatePolicy,
  PolicyDocument,
  PolicyResult,
  StackJson,
  UnknownTypeError,
} from "../../scripts/iam-policy/policy";

const root = path.join(__dirname, "..", "..");
let tmp: string;

/** Every stack each example registers, synthesized in process (validations on) into `tmp`. */
const apps = new Map<string, { outdir: string; stacks: StackJson[] }>();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-iam-policy-test-"));
  for (const [name, register] of Object.entries(examples)) {
    const outdir = path.join(tmp, name);
    const app = Testing.app({ outdir });
    register(app);
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    const stacks = Object.values(
      manifest.stacks as Record<string, { name: string; synthesizedStackPath: string }>,
    ).map((s) => ({
      name: s.name,
      json: JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8")),
    }));
    apps.set(name, { outdir, stacks });
  }
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const exampleNames = Object.keys(examples).sort();

const documents = (r: PolicyResult): PolicyDocument[] => [
  r.deployRole,
  ...Object.values(r.assumedRoles),
];
const statementsWith = (doc: PolicyDocument, action: string) =>
  doc.Statement.filter((s) => s.Action.includes(action));
const resourcesOf = (doc: PolicyDocument, action: string) =>
  statementsWith(doc, action)
    .flatMap((s) => s.Resource)
    .sort();
const actionsOf = (doc: PolicyDocument) => doc.Statement.flatMap((s) => s.Action);

/** The types in a stack's JSON, read here without the code under test. */
function typesOf(json: any): { resources: string[]; data: string[]; modules: string[] } {
  return {
    resources: Object.keys(json.resource ?? {}),
    data: Object.keys(json.data ?? {}),
    modules: Object.keys(json.module ?? {}),
  };
}

describe("every example", () => {
  test("registers at least one stack", () => {
    expect(exampleNames.length).toBeGreaterThan(0);
    for (const name of exampleNames) expect(apps.get(name)!.stacks.length).toBeGreaterThan(0);
  });

  test.each(exampleNames)("%s: every resource and data source type has a table entry", (name) => {
    for (const stack of apps.get(name)!.stacks) {
      const { resources, data, modules } = typesOf(stack.json);
      expect(resources.length).toBeGreaterThan(0);
      for (const t of resources) expect(Object.keys(RESOURCE_PERMISSIONS)).toContain(t);
      for (const t of data) expect(Object.keys(DATA_SOURCE_PERMISSIONS)).toContain(t);
      expect(modules).toEqual([]);
    }
    expect(() => generatePolicy(apps.get(name)!.stacks)).not.toThrow();
  });

  test.each(exampleNames)(
    "%s: no `*` or `service:*` action, every action from a table, deploy and read-only",
    (name) => {
      const table = allTableActions();
      for (const readOnly of [false, true]) {
        const result = generatePolicy(apps.get(name)!.stacks, { readOnly });
        for (const doc of documents(result)) {
          expect(doc.Statement.length).toBeGreaterThan(0);
          for (const s of doc.Statement) {
            expect(s.Effect).toBe("Allow");
            expect(s.Resource.length).toBeGreaterThan(0);
            for (const action of s.Action) {
              expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
              expect(action).not.toContain("*");
              expect(table.has(action)).toBe(true);
            }
          }
        }
      }
    },
  );

  test.each(exampleNames)(
    "%s: Route 53 record actions only on the zones its records use (the zone's provider's role)",
    (name) => {
      for (const stack of apps.get(name)!.stacks) {
        const json = stack.json as any;
        const records: any[] = Object.values(json.resource.aws_route53_record ?? {});
        // Expected zones per provider key, read from the JSON.
        const expected = new Map<string, Set<string>>();
        for (const r of records) {
          const key = r.provider ?? "aws";
          if (!expected.has(key)) expected.set(key, new Set());
          // A zone id known only at apply (a remote-state output, in existing-estate) cannot
          // scope the statement: any zone, and only then.
          const zone = String(r.zone_id).includes("${") ? "*" : r.zone_id;
          expected.get(key)!.add(`arn:aws:route53:::hostedzone/${zone}`);
        }
        const result = generatePolicy([stack]);
        const roleOf = (providerKey: string) => {
          const alias = providerKey.split(".")[1];
          const block = (json.provider.aws as any[]).find((p) => p.alias === alias);
          return block?.assume_role?.[0]?.role_arn ?? DEPLOY_ROLE;
        };
        const byRole = new Map<string, string[]>();
        for (const [key, zones] of expected) {
          const role = roleOf(key);
          byRole.set(role, [...(byRole.get(role) ?? []), ...zones]);
        }
        for (const [role, zones] of byRole) {
          const doc = role === DEPLOY_ROLE ? result.deployRole : result.assumedRoles[role];
          expect(resourcesOf(doc, "route53:ChangeResourceRecordSets")).toEqual(
            [...new Set(zones)].sort(),
          );
          expect(resourcesOf(doc, "route53:GetChange")).toEqual(["arn:aws:route53:::change/*"]);
        }
        if (records.length === 0) {
          for (const doc of documents(result)) {
            expect(actionsOf(doc)).not.toContain("route53:ChangeResourceRecordSets");
          }
        }
      }
    },
  );
});

describe("scoping, with literal expectations", () => {
  const policy = (example: string, options = {}) =>
    generatePolicy(apps.get(example)!.stacks, options);

  test("alb-https: record changes in exactly its two zones", () => {
    expect(resourcesOf(policy("alb-https").deployRole, "route53:ChangeResourceRecordSets")).toEqual(
      [
        "arn:aws:route53:::hostedzone/Z0EXAMPLE00000000001",
        "arn:aws:route53:::hostedzone/Z0EXAMPLE00000000002",
      ],
    );
  });

  test("multi-zone-cross-account: its own zone for the deploy role, the central zone for the DNS role", () => {
    const result = policy("multi-zone-cross-account");
    const dnsRole = "arn:aws:iam::222222222222:role/route53-acm-validation";
    expect(Object.keys(result.assumedRoles)).toEqual([dnsRole]);
    expect(resourcesOf(result.deployRole, "route53:ChangeResourceRecordSets")).toEqual([
      "arn:aws:route53:::hostedzone/Z0EXAMPLE00000000002",
    ]);
    expect(resourcesOf(result.deployRole, "sts:AssumeRole")).toEqual([dnsRole]);
    const dns = result.assumedRoles[dnsRole];
    expect(resourcesOf(dns, "route53:ChangeResourceRecordSets")).toEqual([
      "arn:aws:route53:::hostedzone/Z0EXAMPLE00000000003",
    ]);
    // The DNS role creates records only; the certificate stays with the deploy role.
    expect(actionsOf(dns).filter((a) => a.startsWith("acm:"))).toEqual([]);
    expect(actionsOf(dns)).not.toContain("sts:AssumeRole");
    expect(actionsOf(result.deployRole)).toContain("acm:RequestCertificate");
  });

  test("mtls-alb: S3 actions on the CRL and trust store buckets the stack names", () => {
    const doc = policy("mtls-alb").deployRole;
    expect(resourcesOf(doc, "s3:CreateBucket")).toEqual([
      "arn:aws:s3:::example-corp-partner-crl-111111111111",
      "arn:aws:s3:::example-corp-partner-truststore-111111111111",
    ]);
    expect(resourcesOf(doc, "s3:PutObject")).toEqual([
      "arn:aws:s3:::example-corp-partner-truststore-111111111111/*",
    ]);
    // The trust store reads the pinned version of its bundle.
    expect(resourcesOf(doc, "s3:GetObjectVersion")).toEqual([
      "arn:aws:s3:::example-corp-partner-truststore-111111111111/*",
    ]);
    expect(doc.Statement.flatMap((s) => s.Resource)).not.toContain("arn:aws:s3:::*");
  });

  test("an edge-optimized REST domain adds cloudfront:UpdateDistribution; a regional HTTP API does not", () => {
    expect(actionsOf(policy("api-gateway-rest").deployRole)).toContain(
      "cloudfront:UpdateDistribution",
    );
    expect(actionsOf(policy("api-gateway-http").deployRole)).not.toContain(
      "cloudfront:UpdateDistribution",
    );
  });

  test("imported-certificate imports; no other example does", () => {
    expect(actionsOf(policy("imported-certificate").deployRole)).toContain("acm:ImportCertificate");
    expect(actionsOf(policy("imported-certificate").deployRole)).not.toContain(
      "acm:RequestCertificate",
    );
    expect(actionsOf(policy("alb-https").deployRole)).not.toContain("acm:ImportCertificate");
  });

  test("read-only: refresh actions only, no create, change or delete", () => {
    const doc = policy("alb-https", { readOnly: true }).deployRole;
    const actions = actionsOf(doc);
    expect(actions).toEqual(
      expect.arrayContaining([
        "acm:DescribeCertificate",
        "route53:ListResourceRecordSets",
        "elasticloadbalancing:DescribeListeners",
      ]),
    );
    for (const a of [
      "acm:RequestCertificate",
      "acm:DeleteCertificate",
      "route53:ChangeResourceRecordSets",
      "elasticloadbalancing:CreateListener",
    ]) {
      expect(actions).not.toContain(a);
    }
  });
});

describe("state statements", () => {
  const stacks = () => apps.get("dns-validated-certificate")!.stacks;
  const stateArns = (doc: PolicyDocument) =>
    doc.Statement.filter((s) => s.Sid.startsWith("Terraform")).flatMap((s) => s.Resource);

  test("none without TF_STATE_BUCKET", () => {
    const doc = generatePolicy(stacks(), { env: {} }).deployRole;
    expect(stateArns(doc)).toEqual([]);
    expect(actionsOf(doc).filter((a) => /^(dynamodb|kms):/.test(a))).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain("tfstate");
  });

  test("bucket, state key <prefix><stack>/terraform.tfstate and its .tflock lock file", () => {
    const env = {
      TF_STATE_BUCKET: "tls-state",
      TF_STATE_REGION: "eu-west-1",
      TF_STATE_KEY_PREFIX: "tls/",
    };
    const doc = generatePolicy(stacks(), { env }).deployRole;
    expect(resourcesOf(doc, "s3:ListBucket")).toEqual(["arn:aws:s3:::tls-state"]);
    expect(resourcesOf(doc, "s3:PutObject")).toEqual([
      "arn:aws:s3:::tls-state/tls/dns-validated-certificate/terraform.tfstate",
      "arn:aws:s3:::tls-state/tls/dns-validated-certificate/terraform.tfstate.tflock",
    ]);
    expect(resourcesOf(doc, "s3:DeleteObject")).toEqual([
      "arn:aws:s3:::tls-state/tls/dns-validated-certificate/terraform.tfstate.tflock",
    ]);
    expect(actionsOf(doc).filter((a) => a.startsWith("dynamodb:"))).toEqual([]);

    // Read-only (diff): the state is read, never written; the lock is still taken.
    const ro = generatePolicy(stacks(), { env, readOnly: true }).deployRole;
    expect(resourcesOf(ro, "s3:PutObject")).toEqual([
      "arn:aws:s3:::tls-state/tls/dns-validated-certificate/terraform.tfstate.tflock",
    ]);
    expect(resourcesOf(ro, "s3:GetObject")).toEqual([
      "arn:aws:s3:::tls-state/tls/dns-validated-certificate/terraform.tfstate",
      "arn:aws:s3:::tls-state/tls/dns-validated-certificate/terraform.tfstate.tflock",
    ]);
  });

  test("a DynamoDB lock table instead of the lock file, and the KMS key", () => {
    const doc = generatePolicy(stacks(), {
      env: {
        TF_STATE_BUCKET: "tls-state",
        TF_STATE_REGION: "eu-west-1",
        TF_STATE_LOCK_TABLE: "tls-locks",
        TF_STATE_KMS_KEY_ID: "0123abcd-0123-4567-89ab-0123456789ab",
      },
    }).deployRole;
    const lock = statementsWith(doc, "dynamodb:PutItem");
    expect(lock).toHaveLength(1);
    expect(lock[0].Action).toEqual([
      "dynamodb:DeleteItem",
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
    ]);
    expect(lock[0].Resource).toEqual(["arn:aws:dynamodb:eu-west-1:*:table/tls-locks"]);
    expect(JSON.stringify(doc)).not.toContain(".tflock");
    expect(resourcesOf(doc, "kms:Decrypt")).toEqual([
      "arn:aws:kms:eu-west-1:*:key/0123abcd-0123-4567-89ab-0123456789ab",
    ]);
  });

  test("the key prefix is normalised as the state backend normalises it", () => {
    const doc = generatePolicy(stacks(), {
      env: {
        TF_STATE_BUCKET: "tls-state",
        TF_STATE_REGION: "eu-west-1",
        TF_STATE_KEY_PREFIX: "/team/tls",
      },
    }).deployRole;
    expect(resourcesOf(doc, "s3:GetObject")).toEqual([
      "arn:aws:s3:::tls-state/team/tls/dns-validated-certificate/terraform.tfstate",
      "arn:aws:s3:::tls-state/team/tls/dns-validated-certificate/terraform.tfstate.tflock",
    ]);
  });

  test("a KMS alias ARN selects the key in its account and region", () => {
    const doc = generatePolicy(stacks(), {
      env: {
        TF_STATE_BUCKET: "b",
        TF_STATE_REGION: "eu-west-1",
        TF_STATE_KMS_KEY_ID: "arn:aws:kms:eu-central-1:111111111111:alias/tf-state",
      },
    }).deployRole;
    const [kms] = statementsWith(doc, "kms:Encrypt");
    expect(kms.Resource).toEqual(["arn:aws:kms:eu-central-1:111111111111:key/*"]);
    expect(kms.Condition).toEqual({
      "ForAnyValue:StringEquals": { "kms:ResourceAliases": ["alias/tf-state"] },
    });
  });

  test("a KMS alias selects the key with kms:ResourceAliases", () => {
    const doc = generatePolicy(stacks(), {
      env: { TF_STATE_BUCKET: "b", TF_STATE_REGION: "eu-west-1", TF_STATE_KMS_KEY_ID: "alias/tf" },
    }).deployRole;
    const [kms] = statementsWith(doc, "kms:GenerateDataKey");
    expect(kms.Resource).toEqual(["arn:aws:kms:eu-west-1:*:key/*"]);
    expect(kms.Condition).toEqual({
      "ForAnyValue:StringEquals": { "kms:ResourceAliases": ["alias/tf"] },
    });
  });

  test("a cross-stack reference reads the other stack's state object", () => {
    const json = {
      provider: { aws: [{ region: "eu-west-1" }] },
      data: {
        terraform_remote_state: {
          cross: {
            backend: "s3",
            config: { bucket: "tls-state", key: "tls/base/terraform.tfstate" },
          },
        },
      },
      resource: { aws_sns_topic: { t: { name: "t" } } },
    };
    const doc = generatePolicy([{ name: "top", json }]).deployRole;
    expect(resourcesOf(doc, "s3:GetObject")).toEqual([
      "arn:aws:s3:::tls-state/tls/base/terraform.tfstate",
    ]);
  });
});

describe("unknown types and bad input", () => {
  const withTypes = (extra: Record<string, unknown>) => ({
    provider: { aws: [{ region: "eu-west-1" }] },
    resource: { aws_sns_topic: { t: {} } },
    ...extra,
  });

  test("a resource type without a table entry is an error that names it", () => {
    const json = withTypes({
      resource: { aws_sns_topic: { t: {} }, aws_wafv2_web_acl: { w: {} } },
    });
    expect(() => generatePolicy([{ name: "s", json }])).toThrow(UnknownTypeError);
    expect(() => generatePolicy([{ name: "s", json }])).toThrow(/resource aws_wafv2_web_acl/);
  });

  test("so is a data source without one, and a module (its resources are not in the JSON)", () => {
    expect(() =>
      generatePolicy([{ name: "s", json: withTypes({ data: { aws_vpc: { v: {} } } }) }]),
    ).toThrow(/data source aws_vpc/);
    expect(() =>
      generatePolicy([{ name: "s", json: withTypes({ module: { acm: { source: "x" } } }) }]),
    ).toThrow(/module acm/);
  });

  test("the command exits 1 naming the type, 2 for bad input", () => {
    const file = path.join(tmp, "unknown", "cdk.tf.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(withTypes({ data: { aws_vpc: { v: {} } } })));
    const r = runIamPolicy(["--file", file], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^iam-policy: no IAM permission table entry for data source aws_vpc/);
    expect(r.stdout).toBe("");

    expect(runIamPolicy([], {}).code).toBe(2);
    expect(runIamPolicy(["--bogus"], {}).code).toBe(2);
    const missing = runIamPolicy(["nope", "--dir", apps.get("alb-https")!.outdir], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no stack "nope"');
  });
});

describe("the command on a synthesized app", () => {
  test("prints the deploy role's policy on stdout and a summary on stderr; --out writes it", () => {
    const dir = apps.get("multi-zone-cross-account")!.outdir;
    const r = runIamPolicy(["multi-zone-cross-account", "--dir", dir], {});
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as PolicyDocument;
    expect(doc.Version).toBe("2012-10-17");
    expect(resourcesOf(doc, "route53:ChangeResourceRecordSets")).toEqual([
      "arn:aws:route53:::hostedzone/Z0EXAMPLE00000000002",
    ]);
    expect(r.stderr).toMatch(/aws_route53_record\s+resource\s+3\s+4/);
    expect(r.stderr).toContain(
      "assumed role arn:aws:iam::222222222222:role/route53-acm-validation",
    );
    expect(r.stderr).toContain("no TF_STATE_BUCKET");

    const role = runIamPolicy(
      [
        "multi-zone-cross-account",
        "--dir",
        dir,
        "--for-role",
        "arn:aws:iam::222222222222:role/route53-acm-validation",
      ],
      {},
    );
    expect(resourcesOf(JSON.parse(role.stdout), "route53:ChangeResourceRecordSets")).toEqual([
      "arn:aws:route53:::hostedzone/Z0EXAMPLE00000000003",
    ]);
    expect(
      runIamPolicy(["--all", "--dir", dir, "--for-role", "arn:aws:iam::1:role/x"], {}).code,
    ).toBe(2);

    const out = path.join(tmp, "policy.json");
    const written = runIamPolicy(["--all", "--dir", dir, "--out", out], {
      TF_STATE_BUCKET: "tls-state",
    });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe("");
    expect(written.stderr).toContain(`to ${out}`);
    expect(JSON.stringify(JSON.parse(fs.readFileSync(out, "utf8")))).toContain(
      "arn:aws:s3:::tls-state/multi-zone-cross-account/terraform.tfstate",
    );
  });
});

describe("the tables", () => {
  test("cover every provider binding the library and its stacks import", () => {
    // Derived from the source tree: @cdktf/provider-aws/lib/<kebab> is aws_<snake>, and
    // data-aws-<kebab> is the data source aws_<snake>.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".ts")) files.push(p);
      }
    };
    walk(path.join(root, "modules"));
    walk(path.join(root, "stacks"));
    const bindings = new Set<string>();
    for (const f of files) {
      for (const m of fs
        .readFileSync(f, "utf8")
        .matchAll(/@cdktf\/provider-aws\/lib\/([a-z0-9-]+)/g)) {
        bindings.add(m[1]);
      }
    }
    bindings.delete("provider");
    expect(bindings.size).toBeGreaterThan(20);
    for (const b of bindings) {
      if (b.startsWith("data-aws-")) {
        expect(Object.keys(DATA_SOURCE_PERMISSIONS)).toContain(
          `aws_${b.slice("data-aws-".length).replaceAll("-", "_")}`,
        );
      } else {
        expect(Object.keys(RESOURCE_PERMISSIONS)).toContain(`aws_${b.replaceAll("-", "_")}`);
      }
    }
  });

  test("every action is well formed, and every service cites its Service Authorization Reference page", () => {
    const actions = allTableActions();
    expect(actions.size).toBeGreaterThan(100);
    for (const a of actions) {
      expect(a).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      expect(Object.keys(SERVICE_SOURCES)).toContain(a.split(":")[0]);
    }
    for (const url of Object.values(SERVICE_SOURCES)) {
      expect(url).toMatch(
        /^https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_[a-z0-9]+\.html$/,
      );
    }
  });

  test("every AWS resource entry grants something to read it", () => {
    for (const [type, entry] of Object.entries(RESOURCE_PERMISSIONS)) {
      if (!type.startsWith("aws_")) continue;
      expect(entry.grants.some((g) => g.phase === "read")).toBe(true);
    }
  });
});
