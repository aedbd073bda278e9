/**
 * examples/existing-estate, planned three times (plans are expensive on 2 cores):
 *  1. as it is, on an empty state: the inputs come from the upstream state file through
 *     terraform_remote_state (read offline by the local backend), and the moved blocks, whose
 *     sources are not in the state, do nothing;
 *  2. against the state a terraform-aws-modules/acm user has: the module's certificate,
 *     validation records and validation resource at `module.acm.*`, built from plan 1 (the
 *     values are those plan 1 computes; the module's addresses, count indexes and dependencies
 *     are the module's). The moved blocks take them over: no-op, nothing created or deleted;
 *  3. with import blocks instead (a new state): Terraform cannot read the certificate offline,
 *     so the plan fails, and the test shows it fails on exactly that read, after Terraform
 *     accepted the configuration and its import blocks.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Testing } from "cdktf";
import { config, existingEstate } from "../../examples/existing-estate/main";
import { CertificateAdoption, renderAdoptionBlocks } from "../../modules/certificate/adoption";
import { TerraformError, terraformBinary } from "../../scripts/plan/harness";
import { AlbHttpsEstateStack } from "../../stacks/alb-https-estate-stack";
import {
  changeSummary,
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  ResourceChange,
} from "../support/plan";
import { acmRecordFor, priorStateFromPlan } from "../support/prior-state";

const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
const ZONE = "Z0EXAMPLE00000000001";

type Change = ResourceChange & { readonly previous_address?: string };
const actionsOf = (c: ResourceChange): string => c.change.actions.join("+");

/** The module's view of plan 1's resources: our address -> [module resource name, index]. */
function moduleAddressOf(
  plan: PlanResult,
): Map<string, { type: string; name: string; index: number }> {
  const [certificate] = ofType(plan, "aws_acm_certificate");
  const [validation] = ofType(plan, "aws_acm_certificate_validation");
  return new Map([
    [certificate.address, { type: certificate.type, name: "this", index: 0 }],
    [validation.address, { type: validation.type, name: "this", index: 0 }],
    // The indexes the example's config lists, which are the module's with Terraform 1.11:
    // its records follow the set of validation options, in effect by domain name.
    [
      "aws_route53_record.acm_validation_example_com",
      { type: "aws_route53_record", name: "validation", index: 0 },
    ],
    [
      "aws_route53_record.acm_validation_www_example_com",
      { type: "aws_route53_record", name: "validation", index: 1 },
    ],
  ]);
}

/**
 * The state of a configuration that called terraform-aws-modules/acm as `module "acm"`: plan 1's
 * certificate, records and validation, at the module's addresses (count index on every one),
 * with dependencies renamed to match. Everything else of plan 1 is left out: it does not exist.
 */
function moduleState(applied: any, mapping: ReturnType<typeof moduleAddressOf>): object {
  const renamed = new Map(
    [...mapping].map(([ours, m]) => [ours, `module.acm.${m.type}.${m.name}`]),
  );
  const resources = applied.resources
    .filter((r: any) => mapping.has(`${r.type}.${r.name}`))
    .map((r: any) => {
      const m = mapping.get(`${r.type}.${r.name}`)!;
      return {
        module: "module.acm",
        mode: r.mode,
        type: r.type,
        name: m.name,
        provider: r.provider,
        instances: r.instances.map((i: any) => ({
          ...i,
          index_key: m.index,
          dependencies: i.dependencies.map((d: string) => renamed.get(d) ?? d),
        })),
      };
    });
  // Two records share `validation`: one resource entry with two instances, as Terraform keeps it.
  const merged: any[] = [];
  for (const r of resources) {
    const same = merged.find((x) => x.type === r.type && x.name === r.name);
    if (same) same.instances.push(...r.instances);
    else merged.push(r);
  }
  return { ...applied, serial: 2, resources: merged };
}

