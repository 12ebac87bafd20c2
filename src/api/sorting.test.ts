// `?sort=` on the list endpoints (ADR 037) over the whole API, on PGlite and (with
// CHARGEOPS_TEST_DATABASE_URL) PostgreSQL: each resource pages in the asked order without gaps or
// repeats, a cursor made under another sort is 400 invalid_cursor, an unknown field 422 invalid_sort,
// and the OpenAPI document declares the parameter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sessions } from '../infra/db/schema.js';
import { startTestServer } from '../testing/test-server.js';
import { serverDatabaseTargets } from '../testing/server-database-targets.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Item = Record<string, unknown>;

const targets = serverDatabaseTargets('chargeops_sort');

// Lower-case ASCII letters and digits only: every collation orders them like JavaScript does.
const NAMES = ['delta', 'alpha', 'echo', 'bravo', 'charlie', 'alpha'];

/** The resources with `?sort=`: how to create one with a name, and the field that holds it. */
const RESOURCES: Array<{ path: string; field: string; named: string; create(server: Server, name: string, i: number): Promise<unknown> }> = [
  { path: '/api/v1/stations', field: 'displayName', named: 'displayName', create: (s, name, i) => s.api.request('POST', '/api/v1/stations', { id: `SORT-${i}`, displayName: name }) },
  { path: '/api/v1/tokens', field: 'owner', named: 'owner', create: (s, name, i) => s.api.request('POST', '/api/v1/tokens', { idToken: `SORT${i}`, type: 'ISO14443', owner: name }) },
  { path: '/api/v1/sites', field: 'name', named: 'name', create: (s, name) => s.api.request('POST', '/api/v1/sites', { name, country: 'NL' }) },
  { path: '/api/v1/users', field: 'name', named: 'name', create: (s, name, i) => s.api.request('POST', '/api/v1/users', { email: `sort${i}@example.test`, name, role: 'viewer', password: 'sorting password 1' }) },
  { path: '/api/v1/webhooks', field: 'url', named: 'url', create: (s, name) => s.api.request('POST', '/api/v1/webhooks', { url: `https://${name}.example.test/hook`, eventTypes: ['station.connected'] }) },
];

