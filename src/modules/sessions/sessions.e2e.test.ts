// Sessions over real WebSocket connections against a whole server (real Authorizer, tokens made
// through the API), and the REST API: listing, the complete record, CSV export.
import assert from 'node:assert/strict';
import type { Static } from '@sinclair/typebox';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer } from '../../testing/test-server.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import type { SessionSchema } from './http-schemas.js';

type SessionView = Static<typeof SessionSchema>;

type Server = Awaited<ReturnType<typeof startTestServer>>;
const past = (minute: number) => new Date(Date.UTC(2024, 4, 1, 12, minute)).toISOString();
type Answer = { transactionId?: number; idTagInfo?: { status: string }; idTokenInfo?: { status: string } };
function resultOf(frame: unknown[]): Answer {
  assert.equal(frame[0], 3, `CALLRESULT expected, got ${JSON.stringify(frame)}`);
  return frame[2] as Answer;
}

describe('sessions over OCPP and the REST API', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer();
    for (const idToken of ['RFID-OK', 'RFID-2X']) {
      const created = await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });
  after(() => server.stop());

  async function connect(id: string, version: string): Promise<RawStation> {
    const station = await RawStation.connect(server.baseUrl, id, [version]);
    resultOf(await station.call('BootNotification', bootPayload(version as 'ocpp1.6')));
    return station;
  }

  it('TC_003_CSMS / TC_004_1_CSMS (1.6): start, retry, meter values, stop twice; one session with exact energy', async () => {
    const station = await connect('E2E-16', 'ocpp1.6');
    const startRequest = { connectorId: 1, idTag: 'RFID-OK', meterStart: 2000, timestamp: past(0) };
    const started = resultOf(await station.call('StartTransaction', startRequest));
    assert.equal(started.idTagInfo?.status, 'Accepted');
    assert.ok(Number.isInteger(started.transactionId) && started.transactionId! > 0);
    const retried = resultOf(await station.call('StartTransaction', startRequest));
    assert.equal(retried.transactionId, started.transactionId, 'a retried StartTransaction gets the same id');
    assert.equal(retried.idTagInfo?.status, 'Accepted');

    const signed = '<?xml version="1.0"?><signedMeterValue><publicKey>AB CD</publicKey><meterValueSignature>x/+=</meterValueSignature></signedMeterValue>';
    resultOf(await station.call('MeterValues', { connectorId: 1, transactionId: started.transactionId, meterValue: [{ timestamp: past(10), sampledValue: [
      { value: '2.5005', unit: 'kWh', context: 'Sample.Periodic' }, { value: signed, format: 'SignedData', context: 'Sample.Periodic' },
      { value: '16.2', measurand: 'Current.Import', phase: 'L1', unit: 'A' },
    ] }] }));
    const stopRequest = { transactionId: started.transactionId, meterStop: 3000, timestamp: past(20), idTag: 'RFID-OK', reason: 'Local' };
    assert.equal(resultOf(await station.call('StopTransaction', stopRequest)).idTagInfo?.status, 'Accepted');
    assert.equal(resultOf(await station.call('StopTransaction', stopRequest)).idTagInfo?.status, 'Accepted', 'a second identical stop is acknowledged');
    await station.close();

    const list = await server.api.request('GET', '/api/v1/sessions?stationId=E2E-16');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 1);
    const session = list.body.items[0] as SessionView;
    assert.deepEqual([session.transactionId, session.status, session.energyWh, session.meterStartWh, session.meterStopWh],
      [String(started.transactionId), 'completed', '1000', '2000', '3000']);

    const detail = await server.api.request('GET', `/api/v1/sessions/${session.id}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.events.map((e: { kind: string }) => e.kind), ['StartTransaction', 'MeterValues', 'StopTransaction']);
    assert.deepEqual(detail.body.anomalies.map((a: { kind: string }) => a.kind), ['duplicate-event', 'duplicate-event']);
    const energy = detail.body.meterSeries.find((s: { measurand: string; phase: string | null }) => s.measurand === 'Energy.Active.Import.Register' && s.phase === null);
    assert.deepEqual(energy.points.map((p: { value: string | null }) => p.value), ['2000', '2500.5', null, '3000']);
    assert.equal(energy.points[2].signed, signed, 'SignedData kept byte for byte');
    assert.ok(detail.body.meterSeries.some((s: { measurand: string; phase: string }) => s.measurand === 'Current.Import' && s.phase === 'L1'));
  });

  it('TC_023_1_CSMS (1.6): an unknown idTag gets a transaction id and Invalid; the attempt is recorded', async () => {
    const station = await connect('E2E-16-BAD', 'ocpp1.6');
    const answer = resultOf(await station.call('StartTransaction', { connectorId: 1, idTag: 'NOBODY', meterStart: 0, timestamp: past(0) }));
    assert.equal(answer.idTagInfo?.status, 'Invalid');
    assert.ok(answer.transactionId! > 0);
    resultOf(await station.call('StopTransaction', { transactionId: answer.transactionId, meterStop: 0, timestamp: past(1), reason: 'DeAuthorized' }));
    const unknownStop = resultOf(await station.call('StopTransaction', { transactionId: 2_000_000_000, meterStop: 5, timestamp: past(2) }));
    assert.deepEqual(unknownStop, {}, 'an unknown transaction id is still answered');
    await station.close();
    const items = (await server.api.request('GET', '/api/v1/sessions?stationId=E2E-16-BAD')).body.items as SessionView[];
    assert.deepEqual(items.map((s) => [s.authorizationStatus, s.status, s.anomalyCount]).sort(), [['Unknown', 'completed', 0], [null, 'completed', 1]].sort());
  });

  for (const version of ['ocpp2.0.1', 'ocpp2.1']) {
    it(`TC_E_03_CSMS / TC_E_15_CSMS / TC_J_01_CSMS (${version}): TransactionEvent answers valid idTokenInfo; Ended twice is one stop; station meter values`, async () => {
      const id = `E2E-${version}`;
      const station = await connect(id, version);
      const tx = `tx-${version}`;
      const base = { transactionInfo: { transactionId: tx }, evse: { id: 1, connectorId: 1 } };
      assert.deepEqual(resultOf(await station.call('TransactionEvent', { ...base, eventType: 'Started', seqNo: 0, timestamp: past(0), triggerReason: 'CablePluggedIn',
        meterValue: [{ timestamp: past(0), sampledValue: [{ value: 10, context: 'Transaction.Begin' }] }] })), {});
      const authorized = resultOf(await station.call('TransactionEvent', { ...base, eventType: 'Updated', seqNo: 1, timestamp: past(1), triggerReason: 'Authorized',
        idToken: { idToken: 'RFID-2X', type: 'ISO14443' } }));
      assert.equal(authorized.idTokenInfo?.status, 'Accepted');
      const ended = { ...base, eventType: 'Ended', seqNo: 2, timestamp: past(30), triggerReason: 'StopAuthorized', idToken: { idToken: 'RFID-2X', type: 'ISO14443' },
        transactionInfo: { transactionId: tx, stoppedReason: 'Local', chargingState: 'Idle' },
        meterValue: [{ timestamp: past(30), sampledValue: [{ value: 12.5, unitOfMeasure: { unit: 'kWh', multiplier: 0 }, context: 'Transaction.End' }] }] };
      assert.equal(resultOf(await station.call('TransactionEvent', ended)).idTokenInfo?.status, 'Accepted');
      assert.equal(resultOf(await station.call('TransactionEvent', ended)).idTokenInfo?.status, 'Accepted');
      resultOf(await station.call('MeterValues', { evseId: 0, meterValue: [{ timestamp: past(31), sampledValue: [{ value: 99999 }] }] }));
      await station.close();
      const [session] = (await server.api.request('GET', `/api/v1/sessions?stationId=${id}&status=completed`)).body.items;
      assert.deepEqual([session.transactionId, session.energyWh, session.stoppedReason, session.idToken, session.ocppVersion], [tx, '12490', 'Local', 'RFID-2X', version]);
      const detail = (await server.api.request('GET', `/api/v1/sessions/${session.id}`)).body;
      assert.deepEqual(detail.events.map((e: { kind: string; seqNo: number }) => `${e.kind}:${e.seqNo}`), ['Started:0', 'Updated:1', 'Ended:2']);
    });
  }

  it('lists with filters and cursors, exports CSV with the same filters, and answers problems', async () => {
    const first = await server.api.request('GET', '/api/v1/sessions?limit=1');
    assert.equal(first.body.items.length, 1);
    const second = await server.api.request('GET', `/api/v1/sessions?limit=1&cursor=${first.body.nextCursor}`);
    assert.notEqual(second.body.items[0].id, first.body.items[0].id);
    const window = await server.api.request('GET', `/api/v1/sessions?from=${encodeURIComponent(past(0))}&to=${encodeURIComponent(past(1))}&idToken=RFID-OK`);
    assert.deepEqual(window.body.items.map((s: { stationId: string }) => s.stationId), ['E2E-16']);

    const csv = await fetch(`${server.baseUrl}/api/v1/sessions/export?stationId=E2E-16`, { headers: { authorization: `Bearer ${server.api.apiKey}` } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    assert.equal(lines.length, 2);
    assert.ok(lines[0]!.startsWith('id,stationId,evseId,connectorId,transactionId'));
    assert.match(lines[1]!, /,E2E-16,1,1,\d+,ocpp1\.6,completed,RFID-OK,Accepted,/);

    assert.equal((await server.api.request('GET', '/api/v1/sessions/no-such-session')).body.code, 'session_not_found');
    const badCursor = await server.api.request('GET', '/api/v1/sessions?cursor=garbage');
    assert.deepEqual([badCursor.status, badCursor.body.code], [400, 'invalid_cursor']);
    assert.equal((await server.api.request('GET', '/api/v1/sessions?status=running')).status, 400);
  });
});
