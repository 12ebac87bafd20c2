// Load balancing end to end: a whole ChargeOps, a site with a 40 A grid connection, a 1.6 and a
// 2.0.1 simulated station over real WebSockets. Sessions start and stop; the stations receive
// TxProfiles and TxDefaultProfile fallbacks; a sampler reads what every station applies all along
// and the sum never goes above the cap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import type { EvProfile } from '../../simulator/charging-model.js';
import { profileBookOf } from '../../simulator/charging-profiles.js';
import { SimulatedStation } from '../../simulator/simulated-station.js';
import { serverDatabaseTargets } from '../../testing/server-database-targets.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const EV: EvProfile = { batteryKwh: 77, socPercent: 20, targetSocPercent: 100, acPhases: 3, acMaxAmps: 32, dcMaxKw: 150, taperStartPercent: 80, batteryVolts: 400 };
const CAP_A = 40;

/** PGlite in memory, and a scratch PostgreSQL database when CHARGEOPS_TEST_DATABASE_URL is set. */
const targets = serverDatabaseTargets('chargeops_sc');

for (const target of targets) describe(`smart charging: load balancing over real OCPP connections (${target.name})`, () => {
  let server: Server;
  let dispose: () => Promise<void> = async () => {};
  let siteId: string;
  const v16 = () => new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'LB-16', version: 'ocpp1.6', connectors: 2, seed: 1, meterIntervalSeconds: 3600 });
  const v201 = () => new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'LB-201', version: 'ocpp2.0.1', connectors: 2, seed: 2, meterIntervalSeconds: 3600 });
  let stations: SimulatedStation[] = [];
  const connectors = () => stations.flatMap((s) => [1, 2].map((c) => ({ s, c })));
  /**
   * What could be drawn right now without ChargeOps: on each connector the limit its station's
   * profiles give (TxProfile while charging, else the TxDefaultProfile a new session would start
   * at; no profile: the EVSE's 32 A).
   */
  const worstCaseSum = () => connectors().reduce((sum, { s, c }) => sum + (profileBookOf(s.sessions, 2).limitAt(c, Date.now()) ?? 32), 0);
  const samples: number[] = [];
  let sampler: NodeJS.Timeout | undefined;

  before(async () => {
    const database = await target.open();
    dispose = database.dispose;
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 } }, database.options);
    for (const idToken of ['LB-A', 'LB-B', 'LB-C', 'LB-D']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' })).status, 201);
    siteId = (await server.api.request('POST', '/api/v1/sites', { name: 'Depot', country: 'NL' })).body.id;
    stations = [v16(), v201()];
    for (const s of stations) assert.equal((await s.start()).status, 'Accepted');
    for (const id of ['LB-16', 'LB-201']) assert.equal((await server.api.request('PUT', `/api/v1/stations/${id}/site`, { siteId })).status, 200);
  });
  after(async () => {
    clearInterval(sampler);
    await Promise.all(stations.map((s) => s.stop()));
    await server.stop();
    await dispose();
  });

  it('refuses a topology with a cycle, an unknown station or a negative limit, and changes nothing', async () => {
    const bad = await server.api.request('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: 'equal-share',
      circuits: [{ id: 'grid', parentId: null, maxCurrentA: CAP_A }, { id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }],
      evses: [{ stationId: 'NOPE', evseId: 1, circuitId: 'grid', phases: 3, maxCurrentA: 32 }],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'invalid_energy_config');
    assert.match(bad.body.detail, /cycle/);
    assert.match(bad.body.detail, /unknown station "NOPE"/);
    const negative = await server.api.request('PUT', `/api/v1/sites/${siteId}/energy`, { strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: -1 }], evses: [] });
    assert.equal(negative.status, 400);
    assert.equal((await server.api.request('GET', `/api/v1/sites/${siteId}/energy`)).body.code, 'energy_config_not_found');
  });

  it('TC_K_01 / TC_K_70 / K01.FR.05: fallbacks first, a TxProfile per session on start and stop, the sum of limits never above the cap', async () => {
    const evses = ['LB-16', 'LB-201'].flatMap((stationId) => [1, 2].map((evseId) => ({ stationId, evseId, circuitId: 'grid', phases: 3, maxCurrentA: 32 })));
    const put = await server.api.request('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: CAP_A }], evses, options: { debounceMs: 50 },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    // Fallback TxDefaultProfiles: every EVSE drawing at once stays under the cap (4 x 10 A).
    await waitUntil(() => stations.every((s) => profileBookOf(s.sessions, 2).list().filter((p) => p.purpose === 'TxDefault').length === 2), 10_000);
    const fallbacks = stations.flatMap((s) => profileBookOf(s.sessions, 2).list().filter((p) => p.purpose === 'TxDefault').map((p) => p.periods[0]!.limit));
    assert.deepEqual(fallbacks, [10, 10, 10, 10]);
    sampler = setInterval(() => samples.push(worstCaseSum()), 5);

    const [a, b] = stations as [SimulatedStation, SimulatedStation];
    const settle = (expected: number[]) => waitUntil(() => {
      const limits = connectors().filter(({ s, c }) => s.sessions.transactionOn(c)).map(({ s, c }) => s.sessions.limitOn(c)?.amps);
      return JSON.stringify(limits) === JSON.stringify(expected);
    }, 10_000);

    await a.sessions.plugIn(1, EV);
    assert.equal(await a.sessions.swipe(1, 'LB-A'), 'started');
    await settle([32]);
    await b.sessions.plugIn(1, EV);
    assert.equal(await b.sessions.swipe(1, 'LB-B'), 'started');
    await settle([20, 20]);
    await a.sessions.plugIn(2, EV);
    assert.equal(await a.sessions.swipe(2, 'LB-C'), 'started');
    await settle([13.3, 13.3, 13.3]);
    await b.sessions.plugIn(2, EV);
    assert.equal(await b.sessions.swipe(2, 'LB-D'), 'started');
    await settle([10, 10, 10, 10]);
    await a.sessions.unplug(1);
    await settle([13.3, 13.3, 13.3]);
    await b.sessions.unplug(2);
    await settle([20, 20]);

    clearInterval(sampler);
    assert.ok(samples.length > 10, `${samples.length} samples`);
    const worst = Math.max(...samples);
    assert.ok(worst <= CAP_A + 1e-9, `the stations could draw ${worst} A in sum at one sample (cap ${CAP_A} A)`);

    // The live view says why: the grid connection bound them; the stations' answers were read back.
    const view = await server.api.request('GET', `/api/v1/sites/${siteId}/energy/allocation`);
    assert.equal(view.status, 200);
    const charging = view.body.evses.filter((e: { sessionId: string | null }) => e.sessionId !== null);
    assert.equal(charging.length, 2, JSON.stringify(view.body.evses));
    for (const e of charging) {
      assert.equal(e.limitA, 20);
      assert.deepEqual(e.reason, { kind: 'constraint', circuitId: 'grid', phase: 'L1', source: 'circuit' });
      assert.equal(e.dispatched.status, 'accepted');
      assert.equal(e.dispatched.appliedA, 20, 'GetCompositeSchedule read back the limit the station applies');
    }
  });

  it('a grid signal throttles the site at once and its fallbacks with it', async () => {
    const signal = await server.api.request('POST', `/api/v1/sites/${siteId}/energy/signals`, {
      source: 'DSO heatwave', maxCurrentA: 24, validFrom: new Date(Date.now() - 1000).toISOString(), validUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    assert.equal(signal.status, 201, JSON.stringify(signal.body));
    const [a, b] = stations as [SimulatedStation, SimulatedStation];
    await waitUntil(() => a.sessions.limitOn(2)?.amps === 12 && b.sessions.limitOn(1)?.amps === 12, 10_000);
    // The idle EVSEs' fallbacks were lowered with it: what could be drawn without ChargeOps fits the signal.
    await waitUntil(() => worstCaseSum() <= 24 + 1e-9, 10_000);
    const badSignal = await server.api.request('POST', `/api/v1/sites/${siteId}/energy/signals`, { circuitId: 'nowhere', maxCurrentA: 10 });
    assert.equal(badSignal.status, 422);
    assert.equal(badSignal.body.code, 'invalid_signal');
  });

  it('TC_K_01 ADR 080: a start leaves idle EVSEs\' sub-minimum fallbacks alone and its increase waits only for the decrease it depends on; the cap holds at every sample', async () => {
    const signals = (await server.api.request('GET', `/api/v1/sites/${siteId}/energy/signals`)).body.items as Array<{ id: string }>;
    for (const s of signals) assert.equal((await server.api.request('DELETE', `/api/v1/sites/${siteId}/energy/signals/${s.id}`)).status, 204);
    const [a, b] = stations as [SimulatedStation, SimulatedStation];
    const charging = () => connectors().filter(({ s, c }) => s.sessions.transactionOn(c)).map(({ s, c }) => s.sessions.limitOn(c)?.amps);
    const fallbackOf = (s: SimulatedStation, c: number) => profileBookOf(s.sessions, 2).list().find((p) => p.purpose === 'TxDefault' && p.evseId === c)?.periods[0]!.limit;
    const state = () => `charging ${JSON.stringify(charging())}, fallbacks ${JSON.stringify([fallbackOf(a, 1), fallbackOf(a, 2), fallbackOf(b, 1), fallbackOf(b, 2)])}`;
    const settled = (what: () => boolean) => waitUntil(what, 10_000).catch(() => assert.fail(`not settled: ${state()}`));
    // a2 alone: 32 A; a1, b1, b2 idle would share 8 A (2.6 A each, below 6 A): their fallbacks are 0.
    await settled(() => JSON.stringify(charging()) === '[20,20]');
    await b.sessions.unplug(1);
    await settled(() => JSON.stringify(charging()) === '[32]');
    await settled(() => fallbackOf(a, 1) === 0 && fallbackOf(b, 1) === 0 && fallbackOf(b, 2) === 0);

    const received: string[] = [];
    const record = (name: string) => (action: string, payload: unknown) => {
      if (action !== 'SetChargingProfile') return;
      const p = payload as { connectorId?: number; evseId?: number; csChargingProfiles?: { chargingProfilePurpose: string; chargingSchedule: { chargingSchedulePeriod: Array<{ limit: number }> } }; chargingProfile?: { chargingProfilePurpose: string; chargingSchedule: Array<{ chargingSchedulePeriod: Array<{ limit: number }> }> } };
      const purpose = p.csChargingProfiles?.chargingProfilePurpose ?? p.chargingProfile?.chargingProfilePurpose;
      const limit = p.csChargingProfiles?.chargingSchedule.chargingSchedulePeriod[0]?.limit ?? p.chargingProfile?.chargingSchedule[0]?.chargingSchedulePeriod[0]?.limit;
      received.push(`${name}${p.connectorId ?? p.evseId} ${purpose} ${limit}`);
      // Also sampled right after each profile is applied: the timer alone may see few samples when
      // the whole change takes less than 50 ms (or a loaded machine delays the timer).
      setImmediate(() => samples.push(worstCaseSum()));
    };
    const onA = record('a'); const onB = record('b');
    a.on('callReceived', onA); b.on('callReceived', onB);
    samples.length = 0;
    sampler = setInterval(() => samples.push(worstCaseSum()), 5);
    try {
      await a.sessions.plugIn(1, EV);
      assert.equal(await a.sessions.swipe(1, 'LB-A'), 'started');
      await settled(() => JSON.stringify(charging()) === '[20,20]');
      await settled(() => fallbackOf(a, 1) === 10);
    } finally {
      clearInterval(sampler);
      a.off('callReceived', onA); b.off('callReceived', onB);
    }
    // Nothing for the idle EVSEs b1 and b2: 0 A before, 0 A after.
    assert.deepEqual(received.filter((r) => r.startsWith('b')), [], received.join(', '));
    // a2 falls to 20 A before a1 rises to 20 A (40 A cap), and a1's fallback rises last.
    const at = (prefix: string) => received.findIndex((r) => r.startsWith(prefix));
    assert.ok(at('a2 TxProfile 20') >= 0 && at('a2 TxProfile 20') < at('a1 TxProfile 20'), received.join(', '));
    assert.ok(at('a1 TxProfile 20') < at('a1 TxDefaultProfile 10'), received.join(', '));
    assert.ok(samples.length >= received.length, `${samples.length} samples for ${received.length} profiles`);
    assert.ok(Math.max(...samples) <= CAP_A + 1e-9, `the stations could draw ${Math.max(...samples)} A at one sample (cap ${CAP_A} A)`);
  });
});
