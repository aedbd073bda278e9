import * as fs from "node:fs";
import * as path from "node:path";
import { Testing } from "cdktf";
import { privateCa } from "../../examples/private-ca/main";
import { formatCostEstimate } from "../../modules/private-ca/cost";
import { PrivateCaStack, PrivateCaStackProps } from "../../stacks/private-ca-stack";
import { synth } from "../support/synth";

const BASE: PrivateCaStackProps = {
  region: "eu-west-1",
  root: { subject: { commonName: "Root" } },
  subordinates: [{ name: "Issuing", parent: "Root", subject: { commonName: "Issuing" } }],
  crl: { bucketName: "pki-crl-111111111111", accountId: "111111111111" },
};

const make = (props: Partial<PrivateCaStackProps> = {}) =>
  new PrivateCaStack(Testing.app(), "pki", { ...BASE, ...props });

describe("PrivateCaStack", () => {
  test("outputs the root certificate, every CA's ARN, certificates and listeners, and the cost", () => {
    const stack = make({
      certificates: [
        {
          name: "internal_api",
          domainName: "api.example.corp",
          issuer: "Issuing",
          listener: {
            loadBalancerArn:
              "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal/0123456789abcdef",
            targetGroupArn:
              "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/api/0123456789abcdef",
          },
        },
      ],
      billableCertificatesPerMonth: 10,
    });
    const outputs = synth(stack).outputs();
    expect(Object.keys(outputs).sort()).toEqual([
      "internal_api_certificate_arn",
      "internal_api_listener_arn",
      "issuing_ca_arn",
      "monthly_cost_estimate_usd",
      "root_ca_arn",
      "root_certificate_pem",
    ]);
    expect(outputs.root_certificate_pem.value).toMatch(
      /^\$\{aws_acmpca_certificate\.Pki_Root_Certificate_\w+\.certificate\}$/,
    );
    expect(outputs.internal_api_certificate_arn.value).toMatch(
      /^\$\{aws_acm_certificate\.InternalApi_Certificate_\w+\.arn\}$/,
    );
    expect(outputs.monthly_cost_estimate_usd.value).toBe(800 + 7.5);
    expect(stack.listeners.internal_api.node.id).toBe("InternalApiListener");
  });

  test("an externally signed subordinate outputs its CSR", () => {
    const stack = make({
      subordinates: [
        { name: "PartnerCa", externallySigned: true, subject: { commonName: "Partner" } },
      ],
    });
    expect(synth(stack).outputs().partner_ca_ca_csr.value).toMatch(/certificate_signing_request/);
  });

  test("certificate names are snake_case, unique, and issued by a CA of the hierarchy", () => {
    const cert = { domainName: "a.example.corp", issuer: "Issuing" };
    expect(() => make({ certificates: [{ ...cert, name: "Internal" }] })).toThrow(
      /certificates\[0\]\.name must be snake_case/,
    );
    expect(() =>
      make({
        certificates: [
          { ...cert, name: "a" },
          { ...cert, name: "a" },
        ],
      }),
    ).toThrow(/certificates\[\]\.name must be unique, got "a" twice/);
    expect(() => make({ certificates: [{ ...cert, name: "a", issuer: "Nope" }] })).toThrow(
      /no CA named "Nope"; the hierarchy has "Root", "Issuing"/,
    );
  });

  test("the example README shows the estimate that monthlyCostEstimate() computes", () => {
    const estimate = privateCa(Testing.app()).hierarchy.monthlyCostEstimate();
    expect(estimate.monthlyUsd).toBe(800);
    expect(estimate.oneTimeUsd).toBe(1.5);
    const readme = fs.readFileSync(
      path.join(__dirname, "../../examples/private-ca/README.md"),
      "utf8",
    );
    expect(readme).toContain(formatCostEstimate(estimate));
    expect(readme).toContain(`as of ${estimate.pricesAsOf}`);
  });
});
