// Records every mutating call of the operator API (POST/PUT/PATCH/DELETE under /api/v1, whatever
// its status) once its response is sent, so auditing adds no latency to the call itself.
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { AuditLog } from './audit-log.js';
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

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 201 && isAudited(request) && typeof payload === 'string') {
      const id = createdIdOf(payload);
      if (id !== null) createdIds.set(request, id);
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!isAudited(request) || !request.principal) return;
    const route = request.routeOptions.url;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const createdId = createdIds.get(request) ?? null;
    const query = request.query as Record<string, unknown> | undefined;
    void audit.record({
      tenantId: tenantOf(request, defaultTenant),
      // A person signed in to the dashboard is recorded as the user; an integration as its key.
      actorType: request.principal.actorType,
      actorId: request.principal.actorType === 'user' ? request.principal.userId ?? request.principal.keyId : request.principal.keyId,
      action: `${request.method} ${route ?? request.url.split('?')[0]}`,
      ...targetOf(route, params, createdId),
      remoteAddress: request.ip,
      after: bodyForAudit(request.body, request.headers['content-type'], request.headers['content-length']),
      details: {
        statusCode: reply.statusCode,
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
  const [resource, second] = route.slice('/api/v1/'.length).split('/');
  const targetType = resource ? resource.replace(/(?<!s)s$/, '') : null;
  const param = second?.startsWith(':') ? params[second.slice(1)] : undefined;
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

function bodyForAudit(body: unknown, contentType: string | undefined, contentLength: string | undefined): unknown {
  if (body === undefined || body === null) return null;
  const plain = Array.isArray(body) || (typeof body === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(body)));
  if (!plain) return { omitted: 'not a JSON body', contentType: contentType ?? null, bytes: contentLength === undefined ? null : Number(contentLength) };
  const redacted = redactSecrets(body);
  const size = JSON.stringify(redacted).length;
  return size > MAX_BODY_CHARS ? { omitted: `larger than ${MAX_BODY_CHARS} characters`, bytes: size } : redacted;
}
