import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { dateTime, isPlainUtcOrOffsetDateTime } from './date-time-format.js';
import { getMessageValidator } from './validation.js';

const ajvDateTime = (fullFormats['date-time'] as { validate: (value: string) => boolean }).validate;

/** Timestamps of every shape and boundary the fast path reads, valid and not. */
const BASES = [
  '2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z', '2025-06-30T23:59:59.999999Z', '2025-12-31t23:59:59z',
  '2025-03-04T05:06:07+01:00', '2025-03-04T05:06:07.1-12:30', '2025-03-04T05:06:07+23:59', '2025-03-04T05:06:07-00:00',
  '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z', '2000-02-29T12:00:00Z', '1900-02-29T12:00:00Z', '2100-02-28T00:00:00Z',
  '2025-04-31T00:00:00Z', '2025-04-30T00:00:00Z', '2025-00-10T00:00:00Z', '2025-13-10T00:00:00Z', '2025-01-00T00:00:00Z',
  '2025-01-32T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T23:60:00Z', '2025-01-01T23:59:60Z', '2025-01-01T22:59:60Z',
  '2025-01-01T23:59:60+00:00', '2025-01-01T00:59:60+01:00', '2025-01-01T23:59:61Z', '2025-01-01T12:00:00+24:00',
  '2025-01-01T12:00:00+00:60', '2025-01-01T12:00:00+0100', '2025-01-01T12:00:00+01', '2025-01-01T12:00:00',
  '2025-01-01 12:00:00Z', '2025-01-01\t12:00:00Z', '2025-01-01T12:00:00.Z', '2025-01-01T12:00:00.5', '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.9999999999Z', '2025-01-01T12:00:00ZZ', '2025-01-01T12:00:00+01:00Z', '2025-01-01TT12:00:00Z',
  '2025-1-01T12:00:00Z', '2025-01-01T1:00:00Z', '', 'T', '2025-01-01', '12:00:00Z',
];

/** Every one-character change of `base`: each position replaced by characters that matter, dropped, or doubled. */
function mutations(base: string): string[] {
  const chars = ['0', '1', '2', '3', '5', '6', '9', '-', ':', '.', '+', 'T', 't', 'Z', 'z', ' ', '\u00a0', 'a', '\u0661', '\n'];
  const out: string[] = [];
  for (let i = 0; i <= base.length; i++) {
    for (const c of chars) out.push(base.slice(0, i) + c + base.slice(i + 1), base.slice(0, i) + c + base.slice(i));
    out.push(base.slice(0, i) + base.slice(i + 1));
  }
  return out;
}

describe('date-time format', () => {
  it('gives the verdict of ajv-formats for every base string and every one-character change of it', () => {
    let checked = 0;
    let fastAccepted = 0;
    for (const base of BASES) {
      for (const value of [base, ...mutations(base)]) {
        const expected = ajvDateTime(value);
        assert.equal(dateTime.validate(value), expected, JSON.stringify(value));
        if (isPlainUtcOrOffsetDateTime(value)) {
          fastAccepted += 1;
          assert.equal(expected, true, `fast path accepted ${JSON.stringify(value)}, ajv-formats does not`);
        }
        checked += 1;
      }
    }
    assert.ok(checked > 10_000);
    assert.ok(fastAccepted > 100);
  });

  it('takes the fast path for what stations send: toISOString, offsets, fractions of any length', () => {
    for (let ms = Date.UTC(1999, 11, 25); ms < Date.UTC(2101, 0, 1); ms += 86_400_000 * 7 + 3_601_234) {
      const iso = new Date(ms).toISOString();
      assert.equal(isPlainUtcOrOffsetDateTime(iso), true, iso);
      assert.equal(isPlainUtcOrOffsetDateTime(iso.replace('Z', '+05:30')), true, iso);
      assert.equal(isPlainUtcOrOffsetDateTime(iso.replace(/\.\d+Z$/, 'Z')), true, iso);
      assert.equal(ajvDateTime(iso), true, iso);
    }
    for (const value of ['2024-02-29T00:00:00Z', '2025-02-28T23:59:59.123456789-11:45']) assert.equal(isPlainUtcOrOffsetDateTime(value), true, value);
  });

  it('leaves leap seconds, space separators and offsets without a colon to ajv-formats', () => {
    for (const value of ['2025-01-01T23:59:60Z', '2025-01-01 12:00:00Z', '2025-01-01T12:00:00+0100', '2025-01-01T12:00:00+01']) {
      assert.equal(isPlainUtcOrOffsetDateTime(value), false, value);
      assert.equal(dateTime.validate(value), true, value);
    }
  });

  it('is what the generated validators check timestamps with', () => {
    for (const version of ['ocpp2.0.1', 'ocpp2.1'] as const) {
      const validator = getMessageValidator(version);
      assert.equal(validator.validateRequest('Heartbeat', {}).ok, true);
      assert.equal(validator.validateResponse('Heartbeat', { currentTime: '2025-01-01T12:00:00.5+01:00' }).ok, true);
      assert.equal(validator.validateResponse('Heartbeat', { currentTime: '2025-01-01 23:59:60Z' }).ok, true);
      const bad = validator.validateResponse('Heartbeat', { currentTime: '2025-02-30T12:00:00Z' });
      assert.equal(bad.ok ? 'ok' : bad.code, 'PropertyConstraintViolation');
    }
    const v16 = getMessageValidator('ocpp1.6');
    assert.equal(v16.validateResponse('Heartbeat', { currentTime: '2025-01-01T12:00:00Z' }).ok, true);
    assert.equal(v16.validateResponse('Heartbeat', { currentTime: '2025-01-01T12:00:00' }).ok, false);
  });
});
