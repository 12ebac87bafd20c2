import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ApiClient, startTestServer } from '../../testing/test-server.js';
import { createKeyFor, createTenantWithKey } from '../../testing/tenants.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** fetch() may not set Host (a forbidden header), node:http may. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { host } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    }).on('error', reject).end();
  });
}

describe('tenants and white-label sub-operators', () => {
  let server: Server;
  let platform: ApiClient;
  let operator: ApiClient;

  before(async () => {
    server = await startTestServer();
    platform = server.api;
    const created = await platform.request('POST', '/api/v1/tenants', {
      id: 'op-north', name: 'North Charging', displayName: 'North', primaryColor: '#0A6CFF', accentColor: '#ffaa00',
      logo: PNG, hosts: ['Charge.North.example', 'localhost:5173'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    operator = new ApiClient(server.baseUrl, (await createKeyFor(server.db, 'op-north')).apiKey);
  });
  after(async () => server.stop());

  it('platform key creates an operator with normalised branding and host names', async () => {
    const tenant = (await platform.request('GET', '/api/v1/tenants/op-north')).body;
    assert.deepEqual(
      { parentId: tenant.parentId, status: tenant.status, primaryColor: tenant.primaryColor, hosts: tenant.hosts, logo: tenant.logo },
      { parentId: null, status: 'active', primaryColor: '#0a6cff', hosts: ['charge.north.example', 'localhost:5173'], logo: PNG },
    );
  });

  it('an operator key creates sub-operators under itself, sees them, and never its siblings or the platform list', async () => {
    const sub = await operator.request('POST', '/api/v1/tenants', { id: 'north-city', name: 'North City', hosts: ['city.example'] });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    assert.equal(sub.body.parentId, 'op-north');
    await platform.request('POST', '/api/v1/tenants', { id: 'op-south', name: 'South' });
    const seen = (await operator.request('GET', '/api/v1/tenants')).body.items.map((t: { id: string }) => t.id);
    assert.deepEqual(seen, ['north-city', 'op-north']);
    assert.equal((await operator.request('GET', '/api/v1/tenants/op-south')).status, 404);
    assert.equal((await operator.request('GET', '/api/v1/tenants/default')).status, 404);
    const elsewhere = await operator.request('POST', '/api/v1/tenants', { id: 'sneaky', name: 'Sneaky', parentId: 'op-south' });
    assert.equal(elsewhere.status, 403);
    assert.equal((await platform.request('GET', '/api/v1/tenants/sneaky')).status, 404);
  });

  it('a sub-operator sees only itself and cannot create a third level', async () => {
    const subKey = new ApiClient(server.baseUrl, (await createKeyFor(server.db, 'north-city')).apiKey);
    const seen = (await subKey.request('GET', '/api/v1/tenants')).body.items.map((t: { id: string }) => t.id);
    assert.deepEqual(seen, ['north-city']);
    assert.equal((await subKey.request('GET', '/api/v1/tenants/op-north')).status, 404);
    const third = await subKey.request('POST', '/api/v1/tenants', { id: 'north-city-b', name: 'Third level' });
    assert.equal(third.status, 422);
    assert.equal(third.body.code, 'invalid_tenant');
  });

  it('host names are unique across the deployment; a clash changes nothing', async () => {
    const clash = await platform.request('POST', '/api/v1/tenants', { id: 'op-west', name: 'West', hosts: ['CITY.example'] });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.code, 'host_taken');
    assert.equal((await platform.request('GET', '/api/v1/tenants/op-west')).status, 404);
    const patch = await platform.request('PATCH', '/api/v1/tenants/op-south', { hosts: ['charge.north.example'], name: 'Renamed' });
    assert.equal(patch.status, 409);
    assert.equal((await platform.request('GET', '/api/v1/tenants/op-south')).body.name, 'South');
    assert.equal((await platform.request('POST', '/api/v1/tenants', { id: 'op-south', name: 'again' })).body.code, 'tenant_exists');
  });

  it('rejects bad branding with a clear problem', async () => {
    for (const body of [{ logo: 'http://insecure.example/logo.png' }, { logo: 'data:text/html;base64,PGI+' }, { primaryColor: 'blue' }, { hosts: ['bad host'] }]) {
      const response = await operator.request('PATCH', '/api/v1/tenants/op-north', body);
      assert.ok(response.status === 422 || response.status === 400, `${JSON.stringify(body)} -> ${response.status}`);
    }
    assert.equal((await operator.request('GET', '/api/v1/tenants/op-north')).body.primaryColor, '#0a6cff');
  });

  it('GET /api/v1/branding answers without credentials by Host header, the platform branding otherwise', async () => {
    const branded = await getWithHost(`${server.baseUrl}/api/v1/branding`, 'Charge.North.example');
    assert.equal(branded.status, 200);
    assert.deepEqual(branded.body, {
      tenantId: 'op-north', name: 'North Charging', displayName: 'North', logo: PNG, primaryColor: '#0a6cff', accentColor: '#ffaa00',
    });
    const unknown = (await getWithHost(`${server.baseUrl}/api/v1/branding`, 'nobody.example')).body as { tenantId: string | null; name: string };
    assert.deepEqual([unknown.tenantId, unknown.name], [null, 'ChargeOps']);
  });

  it('an operator acts for its sub-operator with X-Tenant-Id, never for another tenant', async () => {
    const created = await operator.request('POST', '/api/v1/stations', { id: 'CITY-1' }, { 'x-tenant-id': 'north-city' });
    assert.equal(created.status, 201);
    const subKey = new ApiClient(server.baseUrl, (await createKeyFor(server.db, 'north-city')).apiKey);
    assert.equal((await subKey.request('GET', '/api/v1/stations/CITY-1')).status, 200);
    assert.equal((await operator.request('GET', '/api/v1/stations/CITY-1')).status, 404, 'lists are per tenant: the parent names the sub-operator');
    assert.equal((await operator.request('GET', '/api/v1/stations', undefined, { 'x-tenant-id': 'op-south' })).status, 403);
    assert.equal((await subKey.request('GET', '/api/v1/stations', undefined, { 'x-tenant-id': 'op-north' })).status, 403);
  });

  it('a suspended tenant\'s keys, and its sub-operators\' keys, are refused; only its parent or the platform changes its status', async () => {
    const { apiKey } = await createTenantWithKey(server.db, 'op-east');
    const east = new ApiClient(server.baseUrl, apiKey);
    assert.equal((await east.request('PATCH', '/api/v1/tenants/op-east', { status: 'suspended' })).status, 403);
    await east.request('POST', '/api/v1/tenants', { id: 'east-sub', name: 'East sub' });
    const eastSub = new ApiClient(server.baseUrl, (await createKeyFor(server.db, 'east-sub')).apiKey);
    assert.equal((await eastSub.request('GET', '/api/v1/stations')).status, 200);
    assert.equal((await platform.request('PATCH', '/api/v1/tenants/op-east', { status: 'suspended' })).status, 200);
    // The scope cache of this node is refreshed on update (other nodes within its few seconds).
    assert.equal((await east.request('GET', '/api/v1/stations')).status, 403);
    assert.equal((await eastSub.request('GET', '/api/v1/stations')).status, 403);
    assert.equal((await platform.request('PATCH', '/api/v1/tenants/op-east', { status: 'active' })).status, 200);
  });
});
