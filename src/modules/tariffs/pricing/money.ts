// Exact decimal arithmetic for prices, energy and durations. One configured Decimal constructor so
// every computation in billing uses the same precision and rounding; never a JavaScript float.
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * 40 significant digits: far beyond any price × volume we compute (a rate per hour times a
 * duration in milliseconds divided by 3 600 000 stays exact to well below a millionth of a cent).
 * ROUND_HALF_UP is commercial rounding, used where a final amount is rounded to minor units.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Parses a JSON number or decimal string; throws on anything that is not a finite decimal. */
export function toDecimal(value: number | string, what: string): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`${what} is not a finite number`);
  if (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value)) throw new RangeError(`${what} is not a decimal: ${value}`);
  // A JSON number such as 0.1 is parsed by decimal.js from its shortest round-trip string, "0.1":
  // the value the author wrote, not the binary approximation.
  return new Decimal(value);
}

/** The plain decimal string of a value, without exponent notation and trailing noise. */
export function decimalString(value: Decimal): string {
  return value.toFixed();
}

/** Rounds an amount to the currency's minor units with the given rounding mode. */
export function roundMoney(amount: Decimal, minorUnits: number, mode: 'half-up' | 'half-even' = 'half-up'): Decimal {
  return amount.toDecimalPlaces(minorUnits, mode === 'half-up' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_HALF_EVEN);
}
