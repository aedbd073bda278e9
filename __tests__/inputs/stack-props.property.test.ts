/**
 * Property: whatever a user puts in a stack's props (names, zones, regions, flags, drawn at
 * random, good and bad mixed), the stack either synthesizes with validations on or throws a
 * ValidationError. Never a TypeError, a constructs "There is already a Construct" error, or any
 * other crash: the promise is that bad input fails at synth with the property and the value.
 */
import { Testing, TerraformStack } from "cdktf";
import * as fc from "fast-check";
import { ValidationError } from "../../modules/util/errors";
import {
  AlbHttpsStack,
  ApiGatewayHttpStack,
  ApiGatewayRestStack,
  CertificatesStack,
  CloudFrontStack,
} from "../../stacks";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 80);
/**
 * A fixed seed keeps CI deterministic (each test also asserts that both outcomes were reached);
 * set PROPERTY_SEED (and PROPERTY_RUNS) to explore further. fast-check prints the seed and the
 * counterexample of any failure, so a failure found that way can be replayed.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20261129);

/** Mostly a valid value, sometimes a bad one: so that both outcomes are reached. */
function mostly<T>(valid: readonly T[], bad: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 5 },
    { arbitrary: fc.constantFrom(...bad), weight: 1 },
  );
}

/** Counts outcomes of one property, to show it reached both. */
class Outcomes {
  ok = 0;
  errors = 0;
  record(result: string): void {
    if (result === "ok") this.ok++;
    else this.errors++;
  }
}

/** Synthesizes; returns "ok", or the ValidationError's message. Anything else is rethrown. */
function outcome(seen: Outcomes, build: () => TerraformStack): string {
  try {
    Testing.synth(build(), true);
    seen.record("ok");
    return "ok";
  } catch (e) {
    if (e instanceof ValidationError) {
      // The message starts with the construct path and says what was received.
      expect(e.message).toMatch(/^\[[^\]]+\] \S/);
      seen.record(e.message);
      return e.message;
    }
    throw e;
  }
}

