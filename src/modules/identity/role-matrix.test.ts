// The role x permission matrix over real HTTP: every /api/v1 route is walked as a user of every
// role; a route is refused for lack of permission exactly when the role lacks the permission the
// route requires. Plus: no route is left without a permission, and site scoping.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { sites, stations } from '../../infra/db/schema.js';
import { BrowserSession, startTestServer } from '../../testing/test-server.js';
import { ROLE_PERMISSIONS, ROLES, type Role } from './permissions.js';
import { requiredAccess } from './route-permissions.js';

const PASSWORD = 'a long enough password';

/** The event stream never ends: only its status (and problem body when refused) is read. */
async function openStream(browser: BrowserSession, path: string): Promise<{ status: number; body: any }> {
  const controller = new AbortController();
  const response = await fetch(browser.baseUrl + path, { headers: { cookie: browser.cookie! }, signal: controller.signal });
  const body = response.status === 200 ? null : await response.json();
  controller.abort();
  return { status: response.status, body };
}

describe('route permissions', () => {
  it('derives permissions from the method and the resource path', () => {
    assert.equal(requiredAccess('GET', '/api/v1/stations', undefined), 'stations:read');
    assert.equal(requiredAccess('PATCH', '/api/v1/stations/:id', undefined), 'stations:write');
    assert.equal(requiredAccess('POST', '/api/v1/stations/:id/ocpp/:action', undefined), 'commands:send');
    assert.equal(requiredAccess('POST', '/api/v1/stations/:id/reset', undefined), 'commands:send');
    assert.equal(requiredAccess('POST', '/api/v1/sessions/:id/stop', undefined), 'commands:send');
    assert.equal(requiredAccess('GET', '/api/v1/sessions/:id', undefined), 'sessions:read');
    assert.equal(requiredAccess('POST', '/api/v1/users/invitations', undefined), 'users:manage');
    assert.equal(requiredAccess('GET', '/api/v1/webhooks', undefined), 'webhooks:read');
    assert.equal(requiredAccess('DELETE', '/api/v1/webhooks/:id', undefined), 'webhooks:manage');
    assert.equal(requiredAccess('GET', '/api/v1/audit', undefined), 'audit:read');
    assert.equal(requiredAccess('GET', '/api/v1/something-new', undefined), null, 'an unknown resource resolves to nothing (refused)');
    assert.equal(requiredAccess('GET', '/api/v1/stations', 'audit:read'), 'audit:read', 'a declared permission wins');
    assert.equal(requiredAccess('GET', '/api/v1/stations', 'stations:fly'), null, 'a misspelt declaration resolves to nothing');
  });
});

