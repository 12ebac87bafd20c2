// Request validation: JSON bodies keep their types, text parts (query, path) are coerced.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer } from '../testing/test-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('request validation (src/api/validator.ts)', () => {
  let server: Server;
  before(async () => { server = await startTestServer(); });
  after(async () => { await server?.stop(); });

  it('keeps 0 in a nullable number of a body (a site at latitude 0 / longitude 0 keeps its coordinates)', async () => {
    const created = await server.api.request('POST', '/api/v1/sites', { name: 'Null Island', country: 'GH', city: 'Gulf of Guinea', timeZone: 'UTC', latitude: 0, longitude: 0 });
    assert.equal(created.status, 201);
    assert.deepEqual([created.body.latitude, created.body.longitude], [0, 0]);
    const read = await server.api.request('GET', `/api/v1/sites/${created.body.id}`);
    assert.deepEqual([read.body.latitude, read.body.longitude], [0, 0]);
  });

  it('keeps null as null in a body (coordinates "both or neither" still refused), and refuses a number sent as text', async () => {
    const half = await server.api.request('POST', '/api/v1/sites', { name: 'Half', country: 'NL', city: 'Utrecht', timeZone: 'Europe/Amsterdam', latitude: 52, longitude: null });
    assert.equal(half.status, 422);
    const text = await server.api.request('POST', '/api/v1/sites', { name: 'Text', country: 'NL', city: 'Utrecht', timeZone: 'Europe/Amsterdam', latitude: '52', longitude: '5' });
    assert.deepEqual([text.status, text.body.code], [400, 'validation_failed'], 'a JSON body is not coerced');
    const list = await server.api.request('GET', '/api/v1/sites?limit=100');
    assert.ok(!list.body.items.some((s: { name: string }) => s.name === 'Half' || s.name === 'Text'), 'nothing stored for a refused body');
  });

  it('coerces query parameters, which are text (?limit=1)', async () => {
    const page = await server.api.request('GET', '/api/v1/sites?limit=1');
    assert.equal(page.status, 200);
    assert.equal(page.body.items.length, 1);
  });
});
