// Each currency's minor units and rounding, from ../reference-data/currencies.json (ISO 4217).
import data from '../reference-data/currencies.json' with { type: 'json' };
import type { CurrencyRules } from '../pricing/price-session.js';

type CurrencyData = { rounding: 'half-up' | 'half-even'; currencies: Record<string, number> };
const table = data as CurrencyData;

export class UnknownCurrencyError extends Error {
  constructor(readonly currency: string) {
    super(`unknown currency: ${currency}`);
    this.name = 'UnknownCurrencyError';
  }
}

export function currencyRules(currency: string): CurrencyRules {
  const minorUnits = table.currencies[currency];
  if (minorUnits === undefined) throw new UnknownCurrencyError(currency);
  return { minorUnits, rounding: table.rounding };
}

export function isKnownCurrency(currency: string): boolean {
  return table.currencies[currency] !== undefined;
}
