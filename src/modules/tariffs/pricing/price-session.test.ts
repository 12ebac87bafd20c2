// Pricing beyond the OCPI examples: midnight, daylight-saving changes (Europe/Amsterdam), tariff
// changes mid-session, restrictions, step sizes, price limits, idle fees, bad input, determinism.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TariffValidationError } from './compile-tariff.js';
import { loadOcpiExample } from './ocpi-examples.js';
import { lineSummary, price, timelineOf } from './pricing-test-kit.js';
import { TimelineError } from './session-timeline.js';
import type { OcpiTariff, TariffElement } from './tariff-model.js';

const tariffOf = (elements: TariffElement[], extra: Partial<OcpiTariff> = {}): OcpiTariff => ({ id: 'T', currency: 'EUR', elements, ...extra });
const time = (price: number, step = 1, vat = 21) => ({ type: 'TIME' as const, price, step_size: step, vat });
const energy = (price: number, step = 1, vat = 21) => ({ type: 'ENERGY' as const, price, step_size: step, vat });
const parking = (price: number, step = 1, vat = 21) => ({ type: 'PARKING_TIME' as const, price, step_size: step, vat });

describe('time of day', () => {
  // Night rate 22:00-06:00 (across midnight), day rate otherwise.
  const nightAndDay = tariffOf([
    { price_components: [time(1)], restrictions: { start_time: '22:00', end_time: '06:00' } },
    { price_components: [time(3)] },
  ]);

  it('a session across midnight uses the night element on both sides of 00:00', () => {
    const priced = price(nightAndDay, timelineOf('2026-11-16T21:00:00+01:00', [['charging', 600, { kWh: 40 }]], 'Europe/Amsterdam'));
    // 21:00-22:00 day (3.00), 22:00-06:00 night (8 h × 1.00), 06:00-07:00 day (3.00)
    assert.deepEqual(lineSummary(priced), ['TIME e1 1 h x 3 = 3', 'TIME e0 8 h x 1 = 8', 'TIME e1 1 h x 3 = 3']);
    assert.equal(priced.totalCost.excl_vat, '14.00');
    assert.deepEqual(priced.chargingPeriods.map((p) => p.start_date_time), ['2026-11-16T20:00:00.000Z', '2026-11-16T21:00:00.000Z', '2026-11-17T05:00:00.000Z']);
    assert.match(priced.lines[1]!.matched.join(), /time of day 22:00-06:00 \(local 22:00\)/);
  });

  it('an end_time of 00:00 means until midnight', () => {
    const evening = tariffOf([{ price_components: [time(2)], restrictions: { start_time: '20:00', end_time: '00:00' } }, { price_components: [time(1)] }]);
    const priced = price(evening, timelineOf('2026-11-16T23:00:00+01:00', [['charging', 120]], 'Europe/Amsterdam'));
    assert.deepEqual(lineSummary(priced), ['TIME e0 1 h x 2 = 2', 'TIME e1 1 h x 1 = 1']);
  });

  it('day_of_week switches at local midnight, not UTC midnight', () => {
    const weekend = tariffOf([{ price_components: [energy(0.5)], restrictions: { day_of_week: ['SATURDAY', 'SUNDAY'] } }, { price_components: [energy(0.3)] }]);
    // Friday 23:00 to Saturday 01:00 in Amsterdam (UTC+1): 10 kWh evenly.
    const priced = price(weekend, timelineOf('2026-11-20T23:00:00+01:00', [['charging', 120, { kWh: 10 }]], 'Europe/Amsterdam'));
    assert.deepEqual(lineSummary(priced), ['ENERGY e1 5 kWh x 0.3 = 1.5', 'ENERGY e0 5 kWh x 0.5 = 2.5']);
  });

  it('start_date is inclusive and end_date exclusive, in local dates', () => {
    const promo = tariffOf([{ price_components: [energy(0.1)], restrictions: { start_date: '2026-11-17', end_date: '2026-11-18' } }, { price_components: [energy(0.4)] }]);
    const priced = price(promo, timelineOf('2026-11-16T23:00:00+01:00', [['charging', 25 * 60, { kWh: 25 }]], 'Europe/Amsterdam'));
    assert.deepEqual(lineSummary(priced), ['ENERGY e1 1 kWh x 0.4 = 0.4', 'ENERGY e0 24 kWh x 0.1 = 2.4']);
  });
});

