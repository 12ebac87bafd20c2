// The OCPI 2.2.1 tariff examples priced with the costs in ../shared/ocpi-2.2.1-examples/WORKED-COSTS.md.
// Each row builds the session the row describes (Europe/Berlin: the examples are German tariffs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOcpiExample } from './ocpi-examples.js';
import { lineSummary, price, timelineOf, type Step } from './pricing-test-kit.js';

type Row = { file: string; session: string; start?: string; steps: Step[]; expired?: boolean; excl: string; incl: string | null; lines?: string[] };

const MONDAY = '2026-11-16T09:30:00+01:00';
const rows: Row[] = [
  { file: 'tariff_8_simple_025kwh.json', session: '20 kWh', steps: [['charging', 60, { kWh: 20 }]], excl: '5.00', incl: '5.50' },
  { file: 'tariff_9_025kwh_start.json', session: '20 kWh', steps: [['charging', 60, { kWh: 20 }]], excl: '5.50', incl: '6.10' },
  { file: 'tariff_12_025kwh_min_price.json', session: '20 kWh', steps: [['charging', 60, { kWh: 20 }]], excl: '5.00', incl: '5.50' },
  { file: 'tariff_12_025kwh_min_price.json', session: '1.5 kWh: minimum price', steps: [['charging', 10, { kWh: 1.5 }]], excl: '0.50', incl: '0.55' },
  {
    file: 'tariff_10_025kwh_parking_start.json', session: '20 kWh, parked 40 min (billed 45)',
    steps: [['charging', 60, { kWh: 20 }], ['parking', 40]], excl: '7.00', incl: '7.90',
    lines: ['FLAT e0 1 x 0.5 = 0.5', 'ENERGY e0 20 kWh x 0.25 = 5', 'PARKING_TIME e0 0.75 h x 2 = 1.5'],
  },
  { file: 'tariff_6_025kwh_start_max_price.json', session: '50 kWh: maximum price', steps: [['charging', 120, { kWh: 50 }]], excl: '10.00', incl: '11.00' },
  { file: 'tariff_6_025kwh_start_max_price.json', session: '30 kWh', steps: [['charging', 90, { kWh: 30 }]], excl: '8.00', incl: '8.85' },
  { file: 'tariff_1_simple_2hour.json', session: '2.5 h charging', steps: [['charging', 150, { kWh: 20 }]], excl: '5.00', incl: '5.50' },
  {
    file: 'tariff_13_simple_3hour_5parking.json', session: '150 min charging + 42 min parking (billed 45)',
    steps: [['charging', 150, { kWh: 30 }], ['parking', 42]], excl: '11.25', incl: '12.75',
  },
  { file: 'tariff_2_alt_text.json', session: '2.5 h charging', steps: [['charging', 150, { kWh: 20 }]], excl: '4.75', incl: '5.00' },
  {
    file: 'tariff_3_alt_url.json', session: '20.45 kWh billed per 0.1 kWh as 20.5', steps: [['charging', 120, { kWh: '20.45' }]],
    excl: '5.63', incl: '6.24', lines: ['FLAT e0 1 x 0.5 = 0.5', 'ENERGY e0 20.5 kWh x 0.25 = 5.125'],
  },
  {
    file: 'tariff_4_complex.json', session: 'Monday 09:30, 165 min at 16 A, 42 min parking', start: MONDAY,
    steps: [['charging', 165, { kWh: 10, currentA: 16 }], ['parking', 42]], excl: '9.00', incl: '10.30',
    lines: ['FLAT e0 1 x 2.5 = 2.5', 'TIME e1 2.75 h x 1 = 2.75', 'PARKING_TIME e4 0.75 h x 5 = 3.75'],
  },
  {
    // WORKED-COSTS.md gives 12.28 / 13.861 here, with charging "2.28 / 2.736": 114 min at 1.20/h.
    // tariff_4_complex.json has no 1.20/h price: above 32 A on a Saturday it is 1.25/h (element 3).
    // 114 min at 1.25/h = 2.375 / 2.85 (not rounded: the next period bills parking, ADR 024), and
    // with the row's own flat 2.50/2.875 and parking 7.50/8.25 the total is 12.375 / 13.975.
    file: 'tariff_4_complex.json', session: 'Saturday 13:30, 114 min at 43 A, 71 min parking (row corrected, see comment)',
    start: '2026-11-21T13:30:00+01:00', steps: [['charging', 114, { kWh: 20, currentA: 43 }], ['parking', 71]],
    excl: '12.38', incl: '13.98',
    lines: ['FLAT e0 1 x 2.5 = 2.5', 'TIME e3 1.9 h x 1.25 = 2.375', 'PARKING_TIME e5 1.25 h x 6 = 7.5'],
  },
  {
    file: 'tariff_15_reservation_5_euro_per_hour.json', session: 'charging 15 min after the reservation, 20 kWh',
    steps: [['reservation', 15], ['charging', 60, { kWh: 20 }]], excl: '6.75', incl: '7.60',
  },
  {
    file: 'tariff_16_reservation_2_euro_fee_5_euro_per_hour.json', session: '13 min after the reservation (billed 15), 20 kWh',
    steps: [['reservation', 13], ['charging', 60, { kWh: 20 }]], excl: '8.75', incl: '10.00',
    lines: ['FLAT e0 1 x 2 = 2', 'RESERVATION_TIME e0 0.25 h x 5 = 1.25', 'FLAT e1 1 x 0.5 = 0.5', 'ENERGY e1 20 kWh x 0.25 = 5'],
  },
  {
    file: 'tariff_17_reservation_with_expire_fee.json', session: '22 min after the reservation (billed 30), 20 kWh',
    steps: [['reservation', 22], ['charging', 60, { kWh: 20 }]], excl: '6.50', incl: '7.30',
  },
  {
    file: 'tariff_17_reservation_with_expire_fee.json', session: 'reservation of 60 min expires unused',
    steps: [['reservation', 60]], expired: true, excl: '6.00', incl: '7.20',
    lines: ['FLAT e0 1 x 4 = 4', 'RESERVATION_TIME e1 1 h x 2 = 2'],
  },
  {
    file: 'tariff_18_reservation_with_expire_time.json', session: '22 min after the reservation (billed 30), 20 kWh',
    steps: [['reservation', 22], ['charging', 60, { kWh: 20 }]], excl: '7.00', incl: '7.90',
  },
  {
    file: 'tariff_18_reservation_with_expire_time.json', session: 'reservation expires unused after 90 min',
    steps: [['reservation', 90]], expired: true, excl: '9.00', incl: '10.80',
  },
  {
    file: 'tariff_14_step_size.json', session: 'plug in 16:55, charge 10 min, park 2 min',
    start: '2026-11-16T16:55:00+01:00', steps: [['charging', 10, { kWh: 2 }], ['parking', 2]], excl: '0.55', incl: null,
    lines: ['TIME e0 0.083333 h x 1.2 = 0.1', 'TIME e1 0.083333 h x 2.4 = 0.2', 'PARKING_TIME e1 0.25 h x 1 = 0.25'],
  },
  {
    file: 'tariff_14_step_size.json', session: 'plug in 16:35, charge 35 min, no parking: rounded to 45 min',
    start: '2026-11-16T16:35:00+01:00', steps: [['charging', 35, { kWh: 5 }]], excl: '1.30', incl: null,
    lines: ['TIME e0 0.416667 h x 1.2 = 0.5', 'TIME e1 0.333333 h x 2.4 = 0.8'],
  },
  {
    file: 'tariff_14_step_size.json', session: 'plug in 19:40, charge 12 min, park 20 min (parking free after 20:00)',
    start: '2026-11-16T19:40:00+01:00', steps: [['charging', 12, { kWh: 2 }], ['parking', 20]], excl: '0.73', incl: null,
    lines: ['TIME e1 0.2 h x 2.4 = 0.48', 'PARKING_TIME e1 0.25 h x 1 = 0.25'],
  },
  { file: 'tariff_5_free_of_charge.json', session: 'any session', steps: [['charging', 90, { kWh: 33 }], ['parking', 30]], excl: '0.00', incl: '0.00' },
];

describe('OCPI 2.2.1 tariff examples (WORKED-COSTS.md)', () => {
  for (const row of rows) {
    it(`${row.file}: ${row.session} costs ${row.excl} excl. / ${row.incl ?? 'n/a'} incl. VAT`, () => {
      const tariff = loadOcpiExample(row.file);
      const priced = price(tariff, timelineOf(row.start ?? MONDAY, row.steps, 'Europe/Berlin', row.expired));
      assert.deepEqual(priced.totalCost, { excl_vat: row.excl, incl_vat: row.incl });
      if (row.lines) {
        assert.deepEqual(lineSummary(priced), row.lines);
      }
    });
  }
});
