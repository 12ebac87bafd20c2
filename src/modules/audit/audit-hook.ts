// Records every mutating call of the operator API (POST/PUT/PATCH/DELETE under /api/v1, whatever
// its status) once its response is sent. Updates and deletes also record the resource's state
// before the change (read as the caller, before the handler runs) and after it (ADR 036).
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { fillRoute, readAsCaller } from '../../api/read-as-caller.js';
import type { AuditLog } from './audit-log.js';
import { itemsOf, itemWithId, priorReadOf, UPDATING, type PriorRead } from './prior-state.js';
import { redactSecrets } from './redact.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Bodies larger than this (as stored JSON) are summarised rather than kept. */
const MAX_BODY_CHARS = 16_384;

const isAudited = (request: FastifyRequest): boolean => MUTATING.has(request.method) && request.url.startsWith('/api/v1/');

/**
 * Unauthenticated calls are not recorded: they changed nothing and have no actor, and recording
 * them would let anyone fill the table.
 */
export function registerAuditHook(app: ApiApp, audit: AuditLog, defaultTenant: string): void {
  // The id of what a POST created is only in its response; kept aside until onResponse.
  const createdIds = new WeakMap<FastifyRequest, string>();
  const befores = new WeakMap<FastifyRequest, Captured>();
  const afters = new WeakMap<FastifyRequest, unknown>();
  const getRoutes = new Set<string>();
  app.addHook('onRoute', (route) => {
    if ([route.method].flat().includes('GET')) getRoutes.add(route.url);
  });

  // After authentication, validation and the If-Match check (registered after etag.ts): the state
  // the change starts from. A failed read is recorded as such; it never fails the change.
  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url;
    if (!UPDATING.has(request.method) || !isAudited(request) || !request.principal || route === undefined) return;
    const read = priorReadOf(request.method, route, getRoutes);
    befores.set(request, read === null ? { state: null, readStatus: null } : await readPrior(app, request, read));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 201 && isAudited(request) && typeof payload === 'string') {
      const id = createdIdOf(payload);
      if (id !== null) createdIds.set(request, id);
    }
    // The state after an update is the resource the route answers (PATCH/PUT answer it).
    if (befores.has(request) && request.method !== 'DELETE' && reply.statusCode === 200 && typeof payload === 'string') {
      afters.set(request, forAudit(parseJson(payload)));
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!isAudited(request) || !request.principal) return;
    const route = request.routeOptions.url;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const createdId = createdIds.get(request) ?? null;
    const query = request.query as Record<string, unknown> | undefined;
    const change = beforeAndAfter(request, reply.statusCode, befores.get(request), afters.get(request));
    void audit.record({
      tenantId: tenantOf(request, defaultTenant),
      // A person signed in to the dashboard is recorded as the user; an integration as its key.
      actorType: request.principal.actorType,
      actorId: request.principal.actorType === 'user' ? request.principal.userId ?? request.principal.keyId : request.principal.keyId,
      action: `${request.method} ${route ?? request.url.split('?')[0]}`,
      ...targetOf(route, params, createdId),
      remoteAddress: request.ip,
      before: change.before,
      after: change.after,
      details: {
        ...(change.request === undefined ? {} : { request: change.request }),
        statusCode: reply.statusCode,
        ...(befores.get(request)?.readStatus === undefined ? {} : { beforeReadStatus: befores.get(request)!.readStatus }),
        requestId: request.id,
        ...(Object.keys(params).length > 0 ? { params } : {}),
        ...(query && Object.keys(query).length > 0 ? { query: redactSecrets(query) } : {}),
        ...(createdId === null ? {} : { createdId }),
      },
    });
  });
}

