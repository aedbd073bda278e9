/**
 * Offline plans of the three stacks of examples/split-dns, synthesized as one app (cross-stack
 * references resolve only in a whole-app synth), each planned from its own directory; the three
 * stacks in one Terraform run (scripts/plan/batch.ts).
 *
 * A stack that reads another through a cross-stack reference plans only when the producer's
 * state exists: Terraform's `terraform_remote_state` fails with "Unable to find remote state"
 * otherwise. On a real first deploy the producer is applied first. Here, every stack's local
 * backend points into a temporary fixture directory, and the test writes the producers'
 * outputs there as Terraform state files (format 4, outputs only), with values an applied
 * certificate stack and DNS stack would hold: the CNAMEs come from `acmRecordFor`, the prior-state
 * helper's model of ACM, not from the code under test. Those values are fixtures, not results of
 * the producers' plans: every state file is written first, then the three stacks are planned.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App, LocalBackend, TerraformStack, Testing } from "cdktf";
import { config } from "../../examples/split-dns/main";
import { SplitDnsProps, splitDnsStacks } from "../../stacks/split-dns-stacks";
import { planStackDirs } from "../../scripts/plan/batch";
import { planStackDir } from "../../scripts/plan/harness";
import {
  at,
  describeWithTerraform,
  ofType,
  PlanResult,
  providerKeyOf,
  referencesOf,
  ResourceChange,
} from "../support/plan";
import { acmRecordFor, priorStateFromPlan } from "../support/prior-state";

const CERTIFICATE = config.certificateStack.name;
const RECORDS = config.recordsStack.name;
const VALIDATION = config.validationStack.name;

const ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/0123abcd-0000-1111-2222-333344445555";
const ROTATED_ARN =
  "arn:aws:acm:eu-west-1:111111111111:certificate/99999999-0000-1111-2222-333344445555";

type Json = any;

/** The example's config, every stack's local state in `dir`, the environment's TF_STATE_* ignored. */
function configWithStateIn(dir: string, props: SplitDnsProps = config): SplitDnsProps {
  const backend = (stack: TerraformStack) =>
    new LocalBackend(stack, { path: path.join(dir, `${stack.node.id}.tfstate`) });
  const local = { backend, stateBackendEnv: {} };
  return {
    certificateStack: { ...props.certificateStack, ...local },
    recordsStack: { ...props.recordsStack, ...local },
    validationStack: { ...props.validationStack, ...local },
  };
}

/** Every app directory the test synthesized into, removed in afterAll. */
const outdirs: string[] = [];

/** Synthesizes the app; returns each stack's directory and parsed JSON. */
function synthesize(build: (app: App) => void): Record<string, { dir: string; json: Json }> {
  const app = Testing.app();
  outdirs.push(app.outdir);
  build(app);
  app.synth();
  const root = path.join(app.outdir, "stacks");
  return Object.fromEntries(
    fs.readdirSync(root).map((name) => {
      const dir = path.join(root, name);
      return [
        name,
        { dir, json: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) },
      ];
    }),
  );
}

/** Terraform's JSON type of a value, as a state file records it next to an output. */
function typeOf(value: Json): Json {
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return ["tuple", value.map(typeOf)];
  return ["object", Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeOf(v)]))];
}

/**
 * Writes the state a stack leaves once applied, outputs only: each output of the synthesized
 * stack gets the value `valueOf` gives for its expression (cross-stack outputs and the stack's
 * own named outputs alike).
 */
function writeOutputsState(file: string, stackJson: Json, valueOf: (expression: string) => Json) {
  const outputs = Object.fromEntries(
    Object.entries(stackJson.output as Record<string, { value: Json; sensitive?: boolean }>).map(
      ([name, o]) => {
        const value = valueOf(typeof o.value === "string" ? o.value : JSON.stringify(o.value));
        return [name, { value, type: typeOf(value), ...(o.sensitive ? { sensitive: true } : {}) }];
      },
    ),
  );
  fs.writeFileSync(
    file,
    JSON.stringify({
      version: 4,
      terraform_version: "1.11.4",
      serial: 1,
      lineage: crypto.randomUUID(),
      outputs,
      resources: [],
    }),
  );
}

