// ETag / If-Match for resources an operator edits (ADR 017): stations, sites, tenants, tokens,
// tariffs and webhooks, without touching their routes.
//
// The ETag is a version of the resource, not a hash of the whole answer: it is derived from the
// resource's id and `updatedAt`, so a heartbeat or a connector status (which change the station's
// GET answer, not the station) does not fail the next PATCH with 412.
// - GET of the resource and 200 answers of PATCH/PUT on it carry `ETag`.
// - PATCH/PUT with `If-Match` reads the resource as the caller would (an internal GET through
//   every hook, so authentication and tenant scope apply), and answers 412 precondition_failed
//   when no listed tag matches. The check and the write run under a per-resource lock of this
//   node, so two conditional writes on one node cannot both pass.
// - If-Match is optional (no 428): existing integrations keep working; clients opt in.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from './http-server.js';
import { ApiError } from './problem.js';
import { fillRoute, readAsCaller } from './read-as-caller.js';

/** Route of a write -> the GET route whose answer is the resource it changes. */
const RESOURCES: Record<string, string> = {
  '/api/v1/stations/:id': '/api/v1/stations/:id',
  '/api/v1/stations/:id/evses': '/api/v1/stations/:id',
  '/api/v1/stations/:id/site': '/api/v1/stations/:id',
  '/api/v1/sites/:id': '/api/v1/sites/:id',
  '/api/v1/tenants/:id': '/api/v1/tenants/:id',
  '/api/v1/tokens/:id': '/api/v1/tokens/:id',
  '/api/v1/tariffs/:id': '/api/v1/tariffs/:id',
  '/api/v1/webhooks/:id': '/api/v1/webhooks/:id',
  // Network health: knowledge base and playbooks (issue 6)
  '/api/v1/knowledge-base/entries/:id': '/api/v1/knowledge-base/entries/:id',
  '/api/v1/playbooks/:id': '/api/v1/playbooks/:id',
};
const VERSIONED_READS = new Set(Object.values(RESOURCES));
const WRITES = new Set(['PATCH', 'PUT']);

/** A strong tag from what identifies a version of the resource; null when it has no updatedAt. */
export function etagOf(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  const { id, updatedAt } = body as { id?: unknown; updatedAt?: unknown };
  if (typeof updatedAt !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) return null;
  return `"${createHash('sha256').update(`${id}\n${updatedAt}`).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 If-Match: `*` or a list of strong tags (weak tags never match a strong comparison). */
export function ifMatchAccepts(header: string, current: string | null): boolean {
  if (header.trim() === '*') return current !== null;
  return current !== null && header.split(',').map((tag) => tag.trim()).some((tag) => tag === current);
}

export function registerEtags(app: ApiApp): void {
  const locks = new Map<string, Promise<void>>();
  const releases = new WeakMap<FastifyRequest, () => void>();

  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url;
    const readRoute = route === undefined ? undefined : RESOURCES[route];
    const ifMatch = request.headers['if-match'];
    if (!WRITES.has(request.method) || readRoute === undefined || typeof ifMatch !== 'string') return;
    const path = fillRoute(readRoute, request.params as Record<string, string>);
    const lockKey = `${typeof request.headers['x-tenant-id'] === 'string' ? request.headers['x-tenant-id'] : ''} ${path}`;
    // Wait for the conditional write before ours on this resource, then hold the lock until our answer is sent.
    const previous = locks.get(lockKey) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    const chained = previous.then(() => mine);
    locks.set(lockKey, chained);
    releases.set(request, () => {
      release();
      if (locks.get(lockKey) === chained) locks.delete(lockKey);
    });
    await previous;

    const current = await readAsCaller(app, request, path);
    // A resource the caller cannot read answers as that read did (404, 403): nothing is revealed.
    if (current.status !== 200) throw new ApiError(current.status === 404 ? 'not_found' : 'forbidden', 'The resource cannot be read');
    if (!ifMatchAccepts(ifMatch, etagOf(current.body))) {
      throw new ApiError('precondition_failed', 'If-Match does not match the current ETag: read the resource again, then retry the change', { currentEtag: etagOf(current.body) });
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    const tagged = route !== undefined && reply.statusCode === 200 && typeof payload === 'string'
      && ((request.method === 'GET' && VERSIONED_READS.has(route)) || (WRITES.has(request.method) && RESOURCES[route] === route));
    if (tagged) {
      const tag = etagOf(safeJson(payload));
      if (tag !== null) reply.header('etag', tag);
    }
    return payload;
  });

  app.addHook('onResponse', async (request) => {
    releases.get(request)?.();
  });
  // An aborted request never reaches onResponse: its lock must not block the resource forever.
  app.addHook('onRequestAbort', async (request) => {
    releases.get(request)?.();
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
