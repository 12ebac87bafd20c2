import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer, waitUntil } from '../testing/test-server.js';
import { bootPayload, statusPayload } from '../testing/ocpp-fixtures.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('StationChannel: calls from the CSMS to a station', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 0.3 } });
  });
  after(() => server.stop());

  async function connected(id: string, version: 'ocpp1.6' | 'ocpp2.0.1' | 'ocpp2.1' = 'ocpp2.0.1'): Promise<RawStation> {
    const station = await RawStation.connect(server.baseUrl, id, [version]);
    await station.call('BootNotification', bootPayload(version));
    return station;
  }

  it('returns the response of a station', async () => {
    const station = await connected('CH-RESULT');
    const pending = server.channel.call('CH-RESULT', 'ClearCache', {});
    const [, id] = await station.nextCall('ClearCache');
    station.reply(id, { status: 'Accepted' });
    assert.deepEqual(await pending, { kind: 'result', payload: { status: 'Accepted' } });
    await station.close();
  });

  it('returns a CALLERROR as an error outcome with the version-neutral code', async () => {
    const station = await connected('CH-ERROR', 'ocpp1.6');
    const pending = server.channel.call('CH-ERROR', 'ClearCache', {});
    const [, id] = await station.nextCall('ClearCache');
    station.sendText(JSON.stringify([4, id, 'OccurenceConstraintViolation', 'nope', {}]));
    const outcome = await pending;
    assert.equal(outcome.kind, 'error');
    assert.equal(outcome.kind === 'error' && outcome.code, 'OccurrenceConstraintViolation');
    assert.equal(outcome.kind === 'error' && outcome.wireCode, 'OccurenceConstraintViolation');
    await station.close();
  });

  it('times out a call that is never answered, and sends the next queued call after it', async () => {
    const station = await connected('CH-TIMEOUT');
    const first = server.channel.call('CH-TIMEOUT', 'ClearCache', {});
    const second = server.channel.call('CH-TIMEOUT', 'ClearCache', {});
    await station.nextCall('ClearCache');
    assert.deepEqual(await first, { kind: 'timeout', timeoutMs: 300 });
    const [, id] = await station.nextCall('ClearCache');
    station.reply(id, { status: 'Rejected' });
    assert.deepEqual(await second, { kind: 'result', payload: { status: 'Rejected' } });
    await station.close();
  });

  it('keeps one outstanding call per direction: the second is sent only after the first is answered', async () => {
    const station = await connected('CH-QUEUE');
    const first = server.channel.call('CH-QUEUE', 'ClearCache', {});
    const second = server.channel.call('CH-QUEUE', 'ClearCache', {});
    const [, firstId] = await station.nextCall('ClearCache');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(station.frames.filter((frame) => frame[0] === 2).length, 0, 'second CALL was sent early');
    station.reply(firstId, { status: 'Accepted' });
    await first;
    const [, secondId] = await station.nextCall('ClearCache');
    assert.notEqual(secondId, firstId);
    station.reply(secondId, { status: 'Accepted' });
    assert.equal((await second).kind, 'result');
    await station.close();
  });

  it('reports a station that disconnects mid-call as offline', async () => {
    const station = await connected('CH-DROP');
    const pending = server.channel.call('CH-DROP', 'ClearCache', {});
    await station.nextCall('ClearCache');
    station.socket.terminate();
    assert.deepEqual(await pending, { kind: 'offline' });
  });

  it('reports a station that is not connected as offline', async () => {
    assert.deepEqual(await server.channel.call('NOT-HERE', 'ClearCache', {}), { kind: 'offline' });
  });

  it('flags a response that violates the schema (2.0.1) without a CALLRESULTERROR', async () => {
    const station = await connected('CH-BADRESP');
    const pending = server.channel.call('CH-BADRESP', 'ClearCache', {});
    const [, id] = await station.nextCall('ClearCache');
    station.reply(id, { status: 'Maybe' });
    const outcome = await pending;
    assert.equal(outcome.kind, 'invalid-response');
    assert.equal(outcome.kind === 'invalid-response' && outcome.code, 'PropertyConstraintViolation');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(station.frames.filter((frame) => frame[0] === 5).length, 0);
    await station.close();
  });

  it('answers an invalid response with a CALLRESULTERROR in OCPP 2.1', async () => {
    const station = await connected('CH-BADRESP21', 'ocpp2.1');
    const pending = server.channel.call('CH-BADRESP21', 'ClearCache', {});
    const [, id] = await station.nextCall('ClearCache');
    station.reply(id, {});
    assert.equal((await pending).kind, 'invalid-response');
    const error = await station.waitFor((frame) => frame[0] === 5 && frame[1] === id);
    assert.equal(error[2], 'OccurrenceConstraintViolation');
    await station.close();
  });

  it('rejects a request payload that violates the schema before sending anything', async () => {
    const station = await connected('CH-BADREQ');
    const outcome = await server.channel.call('CH-BADREQ', 'Reset', { type: 'Sometime' });
    assert.equal(outcome.kind, 'invalid-request');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(station.frames.length, 0);
    await station.close();
  });
});

