// Users API over HTTP: tenant isolation, validation, role changes ending sessions, own password.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sites, tenants } from '../../infra/db/schema.js';
import { BrowserSession, startTestServer } from '../../testing/test-server.js';

const PASSWORD = 'a long enough password';

describe('users API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let adminA: BrowserSession;
  let adminB: BrowserSession;

  before(async () => {
    server = await startTestServer({ adminEmail: 'root@example.test', adminPassword: PASSWORD });
    await server.db.insert(tenants).values({ id: 'tenant-b', name: 'Tenant B' }).onConflictDoNothing();
    await server.db.insert(sites).values({ id: 'site-b', tenantId: 'tenant-b', name: 'B depot', country: 'DE' });
    const a = await server.api.request('POST', '/api/v1/users', { email: 'admin-a@example.test', name: 'A', role: 'tenant-admin', password: PASSWORD });
    const b = await server.api.request('POST', '/api/v1/users', { email: 'admin-b@example.test', name: 'B', role: 'tenant-admin', password: PASSWORD }, { 'x-tenant-id': 'tenant-b' });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.body.tenantId, 'tenant-b', 'a platform key creates users in the tenant named by X-Tenant-Id');
    adminA = await BrowserSession.login(server.baseUrl, 'admin-a@example.test', PASSWORD);
    adminB = await BrowserSession.login(server.baseUrl, 'admin-b@example.test', PASSWORD);
  });
  after(async () => { await server.stop(); });

  it('a tenant admin sees and manages only their tenant\'s users', async () => {
    const listA = await adminA.request('GET', '/api/v1/users');
    assert.deepEqual(listA.body.items.map((u: { email: string }) => u.email), ['admin-a@example.test']);
    const bId = (await adminB.request('GET', '/api/v1/auth/me')).body.user.id;
    assert.equal((await adminA.request('GET', `/api/v1/users/${bId}`)).status, 404);
    assert.equal((await adminA.request('PATCH', `/api/v1/users/${bId}`, { name: 'hijacked' })).status, 404);
    assert.equal((await adminA.request('DELETE', `/api/v1/users/${bId}`)).status, 404);
    assert.equal((await adminA.request('GET', `/api/v1/users/${bId}`, undefined, { 'x-tenant-id': 'tenant-b' })).status !== 200, true, 'X-Tenant-Id does not move a tenant user');
    assert.equal((await adminB.request('GET', `/api/v1/users/${bId}`)).body.name, 'B');
  });

  it('validates: duplicate email, unknown or foreign site, technician without sites', async () => {
    const duplicate = await adminA.request('POST', '/api/v1/users', { email: 'ADMIN-B@example.test', name: 'x', role: 'viewer', password: PASSWORD });
    assert.equal(duplicate.status, 409, 'emails are unique per deployment, across tenants');
    assert.equal(duplicate.body.code, 'user_exists');
    const foreignSite = await adminA.request('POST', '/api/v1/users', { email: 't1@example.test', name: 't', role: 'technician', siteIds: ['site-b'], password: PASSWORD });
    assert.equal(foreignSite.status, 422, 'another tenant\'s site cannot be in the scope');
    const noSites = await adminA.request('POST', '/api/v1/users', { email: 't2@example.test', name: 't', role: 'technician', password: PASSWORD });
    assert.equal(noSites.status, 422);
    const okB = await adminB.request('POST', '/api/v1/users', { email: 't3@example.test', name: 't', role: 'technician', siteIds: ['site-b'], password: PASSWORD });
    assert.equal(okB.status, 201);
    assert.deepEqual(okB.body.siteIds, ['site-b']);
    assert.equal((await adminA.request('GET', '/api/v1/users')).body.items.some((u: { email: string }) => u.email.startsWith('t')), false, 'nothing half-created');
  });

  it('changing a role ends the user\'s sessions; deleting a user ends them too', async () => {
    const created = await adminA.request('POST', '/api/v1/users', { email: 'ops@example.test', name: 'Ops', role: 'operator', password: PASSWORD });
    const ops = await BrowserSession.login(server.baseUrl, 'ops@example.test', PASSWORD);
    const changed = await adminA.request('PATCH', `/api/v1/users/${created.body.id}`, { role: 'viewer' });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.role, 'viewer');
    assert.equal((await ops.request('GET', '/api/v1/auth/me')).status, 401);
    const again = await BrowserSession.login(server.baseUrl, 'ops@example.test', PASSWORD);
    assert.equal((await again.request('GET', '/api/v1/auth/me')).body.role, 'viewer');
    assert.equal((await again.request('POST', '/api/v1/stations', { id: 'VIEWER-1' })).status, 403);
    assert.equal((await adminA.request('DELETE', `/api/v1/users/${created.body.id}`)).status, 204);
    assert.equal((await again.request('GET', '/api/v1/auth/me')).status, 401);
    const self = (await adminA.request('GET', '/api/v1/auth/me')).body.user.id;
    assert.equal((await adminA.request('DELETE', `/api/v1/users/${self}`)).status, 422, 'no deleting yourself');
  });

  it('changes one\'s own password with the current one', async () => {
    await server.api.request('POST', '/api/v1/users', { email: 'self@example.test', name: 'S', role: 'viewer', password: PASSWORD });
    const browser = await BrowserSession.login(server.baseUrl, 'self@example.test', PASSWORD);
    const other = await BrowserSession.login(server.baseUrl, 'self@example.test', PASSWORD);
    const wrong = await browser.request('POST', '/api/v1/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' });
    assert.equal(wrong.status, 422, 'not 401: the session is still valid');
    const ok = await browser.request('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new password' });
    assert.equal(ok.status, 200);
    assert.equal((await browser.request('GET', '/api/v1/auth/me')).status, 200, 'this browser is signed in again');
    assert.equal((await other.request('GET', '/api/v1/auth/me')).status, 401, 'other sessions end');
    await BrowserSession.login(server.baseUrl, 'self@example.test', 'a brand new password');
  });
});
