import { Testing, TerraformStack } from "cdktf";
import { SHORT_LIVED_MAX_DAYS, Validity } from "../../../modules/private-ca/validity";

const scope = () => new TerraformStack(Testing.app(), "v");

describe("Validity", () => {
  test("factories carry the provider's type and value", () => {
    expect(Validity.years(10).toBlock()).toEqual({ type: "YEARS", value: "10" });
    expect(Validity.months(6).toBlock()).toEqual({ type: "MONTHS", value: "6" });
    expect(Validity.days(7).toBlock()).toEqual({ type: "DAYS", value: "7" });
  });

  test("each period is a range of days: months 28-31, years 365-366", () => {
    expect([Validity.days(7).minDays, Validity.days(7).maxDays]).toEqual([7, 7]);
    expect([Validity.months(2).minDays, Validity.months(2).maxDays]).toEqual([56, 62]);
    expect([Validity.years(10).minDays, Validity.years(10).maxDays]).toEqual([3650, 3660]);
    expect(SHORT_LIVED_MAX_DAYS).toBe(7);
  });

  test("shorter-than compares the longest child with the shortest parent", () => {
    expect(Validity.years(5).isShorterThan(Validity.years(10))).toBe(true);
    expect(Validity.years(10).isShorterThan(Validity.years(10))).toBe(false);
    expect(Validity.days(3649).isShorterThan(Validity.years(10))).toBe(true);
    expect(Validity.days(3650).isShorterThan(Validity.years(10))).toBe(false);
    // Borderline: 119 months can reach 3689 days, more than 10 years' 3650 minimum.
    expect(Validity.months(119).isShorterThan(Validity.years(10))).toBe(false);
    expect(Validity.months(12).isShorterThan(Validity.months(13))).toBe(false);
    expect(Validity.months(12).isShorterThan(Validity.years(2))).toBe(true);
  });

  test("of() accepts a plain { type, value } and rejects bad ones", () => {
    const s = scope();
    expect(Validity.of(s, "validity", { type: "YEARS", value: 3 }).maxDays).toBe(1098);
    expect(() => Validity.of(s, "validity", { type: "WEEKS", value: 3 })).toThrow(
      /validity\.type must be one of "DAYS", "MONTHS", "YEARS", got "WEEKS"/,
    );
    expect(() => Validity.of(s, "validity", { type: "DAYS", value: 0 })).toThrow(
      /validity\.value must be a whole number of at least 1, got 0/,
    );
    expect(() => Validity.of(s, "validity", Validity.days(1.5))).toThrow(/got 1\.5/);
    expect(() => Validity.of(s, "validity", "10y" as never)).toThrow(
      /validity must be a validity such as Validity\.years\(10\), got "10y"/,
    );
  });

  test("toString reads naturally", () => {
    expect(String(Validity.years(1))).toBe("1 year");
    expect(String(Validity.days(8))).toBe("8 days");
  });
});
