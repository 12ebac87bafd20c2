import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { etagOf, ifMatchAccepts } from './etag.js';
import { startTestServer } from '../testing/test-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('REST conventions over the whole API', () => {
  let server: Server;
  before(async () => { server = await startTestServer(); });
  after(async () => server.stop());

  describe('Idempotency-Key', () => {
    it('replays the stored response of a repeated POST with Idempotent-Replayed: true, creating once', async () => {
      const key = randomUUID();
      const body = { name: 'Idempotent depot', country: 'NL' };
      const first = await server.api.request('POST', '/api/v1/sites', body, { 'idempotency-key': key });
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      // Same JSON with keys in another order is the same request.
      const again = await server.api.request('POST', '/api/v1/sites', { country: 'NL', name: 'Idempotent depot' }, { 'idempotency-key': key });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      const sites = (await server.api.request('GET', '/api/v1/sites?limit=500')).body.items.filter((s: { name: string }) => s.name === 'Idempotent depot');
      assert.equal(sites.length, 1);
    });

    it('the same key with another body or path is 422 idempotency_key_reused, and runs nothing', async () => {
      const key = randomUUID();
      assert.equal((await server.api.request('POST', '/api/v1/sites', { name: 'Key owner', country: 'BE' }, { 'idempotency-key': key })).status, 201);
      const otherBody = await server.api.request('POST', '/api/v1/sites', { name: 'Another site', country: 'BE' }, { 'idempotency-key': key });
      assert.equal(otherBody.status, 422);
      assert.equal(otherBody.body.code, 'idempotency_key_reused');
      const otherPath = await server.api.request('POST', '/api/v1/stations', { id: 'IDEM-1' }, { 'idempotency-key': key });
      assert.equal(otherPath.body.code, 'idempotency_key_reused');
      assert.equal((await server.api.request('GET', '/api/v1/stations/IDEM-1')).status, 404);
      const names = (await server.api.request('GET', '/api/v1/sites?limit=500')).body.items.map((s: { name: string }) => s.name);
      assert.ok(!names.includes('Another site'));
    });

    it('a concurrent duplicate is 409 while the first runs; exactly one station is created', async () => {
      const key = randomUUID();
      const send = () => server.api.request('POST', '/api/v1/stations', { id: 'IDEM-RACE' }, { 'idempotency-key': key });
      const answers = await Promise.all([send(), send(), send()]);
      const statuses = answers.map((answer) => answer.status).sort();
      assert.ok(statuses.filter((status) => status === 201).length >= 1, `statuses ${statuses}`);
      // Each duplicate either replays the 201 or is refused with 409 while the first is in flight.
      for (const answer of answers.filter((a) => a.status !== 201)) assert.equal(answer.body.code, 'idempotency_request_in_progress');
      assert.ok(answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') !== 'true').length === 1);
    });

    it('a failed request (4xx) is replayed too; a malformed key is refused', async () => {
      const key = randomUUID();
      const missing = await server.api.request('POST', '/api/v1/stations/NOPE/approve', undefined, { 'idempotency-key': key });
      assert.equal(missing.status, 404);
      const replay = await server.api.request('POST', '/api/v1/stations/NOPE/approve', undefined, { 'idempotency-key': key });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal((await server.api.request('POST', '/api/v1/sites', { name: 'x', country: 'NL' }, { 'idempotency-key': 'with space' })).status, 400);
    });
  });

  describe('ETag / If-Match', () => {
    it('GET and PATCH answers carry the version; a stale If-Match is 412 and changes nothing', async () => {
      const created = await server.api.request('POST', '/api/v1/sites', { name: 'Etag depot', country: 'DE' });
      const path = `/api/v1/sites/${created.body.id}`;
      const read = await server.api.request('GET', path);
      const etag = read.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]{27}"$/);
      const changed = await server.api.request('PATCH', path, { name: 'Etag depot 2' }, { 'if-match': etag! });
      assert.equal(changed.status, 200);
      const newTag = changed.headers.get('etag');
      assert.ok(newTag && newTag !== etag);
      assert.equal((await server.api.request('GET', path)).headers.get('etag'), newTag, 'PATCH answer and GET agree on the version');
      const stale = await server.api.request('PATCH', path, { name: 'lost update' }, { 'if-match': etag! });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.code, 'precondition_failed');
      assert.equal((await server.api.request('GET', path)).body.name, 'Etag depot 2');
      // Without If-Match the write is unconditional (no 428): existing clients keep working.
      assert.equal((await server.api.request('PATCH', path, { name: 'Etag depot 3' })).status, 200);
    });

    it('stations and tenants too; If-Match on a resource the caller cannot see is 404', async () => {
      await server.api.request('POST', '/api/v1/stations', { id: 'ETAG-1' });
      const tag = (await server.api.request('GET', '/api/v1/stations/ETAG-1')).headers.get('etag')!;
      assert.equal((await server.api.request('PATCH', '/api/v1/stations/ETAG-1', { displayName: 'A' }, { 'if-match': tag })).status, 200);
      assert.equal((await server.api.request('PATCH', '/api/v1/stations/ETAG-1', { displayName: 'B' }, { 'if-match': tag })).status, 412);
      assert.equal((await server.api.request('PATCH', '/api/v1/stations/NO-SUCH', { displayName: 'B' }, { 'if-match': tag })).status, 404);
      const tenantTag = (await server.api.request('GET', '/api/v1/tenants/default')).headers.get('etag')!;
      assert.equal((await server.api.request('PATCH', '/api/v1/tenants/default', { displayName: 'Default' }, { 'if-match': `W/${tenantTag}, ${tenantTag}` })).status, 200);
    });

    it('two conditional writes with the same tag: exactly one wins', async () => {
      const created = await server.api.request('POST', '/api/v1/sites', { name: 'Race depot', country: 'FR' });
      const path = `/api/v1/sites/${created.body.id}`;
      const tag = (await server.api.request('GET', path)).headers.get('etag')!;
      const results = await Promise.all(['one', 'two'].map((name) => server.api.request('PATCH', path, { name }, { 'if-match': tag })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
    });
  });

  it('list routes share one page shape: { items, nextCursor }', async () => {
    for (const path of ['/api/v1/stations', '/api/v1/sites', '/api/v1/tenants', '/api/v1/tokens', '/api/v1/sessions', '/api/v1/reservations', '/api/v1/webhooks', '/api/v1/audit']) {
      const page = (await server.api.request('GET', `${path}?limit=1`)).body;
      assert.ok(Array.isArray(page.items) && 'nextCursor' in page, `${path}: ${JSON.stringify(page).slice(0, 100)}`);
      if (page.nextCursor !== null) {
        const next = await server.api.request('GET', `${path}?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`);
        assert.equal(next.status, 200, path);
        assert.notDeepEqual(next.body.items, page.items, `${path}: the cursor moves on`);
      }
    }
  });
});

describe('etag helpers', () => {
  it('derives the tag from id + updatedAt only; If-Match compares strongly', () => {
    const tag = etagOf({ id: 's1', updatedAt: '2026-01-01T00:00:00.000Z', lastSeenAt: 'x' });
    assert.equal(tag, etagOf({ id: 's1', updatedAt: '2026-01-01T00:00:00.000Z', lastSeenAt: 'y' }));
    assert.notEqual(tag, etagOf({ id: 's1', updatedAt: '2026-01-01T00:00:00.001Z' }));
    assert.equal(etagOf({ id: 's1' }), null);
    assert.ok(ifMatchAccepts(`"other", ${tag}`, tag));
    assert.ok(!ifMatchAccepts(`W/${tag}`, tag));
    assert.ok(ifMatchAccepts('*', tag));
    assert.ok(!ifMatchAccepts('*', null));
  });
});
