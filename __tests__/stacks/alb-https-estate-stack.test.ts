import { Testing } from "cdktf";
import { CertificateAdoption } from "../../modules/certificate/adoption";
import { AlbHttpsEstateStack, AlbHttpsEstateStackProps } from "../../stacks/alb-https-estate-stack";
import { InputVariable, RemoteState } from "../../stacks/stack-inputs";
import { expectValidationError } from "../support/inputs";
import { synth } from "../support/synth";

const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
const ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-1111-4222-8333-444455556666";
const ref = (output: string) => `\${data.terraform_remote_state.network.outputs.${output}}`;

/** Props whose load balancer, target group and zone come from another state. */
function fromNetwork(network: RemoteState): AlbHttpsEstateStackProps {
  return {
    region: "eu-west-1",
    hostedZones: [{ zoneId: network.getString("zone_id"), zoneName: "example.com" }],
    loadBalancerArn: network.getString("lb_arn"),
    targetGroupArn: network.getString("tg_arn"),
    certificate: { domainName: "example.com", subjectAlternativeNames: ["www.example.com"] },
    hostNames: ["example.com", "www.example.com"],
    redirectHttp: false,
    loadBalancerDns: {
      dnsName: network.getString("lb_dns_name"),
      zoneId: network.getString("lb_zone_id"),
      ipv6: false,
    },
  };
}

const network = () =>
  RemoteState.s3("network", { bucket: "acme-state", key: "network.tfstate", region: "eu-west-1" });

describe("AlbHttpsEstateStack", () => {
  test("takes the load balancer, target group and zones from another state's outputs", () => {
    const stack = new AlbHttpsEstateStack(Testing.app(), "estate", fromNetwork(network()));
    const out = synth(stack);
    const [listener] = out.list("aws_lb_listener");
    expect(listener.load_balancer_arn).toBe(ref("lb_arn"));
    expect(listener.default_action).toEqual([{ type: "forward", target_group_arn: ref("tg_arn") }]);
    const records = out.list("aws_route53_record");
    expect(records.map((r) => r.zone_id)).toEqual(records.map(() => ref("zone_id")));
    const aliases = records.filter((r) => r.alias);
    expect(aliases.map((r) => r.alias)).toEqual(
      aliases.map(() => ({
        name: ref("lb_dns_name"),
        zone_id: ref("lb_zone_id"),
        evaluate_target_health: false,
      })),
    );
    // One data source, however many outputs the props read.
    expect(Object.keys(out.json.data.terraform_remote_state)).toEqual(["network"]);
    expect(stack.inputs).toHaveLength(1);
    expect(stack.adoptionBlocks).toEqual([]);
  });

  test("a literal ARN is still checked; the same ARN from another state is not", () => {
    const wrongRegion = LB.replace("eu-west-1", "us-east-1");
    expectValidationError(
      () =>
        new AlbHttpsEstateStack(Testing.app(), "estate", {
          ...fromNetwork(network()),
          loadBalancerArn: wrongRegion,
        }),
      ['loadBalancerArn is in region "us-east-1"', 'the listener\'s provider is in "eu-west-1"'],
    );
    const upstream = network();
    const stack = new AlbHttpsEstateStack(Testing.app(), "estate", {
      ...fromNetwork(upstream),
      loadBalancerArn: upstream.getString("lb_arn_elsewhere"),
    });
    expect(synth(stack).list("aws_lb_listener")[0].load_balancer_arn).toBe(ref("lb_arn_elsewhere"));
  });

  test("props may come from variables too", () => {
    const targetGroup = InputVariable.string("target_group_arn", { default: TG });
    const stack = new AlbHttpsEstateStack(Testing.app(), "estate", {
      ...fromNetwork(network()),
      loadBalancerArn: LB,
      targetGroupArn: targetGroup.value,
    });
    const out = synth(stack);
    expect(out.list("aws_lb_listener")[0].default_action[0].target_group_arn).toBe(
      "${var.target_group_arn}",
    );
    expect(out.json.variable.target_group_arn).toEqual({ type: "string", default: TG });
  });

  test.each([
    [
      "region",
      (n: RemoteState) => ({ region: n.getString("region") }),
      ["[estate] region must be known at synth", "<token: unknown at synth>"],
    ],
    [
      "a zone name",
      (n: RemoteState) => ({
        hostedZones: [{ zoneId: n.getString("zone_id"), zoneName: n.getString("zone_name") }],
      }),
      ["zoneName must be known at synth (names are matched to zones by suffix)"],
    ],
    [
      "a host name with alias records",
      (n: RemoteState) => ({ hostNames: ["example.com", n.getString("host")] }),
      ["hostNames[1] must be known at synth when aliasRecords is set"],
    ],
  ])("%s must be literal", (_what, override, messages) => {
    const n = network();
    expectValidationError(
      () => new AlbHttpsEstateStack(Testing.app(), "estate", { ...fromNetwork(n), ...override(n) }),
      messages,
    );
  });

  test("takes over the default and an SNI certificate, and lists the blocks", () => {
    const stack = new AlbHttpsEstateStack(Testing.app(), "estate", {
      ...fromNetwork(network()),
      additionalCertificates: { shop: { domainName: "shop.example.com" } },
      hostNames: ["example.com"],
      adopt: {
        certificate: CertificateAdoption.moveFromAcmModule({
          moduleAddress: "module.acm",
          validationRecords: [
            { index: 0, domainName: "www.example.com" },
            { index: 1, domainName: "example.com" },
          ],
        }),
        additionalCertificates: { shop: CertificateAdoption.importArn(ARN) },
      },
    });
    const out = synth(stack);
    expect(out.json.moved).toHaveLength(4);
    expect(out.json.import).toEqual([
      { id: ARN, to: expect.stringMatching(/^aws_acm_certificate\.Certificate_shop_/) },
    ]);
    expect(stack.adoptionBlocks.map((b) => b.kind)).toEqual([
      "moved",
      "moved",
      "moved",
      "moved",
      "import",
    ]);
    expect(stack.adoptionBlocks[0]).toEqual({
      kind: "moved",
      from: "module.acm.aws_acm_certificate.this[0]",
      to: expect.stringMatching(/^aws_acm_certificate\.Certificate_[0-9A-F]{8}$/),
    });
  });

  test("an adoption for an SNI key that does not exist is refused", () => {
    expectValidationError(
      () =>
        new AlbHttpsEstateStack(Testing.app(), "estate", {
          ...fromNetwork(network()),
          additionalCertificates: { shop: { domainName: "shop.example.com" } },
          hostNames: ["example.com"],
          adopt: { additionalCertificates: { shp: CertificateAdoption.importArn(ARN) } },
        }),
      ['[estate] adopt.additionalCertificates["shp"] names no SNI certificate', '"shop"'],
    );
  });

  test("an adoption ARN may itself come from another state", () => {
    const n = network();
    const stack = new AlbHttpsEstateStack(Testing.app(), "estate", {
      ...fromNetwork(n),
      adopt: { certificate: CertificateAdoption.importArn(n.getString("certificate_arn")) },
    });
    expect(synth(stack).json.import[0].id).toBe(ref("certificate_arn"));
  });
});
