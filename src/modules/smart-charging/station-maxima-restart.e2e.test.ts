// Station maxima survive a restart (ADR 081): a whole ChargeOps on a real data directory (PGlite on
// disk; a scratch PostgreSQL database with CHARGEOPS_TEST_DATABASE_URL), a 1.6 and a 2.0.1 station
// over real WebSockets that record every SetChargingProfile. ChargeOps sends each a station maximum
// (ChargePointMaxProfile / ChargingStationMaxProfile, id 40000) whose sum holds the cap; it is
// stopped and started again on the same data, the stations reconnect without rebooting (a station
// keeps its profiles: it was the CSMS that went away), and a re-allocation runs. The stored maxima
// are what ChargeOps works from: none is sent again, and the view shows them, summing under the cap.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { serverDatabaseTargets } from '../../testing/server-database-targets.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const CAP_A = 40;
const API_KEY = 'cok_station-maxima-restart-0123456789abcdef';
const STATION_MAX_ID = 40_000;

/** A PGlite data directory, and a scratch PostgreSQL database when CHARGEOPS_TEST_DATABASE_URL is set. */
const targets = serverDatabaseTargets('chargeops_smax', {
  name: 'pglite data dir',
  open: async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chargeops-station-maxima-'));
    return { options: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  },
});

/** A station that answers every CSMS call (SetChargingProfile Accepted) and records the station maxima it is sent. */
class RecordingStation {
  readonly maxima: number[] = [];
  private constructor(readonly raw: RawStation, readonly version: 'ocpp1.6' | 'ocpp2.0.1') {
    raw.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] !== 2) return;
      const [, id, action, payload] = frame as [number, string, string, Record<string, any>];
      if (action === 'SetChargingProfile') {
        const profile = version === 'ocpp1.6' ? payload['csChargingProfiles'] : payload['chargingProfile'];
        if (profile.id === STATION_MAX_ID || profile.chargingProfileId === STATION_MAX_ID) this.maxima.push(profile.chargingSchedule[0]?.chargingSchedulePeriod?.[0]?.limit ?? profile.chargingSchedule.chargingSchedulePeriod[0].limit);
      }
      const answer = action === 'GetCompositeSchedule' ? { status: 'Rejected' } : action === 'GetConfiguration' ? { configurationKey: [] } : { status: 'Accepted' };
      raw.reply(id, answer);
    });
  }

  /** Connects; `boot`: a BootNotification as after power-up (false: a reconnect of a station that kept running). */
  static async connect(baseUrl: string, stationId: string, version: 'ocpp1.6' | 'ocpp2.0.1', boot: boolean): Promise<RecordingStation> {
    const station = new RecordingStation(await RawStation.connect(baseUrl, stationId, [version]), version);
    if (boot) {
      const payload = version === 'ocpp1.6' ? { chargePointVendor: 'ChargeOps', chargePointModel: 'Raw' } : { reason: 'PowerUp', chargingStation: { vendorName: 'ChargeOps', model: 'Raw' } };
      const [kind, , answer] = await station.raw.call('BootNotification', payload);
      assert.equal(kind, 3);
      assert.equal((answer as { status: string }).status, 'Accepted');
    }
    return station;
  }
}

for (const target of targets) describe(`smart charging: station maxima are stored and used after a restart (${target.name})`, () => {
  let server: Server;
  let database: Awaited<ReturnType<typeof target.open>>;
  let siteId: string;
  let stations: RecordingStation[] = [];
  const start = () => startTestServer({ apiKey: API_KEY, ocpp: { callTimeoutSeconds: 5 } }, database.options);
  const view = async () => (await server.api.request('GET', `/api/v1/sites/${siteId}/energy/allocation`)).body as { stationMaxima: Array<{ stationId: string; limitA: number }> };
  const connectAll = async (boot: boolean) => {
    stations = [await RecordingStation.connect(server.baseUrl, 'SMAX-16', 'ocpp1.6', boot), await RecordingStation.connect(server.baseUrl, 'SMAX-201', 'ocpp2.0.1', boot)];
  };

  before(async () => {
    database = await target.open();
    server = await start();
    siteId = (await server.api.request('POST', '/api/v1/sites', { name: 'Maxima', country: 'NL' })).body.id;
    await connectAll(true);
    for (const id of ['SMAX-16', 'SMAX-201']) assert.equal((await server.api.request('PUT', `/api/v1/stations/${id}/site`, { siteId })).status, 200);
    const evses = ['SMAX-16', 'SMAX-201'].flatMap((stationId) => [1, 2].map((evseId) => ({ stationId, evseId, circuitId: 'grid', phases: 3, maxCurrentA: 32 })));
    // A long tick: no reconciliation or lease renewal runs on its own during the test.
    const put = await server.api.request('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: CAP_A }], evses, options: { debounceMs: 50, tickSeconds: 3600 },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    await waitUntil(() => stations.every((s) => s.maxima.length > 0), 15_000);
  });
  after(async () => {
    await Promise.all(stations.map((s) => s.raw.close().catch(() => undefined)));
    await server?.stop();
    await database?.dispose();
  });

  it('TC_K_01 fallback safety: each station accepted a station maximum, the view lists them and their sum stays under the cap', async () => {
    const listed = (await view()).stationMaxima;
    assert.deepEqual(listed.map((m) => m.stationId).sort(), ['SMAX-16', 'SMAX-201']);
    for (const s of stations) assert.equal(listed.find((m) => m.stationId === (s === stations[0] ? 'SMAX-16' : 'SMAX-201'))!.limitA, s.maxima.at(-1));
    const sum = listed.reduce((total, m) => total + m.limitA, 0);
    assert.ok(sum > 0 && sum <= CAP_A + 1e-9, `station maxima sum to ${sum} A (cap ${CAP_A} A)`);
  });

  it('after a restart on the same data the stored maxima are used: a re-allocation sends none again, and their sum still holds the cap', async () => {
    const before = (await view()).stationMaxima;
    await Promise.all(stations.map((s) => s.raw.close()));
    await server.stop();
    server = await start();
    await connectAll(false);
    await waitUntil(async () => (await server.api.request('GET', '/api/v1/stations/SMAX-201')).body.online === true, 10_000);
    // The loop's start-up re-allocation and an explicit one (the same as after any event).
    assert.equal((await server.api.request('POST', `/api/v1/sites/${siteId}/energy/reallocate`)).status, 204);
    assert.equal((await server.api.request('POST', `/api/v1/sites/${siteId}/energy/reallocate`)).status, 204);
    assert.deepEqual(stations.map((s) => s.maxima), [[], []], 'a station maximum the station already holds was sent again');
    const after = (await view()).stationMaxima;
    assert.deepEqual(after, before);
    assert.ok(after.reduce((total, m) => total + m.limitA, 0) <= CAP_A + 1e-9);
  });

  it('a grid signal after the restart lowers the stored maxima (a decrease from what the stations hold), still summing under the tighter cap', async () => {
    const signal = await server.api.request('POST', `/api/v1/sites/${siteId}/energy/signals`, { source: 'DSO', maxCurrentA: 20 });
    assert.equal(signal.status, 201, JSON.stringify(signal.body));
    await waitUntil(() => stations.every((s) => s.maxima.length > 0), 10_000);
    const listed = (await view()).stationMaxima;
    const sum = listed.reduce((total, m) => total + m.limitA, 0);
    assert.ok(sum <= 20 + 1e-9, `station maxima sum to ${sum} A under a 20 A signal`);
    for (const s of stations) assert.ok(s.maxima.at(-1)! <= 20);
  });
});
