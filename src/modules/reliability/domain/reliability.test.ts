// Table tests on constructed timelines: uptime by the NEVI method (23 CFR 680.116(b)), charge
// success rate, failures and repairs, with overlapping faults, maintenance, periods cut at the
// edges and daylight-saving days.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, computePortRows, rankFaultProne, type StationInput } from './figures.js';
import { intersect, measure, normalize, subtract } from './intervals.js';
import { localDays, localToInstant, nextDate } from './local-time.js';
import { deliveredEnergy, type SessionFact } from './success-rate.js';
import { ratioPercent, type ExcludedCause } from './uptime.js';

const MIN = 60_000;
const DAY = { start: Date.parse('2026-06-01T00:00:00Z'), end: Date.parse('2026-06-02T00:00:00Z') };
const at = (hhmm: string, date = '2026-06-01') => Date.parse(`${date}T${hhmm}:00Z`);
const BEFORE = at('12:00', '2026-01-01');

type Case = {
  name: string;
  period?: { start: number; end: number };
  station?: Partial<StationInput>;
  expect: { observedMin: number; outageMin: number; excludedMin: number; downMin: number; failures: number; mttrMin: number | null; byCause?: Partial<Record<ExcludedCause, number>> };
  evse?: number;
};

function station(over: Partial<StationInput> = {}): StationInput {
  return {
    stationId: 'CS-1', siteId: 'site-1', vendor: 'Acme', model: 'X1', ports: [1], commissionedAt: BEFORE,
    connections: [{ at: BEFORE, kind: 'connected' }], statuses: [], excluded: [], ...over,
  };
}
const fault = (from: string, to: string | null, evseId = 1, connectorId = 1, occupancy = 'Faulted') => [
  { at: at(from), evseId, connectorId, occupancy },
  ...(to === null ? [] : [{ at: at(to), evseId, connectorId, occupancy: 'Available' }]),
];
const offline = (from: string, to: string | null) => [
  { at: BEFORE, kind: 'connected' as const }, { at: at(from), kind: 'disconnected' as const },
  ...(to === null ? [] : [{ at: at(to), kind: 'connected' as const }]),
];
const span = (from: string, to: string, cause: ExcludedCause, evseId: number | null = null) => ({ start: at(from), end: at(to), cause, evseId });

