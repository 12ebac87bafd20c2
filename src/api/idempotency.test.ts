// The Idempotency-Key hooks against real database semantics: PGlite, and PostgreSQL (a pool, so
// duplicates really race) when CHARGEOPS_TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import pino from 'pino';
import { databaseTargets } from '../infra/db/test-database.js';
import { createHttpServer } from './http-server.js';
import { registerIdempotency } from './idempotency.js';
import { ApiError } from './problem.js';

for (const target of databaseTargets()) {
  describe(`Idempotency-Key (${target.name})`, () => {
    it('runs a POST once however many duplicates race, replays it after, and frees the key after a 5xx', async () => {
      const database = await target.open();
      const app = await createHttpServer({ log: pino({ level: 'silent' }), version: 'test', readiness: async () => ({ ready: true, checks: {} }) });
      try {
        // Stands in for authentication: every caller is a key of the default tenant.
        app.addHook('onRequest', async (request) => {
          (request as unknown as { principal: unknown }).principal = { keyId: 'k1', tenantId: 'default' };
        });
        registerIdempotency(app, { db: database.db, tenantOf: () => 'default' });
        let runs = 0;
        let failNext = true;
        app.post('/api/v1/things', async (_request, reply) => {
          runs++;
          await sleep(50);
          return reply.code(201).header('location', `/api/v1/things/${runs}`).send({ run: runs });
        });
        app.post('/api/v1/flaky', async () => {
          if (failNext) {
            failNext = false;
            throw new Error('database went away');
          }
          return { ok: true };
        });
        app.post('/api/v1/refused', async () => {
          throw new ApiError('invalid_site', 'no');
        });
        await app.ready();
        const post = (url: string, key: string, payload: unknown = { a: 1, b: [1, 2] }) =>
          app.inject({ method: 'POST', url, headers: { 'idempotency-key': key, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

        const racing = await Promise.all(Array.from({ length: 5 }, () => post('/api/v1/things', 'race-1')));
        assert.equal(runs, 1, 'the handler ran once');
        for (const answer of racing) {
          assert.ok(answer.statusCode === 201 || (answer.statusCode === 409 && answer.json().code === 'idempotency_request_in_progress'), `${answer.statusCode} ${answer.body}`);
        }
        const replay = await post('/api/v1/things', 'race-1', { b: [1, 2], a: 1 });
        assert.deepEqual([replay.statusCode, replay.headers['idempotent-replayed'], replay.headers['location'], replay.json()], [201, 'true', '/api/v1/things/1', { run: 1 }]);
        assert.equal(runs, 1);
        assert.equal((await post('/api/v1/things', 'race-1', { a: 2 })).json().code, 'idempotency_key_reused');
        assert.equal((await post('/api/v1/things', 'race-2')).json().run, 2, 'another key is another request');

        assert.equal((await post('/api/v1/flaky', 'flaky-1')).statusCode, 500);
        const retried = await post('/api/v1/flaky', 'flaky-1');
        assert.deepEqual([retried.statusCode, retried.headers['idempotent-replayed']], [200, undefined], 'a 5xx promised nothing: the retry runs');

        assert.equal((await post('/api/v1/refused', 'refused-1')).statusCode, 422);
        const refusedAgain = await post('/api/v1/refused', 'refused-1');
        assert.deepEqual([refusedAgain.statusCode, refusedAgain.headers['idempotent-replayed']], [422, 'true'], 'a 4xx is the answer: replayed');
      } finally {
        await app.close();
        await database.close();
      }
    });
  });
}
