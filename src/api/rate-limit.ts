// Rate limits of the operator API (ADR 017, ADR 037), shared by every node of a deployment through
// the rate_counters table: per API key, per dashboard session and, for calls without a credential,
// per client IP. Counted in onRequest, before authentication, from node-local buckets that reserve
// their tokens in chunks (rate-limit-buckets.ts): most calls cost a map lookup, one call in a
// chunk costs one upsert. A refused call is a 429 problem `rate_limited` with Retry-After and the
// x-ratelimit-* headers.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Executor } from '../infra/db/database.js';
import type { ApiApp } from './http-server.js';
import { ApiError } from './problem.js';
import { SharedBuckets, type BucketDecision } from './rate-limit-buckets.js';
import { createRateCounterStore } from './rate-limit-counters.js';

/** The typed config's `rateLimits` (src/config/config-schema.ts). */
export type RateLimitSettings = {
  /** Calls per window for one API key. */
  perApiKey: number;
  /** Calls per window for one dashboard session. */
  perSession: number;
  /** Calls per window from one IP without credentials (sign-in, branding, bad keys), and first calls of a credential. */
  perIp: number;
  windowSeconds: number;
};

type Subject = { key: string; limit: number; credential: boolean };

/** The bucket of a request: a hash of its credential (never the secret itself), else its IP. */
export function rateLimitSubject(request: FastifyRequest, limits: RateLimitSettings): Subject {
  const authorization = request.headers.authorization;
  if (authorization) return { key: `api:key:${digest(authorization)}`, limit: limits.perApiKey, credential: true };
  const session = sessionCookieOf(request.headers.cookie);
  if (session) return { key: `api:session:${digest(session)}`, limit: limits.perSession, credential: true };
  return ipSubject(request, limits);
}

const ipSubject = (request: FastifyRequest, limits: RateLimitSettings): Subject => ({ key: `api:ip:${request.ip}`, limit: limits.perIp, credential: false });
const digest = (secret: string): string => createHash('sha256').update(secret).digest('base64url').slice(0, 22);

function sessionCookieOf(cookie: string | undefined): string | undefined {
  return cookie?.split(';').map((part) => part.trim()).find((part) => part.startsWith('chargeops_session='));
}

export type RateLimitDeps = {
  db: Executor;
  limits: RateLimitSettings;
  log?: Logger;
  now?: () => number;
  /** Tokens a node reserves at once for a limit (tests set 1 to make every call count at once). */
  chunkOf?: (limit: number) => number;
};

/** Must be registered before authentication so that its onRequest hook runs first. */
export function registerRateLimit(app: ApiApp, deps: RateLimitDeps): void {
  const counters = createRateCounterStore();
  const windowMs = deps.limits.windowSeconds * 1000;
  const buckets = new SharedBuckets(deps.db, counters, {
    windowMs,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.chunkOf ? { chunkOf: deps.chunkOf } : {}),
    onError: (error) => deps.log?.warn({ err: error }, 'rate-limit reservation failed; call let through'),
  });

  app.addHook('onRequest', (request, reply, done) => {
    // Only the API: the OCPP upgrade, health probes and the dashboard's static files are not counted.
    if (!request.url.startsWith('/api/v1/')) return done();
    const subject = rateLimitSubject(request, deps.limits);
    // The first call of a credential in a window on this node also takes a token of its IP: a spray
    // of made-up keys is held by the IP's limit instead of costing a statement per new key.
    const gate = subject.credential && !buckets.seen(subject.key) ? buckets.take(ipSubject(request, deps.limits).key, deps.limits.perIp) : null;
    const finish = (decision: BucketDecision): void => {
      if (!decision.allowed) return done(refusal(reply, decision));
      const own = buckets.take(subject.key, subject.limit);
      if (own instanceof Promise) own.then((result) => answer(reply, result, done), done);
      else answer(reply, own, done);
    };
    if (gate === null) finish({ allowed: true, limit: 0, remaining: 0, resetMs: 0 });
    else if (gate instanceof Promise) gate.then(finish, done);
    else finish(gate);
  });

  // Expired counters (API windows and sign-in failures alike) go once a window, from every node:
  // a cheap indexed delete that finds nothing on all but one of them.
  const pruner = setInterval(() => {
    counters.prune(deps.db, (deps.now ?? Date.now)()).catch((error: unknown) => deps.log?.warn({ err: error }, 'pruning rate counters failed'));
  }, Math.max(windowMs, 60_000));
  pruner.unref();
  app.addHook('onClose', async () => clearInterval(pruner));
}

function answer(reply: FastifyReply, decision: BucketDecision, done: (error?: Error) => void): void {
  if (!decision.allowed) return done(refusal(reply, decision));
  reply.header('x-ratelimit-limit', decision.limit);
  reply.header('x-ratelimit-remaining', decision.remaining);
  reply.header('x-ratelimit-reset', Math.ceil(decision.resetMs / 1000));
  done();
}

function refusal(reply: FastifyReply, decision: BucketDecision): ApiError {
  const seconds = Math.ceil(decision.resetMs / 1000);
  reply.header('retry-after', seconds);
  reply.header('x-ratelimit-limit', decision.limit);
  reply.header('x-ratelimit-remaining', 0);
  reply.header('x-ratelimit-reset', seconds);
  return new ApiError('rate_limited', `At most ${decision.limit} calls per window; retry after ${seconds} s`, { retryAfterSeconds: seconds });
}
