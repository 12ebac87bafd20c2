import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RawStation } from '../../testing/test-server.js';
import { startTestServer } from '../../testing/test-server.js';
import { VERSIONS } from '../../testing/ocpp-fixtures.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { answer, bootedStation, createToken, waitSynced } from './test-support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const future = '2040-01-01T00:00:00.000Z';

/** The entries of a SendLocalList in one shape for every version: [value, status, extra facts]. */
function entries(version: OcppVersion, payload: Record<string, unknown>): Array<[string, string | null, Record<string, unknown>]> {
  if (version === 'ocpp1.6') {
    const list = (payload['localAuthorizationList'] ?? []) as Array<{ idTag: string; idTagInfo?: { status: string } & Record<string, unknown> }>;
    return list.map(({ idTag, idTagInfo }) => {
      const { status, ...rest } = idTagInfo ?? { status: null };
      return [idTag, status, rest];
    });
  }
  const list = (payload['localAuthorizationList'] ?? []) as Array<{ idToken: { idToken: string }; idTokenInfo?: { status: string } & Record<string, unknown> }>;
  return list.map(({ idToken, idTokenInfo }) => {
    const { status, ...rest } = idTokenInfo ?? { status: null };
    return [idToken.idToken, status, rest];
  });
}

const versionOf = (version: OcppVersion, payload: Record<string, unknown>) => (version === 'ocpp1.6' ? payload['listVersion'] : payload['versionNumber']);
const versionAnswer = (version: OcppVersion, n: number) => (version === 'ocpp1.6' ? { listVersion: n } : { versionNumber: n });

