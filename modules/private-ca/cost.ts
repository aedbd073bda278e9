/**
 * AWS Private CA list prices, for estimates. Prices change: check the source before relying on
 * a figure, and update `pricesAsOf` with the numbers.
 *
 * Source: https://aws.amazon.com/private-ca/pricing/ (and the "ACM Private CA" section of
 * https://aws.amazon.com/certificate-manager/pricing/). Prices as of 2026-11-27, US dollars,
 * excluding tax, the same in every commercial region.
 *
 * What is billed:
 * - each CA, per month, pro-rated, until it is deleted (disabled CAs too): $400 in
 *   general-purpose mode, $50 in short-lived certificate mode. The first CA of an account in a
 *   region is free for its first 30 days;
 * - each certificate issued directly by AWS Private CA (IssueCertificate), once, in tiers by
 *   the number issued in the calendar month and region; short-lived mode has one flat price;
 * - ACM private certificates only when their private key is exported; those used only by
 *   integrated services (load balancers, CloudFront, API Gateway) are free;
 * - OCSP per request (not estimated here), and the S3/CloudFront costs of CRLs (negligible).
 */
export const PRIVATE_CA_PRICES = {
  source: "https://aws.amazon.com/private-ca/pricing/",
  pricesAsOf: "2026-11-27",
  currency: "USD",
  /** Per CA per month in GENERAL_PURPOSE mode. */
  generalPurposeCaPerMonth: 400,
  /** Per CA per month in SHORT_LIVED_CERTIFICATE mode. */
  shortLivedCaPerMonth: 50,
  /**
   * Per certificate issued by a general-purpose CA, by the number issued in the month: the
   * first 1,000, the next 9,000 (1,001 to 10,000), and every one above 10,000.
   */
  generalPurposeCertificateTiers: [
    { upTo: 1_000, price: 0.75 },
    { upTo: 10_000, price: 0.35 },
    { upTo: Number.POSITIVE_INFINITY, price: 0.001 },
  ],
  /** Per certificate issued by a short-lived CA. */
  shortLivedCertificate: 0.058,
} as const;

/** One line of an estimate. */
export interface CostLine {
  readonly item: string;
  readonly quantity: number;
  readonly unitPriceUsd: number;
  readonly usd: number;
}

export interface PrivateCaCostEstimate {
  /** Recurring lines (every month). */
  readonly monthly: readonly CostLine[];
  readonly monthlyUsd: number;
  /** One-time lines (the month the hierarchy is created). */
  readonly oneTime: readonly CostLine[];
  readonly oneTimeUsd: number;
  readonly pricesAsOf: string;
  readonly source: string;
  readonly notes: readonly string[];
}

export interface PrivateCaUsage {
  /** CAs in GENERAL_PURPOSE mode. */
  readonly generalPurposeCas: number;
  /** CAs in SHORT_LIVED_CERTIFICATE mode. @default 0 */
  readonly shortLivedCas?: number;
  /**
   * Billable certificates issued per month from general-purpose CAs: IssueCertificate calls,
   * and ACM private certificates whose key is exported. ACM certificates used only by
   * integrated services are free and do not count.
   * @default 0
   */
  readonly generalPurposeCertificatesPerMonth?: number;
  /** Certificates issued per month from short-lived CAs. @default 0 */
  readonly shortLivedCertificatesPerMonth?: number;
  /** CA certificates the hierarchy issues itself (root self-signature, subordinates), once. @default 0 */
  readonly caCertificates?: number;
}

