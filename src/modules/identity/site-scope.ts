// Site scoping: technicians and site hosts (any user given siteIds) reach only the stations of
// their sites, and what belongs to those stations (sessions, reservations, commands, events).
// Fails closed: a site-scoped principal may use the routes listed here and no other; tenant-wide
// resources (users, API keys, webhooks, audit, tariffs...) stay refused (403).
import type { FastifyRequest } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { stations } from '../../infra/db/schema.js';
import { ApiError, type ApiErrorCode } from '../../api/problem.js';
import type { ApiApp } from '../../api/http-server.js';
import { readAsCaller } from '../../api/read-as-caller.js';
import type { Principal } from './principal.js';

const STATION_ROUTE = '/api/v1/stations/:id';

/**
 * Resources that belong to a station: a site-scoped principal sees those of its sites' stations.
 * Lists are filtered, a single one outside the scope is a 404 (as if absent), and a change to one
 * first reads it as the caller (so the same 404 applies). Keyed by the route of one item.
 */
const STATION_OWNED: Record<string, { list: string | null; notFound: ApiErrorCode }> = {
  '/api/v1/sessions/:id': { list: '/api/v1/sessions', notFound: 'session_not_found' },
  '/api/v1/reservations/:id': { list: '/api/v1/reservations', notFound: 'reservation_not_found' },
  '/api/v1/commands/:id': { list: null, notFound: 'command_not_found' },
  // Network health (issue 6): the incidents and work orders of their stations (transitions, on-site, attachments included).
  '/api/v1/incidents/:id': { list: '/api/v1/incidents', notFound: 'incident_not_found' },
  '/api/v1/work-orders/:id': { list: '/api/v1/work-orders', notFound: 'work_order_not_found' },
};
const OWNED_LISTS = new Set(Object.values(STATION_OWNED).map((owned) => owned.list).filter((list): list is string => list !== null));
const itemRouteOf = (route: string): string | undefined => Object.keys(STATION_OWNED).find((item) => route === item || route.startsWith(`${item}/`));

/** The stations a site-scoped principal's event stream carries (set by SiteScope.check for GET /api/v1/events). */
const streamScopes = new WeakMap<FastifyRequest, ReadonlySet<string>>();
export function scopedStationsOf(request: FastifyRequest): ReadonlySet<string> | null {
  return streamScopes.get(request) ?? null;
}

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
      // The stream carries the events of the stations at their sites (as placed when it opens).
      streamScopes.set(request, new Set(await this.stationsInScope(tenantId, principal)));
      return;
    }
    if (OWNED_LISTS.has(route) && request.method === 'GET') return; // filtered in filterList
    const itemRoute = itemRouteOf(route);
    if (itemRoute !== undefined) {
      if (route === itemRoute && request.method === 'GET') return; // checked in filterList, once read
      // A change (stop a session, cancel a reservation): the caller must be able to read the item.
      const read = await readAsCaller(request.server as unknown as ApiApp, request, itemRoute.replace(':id', encodeURIComponent(params['id'] ?? '')));
      if (read.status !== 200) throw new ApiError(STATION_OWNED[itemRoute]!.notFound, `No such item ${params['id']}`);
      return;
    }
    throw new ApiError('forbidden', 'Site-scoped users can use only the routes of their sites\' stations, sessions, reservations and commands');
  }

  /**
   * Drops the items of a list answer that lie outside the principal's sites (stations, sites, and
   * the lists of station-owned resources); a single station-owned item outside them is a 404.
   */
  async filterList(request: FastifyRequest, principal: Principal, tenantId: string, payload: unknown): Promise<unknown> {
    const route = request.routeOptions.url ?? '';
    const allowed = new Set(principal.siteIds);
    const owned = STATION_OWNED[route];
    const stationId = owned ? stationIdIn(payload) : null;
    if (owned && stationId !== null) {
      if (!(await this.stationsAmong(tenantId, [stationId], allowed)).has(stationId)) throw new ApiError(owned.notFound, 'Not found');
      return payload;
    }
    if (!isList(payload)) return payload;
    if (route === '/api/v1/sites') return { ...payload, items: payload.items.filter((item) => allowed.has(String(item['id']))) };
    const key = route === '/api/v1/stations' ? 'id' : OWNED_LISTS.has(route) ? 'stationId' : null;
    if (key === null) return payload;
    const inScope = await this.stationsAmong(tenantId, payload.items.map((item) => String(item[key])), allowed);
    return { ...payload, items: payload.items.filter((item) => inScope.has(String(item[key]))) };
  }

  /** Which of these stations are at the allowed sites. */
  private async stationsAmong(tenantId: string, ids: string[], allowed: ReadonlySet<string>): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.select({ id: stations.id, siteId: stations.siteId }).from(stations)
      .where(and(eq(stations.tenantId, tenantId), inArray(stations.id, [...new Set(ids)])));
    return new Set(rows.filter((row) => row.siteId !== null && allowed.has(row.siteId)).map((row) => row.id));
  }

  private async stationsInScope(tenantId: string, principal: Principal): Promise<string[]> {
    if (principal.siteIds!.length === 0) return [];
    const rows = await this.db.select({ id: stations.id }).from(stations)
      .where(and(eq(stations.tenantId, tenantId), inArray(stations.siteId, [...principal.siteIds!])));
    return rows.map((row) => row.id);
  }

  private async stationInScope(tenantId: string, stationId: string, principal: Principal): Promise<boolean> {
    const [row] = await this.db.select({ siteId: stations.siteId }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId)));
    return row?.siteId != null && principal.siteIds!.includes(row.siteId);
  }
}

/** The station of one item: `{ stationId }`, or `{ session: { stationId } }` (a session's detail). */
function stationIdIn(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const item = payload as { stationId?: unknown; session?: { stationId?: unknown } };
  const stationId = item.stationId ?? item.session?.stationId;
  return typeof stationId === 'string' ? stationId : null;
}

function isList(payload: unknown): payload is { items: Array<Record<string, unknown>> } {
  return typeof payload === 'object' && payload !== null && Array.isArray((payload as { items?: unknown }).items);
}
