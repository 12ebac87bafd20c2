import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer } from '../../testing/test-server.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('REST API: OCPP commands through POST /api/v1/stations/{id}/ocpp/{action}', () => {
  let server: Server;
  let station: RawStation;
  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 0.3 } });
    station = await RawStation.connect(server.baseUrl, 'CMD-1', ['ocpp2.0.1']);
    await station.call('BootNotification', bootPayload('ocpp2.0.1'));
  });
  after(() => server.stop());

  it('returns the station\'s answer', async () => {
    const pending = server.api.request('POST', '/api/v1/stations/CMD-1/ocpp/Reset', { type: 'OnIdle' });
    const [, id, , payload] = await station.nextCall('Reset');
    assert.deepEqual(payload, { type: 'OnIdle' });
    station.reply(id, { status: 'Scheduled' });
    const response = await pending;
    assert.equal(response.status, 200);
    const { commandId, ...rest } = response.body;
    assert.deepEqual(rest, { stationId: 'CMD-1', action: 'Reset', ocppVersion: 'ocpp2.0.1', response: { status: 'Scheduled' } });
    const logged = await server.api.request('GET', `/api/v1/commands/${commandId}`);
    assert.equal(logged.body.action, 'Reset');
    assert.equal(logged.body.outcome, 'result');
    assert.deepEqual(logged.body.response, { status: 'Scheduled' });
    assert.ok(logged.body.requestedBy, 'who asked is recorded');
    const listed = await server.api.request('GET', '/api/v1/stations/CMD-1/commands');
    assert.equal(listed.body.items[0].id, commandId);
  });

  it('validates the payload against the station\'s version (2.0.1 Reset has no "Hard")', async () => {
    const response = await server.api.request('POST', '/api/v1/stations/CMD-1/ocpp/Reset', { type: 'Hard' });
    assert.equal(response.status, 422);
    assert.equal(response.body.code, 'invalid_payload');
    assert.equal(response.body.details.ocppErrorCode, 'PropertyConstraintViolation');
  });

  it('refuses unknown actions and actions that stations send', async () => {
    const unknown = await server.api.request('POST', '/api/v1/stations/CMD-1/ocpp/MakeCoffee', {});
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'unsupported_action');
    const wrongWay = await server.api.request('POST', '/api/v1/stations/CMD-1/ocpp/BootNotification', bootPayload('ocpp2.0.1'));
    assert.equal(wrongWay.body.code, 'unsupported_action');
  });

  it('reports a CALLERROR as 502 with the OCPP error code', async () => {
    const pending = server.api.request('POST', '/api/v1/stations/CMD-1/ocpp/ClearCache', {});
    const [, id] = await station.nextCall('ClearCache');
    station.sendText(JSON.stringify([4, id, 'NotSupported', 'no cache here', {}]));
    const response = await pending;
    assert.equal(response.status, 502);
    assert.equal(response.body.code, 'station_call_error');
    assert.equal(response.body.ocppErrorCode, 'NotSupported');
    const logged = await server.api.request('GET', `/api/v1/commands/${response.body.commandId}`);
    assert.equal(logged.body.outcome, 'error');
  });

  it('reports a timeout as 504', async () => {
    const pending = server.api.request('POST', '/api/v1/stations/CMD-1/ocpp/ClearCache', {});
    await station.nextCall('ClearCache');
    const response = await pending;
    assert.equal(response.status, 504);
    assert.equal(response.body.code, 'station_timeout');
  });

  it('reports an offline station as 409, and an unknown one as 404', async () => {
    await server.api.request('POST', '/api/v1/stations', { id: 'NEVER-1' });
    const never = await server.api.request('POST', '/api/v1/stations/NEVER-1/ocpp/ClearCache', {});
    assert.equal(never.status, 409);
    assert.equal(never.body.code, 'station_offline');
    const other = await RawStation.connect(server.baseUrl, 'GONE-1', ['ocpp1.6']);
    await other.call('BootNotification', bootPayload('ocpp1.6'));
    await other.close();
    const gone = await server.api.request('POST', '/api/v1/stations/GONE-1/ocpp/ClearCache', {});
    assert.equal(gone.body.code, 'station_offline');
    const missing = await server.api.request('POST', '/api/v1/stations/MISSING/ocpp/ClearCache', {});
    assert.equal(missing.status, 404);
  });

  it('keeps tenants apart: another tenant does not see or command the station', async () => {
    const other = await server.api.request('GET', '/api/v1/stations/CMD-1', undefined, { 'x-tenant-id': 'another-tenant' });
    assert.equal(other.status, 404);
    const command = await server.api.request('POST', '/api/v1/stations/CMD-1/ocpp/ClearCache', {}, { 'x-tenant-id': 'another-tenant' });
    assert.equal(command.status, 404);
  });
});
