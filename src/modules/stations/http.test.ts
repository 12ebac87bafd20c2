import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawStation, startTestServer } from '../../testing/test-server.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('REST API: stations', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 0.3 } });
  });
  after(() => server.stop());

  it('requires an API key, answering problem+json', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/stations`);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(((await response.json()) as { code: string }).code, 'unauthorized');
    const wrong = await fetch(`${server.baseUrl}/api/v1/stations`, { headers: { authorization: 'Bearer cok_wrong' } });
    assert.equal(wrong.status, 401);
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    assert.equal((await fetch(`${server.baseUrl}/health`)).status, 200);
    const ready = await fetch(`${server.baseUrl}/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, { shutdown: 'no', database: 'ok' });
    const docs = await fetch(`${server.baseUrl}/api/docs/json`);
    const document = (await docs.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.paths['/api/v1/stations/{id}/ocpp/{action}']);
  });

  it('creates, reads, updates, lists and deletes stations', async () => {
    const created = await server.api.request('POST', '/api/v1/stations', { id: 'CRUD-1', displayName: 'Depot 1', password: 'sixteen-chars-pw!' });
    assert.equal(created.status, 201);
    assert.equal(created.body.hasPassword, true);
    assert.equal(created.body.securityProfile, 1);
    assert.equal(created.body.passwordHash, undefined, 'the hash never leaves the server');

    const duplicate = await server.api.request('POST', '/api/v1/stations', { id: 'CRUD-1' });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.code, 'station_exists');

    const patched = await server.api.request('PATCH', '/api/v1/stations/CRUD-1', { displayName: 'Depot One' });
    assert.equal(patched.body.displayName, 'Depot One');
    const cleared = await server.api.request('PATCH', '/api/v1/stations/CRUD-1', { displayName: null });
    assert.equal(cleared.body.displayName, null, 'null stays null (not coerced to "")');
    await server.api.request('PATCH', '/api/v1/stations/CRUD-1', { displayName: 'Depot One' });

    for (let i = 2; i <= 4; i += 1) await server.api.request('POST', '/api/v1/stations', { id: `CRUD-${i}` });
    const first = await server.api.request('GET', '/api/v1/stations?limit=2');
    assert.equal(first.body.items.length, 2);
    const second = await server.api.request('GET', `/api/v1/stations?limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((s: { id: string }) => s.id);
    assert.deepEqual(ids, ['CRUD-1', 'CRUD-2', 'CRUD-3', 'CRUD-4']);

    assert.equal((await server.api.request('DELETE', '/api/v1/stations/CRUD-2')).status, 204);
    assert.equal((await server.api.request('GET', '/api/v1/stations/CRUD-2')).status, 404);
  });

  it('rejects bad input with a clear problem and changes nothing', async () => {
    const badId = await server.api.request('POST', '/api/v1/stations', { id: 'has space' });
    assert.equal(badId.status, 400);
    assert.equal(badId.body.code, 'validation_failed');
    const shortPassword = await server.api.request('POST', '/api/v1/stations', { id: 'PW-1', password: 'short' });
    assert.equal(shortPassword.status, 400);
    assert.equal((await server.api.request('GET', '/api/v1/stations/PW-1')).status, 404);
    const unknownField = await server.api.request('PATCH', '/api/v1/stations/CRUD-1', { colour: 'red' });
    assert.equal(unknownField.status, 400);
  });

  it('declares EVSEs and connectors and merges them with live status', async () => {
    const created = await server.api.request('POST', '/api/v1/stations', {
      id: 'LAYOUT-1',
      evses: [{ evseId: 1, connectors: [{ connectorId: 1, type: 'cCCS2', maxPowerW: 150000, phases: 3 }] }],
    });
    assert.equal(created.status, 201);
    const station = await RawStation.connect(server.baseUrl, 'LAYOUT-1', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
    await station.call('StatusNotification', { connectorId: 2, errorCode: 'GroundFailure', status: 'Faulted' });
    const detail = await server.api.request('GET', '/api/v1/stations/LAYOUT-1');
    const [first, second] = detail.body.evses;
    assert.deepEqual(
      { type: first.connectors[0].type, maxPowerW: first.connectors[0].maxPowerW, declared: first.connectors[0].declared, occupancy: first.connectors[0].status.occupancy },
      { type: 'cCCS2', maxPowerW: 150000, declared: true, occupancy: 'Occupied' },
    );
    assert.equal(second.connectors[0].declared, false, 'reported but not declared');
    assert.equal(second.connectors[0].status.errorCode, 'GroundFailure');
    await station.close();

    const replaced = await server.api.request('PUT', '/api/v1/stations/LAYOUT-1/evses', [
      { evseId: 1, connectors: [{ connectorId: 1, type: 'cCCS2' }, { connectorId: 2, type: 'cCHAdeMO' }] },
    ]);
    assert.equal(replaced.status, 200);
    assert.deepEqual(replaced.body.evses[0].connectors.map((c: { type: string }) => c.type), ['cCCS2', 'cCHAdeMO']);
  });

  it('rejects a layout that declares a connector twice or numbers from 0, changing nothing', async () => {
    await server.api.request('POST', '/api/v1/stations', { id: 'LAYOUT-2', evses: [{ evseId: 1, connectors: [{ connectorId: 1 }] }] });
    const twice = await server.api.request('PUT', '/api/v1/stations/LAYOUT-2/evses', [
      { evseId: 1, connectors: [{ connectorId: 1 }, { connectorId: 1 }] },
    ]);
    assert.equal(twice.status, 422);
    assert.equal(twice.body.code, 'invalid_layout');
    const zero = await server.api.request('PUT', '/api/v1/stations/LAYOUT-2/evses', [{ evseId: 0, connectors: [{ connectorId: 1 }] }]);
    assert.equal(zero.status, 400);
    const detail = await server.api.request('GET', '/api/v1/stations/LAYOUT-2');
    assert.equal(detail.body.evses[0].connectors.length, 1);
  });

  it('answers a tampered pagination cursor with 400', async () => {
    const response = await server.api.request('GET', '/api/v1/stations?cursor=not-a-cursor!');
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'invalid_cursor');
  });

  it('refuses to create a station in a tenant that does not exist', async () => {
    const response = await server.api.request('POST', '/api/v1/stations', { id: 'NO-TENANT' }, { 'x-tenant-id': 'nowhere' });
    assert.equal(response.status, 404);
    assert.equal(response.body.code, 'tenant_not_found');
  });

  it('a station with a password set through the API must use it (security profile 1)', async () => {
    await server.api.request('POST', '/api/v1/stations', { id: 'PW-2', password: 'a-very-long-secret' });
    await assert.rejects(RawStation.connect(server.baseUrl, 'PW-2', ['ocpp1.6'], { password: 'not-the-secret-pw' }));
    const station = await RawStation.connect(server.baseUrl, 'PW-2', ['ocpp1.6'], { password: 'a-very-long-secret' });
    await station.close();
  });
});

