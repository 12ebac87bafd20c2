import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionDetail } from '../../../../web/src/api/types.js';
import { sessionEnergy } from '../../../../web/src/pages/meter-charts.js';

/** Only the fields sessionEnergy reads; the rest of a session detail does not matter here. */
const detail = (meterStartWh: string | null, unit: string, values: Array<string | null>): SessionDetail => ({
  session: { meterStartWh },
  meterSeries: [{
    measurand: 'Energy.Active.Import.Register', phase: null, unit,
    points: values.map((value, i) => ({ at: new Date(Date.UTC(2026, 10, 21, 10, i)).toISOString(), value })),
  }],
} as unknown as SessionDetail);

describe('the session energy chart (station and session pages)', () => {
  it('shows what this session delivered: the register minus the meter at the start', () => {
    const { points, unit } = sessionEnergy(detail('11704', 'Wh', ['11704', '11800', '11888']));
    assert.equal(unit, 'Wh');
    assert.deepEqual(points.map((p) => p.v), [0, 96, 184]);
  });

  it('converts the start (always Wh) to the series unit when the station reports kWh', () => {
    const { points, unit } = sessionEnergy(detail('11704', 'kWh', ['11.704', '12.204']));
    assert.equal(unit, 'kWh');
    assert.deepEqual(points.map((p) => Number(p.v.toFixed(3))), [0, 0.5]);
  });

  it('counts from the first reading when the start is unknown, and skips empty readings', () => {
    const { points } = sessionEnergy(detail(null, 'Wh', ['500', null, '750']));
    assert.deepEqual(points.map((p) => p.v), [0, 250]);
  });

  it('never draws below zero when a reading is under the start (a meter replaced mid-session)', () => {
    const { points } = sessionEnergy(detail('1000', 'Wh', ['1000', '20']));
    assert.deepEqual(points.map((p) => p.v), [0, 0]);
  });
});
