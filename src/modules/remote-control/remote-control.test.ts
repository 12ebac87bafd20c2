import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { bootPayload, VERSIONS } from '../../testing/ocpp-fixtures.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

for (const version of VERSIONS) {
  describe(`remote control over ${version}`, () => {
    let server: Server;
    let station: RawStation;
    const id = `RC-${version}`;
    before(async () => {
      server = await startTestServer({ remoteStartTimeoutSeconds: 3, ocpp: { callTimeoutSeconds: 5 } });
      station = await RawStation.connect(server.baseUrl, id, [version]);
      await station.call('BootNotification', bootPayload(version));
    });
    after(() => server.stop());


    it('remote start sends the version\'s message; an accepted start with no session becomes failed after the timeout', async () => {
      const action = version === 'ocpp1.6' ? 'RemoteStartTransaction' : 'RequestStartTransaction';
      const pending = server.api.request('POST', `/api/v1/stations/${id}/remote-start`, { idToken: 'DRIVER-1', evseId: 1 });
      const payload = await station.answerNext(action, { status: 'Accepted' });
      if (version === 'ocpp1.6') assert.deepEqual(payload, { idTag: 'DRIVER-1', connectorId: 1 });
      else {
        assert.deepEqual(payload['idToken'], { idToken: 'DRIVER-1', type: 'Central' });
        assert.equal(typeof payload['remoteStartId'], 'number');
      }
      const response = await pending;
      assert.equal(response.status, 200);
      assert.equal(response.body.action, action);
      assert.deepEqual(response.body.response, { status: 'Accepted' });
      await waitUntil(async () => (await server.api.request('GET', `/api/v1/commands/${response.body.commandId}`)).body.finalOutcome === 'failed', 10_000);
    });

    it('a remote start the station rejects is failed at once, with the station\'s answer', async () => {
      const action = version === 'ocpp1.6' ? 'RemoteStartTransaction' : 'RequestStartTransaction';
      const pending = server.api.request('POST', `/api/v1/stations/${id}/remote-start`, { idToken: 'DRIVER-2' });
      await station.answerNext(action, { status: 'Rejected' });
      const response = await pending;
      const command = await server.api.request('GET', `/api/v1/commands/${response.body.commandId}`);
      assert.equal(command.body.finalOutcome, 'failed');
      assert.match(command.body.finalDetail, /Rejected/);
    });

    it(`${version === 'ocpp1.6' ? 'TC_010_CSMS / TC_011_1_CSMS' : 'TC_F_02_CSMS / TC_F_03_CSMS'}: remote start leads to a session, remote stop ends it; both final outcomes recorded`, async () => {
      const startAction = version === 'ocpp1.6' ? 'RemoteStartTransaction' : 'RequestStartTransaction';
      const started = server.api.request('POST', `/api/v1/stations/${id}/remote-start?waitSeconds=5`, { idToken: 'DRIVER-9', evseId: 1 });
      const startPayload = await station.answerNext(startAction, { status: 'Accepted' });
      const now = new Date().toISOString();
      if (version === 'ocpp1.6') {
        await station.call('StartTransaction', { connectorId: 1, idTag: 'DRIVER-9', meterStart: 1000, timestamp: now });
      } else {
        await station.call('TransactionEvent', {
          eventType: 'Started', timestamp: now, triggerReason: 'RemoteStart', seqNo: 0,
          transactionInfo: { transactionId: `tx-${version}`, remoteStartId: startPayload['remoteStartId'] },
          evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'DRIVER-9', type: 'Central' },
        });
      }
      const start = await started;
      assert.equal(start.body.final.outcome, 'session-started', JSON.stringify(start.body.final));
      const sessionId = start.body.final.sessionId;
      assert.ok(sessionId);

      const stopAction = version === 'ocpp1.6' ? 'RemoteStopTransaction' : 'RequestStopTransaction';
      const stopped = server.api.request('POST', `/api/v1/sessions/${sessionId}/stop?waitSeconds=5`);
      const stopPayload = await station.answerNext(stopAction, { status: 'Accepted' });
      if (version === 'ocpp1.6') {
        await station.call('StopTransaction', { transactionId: stopPayload['transactionId'], meterStop: 1500, timestamp: new Date().toISOString(), reason: 'Remote' });
      } else {
        assert.equal(stopPayload['transactionId'], `tx-${version}`);
        await station.call('TransactionEvent', {
          eventType: 'Ended', timestamp: new Date().toISOString(), triggerReason: 'RemoteStop', seqNo: 1,
          transactionInfo: { transactionId: `tx-${version}`, stoppedReason: 'Remote' },
        });
      }
      const stop = await stopped;
      assert.equal(stop.body.final.outcome, 'session-ended');
      const record = await server.api.request('GET', `/api/v1/sessions/${sessionId}`);
      assert.ok(record.body.commands.length >= 2, 'the session record lists the commands sent for it');
    });

    it('unlock, availability, reset and trigger map to the version and return the answer', async () => {
      const unlock = server.api.request('POST', `/api/v1/stations/${id}/unlock`, { evseId: 1 });
      const unlockPayload = await station.answerNext('UnlockConnector', { status: 'Unlocked' });
      assert.deepEqual(unlockPayload, version === 'ocpp1.6' ? { connectorId: 1 } : { evseId: 1, connectorId: 1 });
      assert.deepEqual((await unlock).body.response, { status: 'Unlocked' });

      const availability = server.api.request('POST', `/api/v1/stations/${id}/availability`, { operative: false });
      const availabilityPayload = await station.answerNext('ChangeAvailability', { status: 'Scheduled' });
      assert.deepEqual(availabilityPayload, version === 'ocpp1.6' ? { connectorId: 0, type: 'Inoperative' } : { operationalStatus: 'Inoperative' });
      assert.deepEqual((await availability).body.response, { status: 'Scheduled' });

      const reset = server.api.request('POST', `/api/v1/stations/${id}/reset`, { type: 'OnIdle' });
      const resetPayload = await station.answerNext('Reset', { status: 'Accepted' });
      assert.deepEqual(resetPayload, { type: version === 'ocpp1.6' ? 'Soft' : 'OnIdle' });
      assert.equal((await reset).status, 200);

      const trigger = server.api.request('POST', `/api/v1/stations/${id}/trigger`, { requestedMessage: 'Heartbeat' });
      await station.answerNext('TriggerMessage', { status: 'Accepted' });
      assert.equal((await trigger).status, 200);
    });

    it('bad requests change nothing and say why', async () => {
      const noSession = await server.api.request('POST', '/api/v1/sessions/ses_missing/stop');
      assert.equal(noSession.status, 404);
      const badReset = await server.api.request('POST', `/api/v1/stations/${id}/reset`, { type: 'Gentle' });
      assert.equal(badReset.status, 400);
      const badTrigger = await server.api.request('POST', `/api/v1/stations/${id}/trigger`, { requestedMessage: 'Coffee' });
      assert.equal(badTrigger.status, 422);
      assert.equal(badTrigger.body.code, 'invalid_payload');
    });
  });
}
