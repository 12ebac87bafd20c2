// Site-scoped users (technicians, site hosts) see what belongs to their sites' stations, sessions,
// reservations, commands and events included, and nothing tenant-wide (issue 4 item 2, ADR 036).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { sites, stations } from '../../infra/db/schema.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { BrowserSession, RawStation, startTestServer } from '../../testing/test-server.js';

const PASSWORD = 'a long enough password';

describe('site scope: a technician reaches what belongs to the stations of their sites', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let technician: BrowserSession;
  const links: RawStation[] = [];
  const sessionOf: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    await server.db.insert(sites).values({ id: 'scope-site', tenantId: 'default', name: 'Scoped', country: 'NL' });
    for (const id of ['SCOPE-IN', 'SCOPE-OUT']) {
      const station = await RawStation.connect(server.baseUrl, id, ['ocpp1.6']);
      links.push(station);
      await station.call('BootNotification', bootPayload('ocpp1.6'));
      await station.call('StartTransaction', { connectorId: 1, idTag: 'SCOPE-TAG', meterStart: 0, timestamp: new Date().toISOString() });
    }
    await server.db.update(stations).set({ siteId: 'scope-site' }).where(eq(stations.id, 'SCOPE-IN'));
    const sessions = (await server.api.request('GET', '/api/v1/sessions?limit=500')).body.items as Array<{ id: string; stationId: string }>;
    for (const session of sessions) sessionOf[session.stationId] = session.id;
    assert.ok(sessionOf['SCOPE-IN'] && sessionOf['SCOPE-OUT'], 'a session on each station');
    assert.equal((await server.api.request('POST', '/api/v1/users', { email: 'tech@example.test', name: 'Tech', role: 'technician', siteIds: ['scope-site'], password: PASSWORD })).status, 201);
    technician = await BrowserSession.login(server.baseUrl, 'tech@example.test', PASSWORD);
  });
  after(async () => {
    for (const link of links) await link.close();
    await server.stop();
  });

  it('lists the sessions of their stations only, and a session elsewhere is a 404', async () => {
    const list = await technician.request('GET', '/api/v1/sessions?limit=500');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((session: { stationId: string }) => session.stationId), ['SCOPE-IN']);
    assert.equal((await technician.request('GET', `/api/v1/sessions/${sessionOf['SCOPE-IN']}`)).status, 200);
    const outside = await technician.request('GET', `/api/v1/sessions/${sessionOf['SCOPE-OUT']}`);
    assert.deepEqual([outside.status, outside.body.code], [404, 'session_not_found']);
    const stopOutside = await technician.request('POST', `/api/v1/sessions/${sessionOf['SCOPE-OUT']}/stop`, {});
    assert.deepEqual([stopOutside.status, stopOutside.body.code], [404, 'session_not_found'], 'a change to a session elsewhere is refused as absent');
  });

  it('reservations: refused for the technician role\'s lack of permission, not for the site scope', async () => {
    const list = await technician.request('GET', '/api/v1/reservations');
    assert.deepEqual([list.status, list.body.requiredPermission], [403, 'reservations:read']);
  });

  it('streams the events of their stations only (SSE without ?stationId=)', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}/api/v1/events?lastEventId=0`, { headers: { cookie: technician.cookie! }, signal: controller.signal });
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('"stationId":"SCOPE-IN"')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    assert.ok(!text.includes('SCOPE-OUT'), 'no event of a station outside their sites');
  });

  it('keeps tenant-wide resources refused (users, API keys, webhooks, audit)', async () => {
    for (const path of ['/api/v1/users', '/api/v1/api-keys', '/api/v1/webhooks', '/api/v1/audit', '/api/v1/sessions/export']) {
      assert.equal((await technician.request('GET', path)).status, 403, path);
    }
  });
});
