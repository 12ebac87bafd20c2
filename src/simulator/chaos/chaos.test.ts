// Each injected fault class over real WebSocket connections (1.6 and 2.0.1) against ChargeOps,
// checked in what the CSMS stored; and scenarios are reproducible from their seed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { connectionEvents, connectorStatus, sessions } from '../../infra/db/schema.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import { SimulatedStation } from '../simulated-station.js';
import { injectFault, type Fault } from './faults.js';
import { mixScenario, runScenario } from './scenario.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const quick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 50)));

describe('simulator fault injection (issue 6 item 7)', () => {
  let server: Server;
  const stations: SimulatedStation[] = [];
  let n = 0;

  const station = async (version: OcppVersion) => {
    const s = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: `CHAOS-${++n}-${version.replace(/\D/g, '')}`, version, connectors: 2, callTimeoutMs: 5000 });
    stations.push(s);
    assert.equal((await s.start()).status, 'Accepted');
    return s;
  };
  const sessionsOf = (stationId: string) => server.db.select().from(sessions).where(eq(sessions.stationId, stationId));
  const connectionKinds = async (stationId: string) => (await server.db.select().from(connectionEvents).where(eq(connectionEvents.stationId, stationId)).orderBy(connectionEvents.id)).map((e) => e.kind);

  before(async () => {
    server = await startTestServer();
    // One token per fault: a token still in a stuck transaction would be answered ConcurrentTx.
    for (const tag of ['STUCK', 'FAILED', 'FROZEN']) {
      for (const v of ['16', '201']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken: `CHAOS-${tag}-${v}`, type: 'ISO14443' })).status, 201);
    }
  });
  after(async () => {
    await Promise.all(stations.map((s) => s.stop()));
    await server.stop();
  });

  for (const version of ['ocpp1.6', 'ocpp2.0.1'] as const) {
    const tag = (name: string) => `CHAOS-${name}-${version.replace(/\D/g, '')}`;
    it(`${version}: offline drops the link and stays away until its time is up (B04 connection loss)`, async () => {
      const s = await station(version);
      await injectFault(s, { kind: 'offline' });
      await waitUntil(() => !server.channel.isConnected(s.stationId));
      assert.equal(s.connected, false);
      await s.goOnline();
      await waitUntil(async () => (await connectionKinds(s.stationId)).join() === 'connected,disconnected,connected');
    });

    it(`${version}: flapping connects and drops the given number of times`, async () => {
      const s = await station(version);
      await injectFault(s, { kind: 'flapping', times: 3, downSeconds: 1, upSeconds: 1 }, quick);
      await waitUntil(async () => (await connectionKinds(s.stationId)).filter((k) => k === 'disconnected').length === 3);
      await waitUntil(() => server.channel.isConnected(s.stationId));
    });

    it(`${version}: vendor error code: G01 Faulted with the error and vendor codes, cleared after its time`, async () => {
      const s = await station(version);
      const faulted: string[] = [];
      server.events.subscribe((e) => { if (e.type === 'station.status-changed' && e.stationId === s.stationId) faulted.push(`${e.data['occupancy']}/${e.data['errorCode'] ?? ''}/${e.data['vendorErrorCode'] ?? ''}`); });
      const fault: Fault = { kind: 'vendor-error', connectorId: 2, errorCode: 'GroundFailure', vendorId: 'Acme', vendorErrorCode: 'GF-01', seconds: 1 };
      const done = injectFault(s, fault, quick);
      await done;
      if (version === 'ocpp1.6') assert.ok(faulted.includes('Faulted/GroundFailure/GF-01'), faulted.join(' '));
      else assert.ok(faulted.some((f) => f.startsWith('Faulted/')), faulted.join(' '));
      const [row] = await server.db.select().from(connectorStatus).where(and(eq(connectorStatus.stationId, s.stationId), eq(connectorStatus.evseId, 2)));
      assert.equal(row?.occupancy, 'Available');
    });

    it(`${version}: stuck transaction: the session stays active while the connector says Available`, async () => {
      const s = await station(version);
      await injectFault(s, { kind: 'stuck-transaction', connectorId: 2, idToken: tag('STUCK') });
      const rows = await sessionsOf(s.stationId);
      assert.deepEqual(rows.map((r) => r.status), ['active']);
    });

    it(`${version}: failed start: authorized, started, stopped with no energy`, async () => {
      const s = await station(version);
      await injectFault(s, { kind: 'failed-start', connectorId: 2, idToken: tag('FAILED'), seconds: 1 }, quick);
      await waitUntil(async () => (await sessionsOf(s.stationId)).some((r) => r.status !== 'active'));
      const [row] = await sessionsOf(s.stationId);
      assert.equal(Number(row!.energyWh), 0);
      assert.ok(row!.authorizationStatus === null || row!.authorizationStatus === 'Accepted', String(row!.authorizationStatus));
    });

    it(`${version}: frozen meter: Charging with periodic samples that never move`, async () => {
      const s = await station(version);
      await injectFault(s, { kind: 'frozen-meter', connectorId: 2, idToken: tag('FROZEN'), seconds: 3, intervalSeconds: 1 }, quick);
      await waitUntil(async () => (await sessionsOf(s.stationId)).some((r) => r.status !== 'active'));
      const [row] = await sessionsOf(s.stationId);
      assert.equal(Number(row!.energyWh), 0);
    });
  }

  it('a mixed scenario is the same for the same seed, leaves the other stations healthy, and runs against the fleet', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `S-${i}`);
    assert.deepEqual(mixScenario(ids, 42), mixScenario(ids, 42));
    assert.notDeepEqual(mixScenario(ids, 42), mixScenario(ids, 43));
    const scenario = mixScenario(ids, 42, { share: 0.3 });
    assert.equal(scenario.faults.length, 6);
    assert.deepEqual(new Set(scenario.faults.map((f) => f.fault.kind)).size, 6, 'every fault class once');

    const healthy = await station('ocpp1.6');
    const target = await station('ocpp1.6');
    const log: string[] = [];
    await runScenario({ seed: 1, faults: [{ station: target.stationId, atSeconds: 0, fault: { kind: 'vendor-error', connectorId: 1, errorCode: 'HighTemperature', seconds: 1 } }] }, [healthy, target], (t) => log.push(t), quick);
    assert.ok(log.some((t) => t.endsWith('vendor-error done')), log.join('\n'));
    const faultedHealthy = await server.db.select().from(connectorStatus).where(and(eq(connectorStatus.stationId, healthy.stationId), eq(connectorStatus.occupancy, 'Faulted')));
    assert.equal(faultedHealthy.length, 0);
  });
});
