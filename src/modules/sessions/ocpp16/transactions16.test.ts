// OCPP 1.6 transactions through the adapters, the service and a real database (both targets), with
// an in-test Authorizer for specific decisions. The wire is covered in ../sessions.e2e.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StartTransactionRequest, StopTransactionRequest } from '../../../protocol/ocpp16/generated/types.js';
import { databaseTargets } from '../../../infra/db/test-database.js';
import { openHarness, type Harness } from '../testing.js';
import { sessionHandlers16 } from './handlers.js';

const { StartTransaction, StopTransaction, MeterValues } = sessionHandlers16 as Required<typeof sessionHandlers16>;
const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 8, minute)).toISOString();

const start = (connectorId: number, idTag: string, meterStart: number, minute: number, extra: Partial<StartTransactionRequest> = {}): StartTransactionRequest =>
  ({ connectorId, idTag, meterStart, timestamp: at(minute), ...extra });
const stop = (transactionId: number, meterStop: number, minute: number, extra: Partial<StopTransactionRequest> = {}): StopTransactionRequest =>
  ({ transactionId, meterStop, timestamp: at(minute), ...extra });

for (const target of databaseTargets()) {
  describe(`OCPP 1.6 transactions (${target.name})`, () => {
    let h: Harness;
    before(async () => {
      h = await openHarness(target, {
        GOOD: { groupIdToken: 'FLEET' }, MATE: { groupIdToken: 'FLEET' }, STRANGER: { groupIdToken: 'OTHER' }, MASTER: { masterPass: true },
        BLOCKED: { status: 'Blocked' }, OLD: { status: 'Expired', expiresAt: new Date('2029-01-01T00:00:00Z') }, SOLO: {}, SIGNED: {},
      }, ['CP16-A', 'CP16-B', 'CP16-C']);
    });
    after(() => h.close());
    const ctx = (id = 'CP16-A') => h.ctx(id, 'ocpp1.6');
    const sessionOf = async (transactionId: number) => (await h.queries.list('default', { limit: 500 })).items.find((s) => s.externalId === String(transactionId))!;

    it('TC_003_CSMS / TC_004_1_CSMS start: a transaction id from the sequence (never 0) and idTagInfo Accepted with the group', async () => {
      const first = await StartTransaction(ctx(), start(1, 'GOOD', 1000, 0));
      assert.ok(first.transactionId > 0);
      assert.deepEqual(first.idTagInfo, { status: 'Accepted', parentIdTag: 'FLEET' });
      const second = await StartTransaction(ctx('CP16-B'), start(1, 'SOLO', 0, 0));
      assert.equal(second.transactionId, first.transactionId + 1, 'allocated in sequence, not random');
      const session = await sessionOf(first.transactionId);
      assert.equal(session.status, 'active');
      assert.equal(session.evseId, 1);
      assert.equal(session.meterStartWh, '1000');
      assert.equal(session.authorizationStatus, 'Accepted');
      assert.equal(h.events.find((e) => e.type === 'session.started' && e.data['sessionId'] === session.id)?.data['externalId'], String(first.transactionId));
    });

    it('a retried identical StartTransaction gets the same transaction id and status (not ConcurrentTx), one session', async () => {
      const request = start(2, 'GOOD', 5, 1);
      const original = await StartTransaction(ctx('CP16-C'), request);
      const retry = await StartTransaction(ctx('CP16-C'), { ...request });
      assert.equal(retry.transactionId, original.transactionId);
      assert.deepEqual(retry.idTagInfo, original.idTagInfo);
      const sessions = (await h.queries.list('default', { limit: 500, stationId: 'CP16-C' })).items;
      assert.equal(sessions.length, 1);
      assert.deepEqual(sessions[0]!.anomalies.map((a) => a.kind), ['duplicate-event']);
    });

    it('ConcurrentTx: a second start with a token that is already charging elsewhere', async () => {
      const answer = await StartTransaction(ctx('CP16-B'), start(2, 'GOOD', 0, 2));
      assert.equal(answer.idTagInfo.status, 'ConcurrentTx');
      assert.ok(answer.transactionId > 0);
    });

    it('TC_023_1/2/3_CSMS invalid, expired and blocked tags still get a transaction id; the attempt is recorded with the refusal', async () => {
      const cases: Array<[string, string]> = [['NOBODY', 'Invalid'], ['OLD', 'Expired'], ['BLOCKED', 'Blocked']];
      for (const [idTag, status] of cases) {
        const answer = await StartTransaction(ctx('CP16-B'), start(3, idTag, 0, 3));
        assert.ok(answer.transactionId > 0, idTag);
        assert.equal(answer.idTagInfo.status, status, idTag);
        const session = await sessionOf(answer.transactionId);
        assert.equal(session.authorizationStatus, status === 'Invalid' ? 'Unknown' : status);
        assert.equal(session.status, 'active', 'the station stops it');
        const stopped = await StopTransaction(ctx('CP16-B'), stop(answer.transactionId, 0, 4, { reason: 'DeAuthorized' }));
        assert.deepEqual(stopped, {});
      }
      assert.equal(await h.service.hasActiveSession('default', 'BLOCKED'), false);
    });

    it('TC_012_CSMS / TC_005_1_CSMS stop: energy from meterStart, MeterValues in kWh and transactionData, exactly', async () => {
      const { transactionId } = await StartTransaction(ctx(), start(3, 'SOLO', 12345, 10));
      await MeterValues(ctx(), { connectorId: 3, transactionId, meterValue: [{ timestamp: at(20), sampledValue: [
        { value: '12.4566', unit: 'kWh', measurand: 'Energy.Active.Import.Register', context: 'Sample.Periodic' },
        { value: '3.7', unit: 'kW', measurand: 'Power.Active.Import' },
        { value: '230.1', measurand: 'Voltage', phase: 'L1-N' },
      ] }] });
      const answer = await StopTransaction(ctx(), stop(transactionId, 12600, 40, {
        idTag: 'SOLO', reason: 'EVDisconnected',
        transactionData: [{ timestamp: at(30), sampledValue: [{ value: '12.5001', unit: 'kWh' }] }],
      }));
      assert.deepEqual(answer, { idTagInfo: { status: 'Accepted' } });
      const detail = await h.queries.detail('default', (await sessionOf(transactionId)).id);
      assert.equal(detail.session.status, 'completed');
      assert.equal(detail.session.energyWh, '255');
      assert.equal(detail.session.meterStopWh, '12600');
      assert.equal(detail.session.stoppedReason, 'EVDisconnected');
      assert.deepEqual(detail.events.map((e) => e.kind), ['StartTransaction', 'MeterValues', 'StopTransaction']);
      const energy = detail.meterSeries.find((s) => s.measurand === 'Energy.Active.Import.Register' && s.phase === null)!;
      assert.deepEqual(energy.points.map((p) => [p.value, p.context]), [
        ['12345', 'Transaction.Begin'], ['12456.6', 'Sample.Periodic'], ['12500.1', 'Sample.Periodic'], ['12600', 'Transaction.End'],
      ]);
      assert.deepEqual(detail.meterSeries.find((s) => s.measurand === 'Power.Active.Import')?.points.map((p) => p.value), ['3700']);
    });

    it('a second identical StopTransaction is acknowledged and not counted twice', async () => {
      const { transactionId } = await StartTransaction(ctx(), start(4, 'SOLO', 0, 50));
      const request = stop(transactionId, 700, 55, { idTag: 'SOLO' });
      const first = await StopTransaction(ctx(), request);
      const again = await StopTransaction(ctx(), { ...request });
      assert.deepEqual(again, first);
      const detail = await h.queries.detail('default', (await sessionOf(transactionId)).id);
      assert.equal(detail.session.energyWh, '700');
      assert.equal(detail.events.filter((e) => e.kind === 'StopTransaction').length, 1);
      assert.deepEqual(detail.anomalies.map((a) => a.kind), ['duplicate-event']);
      assert.equal(h.events.filter((e) => e.type === 'session.ended' && e.data['sessionId'] === detail.session.id).length, 1);
    });

    it('a stop for an unknown transaction id is answered and kept as an orphan session with an anomaly', async () => {
      const answer = await StopTransaction(ctx('CP16-B'), stop(987654, 4200, 59, { idTag: 'SOLO' }));
      assert.deepEqual(answer, { idTagInfo: { status: 'Accepted' } });
      const orphan = await sessionOf(987654);
      assert.equal(orphan.status, 'completed');
      assert.deepEqual(orphan.anomalies.map((a) => a.kind), ['stop-without-start']);
    });

    it('C16: a stop by a group member or a master pass is fine; by a stranger it still ends the session and is recorded', async () => {
      const expectations: Array<[string, string[]]> = [['MATE', []], ['MASTER', []], ['STRANGER', ['stop-by-other-token']]];
      for (const [i, [idTag, anomalies]] of expectations.entries()) {
        const { transactionId } = await StartTransaction(ctx('CP16-C'), start(5, 'GOOD', 0, 10 + 2 * i));
        const answer = await StopTransaction(ctx('CP16-C'), stop(transactionId, 10, 11 + 2 * i, { idTag }));
        assert.equal(answer.idTagInfo?.status, 'Accepted');
        const session = await sessionOf(transactionId);
        assert.equal(session.status, 'completed', idTag);
        assert.deepEqual(session.anomalies.map((a) => a.kind), anomalies, idTag);
      }
    });

    it('MeterValues without a transaction belong to the station (connector 0: main meter); retries are stored once', async () => {
      const request = { connectorId: 0, meterValue: [{ timestamp: at(5), sampledValue: [{ value: '123456.7', unit: 'kWh' as const }] }] };
      await MeterValues(ctx('CP16-B'), request);
      await MeterValues(ctx('CP16-B'), request);
      const rows = await h.db.execute<{ n: number }>(
        'select count(*)::int as n from meter_samples where station_id = \'CP16-B\' and session_id is null' as never);
      assert.equal((rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n, 1);
    });

    it('MeterValues for an unknown transaction create the session with an anomaly; signed data is kept exactly', async () => {
      const blob = 'OCMF|{"FV":"1.0","RD":[{"TM":"2024-01-01T08:00:00,000+0000 S","RV":0.25,"RU":"kWh"}]}|{"SA":"ECDSA-secp256r1-SHA256","SD":"3045022100"}';
      await MeterValues(ctx('CP16-B'), { connectorId: 2, transactionId: 555555, meterValue: [{ timestamp: at(6), sampledValue: [
        { value: '250' }, { value: blob, format: 'SignedData', context: 'Sample.Clock' },
      ] }] });
      const session = await sessionOf(555555);
      assert.equal(session.status, 'active');
      assert.equal(session.evseId, 2);
      assert.deepEqual(session.anomalies.map((a) => a.kind), ['unknown-transaction']);
      const detail = await h.queries.detail('default', session.id);
      const points = detail.meterSeries.flatMap((s) => s.points);
      assert.ok(points.some((p) => p.signed === blob && p.value === null), 'the SignedData value string is kept byte for byte');
    });

    it('TC_039_CSMS / TC_037_1_CSMS offline transaction: start and stop sent after reconnecting keep their past times', async () => {
      const offlineStart = new Date(Date.now() - 3 * 3600_000).toISOString();
      const offlineStop = new Date(Date.now() - 2 * 3600_000).toISOString();
      const { transactionId, idTagInfo } = await StartTransaction(ctx('CP16-B'), { connectorId: 7, idTag: 'SIGNED', meterStart: 100, timestamp: offlineStart });
      assert.equal(idTagInfo.status, 'Accepted');
      await StopTransaction(ctx('CP16-B'), { transactionId, meterStop: 5100, timestamp: offlineStop, reason: 'Local' });
      const session = await sessionOf(transactionId);
      assert.deepEqual([session.startedAt.toISOString(), session.endedAt?.toISOString(), session.energyWh, session.anomalies.length],
        [offlineStart, offlineStop, '5000', 0]);
    });

    it('a new start on a connector supersedes the session left active there (zombie rule)', async () => {
      const old = await StartTransaction(ctx('CP16-A'), start(6, 'SOLO', 0, 0));
      const newer = await StartTransaction(ctx('CP16-A'), start(6, 'SIGNED', 0, 30));
      const previous = await sessionOf(old.transactionId);
      assert.equal(previous.status, 'closed');
      assert.equal(previous.stoppedReason, 'superseded');
      assert.equal(previous.endedAt?.toISOString(), at(30));
      const events = (await h.queries.detail('default', previous.id)).events;
      assert.equal(events.at(-1)?.kind, 'Closed');
      assert.equal((await sessionOf(newer.transactionId)).status, 'active');
    });
  });
}
