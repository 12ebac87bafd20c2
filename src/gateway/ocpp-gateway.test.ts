import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HandshakeRefused, RawStation, startTestServer, waitUntil } from '../testing/test-server.js';
import { bootPayload, statusPayload, VERSIONS } from '../testing/ocpp-fixtures.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('OCPP gateway: connection admission', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer({ unknownStations: 'reject' });
    await server.api.request('POST', '/api/v1/stations', { id: 'SECURE-1', password: 'correct-horse-battery' });
    await server.api.request('POST', '/api/v1/stations', { id: 'OPEN-1' });
  });
  after(() => server.stop());

  it('TC_B_58 refuses a connection that offers no supported subprotocol', async () => {
    await assert.rejects(RawStation.connect(server.baseUrl, 'OPEN-1', ['ocpp1.5']), (error: HandshakeRefused) => error.status === 400);
  });

  it('TC_B_58 refuses a connection that offers no subprotocol at all (never defaulted)', async () => {
    await assert.rejects(RawStation.connect(server.baseUrl, 'OPEN-1', []), (error: HandshakeRefused) => error.status === 400);
  });

  it('picks the newest version when a station offers several', async () => {
    const station = await RawStation.connect(server.baseUrl, 'OPEN-1', ['ocpp1.6', 'ocpp2.0.1']);
    assert.equal(station.protocol, 'ocpp2.0.1');
    await station.close();
  });

  it('TC_A_01_CSMS accepts a valid username/password combination', async () => {
    const station = await RawStation.connect(server.baseUrl, 'SECURE-1', ['ocpp2.0.1'], { password: 'correct-horse-battery' });
    const [, , result] = await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    assert.equal((result as { status: string }).status, 'Accepted');
    await station.close();
  });

  it('TC_A_02_CSMS refuses a username that does not equal the station id', async () => {
    await assert.rejects(
      RawStation.connect(server.baseUrl, 'SECURE-1', ['ocpp2.0.1'], { username: 'OTHER', password: 'correct-horse-battery' }),
      (error: HandshakeRefused) => error.status === 401,
    );
  });

  it('TC_A_03_CSMS refuses an invalid password', async () => {
    await assert.rejects(
      RawStation.connect(server.baseUrl, 'SECURE-1', ['ocpp1.6'], { password: 'wrong-password-123456' }),
      (error: HandshakeRefused) => error.status === 401,
    );
  });

  it('refuses a station with a password that sends no credentials', async () => {
    await assert.rejects(RawStation.connect(server.baseUrl, 'SECURE-1', ['ocpp1.6']), (error: HandshakeRefused) => error.status === 401);
  });

  it('refuses an unknown station under the reject policy', async () => {
    await assert.rejects(RawStation.connect(server.baseUrl, 'NOBODY', ['ocpp1.6']), (error: HandshakeRefused) => error.status === 401);
    const stored = await server.api.request('GET', '/api/v1/stations/NOBODY');
    assert.equal(stored.status, 404);
  });

  it('answers 404 for an upgrade outside /ocpp/<stationId>', async () => {
    await assert.rejects(RawStation.connect(server.baseUrl.replace(/$/, '/x'), 'A/B', ['ocpp1.6']), (error: HandshakeRefused) => error.status === 404);
  });
});

