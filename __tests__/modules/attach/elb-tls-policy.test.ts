import { Testing, Token } from "cdktf";
import { Construct } from "constructs";
import {
  DEFAULT_ELB_TLS_POLICY,
  ELB_TLS_POLICIES,
  ELB_TLS_POLICY_FAMILY,
  isWeakElbTlsPolicy,
  resolveElbTlsPolicy,
  WEAK_ELB_TLS_POLICIES,
} from "../../../modules/attach/elb-tls-policy";

const scope = new Construct(Testing.app(), "Scope");

describe("ELB TLS policies", () => {
  test("the default is the TLS 1.3/1.2 policy and is allowed", () => {
    expect(DEFAULT_ELB_TLS_POLICY).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(ELB_TLS_POLICIES).toContain(DEFAULT_ELB_TLS_POLICY);
    expect(resolveElbTlsPolicy(scope, "sslPolicy", undefined)).toBe(DEFAULT_ELB_TLS_POLICY);
  });

  test("allowed and weak lists do not overlap and have no duplicates", () => {
    expect(new Set(ELB_TLS_POLICIES).size).toBe(ELB_TLS_POLICIES.length);
    expect(new Set(WEAK_ELB_TLS_POLICIES).size).toBe(WEAK_ELB_TLS_POLICIES.length);
    expect(ELB_TLS_POLICIES.filter((p) => WEAK_ELB_TLS_POLICIES.includes(p))).toEqual([]);
  });

  test("every policy whose name allows TLS 1.0 or 1.1 is weak, none in the allow-list", () => {
    const allowsOld = (p: string) =>
      /TLS13-1-[01]-|TLS-1-[01]-|FS-1-1-|FS-2018|-2016-08|-2015-05/.test(p);
    for (const p of WEAK_ELB_TLS_POLICIES) expect([p, allowsOld(p)]).toEqual([p, true]);
    for (const p of ELB_TLS_POLICIES) expect([p, allowsOld(p)]).toEqual([p, false]);
  });

  test.each([
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-TLS-1-0-2015-04",
    "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
    "ELBSecurityPolicy-FS-1-1-2019-08",
  ])("rejects the weak policy %s", (policy) => {
    expect(isWeakElbTlsPolicy(policy)).toBe(true);
    expect(() => resolveElbTlsPolicy(scope, "sslPolicy", policy)).toThrow(
      new RegExp(`\\[Scope\\] sslPolicy must not allow TLS 1\\.0 or TLS 1\\.1, got "${policy}"`),
    );
  });

  test.each([
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    "ELBSecurityPolicy-TLS-1-2-2017-01",
  ])("accepts %s", (policy) => {
    expect(resolveElbTlsPolicy(scope, "sslPolicy", policy)).toBe(policy);
  });

  test("rejects unknown names (case matters) and lists the allowed ones", () => {
    for (const policy of ["elbsecuritypolicy-tls13-1-2-2021-06", "TLS_1_2", ""]) {
      expect(() => resolveElbTlsPolicy(scope, "sslPolicy", policy)).toThrow(
        /sslPolicy must be one of the known ELB security policies .* allowed: ELBSecurityPolicy-TLS13-1-2-2021-06, /,
      );
    }
  });

  test("names the property it was given", () => {
    expect(() => resolveElbTlsPolicy(scope, "listeners.api.sslPolicy", "nope")).toThrow(
      /listeners\.api\.sslPolicy must be one of/,
    );
  });

  test("passes tokens through", () => {
    const token = Token.asString({ Ref: "policy" });
    expect(resolveElbTlsPolicy(scope, "sslPolicy", token)).toBe(token);
  });

  test("every known TLS 1.2+ policy follows the family naming, with minimum 2 or 3", () => {
    for (const p of ELB_TLS_POLICIES) {
      expect([p, ELB_TLS_POLICY_FAMILY.exec(p)?.[2]]).toEqual([p, expect.stringMatching(/^[23]$/)]);
    }
  });

  test.each([
    ["ELBSecurityPolicy-TLS13-1-2-Res-PQ-2026-03", "TLS13", "2"],
    ["ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2027-01", "TLS13", "3"],
    ["ELBSecurityPolicy-TLS-1-2-Ext2-2026-06", "TLS", "2"],
    ["ELBSecurityPolicy-FS-1-2-Res-2026-01", "FS", "2"],
  ])(
    "an unknown %s of a TLS 1.2+ family is used as given, with a warning",
    (policy, family, min) => {
      const s = new Construct(Testing.app(), "Warned");
      expect(resolveElbTlsPolicy(s, "sslPolicy", policy)).toBe(policy);
      const warnings = s.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
      expect(warnings).toEqual([
        expect.stringContaining(
          `sslPolicy "${policy}" is not an ELB security policy this library knows; it is named like the ${family} family with TLS 1.${min} as minimum`,
        ),
      ]);
    },
  );

  test.each([
    "ELBSecurityPolicy-TLS13-1-0-PQ-2026-03",
    "ELBSecurityPolicy-TLS13-1-1-Res-2026-03",
    "ELBSecurityPolicy-TLS-1-1-2026-01",
    "ELBSecurityPolicy-FS-1-1-2026-01",
  ])("an unknown %s whose name allows TLS 1.0 or 1.1 is an error", (policy) => {
    expect(() => resolveElbTlsPolicy(scope, "sslPolicy", policy)).toThrow(
      `sslPolicy must not allow TLS 1.0 or TLS 1.1, got "${policy}"`,
    );
  });

  test.each([
    "ELBSecurityPolicy-2026-01",
    "ELBSecurityPolicy-TLS13-1-2",
    "ELBSecurityPolicy-TLS13-1-2-2021-6",
  ])("a name outside every family (%s) is an error, not a warning", (policy) => {
    expect(() => resolveElbTlsPolicy(scope, "sslPolicy", policy)).toThrow(
      `sslPolicy must be one of the known ELB security policies that require TLS 1.2 or later, or a newer name of their families`,
    );
  });
});
