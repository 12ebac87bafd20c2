// Rate limits of the driver's public /pay pages (no credential to count by: per client IP), on the
// shared counters of the API limits (ADR 037) so every node counts together. Starting a payment
// (a pre-authorisation on someone's card, a remote start) is limited hard; page and status reads
// loosely (a progress page polls). The provider's webhook is not limited (Stripe retries, and the
// signature already gates it). A refused call is the API's 429 problem with Retry-After.
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { ApiError } from '../../api/problem.js';
import { SharedBuckets, type BucketDecision } from '../../api/rate-limit-buckets.js';
import { createRateCounterStore } from '../../api/rate-limit-counters.js';
import type { Executor } from '../../infra/db/database.js';

export type PayRateLimit = { startsPerIp: number; readsPerIp: number; windowSeconds: number };
export const DEFAULT_PAY_RATE_LIMIT: PayRateLimit = { startsPerIp: 10, readsPerIp: 600, windowSeconds: 600 };

const isStart = (request: FastifyRequest) => request.method === 'POST' && /^\/pay\/[^/]+\/\d+\/?$/.test(request.url.split('?')[0]!);

export function limitPayPages(app: ApiApp, db: Executor, limits: PayRateLimit): void {
  // Exactly as the API: a chunk of 1 token per reservation for the small start limit (exact), 2 % otherwise.
  const buckets = new SharedBuckets(db, createRateCounterStore(), { windowMs: limits.windowSeconds * 1000, chunkOf: (limit) => (limit <= 50 ? 1 : Math.floor(limit / 50)) });
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/pay/') || request.url.startsWith('/pay/webhooks/')) return done();
    const start = isStart(request);
    const decided = buckets.take(`pay:${start ? 'start' : 'read'}:${request.ip}`, start ? limits.startsPerIp : limits.readsPerIp);
    const finish = (decision: BucketDecision) => {
      if (decision.allowed) return done();
      const seconds = Math.ceil(decision.resetMs / 1000);
      reply.header('retry-after', seconds);
      done(new ApiError('rate_limited', `Too many ${start ? 'payment attempts' : 'requests'} from this address; retry after ${seconds} s`, { retryAfterSeconds: seconds }));
    };
    if (decided instanceof Promise) decided.then(finish, () => done());
    else finish(decided);
  });
}
