import * as fc from "fast-check";
import {
  certificateNameProblem,
  domainNameProblem,
  duplicateNames,
  isInZone,
  isIpv4Address,
  nameCovers,
  nameSlug,
  publicSuffixOf,
  stripWildcard,
  uncoveredHosts,
  validationNames,
} from "../../../modules/util/domain-name";

describe("domainNameProblem", () => {
  test.each([
    ["example.com"],
    ["*.example.com"],
    ["a-b.c-d.example.co.uk"],
    ["xn--bcher-kva.example"],
    [`${"a".repeat(63)}.com`],
  ])("accepts %s", (name) => {
    expect(domainNameProblem(name)).toBeUndefined();
  });

  test.each([
    ["", /must not be empty/],
    ["Example.com", /must be lower-case; use "example.com"/],
    ["example.com.", /must not end with a dot; use "example.com"/],
    ["localhost", /at least two labels/],
    ["www.*.example.com", /only as the whole leftmost label/],
    ["*.*.example.com", /only one wildcard/],
    ["w*.example.com", /only as the whole leftmost label/],
    ["a..example.com", /empty label/],
    [`${"a".repeat(64)}.com`, /label of 64 characters; labels are at most 63/],
    ["-a.example.com", /invalid label "-a"/],
    ["a_b.example.com", /invalid label "a_b"/],
    [" example.com", /white space/],
    ["*.com", /wildcard of a top-level domain/],
  ])("rejects %j", (name, message) => {
    expect(domainNameProblem(name)).toMatch(message);
  });

  test("enforces the length it is given (64 for the primary name)", () => {
    const name = `${"a".repeat(60)}.com`; // 64
    expect(domainNameProblem(name, 64)).toBeUndefined();
    expect(domainNameProblem(`a${name}`, 64)).toMatch(/at most 64 characters, got 65/);
  });
});

