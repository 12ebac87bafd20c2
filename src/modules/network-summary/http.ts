import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { CONNECTOR_BUCKETS } from './domain.js';
import type { Executor } from '../../infra/db/database.js';
import { NetworkSummaryService, type NetworkSummary } from './service.js';
import { createNetworkSummaryStore } from './store.js';
import { DateTime } from '../../api/schema-helpers.js';

const Count = Type.Integer({ minimum: 0 });
const ConnectorCountsSchema = Type.Object(Object.fromEntries(CONNECTOR_BUCKETS.map((bucket) => [bucket, Count])) as Record<(typeof CONNECTOR_BUCKETS)[number], typeof Count>,
  { description: 'Connectors of online stations by last reported status (charging wins over occupied; an EVSE-level status counts only where no connector of the EVSE reported)' });

const NetworkSummarySchema = Type.Object({
  stations: Type.Object({ total: Count, online: Count, offline: Count }),
  connectors: ConnectorCountsSchema,
  energyToday: Type.Object({
    since: DateTime,
    energyWh: Type.String({ description: 'Energy of the sessions started since `since`, Wh (decimal string)' }),
    sessions: Count,
  }),
  sites: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(),
    latitude: Type.Union([Type.Null(), Type.Number()]), longitude: Type.Union([Type.Null(), Type.Number()]),
    stations: Count, online: Count, connectors: ConnectorCountsSchema,
  }), { description: 'Every site in scope with its own counts (for the map)' }),
  unplaced: Type.Object({ stations: Count, online: Count }, { description: 'Stations placed at no site' }),
  generatedAt: DateTime,
});

const toView = (summary: NetworkSummary) => ({
  ...summary,
  energyToday: { ...summary.energyToday, since: summary.energyToday.since.toISOString() },
  generatedAt: summary.generatedAt.toISOString(),
});

export function registerNetworkSummaryRoutes(app: ApiApp, deps: { summary: NetworkSummaryService; defaultTenant: string }): void {
  app.get('/api/v1/network-summary', {
    config: { permission: 'stations:read' },
    schema: {
      tags: ['stations'],
      summary: 'Counts of the network by state, energy today and per-site counts (aggregates only; site-scoped users see their sites)',
      querystring: Type.Object({
        since: Type.Optional(Type.String({ format: 'date-time', description: 'Start of "today" for the energy (the caller\'s local midnight); default UTC midnight' })),
      }),
      response: { 200: NetworkSummarySchema },
    },
  }, async (request) => {
    const scope = { tenantId: tenantOf(request, deps.defaultTenant), siteIds: request.principal?.siteIds ?? null };
    const since = request.query.since === undefined ? undefined : new Date(request.query.since);
    return toView(await deps.summary.summary(scope, since));
  });
}

/** Wires the store, the service and the route (the one call main.ts makes). */
export function registerNetworkSummary(app: ApiApp, deps: { db: Executor; defaultTenant: string }): void {
  registerNetworkSummaryRoutes(app, { summary: new NetworkSummaryService(deps.db, createNetworkSummaryStore()), defaultTenant: deps.defaultTenant });
}
