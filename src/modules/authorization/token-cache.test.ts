// The Authorize fast path: unit rules of the cache, and over real WebSockets that every kind of
// token write (block, places, delete, create) is effective on the very next Authorize.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RawStation } from '../../testing/test-server.js';
import { startTestServer } from '../../testing/test-server.js';
import type { StoredToken } from './domain/token.js';
import { TokenCache } from './token-cache.js';
import { bootedStation, createToken } from './test-support.js';

const token = (idToken: string): StoredToken => ({
  id: `tok_${idToken}`, idToken, type: 'ISO14443', groupIdToken: null, blocked: false, expiresAt: null, language: null, masterPass: false, groupIdTokenType: null,
});

describe('TokenCache', () => {
  it('serves a repeated value (any case) from memory; unknown values are cached too', async () => {
    const cache = new TokenCache();
    let loads = 0;
    const load = (value: StoredToken | null) => async () => { loads += 1; return value; };
    assert.equal((await cache.get('t1', 'ABC', load(token('ABC'))))?.idToken, 'ABC');
    assert.equal((await cache.get('t1', 'abc', load(null)))?.idToken, 'ABC');
    assert.equal(await cache.get('t1', 'NOPE', load(null)), null);
    assert.equal(await cache.get('t1', 'NOPE', load(token('NOPE'))), null);
    assert.equal(loads, 2);
    assert.deepEqual([cache.hits, cache.misses], [2, 2]);
  });

  it('a token event invalidates its tenant only; a read that began before the invalidation is not kept', async () => {
    const cache = new TokenCache();
    await cache.get('t1', 'A', async () => token('A'));
    await cache.get('t2', 'A', async () => token('A'));
    cache.observe({ type: 'token.updated', tenantId: 't1', at: new Date(), data: {} });
    assert.equal(cache.size, 1);
    let release!: () => void;
    const slow = cache.get('t1', 'B', () => new Promise((resolve) => { release = () => resolve(token('B')); }));
    cache.observe({ type: 'token.locations-changed', tenantId: 't1', at: new Date(), data: {} });
    release();
    await slow;
    assert.equal(cache.size, 1, 'the stale read was answered but not stored');
  });

  it('entries expire after the TTL and the least recently used go first', async () => {
    let now = 0;
    const cache = new TokenCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    let loads = 0;
    const load = async () => { loads += 1; return token('X'); };
    await cache.get('t', 'X', load);
    now = 1500;
    await cache.get('t', 'X', load);
    assert.equal(loads, 2);
    await cache.get('t', 'Y', load);
    await cache.get('t', 'X', load); // X used: Y is now the oldest
    await cache.get('t', 'Z', load);
    assert.equal(cache.size, 2);
    const before = loads;
    await cache.get('t', 'X', load);
    assert.equal(loads, before, 'X stayed');
  });

  it('ADR 077 refresh-ahead: a hit past half the TTL answers from memory and reads again in the background, once; the entry then lives on', async () => {
    let now = 0;
    const cache = new TokenCache({ ttlMs: 1000, now: () => now });
    let loads = 0;
    let release: (() => void) | undefined;
    const load = () => { loads += 1; return new Promise<StoredToken>((resolve) => { release = () => resolve(token('R')); }); };
    const first = cache.get('t', 'R', load);
    release!();
    await first;
    now = 600;
    release = undefined;
    assert.equal((await cache.get('t', 'R', load))?.idToken, 'R', 'answered while the background read is still pending');
    assert.equal((await cache.get('t', 'R', load))?.idToken, 'R');
    assert.deepEqual([loads, cache.refreshes, cache.misses], [2, 1, 1], 'one background read for two hits');
    release!();
    await new Promise((resolve) => setImmediate(resolve));
    now = 1050; // past the first read's TTL; the refreshed entry (stored at 600) is young
    await cache.get('t', 'R', load);
    assert.deepEqual([loads, cache.misses], [2, 1], 'the refreshed entry answered');
  });

  it('ADR 077 refresh-ahead: a background read that began before an invalidation is not stored', async () => {
    let now = 0;
    const cache = new TokenCache({ ttlMs: 1000, now: () => now });
    await cache.get('t', 'S', async () => token('S'));
    now = 700;
    let release!: () => void;
    await cache.get('t', 'S', () => new Promise((resolve) => { release = () => resolve(token('S')); }));
    cache.observe({ type: 'token.updated', tenantId: 't', at: new Date(), data: {} });
    release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(cache.size, 0);
  });
});

describe('Authorize fast path over OCPP 2.0.1: token writes take effect at once', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let station: RawStation;
  const authorize = async (idToken: string) => ((await station.call('Authorize', { idToken: { idToken, type: 'ISO14443' } }))[2] as { idTokenInfo: { status: string } }).idTokenInfo.status;

  before(async () => {
    server = await startTestServer();
    station = await bootedStation(server.baseUrl, 'CACHE-201', 'ocpp2.0.1');
  });
  after(async () => {
    station.close();
    await server.stop();
  });

  it('TC_C_06_CSMS: a token blocked through the API is Blocked on the next Authorize (after being cached as Accepted)', async () => {
    const created = await createToken(server.api, { idToken: 'CACHE-BLOCK' });
    assert.equal(await authorize('CACHE-BLOCK'), 'Accepted');
    assert.equal(await authorize('CACHE-BLOCK'), 'Accepted');
    assert.equal((await server.api.request('PATCH', `/api/v1/tokens/${created.id}`, { blocked: true })).status, 200);
    assert.equal(await authorize('CACHE-BLOCK'), 'Blocked');
    assert.equal((await server.api.request('PATCH', `/api/v1/tokens/${created.id}`, { blocked: false })).status, 200);
    assert.equal(await authorize('CACHE-BLOCK'), 'Accepted');
  });

  it('places, deletion and creation are effective on the next Authorize', async () => {
    const created = await createToken(server.api, { idToken: 'CACHE-PLACES' });
    await bootedStation(server.baseUrl, 'CACHE-OTHER', 'ocpp2.0.1').then((other) => other.close());
    assert.equal(await authorize('CACHE-PLACES'), 'Accepted');
    await server.api.request('PUT', `/api/v1/tokens/${created.id}/locations`, { locations: [{ stationId: 'CACHE-OTHER', evseId: 0 }] });
    assert.equal(await authorize('CACHE-PLACES'), 'NotAtThisLocation');
    assert.equal((await server.api.request('DELETE', `/api/v1/tokens/${created.id}`)).status, 204);
    assert.equal(await authorize('CACHE-PLACES'), 'Unknown');
    assert.equal(await authorize('CACHE-LATER'), 'Unknown');
    await createToken(server.api, { idToken: 'CACHE-LATER' });
    assert.equal(await authorize('CACHE-LATER'), 'Accepted');
  });
});