describeWithTerraform("plan: examples/existing-estate", () => {
  let created: PlanResult;
  let moved: PlanResult;
  let state: any;
  beforeAll(async () => {
    created = await planStack(existingEstate(Testing.app()));
    state = moduleState(await priorStateFromPlan(created), moduleAddressOf(created));
    moved = await planStack(existingEstate(Testing.app()), { priorState: state });
  }, 300_000);

  describe("1. on an empty state", () => {
    test("plans the certificate, its validation and records, the listener and alias records", () => {
      expect(changeSummary(created)).toEqual([
        "aws_acm_certificate:create",
        "aws_acm_certificate_validation:create",
        "aws_lb_listener:create",
        ...Array(6).fill("aws_route53_record:create"), // 2 validation + 2 names x (A, AAAA)
      ]);
    });

    test("the inputs are the upstream state's outputs, read at plan by terraform_remote_state", () => {
      const [listener] = ofType(created, "aws_lb_listener");
      expect(listener.change.after).toMatchObject({
        load_balancer_arn: LB,
        default_action: [expect.objectContaining({ type: "forward", target_group_arn: TG })],
        port: 443,
        protocol: "HTTPS",
      });
      const records = ofType(created, "aws_route53_record");
      expect(records.map((r) => r.change.after?.zone_id)).toEqual(records.map(() => ZONE));
      const aliases = records.filter((r) => r.address.includes("AliasRecords"));
      expect(aliases).toHaveLength(4);
      for (const alias of aliases) {
        expect(alias.change.after?.alias).toEqual([
          {
            name: "web-1234567890.eu-west-1.elb.amazonaws.com",
            zone_id: "Z32O12XQLNTSW2",
            evaluate_target_health: false,
          },
        ]);
      }
    });

    test("the moved blocks have nothing to move: no change carries a previous address", () => {
      const carried = (created.resourceChanges as Change[]).filter((c) => c.previous_address);
      expect(carried).toEqual([]);
    });
  });

  describe("2. against the state of module.acm (terraform-aws-modules/acm)", () => {
    test("the fabricated state holds only the module's addresses", () => {
      const addresses = state.resources.flatMap((r: any) =>
        r.instances.map((i: any) => `${r.module}.${r.type}.${r.name}[${i.index_key}]`),
      );
      expect(addresses.sort()).toEqual([
        "module.acm.aws_acm_certificate.this[0]",
        "module.acm.aws_acm_certificate_validation.this[0]",
        "module.acm.aws_route53_record.validation[0]",
        "module.acm.aws_route53_record.validation[1]",
      ]);
      // validation[0] is example.com's record, as the example's config says.
      const records = state.resources.find((r: any) => r.name === "validation");
      const first = records.instances.find((i: any) => i.index_key === 0);
      expect(first.attributes.name).toBe(acmRecordFor("example.com").name);
    });

    test("the certificate, both records and the validation move without any change", () => {
      const byAddress = Object.fromEntries(
        (moved.resourceChanges as Change[])
          .filter((c) => c.previous_address)
          .map((c) => [c.address, [c.previous_address, actionsOf(c)]]),
      );
      const [certificate] = ofType(moved, "aws_acm_certificate");
      const [validation] = ofType(moved, "aws_acm_certificate_validation");
      expect(byAddress).toEqual({
        [certificate.address]: ["module.acm.aws_acm_certificate.this[0]", "no-op"],
        [validation.address]: ["module.acm.aws_acm_certificate_validation.this[0]", "no-op"],
        "aws_route53_record.acm_validation_example_com": [
          "module.acm.aws_route53_record.validation[0]",
          "no-op",
        ],
        "aws_route53_record.acm_validation_www_example_com": [
          "module.acm.aws_route53_record.validation[1]",
          "no-op",
        ],
      });
    });

    test("nothing is deleted; only the listener and the alias records are created", () => {
      expect(moved.resourceChanges.filter((c) => c.change.actions.includes("delete"))).toEqual([]);
      expect(
        moved.resourceChanges
          .filter((c) => actionsOf(c) === "create")
          .map((c) => c.type)
          .sort(),
      ).toEqual(["aws_lb_listener", ...Array(4).fill("aws_route53_record")]);
    });
  });

  describe("3. import blocks into a new state", () => {
    const build = () =>
      existingEstate(Testing.app(), {
        ...config,
        adopt: {
          certificate: CertificateAdoption.importFromAcmModule({
            state,
            moduleAddress: "module.acm",
          }),
        },
      });

    test("the import blocks are in the JSON: the certificate by ARN, the records by zone, name and type", () => {
      const stack = build();
      const json = JSON.parse(Testing.synth(stack, true));
      const arn = state.resources.find((r: any) => r.type === "aws_acm_certificate").instances[0]
        .attributes.arn;
      const [certificate] = Object.keys(json.resource.aws_acm_certificate);
      const strip = (n: string) => n.replace(/\.$/, "");
      expect(json.import).toHaveLength(3);
      expect(json.import).toEqual(
        expect.arrayContaining([
          { id: arn, to: `aws_acm_certificate.${certificate}` },
          {
            id: `${ZONE}_${strip(acmRecordFor("www.example.com").name)}_CNAME`,
            to: "aws_route53_record.acm_validation_www_example_com",
          },
          {
            id: `${ZONE}_${strip(acmRecordFor("example.com").name)}_CNAME`,
            to: "aws_route53_record.acm_validation_example_com",
          },
        ]),
      );
      expect(json.moved).toBeUndefined();
    });

    test("offline, the plan fails on reading the certificate to import, and on nothing else", async () => {
      const arn = state.resources.find((r: any) => r.type === "aws_acm_certificate").instances[0]
        .attributes.arn;
      let error: unknown;
      try {
        await planStack(build());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TerraformError);
      const message = (error as Error).message;
      // The import of the certificate reads it from ACM; with fake credentials and no network
      // that read is what fails (a machine with network gets an auth error on the same call).
      expect(message).toContain(`Error: reading ACM Certificate (${arn})`);
      // Every error is a read of an import target, none a configuration error.
      const errors = message.split("\n").filter((l) => l.startsWith("Error: "));
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e).toMatch(/^Error: reading (ACM Certificate|Route 53 (Record|Hosted Zone))/);
      }
    });
  });
});

