import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createHttpServer } from './http-server.js';
import { ApiError, problemCatalog, toProblem } from './problem.js';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

describe('problem codes (ADR 036)', () => {
  it('every code of the registry is snake_case, with an HTTP error status and a title', () => {
    const catalog = problemCatalog();
    assert.ok(catalog.length > 40, 'the registry is read whole');
    const bad = catalog.filter(({ code, status, title }) => !SNAKE_CASE.test(code) || status < 400 || status > 599 || title.length === 0);
    assert.deepEqual(bad, []);
  });

  it('every code is documented in the OpenAPI document (components.schemas.Problem) with its status and title', async () => {
    const app = await createHttpServer({ log: pino({ level: 'silent' }), version: 'test', readiness: async () => ({ ready: true, checks: {} }) });
    try {
      await app.ready();
      const answer = await app.inject({ method: 'GET', url: '/api/docs/json' });
      const problem = answer.json().components.schemas.Problem;
      const catalog = problemCatalog();
      assert.deepEqual([...problem.properties.code.enum].sort(), catalog.map((entry) => entry.code).sort());
      assert.deepEqual(problem['x-codes'], catalog);
    } finally {
      await app.close();
    }
  });

  it('a problem carries its code, status and a type URL derived from the code', () => {
    const problem = toProblem(new ApiError('too_many_attempts', 'Try again in 60 s', { retryAfterSeconds: 60 }));
    assert.deepEqual(
      [problem.code, problem.status, problem.type, problem['retryAfterSeconds']],
      ['too_many_attempts', 429, 'https://chargeops.dev/problems/too-many-attempts', 60],
    );
  });
});
