import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RawStation } from '../../testing/test-server.js';
import { startTestServer } from '../../testing/test-server.js';
import { tenants } from '../../infra/db/schema.js';
import { bootedStation, createToken } from './test-support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const past = '2020-01-01T00:00:00.000Z';
const future = '2040-01-01T00:00:00.000Z';

describe('Authorize over OCPP', () => {
  let server: Server;
  let v16: RawStation;
  let v201: RawStation;
  let v21: RawStation;
  const authorize16 = async (idTag: string) => ((await v16.call('Authorize', { idTag }))[2] as { idTagInfo: Record<string, unknown> }).idTagInfo;
  const authorize2x = async (station: RawStation, idToken: string, type: string) =>
    ((await station.call('Authorize', { idToken: { idToken, type } }))[2] as { idTokenInfo: Record<string, unknown> }).idTokenInfo;

  before(async () => {
    server = await startTestServer();
    await createToken(server.api, { idToken: 'GOOD-1', expiresAt: future, language: 'nl' });
    await createToken(server.api, { idToken: 'BLOCKED-1', blocked: true });
    await createToken(server.api, { idToken: 'EXPIRED-1', expiresAt: past });
    await createToken(server.api, { idToken: 'FLEET-G', type: 'Local' });
    await createToken(server.api, { idToken: 'MEMBER-1', groupIdToken: 'FLEET-G' });
    await createToken(server.api, { idToken: 'MEMBER-2', groupIdToken: 'CSMS-GROUP' });
    await createToken(server.api, { idToken: 'MASTER-1', groupIdToken: 'MASTERPASS', masterPass: true });
    await createToken(server.api, { idToken: 'Mixed-Case-1' });
    await createToken(server.api, { idToken: 'VIN-123', type: 'VIN' });
    await createToken(server.api, { idToken: 'LONG-GROUP', groupIdToken: 'G'.repeat(30) });
    v16 = await bootedStation(server.baseUrl, 'AUTH-16', 'ocpp1.6');
    v201 = await bootedStation(server.baseUrl, 'AUTH-201', 'ocpp2.0.1');
    v21 = await bootedStation(server.baseUrl, 'AUTH-21', 'ocpp2.1');
  });
  after(() => server.stop());

  describe('OCPP 1.6', () => {
    it('TC_004_1_CSMS an accepted idTag gets Accepted with its expiry', async () => {
      assert.deepEqual(await authorize16('GOOD-1'), { status: 'Accepted', expiryDate: future });
    });
    it('TC_023_1_CSMS an unknown idTag is Invalid', async () => {
      assert.deepEqual(await authorize16('NOBODY'), { status: 'Invalid' });
    });
    it('TC_023_2_CSMS an expired idTag is Expired', async () => {
      assert.deepEqual(await authorize16('EXPIRED-1'), { status: 'Expired', expiryDate: past });
    });
    it('TC_023_3_CSMS a blocked idTag is Blocked', async () => {
      assert.deepEqual(await authorize16('BLOCKED-1'), { status: 'Blocked' });
    });
    it('C09 the group is the parentIdTag; one too long for 1.6 is left out', async () => {
      assert.deepEqual(await authorize16('MEMBER-1'), { status: 'Accepted', parentIdTag: 'FLEET-G' });
      assert.deepEqual(await authorize16('LONG-GROUP'), { status: 'Accepted' });
    });
    it('an idTag matches by value whatever its stored type, case-insensitively', async () => {
      assert.equal((await authorize16('VIN-123')).status, 'Accepted');
      assert.equal((await authorize16('MIXED-CASE-1')).status, 'Accepted');
    });
  });

  for (const version of ['ocpp2.0.1', 'ocpp2.1'] as const) {
    describe(version, () => {
      const station = () => (version === 'ocpp2.1' ? v21 : v201);
      it('TC_C_02_CSMS an unknown token is Unknown', async () => {
        assert.deepEqual(await authorize2x(station(), 'NOBODY', 'ISO14443'), { status: 'Unknown' });
      });
      it('TC_C_06_CSMS a blocked token is Blocked', async () => {
        assert.deepEqual(await authorize2x(station(), 'BLOCKED-1', 'ISO14443'), { status: 'Blocked' });
      });
      it('TC_C_07_CSMS an expired token is Expired', async () => {
        assert.deepEqual(await authorize2x(station(), 'EXPIRED-1', 'ISO14443'), { status: 'Expired', cacheExpiryDateTime: past });
      });
      it('C01 an accepted token carries its cache expiry and language', async () => {
        assert.deepEqual(await authorize2x(station(), 'good-1', 'ISO14443'), { status: 'Accepted', cacheExpiryDateTime: future, language1: 'nl' });
      });
      it('TC_C_39_CSMS the group token comes with its stored type, or Central when it is not a stored token', async () => {
        assert.deepEqual(await authorize2x(station(), 'MEMBER-1', 'ISO14443'), { status: 'Accepted', groupIdToken: { idToken: 'FLEET-G', type: 'Local' } });
        assert.deepEqual(await authorize2x(station(), 'MEMBER-2', 'ISO14443'), { status: 'Accepted', groupIdToken: { idToken: 'CSMS-GROUP', type: 'Central' } });
      });
      it('TC_C_47_CSMS / TC_C_49_CSMS a master pass token gets its group (the station\'s MasterPassGroupId)', async () => {
        assert.deepEqual(await authorize2x(station(), 'MASTER-1', 'ISO14443'), { status: 'Accepted', groupIdToken: { idToken: 'MASTERPASS', type: 'Central' } });
      });
      it('a token presented with another type than stored is Unknown', async () => {
        assert.deepEqual(await authorize2x(station(), 'GOOD-1', 'KeyCode'), { status: 'Unknown' });
      });
    });
  }

  it('OCPP 2.1 accepts a token of an open 2.1 type', async () => {
    assert.deepEqual(await authorize2x(v21, 'VIN-123', 'VIN'), { status: 'Accepted' });
  });

  it('C01 ConcurrentTx: a token that charges elsewhere is refused a second start (1.6 StartTransaction, 2.x TransactionEvent)', async () => {
    await createToken(server.api, { idToken: 'BUSY-1' });
    const started = await v16.call('StartTransaction', { connectorId: 1, idTag: 'BUSY-1', meterStart: 0, timestamp: new Date().toISOString() });
    assert.equal((started[2] as { idTagInfo: { status: string } }).idTagInfo.status, 'Accepted');
    const second = await v16.call('StartTransaction', { connectorId: 2, idTag: 'busy-1', meterStart: 0, timestamp: new Date().toISOString() });
    assert.equal((second[2] as { idTagInfo: { status: string } }).idTagInfo.status, 'ConcurrentTx');
    const event = await v201.call('TransactionEvent', {
      eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'Authorized', seqNo: 0,
      transactionInfo: { transactionId: 'BUSY-TX' }, idToken: { idToken: 'BUSY-1', type: 'ISO14443' }, evse: { id: 1, connectorId: 1 },
    });
    assert.deepEqual(event[2], { idTokenInfo: { status: 'ConcurrentTx' } });
    assert.deepEqual(await authorize16('BUSY-1'), { status: 'Accepted' }, 'Authorize itself does not check sessions');
  });

  it('keeps tenants apart: a token of another tenant is unknown to this tenant\'s stations', async () => {
    await server.db.insert(tenants).values({ id: 'other-tenant', name: 'Other' });
    await createToken(server.api, { idToken: 'ELSEWHERE' }, { 'x-tenant-id': 'other-tenant' });
    assert.deepEqual(await authorize16('ELSEWHERE'), { status: 'Invalid' });
    assert.deepEqual(await authorize2x(v201, 'ELSEWHERE', 'ISO14443'), { status: 'Unknown' });
  });
});
