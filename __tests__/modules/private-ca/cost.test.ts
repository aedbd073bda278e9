import {
  estimatePrivateCaCost,
  formatCostEstimate,
  generalPurposeCertificateLines,
  PRIVATE_CA_PRICES,
} from "../../../modules/private-ca/cost";

describe("Private CA cost estimate", () => {
  test("list prices carry a source and a date", () => {
    expect(PRIVATE_CA_PRICES).toMatchObject({
      source: "https://aws.amazon.com/private-ca/pricing/",
      pricesAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      generalPurposeCaPerMonth: 400,
      shortLivedCaPerMonth: 50,
      shortLivedCertificate: 0.058,
    });
  });

  test("CAs by mode", () => {
    const e = estimatePrivateCaCost({ generalPurposeCas: 2, shortLivedCas: 1 });
    expect(e.monthly.map((l) => [l.item, l.quantity, l.usd])).toEqual([
      ["general-purpose CA", 2, 800],
      ["short-lived certificate mode CA", 1, 50],
    ]);
    expect(e.monthlyUsd).toBe(850);
    expect(e.oneTimeUsd).toBe(0);
  });

  test("general-purpose certificates in tiers: 0.75, then 0.35 from 1,001, then 0.001 above 10,000", () => {
    expect(generalPurposeCertificateLines(1000).map((l) => l.usd)).toEqual([750]);
    expect(generalPurposeCertificateLines(1500).map((l) => [l.item, l.quantity, l.usd])).toEqual([
      ["certificates 1-1,000", 1000, 750],
      ["certificates 1,001-10,000", 500, 175],
    ]);
    const e = estimatePrivateCaCost({
      generalPurposeCas: 1,
      generalPurposeCertificatesPerMonth: 20000,
    });
    expect(e.monthlyUsd).toBe(400 + 750 + 3150 + 10);
    expect(e.monthly[3]).toMatchObject({
      item: "certificates 10,001 and above",
      quantity: 10000,
      unitPriceUsd: 0.001,
    });
  });

  test("short-lived certificates at a flat price; CA certificates once", () => {
    const e = estimatePrivateCaCost({
      generalPurposeCas: 1,
      shortLivedCas: 1,
      shortLivedCertificatesPerMonth: 1000,
      caCertificates: 2,
    });
    expect(e.monthlyUsd).toBe(400 + 50 + 58);
    expect(e.oneTime).toEqual([
      { item: "CA certificates 1-1,000", quantity: 2, unitPriceUsd: 0.75, usd: 1.5 },
    ]);
    expect(e.oneTimeUsd).toBe(1.5);
    expect(e.notes.join(" ")).toMatch(/integrated services .* are free/);
  });

  test("rejects negative and fractional counts", () => {
    expect(() => estimatePrivateCaCost({ generalPurposeCas: -1 })).toThrow(
      /gp must be a whole number/,
    );
    expect(() =>
      estimatePrivateCaCost({ generalPurposeCas: 1, generalPurposeCertificatesPerMonth: 1.5 }),
    ).toThrow(/gpCerts must be a whole number/);
  });

  test("formats a Markdown table", () => {
    const table = formatCostEstimate(
      estimatePrivateCaCost({ generalPurposeCas: 2, caCertificates: 2 }),
    );
    expect(table.split("\n")).toEqual([
      "| When | Item | Quantity | Unit price | Cost |",
      "| --- | --- | ---: | ---: | ---: |",
      "| monthly | general-purpose CA | 2 | $400.00 | $800.00 |",
      "| **monthly** | **total** | | | **$800.00** |",
      "| once | CA certificates 1-1,000 | 2 | $0.750 | $1.50 |",
      "| **once** | **total** | | | **$1.50** |",
    ]);
  });
});
