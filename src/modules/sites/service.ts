import type { Executor } from '../../infra/db/database.js';
import { randomUUID } from 'node:crypto';
import { isForeignKeyViolation } from '../../infra/db/database.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { ApiError } from '../../api/problem.js';
import { decodeIdCursor, encodeIdCursor } from '../../api/cursor.js';
import { checkSite, type Site, type SiteFields } from './site.js';
import type { SiteStation, SiteStore } from './store.js';

export type NewSiteInput = Partial<SiteFields> & Pick<SiteFields, 'name' | 'country'>;
export type SiteDetail = Site & { stations: SiteStation[]; stationCount: number; connectorsByStatus: Record<string, number> };

/** Stations listed in a site's detail; more are paged through GET /api/v1/stations?siteId=. */
const DETAIL_STATIONS = 200;

/**
 * Sites of a tenant and where its stations stand. Every rule is checked on the whole site as it
 * will be after the change, so a PATCH cannot leave, say, a region of another country behind.
 */
export class SiteService {
  constructor(private readonly db: Executor, private readonly store: SiteStore, private readonly events: EventPublisher, private readonly now: () => Date = () => new Date()) {}

  async create(tenantId: string, input: NewSiteInput): Promise<Site> {
    const fields = checkSite({
      name: input.name, street: input.street ?? null, postalCode: input.postalCode ?? null, city: input.city ?? null,
      country: input.country, region: input.region ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null,
      timeZone: input.timeZone ?? 'UTC', openingHours: input.openingHours ?? null, host: input.host ?? null,
    });
    let site: Site;
    try {
      // Generated, not chosen: site ids are unique across the deployment, and a chosen id that
      // collided would tell one tenant that another tenant has a site of that name.
      site = await this.store.insert(this.db, { ...fields, tenantId, id: `site_${randomUUID()}` });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new ApiError('tenant_not_found', `Tenant ${tenantId} not found`);
      throw error;
    }
    this.publish('site.created', site);
    return site;
  }

  async get(tenantId: string, id: string): Promise<Site> {
    const site = await this.store.get(this.db, tenantId, id);
    if (!site) throw new ApiError('site_not_found', `Site ${id} not found`);
    return site;
  }

  async detail(tenantId: string, id: string): Promise<SiteDetail> {
    const site = await this.get(tenantId, id);
    const [stations, stationCount, connectorsByStatus] = await Promise.all([
      this.store.stationsAt(this.db, tenantId, id, { limit: DETAIL_STATIONS }),
      this.store.countStations(this.db, tenantId, id),
      this.store.connectorCounts(this.db, tenantId, id),
    ]);
    return { ...site, stations: stations.slice(0, DETAIL_STATIONS), stationCount, connectorsByStatus };
  }

  async list(tenantId: string, query: { limit: number; cursor?: string | undefined; sort?: string | undefined; country?: string | undefined }): Promise<{ items: Site[]; nextCursor: string | null }> {
    return this.store.list(this.db, tenantId, query);
  }

  async update(tenantId: string, id: string, patch: Partial<SiteFields>): Promise<Site> {
    const current = await this.get(tenantId, id);
    const { tenantId: _t, id: _i, createdAt: _c, updatedAt: _u, ...fields } = current;
    const next = checkSite({ ...fields, ...definedOnly(patch) });
    const site = await this.store.update(this.db, tenantId, id, next, this.now());
    if (!site) throw new ApiError('site_not_found', `Site ${id} not found`);
    this.publish('site.updated', site, { changed: Object.keys(definedOnly(patch)) });
    return site;
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.get(tenantId, id);
    const stations = await this.store.countStations(this.db, tenantId, id);
    if (stations > 0) throw siteHasStations(id, stations);
    try {
      if (!(await this.store.delete(this.db, tenantId, id))) throw new ApiError('site_not_found', `Site ${id} not found`);
    } catch (error) {
      // A station placed between the count and the delete: the foreign key refuses, same answer.
      if (isForeignKeyViolation(error)) throw siteHasStations(id, await this.store.countStations(this.db, tenantId, id));
      throw error;
    }
    this.events.publish({ type: 'site.deleted', tenantId, at: this.now(), data: { siteId: id } });
  }

  /** Places a station at a site of the same tenant, or takes it off any site (null). */
  async placeStation(tenantId: string, stationId: string, siteId: string | null): Promise<{ stationId: string; siteId: string | null }> {
    if (siteId !== null) await this.get(tenantId, siteId);
    let placed: boolean;
    try {
      placed = await this.store.placeStation(this.db, tenantId, stationId, siteId, this.now());
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new ApiError('site_not_found', `Site ${siteId} not found`);
      throw error;
    }
    if (!placed) throw new ApiError('station_not_found', `Station ${stationId} not found`);
    return { stationId, siteId };
  }

  async siteOfStation(tenantId: string, stationId: string): Promise<{ stationId: string; siteId: string | null }> {
    const row = await this.store.siteOfStation(this.db, tenantId, stationId);
    if (!row) throw new ApiError('station_not_found', `Station ${stationId} not found`);
    return { stationId, siteId: row.siteId };
  }

  /** Ids of the stations at a site, a page at a time (the station list's ?siteId= filter). */
  async stationIdsAt(tenantId: string, siteId: string, query: { limit: number; cursor?: string | null }): Promise<{ ids: string[]; nextCursor: string | null }> {
    await this.get(tenantId, siteId);
    const rows = await this.store.stationsAt(this.db, tenantId, siteId, {
      limit: query.limit, ...(query.cursor ? { after: decodeIdCursor(query.cursor) } : {}),
    });
    const ids = rows.slice(0, query.limit).map((row) => row.id);
    return { ids, nextCursor: rows.length > query.limit ? encodeIdCursor(ids[ids.length - 1]!) : null };
  }

  private publish(type: 'site.created' | 'site.updated', site: Site, extra: Record<string, unknown> = {}): void {
    this.events.publish({ type, tenantId: site.tenantId, at: this.now(), data: { siteId: site.id, name: site.name, country: site.country, timeZone: site.timeZone, ...extra } });
  }
}

const siteHasStations = (id: string, stations: number): ApiError =>
  new ApiError('site_has_stations', `Site ${id} still has ${stations} station(s): move or remove them first`, { stationCount: stations });

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