describe('role x permission matrix over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const browsers = new Map<Role, BrowserSession>();

  before(async () => {
    server = await startTestServer({ adminEmail: 'root@example.test', adminPassword: PASSWORD });
    await server.db.insert(sites).values({ id: 'site-a', tenantId: 'default', name: 'Depot A', country: 'NL' });
    for (const role of ROLES) {
      const email = `${role}@example.test`;
      if (role === 'platform-admin') {
        browsers.set(role, await BrowserSession.login(server.baseUrl, 'root@example.test', PASSWORD));
        continue;
      }
      const siteIds = role === 'technician' || role === 'site-host' ? ['site-a'] : undefined;
      const created = await server.api.request('POST', '/api/v1/users', { email, name: role, role, password: PASSWORD, ...(siteIds ? { siteIds } : {}) });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      browsers.set(role, await BrowserSession.login(server.baseUrl, email, PASSWORD));
    }
  });
  after(async () => { await server.stop(); });

  it('every /api/v1 route requires a known permission or is explicitly public/authenticated', () => {
    assert.ok(server.apiRoutes.length > 40, `only ${server.apiRoutes.length} routes seen`);
    const open = server.apiRoutes.filter((route) => route.access === null).map((route) => `${route.method} ${route.url}`);
    assert.deepEqual(open, [], 'routes without a permission (declare config.permission or add the resource to route-permissions.ts)');
    const publicRoutes = server.apiRoutes.filter((route) => route.access === 'public').map((route) => `${route.method} ${route.url}`);
    for (const route of publicRoutes) {
      assert.ok(route.includes('/auth/') || route.endsWith('/branding'), `${route} is public: is that intended?`);
    }
  });

  it('/auth/me lists exactly the role\'s permissions', async () => {
    for (const role of ROLES) {
      const me = await browsers.get(role)!.request('GET', '/api/v1/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.role, role);
      assert.deepEqual(me.body.permissions, [...ROLE_PERMISSIONS[role]].sort(), role);
    }
  });

  it('refuses a route for lack of permission exactly when the role lacks it', async () => {
    const guarded = server.apiRoutes.filter((route) => route.access !== null && route.access !== 'public' && route.access !== 'authenticated');
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const browser = browsers.get(role)!;
      for (const route of guarded) {
        // Dummy ids: a permitted call fails later (404/400/422), which is what tells it apart.
        const path = route.url.replace(/:[A-Za-z]+/g, 'matrix-probe');
        const answer = route.url === '/api/v1/events' ? await openStream(browser, path) : await browser.request(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        const refusedForPermission = answer.status === 403 && answer.body?.requiredPermission === route.access;
        const held = ROLE_PERMISSIONS[role].includes(route.access as never);
        if (refusedForPermission === held || answer.status === 401 || answer.status >= 500) {
          mismatches.push(`${role} ${route.method} ${route.url} needs ${route.access}: ${answer.status} ${answer.body?.code ?? ''}`);
        }
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('an API key scoped to a permission list can do only that', async () => {
    const created = await server.api.request('POST', '/api/v1/api-keys', { name: 'reader', role: 'operator', permissions: ['stations:read'] });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^cok_/);
    assert.deepEqual(created.body.apiKey.permissions, ['stations:read']);
    const key = { authorization: `Bearer ${created.body.secret}` };
    assert.equal((await fetch(`${server.baseUrl}/api/v1/stations`, { headers: key })).status, 200);
    const write = await fetch(`${server.baseUrl}/api/v1/stations`, { method: 'POST', headers: { ...key, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'KEY-1' }) });
    assert.equal(write.status, 403);
    // Listed without its secret, then revoked: refused at once.
    const listed = await server.api.request('GET', '/api/v1/api-keys');
    const entry = listed.body.items.find((item: { id: string }) => item.id === created.body.apiKey.id);
    assert.ok(entry);
    assert.equal(JSON.stringify(listed.body).includes(created.body.secret), false);
    assert.equal((await server.api.request('DELETE', `/api/v1/api-keys/${entry.id}`)).status, 204);
    assert.equal((await fetch(`${server.baseUrl}/api/v1/stations`, { headers: key })).status, 401);
    assert.equal((await server.api.request('DELETE', `/api/v1/api-keys/${entry.id}`)).status, 404);
  });

  it('nobody grants more than they hold: an operator key cannot mint an admin key, a tenant admin cannot make a platform admin', async () => {
    const tenantAdmin = browsers.get('tenant-admin')!;
    const adminKey = await tenantAdmin.request('POST', '/api/v1/api-keys', { name: 'x', role: 'tenant-admin' });
    assert.equal(adminKey.status, 201, 'a tenant admin may create a tenant-admin key');
    const operatorKey = await tenantAdmin.request('POST', '/api/v1/api-keys', { name: 'ops', role: 'operator' });
    const escalate = await fetch(`${server.baseUrl}/api/v1/api-keys`, {
      method: 'POST', headers: { authorization: `Bearer ${operatorKey.body.secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'y', role: 'tenant-admin' }),
    });
    assert.equal(escalate.status, 403, 'operators do not manage keys at all');
    const platform = await tenantAdmin.request('POST', '/api/v1/users', { email: 'evil@example.test', name: 'e', role: 'platform-admin', password: PASSWORD });
    assert.equal(platform.status, 422);
    const platformUsers = await tenantAdmin.request('GET', '/api/v1/users?platform=true');
    assert.equal(platformUsers.status, 403);
    const platformKey = await tenantAdmin.request('POST', '/api/v1/api-keys?platform=true', { name: 'p', role: 'viewer' });
    assert.equal(platformKey.status, 403);
  });

  it('a technician sees and commands only the stations of their sites', async () => {
    for (const id of ['TECH-IN', 'TECH-OUT']) assert.equal((await server.api.request('POST', '/api/v1/stations', { id })).status, 201);
    await server.db.update(stations).set({ siteId: 'site-a' }).where(eq(stations.id, 'TECH-IN'));
    const technician = browsers.get('technician')!;
    const list = await technician.request('GET', '/api/v1/stations?limit=500');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((station: { id: string }) => station.id), ['TECH-IN']);
    assert.equal((await technician.request('GET', '/api/v1/stations/TECH-IN')).status, 200);
    const outside = await technician.request('GET', '/api/v1/stations/TECH-OUT');
    assert.equal(outside.status, 404, 'a station outside the scope looks like no station');
    const resetOutside = await technician.request('POST', '/api/v1/stations/TECH-OUT/reset', { type: 'Soft' });
    assert.equal(resetOutside.status, 404);
    const resetInside = await technician.request('POST', '/api/v1/stations/TECH-IN/reset', { type: 'Soft' });
    assert.notEqual(resetInside.status, 403);
    assert.notEqual(resetInside.status, 404, JSON.stringify(resetInside.body));
    assert.equal((await technician.request('GET', '/api/v1/sessions')).status, 200, 'station-owned lists are filtered to their sites (site-scope.test.ts)');
    assert.equal((await technician.request('GET', '/api/v1/users')).status, 403, 'tenant-wide resources stay closed to site-scoped users');
    assert.equal((await openStream(technician, '/api/v1/events')).status, 200, 'the event stream carries their stations\' events');
    const siteHost = browsers.get('site-host')!;
    assert.deepEqual((await siteHost.request('GET', '/api/v1/stations')).body.items.map((s: { id: string }) => s.id), ['TECH-IN']);
  });

  it('platform users act for the tenant named in X-Tenant-Id, tenant users cannot leave theirs', async () => {
    const admin = browsers.get('platform-admin')!;
    const me = await admin.request('GET', '/api/v1/auth/me', undefined, { 'x-tenant-id': 'default' });
    assert.equal(me.body.tenant.id, 'default');
    const viewer = browsers.get('viewer')!;
    const other = await viewer.request('GET', '/api/v1/auth/me', undefined, { 'x-tenant-id': 'someone-else' });
    assert.notEqual(other.body?.tenant?.id, 'someone-else');
  });
});
