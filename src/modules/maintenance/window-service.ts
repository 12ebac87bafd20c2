// Maintenance windows (downtime inside them is excluded from uptime; DETECT holds alerts during
// them through `activeFor`) and outage causes an operator records as excluded (NEVI T_excluded).
import { and, desc, eq, gt, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../infra/db/database.js';
import { excludedOutages, maintenanceWindows, sites, stations } from '../../infra/db/schema.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { ApiError } from '../../api/problem.js';
import { afterCursor, newId, pageOf } from './ids.js';
import { EXCLUDED_CAUSES } from '../reliability/domain/uptime.js';

/** Causes an operator records; maintenance comes from the windows themselves. */
export const OPERATOR_CAUSES: readonly string[] = EXCLUDED_CAUSES.filter((cause) => cause !== 'maintenance');

export type MaintenanceWindow = typeof maintenanceWindows.$inferSelect;
export type ExcludedOutage = typeof excludedOutages.$inferSelect;
export type Scope = { stationId?: string | null; siteId?: string | null; evseId?: number | null };
export type WindowInput = Scope & { startsAt: Date; endsAt: Date; reason?: string; workOrderId?: string | null };
export type ExcludedInput = Scope & { startsAt: Date; endsAt: Date; cause: string; note?: string };
export type TimeQuery = { limit: number; cursor?: string; stationId?: string; siteId?: string; from?: Date; to?: Date };

/** Longest window or excluded interval accepted: a year. */
const MAX_SPAN_MS = 366 * 86_400_000;

function checkScope(scope: Scope, span: { startsAt: Date; endsAt: Date }, code: 'invalid_maintenance_window' | 'invalid_excluded_outage'): void {
  const station = scope.stationId ?? null;
  const site = scope.siteId ?? null;
  if ((station === null) === (site === null)) throw new ApiError(code, 'Give exactly one of stationId and siteId');
  if ((scope.evseId ?? null) !== null && station === null) throw new ApiError(code, 'evseId needs a stationId');
  if (!(span.endsAt > span.startsAt)) throw new ApiError(code, 'endsAt must be after startsAt');
  if (span.endsAt.getTime() - span.startsAt.getTime() > MAX_SPAN_MS) throw new ApiError(code, 'At most a year long');
}

type TimeColumns = { id: PgColumn; tenantId: PgColumn; stationId: PgColumn; siteId: PgColumn; startsAt: PgColumn; endsAt: PgColumn };

/** A tenant's rows, newest first after the cursor, optionally of a station/site and overlapping [from, to). */
function timeFilter(t: TimeColumns, tenantId: string, query: TimeQuery): SQL | undefined {
  const after = afterCursor(query.cursor);
  return and(
    eq(t.tenantId, tenantId),
    query.stationId === undefined ? undefined : eq(t.stationId, query.stationId),
    query.siteId === undefined ? undefined : eq(t.siteId, query.siteId),
    query.from === undefined ? undefined : gt(t.endsAt, query.from),
    query.to === undefined ? undefined : lt(t.startsAt, query.to),
    after === undefined ? undefined : lt(t.id, after),
  );
}

export class MaintenanceWindowService {
  constructor(private readonly db: Executor, private readonly events: EventPublisher, private readonly now: () => Date = () => new Date()) {}

  async create(tenantId: string, input: WindowInput, actor: string): Promise<MaintenanceWindow> {
    checkScope(input, input, 'invalid_maintenance_window');
    await this.checkPlace(tenantId, input, 'invalid_maintenance_window');
    const [row] = await this.db.insert(maintenanceWindows).values({
      id: newId('mw', this.now()), tenantId, stationId: input.stationId ?? null, siteId: input.siteId ?? null, evseId: input.evseId ?? null,
      startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason ?? '', workOrderId: input.workOrderId ?? null, createdBy: actor,
    }).returning();
    await this.publishDue();
    return row!;
  }

  async get(tenantId: string, id: string): Promise<MaintenanceWindow> {
    const [row] = await this.db.select().from(maintenanceWindows).where(and(eq(maintenanceWindows.tenantId, tenantId), eq(maintenanceWindows.id, id)));
    if (!row) throw new ApiError('maintenance_window_not_found', `Maintenance window ${id} not found`);
    return row;
  }

  async list(tenantId: string, query: TimeQuery): Promise<{ items: MaintenanceWindow[]; nextCursor: string | null }> {
    const rows = await this.db.select().from(maintenanceWindows).where(timeFilter(maintenanceWindows, tenantId, query))
      .orderBy(desc(maintenanceWindows.id)).limit(query.limit + 1);
    return pageOf(rows, query.limit);
  }

  /** Ends a window now (if running) or removes it (if not started); a past window is history and stays. */
  async end(tenantId: string, id: string): Promise<MaintenanceWindow> {
    const window = await this.get(tenantId, id);
    const now = this.now();
    if (window.endsAt <= now) throw new ApiError('invalid_maintenance_window', 'The window is over already');
    if (window.startsAt > now) {
      await this.db.delete(maintenanceWindows).where(and(eq(maintenanceWindows.tenantId, tenantId), eq(maintenanceWindows.id, id)));
      return { ...window, endsAt: window.startsAt };
    }
    const [row] = await this.db.update(maintenanceWindows).set({ endsAt: now })
      .where(and(eq(maintenanceWindows.tenantId, tenantId), eq(maintenanceWindows.id, id))).returning();
    await this.publishDue();
    return row!;
  }

  /** True when a station-wide or site window covers the station at `at` (an EVSE window holds no alerts: the other ports still work). */
  async activeFor(tenantId: string, stationId: string, at: Date): Promise<boolean> {
    const t = maintenanceWindows;
    const [row] = await this.db.select({ id: t.id }).from(t).where(and(
      eq(t.tenantId, tenantId), lte(t.startsAt, at), gt(t.endsAt, at),
      or(and(eq(t.stationId, stationId), isNull(t.evseId)), and(isNull(t.stationId), sql`${t.siteId} = (select ${stations.siteId} from ${stations} where ${stations.tenantId} = ${tenantId} and ${stations.id} = ${stationId})`)),
    )).limit(1);
    return row !== undefined;
  }

  /** Publishes maintenance.window-started / -ended for windows whose start or end has passed. */
  async publishDue(): Promise<number> {
    const now = this.now();
    const t = maintenanceWindows;
    const started = await this.db.update(t).set({ startedPublished: true }).where(and(eq(t.startedPublished, false), lte(t.startsAt, now))).returning();
    const ended = await this.db.update(t).set({ endedPublished: true }).where(and(eq(t.endedPublished, false), lte(t.endsAt, now))).returning();
    for (const [type, rows] of [['maintenance.window-started', started], ['maintenance.window-ended', ended]] as const) {
      for (const w of rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
        this.events.publish({
          type, tenantId: w.tenantId, ...(w.stationId ? { stationId: w.stationId } : {}), at: type === 'maintenance.window-started' ? w.startsAt : w.endsAt,
          data: { windowId: w.id, stationId: w.stationId, siteId: w.siteId, evseId: w.evseId },
        });
      }
    }
    return started.length + ended.length;
  }

  // Excluded outage causes --------------------------------------------------------------------

  async recordExcluded(tenantId: string, input: ExcludedInput, actor: string): Promise<ExcludedOutage> {
    checkScope(input, input, 'invalid_excluded_outage');
    if (!OPERATOR_CAUSES.includes(input.cause)) throw new ApiError('invalid_excluded_outage', `cause must be one of ${OPERATOR_CAUSES.join(', ')}`);
    if (input.startsAt > this.now()) throw new ApiError('invalid_excluded_outage', 'An excluded outage is recorded once it has begun');
    await this.checkPlace(tenantId, input, 'invalid_excluded_outage');
    const [row] = await this.db.insert(excludedOutages).values({
      id: newId('xo', this.now()), tenantId, stationId: input.stationId ?? null, siteId: input.siteId ?? null, evseId: input.evseId ?? null,
      startsAt: input.startsAt, endsAt: input.endsAt, cause: input.cause, note: input.note ?? '', recordedBy: actor,
    }).returning();
    return row!;
  }

  async listExcluded(tenantId: string, query: TimeQuery): Promise<{ items: ExcludedOutage[]; nextCursor: string | null }> {
    const rows = await this.db.select().from(excludedOutages).where(timeFilter(excludedOutages, tenantId, query))
      .orderBy(desc(excludedOutages.id)).limit(query.limit + 1);
    return pageOf(rows, query.limit);
  }

  async removeExcluded(tenantId: string, id: string): Promise<void> {
    const rows = await this.db.delete(excludedOutages).where(and(eq(excludedOutages.tenantId, tenantId), eq(excludedOutages.id, id))).returning({ id: excludedOutages.id });
    if (rows.length === 0) throw new ApiError('excluded_outage_not_found', `Excluded outage ${id} not found`);
  }

  /** Windows and excluded outages of a tenant overlapping [from, to): one query each (reliability reads these). */
  async overlapping(tenantId: string, from: Date, to: Date): Promise<{ windows: MaintenanceWindow[]; excluded: ExcludedOutage[] }> {
    const [windows, excluded] = await Promise.all([
      this.db.select().from(maintenanceWindows).where(and(eq(maintenanceWindows.tenantId, tenantId), lt(maintenanceWindows.startsAt, to), gt(maintenanceWindows.endsAt, from))),
      this.db.select().from(excludedOutages).where(and(eq(excludedOutages.tenantId, tenantId), lt(excludedOutages.startsAt, to), gt(excludedOutages.endsAt, from))),
    ]);
    return { windows, excluded };
  }

  /** The station or site must be the tenant's (another tenant's looks like one that does not exist). */
  private async checkPlace(tenantId: string, scope: Scope, code: 'invalid_maintenance_window' | 'invalid_excluded_outage'): Promise<void> {
    if (scope.stationId) {
      const rows = await this.db.select({ id: stations.id }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, scope.stationId)));
      if (rows.length === 0) throw new ApiError('station_not_found', `Station ${scope.stationId} not found`);
    } else if (scope.siteId) {
      const siteRows = await this.db.select({ id: sites.id }).from(sites).where(and(eq(sites.tenantId, tenantId), eq(sites.id, scope.siteId)));
      if (siteRows.length === 0) throw new ApiError('site_not_found', `Site ${scope.siteId} not found`);
    } else {
      throw new ApiError(code, 'Give exactly one of stationId and siteId');
    }
  }
}
