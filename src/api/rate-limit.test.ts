// Shared rate-limit and lockout counters (ADR 037) against real databases (PGlite; PostgreSQL too
// with CHARGEOPS_TEST_DATABASE_URL). Two SharedBuckets / LoginThrottle instances on one database
// stand for two nodes; the whole-server, two-node proof is rate-limit.cluster.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { ConfigError, parseConfig } from '../config/load-config.js';
import { databaseTargets } from '../infra/db/test-database.js';
import type { DatabaseHandle } from '../infra/db/database.js';
import { LoginThrottle } from '../modules/identity/login-throttle.js';
import { createHttpServer } from './http-server.js';
import { registerRateLimit } from './rate-limit.js';
import { SharedBuckets, defaultChunk, type BucketDecision } from './rate-limit-buckets.js';
import { createRateCounterStore } from './rate-limit-counters.js';

const MINUTE = 60_000;
const T0 = 1_800_000_000_000; // a window start (a multiple of a minute)

async function takeMany(buckets: SharedBuckets, key: string, limit: number, times: number): Promise<BucketDecision[]> {
  const decisions: BucketDecision[] = [];
  for (let i = 0; i < times; i++) decisions.push(await buckets.take(key, limit));
  return decisions;
}
const allowedCount = (decisions: BucketDecision[]) => decisions.filter((d) => d.allowed).length;

for (const target of databaseTargets()) describe(`shared rate-limit counters (${target.name})`, () => {
  let database: DatabaseHandle;
  const counters = createRateCounterStore();
  before(async () => { database = await target.open(); });
  after(async () => database.close());

  it('adds within a window and starts afresh in the next one (one upsert each)', async () => {
    assert.equal(await counters.add(database.db, 'k1', T0, MINUTE, 5), 5);
    assert.equal(await counters.add(database.db, 'k1', T0, MINUTE, 5), 10);
    assert.equal(await counters.add(database.db, 'k1', T0 + MINUTE, MINUTE, 2), 2, 'a new window replaces the count');
    assert.equal(await counters.add(database.db, 'k1', T0, MINUTE, 1), 3, 'a late node with an older window counts into the newer one');
  });

  it('two nodes reserving in chunks never let more than the limit through, together', async () => {
    let now = T0 + 10;
    const nodeA = new SharedBuckets(database.db, counters, { windowMs: MINUTE, chunkOf: () => 7, now: () => now });
    const nodeB = new SharedBuckets(database.db, counters, { windowMs: MINUTE, chunkOf: () => 7, now: () => now });
    const decisions: BucketDecision[] = [];
    for (let i = 0; i < 30; i++) decisions.push(await (i % 3 === 0 ? nodeB : nodeA).take('api:key:x', 20));
    // B reserves 7, A 7, A the last 6 (count 21 -> 6 granted), B's next reservation finds none.
    assert.equal(allowedCount(decisions), 20, 'exactly the limit: reservations are capped at it in total');
    assert.equal(allowedCount(await takeMany(nodeB, 'api:key:x', 20, 2)), 0);
    const refused = decisions.at(-1)!;
    assert.equal(refused.allowed, false);
    assert.equal(refused.resetMs, MINUTE - 10);
    now = T0 + MINUTE + 1;
    assert.equal((await nodeA.take('api:key:x', 20)).allowed, true, 'the next window has a fresh budget');
  });

  it('with a chunk of 1 the limit is exact across nodes; concurrent calls on one node share a reservation', async () => {
    const now = () => T0 + 2 * MINUTE + 5;
    const nodeA = new SharedBuckets(database.db, counters, { windowMs: MINUTE, chunkOf: () => 1, now });
    const nodeB = new SharedBuckets(database.db, counters, { windowMs: MINUTE, chunkOf: () => 1, now });
    const both = await Promise.all([...Array.from({ length: 8 }, () => nodeA.take('api:ip:1', 10)), ...Array.from({ length: 8 }, () => nodeB.take('api:ip:1', 10))]);
    assert.equal(allowedCount(both), 10);
    assert.equal(allowedCount(await takeMany(nodeB, 'api:ip:1', 10, 3)), 0);
  });

  it('answers from memory while a node holds tokens (no promise on the hot path)', async () => {
    const nodeA = new SharedBuckets(database.db, counters, { windowMs: MINUTE, now: () => T0 + 3 * MINUTE });
    assert.ok(nodeA.take('api:key:hot', 6000) instanceof Promise, 'the first call reserves a chunk');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = nodeA.take('api:key:hot', 6000);
    assert.ok(!(second instanceof Promise));
    assert.equal(second.allowed, true);
    assert.equal(defaultChunk(6000), 120);
    assert.equal(defaultChunk(10), 1);
  });

  it('sign-in lockout per account and per address is shared by two nodes; success clears the account', async () => {
    let now = T0;
    const limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE };
    const nodeA = new LoginThrottle(database.db, limits, () => now);
    const nodeB = new LoginThrottle(database.db, limits, () => now);
    await nodeA.recordFailure('ann@example.test', '10.0.0.1');
    await nodeB.recordFailure('ann@example.test', '10.0.0.2');
    assert.equal(await nodeA.retryAfterMs('ann@example.test', '10.0.0.3'), 0);
    await nodeA.recordFailure('ann@example.test', '10.0.0.3');
    assert.equal(await nodeB.retryAfterMs('ann@example.test', '10.0.0.9'), 15 * MINUTE, 'locked on the other node too');
    now += 15 * MINUTE;
    assert.equal(await nodeB.retryAfterMs('ann@example.test', '10.0.0.9'), 0, 'the lock ends');

    // Success resets the account's count: two failures, a success, two failures -> not locked.
    await nodeA.recordFailure('bob@example.test', '10.1.0.1');
    await nodeA.recordFailure('bob@example.test', '10.1.0.1');
    await nodeB.recordSuccess('bob@example.test');
    await nodeB.recordFailure('bob@example.test', '10.1.0.2');
    await nodeA.recordFailure('bob@example.test', '10.1.0.2');
    assert.equal(await nodeA.retryAfterMs('bob@example.test', '10.9.9.9'), 0);

    // Per address: five failures for five different emails from one address lock the address.
    for (let i = 0; i < 5; i++) await (i % 2 ? nodeA : nodeB).recordFailure(`spray${i}@example.test`, '10.2.0.1');
    assert.equal(await nodeA.retryAfterMs('someone-else@example.test', '10.2.0.1'), 15 * MINUTE);
    assert.equal(await nodeA.retryAfterMs('someone-else@example.test', '10.2.0.2'), 0);

    // Failures older than the window do not add up.
    await nodeA.recordFailure('cy@example.test', '10.3.0.1');
    await nodeA.recordFailure('cy@example.test', '10.3.0.1');
    now += 16 * MINUTE;
    await nodeB.recordFailure('cy@example.test', '10.3.0.1');
    assert.equal(await nodeB.retryAfterMs('cy@example.test', '10.3.0.9'), 0);
  });

  it('prunes expired rows only', async () => {
    const far = T0 + 1000 * MINUTE;
    await counters.add(database.db, 'fresh', far, MINUTE, 1);
    const removed = await counters.prune(database.db, far);
    assert.ok(removed >= 1);
    assert.equal(await counters.add(database.db, 'fresh', far, MINUTE, 1), 2, 'the current window survived');
  });
});