describe('daylight-saving time in Europe/Amsterdam', () => {
  const night = tariffOf([
    { price_components: [time(1)], restrictions: { start_time: '00:00', end_time: '07:00' } },
    { price_components: [time(4)] },
  ]);

  it('last Sunday of March: 01:00-04:00 local is 2 real hours, all at the night rate', () => {
    const priced = price(night, timelineOf('2026-03-29T01:00:00+01:00', [['charging', 120]], 'Europe/Amsterdam'));
    assert.deepEqual(lineSummary(priced), ['TIME e0 2 h x 1 = 2']);
    assert.equal(priced.chargingPeriods.at(-1)!.end_date_time, '2026-03-29T02:00:00.000Z'); // 04:00 CEST
  });

  it('last Sunday of October: 01:00-04:00 local is 4 real hours, all at the night rate', () => {
    const priced = price(night, timelineOf('2026-10-25T01:00:00+02:00', [['charging', 240]], 'Europe/Amsterdam'));
    assert.deepEqual(lineSummary(priced), ['TIME e0 4 h x 1 = 4']);
  });

  it('October: a 02:30-03:00 window occurs twice on the wall clock and is billed twice (60 real minutes)', () => {
    const repeated = tariffOf([{ price_components: [time(6)], restrictions: { start_time: '02:30', end_time: '03:00' } }, { price_components: [time(0)] }]);
    const priced = price(repeated, timelineOf('2026-10-25T01:00:00+02:00', [['charging', 240]], 'Europe/Amsterdam'));
    const peak = priced.lines.filter((l) => l.elementIndex === 0);
    assert.deepEqual(peak.map((l) => l.billedVolume), ['0.5', '0.5']);
    assert.equal(priced.totalCost.excl_vat, '6.00');
  });

  it('March: a 02:00-03:00 window does not exist that night and bills nothing', () => {
    const missing = tariffOf([{ price_components: [time(6)], restrictions: { start_time: '02:00', end_time: '03:00' } }, { price_components: [time(1)] }]);
    const priced = price(missing, timelineOf('2026-03-29T01:00:00+01:00', [['charging', 120]], 'Europe/Amsterdam'));
    assert.deepEqual(lineSummary(priced), ['TIME e1 2 h x 1 = 2']);
  });
});

describe('tariff change mid-session', () => {
  it('energy before the change is priced by the old tariff, after by the new one', () => {
    const before = tariffOf([{ price_components: [{ type: 'FLAT', price: 1, step_size: 0, vat: 21 }, energy(0.3)] }], { id: 'OLD' });
    const after = tariffOf([{ price_components: [{ type: 'FLAT', price: 5, step_size: 0, vat: 21 }, energy(0.5)] }], { id: 'NEW' });
    const priced = price(
      [{ tariff: before }, { tariff: after, from: '2026-11-16T12:00:00+01:00' }],
      timelineOf('2026-11-16T11:00:00+01:00', [['charging', 120, { kWh: 30 }]], 'Europe/Amsterdam'),
    );
    // The flat fee is the one in force at the start; 15 kWh on each side of 12:00.
    assert.deepEqual(lineSummary(priced), ['FLAT e0 1 x 1 = 1', 'ENERGY e0 15 kWh x 0.3 = 4.5', 'ENERGY e0 15 kWh x 0.5 = 7.5']);
    assert.deepEqual(priced.chargingPeriods.map((p) => p.tariff_id), ['OLD', 'NEW']);
    assert.equal(priced.totalCost.excl_vat, '13.00');
    assert.equal(priced.totalCost.incl_vat, '15.73');
  });

  it('rejects tariffs in different currencies and changes that do not move forward', () => {
    const eur = tariffOf([{ price_components: [energy(0.3)] }]);
    const gbp = tariffOf([{ price_components: [energy(0.3)] }], { currency: 'GBP' });
    const timeline = timelineOf('2026-11-16T11:00:00+01:00', [['charging', 60, { kWh: 1 }]]);
    assert.throws(() => price([{ tariff: eur }, { tariff: gbp, from: '2026-11-16T11:30:00+01:00' }], timeline), TimelineError);
    assert.throws(() => price([{ tariff: eur }, { tariff: eur, from: '2026-11-16T09:30:00+01:00' }, { tariff: eur, from: '2026-11-16T09:00:00+01:00' }], timeline), TimelineError);
  });
});

