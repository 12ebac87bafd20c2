// Rate limits of the operator API (ADR 017) with @fastify/rate-limit: per credential (API key or
// dashboard session) and, for calls without one, per client IP. Counted in onRequest, before
// authentication, so a flood costs one map lookup and never a database query. A refused call is a
// 429 problem `rate_limited` with Retry-After and the RateLimit headers.
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from './http-server.js';
import { ApiError } from './problem.js';

export type RateLimitOptions = {
  /** Calls per window for one API key or session. */
  perCredential: number;
  /** Calls per window from one IP without credentials (sign-in, branding, bad keys). */
  perIp: number;
  windowMs: number;
};

/** Generous: a limit protects the node from a runaway integration, it is not a billing quota. */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = { perCredential: 6000, perIp: 300, windowMs: 60_000 };

/** The bucket of a request: a hash of its credential (never the secret itself), else its IP. */
export function rateLimitKey(request: FastifyRequest): string {
  const credential = request.headers.authorization ?? sessionCookieOf(request.headers.cookie);
  if (credential) return `cred:${createHash('sha256').update(credential).digest('base64url').slice(0, 22)}`;
  return `ip:${request.ip}`;
}

function sessionCookieOf(cookie: string | undefined): string | undefined {
  return cookie?.split(';').map((part) => part.trim()).find((part) => part.startsWith('chargeops_session='));
}

/** Must be registered before authentication so that its onRequest hook runs first. */
export async function registerRateLimit(app: ApiApp, options: RateLimitOptions = DEFAULT_RATE_LIMITS): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: options.windowMs,
    max: (_request, key) => (key.startsWith('cred:') ? options.perCredential : options.perIp),
    keyGenerator: rateLimitKey,
    // Only the API: the OCPP upgrade, health probes and the dashboard's static files are not counted.
    allowList: (request) => !request.url.startsWith('/api/v1/'),
    errorResponseBuilder: (_request, context) => new ApiError('rate_limited', `At most ${context.max} calls per ${context.after}; retry after ${Math.ceil(context.ttl / 1000)} s`, {
      retryAfterSeconds: Math.ceil(context.ttl / 1000),
    }),
  });
}
