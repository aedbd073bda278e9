/**
 * Rotation, planned against the state each example leaves once applied (built from its creation
 * plan by `priorStateFromPlan`). A rotation replaces a certificate: a name added, or another key
 * algorithm. With create_before_destroy (the default) Terraform creates the new certificate
 * first, moves each attachment to it in place and deletes the old one last.
 *
 * Validation records: ACM gives the same CNAME for a name in one account, so a record of a name
 * that stays must be neither created nor deleted. A create would overwrite the live record and
 * the delete of the deposed one would then remove it; a delete-first replacement leaves a
 * window without it. Only the records of added names are created.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { albHttps, config as alb } from "../../examples/alb-https/main";
import { apiGatewayHttp, config as http } from "../../examples/api-gateway-http/main";
import { apiGatewayRest, config as rest } from "../../examples/api-gateway-rest/main";
import { cloudfront, config as cf } from "../../examples/cloudfront/main";
import { elasticBeanstalk, config as eb } from "../../examples/elastic-beanstalk/main";
import { nlbTls, config as nlb } from "../../examples/nlb-tls/main";
import { AlbHttpsListener } from "../../modules/attach/alb-https-listener";
import { Certificate } from "../../modules/certificate/certificate";
import { CertificateValidation } from "../../modules/certificate/certificate-validation";
import { DnsValidationRecords } from "../../modules/dns/validation-records";
import { describeWithTerraform, PlanResult, planStacks, ResourceChange } from "../support/plan";
import { priorStateFromPlan } from "../support/prior-state";

const actionsOf = (c: ResourceChange): string => c.change.actions.join("+");

function byPrefix(plan: PlanResult, prefix: string): ResourceChange[] {
  const found = plan.resourceChanges.filter((c) => c.address.startsWith(prefix));
  if (found.length === 0) {
    throw new Error(
      `nothing planned at ${prefix}*; planned: ${plan.resourceChanges.map((c) => c.address).join(", ")}`,
    );
  }
  return found;
}

/** `{ address: actions }` of every validation record. */
function validationRecords(plan: PlanResult): Record<string, string> {
  return Object.fromEntries(
    plan.resourceChanges
      .filter((c) => c.address.startsWith("aws_route53_record.acm_validation_"))
      .map((c) => [c.address.replace("aws_route53_record.", ""), actionsOf(c)]),
  );
}

interface Rotation {
  /** The example, built with the given config. */
  readonly build: () => TerraformStack;
  /** The same example after the rotation. */
  readonly rotated: () => TerraformStack;
  /** Address prefixes of the certificates the rotation replaces. */
  readonly replaced: readonly string[];
  /** Validation records (logical names) of names that stay: planned no-op. */
  readonly kept: readonly string[];
  /** Validation records of added names: planned create. */
  readonly added: readonly string[];
  /** Attachments: updated in place to the new ARN, never replaced. */
  readonly updated: readonly string[];
  /** Attachments that cannot be updated in place: replaced, new one first. */
  readonly replacedFirstCreated?: readonly string[];
}

const EC = "EC_prime256v1";

const rotations: Record<string, Rotation> = {
  "alb-https (default and SNI certificates gain a name)": {
    build: () => albHttps(Testing.app()),
    rotated: () =>
      albHttps(Testing.app(), {
        ...alb,
        certificate: {
          ...alb.certificate,
          subjectAlternativeNames: ["www.example.com", "new.example.com"],
        },
        additionalCertificates: {
          shop: {
            domainName: "shop.example.org",
            subjectAlternativeNames: ["www.shop.example.org"],
          },
        },
      }),
    replaced: ["aws_acm_certificate.Certificate_2", "aws_acm_certificate.Certificate_shop_"],
    kept: [
      "acm_validation_example_com",
      "acm_validation_www_example_com",
      "acm_validation_shop_example_org",
    ],
    added: ["acm_validation_new_example_com", "acm_validation_www_shop_example_org"],
    updated: ["aws_lb_listener.Https_Listener_"],
    // Both arguments of aws_lb_listener_certificate force a replacement; it is
    // create_before_destroy, so SNI clients never fall back to the default certificate.
    replacedFirstCreated: ["aws_lb_listener_certificate.Https_SniCertificates_shop_"],
  },
  "nlb-tls (the certificate gains a name)": {
    build: () => nlbTls(Testing.app()),
    rotated: () =>
      nlbTls(Testing.app(), {
        ...nlb,
        certificate: {
          domainName: "grpc.example.com",
          subjectAlternativeNames: ["rpc.example.com"],
        },
      }),
    replaced: ["aws_acm_certificate."],
    kept: ["acm_validation_grpc_example_com"],
    added: ["acm_validation_rpc_example_com"],
    updated: ["aws_lb_listener."],
  },
  "cloudfront (a new alias)": {
    build: () => cloudfront(Testing.app()),
    rotated: () =>
      cloudfront(Testing.app(), { ...cf, aliases: [...cf.aliases, "static.example.com"] }),
    replaced: ["aws_acm_certificate."],
    kept: ["acm_validation_www_example_com", "acm_validation_example_com"],
    added: ["acm_validation_static_example_com"],
    updated: ["aws_cloudfront_distribution."],
  },
  "api-gateway-rest (another key algorithm)": {
    build: () => apiGatewayRest(Testing.app()),
    rotated: () =>
      apiGatewayRest(Testing.app(), {
        ...rest,
        domains: rest.domains.map((d) => ({ ...d, keyAlgorithm: EC })),
      }),
    replaced: ["aws_acm_certificate."],
    kept: ["acm_validation_api_example_com", "acm_validation_edge_example_com"],
    added: [],
    updated: ["aws_api_gateway_domain_name."],
  },
  "api-gateway-http (another key algorithm)": {
    build: () => apiGatewayHttp(Testing.app()),
    rotated: () =>
      apiGatewayHttp(Testing.app(), {
        ...http,
        domains: http.domains.map((d) => ({ ...d, keyAlgorithm: EC })),
      }),
    replaced: ["aws_acm_certificate."],
    kept: ["acm_validation_http_example_com"],
    added: [],
    updated: ["aws_apigatewayv2_domain_name."],
  },
  "elastic-beanstalk (the certificate gains a name)": {
    build: () => elasticBeanstalk(Testing.app()),
    rotated: () =>
      elasticBeanstalk(Testing.app(), {
        ...eb,
        certificate: {
          domainName: "app.example.com",
          subjectAlternativeNames: ["www.app.example.com"],
        },
      }),
    replaced: ["aws_acm_certificate."],
    kept: ["acm_validation_app_example_com"],
    added: ["acm_validation_www_app_example_com"],
    updated: ["aws_elastic_beanstalk_environment."],
  },
};

