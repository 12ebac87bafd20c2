// Site scoping: technicians and site hosts (any user given siteIds) reach only the stations of
// their sites. Fails closed: a site-scoped principal may use the routes listed here and no other.
import type { FastifyRequest } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { stations } from '../../infra/db/schema.js';
import { ApiError } from '../../api/problem.js';
import type { Principal } from './principal.js';

const STATION_ROUTE = '/api/v1/stations/:id';

export class SiteScope {
  constructor(private readonly db: Executor) {}

  /** Refuses the request unless it stays within the principal's sites. */
  async check(request: FastifyRequest, principal: Principal, tenantId: string): Promise<void> {
    const route = request.routeOptions.url ?? '';
    const access = request.routeOptions.config.permission;
    if (access === 'authenticated' || access === 'public') return; // their own account (me, logout, TOTP)
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    if (route === STATION_ROUTE || route.startsWith(`${STATION_ROUTE}/`)) {
      // Outside the scope looks exactly like a station that does not exist.
      if (!(await this.stationInScope(tenantId, params['id'] ?? '', principal))) throw new ApiError('station_not_found', `No station ${params['id']}`);
      return;
    }
    if (route === '/api/v1/stations' && request.method === 'GET') return; // filtered in filterList
    if (route === '/api/v1/sites' && request.method === 'GET') return;
    if (route === '/api/v1/network-summary' && request.method === 'GET') return; // dashboard (issue 5): counts only the principal's sites
    if ((route === '/api/v1/sites/:id' || route.startsWith('/api/v1/sites/:id/')) && request.method === 'GET') {
      if (!principal.siteIds!.includes(params['id'] ?? '')) throw new ApiError('forbidden', 'This site is outside your sites');
      return;
    }
    if (route === '/api/v1/events') {
      const stationId = (request.query as Record<string, string | undefined>)['stationId'];
      if (stationId && (await this.stationInScope(tenantId, stationId, principal))) return;
      throw new ApiError('forbidden', 'Site-scoped users stream the events of one of their stations: add ?stationId=');
    }
    throw new ApiError('forbidden', 'Site-scoped users can use only the station and site routes of their sites');
  }

  /** Drops the items of a list answer that lie outside the principal's sites (stations and sites lists). */
  async filterList(request: FastifyRequest, principal: Principal, tenantId: string, payload: unknown): Promise<unknown> {
    const route = request.routeOptions.url;
    if (!isList(payload)) return payload;
    const allowed = new Set(principal.siteIds);
    if (route === '/api/v1/sites') return { ...payload, items: payload.items.filter((item) => allowed.has(String(item['id']))) };
    if (route !== '/api/v1/stations') return payload;
    const ids = payload.items.map((item) => String(item['id']));
    if (ids.length === 0) return payload;
    const rows = await this.db.select({ id: stations.id, siteId: stations.siteId }).from(stations)
      .where(and(eq(stations.tenantId, tenantId), inArray(stations.id, ids)));
    const inScope = new Set(rows.filter((row) => row.siteId !== null && allowed.has(row.siteId)).map((row) => row.id));
    return { ...payload, items: payload.items.filter((item) => inScope.has(String(item['id']))) };
  }

  private async stationInScope(tenantId: string, stationId: string, principal: Principal): Promise<boolean> {
    const [row] = await this.db.select({ siteId: stations.siteId }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId)));
    return row?.siteId != null && principal.siteIds!.includes(row.siteId);
  }
}

function isList(payload: unknown): payload is { items: Array<Record<string, unknown>> } {
  return typeof payload === 'object' && payload !== null && Array.isArray((payload as { items?: unknown }).items);
}
