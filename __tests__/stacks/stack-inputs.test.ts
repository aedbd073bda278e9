import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import {
  declareStackInputs,
  InputVariable,
  RemoteState,
  stackInputsIn,
} from "../../stacks/stack-inputs";
import { config as nlbConfig, nlbTls } from "../../examples/nlb-tls/main";
import { expectValidationError } from "../support/inputs";
import { parse, testStack } from "../support/synth";

const UPSTREAM = path.join(
  __dirname,
  "..",
  "..",
  "examples",
  "existing-estate",
  "upstream-state.json",
);

/** A stack with a record whose zone id and name come from `zoneId` and `name`. */
function stackReading(zoneId: string, name = "www.example.com"): TerraformStack {
  const { stack } = testStack();
  new Route53Record(stack, "Record", { zoneId, name, type: "A", ttl: 60, records: ["192.0.2.1"] });
  return stack;
}

describe("RemoteState", () => {
  const s3 = () =>
    RemoteState.s3("network", {
      bucket: "acme-terraform-state",
      key: "network/terraform.tfstate",
      region: "eu-west-1",
    });

  test("an output is a token for data.terraform_remote_state.<name>.outputs.<output>", () => {
    const network = s3();
    const stack = stackReading(network.getString("zone_id"));
    declareStackInputs(stack, network);
    const out = parse(Testing.synth(stack, true));
    expect(out.json.resource.aws_route53_record.Record.zone_id).toBe(
      "${data.terraform_remote_state.network.outputs.zone_id}",
    );
    expect(out.json.data.terraform_remote_state).toEqual({
      network: {
        backend: "s3",
        config: {
          bucket: "acme-terraform-state",
          key: "network/terraform.tfstate",
          region: "eu-west-1",
        },
      },
    });
  });

  test("the same output is the same token every time, so comparisons of inputs hold", () => {
    const network = s3();
    expect(network.getString("zone_id")).toBe(network.getString("zone_id"));
    expect(network.getString("zone_id")).not.toBe(network.getString("other"));
    expect(network.outputs).toEqual(["zone_id", "other"]);
  });

  test("one data source per stack, however many outputs are read and however often", () => {
    const network = s3();
    const stack = stackReading(network.getString("zone_id"), "www.example.com");
    new Route53Record(stack, "Other", {
      zoneId: network.getString("zone_id"),
      name: `api.${network.getString("domain")}`,
      type: "A",
      ttl: 60,
      records: ["192.0.2.2"],
    });
    expect(declareStackInputs(stack, network, network)).toHaveLength(1);
    expect(declareStackInputs(stack, network)).toHaveLength(1); // again: nothing new
    const out = parse(Testing.synth(stack, true));
    expect(Object.keys(out.json.data.terraform_remote_state)).toEqual(["network"]);
    expect(out.json.resource.aws_route53_record.Other.name).toBe(
      "api.${data.terraform_remote_state.network.outputs.domain}",
    );
  });

  test("two stacks that read one state each declare their own data source", () => {
    const network = s3();
    const app = Testing.app();
    const stacks = ["a", "b"].map((id) => {
      const stack = new TerraformStack(app, id);
      new TerraformOutput(stack, "zone", { value: network.getString("zone_id") });
      declareStackInputs(stack, { zone: network.getString("zone_id") });
      return stack;
    });
    for (const stack of stacks) {
      const out = parse(Testing.synth(stack));
      expect(out.outputs().zone.value).toBe(
        "${data.terraform_remote_state.network.outputs.zone_id}",
      );
      expect(Object.keys(out.json.data.terraform_remote_state)).toEqual(["network"]);
    }
  });

  test("number and list outputs render the same reference", () => {
    const network = s3();
    const { stack } = testStack();
    new TerraformOutput(stack, "port", { value: network.getNumber("port") });
    new TerraformOutput(stack, "subnets", { value: network.getList("subnet_ids") });
    declareStackInputs(stack, { port: network.getNumber("port") }, [network.getList("subnet_ids")]);
    const outputs = parse(Testing.synth(stack)).outputs();
    expect(outputs.port.value).toBe("${data.terraform_remote_state.network.outputs.port}");
    expect(outputs.subnets.value).toBe("${data.terraform_remote_state.network.outputs.subnet_ids}");
  });

  test("local: the path is passed as given, for Terraform to resolve", () => {
    const legacy = RemoteState.local("legacy", "../../../legacy/terraform.tfstate");
    const stack = stackReading(legacy.getString("zone_id"));
    declareStackInputs(stack, legacy);
    expect(parse(Testing.synth(stack)).json.data.terraform_remote_state.legacy).toEqual({
      backend: "local",
      config: { path: "../../../legacy/terraform.tfstate" },
    });
  });

  describe("stateFile", () => {
    test("is copied into the synthesized stack and read there by a relative path", () => {
      const upstream = RemoteState.stateFile("upstream", UPSTREAM);
      const stack = stackReading(upstream.getString("hosted_zone_id"));
      declareStackInputs(stack, upstream);
      const outdir = Testing.fullSynth(stack);
      const stackDir = path.join(outdir, "stacks", stack.node.id);
      const text = fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8");
      const config = JSON.parse(text).data.terraform_remote_state.upstream;
      expect(config.backend).toBe("local");
      expect(config.config.path).toMatch(/^assets\/[^/]+\/[0-9A-F]+\/upstream-state\.json$/);
      // The copy is what Terraform reads, and no path of this machine is in the JSON.
      expect(fs.readFileSync(path.join(stackDir, config.config.path), "utf8")).toBe(
        fs.readFileSync(UPSTREAM, "utf8"),
      );
      expect(text).not.toContain(path.dirname(UPSTREAM));
      expect(text).not.toContain(os.tmpdir());
    });

    test("an output the file does not have fails synth, listing those it has", () => {
      const upstream = RemoteState.stateFile("upstream", UPSTREAM);
      const stack = stackReading(upstream.getString("zone_idd"));
      expectValidationError(
        () => declareStackInputs(stack, upstream),
        [
          "[test]",
          'RemoteState "upstream" has no output "zone_idd"',
          '"hosted_zone_id", "load_balancer_arn"',
        ],
      );
    });

    test("a file that is not a format-4 state fails synth", () => {
      const notState = RemoteState.stateFile(
        "broken",
        path.join(__dirname, "stack-inputs.test.ts"),
      );
      expectValidationError(
        () => declareStackInputs(stackReading(notState.getString("x")), notState),
        ['RemoteState "broken" stateFile must be a readable Terraform state (JSON)'],
      );
      const plan = RemoteState.stateFile("plan", path.join(__dirname, "..", "..", "package.json"));
      expectValidationError(
        () => declareStackInputs(stackReading(plan.getString("x")), plan),
        ['RemoteState "plan" stateFile must be a Terraform state of format version 4'],
      );
    });
  });

  test("a token used in a stack that did not declare its state fails synth, naming it", () => {
    const network = s3();
    const stack = stackReading(network.getString("zone_id"));
    expectValidationError(
      () => Testing.synth(stack),
      [
        "[test]",
        'remote state "network" is read (output "zone_id")',
        "call declareStackInputs(stack, props)",
      ],
    );
  });

  test("two different states of one name in a stack are refused", () => {
    const stack = stackReading(s3().getString("zone_id"));
    expectValidationError(
      () => declareStackInputs(stack, s3().getString("a"), s3().getString("b")),
      ['two different remote states are named "network"', "data.terraform_remote_state.network"],
    );
  });

  test.each([
    [
      "a name that is no identifier",
      () => RemoteState.local("net work", "x.tfstate"),
      "x",
      "RemoteState name becomes a Terraform identifier",
      '"net work"',
    ],
    [
      "an output name that is no identifier",
      () => RemoteState.local("net", "x.tfstate"),
      "zone id",
      "output names are Terraform identifiers",
      '"zone id"',
    ],
    [
      "an empty local path",
      () => RemoteState.local("net", ""),
      "x",
      'RemoteState "net" path must be the path of a state file',
      '""',
    ],
    [
      "an invalid bucket",
      () => RemoteState.s3("net", { bucket: "Acme_State", key: "k" }),
      "x",
      'RemoteState "net" bucket may contain only',
      '"Acme_State"',
    ],
    [
      "a key with a leading slash",
      () => RemoteState.s3("net", { bucket: "acme-state", key: "/net.tfstate" }),
      "x",
      'RemoteState "net" key must be the state\'s object key',
      '"/net.tfstate"',
    ],
  ])("%s is refused", (_what, build, output, rule, value) => {
    const state = build();
    expectValidationError(
      () => declareStackInputs(stackReading(state.getString(output)), state),
      ["[test]", rule, value],
    );
  });
});

