import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timelineFromSession, type MeterRow } from './session-timeline.js';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 16, 9, minute));
const register = (minute: number, wh: number): MeterRow => ({ sampledAt: t(minute), measurand: 'Energy.Active.Import.Register', phase: null, value: String(wh), unit: 'Wh' });
const current = (minute: number, phase: string, a: number): MeterRow => ({ sampledAt: t(minute), measurand: 'Current.Import', phase, value: String(a), unit: 'A' });

describe('timeline from a session record', () => {
  it('charging while the register rises, parking (idle) while it stands still; the session total closes it', () => {
    const { timeline } = timelineFromSession(
      { startedAt: t(0), endedAt: t(90), meterStartWh: '1000', energyWh: '12000' },
      [register(30, 7000), register(60, 13000), current(0, 'L1', 16), current(0, 'L2', 16), current(0, 'L3', 15.5), register(75, 13000)],
      'Europe/Berlin',
    );
    assert.deepEqual(timeline.intervals.map((i) => `${i.state} ${i.energyWh} ${i.currentA ?? '-'}`), [
      'charging 6000 47.5', 'charging 6000 47.5', 'parking 0 47.5', 'parking 0 47.5',
    ]);
    assert.equal(timeline.intervals.at(-1)!.to, t(90).toISOString());
  });

  it('a register going backwards delivers nothing rather than negative energy', () => {
    const { timeline } = timelineFromSession(
      { startedAt: t(0), endedAt: t(60), meterStartWh: '5000', energyWh: '3000' },
      [register(20, 7000), register(40, 100)],
      'UTC',
    );
    assert.deepEqual(timeline.intervals.map((i) => `${i.state} ${i.energyWh}`), ['charging 2000', 'parking 0', 'charging 1000']);
  });

  it('without readings the whole session is one interval with its total energy', () => {
    const { timeline } = timelineFromSession({ startedAt: t(0), endedAt: t(45), meterStartWh: null, energyWh: '4200.5' }, [], 'UTC');
    assert.deepEqual(timeline.intervals, [{ from: t(0).toISOString(), to: t(45).toISOString(), state: 'charging', energyWh: '4200.5' }]);
  });
});
