/**
 * Exact decimal numbers for energy and meter readings: value = coefficient × 10^exponent with a
 * bigint coefficient. Energy is never a binary float in ChargeOps: 1.6 sends decimal strings, which
 * are parsed exactly; 2.x sends JSON numbers, which are taken through their shortest round-trip
 * decimal text (String(n)), i.e. the literal the station wrote whenever it had at most 15 digits.
 */
export type Decimal = { readonly coefficient: bigint; readonly exponent: number };

export const ZERO: Decimal = { coefficient: 0n, exponent: 0 };

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/** Plain literals (what meters send and what this code formats): digits, at most one point. */
const PLAIN_TEXT = /^(-?)(\d{1,15})(?:\.(\d{1,15}))?$/;

/** Parses a decimal literal ("12", "-0.5", "1.25e3", " 7 "); null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  // Fast path, same result: at most 30 digits of a plain literal need no trim, exponent or bigint text building.
  const plain = PLAIN_TEXT.exec(text);
  if (plain) {
    const fraction = plain[3];
    const digits = fraction === undefined ? plain[2]! : plain[2]! + fraction;
    const coefficient = BigInt(digits);
    return normalize({ coefficient: plain[1] === '-' ? -coefficient : coefficient, exponent: fraction === undefined ? 0 : -fraction.length });
  }
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  if (whole === '' && fraction === '') return null;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const coefficient = BigInt(digits === '' ? '0' : digits);
  return normalize({ coefficient: sign === '-' ? -coefficient : coefficient, exponent: Number(exponentText) - fraction.length });
}

/** A JSON number as an exact decimal of its shortest round-trip text; null for NaN or infinities. */
export function decimalFromNumber(value: number): Decimal | null {
  // A safe integer's shortest text is its plain digits: the same value without the text.
  if (Number.isSafeInteger(value)) return normalize({ coefficient: BigInt(value), exponent: 0 });
  return Number.isFinite(value) ? parseDecimal(String(value)) : null;
}

/** Strips trailing zeros so that equal values have one representation. */
export function normalize(value: Decimal): Decimal {
  if (value.coefficient === 0n) return ZERO;
  if (value.coefficient % 10n !== 0n) return value;
  let { coefficient, exponent } = value;
  while (coefficient % 10n === 0n) {
    coefficient /= 10n;
    exponent += 1;
  }
  return { coefficient, exponent };
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.coefficient * 10n ** BigInt(a.exponent - exponent), b.coefficient * 10n ** BigInt(b.exponent - exponent), exponent];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = aligned(a, b);
  return normalize({ coefficient: x + y, exponent });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = aligned(a, b);
  return normalize({ coefficient: x - y, exponent });
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a × 10^places (exact; used for kilo units and 2.x unitOfMeasure.multiplier). */
export function shift(a: Decimal, places: number): Decimal {
  return normalize({ coefficient: a.coefficient, exponent: a.exponent + places });
}

/** Rounds half away from zero to `places` decimals (what PostgreSQL does when storing numeric(p, s)). */
export function roundTo(a: Decimal, places: number): Decimal {
  if (a.exponent >= -places) return a;
  const divisor = 10n ** BigInt(-places - a.exponent);
  const magnitude = a.coefficient < 0n ? -a.coefficient : a.coefficient;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return normalize({ coefficient: a.coefficient < 0n ? -quotient : quotient, exponent: -places });
}

/** Plain decimal text without exponent notation ("1500", "0.0012", "-3.5"). */
export function formatDecimal(a: Decimal): string {
  const negative = a.coefficient < 0n;
  const digits = (negative ? -a.coefficient : a.coefficient).toString();
  let text: string;
  if (a.exponent >= 0) {
    text = a.coefficient === 0n ? '0' : digits + '0'.repeat(a.exponent);
  } else {
    const padded = digits.padStart(-a.exponent + 1, '0');
    const point = padded.length + a.exponent;
    text = `${padded.slice(0, point)}.${padded.slice(point)}`;
  }
  return negative ? `-${text}` : text;
}

/** Parses text that must be a decimal (values this code produced or the database returned). */
export function decimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`Not a decimal: ${JSON.stringify(text)}`);
  return parsed;
}
