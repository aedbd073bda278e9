/**
 * Rotation: a certificate whose names change is replaced. With create_before_destroy (our
 * default) Terraform creates the new certificate first, moves the listener to it in place, and
 * only then deletes the old one: no gap on the listener, and no ResourceInUseException from
 * deleting a certificate that is still attached. The plan runs against a hand-written prior
 * state, so it shows the replacement, not a creation.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { AlbHttpsListener } from "../../modules/attach/alb-https-listener";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { at, describeWithTerraform, planStack } from "../support/plan";
import { synth } from "../support/synth";

const LB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
const OLD_ARN =
  "arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-000000000001";
const PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

function build(createBeforeDestroy: boolean): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "rotation");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const certificate = new Certificate(stack, "Site", {
    domainName: "example.com",
    subjectAlternativeNames: ["www.example.com"], // was "old.example.com": forces replacement
    validation: CertificateValidation.fromDns([{ zoneId: "Z1", zoneName: "example.com" }]),
    createBeforeDestroy,
  });
  new AlbHttpsListener(stack, "Https", { loadBalancerArn: LB, targetGroupArn: TG, certificate });
  return stack;
}

/** The state as it was before the SAN changed: certificate, its validation and the listener. */
function priorState(stack: TerraformStack): object {
  const resources = synth(stack).json.resource;
  const name = (type: string) => Object.keys(resources[type])[0];
  const instance = (type: string, attributes: object, dependencies: string[] = []) => ({
    mode: "managed",
    type,
    name: name(type),
    provider: PROVIDER,
    instances: [{ schema_version: 0, attributes, dependencies }],
  });
  const cert = `aws_acm_certificate.${name("aws_acm_certificate")}`;
  const validation = `aws_acm_certificate_validation.${name("aws_acm_certificate_validation")}`;
  const listener = resources.aws_lb_listener[name("aws_lb_listener")];
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "00000000-0000-0000-0000-000000000000",
    outputs: {},
    resources: [
      instance("aws_acm_certificate", {
        id: OLD_ARN,
        arn: OLD_ARN,
        domain_name: "example.com",
        subject_alternative_names: ["example.com", "old.example.com"],
        validation_method: "DNS",
        key_algorithm: "RSA_2048",
        options: [{ certificate_transparency_logging_preference: "ENABLED" }],
        status: "ISSUED",
        tags: {},
        tags_all: {},
      }),
      instance(
        "aws_acm_certificate_validation",
        {
          id: "2026-01-01 00:00:00 +0000 UTC",
          certificate_arn: OLD_ARN,
          validation_record_fqdns: [],
        },
        [cert],
      ),
      {
        mode: "managed",
        type: "aws_route53_record",
        name: "acm_validation_example_com",
        provider: PROVIDER,
        instances: [
          {
            schema_version: 2,
            attributes: {
              id: "Z1__abc.example.com_CNAME",
              zone_id: "Z1",
              name: "_abc.example.com",
              fqdn: "_abc.example.com",
              type: "CNAME",
              ttl: 60,
              records: ["_def.acm-validations.aws."],
              allow_overwrite: true,
            },
            dependencies: [cert],
          },
        ],
      },
      instance(
        "aws_lb_listener",
        {
          id: `${LB.replace(":loadbalancer/", ":listener/")}/1111111111111111`,
          arn: `${LB.replace(":loadbalancer/", ":listener/")}/1111111111111111`,
          load_balancer_arn: LB,
          port: 443,
          protocol: "HTTPS",
          ssl_policy: listener.ssl_policy,
          certificate_arn: OLD_ARN,
          default_action: [{ type: "forward", target_group_arn: TG, order: 1 }],
          tags: {},
          tags_all: {},
        },
        [cert, validation],
      ),
    ],
  };
}

describeWithTerraform("plan: hitless certificate rotation", () => {
  test("create_before_destroy (the default): new certificate first, listener updated in place, old one deleted last", async () => {
    const stack = build(true);
    const plan = await planStack(stack, { priorState: priorState(stack) });
    const certificate = plan.resourceChanges.find((c) => c.type === "aws_acm_certificate")!;
    expect(certificate.change.actions).toEqual(["create", "delete"]);
    const listener = plan.resourceChanges.find((c) => c.type === "aws_lb_listener")!;
    expect(listener.change.actions).toEqual(["update"]);
    expect(at(plan, listener.address).change.after_unknown).toMatchObject({
      certificate_arn: true,
    });
  });

  test("without create_before_destroy the old certificate would be deleted first, while still attached", async () => {
    const stack = build(false);
    const plan = await planStack(stack, { priorState: priorState(stack) });
    const certificate = plan.resourceChanges.find((c) => c.type === "aws_acm_certificate")!;
    expect(certificate.change.actions).toEqual(["delete", "create"]);
  });
});
