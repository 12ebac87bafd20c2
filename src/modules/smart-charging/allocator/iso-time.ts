// Reading session times. Date.parse costs about a microsecond; with two times per session that was
// a few percent of a 1,000-EVSE recomputation (V8 profile, ADR 079). The times ChargeOps produces
// are all `Date.prototype.toISOString()` output (`YYYY-MM-DDTHH:mm:ss.sssZ`): those are read
// digit by digit; anything else (offsets, no milliseconds, out-of-range fields) goes to Date.parse,
// so the result is always Date.parse's.

const ZERO = 48;

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Milliseconds since the epoch, exactly as Date.parse(value) (NaN when it is not a date-time). */
export function parseIsoMs(value: string): number {
  if (value.length === 24 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && value.charCodeAt(10) === 84
    && value.charCodeAt(13) === 58 && value.charCodeAt(16) === 58 && value.charCodeAt(19) === 46 && value.charCodeAt(23) === 90) {
    const year = digits(value, 0, 4), month = digits(value, 5, 2), day = digits(value, 8, 2);
    const hour = digits(value, 11, 2), minute = digits(value, 14, 2), second = digits(value, 17, 2), ms = digits(value, 20, 3);
    // Fields in range take the fast path (V8 reads a day past the month end, e.g. 02-30, as
    // Date.UTC does: it overflows into the next month); Date.parse decides about the rest.
    // (Date.UTC reads years 0-99 as 1900-1999.)
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(value);
}