const CASES: Case[] = [
  { name: 'no fault: 100 %', expect: { observedMin: 1440, outageMin: 0, excludedMin: 0, downMin: 0, failures: 0, mttrMin: null } },
  { name: 'connector Faulted 10:00-11:00', station: { statuses: fault('10:00', '11:00') }, expect: { observedMin: 1440, outageMin: 60, excludedMin: 0, downMin: 60, failures: 1, mttrMin: 60 } },
  { name: 'communication loss counts as outage', station: { connections: offline('03:00', '03:30') }, expect: { observedMin: 1440, outageMin: 30, excludedMin: 0, downMin: 30, failures: 1, mttrMin: 30 } },
  {
    name: 'overlapping faults count once: offline 10:00-11:00 and Faulted 10:30-12:00',
    station: { connections: offline('10:00', '11:00'), statuses: fault('10:30', '12:00') },
    expect: { observedMin: 1440, outageMin: 120, excludedMin: 0, downMin: 120, failures: 1, mttrMin: 120 },
  },
  {
    name: 'Unavailable counts like Faulted; a station-wide status (evse 0) takes every port down',
    station: { statuses: [...fault('08:00', '09:00', 0, 0, 'Unavailable')] },
    expect: { observedMin: 1440, outageMin: 60, excludedMin: 0, downMin: 60, failures: 1, mttrMin: 60 },
  },
  {
    name: 'a fault on another EVSE does not touch this port',
    station: { ports: [1, 2], statuses: fault('08:00', '09:00', 2) },
    expect: { observedMin: 1440, outageMin: 0, excludedMin: 0, downMin: 0, failures: 0, mttrMin: null },
  },
  {
    name: 'EVSE-level status (connector 0) counts for that EVSE',
    evse: 2,
    station: { ports: [1, 2], statuses: fault('08:00', '09:30', 2, 0) },
    expect: { observedMin: 1440, outageMin: 90, excludedMin: 0, downMin: 90, failures: 1, mttrMin: 90 },
  },
  {
    name: 'period cut at the start: a fault that began the day before is downtime but not a new failure',
    station: { statuses: [{ at: at('20:00', '2026-05-31'), evseId: 1, connectorId: 1, occupancy: 'Faulted' }, { at: at('02:00'), evseId: 1, connectorId: 1, occupancy: 'Available' }] },
    expect: { observedMin: 1440, outageMin: 120, excludedMin: 0, downMin: 120, failures: 0, mttrMin: null },
  },
  {
    name: 'period cut at the end: still faulted at midnight is a failure without a repair time',
    station: { statuses: fault('23:00', null) },
    expect: { observedMin: 1440, outageMin: 60, excludedMin: 0, downMin: 60, failures: 1, mttrMin: null },
  },
  {
    name: 'offline since before the period and all through it',
    station: { connections: [{ at: BEFORE, kind: 'connected' }, { at: at('12:00', '2026-05-20'), kind: 'disconnected' }] },
    expect: { observedMin: 1440, outageMin: 1440, excludedMin: 0, downMin: 1440, failures: 0, mttrMin: null },
  },
  {
    name: 'maintenance overlapping an outage excludes only the overlap',
    station: { statuses: fault('10:00', '12:00'), excluded: [span('11:00', '13:00', 'maintenance')] },
    expect: { observedMin: 1440, outageMin: 120, excludedMin: 60, downMin: 60, failures: 1, mttrMin: 60, byCause: { maintenance: 60 } },
  },
  {
    name: 'overlapping excluded causes count once, maintenance first',
    station: { connections: offline('10:00', '12:00'), excluded: [span('10:00', '11:00', 'maintenance'), span('10:30', '12:00', 'vandalism')] },
    expect: { observedMin: 1440, outageMin: 120, excludedMin: 120, downMin: 0, failures: 0, mttrMin: null, byCause: { maintenance: 60, vandalism: 60 } },
  },
  {
    name: 'an excluded cause without an outage excludes nothing',
    station: { excluded: [span('01:00', '05:00', 'utility-interruption')] },
    expect: { observedMin: 1440, outageMin: 0, excludedMin: 0, downMin: 0, failures: 0, mttrMin: null },
  },
  {
    name: 'maintenance in the middle of an outage splits it in two counted episodes',
    station: { statuses: fault('10:00', '13:00'), excluded: [span('11:00', '12:00', 'maintenance')] },
    expect: { observedMin: 1440, outageMin: 180, excludedMin: 60, downMin: 120, failures: 2, mttrMin: 60, byCause: { maintenance: 60 } },
  },
  {
    name: 'an excluded cause on another EVSE does not apply to this port',
    station: { ports: [1, 2], statuses: fault('10:00', '11:00'), excluded: [span('10:00', '11:00', 'vehicle-fault', 2)] },
    expect: { observedMin: 1440, outageMin: 60, excludedMin: 0, downMin: 60, failures: 1, mttrMin: 60 },
  },
  {
    name: 'flapping connection: five drops of a minute are five failures',
    station: {
      connections: [{ at: BEFORE, kind: 'connected' }, ...['01', '02', '03', '04', '05'].flatMap((h) => [
        { at: at(`${h}:00`), kind: 'disconnected' as const }, { at: at(`${h}:01`), kind: 'connected' as const }])],
    },
    expect: { observedMin: 1440, outageMin: 5, excludedMin: 0, downMin: 5, failures: 5, mttrMin: 1 },
  },
  {
    name: 'commissioned mid-period: only the time in service is observed',
    station: { commissionedAt: at('12:00'), connections: [{ at: at('12:00'), kind: 'connected' }], statuses: fault('18:00', '18:30') },
    expect: { observedMin: 720, outageMin: 30, excludedMin: 0, downMin: 30, failures: 1, mttrMin: 30 },
  },
  {
    name: 'never connected: nothing observed',
    station: { commissionedAt: null, connections: [] },
    expect: { observedMin: 0, outageMin: 0, excludedMin: 0, downMin: 0, failures: 0, mttrMin: null },
  },
  {
    name: 'status changes given out of order are sorted; repeated Faulted reports extend one episode',
    station: { statuses: [...fault('10:00', '11:00').reverse(), { at: at('10:20'), evseId: 1, connectorId: 1, occupancy: 'Faulted' }] },
    expect: { observedMin: 1440, outageMin: 60, excludedMin: 0, downMin: 60, failures: 1, mttrMin: 60 },
  },
];

