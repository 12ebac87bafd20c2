// Dashboard sign-in over real HTTP: cookie sessions, CSRF, logout, lockout, /auth/me, SSE by cookie.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserSession, RawStation, startTestServer } from '../../testing/test-server.js';

const ADMIN = { email: 'root@example.test', password: 'correct horse battery staple' };

describe('dashboard sign-in', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer({ adminEmail: ADMIN.email, adminPassword: ADMIN.password, auth: { maxFailedLoginsPerAccount: 3, maxFailedLoginsPerAddress: 1000 } });
  });
  after(async () => { await server.stop(); });

  it('creates the first platform admin from the configured email and password', async () => {
    assert.deepEqual(server.createdAdmin, { email: ADMIN.email, password: null });
    const browser = await BrowserSession.login(server.baseUrl, 'ROOT@example.test ', ADMIN.password);
    const me = await browser.request('GET', '/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.email, ADMIN.email);
    assert.equal(me.body.user.tenantId, null);
    assert.equal(me.body.role, 'platform-admin');
    assert.ok(me.body.permissions.includes('platform:manage'));
    assert.equal(me.body.csrfToken, browser.csrfToken);
    assert.equal(me.body.apiKey, null);
    assert.equal(me.body.tenant.id, 'default', 'a platform user acts for the default tenant unless X-Tenant-Id says otherwise');
  });

  it('sets an HttpOnly SameSite=Strict cookie and answers the contract shape', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN),
    });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^chargeops_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/, 'plain http here: Secure only over https');
    const body = await response.json() as { user: Record<string, unknown>; csrfToken: string };
    assert.deepEqual(Object.keys(body.user).sort(), ['createdAt', 'email', 'id', 'lastLoginAt', 'name', 'role', 'siteIds', 'tenantId', 'totpEnabled']);
    assert.equal(typeof body.csrfToken, 'string');
  });

  it('gives the same 401 invalid_credentials for an unknown email and a wrong password', async () => {
    const browser = new BrowserSession(server.baseUrl);
    const unknown = await browser.request('POST', '/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever-password' });
    const wrong = await browser.request('POST', '/api/v1/auth/login', { email: ADMIN.email, password: 'wrong password!!' });
    for (const answer of [unknown, wrong]) {
      assert.equal(answer.status, 401);
      assert.equal(answer.body.code, 'invalid_credentials');
    }
    assert.deepEqual({ ...unknown.body, detail: undefined }, { ...wrong.body, detail: undefined });
    assert.equal(browser.cookie, null);
  });

  it('refuses a mutating cookie request without the CSRF token, accepts it with the token', async () => {
    const browser = await BrowserSession.login(server.baseUrl, ADMIN.email, ADMIN.password);
    const noToken = await browser.request('POST', '/api/v1/stations', { id: 'CSRF-1' }, { 'x-csrf-token': '' });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.body.code, 'csrf_token_invalid');
    const wrongToken = await browser.request('POST', '/api/v1/stations', { id: 'CSRF-1' }, { 'x-csrf-token': 'x'.repeat(43) });
    assert.equal(wrongToken.body.code, 'csrf_token_invalid');
    assert.equal((await server.api.request('GET', '/api/v1/stations/CSRF-1')).status, 404, 'nothing was created');
    const withToken = await browser.request('POST', '/api/v1/stations', { id: 'CSRF-1' });
    assert.equal(withToken.status, 201);
    assert.equal((await browser.request('GET', '/api/v1/stations/CSRF-1')).status, 200, 'reads need no token');
  });

  it('logout revokes the session server-side and clears the cookie', async () => {
    const browser = await BrowserSession.login(server.baseUrl, ADMIN.email, ADMIN.password);
    const stolenCookie = browser.cookie!;
    const logout = await browser.request('POST', '/api/v1/auth/logout');
    assert.equal(logout.status, 204);
    assert.match(logout.headers.get('set-cookie') ?? '', /chargeops_session=;.*Max-Age=0/);
    const replay = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { cookie: stolenCookie } });
    assert.equal(replay.status, 401, 'the old cookie is dead even if a client kept it');
  });

  it('an unauthenticated request and a bad cookie get 401; a bad API key is not rescued by a good cookie', async () => {
    assert.equal((await fetch(`${server.baseUrl}/api/v1/stations`)).status, 401);
    assert.equal((await fetch(`${server.baseUrl}/api/v1/stations`, { headers: { cookie: 'chargeops_session=forged' } })).status, 401);
    const browser = await BrowserSession.login(server.baseUrl, ADMIN.email, ADMIN.password);
    const mixed = await browser.request('GET', '/api/v1/stations', undefined, { authorization: 'Bearer cok_forged' });
    assert.equal(mixed.status, 401);
  });

  it('/auth/me works with an API key too', async () => {
    const me = await server.api.request('GET', '/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user, null);
    assert.match(me.body.apiKey.id, /^key_/);
    assert.equal(me.body.csrfToken, null);
    assert.equal(me.body.role, 'platform-admin');
  });

  it('locks an account after repeated failures, with Retry-After, even for the right password', async () => {
    const email = 'locked@example.test';
    const created = await server.api.request('POST', '/api/v1/users', { email, name: 'Lock', role: 'viewer', password: 'the right password' });
    assert.equal(created.status, 201);
    const browser = new BrowserSession(server.baseUrl);
    for (let i = 0; i < 3; i++) {
      assert.equal((await browser.request('POST', '/api/v1/auth/login', { email, password: 'wrong password ' + i })).status, 401);
    }
    const locked = await browser.request('POST', '/api/v1/auth/login', { email, password: 'the right password' });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.code, 'too_many_attempts');
    const retryAfter = Number(locked.headers.get('retry-after'));
    assert.ok(retryAfter > 800 && retryAfter <= 900, `Retry-After ${retryAfter}`);
    // Other accounts are not locked by it.
    await BrowserSession.login(server.baseUrl, ADMIN.email, ADMIN.password);
  });

  it('streams events to a cookie-authenticated EventSource-like client', async () => {
    const browser = await BrowserSession.login(server.baseUrl, ADMIN.email, ADMIN.password);
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}/api/v1/events`, { headers: { cookie: browser.cookie!, accept: 'text/event-stream' }, signal: controller.signal });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = response.body!.getReader();
    const station = await RawStation.connect(server.baseUrl, 'SSE-COOKIE-1', ['ocpp1.6']);
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('SSE-COOKIE-1') && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    await station.close();
    assert.match(text, /event: station\.connected/);
    assert.match(text, /SSE-COOKIE-1/);
  });
});
