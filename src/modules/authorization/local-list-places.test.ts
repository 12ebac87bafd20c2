// Local lists and token places (ADR 012): a token limited to other stations, or to some EVSEs of
// this one, stays off the station's list (it would be valid there offline); a change of a token's
// places re-syncs the lists that carry it (D01/D02 over real WebSockets).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RawStation } from '../../testing/test-server.js';
import { startTestServer } from '../../testing/test-server.js';
import { answer, bootedStation, createToken, waitSynced } from './test-support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

function listed(payload: Record<string, unknown>): Array<[string, string | null]> {
  const list = (payload['localAuthorizationList'] ?? []) as Array<{ idToken: { idToken: string }; idTokenInfo?: { status: string } }>;
  return list.map(({ idToken, idTokenInfo }) => [idToken.idToken, idTokenInfo?.status ?? null]);
}

describe('local lists carry token places (ADR 012)', () => {
  let server: Server;
  let here: RawStation;
  let elsewhere: RawStation;
  const tokens: Record<string, { id: string }> = {};
  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 2 } });
    here = await bootedStation(server.baseUrl, 'PLACES-HERE', 'ocpp2.0.1');
    elsewhere = await bootedStation(server.baseUrl, 'PLACES-ELSEWHERE', 'ocpp2.0.1');
    for (const name of ['P-HERE', 'P-ELSEWHERE', 'P-EVSE2', 'P-ANY']) tokens[name] = await createToken(server.api, { idToken: name });
    const limit = async (name: string, locations: Array<{ stationId: string; evseId: number }>) => {
      assert.equal((await server.api.request('PUT', `/api/v1/tokens/${tokens[name]!.id}/locations`, { locations })).status, 200);
    };
    await limit('P-HERE', [{ stationId: 'PLACES-HERE', evseId: 0 }, { stationId: 'PLACES-ELSEWHERE', evseId: 0 }]);
    await limit('P-ELSEWHERE', [{ stationId: 'PLACES-ELSEWHERE', evseId: 0 }]);
    await limit('P-EVSE2', [{ stationId: 'PLACES-HERE', evseId: 2 }]);
  });
  after(async () => {
    here.close();
    elsewhere.close();
    await server.stop();
  });

  it('TC_D_01_CSMS: the Full list leaves out tokens limited to other stations or to some EVSEs; the view says why', async () => {
    const put = await server.api.request('PUT', '/api/v1/stations/PLACES-HERE/local-list', { members: ['P-HERE', 'P-ELSEWHERE', 'P-EVSE2', 'P-ANY'].map((idToken) => ({ idToken })) });
    assert.equal(put.status, 200);
    const sent = await answer(here, 'SendLocalList', { status: 'Accepted' });
    assert.equal(sent['updateType'], 'Full');
    assert.deepEqual(listed(sent), [['P-ANY', 'Accepted'], ['P-HERE', 'Accepted']]);
    const view = await waitSynced(server.api, 'PLACES-HERE');
    const skipped = (view['members'] as Array<{ idToken: string; state: string; skippedReason: string | null }>).filter((m) => m.state === 'skipped');
    assert.deepEqual(skipped.map((m) => [m.idToken, m.skippedReason]), [
      ['P-ELSEWHERE', 'limited to other stations'],
      ['P-EVSE2', 'limited to EVSE 2 of this station (a local list cannot carry EVSE limits)'],
    ]);
  });

  it('TC_D_03_CSMS: limiting a listed token to another station removes it (Differential); lifting a limit adds the other', async () => {
    await server.api.request('PUT', `/api/v1/tokens/${tokens['P-HERE']!.id}/locations`, { locations: [{ stationId: 'PLACES-ELSEWHERE', evseId: 0 }] });
    const removal = await answer(here, 'SendLocalList', { status: 'Accepted' });
    assert.equal(removal['updateType'], 'Differential');
    assert.deepEqual(listed(removal), [['P-HERE', null]]);
    await waitSynced(server.api, 'PLACES-HERE');

    await server.api.request('PUT', `/api/v1/tokens/${tokens['P-ELSEWHERE']!.id}/locations`, { locations: [] });
    const addition = await answer(here, 'SendLocalList', { status: 'Accepted' });
    assert.deepEqual([addition['updateType'], listed(addition)], ['Differential', [['P-ELSEWHERE', 'Accepted']]]);
    await waitSynced(server.api, 'PLACES-HERE');
  });
});