describe("InputVariable", () => {
  test("declares variable <name> with its type and default; value is var.<name>", () => {
    const zone = InputVariable.string("zone_id", { description: "the zone", default: "Z123" });
    const port = InputVariable.number("port", { default: 8443 });
    const stack = stackReading(zone.value);
    new TerraformOutput(stack, "port", { value: port.numberValue });
    declareStackInputs(stack, { zone: zone.value, port: port.numberValue });
    const out = parse(Testing.synth(stack, true));
    expect(out.json.resource.aws_route53_record.Record.zone_id).toBe("${var.zone_id}");
    expect(out.outputs().port.value).toBe("${var.port}");
    expect(out.json.variable).toEqual({
      zone_id: { type: "string", description: "the zone", default: "Z123" },
      port: { type: "number", default: 8443 },
    });
  });

  test("a default of the wrong type is refused", () => {
    const port = InputVariable.number("port", { default: "443" as unknown as number });
    expectValidationError(
      () => declareStackInputs(stackReading("Z1"), port.numberValue),
      ["[test]", 'InputVariable "port" default must be a number, got "443"'],
    );
  });

  test("undeclared, it fails synth naming the variable", () => {
    const zone = InputVariable.string("zone_id");
    expectValidationError(
      () => Testing.synth(stackReading(zone.value)),
      ['variable "zone_id" is read, but this stack does not declare it'],
    );
  });
});