describe('restrictions on energy, power, current and duration', () => {
  it('max_power example of the OCPI specification: 1 kWh at 6 kW, 40 kWh at 48 kW, 0.5 kWh at 4 kW cost 20.30', () => {
    const tariff = loadOcpiExample('tariffrestriction_example_max_power.json');
    const priced = price(tariff, timelineOf('2026-11-16T10:00:00+01:00', [
      ['charging', 10, { kWh: 1, powerKw: 6 }], ['charging', 50, { kWh: 40, powerKw: 48 }], ['charging', 7.5, { kWh: 0.5, powerKw: 4 }],
    ]));
    assert.deepEqual(lineSummary(priced), ['ENERGY e0 1 kWh x 0.2 = 0.2', 'ENERGY e2 40 kWh x 0.5 = 20', 'ENERGY e0 0.5 kWh x 0.2 = 0.1']);
    assert.equal(priced.totalCost.excl_vat, '20.30');
  });

  it('max_duration: the first 30 minutes free, then 0.25/kWh up to an hour, then 0.40/kWh', () => {
    const tariff = loadOcpiExample('tariffrestriction_example_max_duration.json');
    const priced = price(tariff, timelineOf('2026-11-16T10:00:00+01:00', [['charging', 90, { kWh: 33 }]]));
    assert.deepEqual(lineSummary(priced), ['ENERGY e0 11 kWh x 0 = 0', 'ENERGY e1 11 kWh x 0.25 = 2.75', 'ENERGY e2 11 kWh x 0.4 = 4.4']);
  });

  it('min_kwh / max_kwh: the timeline is cut exactly where the delivered energy crosses the limit', () => {
    const tiered = tariffOf([{ price_components: [energy(0.2)], restrictions: { max_kwh: 10 } }, { price_components: [energy(0.35)], restrictions: { min_kwh: 10 } }]);
    const priced = price(tiered, timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60, { kWh: 25 }]]));
    assert.deepEqual(lineSummary(priced), ['ENERGY e0 10 kWh x 0.2 = 2', 'ENERGY e1 15 kWh x 0.35 = 5.25']);
    assert.equal(priced.chargingPeriods[1]!.start_date_time, '2026-11-16T09:24:00.000Z'); // 10 of 25 kWh over 60 min
  });

  it('a current restriction does not apply when no current was measured (and says why)', () => {
    const tariff = loadOcpiExample('tariff_4_complex.json');
    const priced = price(tariff, timelineOf('2026-11-16T09:30:00+01:00', [['charging', 60, { kWh: 10 }]]));
    assert.deepEqual(lineSummary(priced), ['FLAT e0 1 x 2.5 = 2.5']);
  });

  it('min_current is inclusive, max_current exclusive: exactly 32 A is the "32 A and more" element', () => {
    const tariff = loadOcpiExample('tariff_4_complex.json');
    const priced = price(tariff, timelineOf('2026-11-16T09:30:00+01:00', [['charging', 60, { kWh: 10, currentA: 32 }]]));
    assert.deepEqual(lineSummary(priced), ['FLAT e0 1 x 2.5 = 2.5', 'TIME e2 1 h x 2 = 2']);
  });
});

describe('step sizes', () => {
  it('energy steps round the session total once and bill the extra in the last priced period', () => {
    const peak = tariffOf([{ price_components: [energy(0.5, 500)], restrictions: { start_time: '17:00', end_time: '20:00' } }, { price_components: [energy(0.2, 1000)] }]);
    const priced = price(peak, timelineOf('2026-11-16T16:00:00+01:00', [['charging', 120, { kWh: '12.1' }]]));
    // 6.05 kWh before 17:00 and 6.05 after: total 12.1 kWh -> 12.5 kWh (step 500 Wh of the last element)
    assert.deepEqual(lineSummary(priced), ['ENERGY e1 6.05 kWh x 0.2 = 1.21', 'ENERGY e0 6.45 kWh x 0.5 = 3.225']);
    assert.match(priced.lines[1]!.rounding!, /12100 Wh rounded up to 12500 Wh \(step_size 500 Wh\)/);
  });

  it('parking followed by charging again is not rounded; the final charging time is', () => {
    const tariff = tariffOf([{ price_components: [time(6, 900), parking(6, 900)] }]);
    const priced = price(tariff, timelineOf('2026-11-16T10:00:00+01:00', [['charging', 20], ['parking', 5], ['charging', 7]]));
    // TIME: 20 + 7 = 27 min -> 30 min, the 3 extra minutes in the last charging period.
    assert.deepEqual(lineSummary(priced), ['TIME e0 0.333333 h x 6 = 2', 'PARKING_TIME e0 0.083333 h x 6 = 0.5', 'TIME e0 0.166667 h x 6 = 1']);
    assert.deepEqual(priced.notes, ['PARKING_TIME not rounded to step_size 900 s: the following period bills the same minutes as TIME']);
  });

  it('step_size 0 means no rounding', () => {
    const priced = price(tariffOf([{ price_components: [time(60, 0)] }]), timelineOf('2026-11-16T10:00:00+01:00', [['charging', 0.5]]));
    assert.equal(priced.totalCost.excl_vat, '0.50');
  });
});