/** `/api/v1/stations/:id/reset` -> station + the id param; `/api/v1/webhooks` (201) -> webhook + the created id. */
export function targetOf(route: string | undefined, params: Record<string, unknown>, createdId: string | null): { targetType: string | null; targetId: string | null } {
  if (!route?.startsWith('/api/v1/')) return { targetType: null, targetId: null };
  const segments = route.slice('/api/v1/'.length).split('/');
  // The first parameter names the target; the segment before it is its type (`/tariffs/assignments/:id` -> assignment).
  const at = segments.findIndex((segment) => segment.startsWith(':'));
  const resource = at > 0 ? segments[at - 1] : segments[0];
  const targetType = resource ? resource.replace(/(?<!s)s$/, '') : null;
  const param = at > 0 ? params[segments[at]!.slice(1)] : undefined;
  const targetId = param === undefined ? createdId : String(param);
  return { targetType, targetId };
}

function createdIdOf(payload: string): string | null {
  try {
    const parsed: unknown = JSON.parse(payload);
    const id = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['id'] : undefined;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

/** The state before a change: `readStatus` is the read's HTTP status (null: no read is known for the route). */
type Captured = { state: unknown; readStatus: number | null };

async function readPrior(app: ApiApp, request: FastifyRequest, read: PriorRead): Promise<Captured> {
  const params = (request.params ?? {}) as Record<string, string>;
  const get = (route: string, query = '') => readAsCaller(app, request, `${fillRoute(route, params)}${query}`);
  try {
    if ('read' in read) {
      // The same route's GET keeps the query (e.g. ?platform=true on users): it names the same resource.
      const answer = await get(read.read, read.read === request.routeOptions.url ? queryOf(request.url) : '');
      return { state: answer.status === 200 ? forAudit(answer.body) : null, readStatus: answer.status };
    }
    if ('list' in read) {
      let answer = await get(read.list, '?limit=500');
      if (answer.status === 400) answer = await get(read.list); // a list without paging
      return { state: answer.status === 200 ? forAudit(itemWithId(answer.body, params[read.param])) : null, readStatus: answer.status };
    }
    const parents = await get(read.nested.parents);
    for (const parent of itemsOf(parents.body)) {
      const children = await readAsCaller(app, request, fillRoute(read.nested.children, { ...params, [read.nested.parentParam]: String(parent['id']) }));
      const found = itemWithId(children.body, params[read.param]);
      if (found) return { state: forAudit(found), readStatus: 200 };
    }
    return { state: null, readStatus: parents.status === 200 ? 404 : parents.status };
  } catch (error) {
    request.log.warn({ err: error }, 'audit: state before the change not read');
    return { state: null, readStatus: 500 };
  }
}

/**
 * `before`/`after` of an entry. Updates and deletes: the resource before, and after (the answer of
 * a 200 update; null once deleted; the request body when the answer is not the resource). Other
 * calls (POST): no before, the request body as after. The request body is kept in `request`.
 */
function beforeAndAfter(request: FastifyRequest, status: number, before: Captured | undefined, answered: unknown): { before: unknown; after: unknown; request?: unknown } {
  const body = bodyForAudit(request.body, request.headers['content-type'], request.headers['content-length']);
  if (before === undefined) return { before: null, after: body };
  const changed = status >= 200 && status < 300;
  const after = !changed ? before.state : request.method === 'DELETE' ? null : answered ?? body;
  return { before: before.state, after, request: body };
}

function bodyForAudit(body: unknown, contentType: string | undefined, contentLength: string | undefined): unknown {
  if (body === undefined || body === null) return null;
  const plain = Array.isArray(body) || (typeof body === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(body)));
  if (!plain) return { omitted: 'not a JSON body', contentType: contentType ?? null, bytes: contentLength === undefined ? null : Number(contentLength) };
  return forAudit(body);
}

/** Secrets redacted, large values summarised. */
function forAudit(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const redacted = redactSecrets(value);
  const size = JSON.stringify(redacted).length;
  return size > MAX_BODY_CHARS ? { omitted: `larger than ${MAX_BODY_CHARS} characters`, bytes: size } : redacted;
}

const queryOf = (url: string): string => (url.includes('?') ? url.slice(url.indexOf('?')) : '');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