/** The stack of the create_before_destroy: false case: one certificate on an ALB listener. */
function withoutCreateBeforeDestroy(names: string[]): TerraformStack {
  const LB =
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
  const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
  const stack = new TerraformStack(Testing.app(), "rotation");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const certificate = new Certificate(stack, "Site", {
    domainName: "example.com",
    subjectAlternativeNames: names,
    validation: CertificateValidation.fromDns([{ zoneId: "Z1", zoneName: "example.com" }]),
    createBeforeDestroy: false,
  });
  new AlbHttpsListener(stack, "Https", { loadBalancerArn: LB, targetGroupArn: TG, certificate });
  return stack;
}

describeWithTerraform("plan: rotation against the applied state", () => {
  const names = Object.keys(rotations);
  const plans = new Map<string, { created: PlanResult; state: object; rotated: PlanResult }>();
  let unchanged: PlanResult;
  let withoutIgnoreChanges: PlanResult;
  let withoutCbd: PlanResult;

  beforeAll(async () => {
    // Two batches (scripts/plan/batch.ts), since a rotated plan needs the state its creation plan
    // leaves: every creation plan in one Terraform run (the examples' are already in the run's
    // plan cache), then every plan against those states in another.
    const created = await planStacks([
      ...names.map((name) => ({ stack: rotations[name].build() })),
      { stack: withoutCreateBeforeDestroy(["old.example.com"]) },
    ]);
    const states = await Promise.all(created.map((c) => priorStateFromPlan(c)));
    const first = names[0];
    const regression = rotations[first].rotated();
    for (const record of DnsValidationRecords.of(regression).records.values()) {
      record.lifecycle = {};
    }
    const planned = await planStacks([
      ...names.map((name, i) => ({
        stack: rotations[name].rotated(),
        options: { priorState: states[i] },
      })),
      { stack: albHttps(Testing.app()), options: { priorState: states[0] } },
      { stack: regression, options: { priorState: states[0] } },
      {
        stack: withoutCreateBeforeDestroy(["www.example.com"]),
        options: { priorState: states[names.length] },
      },
    ]);
    names.forEach((name, i) =>
      plans.set(name, { created: created[i], state: states[i], rotated: planned[i] }),
    );
    [unchanged, withoutIgnoreChanges, withoutCbd] = planned.slice(names.length);
  }, 600_000);

  test("the prior state is faithful: the unchanged alb-https plans no change at all", () => {
    expect(names[0]).toMatch(/^alb-https /);
    const changed = unchanged.resourceChanges.filter((c) => actionsOf(c) !== "no-op");
    expect(changed.map((c) => `${c.address}: ${actionsOf(c)}`)).toEqual([]);
    expect(unchanged.resourceChanges.length).toBeGreaterThan(10);
  });

  describe.each(names)("%s", (name) => {
    const r = rotations[name];
    const rotated = () => plans.get(name)!.rotated;

    test("the replaced certificate is created before the old one is deleted", () => {
      for (const prefix of r.replaced) {
        const certificates = byPrefix(rotated(), prefix);
        expect(certificates.map(actionsOf)).toEqual(certificates.map(() => "create+delete"));
      }
    });

    test("no validation record of a name that stays is created or deleted; added names get one", () => {
      const records = validationRecords(rotated());
      const expected = {
        ...Object.fromEntries(r.kept.map((k) => [k, "no-op"])),
        ...Object.fromEntries(r.added.map((k) => [k, "create"])),
      };
      expect(records).toEqual(expected);
    });

    test("each attachment is updated in place to the new certificate", () => {
      for (const prefix of r.updated) {
        const attachments = byPrefix(rotated(), prefix);
        expect(attachments.map(actionsOf)).toEqual(attachments.map(() => "update"));
      }
      for (const prefix of r.replacedFirstCreated ?? []) {
        expect(byPrefix(rotated(), prefix).map(actionsOf)).toEqual(["create+delete"]);
      }
    });
  });

  test("regression: without ignore_changes the records of names that stay would be replaced", () => {
    const records = validationRecords(withoutIgnoreChanges);
    expect(records.acm_validation_example_com).toBe("create+delete");
    expect(records.acm_validation_www_example_com).toBe("create+delete");
  });

  test("without create_before_destroy the old certificate would be deleted first, while still attached (why the default is on)", () => {
    expect(byPrefix(withoutCbd, "aws_acm_certificate.").map(actionsOf)).toEqual(["delete+create"]);
    expect(validationRecords(withoutCbd)).toEqual({
      acm_validation_example_com: "no-op",
      acm_validation_old_example_com: "delete",
      acm_validation_www_example_com: "create",
    });
  });
});
