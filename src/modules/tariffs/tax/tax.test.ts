import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOcpiExample } from '../pricing/ocpi-examples.js';
import { priceSession } from '../pricing/price-session.js';
import { timelineOf } from '../pricing/pricing-test-kit.js';
import { currencyRules, UnknownCurrencyError } from './currencies.js';
import { knownJurisdictions, UnknownJurisdictionError, vatRate } from './vat-rates.js';

const EU = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'GR', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

describe('vatRate', () => {
  it('knows all 27 EU member states and GB, NO, CH', () => {
    for (const country of [...EU, 'GB', 'NO', 'CH']) assert.ok(knownJurisdictions().includes(country), country);
  });

  it('follows effective dates, inclusive of the first day', () => {
    assert.equal(vatRate('DE', null, '2020-06-30').rate, '19');
    assert.equal(vatRate('DE', null, '2020-07-01').rate, '16');
    assert.equal(vatRate('DE', null, '2021-01-01').rate, '19');
    assert.equal(vatRate('FI', null, '2024-08-31').rate, '24');
    assert.equal(vatRate('FI', null, '2024-09-01').rate, '25.5');
    assert.equal(vatRate('CH', null, '2023-12-31').rate, '7.7');
    assert.equal(vatRate('CH', null, '2024-01-01').rate, '8.1');
  });

  it('uses a region entry where the region differs, and the country otherwise', () => {
    assert.deepEqual(vatRate('PT', 'PT-20', '2026-11-21'), { rate: '16', jurisdiction: 'PT-20', since: '2021-07-01', tax: 'VAT' });
    assert.equal(vatRate('PT', 'PT-30', '2026-11-21').rate, '22');
    assert.equal(vatRate('PT', 'PT-11', '2026-11-21').rate, '23');
    assert.deepEqual(vatRate('ES', 'ES-CN', '2026-11-21'), { rate: '7', jurisdiction: 'ES-CN', since: '2020-01-01', tax: 'IGIC' });
    assert.equal(vatRate('FR', 'FR-RE', '2026-11-21').rate, '8.5');
    assert.equal(vatRate('FR', 'FR-GF', '2026-11-21').tax, 'none');
  });

  it('refuses what it does not know instead of guessing', () => {
    assert.throws(() => vatRate('US', null, '2026-01-01'), UnknownJurisdictionError);
    assert.throws(() => vatRate('DE', null, '1990-01-01'), UnknownJurisdictionError);
    assert.throws(() => vatRate('de', null, '2026-01-01'), RangeError);
    assert.throws(() => vatRate('DE', 'FR-RE', '2026-01-01'), RangeError);
    assert.throws(() => vatRate('DE', null, '21.11.2026'), RangeError);
  });
});

describe('currency rules', () => {
  it('has ISO 4217 minor units: EUR 2, JPY 0, KWD 3', () => {
    assert.equal(currencyRules('EUR').minorUnits, 2);
    assert.equal(currencyRules('JPY').minorUnits, 0);
    assert.equal(currencyRules('KWD').minorUnits, 3);
    assert.throws(() => currencyRules('XXX'), UnknownCurrencyError);
  });

  it('rounds a JPY total to whole yen and a KWD total to fils', () => {
    const yen = { ...loadOcpiExample('tariff_8_simple_025kwh.json'), currency: 'JPY', elements: [{ price_components: [{ type: 'ENERGY' as const, price: 33.3, vat: 10, step_size: 1 }] }] };
    const timeline = timelineOf('2026-11-16T10:00:00+09:00', [['charging', 60, { kWh: '10.05' }]], 'Asia/Tokyo');
    const priced = priceSession({ timeline, tariffs: [{ tariff: yen }], currency: currencyRules('JPY') });
    assert.deepEqual(priced.totalCost, { excl_vat: '335', incl_vat: '368' }); // 334.665 / 368.1315
    const dinar = { ...yen, currency: 'KWD', elements: [{ price_components: [{ type: 'ENERGY' as const, price: 0.0123, step_size: 1 }] }] };
    const priced3 = priceSession({ timeline, tariffs: [{ tariff: dinar }], currency: currencyRules('KWD') });
    assert.equal(priced3.totalCost.excl_vat, '0.124'); // 0.123615
  });
});