for (const version of VERSIONS) {
  describe(`OCPP gateway ${version}: provisioning and availability`, () => {
    let server: Server;
    before(async () => {
      server = await startTestServer({ unknownStations: 'accept' });
    });
    after(() => server.stop());

    it('B01 / TC_B_01_CSMS: a cold boot is Accepted with the heartbeat interval; hardware facts stored', async () => {
      const station = await RawStation.connect(server.baseUrl, `BOOT-${version}`, [version]);
      const [type, , result] = await station.call('BootNotification', bootPayload(version, 'Acme', 'Volt 22'));
      assert.equal(type, 3);
      assert.equal((result as { status: string; interval: number }).status, 'Accepted');
      assert.equal((result as { interval: number }).interval, 300);
      const stored = await server.api.request('GET', `/api/v1/stations/BOOT-${version}`);
      assert.equal(stored.body.vendor, 'Acme');
      assert.equal(stored.body.model, 'Volt 22');
      assert.equal(stored.body.firmwareVersion, '1.0.0');
      assert.equal(stored.body.ocppVersion, version);
      assert.equal(stored.body.online, true);
      await station.close();
    });

    it('G02 heartbeat answers the current time', async () => {
      const station = await RawStation.connect(server.baseUrl, `HB-${version}`, [version]);
      await station.call('BootNotification', bootPayload(version));
      const [, , result] = await station.call('Heartbeat', {});
      const currentTime = Date.parse((result as { currentTime: string }).currentTime);
      assert.ok(Math.abs(currentTime - Date.now()) < 5000);
      await station.close();
    });

    it('G01 status notifications are stored per EVSE and connector', async () => {
      const station = await RawStation.connect(server.baseUrl, `ST-${version}`, [version]);
      await station.call('BootNotification', bootPayload(version));
      const occupied = version === 'ocpp1.6' ? 'Charging' : 'Occupied';
      await station.call('StatusNotification', statusPayload(version, 1, 'Available'));
      await station.call('StatusNotification', statusPayload(version, 2, occupied));
      const stored = await server.api.request('GET', `/api/v1/stations/ST-${version}`);
      const connectors = stored.body.evses.map((evse: { evseId: number; connectors: Array<{ status: { occupancy: string; chargingState: string | null } }> }) => [evse.evseId, evse.connectors[0]?.status.occupancy, evse.connectors[0]?.status.chargingState]);
      assert.deepEqual(connectors, [[1, 'Available', 'Idle'], [2, 'Occupied', version === 'ocpp1.6' ? 'Charging' : null]]);
      await station.close();
    });

    it('P01/P02 DataTransfer with an unknown vendor answers UnknownVendorId and is kept', async () => {
      const station = await RawStation.connect(server.baseUrl, `DT-${version}`, [version]);
      await station.call('BootNotification', bootPayload(version));
      const [, , result] = await station.call('DataTransfer', { vendorId: 'com.example', messageId: 'x', data: 'hello' });
      assert.deepEqual(result, { status: 'UnknownVendorId' });
      const events = await server.api.request('GET', `/api/v1/stations/DT-${version}/events?kind=DataTransfer`);
      assert.equal(events.body.items[0].payload.vendorId, 'com.example');
      await station.close();
    });

    it('SecurityEventNotification is stored', async () => {
      const station = await RawStation.connect(server.baseUrl, `SE-${version}`, [version]);
      await station.call('BootNotification', bootPayload(version));
      const [type] = await station.call('SecurityEventNotification', { type: 'FirmwareUpdated', timestamp: new Date().toISOString() });
      assert.equal(type, 3);
      const events = await server.api.request('GET', `/api/v1/stations/SE-${version}/events`);
      assert.equal(events.body.items[0].kind, 'SecurityEventNotification');
      await station.close();
    });

    it('the connection history records connects and disconnects with reasons', async () => {
      const id = `CH-${version}`;
      const station = await RawStation.connect(server.baseUrl, id, [version]);
      await station.call('BootNotification', bootPayload(version));
      await station.close();
      await waitUntil(async () => (await server.api.request('GET', `/api/v1/stations/${id}/connections`)).body.items.length === 2);
      const history = await server.api.request('GET', `/api/v1/stations/${id}/connections`);
      assert.deepEqual(history.body.items.map((event: { kind: string }) => event.kind), ['disconnected', 'connected']);
      assert.equal(history.body.items[0].reason, 'closed-by-station');
      const stored = await server.api.request('GET', `/api/v1/stations/${id}`);
      assert.equal(stored.body.online, false);
    });
  });
}

describe('OCPP gateway: NotifyEvent (2.x)', () => {
  it('N07 NotifyEvent is stored as reported', async () => {
    const server = await startTestServer();
    try {
      const station = await RawStation.connect(server.baseUrl, 'NE-1', ['ocpp2.0.1']);
      await station.call('BootNotification', bootPayload('ocpp2.0.1'));
      const [type] = await station.call('NotifyEvent', {
        generatedAt: new Date().toISOString(), seqNo: 0,
        eventData: [{ eventId: 1, timestamp: new Date().toISOString(), trigger: 'Delta', actualValue: 'Faulted', eventNotificationType: 'HardWiredNotification', component: { name: 'Connector' }, variable: { name: 'AvailabilityState' } }],
      });
      assert.equal(type, 3);
      const events = await server.api.request('GET', '/api/v1/stations/NE-1/events?kind=NotifyEvent');
      assert.equal(events.body.items.length, 1);
      await station.close();
    } finally {
      await server.stop();
    }
  });
});
