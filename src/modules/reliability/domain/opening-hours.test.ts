// Closed hours of a site (23 CFR 680.116(b)(3) "hours outside of the identified hours of
// operation"): weekday periods, exceptions, periods cut at the edges, daylight-saving days.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closedSpans } from './opening-hours.js';

const at = (iso: string) => Date.parse(iso);
const spans = (list: Array<{ start: number; end: number }>) => list.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);
const weekdays = (begin: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, begin, end }));

describe('closed hours of a site', () => {
  it('no opening hours, or none listed: open around the clock, nothing excluded', () => {
    assert.deepEqual(closedSpans(null, 'UTC', at('2026-03-02T00:00:00Z'), at('2026-03-09T00:00:00Z')), []);
    assert.deepEqual(closedSpans({ regular: [] }, 'UTC', at('2026-03-02T00:00:00Z'), at('2026-03-09T00:00:00Z')), []);
  });

  it('07:00-22:00 every day: the nights are closed, merged across midnight, cut at the period edges', () => {
    const closed = closedSpans({ regular: weekdays('07:00', '22:00') }, 'UTC', at('2026-03-02T12:00:00Z'), at('2026-03-04T06:00:00Z'));
    assert.deepEqual(spans(closed), [
      ['2026-03-02T22:00:00.000Z', '2026-03-03T07:00:00.000Z'],
      ['2026-03-03T22:00:00.000Z', '2026-03-04T06:00:00.000Z'],
    ]);
  });

  it('weekday periods only (Monday-Friday 08:00-18:00): the weekend is closed whole; an exception closes a Monday', () => {
    const hours = { regular: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, begin: '08:00', end: '18:00' })), exceptions: [{ date: '2026-03-09', periods: [] }] };
    // Friday 2026-03-06 18:00 to Tuesday 08:00 (Monday 9 March closed by the exception).
    const closed = closedSpans(hours, 'UTC', at('2026-03-06T12:00:00Z'), at('2026-03-10T12:00:00Z'));
    assert.deepEqual(spans(closed), [['2026-03-06T18:00:00.000Z', '2026-03-10T08:00:00.000Z']]);
  });

  it('local time across the spring-forward day (Europe/Amsterdam, 29 March 2026): 22:00-07:00 local each night', () => {
    const closed = closedSpans({ regular: weekdays('07:00', '22:00') }, 'Europe/Amsterdam', at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z'));
    assert.deepEqual(spans(closed), [
      ['2026-03-28T21:00:00.000Z', '2026-03-29T05:00:00.000Z'], // 22:00 CET to 07:00 CEST: 8 h, not 9
      ['2026-03-29T20:00:00.000Z', '2026-03-30T05:00:00.000Z'],
    ]);
  });

  it('"24:00" ends a period at the next local midnight', () => {
    const closed = closedSpans({ regular: weekdays('06:00', '24:00') }, 'UTC', at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'));
    assert.deepEqual(spans(closed), [['2026-03-02T00:00:00.000Z', '2026-03-02T06:00:00.000Z']]);
  });
});
