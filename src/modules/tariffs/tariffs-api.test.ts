// The tariffs API over HTTP against a running server (PGlite): CRUD with validation, assignment
// precedence as a driver sees it at an EVSE, dynamic price schedules, and the priced preview.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sites, stations } from '../../infra/db/schema.js';
import { startTestServer } from '../../testing/test-server.js';
import { loadOcpiExample } from './pricing/ocpi-examples.js';
import { timelineOf } from './pricing/pricing-test-kit.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('tariffs API', () => {
  let server: Server;
  const tenant = 'default';
  before(async () => {
    server = await startTestServer();
    await server.db.insert(sites).values({ id: 'SITE-AMS', tenantId: tenant, name: 'Amsterdam Zuid', country: 'NL', timeZone: 'Europe/Amsterdam' });
    await server.db.insert(stations).values([
      { id: 'TAR-1', tenantId: tenant, siteId: 'SITE-AMS', registrationStatus: 'Accepted', securityProfile: 0 },
      { id: 'TAR-2', tenantId: tenant, siteId: null, registrationStatus: 'Accepted', securityProfile: 0 },
    ]);
  });
  after(() => server.stop());

  const create = async (name: string, tariff: unknown, idleFee?: unknown) => {
    const response = await server.api.request('POST', '/api/v1/tariffs', { name, tariff, ...(idleFee ? { idleFee } : {}) });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body as { id: string; version: number };
  };

  it('rejects an invalid tariff with the path of every problem and stores nothing', async () => {
    const bad = { id: 'BAD', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }], restrictions: { start_time: '24:00', max_kwh: 'lots' } }] };
    const response = await server.api.request('POST', '/api/v1/tariffs', { name: 'bad', tariff: bad });
    assert.equal(response.status, 422);
    assert.equal(response.body.code, 'invalid_tariff');
    assert.deepEqual(response.body.errors.map((e: { path: string }) => e.path), ['elements[0].restrictions.start_time', 'elements[0].restrictions.max_kwh']);
    const list = await server.api.request('GET', '/api/v1/tariffs');
    assert.equal(list.body.items.filter((t: { ocpiId: string }) => t.ocpiId === 'BAD').length, 0);
  });

  it('creates, reads, replaces (bumping the version) and deletes a tariff', async () => {
    const created = await create('Complex', loadOcpiExample('tariff_4_complex.json'));
    assert.equal(created.version, 1);
    const replaced = await server.api.request('PUT', `/api/v1/tariffs/${created.id}`, { name: 'Complex v2', tariff: { ...loadOcpiExample('tariff_4_complex.json'), id: '14b' } });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.version, 2);
    assert.equal((await server.api.request('GET', `/api/v1/tariffs/${created.id}`)).body.ocpiId, '14b');
    assert.equal((await server.api.request('DELETE', `/api/v1/tariffs/${created.id}`)).status, 204);
    const gone = await server.api.request('GET', `/api/v1/tariffs/${created.id}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.code, 'tariff_not_found');
  });

  it('shows the driver the most specific tariff for their group, falling back to the public one', async () => {
    const tenantWide = await create('Tenant public', { ...loadOcpiExample('tariff_8_simple_025kwh.json'), id: 'PUB-T' });
    const siteWide = await create('Site public', { ...loadOcpiExample('tariff_9_025kwh_start.json'), id: 'PUB-S' });
    const evseOnly = await create('EVSE 2 public', { ...loadOcpiExample('tariff_1_simple_2hour.json'), id: 'PUB-E' });
    const fleet = await create('Fleet ACME', { ...loadOcpiExample('tariff_12_025kwh_min_price.json'), id: 'FLEET-ACME' });
    const assign = async (tariffId: string, body: Record<string, unknown>) => {
      const response = await server.api.request('POST', `/api/v1/tariffs/${tariffId}/assignments`, body);
      assert.equal(response.status, 201, JSON.stringify(response.body));
    };
    await assign(tenantWide.id, { scope: 'tenant', customerGroup: 'public' });
    await assign(siteWide.id, { scope: 'site', siteId: 'SITE-AMS', customerGroup: 'public' });
    await assign(evseOnly.id, { scope: 'evse', stationId: 'TAR-1', evseId: 2, customerGroup: 'public' });
    await assign(fleet.id, { scope: 'tenant', customerGroup: 'fleet', groupRef: 'ACME' });

    const shown = async (station: string, evse: number, query = '') => (await server.api.request('GET', `/api/v1/stations/${station}/evses/${evse}/tariff${query}`)).body;
    assert.equal((await shown('TAR-1', 1)).tariff.ocpiId, 'PUB-S');
    assert.equal((await shown('TAR-1', 2)).tariff.ocpiId, 'PUB-E');
    assert.equal((await shown('TAR-2', 1)).tariff.ocpiId, 'PUB-T');
    const acme = await shown('TAR-1', 2, '?group=fleet&groupRef=ACME');
    assert.equal(acme.tariff.ocpiId, 'FLEET-ACME');
    assert.equal(acme.jurisdictionVat.rate, '21');
    assert.equal(acme.timeZone, 'Europe/Amsterdam');
    const other = await shown('TAR-1', 1, '?group=fleet&groupRef=OTHER');
    assert.equal(other.tariff.ocpiId, 'PUB-S');
    assert.match(other.reason, /no fleet tariff covers this EVSE/);

    const scopeMismatch = await server.api.request('POST', `/api/v1/tariffs/${fleet.id}/assignments`, { scope: 'site', customerGroup: 'fleet' });
    assert.equal(scopeMismatch.status, 422);
    const unknownSite = await server.api.request('POST', `/api/v1/tariffs/${fleet.id}/assignments`, { scope: 'site', siteId: 'NOPE', customerGroup: 'fleet' });
    assert.equal(unknownSite.status, 422);
  });

  it('previews a session with every line explained, VAT from the jurisdiction when the tariff has none', async () => {
    const tariff = { id: 'NO-VAT', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: '0.35', step_size: 1 }] }] };
    const { id } = await create('No VAT given', tariff, { pricePerHour: '6', stepSeconds: 900, startTime: '08:00', endTime: '20:00' });
    const timeline = timelineOf('2026-11-16T10:00:00+01:00', [['charging', 60, { kWh: 10 }], ['parking', 20]], 'Europe/Amsterdam');
    const response = await server.api.request('POST', `/api/v1/tariffs/${id}/preview`, { ...timeline, country: 'NL' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    // 10 kWh × 0.35 = 3.50; idle 20 min -> 30 min × 6/h = 3.00; VAT 21 %: 6.50 / 7.865 -> 7.87
    assert.deepEqual(response.body.totalCost, { excl_vat: '6.50', incl_vat: '7.87' });
    assert.deepEqual(response.body.lines.map((l: { dimension: string; vatSource: string }) => `${l.dimension}:${l.vatSource}`), ['ENERGY:jurisdiction', 'PARKING_TIME:jurisdiction']);
    const bad = await server.api.request('POST', `/api/v1/tariffs/${id}/preview`, { ...timeline, timeZone: 'Nowhere/City' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'invalid_pricing_input');
  });

  it('prices a session with day-ahead prices pushed through the API, exact across the hour', async () => {
    const { id } = await create('Dynamic', { id: 'DYN', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: '0.40', vat: 21, step_size: 1 }] }] });
    const pushed = await server.api.request('PUT', `/api/v1/tariffs/${id}/schedule`, {
      entries: [
        { dimension: 'ENERGY', startsAt: '2026-11-16T10:00:00Z', endsAt: '2026-11-16T11:00:00Z', price: '0.21' },
        { dimension: 'ENERGY', startsAt: '2026-11-16T11:00:00Z', endsAt: '2026-11-16T12:00:00Z', price: '0.33' },
      ],
    });
    assert.deepEqual(pushed.body, { stored: 2 });
    // 10:30Z-12:30Z, 8 kWh evenly: 2 kWh at 0.21, 4 at 0.33, 2 at the tariff's own 0.40
    const timeline = timelineOf('2026-11-16T10:30:00Z', [['charging', 120, { kWh: 8 }]], 'Europe/Amsterdam');
    const response = await server.api.request('POST', `/api/v1/tariffs/${id}/preview`, timeline);
    assert.deepEqual(response.body.lines.map((l: { billedVolume: string; unitPrice: string }) => `${l.billedVolume}@${l.unitPrice}`), ['2@0.21', '4@0.33', '2@0.4']);
    assert.equal(response.body.totalCost.excl_vat, '2.54');
  });
  it('lists tariffs by name a page at a time; a forged cursor is a 400', async () => {
    for (const name of ['Page C', 'Page A', 'Page B']) await create(name, { id: `PG-${name.slice(-1)}`, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }] }] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ name: string }>; nextCursor: string | null } } = await server.api.request('GET', `/api/v1/tariffs?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((t) => t.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    const pages = seen.filter((n) => n.startsWith('Page '));
    assert.deepEqual(pages, ['Page A', 'Page B', 'Page C']);
    assert.deepEqual([...seen].sort(), seen, 'ordered by name across pages');
    const forged = await server.api.request('GET', '/api/v1/tariffs?cursor=bm90LWpzb24');
    assert.deepEqual([forged.status, forged.body.code], [400, 'invalid_cursor']);
  });
});
