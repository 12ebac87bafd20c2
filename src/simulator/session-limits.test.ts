// The smart-charging seam (setLimit) and a station ending a transaction the CSMS refused, both
// against a whole ChargeOps over real WebSockets, on simulated time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer } from '../testing/test-server.js';
import { ManualClock } from './clock.js';
import { meteredWh } from './session-engine.js';
import { SimulatedStation } from './simulated-station.js';
import type { EvProfile } from './charging-model.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MINUTE = 60_000;
const EV: EvProfile = { batteryKwh: 77, socPercent: 20, targetSocPercent: 100, acPhases: 3, acMaxAmps: 32, dcMaxKw: 150, taperStartPercent: 80, batteryVolts: 400 };

describe('simulated charging limits and refused starts', () => {
  let server: Server;
  const stations: SimulatedStation[] = [];
  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 } });
    for (const idToken of ['LIMIT-1', 'LATER-BLOCKED']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' })).status, 201);
  });
  after(async () => {
    await Promise.all(stations.map((s) => s.stop()));
    await server.stop();
  });

  const station = async (stationId: string, version: 'ocpp1.6' | 'ocpp2.0.1', clock: ManualClock) => {
    const s = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId, version, connectors: 1, clock, seed: 9, meterIntervalSeconds: 60 });
    stations.push(s);
    assert.equal((await s.start()).status, 'Accepted');
    return s;
  };

  it('TC_J_09_CSMS (2.0.1): setLimit mid-interval changes the power from then on; SuspendedEVSE below 6 A; the energy stays exact', async () => {
    const clock = new ManualClock(Date.now() - 5 * 60 * MINUTE);
    const s = await station('LIMIT-201', 'ocpp2.0.1', clock);
    await s.sessions.plugIn(1, EV);
    assert.equal(await s.sessions.swipe(1, 'LIMIT-1'), 'started');
    await clock.advance(10 * MINUTE + 30_000);
    s.sessions.setLimit(1, { amps: 10 });
    await clock.advance(9 * MINUTE + 30_000);
    s.sessions.setLimit(1, { amps: 5 });
    await clock.advance(5 * MINUTE);
    assert.equal(s.sessions.statusOf(1), 'SuspendedEVSE');
    s.sessions.setLimit(1, undefined);
    await clock.advance(5 * MINUTE);
    await s.sessions.swipe(1, 'LIMIT-1');
    await s.transactionsDelivered();

    const tx = s.sessions.transactions[0]!;
    // 10.5 min at 22.08 kW, 9.5 min at 6.9 kW, 5 min suspended, 5 min at 22.08 kW (whole Wh reported).
    const expected = (22080 * 15.5 + 6900 * 9.5) / 60;
    assert.ok(Math.abs(meteredWh(tx) - expected) <= 1, `${meteredWh(tx)} Wh metered, ${expected} expected`);
    const list = await server.api.request('GET', '/api/v1/sessions?stationId=LIMIT-201');
    const detail = (await server.api.request('GET', `/api/v1/sessions/${list.body.items[0].id}`)).body;
    assert.equal(detail.session.energyWh, String(meteredWh(tx)));
    const power = detail.meterSeries.find((m: { measurand: string }) => m.measurand === 'Power.Active.Import').points.map((p: { value: string }) => Number(p.value));
    assert.deepEqual([power[9], power[11], power[20], power[25]], [22080, 6900, 0, 22080]);
    const states = detail.events.map((e: { payload: { transactionInfo?: { chargingState?: string } } }) => e.payload.transactionInfo?.chargingState).filter(Boolean);
    assert.ok(states.includes('SuspendedEVSE'), 'ChargingStateChanged to SuspendedEVSE reported');
  });

  it('TC_037_3_CSMS (1.6): a start queued offline with a token blocked meanwhile is answered Blocked; the station ends it (DeAuthorized)', async () => {
    const clock = new ManualClock(Date.now() - 5 * 60 * MINUTE);
    const s = await station('BLOCKED-16', 'ocpp1.6', clock);
    await s.sessions.plugIn(1, EV);
    assert.equal(await s.sessions.swipe(1, 'LATER-BLOCKED'), 'started');
    await clock.advance(2 * MINUTE);
    await s.sessions.swipe(1, 'LATER-BLOCKED');
    await s.sessions.unplug(1);
    await s.transactionsDelivered();
    await s.goOffline();
    const token = (await server.api.request('GET', '/api/v1/tokens?limit=100')).body.items.find((t: { idToken: string }) => t.idToken === 'LATER-BLOCKED');
    assert.equal((await server.api.request('PATCH', `/api/v1/tokens/${token.id}`, { blocked: true })).status, 200);
    await s.sessions.plugIn(1, EV);
    assert.equal(await s.sessions.swipe(1, 'LATER-BLOCKED'), 'started', 'the cache still knows the token as accepted');
    await clock.advance(3 * MINUTE);
    await s.goOnline();
    await s.transactionsDelivered();
    const tx = s.sessions.transactions[1]!;
    assert.deepEqual([tx.authorizationStatus, tx.stoppedReason], ['Blocked', 'DeAuthorized']);
    const items = (await server.api.request('GET', '/api/v1/sessions?stationId=BLOCKED-16')).body.items;
    const record = items.find((i: { transactionId: string }) => i.transactionId === String(tx.transactionId));
    assert.deepEqual([record.status, record.authorizationStatus, record.stoppedReason, record.energyWh], ['completed', 'Blocked', 'DeAuthorized', String(meteredWh(tx))]);
  });
});