describe("certificateNameProblem: the ACM rules beyond syntax", () => {
  const PUBLIC_DNS = { publicCertificate: true, dnsValidation: true };
  const PUBLIC = { publicCertificate: true, dnsValidation: false };
  const PRIVATE = { publicCertificate: false, dnsValidation: false };

  test.each([
    ["10.0.0.1", /must be a DNS name, not an IP address/],
    ["192.168.1.255", /not an IP address/],
    ["example.c", /one-character top-level label "c"/],
    ["www.example.123", /all-numeric top-level label "123"/],
    ["*.co.uk", /wildcard directly under the public suffix "co.uk"/],
    ["*.com.au", /wildcard directly under the public suffix "com.au"/],
    ["*.com", /wildcard of a top-level domain/],
  ])("a public name %j is refused, naming the rule", (name, message) => {
    expect(certificateNameProblem(name, 253, PUBLIC_DNS)).toMatch(message);
  });

  test.each([
    ["*.example.co.uk"],
    ["*.github.io"], // private section of the list: owned, certifiable
    ["*.pages.example.com"],
    ["xn--bcher-kva.example"],
    ["256.1.1.example"],
  ])("a public name %j passes", (name) => {
    expect(certificateNameProblem(name, 253, PUBLIC_DNS)).toBeUndefined();
  });

  test("private certificates skip the public-suffix rule but keep the DNS and ACM pattern rules", () => {
    expect(certificateNameProblem("*.co.uk", 253, PRIVATE)).toBeUndefined();
    expect(certificateNameProblem("*.svc.internal", 253, PRIVATE)).toBeUndefined();
    expect(certificateNameProblem("10.0.0.1", 253, PRIVATE)).toMatch(/not an IP address/);
    expect(certificateNameProblem("host.x", 253, PRIVATE)).toMatch(/one-character top-level/);
    // ACM's pattern needs a label between "*." and the top-level label.
    expect(certificateNameProblem("*.internal", 253, PRIVATE)).toMatch(/top-level domain/);
  });

  test("DNS validation: the record _<32 hex>.<name> must fit in 253 characters", () => {
    // 219 characters: 3 labels of 63 and 3 dots (192), 23 "d", ".com" (4).
    const fits = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(23)}.com`;
    expect(fits).toHaveLength(219);
    expect(certificateNameProblem(fits, 253, PUBLIC_DNS)).toBeUndefined();
    const over = `e.${fits}`; // 221 + 34 = 255
    expect(certificateNameProblem(over, 253, PUBLIC_DNS)).toMatch(
      /too long for DNS validation: its validation record "_<32 hex>.<name>" would be 255 characters, over DNS's 253/,
    );
    expect(certificateNameProblem(over, 253, PUBLIC)).toBeUndefined();
    // A wildcard is validated under its base name: "*." does not count.
    expect(certificateNameProblem(`*.${fits}`, 253, PUBLIC_DNS)).toBeUndefined();
  });

  test("isIpv4Address and publicSuffixOf", () => {
    expect(isIpv4Address("1.2.3.4")).toBe(true);
    expect(isIpv4Address("1.2.3.256")).toBe(false);
    expect(isIpv4Address("1.2.3")).toBe(false);
    expect(publicSuffixOf("co.uk")).toBe("co.uk");
    expect(publicSuffixOf("com")).toBe("com");
    expect(publicSuffixOf("example.co.uk")).toBeUndefined();
    expect(publicSuffixOf("github.io")).toBeUndefined();
    expect(publicSuffixOf("internal")).toBeUndefined();
  });
});

describe("wildcards and coverage", () => {
  test("stripWildcard and validationNames collapse apex and wildcard", () => {
    expect(stripWildcard("*.example.com")).toBe("example.com");
    expect(stripWildcard("www.example.com")).toBe("www.example.com");
    expect(
      validationNames(["example.com", "*.example.com", "api.example.com", "*.api.example.com"]),
    ).toEqual(["example.com", "api.example.com"]);
  });

  test("a wildcard covers exactly one label", () => {
    expect(nameCovers("*.example.com", "www.example.com")).toBe(true);
    expect(nameCovers("*.example.com", "example.com")).toBe(false);
    expect(nameCovers("*.example.com", "a.b.example.com")).toBe(false);
    expect(nameCovers("*.example.com", "wwwexample.com")).toBe(false);
    expect(nameCovers("example.com", "example.com")).toBe(true);
    expect(
      uncoveredHosts(["*.example.com"], ["a.example.com", "example.com", "x.y.example.com"]),
    ).toEqual(["example.com", "x.y.example.com"]);
  });

  test("duplicateNames reports repeats once", () => {
    expect(duplicateNames(["a.com", "b.com", "a.com", "a.com"])).toEqual(["a.com"]);
  });

  test("isInZone works on label boundaries", () => {
    expect(isInZone("a.example.com", "example.com")).toBe(true);
    expect(isInZone("example.com", "example.com")).toBe(true);
    expect(isInZone("badexample.com", "example.com")).toBe(false);
  });

  test("nameSlug", () => {
    expect(nameSlug("www.example.com")).toBe("www_example_com");
    expect(nameSlug("*.example.com")).toBe("wildcard_example_com");
  });
});

// ---- property tests ----
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const zoneName = fc.array(label, { minLength: 2, maxLength: 3 }).map((l) => l.join("."));
/**
 * A name in `zone`, with the name it is validated under: built from the same labels, so the
 * expected validation name is known by construction, not computed by `stripWildcard`.
 */
const nameIn = (zone: string) =>
  fc.tuple(fc.array(label, { minLength: 0, maxLength: 2 }), fc.boolean()).map(([prefix, wild]) => {
    const base = [...prefix, zone].join(".");
    return { name: wild ? `*.${base}` : base, validatedAs: base };
  });

describe("properties", () => {
  test("generated names are valid", () => {
    fc.assert(fc.property(zoneName.chain(nameIn), (n) => domainNameProblem(n.name) === undefined));
  });

  test("every name is covered by exactly one validation name, and counts match the distinct bases", () => {
    fc.assert(
      fc.property(
        zoneName.chain((z) => fc.array(nameIn(z), { minLength: 1, maxLength: 12 })),
        (names) => {
          const records = validationNames(names.map((n) => n.name));
          for (const n of names) {
            expect(records.filter((r) => r === n.validatedAs)).toHaveLength(1);
          }
          expect(records).toHaveLength(new Set(names.map((n) => n.validatedAs)).size);
          expect(new Set(records).size).toBe(records.length);
        },
      ),
    );
  });

  test("a wildcard covers a host exactly when the host is one label under it", () => {
    fc.assert(
      fc.property(zoneName, label, fc.array(label, { maxLength: 2 }), (zone, l, extra) => {
        const host = [...extra, l, zone].join(".");
        expect(nameCovers(`*.${zone}`, host)).toBe(extra.length === 0);
      }),
    );
  });

  test("a wildcard one label under a listed public suffix is refused, one label deeper is fine", () => {
    // Multi-label ICANN suffixes, written out: the oracle is the list, not the code under test.
    const suffixes = fc.constantFrom("co.uk", "com.au", "org.uk", "co.jp", "com.br");
    const rules = { publicCertificate: true, dnsValidation: true };
    fc.assert(
      fc.property(suffixes, label, (suffix, l) => {
        expect(certificateNameProblem(`*.${suffix}`, 253, rules)).toMatch(/public suffix/);
        expect(certificateNameProblem(`*.${l}.${suffix}`, 253, rules)).toBeUndefined();
      }),
    );
  });

  test("DNS validation fails exactly when 34 + the base name's length exceeds 253", () => {
    const longLabel = fc.stringMatching(/^[a-z]([a-z0-9]{0,61}[a-z])?$/);
    const longName = fc
      .array(longLabel, { minLength: 1, maxLength: 4 })
      .map((ls) => `${ls.join(".")}.com`)
      .filter((n) => n.length <= 253);
    fc.assert(
      fc.property(longName, fc.boolean(), (base, wild) => {
        const name = wild ? `*.${base}` : base;
        fc.pre(name.length <= 253);
        const problem = certificateNameProblem(name, 253, {
          publicCertificate: true,
          dnsValidation: true,
        });
        expect(problem === undefined).toBe(base.length + 34 <= 253);
      }),
    );
  });
});
