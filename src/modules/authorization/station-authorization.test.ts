import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { RawStation, startTestServer } from '../../testing/test-server.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { answer, bootedStation } from './test-support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('per-station authorization settings and ClearCache', () => {
  let server: Server;
  before(async () => { server = await startTestServer({ ocpp: { callTimeoutSeconds: 1 } }); });
  after(() => server.stop());

  it('starts from "leave the station alone"', async () => {
    await server.api.request('POST', '/api/v1/stations', { id: 'AS-NEW' });
    const settings = await server.api.request('GET', '/api/v1/stations/AS-NEW/authorization');
    assert.deepEqual(settings.body, {
      stationId: 'AS-NEW', authCacheEnabled: null, localListEnabled: false, localListVersion: 0, localListSyncedAt: null, localListSyncError: null,
    });
    assert.equal((await server.api.request('GET', '/api/v1/stations/NO-SUCH/authorization')).status, 404);
  });

  it('1.6: applies AuthorizationCacheEnabled and LocalAuthListEnabled with ChangeConfiguration and reports the answers', async () => {
    const station = await bootedStation(server.baseUrl, 'AS-16', 'ocpp1.6');
    const pending = server.api.request('PUT', '/api/v1/stations/AS-16/authorization', { authCacheEnabled: false, localListEnabled: true });
    assert.deepEqual(await answer(station, 'ChangeConfiguration', { status: 'Accepted' }), { key: 'AuthorizationCacheEnabled', value: 'false' });
    assert.deepEqual(await answer(station, 'ChangeConfiguration', { status: 'NotSupported' }), { key: 'LocalAuthListEnabled', value: 'true' });
    const response = await pending;
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.applied, [
      { setting: 'authCacheEnabled', status: 'Accepted', detail: null },
      { setting: 'localListEnabled', status: 'NotSupported', detail: null },
    ]);
    assert.deepEqual([response.body.settings.authCacheEnabled, response.body.settings.localListEnabled], [false, true]);
    await station.close();
  });

  it('2.x: applies AuthCacheCtrlr.Enabled and LocalAuthListCtrlr.Enabled in one SetVariables', async () => {
    const station = await bootedStation(server.baseUrl, 'AS-201', 'ocpp2.0.1');
    const pending = server.api.request('PUT', '/api/v1/stations/AS-201/authorization', { authCacheEnabled: true, localListEnabled: false });
    const request = await answer(station, 'SetVariables', {
      setVariableResult: [
        { attributeStatus: 'Accepted', component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' } },
        { attributeStatus: 'UnknownComponent', component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'Enabled' } },
      ],
    });
    assert.deepEqual(request, { setVariableData: [
      { component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' }, attributeValue: 'true' },
      { component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'Enabled' }, attributeValue: 'false' },
    ] });
    assert.deepEqual((await pending).body.applied, [
      { setting: 'authCacheEnabled', status: 'Accepted', detail: null },
      { setting: 'localListEnabled', status: 'UnknownComponent', detail: null },
    ]);
    await station.close();
  });

  it('null leaves the station\'s cache setting alone; an offline station gets its settings when it connects', async () => {
    await server.api.request('POST', '/api/v1/stations', { id: 'AS-OFF' });
    const stored = await server.api.request('PUT', '/api/v1/stations/AS-OFF/authorization', { authCacheEnabled: false });
    assert.deepEqual([stored.body.applied, stored.body.settings.authCacheEnabled], [null, false]);
    const station = await RawStation.connect(server.baseUrl, 'AS-OFF', ['ocpp2.1']);
    await station.call('BootNotification', bootPayload('ocpp2.1'));
    const applied = await answer(station, 'SetVariables', { setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' } }] });
    assert.deepEqual(applied, { setVariableData: [{ component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' }, attributeValue: 'false' }] });

    const cleared = await server.api.request('PUT', '/api/v1/stations/AS-OFF/authorization', { authCacheEnabled: null });
    assert.deepEqual([cleared.body.applied, cleared.body.settings.authCacheEnabled], [[], null], 'nothing to send for null');
    await station.close();
  });

  it('TC_C_37_CSMS ClearCache Accepted; TC_C_38_CSMS ClearCache Rejected', async () => {
    const station = await bootedStation(server.baseUrl, 'AS-CC', 'ocpp2.0.1');
    let pending = server.api.request('POST', '/api/v1/stations/AS-CC/authorization/clear-cache');
    assert.deepEqual(await answer(station, 'ClearCache', { status: 'Accepted' }), {});
    assert.deepEqual((await pending).body, { stationId: 'AS-CC', status: 'Accepted' });
    pending = server.api.request('POST', '/api/v1/stations/AS-CC/authorization/clear-cache');
    await answer(station, 'ClearCache', { status: 'Rejected' });
    assert.deepEqual((await pending).body, { stationId: 'AS-CC', status: 'Rejected' });
    const commands = await server.api.request('GET', '/api/v1/stations/AS-CC/commands');
    if (commands.status === 200) assert.ok(commands.body.items.some((c: { action: string }) => c.action === 'ClearCache'), 'on record in the command log');
    await station.close();
  });

  it('TC_061_CSMS 1.6 ClearCache; an offline station is 409', async () => {
    const station = await bootedStation(server.baseUrl, 'AS-CC16', 'ocpp1.6');
    const pending = server.api.request('POST', '/api/v1/stations/AS-CC16/authorization/clear-cache');
    await answer(station, 'ClearCache', { status: 'Accepted' });
    assert.equal((await pending).body.status, 'Accepted');
    await station.close();
    await server.api.request('POST', '/api/v1/stations', { id: 'AS-NEVER' });
    const offline = await server.api.request('POST', '/api/v1/stations/AS-NEVER/authorization/clear-cache');
    assert.deepEqual([offline.status, offline.body.code], [409, 'station_offline']);
  });
});

/** Counts the statements (PGlite outside transactions, or node-postgres) whose text matches `pattern`. */
function countStatements(pattern: RegExp): { count: () => number; restore: () => void } {
  let count = 0;
  const originals: Array<() => void> = [];
  for (const proto of [PGlite.prototype, pg.Client.prototype] as Array<{ query: (...args: unknown[]) => unknown }>) {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | null)?.text ?? '';
      if (pattern.test(text)) count += 1;
      return original.apply(this, args);
    };
    originals.push(() => { proto.query = original; });
  }
  return { count: () => count, restore: () => originals.forEach((restore) => restore()) };
}

describe('connect path statement budget (ADR 077)', () => {
  it('B01 boot of a configured station: its authorization settings are read once, for both the settings applied and the local-list check', async () => {
    const server = await startTestServer({ ocpp: { callTimeoutSeconds: 1 } });
    const reads = countStatements(/^\s*select\b[\s\S]*from "station_authorization"/i);
    try {
      await server.api.request('POST', '/api/v1/stations', { id: 'AS-ONCE' });
      await server.api.request('PUT', '/api/v1/stations/AS-ONCE/authorization', { authCacheEnabled: false });
      const before = reads.count();
      const station = await RawStation.connect(server.baseUrl, 'AS-ONCE', ['ocpp2.0.1']);
      await station.call('BootNotification', bootPayload('ocpp2.0.1'));
      await answer(station, 'SetVariables', { setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' } }] });
      await station.close();
      await server.stop(); // waits for the connection follower's deliveries in flight
      assert.equal(reads.count() - before, 1);
    } finally {
      reads.restore();
    }
  });
});

describe('boot of a station nobody configured reads no station (issue 2)', () => {
  it('B01 Accepted boot: the registration status comes from the boot itself and nothing is delivered, so "stations" is not read', async () => {
    const server = await startTestServer({ ocpp: { callTimeoutSeconds: 1 } });
    const stationReads = countStatements(/^\s*select\b[\s\S]*from "stations"/i);
    try {
      await server.api.request('POST', '/api/v1/stations', { id: 'AS-PLAIN' });
      const before = stationReads.count();
      const station = await RawStation.connect(server.baseUrl, 'AS-PLAIN', ['ocpp2.0.1']);
      const booted = await station.call('BootNotification', bootPayload('ocpp2.0.1'));
      assert.equal((booted[2] as { status: string }).status, 'Accepted');
      await station.close();
      await server.stop(); // waits for the connection follower's deliveries in flight
      assert.equal(stationReads.count() - before, 0);
    } finally {
      stationReads.restore();
    }
  });
});