describe('duplicate connections', () => {
  it('a second connection for a connected id replaces the stale one; the station stays online', async () => {
    const server = await startTestServer();
    try {
      const first = await RawStation.connect(server.baseUrl, 'DUP-1', ['ocpp1.6']);
      await first.call('BootNotification', bootPayload('ocpp1.6'));
      const second = await RawStation.connect(server.baseUrl, 'DUP-1', ['ocpp1.6']);
      const closed = await first.closed;
      assert.equal(closed.code, 1000);
      const [type] = await second.call('Heartbeat', {});
      assert.equal(type, 3);
      // Calls now reach the new link.
      const pending = server.channel.call('DUP-1', 'ClearCache', {});
      const [, id] = await second.nextCall('ClearCache');
      second.reply(id, { status: 'Accepted' });
      assert.equal((await pending).kind, 'result');
      const history = await server.api.request('GET', '/api/v1/stations/DUP-1/connections');
      assert.deepEqual(history.body.items.map((e: { kind: string; reason: string | null }) => [e.kind, e.reason]), [
        ['connected', null], ['disconnected', 'replaced-by-new-connection'], ['connected', null],
      ]);
      assert.equal((await server.api.request('GET', '/api/v1/stations/DUP-1')).body.online, true);
      await second.close();
    } finally {
      await server.stop();
    }
  });
});