const round = (value: number) => Math.round(value * 1_000_000) / 1_000_000;

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of at least 0, got ${value}`);
  }
}

/** The cost of `count` certificates in one month from general-purpose CAs, tier by tier. */
export function generalPurposeCertificateLines(count: number, label = "certificates"): CostLine[] {
  checkCount("count", count);
  const lines: CostLine[] = [];
  let remaining = count;
  let floor = 0;
  for (const tier of PRIVATE_CA_PRICES.generalPurposeCertificateTiers) {
    if (remaining <= 0) break;
    const inTier = Math.min(remaining, tier.upTo - floor);
    const to =
      tier.upTo === Number.POSITIVE_INFINITY
        ? " and above"
        : `-${tier.upTo.toLocaleString("en-US")}`;
    lines.push({
      item: `${label} ${(floor + 1).toLocaleString("en-US")}${to}`,
      quantity: inTier,
      unitPriceUsd: tier.price,
      usd: round(inTier * tier.price),
    });
    remaining -= inTier;
    floor = tier.upTo;
  }
  return lines;
}

/** An estimate from list prices. Throws RangeError on negative or fractional counts. */
export function estimatePrivateCaCost(usage: PrivateCaUsage): PrivateCaCostEstimate {
  const gp = usage.generalPurposeCas;
  const sl = usage.shortLivedCas ?? 0;
  const gpCerts = usage.generalPurposeCertificatesPerMonth ?? 0;
  const slCerts = usage.shortLivedCertificatesPerMonth ?? 0;
  const caCerts = usage.caCertificates ?? 0;
  for (const [name, value] of Object.entries({ gp, sl, gpCerts, slCerts, caCerts })) {
    checkCount(name, value);
  }
  const p = PRIVATE_CA_PRICES;
  const monthly: CostLine[] = [];
  if (gp > 0)
    monthly.push({
      item: "general-purpose CA",
      quantity: gp,
      unitPriceUsd: p.generalPurposeCaPerMonth,
      usd: round(gp * p.generalPurposeCaPerMonth),
    });
  if (sl > 0)
    monthly.push({
      item: "short-lived certificate mode CA",
      quantity: sl,
      unitPriceUsd: p.shortLivedCaPerMonth,
      usd: round(sl * p.shortLivedCaPerMonth),
    });
  monthly.push(...generalPurposeCertificateLines(gpCerts));
  if (slCerts > 0)
    monthly.push({
      item: "short-lived certificates",
      quantity: slCerts,
      unitPriceUsd: p.shortLivedCertificate,
      usd: round(slCerts * p.shortLivedCertificate),
    });
  const oneTime = caCerts > 0 ? generalPurposeCertificateLines(caCerts, "CA certificates") : [];
  const sum = (lines: readonly CostLine[]) => round(lines.reduce((t, l) => t + l.usd, 0));
  return {
    monthly,
    monthlyUsd: sum(monthly),
    oneTime,
    oneTimeUsd: sum(oneTime),
    pricesAsOf: p.pricesAsOf,
    source: p.source,
    notes: [
      "ACM private certificates used only by integrated services (load balancers, CloudFront, API Gateway) are free; exporting one bills it as an issued certificate.",
      "The first CA of an account in a region costs nothing for its first 30 days.",
      "CAs are billed until deleted, including while disabled; a CA restored from deletion is billed for the time it was deleted.",
      "OCSP requests, and S3/CloudFront for CRLs, are billed separately and not estimated.",
    ],
  };
}

/** A Markdown table of an estimate, for READMEs and logs. */
export function formatCostEstimate(estimate: PrivateCaCostEstimate): string {
  const usd = (v: number) => `$${v.toFixed(v < 1 && v > 0 ? 3 : 2)}`;
  const rows = (lines: readonly CostLine[], kind: string) =>
    lines.map(
      (l) =>
        `| ${kind} | ${l.item} | ${l.quantity.toLocaleString("en-US")} | ${usd(l.unitPriceUsd)} | ${usd(l.usd)} |`,
    );
  return [
    "| When | Item | Quantity | Unit price | Cost |",
    "| --- | --- | ---: | ---: | ---: |",
    ...rows(estimate.monthly, "monthly"),
    `| **monthly** | **total** | | | **${usd(estimate.monthlyUsd)}** |`,
    ...rows(estimate.oneTime, "once"),
    ...(estimate.oneTime.length > 0
      ? [`| **once** | **total** | | | **${usd(estimate.oneTimeUsd)}** |`]
      : []),
  ].join("\n");
}
