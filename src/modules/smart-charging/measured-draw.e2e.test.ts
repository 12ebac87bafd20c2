// Measured draw, station maxima, remote start with a profile and reconciliation, end to end: a whole
// ChargeOps, a 40 A site, a 1.6 and a 2.0.1 simulated station over real WebSockets reporting
// Current.Import per phase every second. A misbehaving EV (it ignores its limit) is seen in the
// meter values, flagged (event, webhook, health alert) and cut, and the others get what is really
// left; a remote start carries the EVSE's TxProfile; a 2.0.1 station that loses a profile is found
// out by GetChargingProfiles and sent it again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { HttpReceiver } from '../../testing/http-receiver.js';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import type { EvProfile } from '../../simulator/charging-model.js';
import { profileBookOf, type InstalledProfile } from '../../simulator/charging-profiles.js';
import { SimulatedStation } from '../../simulator/simulated-station.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const EV: EvProfile = { batteryKwh: 77, socPercent: 20, targetSocPercent: 100, acPhases: 3, acMaxAmps: 32, dcMaxKw: 150, taperStartPercent: 80, batteryVolts: 400 };
const CAP_A = 40;
const FAST_WEBHOOKS = { retryScheduleSeconds: [0.05], maxAttempts: 3, maxConsecutiveFailures: 5, pollIntervalSeconds: 0.05, timeoutSeconds: 2 };