async function pageAll(server: Server, path: string, sort: string, limit = 2): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const answer = await server.api.request('GET', `${path}?limit=${limit}&sort=${encodeURIComponent(sort)}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(answer.status, 200, `${path} ${sort}: ${JSON.stringify(answer.body)}`);
    items.push(...(answer.body.items as Item[]));
    cursor = answer.body.nextCursor;
  } while (cursor);
  return items;
}

const ids = (items: Item[]) => items.map((item) => String(item['id']));

for (const target of targets) describe(`?sort= on the lists (${target.name})`, () => {
  let server: Server;
  let dispose: () => Promise<void> = async () => {};
  before(async () => {
    const database = await target.open();
    dispose = database.dispose;
    server = await startTestServer({}, database.options);
    for (const resource of RESOURCES) {
      for (const [i, name] of NAMES.entries()) {
        const created = await resource.create(server, name, i) as { status: number; body: unknown };
        assert.equal(created.status, 201, `${resource.path}: ${JSON.stringify(created.body)}`);
      }
    }
    // Sessions come from stations over OCPP elsewhere; here rows are arranged directly.
    await server.db.insert(sessions).values(NAMES.map((_, i) => ({
      id: `ses_sort_${i}`, tenantId: 'default', stationId: `SORT-${i % 3}`, evseId: 1, ocppVersion: 'ocpp1.6', externalId: `${i}`,
      status: 'completed', startedAt: new Date(Date.UTC(2026, 0, 1 + (i * 7) % 6)), energyWh: String((i * 37) % 11 * 1000),
    })));
  });
  after(async () => { await server?.stop(); await dispose(); });

  for (const resource of RESOURCES) {
    it(`${resource.path}: ascending and descending by ${resource.field}, paged 2 at a time, ids as the tie-break`, async () => {
      const all = (await server.api.request('GET', `${resource.path}?limit=500`)).body.items as Item[];
      const ours = (items: Item[]) => items.filter((item) => NAMES.some((name) => String(item[resource.named]).includes(name)));
      const ascending = ours(await pageAll(server, resource.path, resource.field));
      const descending = ours(await pageAll(server, resource.path, `-${resource.field}`));
      assert.equal(ascending.length, NAMES.length, 'every item once');
      assert.equal(new Set(ids(ascending)).size, NAMES.length, 'no item twice');
      const expected = [...ours(all)].sort((a, b) => String(a[resource.field]).localeCompare(String(b[resource.field])) || (String(a['id']) < String(b['id']) ? -1 : 1));
      assert.deepEqual(ids(ascending), ids(expected));
      assert.deepEqual(ids(descending), ids(expected).reverse(), 'descending reverses the order, the tie-break included');
    });
  }

  it('/api/v1/sessions: by energy and by start, both directions, paged', async () => {
    const byEnergy = await pageAll(server, '/api/v1/sessions', 'energyWh');
    const energies = byEnergy.map((item) => Number(item['energyWh']));
    assert.deepEqual(energies, [...energies].sort((a, b) => a - b), 'numeric, not text, order');
    assert.equal(new Set(ids(byEnergy)).size, NAMES.length);
    const newestFirst = await pageAll(server, '/api/v1/sessions', '-startedAt', 4);
    assert.deepEqual(newestFirst, await pageAll(server, '/api/v1/sessions', '', 3), 'the default is newest first');
    const starts = newestFirst.map((item) => String(item['startedAt']));
    assert.deepEqual(starts, [...starts].sort().reverse());
  });

  it('/api/v1/audit: by action, and newest first by default', async () => {
    const byAction = await pageAll(server, '/api/v1/audit', 'action', 7);
    const actions = byAction.map((item) => String(item['action']));
    assert.deepEqual(actions, [...actions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const newest = await pageAll(server, '/api/v1/audit', '', 7);
    const numeric = ids(newest).map(BigInt);
    assert.ok(numeric.every((id, i) => i === 0 || id < numeric[i - 1]!), 'ids descending');
    assert.equal(newest.length, byAction.length);
  });

  it('/api/v1/api-keys (one unpaged list): by name both ways, unknown field 422', async () => {
    for (const name of ['kilo', 'juliet', 'lima']) assert.equal((await server.api.request('POST', '/api/v1/api-keys', { name, role: 'viewer' })).status, 201);
    const names = async (sort: string) => ((await server.api.request('GET', `/api/v1/api-keys?sort=${sort}`)).body.items as Item[]).map((key) => String(key['name']));
    const ascending = (await names('name')).filter((name) => ['kilo', 'juliet', 'lima'].includes(name));
    assert.deepEqual(ascending, ['juliet', 'kilo', 'lima']);
    assert.deepEqual((await names('-name')).filter((name) => ['kilo', 'juliet', 'lima'].includes(name)), ['lima', 'kilo', 'juliet']);
    assert.equal((await server.api.request('GET', '/api/v1/api-keys?sort=secretHash')).body.code, 'invalid_sort');
  });

  it('a cursor made under another sort is 400 invalid_cursor; a garbled one too', async () => {
    for (const resource of [...RESOURCES.map((r) => r.path), '/api/v1/sessions', '/api/v1/audit']) {
      const first = await server.api.request('GET', `${resource}?limit=1&sort=-createdAt`.replace('-createdAt', resource.endsWith('audit') ? 'at' : resource.endsWith('sessions') ? 'startedAt' : '-createdAt'));
      assert.equal(first.status, 200, resource);
      const cursor = first.body.nextCursor as string;
      assert.ok(cursor, resource);
      const other = await server.api.request('GET', `${resource}?limit=1&cursor=${cursor}`);
      assert.equal(other.status, 400, `${resource}: ${JSON.stringify(other.body)}`);
      assert.equal(other.body.code, 'invalid_cursor');
      const garbled = await server.api.request('GET', `${resource}?limit=1&cursor=bm90LWEtY3Vyc29y`);
      assert.equal(garbled.body.code, 'invalid_cursor', resource);
    }
  });

  it('an unknown sort field is 422 invalid_sort naming the allowed fields', async () => {
    for (const resource of [...RESOURCES.map((r) => r.path), '/api/v1/sessions', '/api/v1/audit']) {
      const answer = await server.api.request('GET', `${resource}?sort=-passwordHash`);
      assert.equal(answer.status, 422, resource);
      assert.equal(answer.body.code, 'invalid_sort');
      assert.ok(Array.isArray(answer.body.allowed) && answer.body.allowed.length > 1, resource);
      assert.ok(!answer.body.allowed.includes('passwordHash'));
    }
  });

  it('the OpenAPI document declares sort with its allowed fields on every sortable list', () => {
    const document = server.openApiDocument() as { paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string; description?: string }> } }> };
    for (const path of [...RESOURCES.map((r) => r.path), '/api/v1/sessions', '/api/v1/audit', '/api/v1/api-keys']) {
      const sort = document.paths[path]?.get?.parameters?.find((parameter) => parameter.name === 'sort' && parameter.in === 'query');
      assert.ok(sort, `${path} declares ?sort=`);
      assert.match(sort.description ?? '', /One of: /);
    }
  });
});
