import * as fc from "fast-check";
import {
  domainNameProblem,
  duplicateNames,
  isInZone,
  nameCovers,
  nameSlug,
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
});
