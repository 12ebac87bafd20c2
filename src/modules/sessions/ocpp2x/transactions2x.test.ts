// OCPP 2.x TransactionEvent through the adapters, the service and a real database (both targets),
// with an in-test Authorizer. Test names cite the OCA CSMS test cases of block E / J.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TransactionEventRequest } from '../../../protocol/ocpp201/generated/types.js';
import { databaseTargets } from '../../../infra/db/test-database.js';
import { openHarness, type Harness } from '../testing.js';
import { sessionHandlers2x } from './handlers.js';

const { TransactionEvent } = sessionHandlers2x as Required<typeof sessionHandlers2x>;
const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 9, minute)).toISOString();
type Event = TransactionEventRequest;

function event(transactionId: string, eventType: Event['eventType'], seqNo: number, minute: number, extra: Partial<Event> = {}, info: Partial<Event['transactionInfo']> = {}): Event {
  return { eventType, seqNo, timestamp: at(minute), triggerReason: 'MeterValuePeriodic', transactionInfo: { transactionId, ...info }, ...extra };
}
const energy = (minute: number, wh: number, extra: Record<string, unknown> = {}) =>
  ({ timestamp: at(minute), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register' as const, ...extra }] });
const rfid = (idToken: string) => ({ idToken, type: 'ISO14443' as const });

for (const target of databaseTargets()) {
  describe(`OCPP 2.x TransactionEvent (${target.name})`, () => {
    let h: Harness;
    before(async () => {
      h = await openHarness(target, { CARD: { groupIdToken: 'FLEET' }, OTHER: {}, BAD: { status: 'Blocked' } }, ['CS2-A', 'CS2-B']);
    });
    after(() => h.close());
    const ctx = (id = 'CS2-A') => h.ctx(id, 'ocpp2.0.1');
    const send = (request: Event, station = 'CS2-A') => TransactionEvent(ctx(station), request);
    const session = async (transactionId: string) => {
      const found = (await h.queries.list('default', { limit: 500 })).items.find((s) => s.externalId === transactionId);
      assert.ok(found, `session ${transactionId}`);
      return h.queries.detail('default', found.id);
    };

    it('TC_E_01_CSMS / TC_E_02_CSMS Started (PowerPathClosed / EnergyTransfer) without a token answers without idTokenInfo', async () => {
      assert.deepEqual(await send(event('E01', 'Started', 0, 0, { triggerReason: 'ChargingStateChanged', evse: { id: 1, connectorId: 1 } }, { chargingState: 'Charging' })), {});
      const { session: s } = await session('E01');
      assert.equal(s.status, 'active');
      assert.equal(s.chargingState, 'Charging', 'the charging state is kept on the session');
      assert.equal(s.evseId, 1);
    });

    it('TC_E_03_CSMS cable first: Started (CablePluggedIn), then Updated (Authorized) with the token gets idTokenInfo', async () => {
      await send(event('E03', 'Started', 0, 0, { triggerReason: 'CablePluggedIn', evse: { id: 2, connectorId: 1 } }, { chargingState: 'EVConnected' }));
      const answer = await send(event('E03', 'Updated', 1, 1, { triggerReason: 'Authorized', idToken: rfid('CARD') }));
      assert.deepEqual(answer, { idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'FLEET', type: 'Central' } } });
      assert.equal(h.authorizer.calls.at(-1)?.purpose, 'start');
      const { session: s } = await session('E03');
      assert.equal(s.idToken, 'CARD');
      assert.equal(s.authorizationStatus, 'Accepted');
      assert.equal(s.authorizationMethod, 'ISO14443');
    });

    it('TC_E_04_CSMS authorization first: Started with the token; later events repeat it without a concurrency refusal', async () => {
      const started = await send(event('E04', 'Started', 0, 0, { triggerReason: 'Authorized', idToken: rfid('OTHER'), evse: { id: 3 } }));
      assert.equal(started.idTokenInfo?.status, 'Accepted');
      const updated = await send(event('E04', 'Updated', 1, 2, { triggerReason: 'ChargingStateChanged', idToken: rfid('OTHER') }, { chargingState: 'Charging' }));
      assert.equal(updated.idTokenInfo?.status, 'Accepted');
      assert.equal(h.authorizer.calls.at(-1)?.purpose, 'authorize');
    });

    it('TC_E_15_CSMS StopAuthorized: Ended with a token; TC_E_14 / TC_E_20 EVDisconnected; energy and reason kept', async () => {
      await send(event('E15', 'Started', 0, 0, { triggerReason: 'Authorized', idToken: rfid('OTHER'), evse: { id: 4 }, meterValue: [energy(0, 1000)] }));
      const ended = await send(event('E15', 'Ended', 1, 30, { triggerReason: 'StopAuthorized', idToken: rfid('OTHER'), meterValue: [energy(30, 8000.25, { context: 'Transaction.End' })] }, { stoppedReason: 'Local' }));
      assert.equal(ended.idTokenInfo?.status, 'Accepted');
      assert.equal(h.authorizer.calls.at(-1)?.purpose, 'stop');
      await send(event('E14', 'Started', 0, 0, { triggerReason: 'CablePluggedIn', evse: { id: 5 } }));
      await send(event('E14', 'Ended', 1, 10, { triggerReason: 'EVCommunicationLost' }, { stoppedReason: 'EVDisconnected', chargingState: 'Idle' }));
      const e15 = (await session('E15')).session;
      assert.deepEqual([e15.status, e15.energyWh, e15.stoppedReason], ['completed', '7000.25', 'Local']);
      const e14 = (await session('E14')).session;
      assert.deepEqual([e14.status, e14.stoppedReason, e14.endedAt?.toISOString()], ['completed', 'EVDisconnected', at(10)]);
    });

    it('TC_E_39_CSMS Deauthorized (timeout) and a refused token: the refusal is answered and stored, the station ends it', async () => {
      const answer = await send(event('E39', 'Started', 0, 0, { triggerReason: 'Authorized', idToken: rfid('BAD'), evse: { id: 6 } }));
      assert.equal(answer.idTokenInfo?.status, 'Blocked');
      await send(event('E39', 'Ended', 1, 1, { triggerReason: 'EVConnectTimeout' }, { stoppedReason: 'Timeout' }));
      const { session: s } = await session('E39');
      assert.deepEqual([s.authorizationStatus, s.status, s.stoppedReason], ['Blocked', 'completed', 'Timeout']);
    });

    it('TC_E_53_CSMS accepts seqNo 0 at the start of a new transaction after other transactions', async () => {
      await send(event('E53-a', 'Started', 0, 0, { evse: { id: 7 } }));
      await send(event('E53-a', 'Ended', 1, 5, {}, { stoppedReason: 'Local' }));
      assert.deepEqual(await send(event('E53-b', 'Started', 0, 6, { evse: { id: 7 } })), {});
      assert.equal((await session('E53-b')).session.status, 'active');
    });

    it('Ended sent twice (retry after reconnect) is one stop; the retry is acknowledged', async () => {
      await send(event('TWICE', 'Started', 0, 0, { evse: { id: 8 }, meterValue: [energy(0, 0)] }));
      const ended = event('TWICE', 'Ended', 1, 20, { meterValue: [energy(20, 500)] }, { stoppedReason: 'Local' });
      assert.deepEqual(await send(ended), {});
      assert.deepEqual(await send(structuredClone(ended)), {});
      const detail = await session('TWICE');
      assert.equal(detail.events.filter((e) => e.kind === 'Ended').length, 1);
      assert.equal(detail.session.energyWh, '500');
      assert.deepEqual(detail.anomalies.map((a) => a.kind), ['duplicate-event']);
      assert.equal(h.events.filter((e) => e.type === 'session.ended' && e.data['sessionId'] === detail.session.id).length, 1);
    });

    it('TC_J_07/J_09/J_10_CSMS sampled values in Started/Updated/Ended; offline backlog: queued events with past timestamps are placed at their own times', async () => {
      await send(event('OFF', 'Started', 0, 0, { offline: true, triggerReason: 'Authorized', evse: { id: 9 }, meterValue: [energy(0, 100)] }));
      await send(event('OFF', 'Updated', 1, 15, { offline: true, meterValue: [energy(15, 600)] }));
      await send(event('OFF', 'Ended', 2, 30, { offline: true, meterValue: [energy(30, 900)] }, { stoppedReason: 'EVDisconnected' }));
      const { session: s, events } = await session('OFF');
      assert.deepEqual([s.startedAt.toISOString(), s.endedAt?.toISOString(), s.hadOfflineEvents, s.energyWh], [at(0), at(30), true, '800']);
      assert.ok(events.every((e) => e.offline));
    });

    it('TC_J_02_CSMS clock-aligned values in a running transaction; out-of-order seqNo: a late Updated joins the series in time order; charging state follows the newest', async () => {
      await send(event('OOO', 'Started', 0, 0, { evse: { id: 10 }, meterValue: [energy(0, 0)] }, { chargingState: 'Charging' }));
      await send(event('OOO', 'Updated', 2, 20, { meterValue: [energy(20, 2000)] }, { chargingState: 'SuspendedEV' }));
      await send(event('OOO', 'Updated', 1, 10, { meterValue: [energy(10, 1500)] }, { chargingState: 'Charging' }));
      await send(event('OOO', 'Updated', 3, 30, { triggerReason: 'MeterValueClock', meterValue: [energy(30, 2100, { context: 'Sample.Clock' })] }));
      const { session: s } = await session('OOO');
      assert.deepEqual([s.chargingState, s.lastSeqNo, s.energyWh], ['SuspendedEV', 3, '2100']);
      assert.deepEqual(s.anomalies.map((a) => a.kind), ['out-of-order']);
    });

    it('meter reset mid-session: an anomaly, never negative energy (exact decimals, kWh and multipliers)', async () => {
      await send(event('RESET', 'Started', 0, 0, { evse: { id: 11 }, meterValue: [energy(0, 5.5, { unitOfMeasure: { unit: 'kWh' } })] }));
      await send(event('RESET', 'Updated', 1, 10, { meterValue: [energy(10, 5.7, { unitOfMeasure: { unit: 'kWh' } })] }));
      await send(event('RESET', 'Updated', 2, 20, { meterValue: [energy(20, 1)] }));
      await send(event('RESET', 'Ended', 3, 30, { meterValue: [energy(30, 1.2345, { unitOfMeasure: { unit: 'Wh', multiplier: 2 } })] }, { stoppedReason: 'Local' }));
      const { session: s } = await session('RESET');
      assert.equal(s.energyWh, '322.45');
      assert.deepEqual(s.anomalies.map((a) => a.kind), ['meter-reset']);
    });

    it('TC_J_11_CSMS signed meter values are kept exactly; TC_J_08 a transaction may start before its EVSE is known', async () => {
      const signedMeterValue = { signedMeterData: 'T0NNRnx7IkZWIjoiMS4wIn0=', signingMethod: 'ECDSA-secp256r1-SHA256', encodingMethod: 'OCMF', publicKey: 'MFkwEwYHKoZIzj0CAQ==' };
      await send(event('SIGNED', 'Started', 0, 0, { triggerReason: 'Authorized', meterValue: [energy(0, 10, { context: 'Transaction.Begin', signedMeterValue })] }));
      assert.equal((await session('SIGNED')).session.evseId, 0);
      await send(event('SIGNED', 'Updated', 1, 1, { triggerReason: 'CablePluggedIn', evse: { id: 12, connectorId: 1 } }));
      const detail = await session('SIGNED');
      assert.equal(detail.session.evseId, 12);
      assert.deepEqual(detail.meterSeries[0]?.points[0]?.signed, signedMeterValue);
    });

    it('an Updated for a transaction never started creates it with an anomaly; the late Started fixes its start', async () => {
      await send(event('MISSED', 'Updated', 3, 40, { evse: { id: 13 }, meterValue: [energy(40, 300)] }), 'CS2-B');
      await send(event('MISSED', 'Started', 0, 0, { evse: { id: 13 }, meterValue: [energy(0, 100)] }), 'CS2-B');
      const { session: s } = await session('MISSED');
      assert.deepEqual([s.startedAt.toISOString(), s.energyWh, s.meterStartWh], [at(0), '200', '100']);
      assert.deepEqual(s.anomalies.map((a) => a.kind), ['unknown-transaction', 'out-of-order']);
    });

    it('the in-memory copy is never trusted over the database: a row changed elsewhere is reloaded', async () => {
      await send(event('MOVED', 'Started', 0, 0, { evse: { id: 15 }, meterValue: [energy(0, 100)] }), 'CS2-B');
      // Another node (or the zombie job) writes the row: the cached revision is now stale.
      await h.db.execute(`update sessions set charging_state = 'SuspendedEVSE', updated_at = updated_at + interval '5 ms' where external_id = 'MOVED'` as never);
      await send(event('MOVED', 'Updated', 1, 10, { meterValue: [energy(10, 400)] }), 'CS2-B');
      const { session: s, events } = await session('MOVED');
      assert.deepEqual([s.energyWh, s.chargingState, s.lastSeqNo], ['300', 'SuspendedEVSE', 1]);
      assert.equal(events.length, 2);
    });

    it('events of one session committed in the same batch (a station that pipelines) are all applied', async () => {
      await send(event('PIPE', 'Started', 0, 0, { evse: { id: 16 }, meterValue: [energy(0, 0)] }), 'CS2-B');
      await Promise.all([1, 2, 3].map((seqNo) => send(event('PIPE', 'Updated', seqNo, seqNo * 10, { meterValue: [energy(seqNo * 10, seqNo * 100)] }), 'CS2-B')));
      const { session: s } = await session('PIPE');
      assert.deepEqual([s.energyWh, s.lastSeqNo], ['300', 3]);
    });

    it('zombies: a stale session is closed after the configured time with a Closed event, never silently', async () => {
      await send(event('ZOMBIE', 'Started', 0, 0, { evse: { id: 14 } }), 'CS2-B');
      const realNow = h.clock.now;
      h.clock.now = new Date(Date.now() + 25 * 3600_000);
      try {
        assert.ok(await h.service.closeStaleSessions() >= 1);
      } finally {
        h.clock.now = realNow;
      }
      const detail = await session('ZOMBIE');
      assert.deepEqual([detail.session.status, detail.session.stoppedReason], ['closed', 'stale']);
      assert.deepEqual(detail.events.at(-1)?.payload, { reason: 'stale', detail: 'no event or meter progress for 1440 min' });
      // The station's own Ended still completes it, recorded as an anomaly.
      await send(event('ZOMBIE', 'Ended', 1, 50, { offline: true }, { stoppedReason: 'PowerLoss' }), 'CS2-B');
      const ended = await session('ZOMBIE');
      assert.deepEqual([ended.session.status, ended.session.stoppedReason], ['completed', 'PowerLoss']);
      assert.deepEqual(ended.anomalies.map((a) => a.kind), ['ended-after-close']);
    });
  });
}
