// Fallbacks of EVSEs charging single-phase EVs, end to end: three EVSEs of one 1.6 station over a
// real WebSocket, wired with phase rotations RST / STR / TRS under a 30 A connection, each charging a
// single-phase EV (measured on one phase: Current.Import per phase every second), so each gets 30 A
// on its own phase. An EVSE's TxDefault applies on all three phases once its EV leaves, so it must
// fit beside the other EVSEs' TxProfiles (fallbacks.ts; the site day's samples above a cap). The
// planFallbacks unit test (dispatch/fallbacks.test.ts) fails without that rule; this run kept the
// fallbacks at 0 before it too (not traced why), so it guards the property end to end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import type { EvProfile } from '../../simulator/charging-model.js';
import { profileBookOf } from '../../simulator/charging-profiles.js';
import { SimulatedStation } from '../../simulator/simulated-station.js';

const ONE_PHASE_EV: EvProfile = { batteryKwh: 60, socPercent: 20, targetSocPercent: 100, acPhases: 1, acMaxAmps: 32, dcMaxKw: 50, taperStartPercent: 90, batteryVolts: 400 };
const CAP_A = 30;
const ROTATIONS = ['RST', 'STR', 'TRS'] as const;
/** Site phase index of each EVSE's meter phase k (RST: L1 L2 L3; STR: L2 L3 L1; TRS: L3 L1 L2). */
const SITE_PHASE = [[0, 1, 2], [1, 2, 0], [2, 0, 1]];

describe('smart charging: fallbacks of EVSEs charging single-phase EVs (site day, real OCPP)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let station: SimulatedStation;
  const fallbackOn = (c: number) => profileBookOf(station.sessions, 3).list().find((p) => p.purpose === 'TxDefault' && p.evseId === c)?.periods[0]!.limit;
  /**
   * What could be drawn per site phase if any EV left now: a charging EVSE at the higher of its
   * TxProfile and TxDefault on its EV's phase and at its TxDefault on the others; an idle one at its
   * TxDefault on all three.
   */
  const worstPerPhase = () => {
    const sums = [0, 0, 0];
    [1, 2, 3].forEach((c, i) => {
      const fallback = fallbackOn(c) ?? 32;
      const charging = station.sessions.transactionOn(c);
      for (let k = 0; k < 3; k++) sums[SITE_PHASE[i]![k]!]! += charging && k === 0 ? Math.max(station.sessions.limitOn(c)?.amps ?? 32, fallback) : fallback;
    });
    return sums;
  };

  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 } }, { inMemory: true });
    for (const idToken of ['PH-A', 'PH-B', 'PH-C']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' })).status, 201);
    const siteId = (await server.api.request('POST', '/api/v1/sites', { name: 'Single phase', country: 'NL' })).body.id;
    station = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'PH-16', version: 'ocpp1.6', connectors: 3, seed: 7, meterIntervalSeconds: 1 });
    assert.equal((await station.start()).status, 'Accepted');
    assert.equal((await server.api.request('PUT', '/api/v1/stations/PH-16/site', { siteId })).status, 200);
    const put = await server.api.request('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: CAP_A }],
      evses: ROTATIONS.map((phaseRotation, i) => ({ stationId: 'PH-16', evseId: i + 1, circuitId: 'grid', phases: 3, phaseRotation, maxCurrentA: 32 })),
      options: { debounceMs: 50, tickSeconds: 1 },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
  });
  after(async () => {
    await station.stop();
    await server.stop();
  });

  it('TC_K_01 fallback safety: each single-phase EV gets 30 A on its phase, and no EV leaving can put a phase above the cap', async () => {
    for (const [i, token] of ['PH-A', 'PH-B', 'PH-C'].entries()) {
      await station.sessions.plugIn(i + 1, ONE_PHASE_EV);
      assert.equal(await station.sessions.swipe(i + 1, token), 'started');
    }
    // Measured on one phase each, the EVs no longer compete: 30 A each.
    await waitUntil(() => [1, 2, 3].every((c) => station.sessions.limitOn(c)?.amps === 30), 30_000);
    await waitUntil(() => Math.max(...worstPerPhase()) <= CAP_A + 1e-9, 10_000).catch(() => {});
    const worst = worstPerPhase();
    assert.ok(Math.max(...worst) <= CAP_A + 1e-9, `per site phase ${JSON.stringify(worst)} A could be drawn after a departure (cap ${CAP_A} A; fallbacks ${[1, 2, 3].map(fallbackOn)})`);

    // The EV on EVSE 1 leaves: what its EVSE could now feed on three phases still fits.
    await station.sessions.unplug(1);
    const idle = worstPerPhase();
    assert.ok(Math.max(...idle) <= CAP_A + 1e-9, `after the departure ${JSON.stringify(idle)} A could be drawn (cap ${CAP_A} A)`);
  });
});