/** ACM's options for the names, keyed by wildcard-stripped name, as the handoff exports them. */
function optionsFor(names: string[], record = acmRecordFor): Json {
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        domain_name: name,
        resource_record_name: record(name).name,
        resource_record_type: "CNAME",
        resource_record_value: record(name).value,
      },
    ]),
  );
}

/** The certificate stack's applied outputs: the ARN, the names and the options map. */
function certificateState(stackJson: Json, arn: string, names: string[], options: Json) {
  return (expression: string): Json => {
    if (/^\$\{aws_acm_certificate\.[^.]+\.arn\}$/.test(expression)) return arn;
    if (expression.startsWith("${local.")) return options;
    if (expression.startsWith("[")) return names;
    throw new Error(
      `certificate stack: no fixture for output ${expression} in ${Object.keys(stackJson.output)}`,
    );
  };
}

/** Route 53's `fqdn` of a validation record: its name without the trailing dot. */
const fqdn = (name: string) => acmRecordFor(name).name.replace(/\.$/, "");

const actions = (c: ResourceChange) => c.change.actions.join("+");

describeWithTerraform("plan: examples/split-dns (three stacks, one app)", () => {
  let fixtures: string;
  let plans: Record<string, PlanResult>;

  beforeAll(async () => {
    fixtures = fs.mkdtempSync(path.join(os.tmpdir(), "split-dns-state-"));
    const stacks = synthesize((app) => splitDnsStacks(app, configWithStateIn(fixtures)));
    // 1. The certificate stack reads nothing. Applied: its outputs, as the DNS stack and the
    // waiter will read them.
    writeOutputsState(
      path.join(fixtures, `${CERTIFICATE}.tfstate`),
      stacks[CERTIFICATE].json,
      certificateState(
        stacks[CERTIFICATE].json,
        ARN,
        ["example.com", "*.example.com", "api.example.com"],
        optionsFor(["example.com", "api.example.com"]),
      ),
    );
    // 2. The DNS stack reads the certificate stack's. Applied: the FQDNs the waiter will read.
    writeOutputsState(path.join(fixtures, `${RECORDS}.tfstate`), stacks[RECORDS].json, () => ({
      "example.com": fqdn("example.com"),
      "api.example.com": fqdn("api.example.com"),
    }));
    // 3. The waiter reads both. All three planned in one Terraform run.
    const order = [CERTIFICATE, RECORDS, VALIDATION];
    const planned = await planStackDirs(order.map((name) => ({ stackDir: stacks[name].dir })));
    plans = Object.fromEntries(order.map((name, i) => [name, planned[i]]));
  }, 600_000);

  afterAll(() => {
    for (const dir of [fixtures, ...outdirs]) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the certificate stack: one certificate, no record, no waiter", () => {
    const plan = plans[CERTIFICATE];
    expect(plan.resourceChanges.map((c) => `${c.type}:${actions(c)}`)).toEqual([
      "aws_acm_certificate:create",
    ]);
    const after = ofType(plan, "aws_acm_certificate")[0].change.after!;
    expect(after).toMatchObject({ domain_name: "example.com", validation_method: "DNS" });
    // The provider adds the primary name to the SANs at plan.
    expect([...(after.subject_alternative_names as string[])].sort()).toEqual([
      "*.example.com",
      "api.example.com",
      "example.com",
    ]);
  });

  test("the DNS stack: one record per name, keyed by name, with the certificate's CNAMEs", () => {
    const plan = plans[RECORDS];
    expect(plan.resourceChanges.map((c) => `${c.address}:${actions(c)}`).sort()).toEqual([
      "aws_route53_record.acm_validation_api_example_com:create",
      "aws_route53_record.acm_validation_example_com:create",
    ]);
    for (const name of ["example.com", "api.example.com"]) {
      const address = `aws_route53_record.acm_validation_${name.replace(/\./g, "_")}`;
      // The provider stores record names without the trailing dot.
      expect(at(plan, address).change.after).toMatchObject({
        zone_id: "Z0EXAMPLE00000000001",
        name: fqdn(name),
        type: "CNAME",
        records: [acmRecordFor(name).value],
        ttl: 60,
      });
      expect(providerKeyOf(plan, address)).toBe("aws");
      expect(referencesOf(plan, address, "name")).toContain(
        `data.terraform_remote_state.cross-stack-reference-input-${CERTIFICATE}`,
      );
    }
  });

  test("the waiter: the certificate's ARN and the records' FQDNs, known at plan", () => {
    const plan = plans[VALIDATION];
    expect(plan.resourceChanges.map((c) => `${c.type}:${actions(c)}`)).toEqual([
      "aws_acm_certificate_validation:create",
    ]);
    const [validation] = ofType(plan, "aws_acm_certificate_validation");
    expect(validation.change.after!.certificate_arn).toBe(ARN);
    expect([...(validation.change.after!.validation_record_fqdns as string[])].sort()).toEqual(
      [fqdn("api.example.com"), fqdn("example.com")].sort(),
    );
    expect(referencesOf(plan, validation.address, "validation_record_fqdns")).toContain(
      `data.terraform_remote_state.cross-stack-reference-input-${RECORDS}`,
    );
    expect(providerKeyOf(plan, validation.address)).toBe("aws");
  });

  test("rotation: the certificate replaced with a name added, the DNS stack's records of kept names are no-op", async () => {
    // The DNS stack as applied above.
    const state = await priorStateFromPlan(plans[RECORDS]);
    // The certificate stack after a replacement that adds a name. ACM gives the same CNAME for a
    // name in one account; the fixture gives the kept names other values all the same, so that
    // only ignore_changes can keep their records in place.
    const rotatedDir = fs.mkdtempSync(path.join(fixtures, "rotated-"));
    const rotatedConfig: SplitDnsProps = {
      ...config,
      certificateStack: {
        ...config.certificateStack,
        certificates: [
          {
            ...config.certificateStack.certificates[0],
            subjectAlternativeNames: ["*.example.com", "api.example.com", "new.example.com"],
          },
        ],
      },
    };
    const stacks = synthesize((app) =>
      splitDnsStacks(app, configWithStateIn(rotatedDir, rotatedConfig)),
    );
    const changed = (name: string) => ({
      name: acmRecordFor(`changed.${name}`).name,
      value: acmRecordFor(`changed.${name}`).value,
    });
    writeOutputsState(
      path.join(rotatedDir, `${CERTIFICATE}.tfstate`),
      stacks[CERTIFICATE].json,
      certificateState(
        stacks[CERTIFICATE].json,
        ROTATED_ARN,
        ["example.com", "*.example.com", "api.example.com", "new.example.com"],
        {
          ...optionsFor(["example.com", "api.example.com"], changed),
          ...optionsFor(["new.example.com"]),
        },
      ),
    );
    const rotated = await planStackDir(stacks[RECORDS].dir, { priorState: state });
    expect(Object.fromEntries(rotated.resourceChanges.map((c) => [c.address, actions(c)]))).toEqual(
      {
        "aws_route53_record.acm_validation_example_com": "no-op",
        "aws_route53_record.acm_validation_api_example_com": "no-op",
        "aws_route53_record.acm_validation_new_example_com": "create",
      },
    );
    expect(
      at(rotated, "aws_route53_record.acm_validation_new_example_com").change.after,
    ).toMatchObject({
      name: fqdn("new.example.com"),
      records: [acmRecordFor("new.example.com").value],
    });
  });
});