describe('NEVI uptime on constructed timelines (23 CFR 680.116(b))', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const period = c.period ?? DAY;
      const rows = computePortRows(period, [station(c.station)], []).filter((r) => r.evseId === (c.evse ?? 1));
      const figures = aggregate(rows, period, null);
      assert.equal(figures.observedMs, c.expect.observedMin * MIN, 'observed');
      assert.equal(figures.outageMs, c.expect.outageMin * MIN, 'T_outage');
      assert.equal(figures.excludedMs, c.expect.excludedMin * MIN, 'T_excluded');
      assert.equal(figures.downMs, c.expect.downMin * MIN, 'down');
      assert.equal(figures.failures, c.expect.failures, 'failures');
      assert.equal(figures.mttrMs, c.expect.mttrMin === null ? null : c.expect.mttrMin * MIN, 'MTTR');
      assert.deepEqual(figures.excludedByCause, Object.fromEntries(Object.entries(c.expect.byCause ?? {}).map(([k, v]) => [k, v * MIN])));
      const expected = c.expect.observedMin === 0 ? null : ratioPercent((c.expect.observedMin - c.expect.downMin) * MIN, c.expect.observedMin * MIN);
      assert.equal(figures.uptimePercent, expected);
    });
  }

  it('the regulation\'s year: 1,000 outage minutes of which 200 excluded give 99.8478 %', () => {
    const year = { start: Date.parse('2025-01-01T00:00:00Z'), end: Date.parse('2026-01-01T00:00:00Z') };
    assert.equal((year.end - year.start) / MIN, 525_600);
    const s = station({
      commissionedAt: Date.parse('2024-01-01T00:00:00Z'), connections: [{ at: Date.parse('2024-01-01T00:00:00Z'), kind: 'connected' }],
      statuses: [{ at: Date.parse('2025-03-01T00:00:00Z'), evseId: 1, connectorId: 1, occupancy: 'Faulted' }, { at: Date.parse('2025-03-01T00:00:00Z') + 1000 * MIN, evseId: 1, connectorId: 1, occupancy: 'Available' }],
      excluded: [{ start: Date.parse('2025-03-01T00:00:00Z'), end: Date.parse('2025-03-01T00:00:00Z') + 200 * MIN, cause: 'natural-disaster', evseId: null }],
    });
    const figures = aggregate(computePortRows(year, [s], []), year, null);
    assert.equal(figures.outageMs, 1000 * MIN);
    assert.equal(figures.excludedMs, 200 * MIN);
    // ((525,600 − (1,000 − 200)) / 525,600) × 100 = 99.847792...
    assert.equal(figures.uptimePercent, 99.8478);
  });

  it('a station sums its ports: one port of two down for 6 h of a day is 87.5 %; MTBF is time up per failure', () => {
    const rows = computePortRows(DAY, [station({ ports: [1, 2], statuses: fault('06:00', '12:00', 2) })], []);
    const figures = aggregate(rows, DAY, null);
    assert.equal(figures.ports, 2);
    assert.equal(figures.observedMs, 2 * 1440 * MIN);
    assert.equal(figures.downMs, 360 * MIN);
    assert.equal(figures.uptimePercent, 87.5);
    assert.equal(figures.mtbfMs, (2 * 1440 - 360) * MIN);
  });
});

