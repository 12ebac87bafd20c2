// Sites and the placement of stations at them (Drizzle; PGlite and node-postgres alike).
import { and, asc, count, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { connectorStatus, sites, stations } from '../../infra/db/schema.js';
import type { OpeningHours, Site, SiteFields } from './site.js';
import { afterCursor, keysetPage, parseSort, sortOrder, type Sortable } from '../../api/sorting.js';

type Row = typeof sites.$inferSelect;
const toSite = (row: Row): Site => ({ ...row, openingHours: (row.openingHours ?? null) as OpeningHours | null });

/** The site list's `?sort=` fields (ADR 037). */
export const SITE_SORT: Sortable<Row> = {
  fields: {
    id: { column: sites.id, kind: 'text', valueOf: (row) => row.id },
    name: { column: sites.name, kind: 'text', valueOf: (row) => row.name },
    country: { column: sites.country, kind: 'text', valueOf: (row) => row.country },
    city: { column: sql`coalesce(${sites.city}, '')`, kind: 'text', valueOf: (row) => row.city ?? '' },
    createdAt: { column: sites.createdAt, kind: 'timestamp', valueOf: (row) => row.createdAt },
    updatedAt: { column: sites.updatedAt, kind: 'timestamp', valueOf: (row) => row.updatedAt },
  },
  id: { column: sites.id, kind: 'text', valueOf: (row) => row.id },
  defaultSort: 'id',
};

export type SiteStation = { id: string; displayName: string | null; online: boolean; registrationStatus: string };

export function createSiteStore() {
  return {
    async get(ex: Executor, tenantId: string, id: string): Promise<Site | null> {
      const [row] = await ex.select().from(sites).where(and(eq(sites.tenantId, tenantId), eq(sites.id, id)));
      return row ? toSite(row) : null;
    },

    /** A keyset page in the `?sort=` order (SITE_SORT; default by id). */
    async list(ex: Executor, tenantId: string, query: { limit: number; cursor?: string | undefined; sort?: string | undefined; country?: string | undefined }): Promise<{ items: Site[]; nextCursor: string | null }> {
      const sort = parseSort(SITE_SORT, query.sort);
      const rows = await ex.select().from(sites).where(and(
        eq(sites.tenantId, tenantId),
        query.country === undefined ? undefined : eq(sites.country, query.country),
        afterCursor(sort, query.cursor),
      )).orderBy(...sortOrder(sort)).limit(query.limit + 1);
      const page = keysetPage(rows, query.limit, sort);
      return { items: page.rows.map(toSite), nextCursor: page.nextCursor };
    },

    async insert(ex: Executor, site: SiteFields & { tenantId: string; id: string }): Promise<Site> {
      const [row] = await ex.insert(sites).values(site).returning();
      return toSite(row!);
    },

    async update(ex: Executor, tenantId: string, id: string, fields: SiteFields, at: Date): Promise<Site | null> {
      const [row] = await ex.update(sites).set({ ...fields, updatedAt: at }).where(and(eq(sites.tenantId, tenantId), eq(sites.id, id))).returning();
      return row ? toSite(row) : null;
    },

    async delete(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      const rows = await ex.delete(sites).where(and(eq(sites.tenantId, tenantId), eq(sites.id, id))).returning({ id: sites.id });
      return rows.length > 0;
    },

    async countStations(ex: Executor, tenantId: string, siteId: string): Promise<number> {
      const [row] = await ex.select({ n: count() }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.siteId, siteId)));
      return Number(row?.n ?? 0);
    },

    async stationsAt(ex: Executor, tenantId: string, siteId: string, query: { limit: number; after?: string }): Promise<SiteStation[]> {
      return ex.select({ id: stations.id, displayName: stations.displayName, online: stations.online, registrationStatus: stations.registrationStatus })
        .from(stations)
        .where(and(eq(stations.tenantId, tenantId), eq(stations.siteId, siteId), query.after === undefined ? undefined : gt(stations.id, query.after)))
        .orderBy(asc(stations.id)).limit(query.limit + 1);
    },

    /** Connectors (not EVSE or station rows) of the site's stations, counted by occupancy. */
    async connectorCounts(ex: Executor, tenantId: string, siteId: string): Promise<Record<string, number>> {
      const rows = await ex.select({ occupancy: connectorStatus.occupancy, n: count() })
        .from(connectorStatus)
        .innerJoin(stations, and(eq(stations.tenantId, connectorStatus.tenantId), eq(stations.id, connectorStatus.stationId)))
        .where(and(eq(stations.tenantId, tenantId), eq(stations.siteId, siteId), isNotNull(stations.siteId), sql`${connectorStatus.connectorId} > 0`))
        .groupBy(connectorStatus.occupancy);
      return Object.fromEntries(rows.map((row) => [row.occupancy, Number(row.n)]));
    },

    /** Null when the station is not the tenant's; the composite FK refuses a site of another tenant. */
    async placeStation(ex: Executor, tenantId: string, stationId: string, siteId: string | null, at: Date): Promise<boolean> {
      const rows = await ex.update(stations).set({ siteId, updatedAt: at })
        .where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId))).returning({ id: stations.id });
      return rows.length > 0;
    },

    async siteOfStation(ex: Executor, tenantId: string, stationId: string): Promise<{ siteId: string | null } | null> {
      const [row] = await ex.select({ siteId: stations.siteId }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId)));
      return row ?? null;
    },
  };
}

export type SiteStore = ReturnType<typeof createSiteStore>;
