/**
 * The "date-time" format of the generated validators (scripts/generate-protocol.ts points them
 * here instead of at ajv-formats): the same answers as ajv-formats' full "date-time" (RFC 3339,
 * time zone required), only faster for the shape every station sends.
 *
 * ajv-formats splits the string with a regular expression and matches two more, about a
 * microsecond per timestamp; an OCPP message carries one to three. `isPlainUtcOrOffsetDateTime`
 * reads `YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM)` character by character and says true only where
 * ajv-formats says true; every other string (a space or lower-case separator is fine too, a leap
 * second, an offset without colon, anything invalid) is decided by ajv-formats itself, so no
 * string changes verdict.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';

type FormatValidate = (value: string) => boolean;

const full = fullFormats['date-time'] as { validate: FormatValidate };
const fullDateTime: FormatValidate = full.validate;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `i` (0-9), or -1. `\d` in the ajv-formats expressions is ASCII 0-9 only. */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function twoDigits(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * True only for a valid `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` (T or t, Z or z);
 * false means "not this shape or not valid": the caller then asks ajv-formats.
 */
export function isPlainUtcOrOffsetDateTime(s: string): boolean {
  const n = s.length;
  if (n < 20) return false;
  const y1 = twoDigits(s, 0);
  const y2 = twoDigits(s, 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45) return false;
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const t = s.charCodeAt(10);
  if (t !== 84 /* T */ && t !== 116 /* t */) return false;
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (s.charCodeAt(13) !== 58 /* : */ || s.charCodeAt(16) !== 58) return false;
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const year = y1 * 100 + y2;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS[month]!)) return false;
  let i = 19;
  if (s.charCodeAt(i) === 46 /* . */) {
    i += 1;
    const first = i;
    while (i < n && digit(s, i) >= 0) i += 1;
    if (i === first) return false;
  }
  if (i >= n) return false;
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */ || zone === 122 /* z */) return i + 1 === n;
  if (zone !== 43 /* + */ && zone !== 45 /* - */) return false;
  if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return false;
  const zoneHour = twoDigits(s, i + 1);
  const zoneMinute = twoDigits(s, i + 4);
  return zoneHour >= 0 && zoneHour <= 23 && zoneMinute >= 0 && zoneMinute <= 59;
}

/** The format object the generated validators call (`formats0.validate(data)`). */
export const dateTime: { validate: FormatValidate } = {
  validate: (value: string): boolean => isPlainUtcOrOffsetDateTime(value) || fullDateTime(value),
};