describe('smart charging: measured draw, station maxima, remote start with a profile, reconciliation (real OCPP)', () => {
  let server: Server;
  let receiver: HttpReceiver;
  let siteId: string;
  let a: SimulatedStation;
  let b: SimulatedStation;
  const events: DomainEvent[] = [];
  const book = (s: SimulatedStation) => profileBookOf(s.sessions, 2);
  const limits = () => [a, b].flatMap((s) => [1, 2].filter((c) => s.sessions.transactionOn(c)).map((c) => s.sessions.limitOn(c)?.amps));
  const settle = (expected: Array<number | undefined>, ms = 20_000) => waitUntil(() => JSON.stringify(limits()) === JSON.stringify(expected), ms)
    .catch(async (error: Error) => { throw new Error(`${error.message}: limits ${JSON.stringify(limits())}, expected ${JSON.stringify(expected)}; ${JSON.stringify((await view()).evses.map((e) => [e.evseId, e.limitA, e.reason]))}`); });
  const view = async () => (await server.api.request('GET', `/api/v1/sites/${siteId}/energy/allocation`)).body as { evses: Array<{ evseId: string; limitA: number; reason: { kind: string }; dispatched: { fallbackA: number | null } | null }> };

  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 }, webhooks: FAST_WEBHOOKS });
    server.events.subscribe((e) => { if (e.type.startsWith('energy.')) events.push(e); });
    receiver = await HttpReceiver.start();
    assert.equal((await server.api.request('POST', '/api/v1/webhooks', { url: receiver.url, eventTypes: ['energy.ev-overdraw', 'energy.ev-overdraw-cleared'] })).status, 201);
    for (const idToken of ['MD-A', 'MD-B', 'MD-C', 'MD-D']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' })).status, 201);
    siteId = (await server.api.request('POST', '/api/v1/sites', { name: 'Measured', country: 'NL' })).body.id;
    a = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'MD-16', version: 'ocpp1.6', connectors: 2, seed: 3, meterIntervalSeconds: 1 });
    b = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'MD-201', version: 'ocpp2.0.1', connectors: 2, seed: 4, meterIntervalSeconds: 1 });
    for (const s of [a, b]) assert.equal((await s.start()).status, 'Accepted');
    for (const id of ['MD-16', 'MD-201']) assert.equal((await server.api.request('PUT', `/api/v1/stations/${id}/site`, { siteId })).status, 200);
    const evses = ['MD-16', 'MD-201'].flatMap((stationId) => [1, 2].map((evseId) => ({ stationId, evseId, circuitId: 'grid', phases: 3, maxCurrentA: 32 })));
    const put = await server.api.request('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: CAP_A }], evses, options: { debounceMs: 50, tickSeconds: 1 },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    await waitUntil(() => [a, b].every((s) => book(s).list().filter((p) => p.purpose === 'TxDefault').length === 2 && book(s).list().some((p) => p.purpose === 'StationMax')), 15_000);
  });
  after(async () => {
    await Promise.all([a, b].map((s) => s.stop()));
    await server.stop();
    await receiver.stop();
  });

  it('TC_K_01 fallback safety: each station holds a station maximum (id 40000, EVSE 0) and their sum stays under the cap', () => {
    const maxima = [a, b].map((s) => book(s).list().find((p) => p.purpose === 'StationMax')!);
    for (const m of maxima) { assert.equal(m.id, 40_000); assert.equal(m.evseId, 0); }
    const sum = maxima.reduce((total, m) => total + m.periods[0]!.limit, 0);
    assert.ok(sum <= CAP_A + 1e-9, `station maxima sum to ${sum} A (cap ${CAP_A} A)`);
  });

  it('a misbehaving EV drawing above its limit is seen in Current.Import, flagged (event, webhook, alert) and cut; the obeying EV gets what is really left', async () => {
    await b.sessions.plugIn(1, EV);
    assert.equal(await b.sessions.swipe(1, 'MD-B'), 'started');
    await a.sessions.plugIn(1, EV, { ignoresLimits: true });
    assert.equal(await a.sessions.swipe(1, 'MD-A'), 'started');
    // Told 20 A, it draws 32 A: flagged once the EV's response time has passed.
    await waitUntil(() => receiver.requests.some((r) => JSON.parse(r.body).type === 'energy.ev-overdraw'), 30_000);
    const flagged = events.find((e) => e.type === 'energy.ev-overdraw')!;
    assert.equal(flagged.stationId, 'MD-16');
    assert.equal(flagged.data['evseId'], 1);
    assert.ok(Number(flagged.data['measuredA']) >= 31, JSON.stringify(flagged.data));
    // Its 32 A counts as drawn; its limit is cut to 0 A (paused); the 2.0.1 EV gets 40 - 32 = 8 A.
    await settle([0, 8]);
    const evses = (await view()).evses;
    assert.equal(evses.find((e) => e.evseId === 'MD-16/1')!.reason.kind, 'misbehaving-ev');
    assert.equal(evses.find((e) => e.evseId === 'MD-201/1')!.reason.kind, 'constraint');
    const health = await server.api.request('GET', '/api/v1/stations/MD-16/health');
    assert.ok(health.body.alerts.some((alert: { rule: string; evseId: number }) => alert.rule === 'ev-overdraw' && alert.evseId === 1), JSON.stringify(health.body.alerts));
    assert.equal(events.filter((e) => e.type === 'energy.ev-overdraw').length, 1, 'flagged once per session');

    await a.sessions.unplug(1);
    await waitUntil(() => events.some((e) => e.type === 'energy.ev-overdraw-cleared'), 15_000);
    await settle([32]);
    await waitUntil(async () => (await server.api.request('GET', '/api/v1/stations/MD-16/health')).body.alerts.length === 0, 15_000);
  });

  it('TC_K_05 / K05 RequestStartTransaction and 1.6 RemoteStartTransaction.chargingProfile: a remote start carries a TxProfile at the EVSE\'s share, never above its fallback', async () => {
    const captured: InstalledProfile[] = [];
    for (const s of [a, b]) {
      const original = book(s).installOnStart.bind(book(s));
      book(s).installOnStart = (profile) => { captured.push({ ...profile }); return original(profile); };
    }
    const fallbackOf = async (key: string) => (await view()).evses.find((e) => e.evseId === key)!.dispatched!.fallbackA!;
    const fallback16 = await fallbackOf('MD-16/2');
    const started = await server.api.request('POST', '/api/v1/stations/MD-16/remote-start', { idToken: 'MD-C', evseId: 2 });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    await waitUntil(() => captured.length === 1, 15_000).catch(() => assert.fail(`no start profile; ${JSON.stringify(started.body)}`));
    assert.equal(captured[0]!.purpose, 'Tx');
    assert.equal(captured[0]!.id, 10_002);
    assert.equal(captured[0]!.periods[0]!.limit, Math.min(20, fallback16));
    await settle([20, 20]);

    const fallback201 = await fallbackOf('MD-201/2');
    assert.equal((await server.api.request('POST', '/api/v1/stations/MD-201/remote-start', { idToken: 'MD-D', idTokenType: 'ISO14443', evseId: 2 })).status, 200);
    await waitUntil(() => captured.length === 2, 15_000);
    assert.equal(captured[1]!.periods[0]!.limit, Math.min(13.3, fallback201));
    await settle([13.3, 13.3, 13.3]);
  });

  it('TC_K_09 / K09 GetChargingProfiles: a 2.0.1 station that lost its fallback is found out and sent it again', async () => {
    await waitUntil(() => events.some((e) => e.type === 'energy.profiles-reconciled' && e.stationId === 'MD-201'), 20_000);
    const before = events.length;
    assert.ok(book(b).clear({ purpose: 'TxDefault', evseId: 1 }));
    await waitUntil(() => events.slice(before).some((e) => e.type === 'energy.profile-mismatch' && e.stationId === 'MD-201'), 20_000);
    const mismatch = events.slice(before).find((e) => e.type === 'energy.profile-mismatch')!;
    assert.deepEqual((mismatch.data['mismatches'] as Array<{ id: number; kind: string }>).map((m) => [m.id, m.kind]), [[20_001, 'missing']]);
    await waitUntil(() => book(b).list().some((p) => p.purpose === 'TxDefault' && p.evseId === 1), 15_000);
  });
});
