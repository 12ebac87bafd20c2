import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { bootPayload, statusPayload } from '../../testing/ocpp-fixtures.js';
import { ApiClient, RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { createTenantWithKey } from '../../testing/tenants.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const DEPOT = {
  name: 'Depot Amsterdam', street: 'Kade 1', postalCode: '1011 AA', city: 'Amsterdam', country: 'NL',
  latitude: 52.37, longitude: 4.89, timeZone: 'Europe/Amsterdam',
  openingHours: { regular: [{ weekday: 1, begin: '06:00', end: '22:00' }], exceptions: [{ date: '2026-12-25', periods: [] }] },
};

describe('sites', () => {
  let server: Server;
  let api: ApiClient;
  const events: DomainEvent[] = [];
  let depot = '';

  before(async () => {
    server = await startTestServer();
    api = server.api;
    server.events.subscribe((event) => { if (event.type.startsWith('site.')) events.push(event); });
  });
  after(async () => server.stop());

  it('creates, reads, lists and changes a site, publishing site.created / site.updated', async () => {
    const created = await api.request('POST', '/api/v1/sites', DEPOT);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    depot = created.body.id;
    assert.match(depot, /^site_[0-9a-f-]{36}$/);
    assert.equal(created.body.timeZone, 'Europe/Amsterdam');
    const patched = await api.request('PATCH', `/api/v1/sites/${depot}`, { name: 'Depot Amsterdam-Noord', region: null });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.name, 'Depot Amsterdam-Noord');
    assert.equal(patched.body.city, 'Amsterdam', 'a PATCH keeps what it does not name');
    const list = await api.request('GET', '/api/v1/sites?country=NL');
    assert.deepEqual(list.body.items.map((s: { id: string }) => s.id), [depot]);
    await waitUntil(() => events.length >= 2);
    assert.deepEqual(events.map((e) => [e.type, e.data['siteId']]), [['site.created', depot], ['site.updated', depot]]);
  });

  it('refuses bad input with invalid_site / validation_failed and changes nothing', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/sites', { ...DEPOT, country: 'XX' }],
      ['POST', '/api/v1/sites', { ...DEPOT, timeZone: 'Mars/Olympus' }],
      ['POST', '/api/v1/sites', { ...DEPOT, latitude: 52, longitude: null }],
      ['POST', '/api/v1/sites', { ...DEPOT, openingHours: { regular: [{ weekday: 1, begin: '10:00', end: '09:00' }] } }],
      ['PATCH', `/api/v1/sites/${depot}`, { region: 'BE-VAN' }],
      ['PATCH', `/api/v1/sites/${depot}`, { latitude: 100 }],
    ];
    for (const [method, path, body] of cases) {
      const response = await api.request(method, path, body);
      assert.ok([400, 422].includes(response.status), `${method} ${JSON.stringify(body)} -> ${response.status}`);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    }
    assert.equal((await api.request('GET', '/api/v1/sites')).body.items.length, 1);
    assert.equal((await api.request('GET', `/api/v1/sites/${depot}`)).body.latitude, 52.37);
  });

  it('places stations, filters the station list by site, counts connectors by status', async () => {
    for (const id of ['SITE-A', 'SITE-B', 'ELSEWHERE']) assert.equal((await api.request('POST', '/api/v1/stations', { id })).status, 201);
    assert.equal((await api.request('PUT', '/api/v1/stations/SITE-A/site', { siteId: depot })).status, 200);
    assert.equal((await api.request('PUT', '/api/v1/stations/SITE-B/site', { siteId: depot })).status, 200);
    assert.equal((await api.request('PUT', '/api/v1/stations/SITE-A/site', { siteId: 'nowhere' })).body.code, 'site_not_found');
    assert.deepEqual((await api.request('GET', '/api/v1/stations/SITE-A/site')).body, { stationId: 'SITE-A', siteId: depot });

    const station = await RawStation.connect(server.baseUrl, 'SITE-A', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    await station.call('StatusNotification', statusPayload('ocpp1.6', 1, 'Available'));
    await station.call('StatusNotification', statusPayload('ocpp1.6', 2, 'Charging'));
    await station.call('StatusNotification', statusPayload('ocpp1.6', 0, 'Available'));

    const page1 = await api.request('GET', `/api/v1/stations?siteId=${depot}&limit=1`);
    assert.deepEqual(page1.body.items.map((s: { id: string }) => s.id), ['SITE-A']);
    const page2 = await api.request('GET', `/api/v1/stations?siteId=${depot}&limit=1&cursor=${page1.body.nextCursor}`);
    assert.deepEqual([page2.body.items.map((s: { id: string }) => s.id), page2.body.nextCursor], [['SITE-B'], null]);

    const detail = (await api.request('GET', `/api/v1/sites/${depot}`)).body;
    assert.equal(detail.stationCount, 2);
    assert.deepEqual(detail.stations.map((s: { id: string }) => s.id), ['SITE-A', 'SITE-B']);
    assert.deepEqual(detail.connectorsByStatus, { Available: 1, Occupied: 1 });
    await station.close();
  });

  it('a site with stations cannot be deleted (409); an empty one can, publishing site.deleted', async () => {
    const refused = await api.request('DELETE', `/api/v1/sites/${depot}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'site_has_stations');
    assert.equal(refused.body.stationCount, 2);
    await api.request('PUT', '/api/v1/stations/SITE-A/site', { siteId: null });
    await api.request('PUT', '/api/v1/stations/SITE-B/site', { siteId: null });
    assert.equal((await api.request('DELETE', `/api/v1/sites/${depot}`)).status, 204);
    assert.equal((await api.request('GET', `/api/v1/sites/${depot}`)).status, 404);
    await waitUntil(() => events.some((e) => e.type === 'site.deleted'));
  });

  it('another tenant neither sees the site nor places its station there', async () => {
    const depot2 = (await api.request('POST', '/api/v1/sites', DEPOT)).body.id as string;
    const other = new ApiClient(server.baseUrl, (await createTenantWithKey(server.db, 'site-other')).apiKey);
    await other.request('POST', '/api/v1/stations', { id: 'OTHER-1' });
    assert.equal((await other.request('GET', `/api/v1/sites/${depot2}`)).status, 404);
    assert.equal((await other.request('PUT', '/api/v1/stations/OTHER-1/site', { siteId: depot2 })).body.code, 'site_not_found');
    assert.equal((await other.request('GET', `/api/v1/stations?siteId=${depot2}`)).status, 404);
    assert.equal((await other.request('GET', '/api/v1/sites')).body.items.length, 0);
  });
});
