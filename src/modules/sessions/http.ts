import { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { SESSION_SORT, type SessionListQuery } from './query-store.js';
import { sortParameter } from '../../api/sorting.js';
import type { SessionQueryService } from './query-service.js';
import { SessionDetailSchema, SessionSchema, SessionStatusSchema, toSessionDetailView, toSessionView } from './http-schemas.js';
import { Nullable } from '../../api/schema-helpers.js';

export type SessionRoutesDeps = { queries: SessionQueryService; defaultTenant: string };

const Filters = Type.Object({
  stationId: Type.Optional(Type.String({ minLength: 1, maxLength: 48 })),
  idToken: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  status: Type.Optional(SessionStatusSchema),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Sessions started at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Sessions started before' })),
});
const ListQuery = Type.Composite([Filters, Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1 })),
  sort: sortParameter(SESSION_SORT),
})]);

function filtersOf(query: Static<typeof Filters>): Omit<SessionListQuery, 'limit' | 'cursor'> {
  return {
    stationId: query.stationId,
    idToken: query.idToken,
    status: query.status,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** /api/v1/sessions: listing (newest first, cursor pagination), the complete record, CSV export. */
export function registerSessionRoutes(app: ApiApp, deps: SessionRoutesDeps): void {
  const { queries } = deps;
  const tags = ['sessions'];

  app.get('/api/v1/sessions', {
    schema: {
      tags, summary: 'Charging sessions, newest first (filters: station, token, status, start time)',
      querystring: ListQuery,
      response: { 200: Type.Object({ items: Type.Array(SessionSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const { limit, cursor, sort, ...filters } = request.query;
    const page = await queries.list(tenantOf(request, deps.defaultTenant), { ...filtersOf(filters), limit, cursor, sort });
    return { items: page.items.map(toSessionView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/sessions/export', {
    schema: {
      tags, summary: 'The sessions matching the filters as CSV (text/csv, a header line, newest first)',
      querystring: Filters,
    },
  }, async (request, reply) => {
    const tenantId = tenantOf(request, deps.defaultTenant);
    const rows = queries.exportCsv(tenantId, filtersOf(request.query));
    // Pull the first chunk so that a bad filter fails as a problem response, not a broken stream.
    const first = await rows.next();
    const body = Readable.from((async function* () {
      if (!first.done) yield first.value;
      yield* rows;
    })());
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="sessions.csv"').send(body);
  });

  app.get('/api/v1/sessions/:id', {
    schema: {
      tags, summary: 'A session with every event in order, its meter series, anomalies and the commands sent for it',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: SessionDetailSchema },
    },
  }, async (request) => toSessionDetailView(await queries.detail(tenantOf(request, deps.defaultTenant), request.params.id)));
}
