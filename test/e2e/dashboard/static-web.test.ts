import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startTestServer } from '../../../src/testing/test-server.js';

/** The built dashboard is served at / with SPA fallback, while the API, docs and probes keep their routes. */
describe('dashboard static serving', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npm run build first');
    server = await startTestServer();
  });
  after(async () => server.stop());

  it('serves index.html at / and for client routes, never cached', async () => {
    for (const path of ['/', '/stations/CP-1', '/sessions?status=active', '/reset-password?token=x']) {
      const response = await fetch(server.baseUrl + path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.match(await response.text(), /<div id="root">/);
    }
  });

  it('serves hashed assets with a one-year immutable cache', async () => {
    const asset = readdirSync('web/dist/assets').find((name) => name.endsWith('.js'))!;
    const response = await fetch(`${server.baseUrl}/assets/${asset}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('leaves the API, its 404 problems, the docs and the probes alone', async () => {
    const missing = await fetch(`${server.baseUrl}/api/v1/no-such-thing`, { headers: { authorization: `Bearer ${server.api.apiKey}` } });
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
    const stations = await server.api.request('GET', '/api/v1/stations');
    assert.equal(stations.status, 200);
    assert.equal((await fetch(`${server.baseUrl}/health`)).status, 200);
    assert.equal((await fetch(`${server.baseUrl}/ready`)).status, 200);
    assert.equal((await fetch(`${server.baseUrl}/api/docs/json`)).status, 200);
    const unknownAsset = await fetch(`${server.baseUrl}/assets/nope-123.js`);
    assert.equal(unknownAsset.status, 200, 'an unknown path below / is a client route (index.html)');
  });
});
