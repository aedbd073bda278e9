import * as fc from "fast-check";
import { Certificate } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { matchZone } from "../../../modules/dns/zone-matching";
import { nameSlug, stripWildcard } from "../../../modules/util/domain-name";
import { synth, testStack } from "../../support/synth";

// Zones: a parent and a child, so longest-suffix matching matters.
const ZONES = [
  { zoneId: "ZPARENT", zoneName: "example.com" },
  { zoneId: "ZCHILD", zoneName: "dev.example.com" },
  { zoneId: "ZOTHER", zoneName: "example.org" },
];
const label = fc.constantFrom("a", "b", "api", "www", "x-1");
const name = fc
  .tuple(
    fc.boolean(),
    fc.array(label, { maxLength: 2 }),
    fc.constantFrom(...ZONES.map((z) => z.zoneName)),
  )
  .map(([wild, prefix, zone]) => `${wild ? "*." : ""}${[...prefix, zone].join(".")}`);
const certificateNames = fc.uniqueArray(name, { minLength: 1, maxLength: 6 });

describe("property: validation records built by Certificate", () => {
  test("every name is covered by exactly one record in its most specific zone; records are unique and counted right", () => {
    fc.assert(
      fc.property(fc.array(certificateNames, { minLength: 1, maxLength: 3 }), (certs) => {
        const { stack } = testStack();
        const validation = CertificateValidation.fromDns(ZONES);
        certs.forEach(([domainName, ...sans], i) => {
          new Certificate(stack, `Cert${i}`, {
            domainName,
            subjectAlternativeNames: sans,
            validation,
          });
        });
        const records = synth(stack).resources("aws_route53_record");
        const distinct = new Set(certs.flat().map(stripWildcard));
        // count: one record per distinct wildcard-stripped name across the stack
        expect(Object.keys(records)).toHaveLength(distinct.size);
        // no duplicate record for one name in one zone
        const keys = Object.values(records).map((r: any) => `${r.zone_id}|${r.name}`);
        expect(new Set(keys).size).toBe(keys.length);
        // every name covered by exactly one record, in its longest-suffix zone
        for (const n of certs.flat()) {
          const bare = stripWildcard(n);
          const matches = Object.entries(records).filter(
            ([id]) => id === `acm_validation_${nameSlug(bare)}`,
          );
          expect(matches).toHaveLength(1);
          expect((matches[0][1] as any).zone_id).toBe(matchZone(bare, ZONES)!.zoneId);
          expect((matches[0][1] as any).name).toContain(`== ${JSON.stringify(bare)}`);
        }
      }),
      { numRuns: 60 },
    );
  });
});