describe('rate limits over HTTP', () => {
  it('refuses the call over the limit with a 429 problem and Retry-After, per API key, per session and per IP', async () => {
    const [target] = databaseTargets();
    const database = await target!.open();
    const app = await createHttpServer({ log: pino({ level: 'silent' }), version: 'test', readiness: async () => ({ ready: true, checks: {} }) });
    registerRateLimit(app, { db: database.db, limits: { perApiKey: 3, perSession: 2, perIp: 5, windowSeconds: 3600 }, chunkOf: () => 1 });
    app.get('/api/v1/ping', async () => ({ ok: true }));
    app.get('/health-like', async () => ({ ok: true }));
    await app.ready();
    try {
      const call = (headers: Record<string, string> = {}, url = '/api/v1/ping') => app.inject({ method: 'GET', url, headers });
      const keyA = { authorization: 'Bearer cok_a' };
      const first = await call(keyA);
      assert.equal(first.headers['x-ratelimit-limit'], '3');
      assert.equal(first.headers['x-ratelimit-remaining'], '2');
      assert.deepEqual([(await call(keyA)).statusCode, (await call(keyA)).statusCode], [200, 200]);
      const refused = await call(keyA);
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(refused.json().code, 'rate_limited');
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.equal((await call({ authorization: 'Bearer cok_b' })).statusCode, 200, 'another key has its own budget');
      const session = { cookie: 'chargeops_session=abc' };
      assert.deepEqual([(await call(session)).statusCode, (await call(session)).statusCode, (await call(session)).statusCode], [200, 200, 429], 'per session');
      // The first calls of keys A, B and the session took 3 of the IP's 5 tokens.
      assert.deepEqual([(await call()).statusCode, (await call()).statusCode, (await call()).statusCode], [200, 200, 429], 'no credential: per IP');
      assert.equal((await call({ authorization: 'Bearer made-up-key' })).statusCode, 429, 'a new key is held by its IP\'s limit');
      assert.equal((await call({}, '/health-like')).statusCode, 200, 'outside /api/v1 is not limited');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('a bad rateLimits config stops the start naming the key', () => {
    assert.throws(() => parseConfig({ rateLimits: { perIp: 0 } }), (error: unknown) => error instanceof ConfigError && /rateLimits\.perIp/.test(error.message));
    assert.throws(() => parseConfig({ rateLimits: { perApiKey: 'many' } }), /rateLimits\.perApiKey/);
    assert.throws(() => parseConfig({ rateLimits: { perMinute: 5 } }), /rateLimits/);
    assert.deepEqual(parseConfig({}).rateLimits, { perApiKey: 6000, perSession: 3000, perIp: 300, windowSeconds: 60 });
  });
});
