import { COMPLIANT, nonCompliant, NOT_APPLICABLE, PolicyRule } from "../types";

/** `tolist(<...>.domain_validation_options)` anywhere in an expression. */
const TOLIST = /tolist\(\s*[^()]*domain_validation_options\s*\)/;
/** An index or a splat-index on domain_validation_options: `[0]`, `.0`, `[*]`. */
const INDEXED = /domain_validation_options\s*\)?\s*(\[\s*[^\]]*\]|\.\d+)/;

/** TLS007: validation records are keyed by domain name, not by position in a set. */
export const TLS007: PolicyRule = {
  id: "TLS007",
  name: "validation-record-index",
  level: "error",
  message:
    "Route 53 validation record reads domain_validation_options through tolist(...), an index or for_each",
  explanation:
    "domain_validation_options is a set (since AWS provider 3.0): it has no indexes, and tolist() " +
    "orders it by value, so record [0] can change meaning when a name is added. for_each over it " +
    'fails plan with "Invalid for_each argument" while the certificate does not exist yet (shown ' +
    "by __tests__/plan/iterator-regression.test.ts). Select each name's record with a for " +
    "expression filtered by domain_name, as modules/dns/validation-records.ts does. " +
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-3-upgrade#resource-aws_acm_certificate",
  resourceTypes: ["aws_route53_record"],
  evaluate(resource) {
    const c = resource.config;
    const forEach = typeof c.for_each === "string" ? c.for_each : "";
    const fields = [c.name, c.type, c.records, c.zone_id, c.for_each]
      .flat()
      .filter((v): v is string => typeof v === "string");
    if (!fields.some((f) => f.includes("domain_validation_options"))) return NOT_APPLICABLE;
    if (forEach.includes("domain_validation_options")) {
      return nonCompliant("for_each iterates over domain_validation_options");
    }
    const bad = fields.find((f) => TOLIST.test(f) || INDEXED.test(f));
    return bad === undefined ? COMPLIANT : nonCompliant(`reads it by position: ${bad}`);
  },
};
