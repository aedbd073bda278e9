import * as fc from "fast-check";
import { matchZone } from "../../../modules/dns/zone-matching";

const zones = [
  { zoneName: "example.com", zoneId: "Z1" },
  { zoneName: "dev.example.com", zoneId: "Z2" },
  { zoneName: "example.org", zoneId: "Z3" },
];

describe("matchZone", () => {
  test.each([
    ["example.com", "Z1"],
    ["www.example.com", "Z1"],
    ["*.example.com", "Z1"],
    ["dev.example.com", "Z2"],
    ["a.dev.example.com", "Z2"],
    ["*.dev.example.com", "Z2"],
    ["x.example.org", "Z3"],
  ])("%s goes to %s", (name, zoneId) => {
    expect(matchZone(name, zones)?.zoneId).toBe(zoneId);
  });

  test("no authoritative zone gives undefined, also for look-alike suffixes", () => {
    expect(matchZone("example.net", zones)).toBeUndefined();
    expect(matchZone("badexample.com", zones)).toBeUndefined();
  });
});

/**
 * The oracle, by an independent route: a zone contains a name when the zone's labels are the
 * last labels of the name, compared as arrays (no string suffix logic).
 */
function contains(zoneName: string, name: string): boolean {
  const z = zoneName.split(".");
  const n = name.split(".");
  return z.length <= n.length && z.every((l, i) => l === n[n.length - z.length + i]);
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);

describe("property: zone matching picks the longest suffix", () => {
  test("the chosen zone contains the name and no longer containing zone exists", () => {
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 2, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        (labels, cuts) => {
          const name = labels.join(".");
          // zones: suffixes of the name of various lengths, plus an unrelated one
          const zs = [
            ...new Set(cuts.map((c) => labels.slice(Math.min(c, labels.length - 1)).join("."))),
          ]
            .filter((z) => z.includes("."))
            .map((zoneName, i) => ({ zoneName, zoneId: `Z${i}` }));
          zs.push({ zoneName: "unrelated.invalid", zoneId: "ZX" });
          const chosen = matchZone(name, zs);
          const containing = zs.filter((z) => contains(z.zoneName, name));
          if (containing.length === 0) {
            expect(chosen).toBeUndefined();
            return;
          }
          expect(chosen).toBeDefined();
          expect(contains(chosen!.zoneName, name)).toBe(true);
          for (const z of containing)
            expect(chosen!.zoneName.length).toBeGreaterThanOrEqual(z.zoneName.length);
        },
      ),
    );
  });
});