describe('minimum and maximum price', () => {
  it('both sides of min_price hold on their own (excl. reached, incl. not)', () => {
    const tariff = tariffOf([{ price_components: [energy(1, 1, 10)] }], { min_price: { excl_vat: 2, incl_vat: 2.5 } });
    const priced = price(tariff, timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60, { kWh: '2.1' }]]));
    assert.deepEqual(priced.totalCost, { excl_vat: '2.10', incl_vat: '2.50' });
    assert.deepEqual(priced.adjustments.map((a) => `${a.kind} ${a.side} ${a.from} -> ${a.to}`), ['min_price incl_vat 2.31 -> 2.5']);
  });

  it('max_price caps the total but leaves the lines as computed', () => {
    const tariff = tariffOf([{ price_components: [energy(1)] }], { max_price: { excl_vat: 20 } });
    const priced = price(tariff, timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60, { kWh: 50 }]]));
    assert.deepEqual(priced.totalCost, { excl_vat: '20.00', incl_vat: '60.50' });
    assert.equal(priced.totalEnergyCost.excl_vat, '50.00');
  });
});

describe('idle fees', () => {
  // Idle fee as OCPI models it: PARKING_TIME priced only in the daytime, billed per 15 minutes.
  const idle = tariffOf([
    { price_components: [energy(0.39), parking(12, 900)], restrictions: { start_time: '08:00', end_time: '20:00' } },
    { price_components: [energy(0.39)] },
  ]);

  it('idle time after charging completes is billed per started 15 minutes', () => {
    const priced = price(idle, timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60, { kWh: 10 }], ['parking', 50]]));
    assert.deepEqual(lineSummary(priced), ['ENERGY e0 10 kWh x 0.39 = 3.9', 'PARKING_TIME e0 1 h x 12 = 12']);
  });

  it('idle time stops costing at 20:00 and only the priced part is rounded', () => {
    const priced = price(idle, timelineOf('2026-11-16T18:00:00+01:00', [['charging', 110, { kWh: 10 }], ['parking', 120]]));
    // 19:50-20:00 idle is priced: 10 min -> 15 min; 20:00-21:50 is free.
    assert.deepEqual(lineSummary(priced), ['ENERGY e0 10 kWh x 0.39 = 3.9', 'PARKING_TIME e0 0.25 h x 12 = 3']);
  });
});

describe('VAT', () => {
  it('a component without VAT takes the jurisdiction rate, and the line says so', () => {
    const priced = price(tariffOf([{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }] }]), timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60, { kWh: 10 }]]), '21');
    assert.deepEqual(priced.totalCost, { excl_vat: '4.00', incl_vat: '4.84' });
    assert.equal(priced.lines[0]!.vatSource, 'jurisdiction');
  });

  it('without any VAT the total incl. VAT is unknown, not equal to excl.', () => {
    const priced = price(tariffOf([{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }] }]), timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60, { kWh: 10 }]]));
    assert.equal(priced.totalCost.incl_vat, null);
    assert.match(priced.notes.join(), /incl/);
  });
});

describe('bad input and determinism', () => {
  it('reports every problem of an invalid tariff with its path', () => {
    const bad = { id: 'X', currency: 'eur', elements: [{ price_components: [{ type: 'KWH', price: -1, step_size: 1.5 }], restrictions: { start_time: '25:00', day_of_week: ['FUNDAY'] } }] } as unknown as OcpiTariff;
    try {
      price(bad, timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60]]));
      assert.fail('expected a TariffValidationError');
    } catch (error) {
      assert.ok(error instanceof TariffValidationError);
      assert.deepEqual(error.problems.map((p) => p.path), [
        'currency', 'elements[0].price_components[0].type', 'elements[0].price_components[0].step_size',
        'elements[0].price_components[0].price', 'elements[0].restrictions.day_of_week', 'elements[0].restrictions.start_time',
      ]);
    }
  });

  it('rejects a timeline with a gap, a reversed interval, an unknown zone or a local time without offset', () => {
    const tariff = tariffOf([{ price_components: [energy(0.3)] }]);
    const base = timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60], ['parking', 10]]);
    assert.throws(() => price(tariff, { ...base, intervals: [base.intervals[0]!, { ...base.intervals[1]!, from: '2026-11-16T09:05:00Z' }] }), /does not start where/);
    assert.throws(() => price(tariff, { ...base, intervals: [{ ...base.intervals[0]!, to: base.intervals[0]!.from }] }), /ends before/);
    assert.throws(() => price(tariff, { ...base, timeZone: 'Mars/Olympus' }), /unknown time zone/);
    assert.throws(() => price(tariff, { ...base, intervals: [{ ...base.intervals[0]!, from: '2026-11-16T10:00:00' }] }), TimelineError);
  });

  it('prices the same input to the same output, byte for byte', () => {
    const tariff = loadOcpiExample('tariff_4_complex.json');
    const timeline = timelineOf('2026-11-21T13:30:00+01:00', [['charging', 114, { kWh: 20, currentA: 43 }], ['parking', 71]]);
    assert.equal(JSON.stringify(price(tariff, timeline)), JSON.stringify(price(structuredClone(tariff), structuredClone(timeline))));
  });
});