describeWithTerraform("the module's record order (terraform console, no plan)", () => {
  test("Terraform iterates a set of validation options by domain name, not in the order given", () => {
    // The module indexes its records by `for v in domain_validation_options`: objects with
    // these four attributes. The README's claim about the order rests on this.
    const names = ["www.example.com", "example.com", "*.example.org", "api.example.com"];
    const objects = names.map(
      (n) =>
        `{ domain_name = "${n}", resource_record_name = "_1.${n}.", ` +
        `resource_record_type = "CNAME", resource_record_value = "_2.acm-validations.aws." }`,
    );
    const output = execFileSync(terraformBinary(), ["console"], {
      cwd: os.tmpdir(),
      input: `[for v in toset([${objects.join(", ")}]) : v.domain_name]\n`,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: os.devNull },
    }).toString();
    expect([...output.matchAll(/"([^"]+)"/g)].map((m) => m[1])).toEqual([
      "*.example.org",
      "api.example.com",
      "example.com",
      "www.example.com",
    ]);
  });
});

test("the example README lists the moved blocks the example writes", () => {
  const stack = existingEstate(Testing.app()) as AlbHttpsEstateStack;
  const readme = fs.readFileSync(
    path.join(__dirname, "..", "..", "examples", "existing-estate", "README.md"),
    "utf8",
  );
  const blocks = renderAdoptionBlocks(stack.adoptionBlocks);
  expect(blocks).toContain("from = module.acm.aws_route53_record.validation[0]");
  expect(readme).toContain(blocks);
});
