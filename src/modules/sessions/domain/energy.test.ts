import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimal, formatDecimal } from './decimal.js';
import { accumulate, extendEnergy, recomputeEnergy, type EnergyReading } from './energy.js';

const t = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute));
const reading = (minute: number, wh: string, fresh = true): EnergyReading => ({ at: t(minute), wh: decimal(wh), fresh });
const energyOf = (...whs: string[]) => formatDecimal(accumulate({ energyWh: decimal('0'), last: null }, whs.map((wh, i) => reading(i, wh))).energyWh);

describe('energy from register readings', () => {
  it('sums positive deltas exactly (table)', () => {
    const table: Array<[string[], string, string[]]> = [
      [['1000', '1500', '2250.5'], '1250.5', []],
      [['0.1', '0.2', '0.3'], '0.2', []],
      [['5000', '5000'], '0', []],
      [['5000', '5100', '20', '70'], '150', ['meter-reset']],
      [['99999990', '99999999', '5', '15'], '19', ['meter-reset']],
      [['5000', '6000', '5500', '5600'], '1100', ['meter-backwards']],
      [['1234567.8901', '1234568.0001'], '0.11', []],
    ];
    for (const [whs, energy, drops] of table) {
      const totals = accumulate({ energyWh: decimal('0'), last: null }, whs.map((wh, i) => reading(i, wh)));
      assert.equal(formatDecimal(totals.energyWh), energy, whs.join(' -> '));
      assert.deepEqual(totals.drops.map((d) => d.kind), drops, whs.join(' -> '));
    }
    assert.equal(energyOf('1000'), '0');
  });

  it('orders readings by time, not arrival', () => {
    const totals = accumulate({ energyWh: decimal('0'), last: null }, [reading(2, '1200'), reading(0, '1000'), reading(1, '1100')]);
    assert.equal(formatDecimal(totals.energyWh), '200');
    assert.equal(formatDecimal(totals.first!.wh), '1000');
    assert.equal(formatDecimal(totals.last!.wh), '1200');
  });

  it('extends incrementally, and asks for the history when a reading is older than the last one', () => {
    const incremental = extendEnergy('100', { at: t(5), wh: '1100' }, [reading(6, '1150')]);
    assert.equal(incremental.kind, 'incremental');
    if (incremental.kind === 'incremental') assert.equal(formatDecimal(incremental.totals.energyWh), '150');
    assert.equal(extendEnergy('100', { at: t(5), wh: '1100' }, [reading(4, '1050')]).kind, 'needs-history');
  });

  it('recomputes from history plus fresh readings, reporting only drops that involve a fresh reading', () => {
    const history = [{ at: t(0), wh: '1000' }, { at: t(1), wh: '900' }, { at: t(3), wh: '1300' }];
    const totals = recomputeEnergy(history, [reading(2, '1200')]);
    assert.equal(formatDecimal(totals.energyWh), '400');
    assert.deepEqual(totals.drops, []);
    const withDrop = recomputeEnergy(history, [reading(4, '10')]);
    assert.deepEqual(withDrop.drops.map((d) => d.kind), ['meter-reset']);
  });
});