describe('local authorization lists over OCPP', () => {
  let server: Server;
  before(async () => { server = await startTestServer({ ocpp: { callTimeoutSeconds: 2 } }); });
  after(() => server.stop());

  for (const version of VERSIONS) {
    describe(version, () => {
      const id = `LL-${version.replace(/\D/g, '')}`;
      const a = `${id}-A`;
      const b = `${id}-B`;
      let station: RawStation;
      let tokenA: { id: string };
      let tokenB: { id: string };
      before(async () => {
        tokenA = await createToken(server.api, { idToken: a, groupIdToken: `${id}-G`, language: 'en', expiresAt: future });
        tokenB = await createToken(server.api, { idToken: b, type: 'KeyCode', blocked: true });
        station = await bootedStation(server.baseUrl, id, version);
      });
      after(() => station.close());

      it(`${version === 'ocpp1.6' ? 'TC_043_4_CSMS' : 'TC_D_01_CSMS'} the first sync is a Full update, version 1`, async () => {
        const put = await server.api.request('PUT', `/api/v1/stations/${id}/local-list`, { members: [{ idToken: a.toLowerCase() }, { tokenId: tokenB.id }] });
        assert.equal(put.status, 200);
        assert.deepEqual(put.body.members.map((m: { idToken: string }) => m.idToken), [a, b]);
        const sent = await answer(station, 'SendLocalList', { status: 'Accepted' });
        assert.equal(sent['updateType'], 'Full');
        assert.equal(versionOf(version, sent), 1);
        const group = version === 'ocpp1.6' ? { parentIdTag: `${id}-G` } : { groupIdToken: { idToken: `${id}-G`, type: 'Central' } };
        const expiry = version === 'ocpp1.6' ? { expiryDate: future } : { cacheExpiryDateTime: future };
        assert.deepEqual(entries(version, sent), [
          [a, 'Accepted', { ...expiry, ...group, ...(version === 'ocpp1.6' ? {} : { language1: 'en' }) }],
          [b, 'Blocked', {}],
        ]);
        if (version !== 'ocpp1.6') {
          const types = (sent['localAuthorizationList'] as Array<{ idToken: { type: string } }>).map((e) => e.idToken.type);
          assert.deepEqual(types, ['ISO14443', 'KeyCode']);
        }
        const view = await waitSynced(server.api, id);
        assert.deepEqual((view['settings'] as { localListVersion: number }).localListVersion, 1);
        assert.deepEqual((view['members'] as Array<{ state: string }>).map((m) => m.state), ['synced', 'synced']);
      });

      it(`${version === 'ocpp1.6' ? 'TC_043_5_CSMS' : 'TC_D_02_CSMS'} a change to a member token is sent as a Differential update`, async () => {
        await server.api.request('PATCH', `/api/v1/tokens/${tokenB.id}`, { blocked: false });
        const sent = await answer(station, 'SendLocalList', { status: 'Accepted' });
        assert.deepEqual([sent['updateType'], versionOf(version, sent)], ['Differential', 2]);
        assert.deepEqual(entries(version, sent), [[b, 'Accepted', {}]]);
        await waitSynced(server.api, id);
      });

      it(`${version === 'ocpp1.6' ? 'TC_043_5_CSMS' : 'TC_D_03_CSMS'} a token taken off the list is a Differential removal`, async () => {
        await server.api.request('PUT', `/api/v1/stations/${id}/local-list`, { members: [{ tokenId: tokenB.id }] });
        const sent = await answer(station, 'SendLocalList', { status: 'Accepted' });
        assert.deepEqual([sent['updateType'], versionOf(version, sent)], ['Differential', 3]);
        assert.deepEqual(entries(version, sent), [[a, null, {}]]);
        if (version !== 'ocpp1.6') assert.deepEqual((sent['localAuthorizationList'] as Array<{ idToken: unknown }>)[0]!.idToken, { idToken: a, type: 'ISO14443' });
        const view = await waitSynced(server.api, id);
        assert.deepEqual(view['pendingRemovals'], []);
      });

      it(`${version === 'ocpp1.6' ? 'TC_043_4_CSMS' : 'TC_D_04_CSMS'} an operator's full sync of an empty list is a Full update without entries`, async () => {
        await server.api.request('PUT', `/api/v1/stations/${id}/local-list`, { members: [] });
        await answer(station, 'SendLocalList', { status: 'Accepted' });
        await waitSynced(server.api, id);
        const pending = server.api.request('POST', `/api/v1/stations/${id}/local-list/sync?full=true`);
        const sent = await answer(station, 'SendLocalList', { status: 'Accepted' });
        assert.deepEqual(sent, version === 'ocpp1.6' ? { listVersion: 5, updateType: 'Full' } : { versionNumber: 5, updateType: 'Full' });
        const result = await pending;
        assert.equal(result.status, 200);
        assert.deepEqual([result.body.status, result.body.version, result.body.messages], ['Accepted', 5, [{ updateType: 'Full', version: 5, entries: 0, status: 'Accepted' }]]);
      });

      it(`${version === 'ocpp1.6' ? 'TC_042_2_CSMS' : 'TC_D_08_CSMS'} GetLocalListVersion: the station's answer next to the version it acknowledged`, async () => {
        const pending = server.api.request('GET', `/api/v1/stations/${id}/local-list/version`);
        assert.deepEqual(await answer(station, 'GetLocalListVersion', versionAnswer(version, 5)), {});
        assert.deepEqual((await pending).body, { stationVersion: 5, supported: true, acknowledgedVersion: 5, inSync: true });
      });
    });
  }

  it('TC_D_09_CSMS a 2.x station without a list reports version 0', async () => {
    const station = await bootedStation(server.baseUrl, 'LL-EMPTY', 'ocpp2.0.1');
    const pending = server.api.request('GET', '/api/v1/stations/LL-EMPTY/local-list/version');
    await answer(station, 'GetLocalListVersion', { versionNumber: 0 });
    assert.deepEqual((await pending).body, { stationVersion: 0, supported: true, acknowledgedVersion: 0, inSync: true });
    await station.close();
  });

  it('TC_042_1_CSMS a 1.6 charge point answering -1 has no local list support', async () => {
    const station = await bootedStation(server.baseUrl, 'LL-NOLIST', 'ocpp1.6');
    const pending = server.api.request('GET', '/api/v1/stations/LL-NOLIST/local-list/version');
    await answer(station, 'GetLocalListVersion', { listVersion: -1 });
    assert.deepEqual((await pending).body, { stationVersion: null, supported: false, acknowledgedVersion: 0, inSync: false });
    await station.close();
  });

  it('publishes local-list.synced', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const unsubscribe = server.events.subscribe((event) => { if (event.type === 'local-list.synced') seen.push({ stationId: event.stationId, ...event.data }); });
    const token = await createToken(server.api, { idToken: 'LL-EVT-A' });
    const station = await bootedStation(server.baseUrl, 'LL-EVT', 'ocpp2.1');
    await server.api.request('PUT', '/api/v1/stations/LL-EVT/local-list', { members: [{ tokenId: token.id }] });
    await answer(station, 'SendLocalList', { status: 'Accepted' });
    await waitSynced(server.api, 'LL-EVT');
    unsubscribe();
    assert.deepEqual(seen, [{ stationId: 'LL-EVT', version: 1, messages: 1, entries: 1 }]);
    await station.close();
  });
});
