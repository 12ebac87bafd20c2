import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import { priorReadOf, UPDATING } from './prior-state.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Entry = { action: string; targetId: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null; details: Record<string, unknown> };

describe('audit log: state before and after every update and delete (issue 4 item 6, ADR 036)', () => {
  let server: Server;
  const entryFor = async (action: string, targetId: string): Promise<Entry> => {
    const query = `/api/v1/audit?action=${encodeURIComponent(action)}&targetId=${encodeURIComponent(targetId)}`;
    // Entries are written after the response is sent.
    await waitUntil(async () => (await server.api.request('GET', query)).body.items.length > 0);
    return (await server.api.request('GET', query)).body.items[0] as Entry;
  };

  before(async () => { server = await startTestServer(); });
  after(async () => server.stop());

  it('every PATCH, PUT and DELETE route of the API resolves to a read of its prior state', () => {
    const routes = server.registeredRoutes().filter((route) => route.url.startsWith('/api/v1/'));
    const gets = new Set(routes.filter((route) => route.method === 'GET').map((route) => route.url));
    const updating = routes.filter((route) => UPDATING.has(route.method));
    assert.ok(updating.length >= 20, `the walk sees the update routes (${updating.length})`);
    const missing = updating.filter((route) => priorReadOf(route.method, route.url, gets) === null).map((route) => `${route.method} ${route.url}`);
    assert.deepEqual(missing, [], 'declare their read in src/modules/audit/prior-state.ts');
  });

  it('station update: before holds the old display name, after the new one', async () => {
    assert.equal((await server.api.request('POST', '/api/v1/stations', { id: 'AUDB-1', displayName: 'Old name' })).status, 201);
    assert.equal((await server.api.request('PATCH', '/api/v1/stations/AUDB-1', { displayName: 'New name' })).status, 200);
    const entry = await entryFor('PATCH /api/v1/stations/:id', 'AUDB-1');
    assert.equal(entry.before?.['displayName'], 'Old name');
    assert.equal(entry.after?.['displayName'], 'New name');
    assert.deepEqual(entry.details['request'], { displayName: 'New name' });
    assert.equal(entry.details['beforeReadStatus'], 200);
  });

  it('token update: before and after of the token, by its id', async () => {
    const token = await server.api.request('POST', '/api/v1/tokens', { idToken: 'AUDB-TOKEN', type: 'ISO14443' });
    assert.equal(token.status, 201);
    assert.equal((await server.api.request('PATCH', `/api/v1/tokens/${token.body.id}`, { blocked: true })).status, 200);
    const entry = await entryFor('PATCH /api/v1/tokens/:id', String(token.body.id));
    assert.deepEqual([entry.before?.['status'], entry.after?.['status']], ['Accepted', 'Blocked']);
  });

  it('site delete: before is the site, after is null', async () => {
    const site = await server.api.request('POST', '/api/v1/sites', { name: 'Audited depot', country: 'NL' });
    assert.equal((await server.api.request('DELETE', `/api/v1/sites/${site.body.id}`)).status, 204);
    const entry = await entryFor('DELETE /api/v1/sites/:id', site.body.id);
    assert.equal(entry.before?.['name'], 'Audited depot');
    assert.equal(entry.after, null);
  });

  it('user role change: before and after show the role, never the password', async () => {
    const user = await server.api.request('POST', '/api/v1/users', { email: 'audb@example.com', name: 'Audited', role: 'viewer', password: 'a long enough password' });
    assert.equal(user.status, 201);
    assert.equal((await server.api.request('PATCH', `/api/v1/users/${user.body.id}`, { role: 'operator', password: 'another long password' })).status, 200);
    const entry = await entryFor('PATCH /api/v1/users/:id', user.body.id);
    assert.deepEqual([entry.before?.['role'], entry.after?.['role']], ['viewer', 'operator']);
    assert.equal((entry.details['request'] as Record<string, unknown>)['password'], '[redacted]');
    assert.ok(!JSON.stringify(entry).includes('another long password'));
  });

  it('webhook update: before and after, and the secret is never stored', async () => {
    const hook = await server.api.request('POST', '/api/v1/webhooks', { url: 'https://example.com/a', eventTypes: ['*'] });
    assert.equal((await server.api.request('PATCH', `/api/v1/webhooks/${hook.body.id}`, { url: 'https://example.com/b' })).status, 200);
    const entry = await entryFor('PATCH /api/v1/webhooks/:id', hook.body.id);
    assert.deepEqual([entry.before?.['url'], entry.after?.['url']], ['https://example.com/a', 'https://example.com/b']);
    assert.ok(!JSON.stringify(entry).includes(hook.body.secret));
  });

  it('tariff assignment delete: the assignment has no read of its own; it is found under its tariff', async () => {
    const tariff = await server.api.request('POST', '/api/v1/tariffs', { name: 'Audited tariff', tariff: { id: 'AUDB-T', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }] }] } });
    assert.equal(tariff.status, 201);
    await server.api.request('POST', '/api/v1/stations', { id: 'AUDB-2' });
    const assignment = await server.api.request('POST', `/api/v1/tariffs/${tariff.body.id}/assignments`, { scope: 'station', stationId: 'AUDB-2', customerGroup: 'public' });
    assert.equal(assignment.status, 201, JSON.stringify(assignment.body));
    assert.equal((await server.api.request('DELETE', `/api/v1/tariffs/assignments/${assignment.body.id}`)).status, 204);
    const entry = await entryFor('DELETE /api/v1/tariffs/assignments/:id', String(assignment.body.id));
    assert.deepEqual([entry.before?.['stationId'], entry.after], ['AUDB-2', null]);
  });

  it('a refused update records the unchanged state as after, and a missing resource as no before', async () => {
    assert.equal((await server.api.request('PATCH', '/api/v1/stations/AUDB-1', { displayName: 'x', unknownField: 1 })).status, 400);
    assert.equal((await server.api.request('PATCH', '/api/v1/stations/AUDB-NONE', { displayName: 'x' })).status, 404);
    const missing = await entryFor('PATCH /api/v1/stations/:id', 'AUDB-NONE');
    assert.deepEqual([missing.before, missing.after, missing.details['beforeReadStatus']], [null, null, 404]);
  });
});