describe('periods in a site\'s time zone (daylight-saving days)', () => {
  it('Europe/Amsterdam 2026-03-29 is 23 h and 2026-10-25 is 25 h', () => {
    const [spring] = localDays('2026-03-29', '2026-03-30', 'Europe/Amsterdam');
    assert.equal(spring!.start, Date.parse('2026-03-28T23:00:00Z'));
    assert.equal((spring!.end - spring!.start) / MIN, 23 * 60);
    const [autumn] = localDays('2026-10-25', '2026-10-26', 'Europe/Amsterdam');
    assert.equal(autumn!.start, Date.parse('2026-10-24T22:00:00Z'));
    assert.equal((autumn!.end - autumn!.start) / MIN, 25 * 60);
    assert.deepEqual(localDays('2026-03-28', '2026-03-31', 'Europe/Amsterdam').map((d) => (d.end - d.start) / MIN), [1440, 1380, 1440]);
    assert.equal((localDays('2026-11-01', '2026-11-02', 'America/New_York')[0]!.end - localDays('2026-11-01', '2026-11-02', 'America/New_York')[0]!.start) / MIN, 1500);
  });

  it('a wall time skipped by spring-forward resolves after the gap; an ambiguous one to its first occurrence', () => {
    assert.equal(localToInstant('2026-03-29', 'Europe/Amsterdam', '02:30'), Date.parse('2026-03-29T01:30:00Z'));
    assert.equal(localToInstant('2026-10-25', 'Europe/Amsterdam', '02:30'), Date.parse('2026-10-25T00:30:00Z'));
    assert.equal(localToInstant('2026-06-01', 'UTC'), Date.parse('2026-06-01T00:00:00Z'));
  });

  it('one hour down on the 23-hour day is (1380 − 60) / 1380 and on the 25-hour day (1500 − 60) / 1500', () => {
    for (const [date, minutes] of [['2026-03-29', 1380], ['2026-10-25', 1500]] as const) {
      const [day] = localDays(date, nextDate(date), 'Europe/Amsterdam');
      const s = station({ statuses: [
        { at: day!.start + 5 * 60 * MIN, evseId: 1, connectorId: 1, occupancy: 'Faulted' },
        { at: day!.start + 6 * 60 * MIN, evseId: 1, connectorId: 1, occupancy: 'Available' },
      ] });
      const figures = aggregate(computePortRows(day!, [s], []), day!, null);
      assert.equal(figures.observedMs, minutes * MIN);
      assert.equal(figures.uptimePercent, ratioPercent((minutes - 60) * MIN, minutes * MIN));
    }
  });
});

describe('charge success rate (ADR 033)', () => {
  const session = (over: Partial<SessionFact>): SessionFact => ({ stationId: 'CS-1', evseId: 1, startedAt: at('10:00'), endedAt: at('11:00'), energyWh: '1200.0000', authorizationStatus: 'Accepted', ...over });
  const CASES: Array<[string, SessionFact[], { attempted: number; succeeded: number; failed: number; pending: number; successPercent: number | null }]> = [
    ['no sessions: no rate', [], { attempted: 0, succeeded: 0, failed: 0, pending: 0, successPercent: null }],
    ['energy delivered is a success', [session({})], { attempted: 1, succeeded: 1, failed: 0, pending: 0, successPercent: 100 }],
    ['ended with 0 Wh is a failed start', [session({}), session({ energyWh: '0.0000' }), session({ energyWh: '0' })], { attempted: 3, succeeded: 1, failed: 2, pending: 0, successPercent: 33.3333 }],
    ['a refused token is not an attempt', [session({ authorizationStatus: 'Invalid', energyWh: '0' })], { attempted: 0, succeeded: 0, failed: 0, pending: 0, successPercent: null }],
    ['running without energy yet is pending', [session({ endedAt: null, energyWh: '0' })], { attempted: 0, succeeded: 0, failed: 0, pending: 1, successPercent: null }],
    ['running with energy already succeeded', [session({ endedAt: null, energyWh: '0.0001' })], { attempted: 1, succeeded: 1, failed: 0, pending: 0, successPercent: 100 }],
    ['started before the period or at its end: not counted', [session({ startedAt: at('23:59', '2026-05-31') }), session({ startedAt: DAY.end })], { attempted: 0, succeeded: 0, failed: 0, pending: 0, successPercent: null }],
    ['no authorization status recorded (free vend) counts', [session({ authorizationStatus: null, energyWh: '0' })], { attempted: 1, succeeded: 0, failed: 1, pending: 0, successPercent: 0 }],
  ];
  for (const [name, sessions, expected] of CASES) {
    it(name, () => {
      const figures = aggregate(computePortRows(DAY, [station()], sessions), DAY, null);
      assert.deepEqual(figures.sessions, expected);
    });
  }
  it('energy strings are compared exactly', () => {
    assert.deepEqual(['0', '0.0000', '-0', '-1', '0.0001', '10', ' 5 '].map(deliveredEnergy), [false, false, false, false, true, true, true]);
  });
});