const label = mostly(["www", "api", "shop", "a", "xn--bcher-kva", "a-b", "1"], ["-x", "UP", ""]);
const zoneName = mostly(
  ["example.com", "example.org", "dev.example.com"],
  ["co.uk", "com", "example.com."],
);
const domainName = fc.oneof(
  fc.tuple(fc.array(label, { maxLength: 3 }), zoneName).map(([ls, z]) => [...ls, z].join(".")),
  fc.tuple(fc.array(label, { maxLength: 2 }), zoneName).map(([ls, z]) => ["*", ...ls, z].join(".")),
  mostly(
    ["example.com", "www.example.org"],
    [
      "*.co.uk",
      "10.0.0.1",
      "example.c",
      "example.123",
      "Example.com",
      `${"a".repeat(63)}.example.com`,
      "*.*.example.com",
      "a..example.com",
    ],
  ),
);
const zoneId = mostly(
  ["Z0EXAMPLE00000000001", "Z0EXAMPLE00000000002", "Z1", "/hostedzone/Z3"],
  ["", "zone-1"],
);
const zones = fc.oneof(
  {
    arbitrary: fc.constant([
      { zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" },
      { zoneId: "Z0EXAMPLE00000000002", zoneName: "example.org" },
    ]),
    weight: 3,
  },
  { arbitrary: fc.array(fc.record({ zoneId, zoneName }), { maxLength: 3 }), weight: 2 },
);
const region = mostly(["eu-west-1", "us-east-1", "ap-southeast-2"], ["", "EU-WEST-1", "mars"]);
const identifier = mostly(
  ["site", "api", "a", "shop_2"],
  [
    "a_unvalidated",
    "aws",
    "AcmValidationRecords",
    "1bad",
    "has space",
    "",
    "x".repeat(70),
    "dns_1",
  ],
);
const keyAlgorithm = mostly<string | undefined>(
  [undefined, "RSA_2048", "EC_prime256v1", "EC_secp384r1"],
  ["RSA_1024", "RSA_4096", "EC_new", "DSA"],
);
const timeout = mostly<string | undefined>(
  [undefined, "45m", "1.5h", "1h30m"],
  ["90", "forever", "0s"],
);

describe("property: stack props either synthesize or throw a ValidationError", () => {
  test("CertificatesStack", () => {
    const seen = new Outcomes();
    fc.assert(
      fc.property(
        region,
        zones,
        fc.array(
          fc.record({
            name: identifier,
            domainName,
            subjectAlternativeNames: fc.option(fc.array(domainName, { maxLength: 3 }), {
              nil: undefined,
            }),
            keyAlgorithm,
            inUsEast1: fc.option(fc.boolean(), { nil: undefined }),
            validationTimeout: timeout,
            maxDomainNames: fc.option(mostly([1, 10, 100], [101, 0, 2.5]), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        fc.option(fc.boolean(), { nil: undefined }),
        (r, hostedZones, certificates, usEast1Provider) => {
          outcome(
            seen,
            () =>
              new CertificatesStack(Testing.app(), "certs", {
                region: r,
                hostedZones,
                certificates,
                usEast1Provider,
              }),
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  });

  test("AlbHttpsStack", () => {
    const lb = mostly(
      ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef"],
      [
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/0123456789abcdef",
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/web/0123456789abcdef",
        "web",
      ],
    );
    const tg = mostly(
      ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef"],
      [
        "arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/web/0123456789abcdef",
        "arn:aws:acm:eu-west-1:111111111111:certificate/0123abcd-0000-1111-2222-333344445555",
      ],
    );
    const seen = new Outcomes();
    fc.assert(
      fc.property(
        mostly(["eu-west-1"], ["us-east-1", ""]),
        zones,
        lb,
        tg,
        domainName,
        fc.oneof(
          { arbitrary: fc.constant({}), weight: 2 },
          {
            arbitrary: fc.dictionary(identifier, fc.record({ domainName }), { maxKeys: 3 }),
            weight: 1,
          },
        ),
        fc.oneof(
          { arbitrary: fc.constant([]), weight: 2 },
          { arbitrary: fc.array(domainName, { maxLength: 3 }), weight: 1 },
        ),
        mostly<string | undefined>(
          [undefined, "ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2099-01"],
          ["ELBSecurityPolicy-2016-08", "nope"],
        ),
        mostly<number | undefined>([undefined, 443, 8443], [80, 0, 70000, 8443.5]),
        (
          r,
          hostedZones,
          loadBalancerArn,
          targetGroupArn,
          main,
          additional,
          hostNames,
          sslPolicy,
          port,
        ) => {
          outcome(
            seen,
            () =>
              new AlbHttpsStack(Testing.app(), "alb", {
                region: r,
                hostedZones,
                loadBalancerArn,
                targetGroupArn,
                certificate: { domainName: main },
                additionalCertificates: additional,
                hostNames,
                sslPolicy,
                port,
              }),
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  });

  test("CloudFrontStack", () => {
    const seen = new Outcomes();
    fc.assert(
      fc.property(
        region,
        zones,
        fc.oneof(
          { arbitrary: fc.constant(["www.example.com", "example.com"]), weight: 2 },
          { arbitrary: fc.array(domainName, { minLength: 0, maxLength: 4 }), weight: 3 },
        ),
        mostly(["origin.example.com"], ["https://origin.example.com", "10.0.0.1", ""]),
        mostly<string | undefined>(
          [undefined, "TLSv1.2_2021", "TLSv1.2_2019"],
          ["TLSv1", "TLSv1.3_2025", "TLSv1.4_2030", "bad"],
        ),
        fc.option(fc.record({ domainName, keyAlgorithm }), { nil: undefined, freq: 2 }),
        (r, hostedZones, aliases, originDomainName, minimumProtocolVersion, certificate) => {
          outcome(
            seen,
            () =>
              new CloudFrontStack(Testing.app(), "cf", {
                region: r,
                hostedZones,
                aliases,
                originDomainName,
                minimumProtocolVersion,
                certificate,
              }),
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  });

  test("API Gateway REST and HTTP stacks", () => {
    const domain = fc.record({
      name: identifier,
      domainName,
      keyAlgorithm,
    });
    const seen = new Outcomes();
    fc.assert(
      fc.property(
        region,
        zones,
        fc.array(domain, { maxLength: 3 }),
        mostly(["REGIONAL", "EDGE"], ["PRIVATE", "regional"]),
        mostly(["a1b2c3d4e5"], ["A1B2", "", "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5"]),
        mostly(["prod", "$default"], ["", "bad stage"]),
        (r, hostedZones, domains, endpointType, apiId, stage) => {
          outcome(
            seen,
            () =>
              new ApiGatewayRestStack(Testing.app(), "rest", {
                region: r,
                hostedZones,
                domains: domains.map((d) => ({
                  ...d,
                  endpointType: endpointType as "REGIONAL",
                  restApiId: apiId,
                  stageName: stage,
                })),
              }),
          );
          outcome(
            seen,
            () =>
              new ApiGatewayHttpStack(Testing.app(), "http", {
                region: r,
                hostedZones,
                domains: domains.map((d) => ({ ...d, apiId, stage })),
              }),
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  });

  test("the generators reach both outcomes (the property is not vacuous)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(region, zones, domainName, (r, hostedZones, name) => {
        const result = outcome(
          new Outcomes(),
          () =>
            new CertificatesStack(Testing.app(), "certs", {
              region: r,
              hostedZones,
              certificates: [{ name: "site", domainName: name }],
            }),
        );
        seen.add(result === "ok" ? "ok" : "error");
      }),
      { numRuns: 200, seed: 42 },
    );
    expect([...seen].sort()).toEqual(["error", "ok"]);
  });
});