test("stackInputsIn finds tokens in nested props, lists, embedded strings and list tokens", () => {
  const a = RemoteState.local("a", "a.tfstate");
  const b = RemoteState.local("b", "b.tfstate");
  const c = RemoteState.local("c", "c.tfstate");
  const v = InputVariable.string("v");
  const found = stackInputsIn({
    zones: [{ zoneId: a.getString("zone") }],
    name: `www.${v.value}`,
    nested: { deep: { list: b.getList("ids") } },
    port: c.getNumber("port"),
    literal: "plain",
    fn: () => a,
  });
  expect(found).toEqual([a, v, b, c]);
  expect(stackInputsIn({ none: ["x", 1, { y: "z" }] })).toEqual([]);
});

describe("every stack takes input tokens in its props (BaseStack declares them)", () => {
  test("NlbTlsStack: a load balancer ARN from another state, a target group from a variable", () => {
    const network = RemoteState.s3("network", {
      bucket: "acme-terraform-state",
      key: "network/terraform.tfstate",
      region: "eu-west-1",
    });
    const targetGroup = InputVariable.string("target_group_arn");
    const stack = nlbTls(Testing.app(), {
      ...nlbConfig,
      loadBalancerArn: network.getString("load_balancer_arn"),
      targetGroupArn: targetGroup.value,
    });
    const { json } = parse(Testing.synth(stack, true));
    expect(json.data.terraform_remote_state.network).toMatchObject({
      backend: "s3",
      config: { bucket: "acme-terraform-state", key: "network/terraform.tfstate" },
    });
    expect(json.variable.target_group_arn).toMatchObject({ type: "string" });
    const listener = Object.values(json.resource.aws_lb_listener)[0] as Record<string, any>;
    expect(listener.load_balancer_arn).toBe(
      "${data.terraform_remote_state.network.outputs.load_balancer_arn}",
    );
    expect(listener.default_action[0].target_group_arn).toBe("${var.target_group_arn}");
  });
});