describe('detection and repair times from incidents', () => {
  it('MTTD is openedAt − detectedAt of incidents opened in the period; MTTR detectedAt → resolvedAt of those resolved in it', () => {
    const incidents = [
      { stationId: 'CS-1', evseId: null, detectedAt: at('10:00'), openedAt: at('10:02'), resolvedAt: at('11:00') },
      { stationId: 'CS-1', evseId: 1, detectedAt: at('12:00'), openedAt: at('12:04'), resolvedAt: null },
      { stationId: 'CS-1', evseId: 1, detectedAt: at('20:00', '2026-05-31'), openedAt: at('20:01', '2026-05-31'), resolvedAt: at('01:00') },
    ];
    const figures = aggregate(computePortRows(DAY, [station()], []), DAY, incidents);
    assert.equal(figures.mttdMs, 3 * MIN);
    assert.equal(figures.mttrMs, ((60) + (5 * 60)) / 2 * MIN);
    assert.equal(figures.repairSource, 'incidents');
  });
});

describe('ranking of fault-prone units and models', () => {
  it('orders by failures then downtime, models by failures per port, healthy units left out', () => {
    const stations = [
      station({ stationId: 'A', statuses: [...fault('01:00', '02:00'), ...fault('03:00', '03:10')] }),
      station({ stationId: 'B', model: 'X2', statuses: fault('01:00', '05:00') }),
      station({ stationId: 'C', model: 'X2' }),
      station({ stationId: 'D', statuses: fault('06:00', '06:30') }),
    ];
    const ranking = rankFaultProne(computePortRows(DAY, stations, []), 10);
    assert.deepEqual(ranking.ports.map((p) => [p.stationId, p.failures, p.downMs / MIN]), [['A', 2, 70], ['B', 1, 240], ['D', 1, 30]]);
    assert.deepEqual(ranking.stations.map((s) => s.stationId), ['A', 'B', 'D']);
    assert.deepEqual(ranking.models.map((m) => [m.model, m.ports, m.failures, m.failuresPerPort]), [['X1', 2, 3, 1.5], ['X2', 2, 1, 0.5]]);
  });
});

describe('interval algebra', () => {
  it('normalize merges touching and overlapping intervals; subtract and intersect partition', () => {
    assert.deepEqual(normalize([{ start: 5, end: 7 }, { start: 0, end: 2 }, { start: 2, end: 3 }, { start: 6, end: 9 }, { start: 4, end: 4 }]), [{ start: 0, end: 3 }, { start: 5, end: 9 }]);
    const a = [{ start: 0, end: 10 }, { start: 20, end: 30 }];
    const b = [{ start: 5, end: 25 }];
    assert.deepEqual(intersect(a, b), [{ start: 5, end: 10 }, { start: 20, end: 25 }]);
    assert.deepEqual(subtract(a, b), [{ start: 0, end: 5 }, { start: 25, end: 30 }]);
    assert.equal(measure(intersect(a, b)) + measure(subtract(a, b)), measure(a));
    assert.deepEqual(subtract([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 5, end: 6 }]), [{ start: 0, end: 2 }, { start: 3, end: 5 }, { start: 6, end: 10 }]);
  });
});
