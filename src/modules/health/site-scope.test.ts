// Site scope for network health (issue 6, ADR 036's mechanism): a technician sees and works the
// incidents and work orders of their sites' stations only; elsewhere they look absent (404).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { sites, stations } from '../../infra/db/schema.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { BrowserSession, RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';

const PASSWORD = 'a long enough password';

describe('site scope: incidents and work orders of a technician\'s sites only', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let technician: BrowserSession;
  const links: RawStation[] = [];
  const incidentOf: Record<string, string> = {};
  const orderOf: Record<string, string> = {};

  before(async () => {
    server = await startTestServer({ ocpp: { heartbeatIntervalSeconds: 86_400 } });
    await server.db.insert(sites).values({ id: 'health-scope', tenantId: 'default', name: 'Scoped', country: 'NL' });
    for (const id of ['HSCOPE-IN', 'HSCOPE-OUT']) {
      const station = await RawStation.connect(server.baseUrl, id, ['ocpp1.6']);
      links.push(station);
      await station.call('BootNotification', bootPayload('ocpp1.6'));
      await station.call('StatusNotification', { connectorId: 1, status: 'Faulted', errorCode: 'OtherError', timestamp: new Date().toISOString() });
    }
    await server.db.update(stations).set({ siteId: 'health-scope' }).where(eq(stations.id, 'HSCOPE-IN'));
    await waitUntil(async () => (await server.api.request('GET', '/api/v1/incidents?limit=500')).body.items.length >= 2, 20_000);
    for (const incident of (await server.api.request('GET', '/api/v1/incidents?limit=500')).body.items as Array<{ id: string; stationId: string }>) {
      incidentOf[incident.stationId] = incident.id;
      const order = await server.api.request('POST', '/api/v1/work-orders', { stationId: incident.stationId, incidentId: incident.id, title: `Check ${incident.stationId}` });
      assert.equal(order.status, 201, JSON.stringify(order.body));
      orderOf[incident.stationId] = order.body.id;
    }
    assert.equal((await server.api.request('POST', '/api/v1/users', { email: 'health-tech@example.test', name: 'Tech', role: 'technician', siteIds: ['health-scope'], password: PASSWORD })).status, 201);
    technician = await BrowserSession.login(server.baseUrl, 'health-tech@example.test', PASSWORD);
  });
  after(async () => {
    for (const link of links) await link.close();
    await server.stop();
  });

  it('lists the incidents of their stations only; one elsewhere is a 404, and so is moving it', async () => {
    const list = await technician.request('GET', '/api/v1/incidents?limit=500');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.deepEqual(list.body.items.map((i: { stationId: string }) => i.stationId), ['HSCOPE-IN']);
    assert.equal((await technician.request('GET', `/api/v1/incidents/${incidentOf['HSCOPE-IN']}`)).status, 200);
    const outside = await technician.request('GET', `/api/v1/incidents/${incidentOf['HSCOPE-OUT']}`);
    assert.deepEqual([outside.status, outside.body.code], [404, 'incident_not_found']);
    const moveOutside = await technician.request('POST', `/api/v1/incidents/${incidentOf['HSCOPE-OUT']}/transitions`, { to: 'acknowledged' });
    assert.deepEqual([moveOutside.status, moveOutside.body.code], [404, 'incident_not_found']);
    const moveInside = await technician.request('POST', `/api/v1/incidents/${incidentOf['HSCOPE-IN']}/transitions`, { to: 'resolved', note: 'fixed on site' });
    assert.equal(moveInside.status, 200, JSON.stringify(moveInside.body));
  });

  it('lists the work orders of their stations only; one elsewhere is a 404 to read, change or check in to', async () => {
    const list = await technician.request('GET', '/api/v1/work-orders?limit=100');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.deepEqual(list.body.items.map((w: { stationId: string }) => w.stationId), ['HSCOPE-IN']);
    assert.equal((await technician.request('GET', `/api/v1/work-orders/${orderOf['HSCOPE-IN']}`)).status, 200);
    for (const [method, suffix, body] of [['GET', '', undefined], ['PATCH', '', { note: 'x' }], ['POST', '/on-site', { action: 'start' }]] as const) {
      const outside = await technician.request(method, `/api/v1/work-orders/${orderOf['HSCOPE-OUT']}${suffix}`, body);
      assert.deepEqual([outside.status, outside.body.code], [404, 'work_order_not_found'], `${method} ${suffix}`);
    }
    assert.equal((await technician.request('PATCH', `/api/v1/work-orders/${orderOf['HSCOPE-IN']}`, { note: 'on my way' })).status, 200);
  });

  it('playbooks and health rules stay tenant-wide: refused', async () => {
    for (const path of ['/api/v1/playbooks', '/api/v1/health/rules', '/api/v1/knowledge-base/unknown-codes']) {
      assert.equal((await technician.request('GET', path)).status, 403, path);
    }
  });
});
