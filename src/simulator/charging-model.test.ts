import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChargingModel, randomEv, seededRandom, type EvProfile } from './charging-model.js';
import { ManualClock } from './clock.js';

const EV: EvProfile = { batteryKwh: 60, socPercent: 20, targetSocPercent: 100, acPhases: 3, acMaxAmps: 32, dcMaxKw: 200, taperStartPercent: 60, batteryVolts: 400 };

describe('ChargingModel', () => {
  it('AC power is phases x 230 V x amps: 3.68 kW on one phase at 16 A, 22.08 kW on three at 32 A', () => {
    assert.equal(new ChargingModel({ kind: 'AC', phases: 1, maxAmps: 16 }, EV).instant().powerW, 3680);
    assert.equal(new ChargingModel({ kind: 'AC', phases: 3, maxAmps: 32 }, EV).instant().powerW, 22080);
    assert.equal(new ChargingModel({ kind: 'AC', phases: 3, maxAmps: 32 }, { ...EV, acPhases: 1, acMaxAmps: 16 }).instant().powerW, 3680, 'the EV\'s on-board charger limits too');
    assert.ok(Math.abs(new ChargingModel({ kind: 'AC', phases: 3, maxAmps: 32 }, EV).advance(3600) - 22080) < 1e-6, 'one hour at 22.08 kW');
  });

  it('DC follows the SoC taper: full power to the knee, then less and less, SuspendedEV at the target', () => {
    const model = new ChargingModel({ kind: 'DC', maxKw: 150 }, EV);
    assert.equal(model.instant().powerW, 150_000);
    const samples: number[] = [];
    for (let minute = 0; minute < 120 && model.instant().state === 'Charging'; minute++) {
      model.advance(60);
      samples.push(model.instant().powerW);
    }
    const afterKnee = samples.filter((_, i) => i > 0);
    assert.ok(afterKnee.every((power, i) => power <= samples[i]!), 'power never rises');
    assert.ok(samples.some((power) => power < 50_000), 'the tail is slow');
    assert.equal(model.instant().state, 'SuspendedEV');
    assert.equal(Math.round(model.socPercent), 100);
  });

  it('setLimit caps amps or watts (the lower wins) and below 6 A suspends AC charging (SuspendedEVSE)', () => {
    const model = new ChargingModel({ kind: 'AC', phases: 3, maxAmps: 32 }, EV);
    model.setLimit({ amps: 10 });
    assert.equal(model.instant().powerW, 6900);
    model.setLimit({ amps: 16, watts: 4600 });
    assert.equal(model.instant().powerW, 3 * 230 * 6.6);
    model.setLimit({ amps: 5 });
    assert.equal(model.instant().state, 'SuspendedEVSE');
    assert.equal(model.advance(600), 0);
    model.setLimit(undefined);
    assert.equal(model.instant().powerW, 22080);
    const dc = new ChargingModel({ kind: 'DC', maxKw: 150 }, EV);
    dc.setLimit({ watts: 50_000 });
    assert.equal(dc.instant().powerW, 50_000);
  });

  it('a seed makes the EVs repeat exactly', () => {
    assert.deepEqual(randomEv(seededRandom(7)), randomEv(seededRandom(7)));
  });
});

describe('ManualClock', () => {
  it('runs due timers in time order with the clock at their time, and awaits each', async () => {
    const clock = new ManualClock(0);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now().getTime()}`), 20);
    clock.setTimeout(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(`a@${clock.now().getTime()}`);
      clock.setTimeout(() => seen.push(`c@${clock.now().getTime()}`), 5);
    }, 10);
    const cancelled = clock.setTimeout(() => seen.push('never'), 1);
    clock.clearTimeout(cancelled);
    await clock.advance(30);
    assert.deepEqual(seen, ['a@10', 'c@15', 'b@20']);
    assert.equal(clock.now().getTime(), 30);
  });
});