describe('registration policy: Pending and Rejected stations', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer({ unknownStations: 'pending' });
  });
  after(() => server.stop());

  it('TC_B_02_CSMS: an unknown station is registered Pending and told the retry interval', async () => {
    const station = await RawStation.connect(server.baseUrl, 'PEND-1', ['ocpp2.0.1']);
    const [, , result] = await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    assert.equal((result as { status: string }).status, 'Pending');
    assert.equal((result as { interval: number }).interval, 60);
    await station.close();
  });

  it('TC_B_30_CSMS: a Pending station sending anything but BootNotification gets SecurityError', async () => {
    const station = await RawStation.connect(server.baseUrl, 'PEND-2', ['ocpp2.0.1']);
    await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    const frame = await station.call('StatusNotification', statusPayload('ocpp2.0.1', 1, 'Available'));
    assert.equal(frame[2], 'SecurityError');
    await station.close();
  });

  it('TC_B_31_CSMS: a Pending station may send what the CSMS triggered', async () => {
    const station = await RawStation.connect(server.baseUrl, 'PEND-3', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    const trigger = server.channel.call('PEND-3', 'TriggerMessage', { requestedMessage: 'StatusNotification' });
    const [, id] = await station.nextCall('TriggerMessage');
    station.reply(id, { status: 'Accepted' });
    assert.equal((await trigger).kind, 'result');
    const [type] = await station.call('StatusNotification', statusPayload('ocpp1.6', 1, 'Available'));
    assert.equal(type, 3);
    await station.close();
  });

  it('TC_B_31_CSMS: the triggered message may arrive in the same read as the trigger\'s answer', async () => {
    const station = await RawStation.connect(server.baseUrl, 'PEND-5', ['ocpp2.0.1']);
    await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    const trigger = server.channel.call('PEND-5', 'TriggerMessage', { requestedMessage: 'StatusNotification' });
    const [, id] = await station.nextCall('TriggerMessage');
    const answer = station.waitFor((frame) => frame[1] === 'same-read');
    // One WebSocket send per frame still lands in one TCP read here: both are parsed in one tick.
    station.sendText(JSON.stringify([3, id, { status: 'Accepted' }]));
    station.sendText(JSON.stringify([2, 'same-read', 'StatusNotification', statusPayload('ocpp2.0.1', 1, 'Available')]));
    assert.equal((await trigger).kind, 'result');
    assert.equal((await answer)[0], 3, 'not a SecurityError');
    await station.close();
  });

  it('approving a Pending station asks it to boot again, and that boot is Accepted', async () => {
    const station = await RawStation.connect(server.baseUrl, 'PEND-4', ['ocpp2.1']);
    await station.call('BootNotification', bootPayload('ocpp2.1'));
    const approved = await server.api.request('POST', '/api/v1/stations/PEND-4/approve');
    assert.equal(approved.body.registrationStatus, 'Accepted');
    const [, id, , payload] = await station.nextCall('TriggerMessage');
    assert.deepEqual(payload, { requestedMessage: 'BootNotification' });
    station.reply(id, { status: 'Accepted' });
    const [, , result] = await station.call('BootNotification', bootPayload('ocpp2.1'));
    assert.equal((result as { status: string }).status, 'Accepted');
    await station.close();
  });

  it('B03: a Rejected station is told so, and the operator rejecting a connected station closes its link', async () => {
    const station = await RawStation.connect(server.baseUrl, 'REJ-1', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    await server.api.request('PATCH', '/api/v1/stations/REJ-1', { registrationStatus: 'Rejected' });
    assert.equal((await station.closed).code, 1008);
    const again = await RawStation.connect(server.baseUrl, 'REJ-1', ['ocpp1.6']);
    const [, , result] = await again.call('BootNotification', bootPayload('ocpp1.6'));
    assert.equal((result as { status: string }).status, 'Rejected');
    const [, , code] = await again.call('Heartbeat', {});
    assert.equal(code, 'SecurityError');
    await again.close();
  });
});

describe('liveness and shutdown', () => {
  it('closes a link that stops answering WebSocket pings and records why', async () => {
    const server = await startTestServer({ ocpp: { pingIntervalSeconds: 0.2 } });
    try {
      const station = await RawStation.connect(server.baseUrl, 'DEAD-1', ['ocpp2.0.1']);
      await station.call('BootNotification', bootPayload('ocpp2.0.1'));
      // A paused socket reads nothing, so it never answers a ping: a dead TCP peer, in effect.
      (station.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      await waitUntil(async () => (await server.api.request('GET', '/api/v1/stations/DEAD-1')).body.online === false, 5000);
      const history = await server.api.request('GET', '/api/v1/stations/DEAD-1/connections');
      assert.equal(history.body.items[0].reason, 'ping-timeout');
    } finally {
      await server.stop();
    }
  });

  it('graceful shutdown closes links with 1001 after in-flight calls finish, and records it', async () => {
    const server = await startTestServer();
    const station = await RawStation.connect(server.baseUrl, 'BYE-1', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    const inflight = server.channel.call('BYE-1', 'ClearCache', {});
    const [, id] = await station.nextCall('ClearCache');
    const stopping = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    station.reply(id, { status: 'Accepted' });
    assert.equal((await inflight).kind, 'result', 'the in-flight call finished');
    assert.equal((await station.closed).code, 1001);
    await stopping;
  });
});
