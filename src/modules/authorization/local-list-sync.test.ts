import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { answer, bootedStation, createToken, waitSynced } from './test-support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('local list sync: failures, offline stations, large lists', () => {
  let server: Server;
  before(async () => { server = await startTestServer({ ocpp: { callTimeoutSeconds: 1 } }); });
  after(() => server.stop());

  const view = async (stationId: string) => (await server.api.request('GET', `/api/v1/stations/${stationId}/local-list`)).body;
  const errorOf = async (stationId: string) => (await view(stationId)).settings.localListSyncError as string | null;

  it('TC_043_1_CSMS NotSupported leaves the list pending with the reason', async () => {
    const token = await createToken(server.api, { idToken: 'NS-A' });
    const station = await bootedStation(server.baseUrl, 'LL-NS', 'ocpp1.6');
    await server.api.request('PUT', '/api/v1/stations/LL-NS/local-list', { members: [{ tokenId: token.id }] });
    await answer(station, 'SendLocalList', { status: 'NotSupported' });
    await waitUntil(async () => (await errorOf('LL-NS')) === 'NotSupported');
    const current = await view('LL-NS');
    assert.deepEqual([current.pending, current.settings.localListVersion, current.members[0].state], [true, 0, 'pending']);
    await station.close();
  });

  it('TC_043_3_CSMS Failed leaves it pending; an operator\'s sync delivers it later', async () => {
    const token = await createToken(server.api, { idToken: 'FAIL-A' });
    const station = await bootedStation(server.baseUrl, 'LL-FAIL', 'ocpp1.6');
    await server.api.request('PUT', '/api/v1/stations/LL-FAIL/local-list', { members: [{ tokenId: token.id }] });
    await answer(station, 'SendLocalList', { status: 'Failed' });
    await waitUntil(async () => (await errorOf('LL-FAIL')) === 'Failed');
    const retry = server.api.request('POST', '/api/v1/stations/LL-FAIL/local-list/sync');
    const sent = await answer(station, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual([sent['updateType'], sent['listVersion']], ['Full', 1], 'never acknowledged: a full update');
    assert.equal((await retry).body.status, 'Accepted');
    assert.equal(await errorOf('LL-FAIL'), null);
    await station.close();
  });

  it('a station without local lists (CALLERROR NotSupported) or one that does not answer stays pending', async () => {
    const token = await createToken(server.api, { idToken: 'ERR-A' });
    const station = await bootedStation(server.baseUrl, 'LL-ERR', 'ocpp2.0.1');
    await server.api.request('PUT', '/api/v1/stations/LL-ERR/local-list', { members: [{ tokenId: token.id }] });
    const [, callId] = await station.nextCall('SendLocalList');
    station.sendText(JSON.stringify([4, callId, 'NotSupported', 'no local list', {}]));
    await waitUntil(async () => (await errorOf('LL-ERR'))?.startsWith('NotSupported: NotSupported') ?? false);
    const retry = server.api.request('POST', '/api/v1/stations/LL-ERR/local-list/sync');
    await station.nextCall('SendLocalList');
    const result = (await retry).body;
    assert.deepEqual([result.status, result.version], ['Timeout', 0]);
    assert.match(await errorOf('LL-ERR') ?? '', /^Timeout/);
    await station.close();
  });

  it('VersionMismatch falls back to a full update above the station\'s version', async () => {
    const token = await createToken(server.api, { idToken: 'VM-A' });
    const station = await bootedStation(server.baseUrl, 'LL-VM', 'ocpp2.0.1');
    await server.api.request('PUT', '/api/v1/stations/LL-VM/local-list', { members: [{ tokenId: token.id }] });
    await answer(station, 'SendLocalList', { status: 'Accepted' });
    await waitSynced(server.api, 'LL-VM');
    await server.api.request('PATCH', `/api/v1/tokens/${token.id}`, { language: 'fr' });
    const differential = await answer(station, 'SendLocalList', { status: 'VersionMismatch' });
    assert.deepEqual([differential['updateType'], differential['versionNumber']], ['Differential', 2]);
    await answer(station, 'GetLocalListVersion', { versionNumber: 7 });
    const full = await answer(station, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual([full['updateType'], full['versionNumber']], ['Full', 8]);
    const synced = await waitSynced(server.api, 'LL-VM');
    assert.equal((synced['settings'] as { localListVersion: number }).localListVersion, 8);
    await station.close();
  });

  it('D01/D02 changes made while a station is offline are delivered when it comes back', async () => {
    const token = await createToken(server.api, { idToken: 'OFF-A' });
    const station = await bootedStation(server.baseUrl, 'LL-OFF', 'ocpp1.6');
    await server.api.request('PUT', '/api/v1/stations/LL-OFF/local-list', { members: [{ tokenId: token.id }] });
    await answer(station, 'SendLocalList', { status: 'Accepted' });
    await waitSynced(server.api, 'LL-OFF');
    await station.close();
    await waitUntil(async () => (await server.api.request('GET', '/api/v1/stations/LL-OFF')).body.online === false);

    await server.api.request('PATCH', `/api/v1/tokens/${token.id}`, { blocked: true });
    const other = await createToken(server.api, { idToken: 'OFF-B' });
    await server.api.request('PUT', '/api/v1/stations/LL-OFF/local-list', { members: [{ tokenId: token.id }, { tokenId: other.id }] });
    assert.equal((await view('LL-OFF')).pending, true);
    const offline = await server.api.request('POST', '/api/v1/stations/LL-OFF/local-list/sync');
    assert.deepEqual([offline.status, offline.body.code], [409, 'station_offline']);

    const back = await RawStation.connect(server.baseUrl, 'LL-OFF', ['ocpp1.6']);
    await back.call('BootNotification', bootPayload('ocpp1.6'));
    await answer(back, 'GetLocalListVersion', { listVersion: 1 });
    const sent = await answer(back, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual([sent['updateType'], sent['listVersion']], ['Differential', 2]);
    assert.deepEqual(sent['localAuthorizationList'], [{ idTag: 'OFF-A', idTagInfo: { status: 'Blocked' } }, { idTag: 'OFF-B', idTagInfo: { status: 'Accepted' } }]);
    await waitSynced(server.api, 'LL-OFF');

    await back.close();
    const reset = await RawStation.connect(server.baseUrl, 'LL-OFF', ['ocpp1.6']);
    await reset.call('BootNotification', bootPayload('ocpp1.6'));
    await answer(reset, 'GetLocalListVersion', { listVersion: 0 });
    const full = await answer(reset, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual([full['updateType'], full['listVersion'], (full['localAuthorizationList'] as unknown[]).length], ['Full', 3, 2], 'a station that lost its list gets it whole');
    await waitSynced(server.api, 'LL-OFF');
    await reset.close();
  });

  it('sends a large list in messages of at most 50 entries', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `BULK-${String(i).padStart(2, '0')},ISO14443`).join('\n');
    const imported = await fetch(`${server.baseUrl}/api/v1/tokens/import`, {
      method: 'POST', headers: { authorization: `Bearer ${server.api.apiKey}`, 'content-type': 'text/csv' }, body: `idToken,type\n${rows}\n`,
    });
    assert.equal(imported.status, 200);
    const station = await bootedStation(server.baseUrl, 'LL-BULK', 'ocpp2.0.1');
    const members = Array.from({ length: 60 }, (_, i) => ({ idToken: `BULK-${String(i).padStart(2, '0')}` }));
    await server.api.request('PUT', '/api/v1/stations/LL-BULK/local-list', { members });
    const first = await answer(station, 'SendLocalList', { status: 'Accepted' });
    const second = await answer(station, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual(
      [first['updateType'], first['versionNumber'], (first['localAuthorizationList'] as unknown[]).length, second['updateType'], second['versionNumber'], (second['localAuthorizationList'] as unknown[]).length],
      ['Full', 1, 50, 'Differential', 2, 10],
    );
    await waitSynced(server.api, 'LL-BULK');
    await station.close();
  });

  it('a 2.0.1 station does not get tokens of 2.1 types; the list says why', async () => {
    const vin = await createToken(server.api, { idToken: 'SKIP-VIN', type: 'VIN' });
    const rfid = await createToken(server.api, { idToken: 'SKIP-RFID' });
    const station = await bootedStation(server.baseUrl, 'LL-SKIP', 'ocpp2.0.1');
    await server.api.request('PUT', '/api/v1/stations/LL-SKIP/local-list', { members: [{ tokenId: vin.id }, { tokenId: rfid.id }] });
    const sent = await answer(station, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual((sent['localAuthorizationList'] as Array<{ idToken: { idToken: string } }>).map((e) => e.idToken.idToken), ['SKIP-RFID']);
    const synced = await waitSynced(server.api, 'LL-SKIP');
    assert.deepEqual((synced['members'] as Array<{ state: string; skippedReason: string | null }>).map((m) => [m.state, m.skippedReason]), [
      ['synced', null], ['skipped', 'type VIN does not exist in OCPP 2.0.1'],
    ]);
    await station.close();
  });

  it('TC_C_40_CSMS list entries name the group; changing the group token updates the members\' entries', async () => {
    const group = await createToken(server.api, { idToken: 'GRP-G', type: 'Local' });
    const member = await createToken(server.api, { idToken: 'GRP-M', groupIdToken: 'GRP-G' });
    const station = await bootedStation(server.baseUrl, 'LL-GRP', 'ocpp2.0.1');
    await server.api.request('PUT', '/api/v1/stations/LL-GRP/local-list', { members: [{ tokenId: member.id }] });
    const full = await answer(station, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual((full['localAuthorizationList'] as Array<{ idTokenInfo: unknown }>)[0]!.idTokenInfo, { status: 'Accepted', groupIdToken: { idToken: 'GRP-G', type: 'Local' } });
    await waitSynced(server.api, 'LL-GRP');
    await server.api.request('PATCH', `/api/v1/tokens/${group.id}`, { type: 'KeyCode' });
    const differential = await answer(station, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual((differential['localAuthorizationList'] as Array<{ idTokenInfo: unknown }>)[0]!.idTokenInfo, { status: 'Accepted', groupIdToken: { idToken: 'GRP-G', type: 'KeyCode' } });
    await waitSynced(server.api, 'LL-GRP');
    await station.close();
  });

  it('refuses unknown members, listing them, and changes nothing', async () => {
    await server.api.request('POST', '/api/v1/stations', { id: 'LL-UNKNOWN' });
    const response = await server.api.request('PUT', '/api/v1/stations/LL-UNKNOWN/local-list', { members: [{ idToken: 'NOPE-1' }, { tokenId: 'tok_nope' }] });
    assert.deepEqual([response.status, response.body.code, response.body.details.unknown], [422, 'invalid_local_list', ['tok_nope', 'NOPE-1']]);
    assert.deepEqual((await view('LL-UNKNOWN')).members, []);
    assert.equal((await server.api.request('GET', '/api/v1/stations/NO-SUCH/local-list')).status, 404);
  });
});
