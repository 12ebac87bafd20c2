import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCountry, checkOpeningHours, checkRegion, checkTimeZone, checkCoordinates } from './site.js';

const fails = (run: () => unknown) => assert.throws(run, (error: { code?: string }) => error.code === 'invalid_site');

describe('site validation', () => {
  it('country: assigned ISO 3166-1 alpha-2 codes only', () => {
    for (const ok of ['NL', 'DE', 'US', 'ES']) assert.equal(checkCountry(ok), ok);
    for (const bad of ['XX', 'nl', 'NLD', 'ZZ', 'EU', 'QO', 'AA', '']) fails(() => checkCountry(bad));
  });

  it('region must belong to the country', () => {
    assert.equal(checkRegion('ES-CN', 'ES'), 'ES-CN');
    assert.equal(checkRegion(null, 'ES'), null);
    fails(() => checkRegion('PT-20', 'ES'));
    fails(() => checkRegion('Canarias', 'ES'));
  });

  it('time zone: IANA names as Intl knows them, plus UTC', () => {
    for (const ok of ['Europe/Amsterdam', 'America/New_York', 'UTC']) assert.equal(checkTimeZone(ok), ok);
    for (const bad of ['Europe/Atlantis', 'CET+1', 'amsterdam']) fails(() => checkTimeZone(bad));
  });

  it('coordinates: both or neither, within range', () => {
    checkCoordinates(52.37, 4.89);
    checkCoordinates(null, null);
    fails(() => checkCoordinates(52.37, null));
    fails(() => checkCoordinates(91, 0));
    fails(() => checkCoordinates(0, -181));
  });

  it('opening hours: valid times, no overlap, end after begin, real exception dates', () => {
    const week = { regular: [{ weekday: 1, begin: '07:00', end: '12:00' }, { weekday: 1, begin: '13:00', end: '24:00' }], exceptions: [{ date: '2026-12-25', periods: [] }] };
    assert.deepEqual(checkOpeningHours(week), week);
    fails(() => checkOpeningHours({ regular: [{ weekday: 1, begin: '07:00', end: '12:00' }, { weekday: 1, begin: '11:00', end: '14:00' }] }));
    fails(() => checkOpeningHours({ regular: [{ weekday: 2, begin: '22:00', end: '02:00' }] }));
    fails(() => checkOpeningHours({ regular: [{ weekday: 8, begin: '08:00', end: '09:00' }] }));
    fails(() => checkOpeningHours({ regular: [{ weekday: 3, begin: '24:00', end: '24:00' }] }));
    fails(() => checkOpeningHours({ regular: [], exceptions: [{ date: '2026-02-30', periods: [] }] }));
    fails(() => checkOpeningHours({ regular: [], exceptions: [{ date: '2026-12-24', periods: [] }, { date: '2026-12-24', periods: [] }] }));
  });
});
