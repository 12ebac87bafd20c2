// parseIsoMs must be Date.parse, only faster on toISOString() output (ADR 079).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIsoMs } from './iso-time.js';
import { seededRandom } from './random-site.js';

describe('parseIsoMs', () => {
  it('equals Date.parse on 20,000 random toISOString() values, years 0 to 9999', () => {
    const rnd = seededRandom(42);
    for (let n = 0; n < 20_000; n++) {
      const s = new Date(Math.floor((rnd() * 2 - 0.9) * 253_402_300_799_000)).toISOString();
      assert.equal(parseIsoMs(s), Date.parse(s), s);
    }
  });

  it('equals Date.parse on other and malformed forms (falls back to it)', () => {
    const samples = [
      '2026-06-01T17:00:00Z', '2026-06-01T17:00:00.000+02:00', '2026-02-30T00:00:00.000Z', '2026-02-29T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z', '2026-00-10T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:59:60.000Z', '2026-01-0aT00:00:00.000Z', '2026-01-01 00:00:00.000Z', '2026-01-01T00:00:00.000z',
      '+02026-01-01T00:00:00.000Z', '2026-01-01', 'not a date', '', '2026-01-31T12:34:56.789Z', '0000-01-01T00:00:00.000Z', '0050-06-01T00:00:00.000Z', '2026-02-31T00:00:00.000Z', '2026-04-31T10:00:00.000Z', '2026-01-32T00:00:00.000Z', '2024-02-29T00:00:00.000Z',
    ];
    for (const s of samples) assert.deepEqual(parseIsoMs(s), Date.parse(s), s);
  });
});
