// VAT by jurisdiction and date, from the data file ../reference-data/vat-rates.json. Pure lookups: the rate
// in force on a local date in a country, or in one of its regions where the rate differs.
import data from '../reference-data/vat-rates.json' with { type: 'json' };

type Period = { from: string; standard: string; tax?: string };
type VatData = { jurisdictions: Record<string, Period[]> };

export type VatRate = {
  /** Percentage as a decimal string, e.g. "21" or "25.5". */
  rate: string;
  /** The jurisdiction whose entry applied: "PT-20" for the Azores, "PT" otherwise. */
  jurisdiction: string;
  /** First day (local, inclusive) this rate has been in force. */
  since: string;
  /** "VAT", or the tax that replaces it in a region outside the VAT area (IGIC), or "none". */
  tax: string;
};

export class UnknownJurisdictionError extends Error {
  constructor(readonly jurisdiction: string, readonly date: string) {
    super(`no VAT rate known for ${jurisdiction} on ${date}`);
    this.name = 'UnknownJurisdictionError';
  }
}

const jurisdictions = (data as VatData).jurisdictions;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The standard rate in force on `date` (YYYY-MM-DD, the site's local date). A region (ISO 3166-2,
 * "ES-CN") with an entry of its own wins over its country; a region without one falls back to it.
 */
export function vatRate(country: string, region: string | null | undefined, date: string): VatRate {
  if (!/^[A-Z]{2}$/.test(country)) throw new RangeError(`country must be ISO 3166-1 alpha-2 upper case: ${country}`);
  if (!DATE.test(date)) throw new RangeError(`date must be YYYY-MM-DD: ${date}`);
  if (region && !region.startsWith(`${country}-`)) throw new RangeError(`region ${region} is not in country ${country}`);
  const key = region && jurisdictions[region] ? region : country;
  const periods = jurisdictions[key];
  const period = periods?.filter((p) => p.from <= date).at(-1);
  if (!period) throw new UnknownJurisdictionError(key, date);
  return { rate: period.standard, jurisdiction: key, since: period.from, tax: period.tax ?? 'VAT' };
}

export function knownJurisdictions(): string[] {
  return Object.keys(jurisdictions).sort();
}
