import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { AuditLog } from './audit-log.js';
import { AUDIT_SORT, type AuditEntry } from './audit-store.js';
import { sortParameter } from '../../api/sorting.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';


const AuditEntrySchema = Type.Object({
  id: Type.String(),
  actorType: Type.String({ description: 'api-key, user or system' }),
  actorId: Nullable(Type.String({ description: 'API key id, user id, or system:<job>' })),
  action: Type.String({ description: 'e.g. PATCH /api/v1/stations/:id, or command CancelReservation for a system job' }),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  at: DateTime,
  remoteAddress: Nullable(Type.String()),
  before: Type.Unknown({ description: 'Updates and deletes: the resource before the change, as the caller could read it (secrets redacted)' }),
  after: Type.Unknown({ description: 'Updates: the resource after (unchanged when refused); deletes: null; other calls: the request body (secrets redacted)' }),
  details: Type.Unknown({ description: 'statusCode, route params, query, created id, request (the body of an update), beforeReadStatus...' }),
});

function toView(entry: AuditEntry) {
  const { tenantId: _tenant, ...rest } = entry;
  return { ...rest, id: entry.id.toString(), at: entry.at.toISOString() };
}

export function registerAuditRoutes(app: ApiApp, deps: { audit: AuditLog; defaultTenant: string }): void {
  app.get('/api/v1/audit', {
    schema: {
      tags: ['audit'], summary: 'Audit log (newest first): who changed what, when, from where',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        cursor: Type.Optional(Type.String()),
        actorId: Type.Optional(Type.String({ maxLength: 200 })),
        action: Type.Optional(Type.String({ maxLength: 300, description: 'Exact action, e.g. POST /api/v1/stations/:id/reset' })),
        targetType: Type.Optional(Type.String({ maxLength: 100 })),
        targetId: Type.Optional(Type.String({ maxLength: 200 })),
        from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive' })),
        to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive' })),
        sort: sortParameter(AUDIT_SORT),
      }),
      response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const { from, to, ...rest } = request.query;
    const page = await deps.audit.list(tenantOf(request, deps.defaultTenant), {
      ...rest, from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to),
    });
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });
}
