// The simulated site day (site-day/site-day.ts), smaller and faster than `chargeops bench site-day`:
// 6 stations (1.6 and 2.0.1 alternating, two EVSEs each) on two 32 A panels under a 50 A grid
// connection, 16 EVs on the workplace-and-evening pattern, a 25 A throttling signal from 14:00 to
// 17:00 announced at noon, 24 simulated hours at 1,440x over real WebSockets. The cap (grid,
// panels, the signal while in force) is never exceeded at any sample, by what the stations could
// draw without ChargeOps nor by what the EVs draw. Energy and utilisation are reported, not
// asserted (they depend on how loaded the machine is: a stall of one wall second is 24 minutes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSiteDay } from './site-day/site-day.js';

describe('smart charging: a simulated 24-hour site day on an accelerated clock (real OCPP, 1.6 and 2.0.1 mixed)', () => {
  it('TC_K_70-style site day: grid connection, panels and the afternoon signal hold at every sample', { timeout: 600_000 }, async () => {
    const report = await runSiteDay({ stations: 6, evs: 16, factor: 1440, seed: 7, gridA: 50, panelA: 32, signalA: 25, signalFromHour: 14, signalToHour: 17 });
    assert.deepEqual(report.violations.slice(0, 5), [], `${report.violationCount} samples above a cap`);
    assert.ok(report.samples > 50, `${report.samples} samples`);
    assert.equal(report.sessions, 16 - report.turnedAway, 'every EV that found an EVSE has its session recorded');
    assert.ok(report.peakCouldDrawA.grid <= 50 && report.peakCouldDrawA.panels <= 32, JSON.stringify(report.peakCouldDrawA));
    assert.ok(report.energyDeliveredKwh <= report.energyUnlimitedKwh * 1.01, `${report.energyDeliveredKwh} kWh delivered vs ${report.energyUnlimitedKwh} kWh unlimited`);
    console.log(`site day: ${JSON.stringify({ samples: report.samples, utilisationPct: report.utilisationPct, delivered: report.energyDeliveredKwh, unlimited: report.energyUnlimitedKwh, wallSeconds: report.wallSeconds })}`);
  });
});
