import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeVendorId, vendorIdOf } from './service.js';

describe('1.6 vendorId as the stations module keeps it in info ("vendorId: info")', () => {
  it('takes the vendorId from the info text, URLs included', () => {
    assert.equal(vendorIdOf('https://chargex.inl.gov: board 2'), 'https://chargex.inl.gov');
    assert.equal(vendorIdOf('com.zeta:'), 'com.zeta');
    assert.equal(vendorIdOf('board 2'), null);
    assert.equal(vendorIdOf('https://chargex.inl.gov'), null);
  });

  it('normalizes what callers pass as vendorId (bare, prefixed, or an info text)', () => {
    const cases: Array<[string | null, string | null]> = [
      [null, null], ['', null], ['com.zeta', 'com.zeta'], ['com.zeta:', 'com.zeta'], ['com.zeta: fan 2', 'com.zeta'],
      ['https://chargex.inl.gov', 'https://chargex.inl.gov'], ['https://chargex.inl.gov: 12.5', 'https://chargex.inl.gov'], ['fan 2 stalled', null],
    ];
    for (const [input, expected] of cases) assert.equal(normalizeVendorId(input), expected, String(input));
  });
});
