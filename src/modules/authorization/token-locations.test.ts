// Tokens limited to stations or EVSEs: the pure rule, and the whole path over real WebSockets
// (REST to set the places, 1.6 Authorize/StartTransaction and 2.0.1 Authorize/TransactionEvent).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { RawStation, startTestServer } from '../../testing/test-server.js';
import { decideAuthorization } from './domain/decide-authorization.js';
import type { StoredToken } from './domain/token.js';

const TOKEN: StoredToken = {
  id: 'tok_1', idToken: 'PLACE-1', type: 'ISO14443', groupIdToken: null, blocked: false, expiresAt: null, language: null, masterPass: false, groupIdTokenType: null,
  locations: [{ stationId: 'A', evseId: 0 }, { stationId: 'B', evseId: 2 }, { stationId: 'B', evseId: 3 }],
};
const decide = (stationId: string, evseId: number | null, token: StoredToken = TOKEN) =>
  decideAuthorization({ token, presented: { idToken: 'PLACE-1', type: 'ISO14443' }, at: new Date(), purpose: 'authorize', hasActiveSession: false, location: { stationId, evseId } });

describe('tokens limited to places (decision)', () => {
  it('C01 / IdTokenInfoType.evseId: valid on a whole station, on listed EVSEs only, NotAtThisLocation elsewhere', () => {
    assert.deepEqual([decide('A', null).status, decide('A', 7).status, decide('A', null).evseIds], ['Accepted', 'Accepted', undefined]);
    assert.deepEqual([decide('B', null).status, decide('B', null).evseIds], ['Accepted', [2, 3]], 'EVSE not known yet: the EVSEs are named');
    assert.equal(decide('B', 3).status, 'Accepted');
    assert.equal(decide('B', 1).status, 'NotAtThisLocation');
    assert.match(decide('C', null).reason, /limited to other stations/);
    assert.equal(decide('C', null, { ...TOKEN, locations: [] }).status, 'Accepted', 'no places: anywhere');
    assert.equal(decide('C', null, { ...TOKEN, blocked: true }).status, 'Blocked', 'blocked comes first');
  });
});

type Server = Awaited<ReturnType<typeof startTestServer>>;
const result = (frame: unknown[]) => {
  assert.equal(frame[0], 3, JSON.stringify(frame));
  return frame[2] as Record<string, any>;
};

