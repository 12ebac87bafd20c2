import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoTime, jsonTime } from './iso-time.js';

describe('isoTime', () => {
  it('writes exactly what toISOString writes, day boundaries and extended years included', () => {
    const edges = [
      0, -1, 1, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, 86_399_999, 86_400_000, -86_400_000, -86_400_001,
      Date.UTC(2026, 10, 22, 23, 59, 59, 999), Date.UTC(2026, 10, 23), Date.UTC(2024, 1, 29, 12), Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1), Date.UTC(0, 0, 1) - 1, Date.UTC(0, 0, 1), 8.64e15, -8.64e15,
    ];
    const times = [...edges];
    // Runs of nearby times (the cached day is reused) and jumps (it is replaced).
    let t = Date.UTC(2026, 10, 21, 23, 58);
    for (let i = 0; i < 5000; i += 1) times.push((t += 997));
    for (let i = 0; i < 5000; i += 1) times.push(Math.round((i * 7_919_993_311) % 5e12) - 1e12);
    for (const time of times) {
      const at = new Date(time);
      assert.equal(isoTime(at), at.toISOString(), `time ${time}`);
      assert.equal(isoTime(at), at.toISOString(), `time ${time} (cached day)`);
    }
  });

  it('throws like toISOString for an invalid date; jsonTime writes what JSON.stringify writes', () => {
    assert.throws(() => isoTime(new Date(Number.NaN)), RangeError);
    for (const at of [new Date(Number.NaN), new Date(0), new Date(Date.UTC(2026, 0, 1, 8, 5, 3, 7)), null]) {
      assert.equal(JSON.stringify({ at: jsonTime(at) }), JSON.stringify({ at }));
    }
  });
});
