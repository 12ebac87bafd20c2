// Idempotency-Key on POSTs under /api/v1 (ADR 017), for every module without touching its routes.
//
// 1. preHandler (after authentication and body validation): claim (tenant, key) with a row in
//    state in-progress. A second request with the key finds the row: same method, path and body
//    -> the stored response is replayed (Idempotent-Replayed: true), or 409 while the first is
//    still running; anything else -> 422.
// 2. onSend: the response is stored before it leaves, so a retry after a lost answer replays it.
//    A 5xx releases the key instead (nothing was promised; the client may retry).
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../infra/db/database.js';
import { isForeignKeyViolation } from '../infra/db/database.js';
import { idempotencyKeys } from '../infra/db/schema.js';
import type { ApiApp } from './http-server.js';
import { ApiError } from './problem.js';

export type IdempotencyOptions = {
  db: Executor;
  /** The tenant a request acts for (keys are per tenant). */
  tenantOf: (request: FastifyRequest) => string;
  /** How long a stored response is replayed. */
  retentionMs?: number;
  /** An in-progress claim older than this is taken over (its request died with its node). */
  abandonedAfterMs?: number;
  now?: () => Date;
};

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Response headers a replay repeats; the rest (date, request ids, rate limits) are the replay's own. */
const KEPT_HEADERS = ['content-type', 'location', 'etag'];

type Claim = { tenantId: string; key: string };

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

export function registerIdempotency(app: ApiApp, options: IdempotencyOptions): void {
  const { db } = options;
  const retentionMs = options.retentionMs ?? 24 * 3_600_000;
  const abandonedAfterMs = options.abandonedAfterMs ?? 5 * 60_000;
  const now = options.now ?? (() => new Date());
  app.decorateRequest('idempotencyClaim', null);
  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(db, new Date(now().getTime() - retentionMs)).catch((error: unknown) => app.log.error({ err: error }, 'purging idempotency keys failed'));
  }, Math.min(retentionMs, 3_600_000));
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.url.startsWith('/api/v1/') || !request.principal) return;
    const key = Array.isArray(header) ? header[0] ?? '' : header;
    if (!KEY.test(key)) throw new ApiError('validation_failed', 'Idempotency-Key must be 1-255 visible ASCII characters (a UUID is a good choice)');
    const tenantId = options.tenantOf(request);
    const fingerprint = { method: request.method, path: request.url, requestHash: hashBody(request.body) };
    const at = now();

    for (let attempt = 0; attempt < 2; attempt++) {
      if (await claim(db, { tenantId, key, ...fingerprint, at })) {
        request.idempotencyClaim = { tenantId, key };
        return;
      }
      const [stored] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
      if (!stored) continue; // released or expired in between: claim again
      const expired = stored.createdAt.getTime() < at.getTime() - retentionMs;
      const abandoned = stored.state === 'in-progress' && stored.createdAt.getTime() < at.getTime() - abandonedAfterMs;
      if (expired || abandoned) {
        await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.createdAt, stored.createdAt)));
        continue;
      }
      if (stored.method !== fingerprint.method || stored.path !== fingerprint.path || stored.requestHash !== fingerprint.requestHash) {
        throw new ApiError('idempotency_key_reused', `Idempotency-Key ${key} was used for another request (${stored.method} ${stored.path} with another body); use a new key for a new request`);
      }
      if (stored.state === 'in-progress') {
        throw new ApiError('idempotency_request_in_progress', `The request with Idempotency-Key ${key} is still running; retry later for its response`);
      }
      for (const [name, value] of Object.entries(stored.responseHeaders ?? {})) reply.header(name, value);
      reply.header('idempotent-replayed', 'true');
      return reply.code(stored.responseStatus!).send(stored.responseBody ?? '');
    }
    throw new ApiError('idempotency_request_in_progress', `Idempotency-Key ${key} is contended; retry`);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotencyClaim;
    if (!held) return payload;
    request.idempotencyClaim = null;
    const where = and(eq(idempotencyKeys.tenantId, held.tenantId), eq(idempotencyKeys.key, held.key));
    if (reply.statusCode >= 500 || (payload !== null && payload !== undefined && typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      // A failure promised nothing, and a streamed body cannot be kept: the key is free again.
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    await db.update(idempotencyKeys).set({
      state: 'completed', responseStatus: reply.statusCode, responseHeaders: headers,
      responseBody: payload === null || payload === undefined ? null : payload.toString(), completedAt: now(),
    }).where(where);
    return payload;
  });
}

async function claim(db: Executor, row: { tenantId: string; key: string; method: string; path: string; requestHash: string; at: Date }): Promise<boolean> {
  try {
    const inserted = await db.insert(idempotencyKeys).values({
      tenantId: row.tenantId, key: row.key, method: row.method, path: row.path, requestHash: row.requestHash, state: 'in-progress', createdAt: row.at,
    }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    return inserted.length > 0;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new ApiError('tenant_not_found', `Tenant ${row.tenantId} not found`);
    throw error;
  }
}

/** The body as the route received it (parsed JSON is hashed in a canonical key order). */
function hashBody(body: unknown): string {
  return createHash('sha256').update(typeof body === 'string' ? body : canonicalJson(body ?? null)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Deletes stored responses past their retention (run periodically; a few rows per key a day). */
export async function purgeExpiredIdempotencyKeys(db: Executor, olderThan: Date): Promise<number> {
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, olderThan)).returning({ key: idempotencyKeys.key });
  return rows.length;
}