describe('tokens limited to places over OCPP', () => {
  let server: Server;
  let tokenId: string;
  let s16: RawStation;
  let s201: RawStation;
  before(async () => {
    server = await startTestServer();
    s16 = await RawStation.connect(server.baseUrl, 'LOC-16', ['ocpp1.6']);
    result(await s16.call('BootNotification', bootPayload('ocpp1.6')));
    s201 = await RawStation.connect(server.baseUrl, 'LOC-201', ['ocpp2.0.1']);
    result(await s201.call('BootNotification', bootPayload('ocpp2.0.1')));
    const elsewhere = await RawStation.connect(server.baseUrl, 'LOC-OTHER', ['ocpp1.6']);
    result(await elsewhere.call('BootNotification', bootPayload('ocpp1.6')));
    await elsewhere.close();
    const created = await server.api.request('POST', '/api/v1/tokens', { idToken: 'PLACE-RFID', type: 'ISO14443' });
    tokenId = created.body.id;
  });
  after(async () => {
    await s16.close();
    await s201.close();
    await server.stop();
  });

  it('PUT /tokens/{id}/locations validates everything and changes nothing on an error', async () => {
    const unknown = await server.api.request('PUT', `/api/v1/tokens/${tokenId}/locations`, { locations: [{ stationId: 'LOC-16' }, { stationId: 'NO-SUCH' }] });
    assert.equal(unknown.status, 404, JSON.stringify(unknown.body));
    assert.deepEqual((await server.api.request('GET', `/api/v1/tokens/${tokenId}/locations`)).body, { locations: [] });
    assert.equal((await server.api.request('PUT', `/api/v1/tokens/${tokenId}/locations`, { locations: [{ stationId: 'LOC-16', evseId: -1 }] })).status, 400);
    assert.equal((await server.api.request('PUT', '/api/v1/tokens/tok_missing/locations', { locations: [] })).status, 404);
    const set = await server.api.request('PUT', `/api/v1/tokens/${tokenId}/locations`, {
      locations: [{ stationId: 'LOC-16', evseId: 2 }, { stationId: 'LOC-201', evseId: 1 }, { stationId: 'LOC-201', evseId: 1 }],
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.locations, [{ stationId: 'LOC-16', evseId: 2 }, { stationId: 'LOC-201', evseId: 1 }]);
  });

  it('C01 (2.0.1): Authorize at the station names the EVSE (idTokenInfo.evseId); a transaction on another EVSE is NotAtThisLocation', async () => {
    const authorized = result(await s201.call('Authorize', { idToken: { idToken: 'PLACE-RFID', type: 'ISO14443' } }));
    assert.deepEqual(authorized['idTokenInfo'], { status: 'Accepted', evseId: [1] });
    const event = (evseId: number, transactionId: string) => ({
      eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'Authorized', seqNo: 0,
      transactionInfo: { transactionId }, evse: { id: evseId, connectorId: 1 }, idToken: { idToken: 'PLACE-RFID', type: 'ISO14443' },
    });
    assert.equal(result(await s201.call('TransactionEvent', event(2, 'tx-loc-2')))['idTokenInfo'].status, 'NotAtThisLocation');
    assert.equal(result(await s201.call('TransactionEvent', event(1, 'tx-loc-1')))['idTokenInfo'].status, 'Accepted');
    for (const [evseId, transactionId] of [[2, 'tx-loc-2'], [1, 'tx-loc-1']] as const) {
      result(await s201.call('TransactionEvent', {
        eventType: 'Ended', timestamp: new Date().toISOString(), triggerReason: 'StopAuthorized', seqNo: 1,
        transactionInfo: { transactionId, stoppedReason: 'Local' }, evse: { id: evseId, connectorId: 1 },
      }));
    }
  });

  it('1.6: Invalid at another station and on another connector, Accepted on the allowed connector', async () => {
    const other = await RawStation.connect(server.baseUrl, 'LOC-OTHER', ['ocpp1.6']);
    result(await other.call('BootNotification', bootPayload('ocpp1.6')));
    assert.equal(result(await other.call('Authorize', { idTag: 'PLACE-RFID' }))['idTagInfo'].status, 'Invalid');
    await other.close();
    assert.equal(result(await s16.call('Authorize', { idTag: 'PLACE-RFID' }))['idTagInfo'].status, 'Accepted', '1.6 Authorize cannot name a connector');
    const start = (connectorId: number) => ({ connectorId, idTag: 'PLACE-RFID', meterStart: 0, timestamp: new Date().toISOString() });
    const refused = result(await s16.call('StartTransaction', start(1)));
    assert.equal(refused['idTagInfo'].status, 'Invalid');
    result(await s16.call('StopTransaction', { transactionId: refused['transactionId'], meterStop: 0, timestamp: new Date().toISOString(), reason: 'DeAuthorized' }));
    assert.equal(result(await s16.call('StartTransaction', start(2)))['idTagInfo'].status, 'Accepted');
  });

  it('an empty list lifts the limit', async () => {
    assert.deepEqual((await server.api.request('PUT', `/api/v1/tokens/${tokenId}/locations`, { locations: [] })).body, { locations: [] });
    const authorized = result(await s201.call('Authorize', { idToken: { idToken: 'PLACE-RFID', type: 'ISO14443' } }));
    assert.deepEqual(authorized['idTokenInfo'], { status: 'Accepted' });
  });
});
