// Tariffs, their assignments and price schedules (Drizzle; PGlite and node-postgres alike).
import { and, asc, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { priceScheduleEntries, sites, stations, tariffAssignments, tariffs } from '../../infra/db/schema.js';
import type { Assignment, AssignmentScope, CustomerGroup } from './assignment-precedence.js';
import type { ScheduleEntry } from './tariffs-in-force.js';
import type { TariffDimensionType } from './pricing/tariff-model.js';

export type TariffRow = typeof tariffs.$inferSelect;
type AssignmentRow = typeof tariffAssignments.$inferSelect;
const toAssignment = (row: AssignmentRow): Assignment => ({
  ...row, scope: row.scope as AssignmentScope, customerGroup: row.customerGroup as CustomerGroup,
});

export function createTariffStore() {
  return {
    async insert(ex: Executor, row: typeof tariffs.$inferInsert): Promise<TariffRow> {
      const [created] = await ex.insert(tariffs).values(row).returning();
      return created!;
    },
    /** Replaces the content and bumps the version; null when the tariff does not exist. */
    async replace(ex: Executor, tenantId: string, id: string, content: Pick<TariffRow, 'ocpiId' | 'name' | 'currency' | 'tariff' | 'idleFee'>): Promise<TariffRow | null> {
      const [existing] = await ex.select({ version: tariffs.version }).from(tariffs).where(and(eq(tariffs.tenantId, tenantId), eq(tariffs.id, id))).for('update');
      if (!existing) return null;
      const [row] = await ex.update(tariffs).set({ ...content, version: existing.version + 1, updatedAt: new Date() })
        .where(and(eq(tariffs.tenantId, tenantId), eq(tariffs.id, id))).returning();
      return row ?? null;
    },
    async delete(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      const rows = await ex.delete(tariffs).where(and(eq(tariffs.tenantId, tenantId), eq(tariffs.id, id))).returning({ id: tariffs.id });
      return rows.length > 0;
    },
    async get(ex: Executor, tenantId: string, id: string): Promise<TariffRow | null> {
      const [row] = await ex.select().from(tariffs).where(and(eq(tariffs.tenantId, tenantId), eq(tariffs.id, id)));
      return row ?? null;
    },
    /** By name then id; `after` is the (name, id) of the last row of the previous page. */
    async list(ex: Executor, tenantId: string, page: { limit: number; after?: { name: string; id: string } | undefined }): Promise<TariffRow[]> {
      return ex.select().from(tariffs).where(and(
        eq(tariffs.tenantId, tenantId),
        page.after ? sql`(${tariffs.name}, ${tariffs.id}) > (${page.after.name}, ${page.after.id})` : undefined,
      )).orderBy(asc(tariffs.name), asc(tariffs.id)).limit(page.limit);
    },
    async insertAssignment(ex: Executor, row: typeof tariffAssignments.$inferInsert): Promise<Assignment> {
      const [created] = await ex.insert(tariffAssignments).values(row).returning();
      return toAssignment(created!);
    },
    async deleteAssignment(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      const rows = await ex.delete(tariffAssignments).where(and(eq(tariffAssignments.tenantId, tenantId), eq(tariffAssignments.id, id))).returning({ id: tariffAssignments.id });
      return rows.length > 0;
    },
    async assignmentsOf(ex: Executor, tenantId: string, tariffId?: string): Promise<Assignment[]> {
      const rows = await ex.select().from(tariffAssignments)
        .where(and(eq(tariffAssignments.tenantId, tenantId), tariffId ? eq(tariffAssignments.tariffId, tariffId) : undefined))
        .orderBy(asc(tariffAssignments.createdAt), asc(tariffAssignments.id));
      return rows.map(toAssignment);
    },
    /** Assignments that could cover an EVSE of this station (any group); precedence is decided in code. */
    async candidatesFor(ex: Executor, tenantId: string, stationId: string, siteId: string | null): Promise<Assignment[]> {
      const rows = await ex.select().from(tariffAssignments).where(and(
        eq(tariffAssignments.tenantId, tenantId),
        or(eq(tariffAssignments.scope, 'tenant'), eq(tariffAssignments.stationId, stationId), siteId ? eq(tariffAssignments.siteId, siteId) : undefined),
      ));
      return rows.map(toAssignment);
    },
    /** The station's site with what pricing needs from it (time zone, tax jurisdiction). */
    async placeOf(ex: Executor, tenantId: string, stationId: string) {
      const [row] = await ex.select({
        stationId: stations.id, siteId: stations.siteId, timeZone: sites.timeZone, country: sites.country, region: sites.region,
        siteName: sites.name, street: sites.street, city: sites.city, postalCode: sites.postalCode, latitude: sites.latitude, longitude: sites.longitude,
      }).from(stations).leftJoin(sites, and(eq(sites.tenantId, stations.tenantId), eq(sites.id, stations.siteId)))
        .where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId)));
      return row ?? null;
    },
    /** Inserts or replaces schedule entries (same tariff, dimension and start) in one statement each. */
    async upsertSchedule(ex: Executor, tenantId: string, tariffId: string, entries: Array<ScheduleEntry & { id: string }>): Promise<void> {
      for (const e of entries) {
        await ex.insert(priceScheduleEntries).values({ id: e.id, tenantId, tariffId, dimension: e.dimension, startsAt: e.startsAt, endsAt: e.endsAt, price: e.price })
          .onConflictDoUpdate({ target: [priceScheduleEntries.tenantId, priceScheduleEntries.tariffId, priceScheduleEntries.dimension, priceScheduleEntries.startsAt], set: { endsAt: e.endsAt, price: e.price } });
      }
    },
    async scheduleBetween(ex: Executor, tenantId: string, tariffId: string, from: Date, to: Date): Promise<ScheduleEntry[]> {
      const rows = await ex.select().from(priceScheduleEntries).where(and(
        eq(priceScheduleEntries.tenantId, tenantId), eq(priceScheduleEntries.tariffId, tariffId),
        lt(priceScheduleEntries.startsAt, to), gt(priceScheduleEntries.endsAt, from),
      )).orderBy(asc(priceScheduleEntries.startsAt));
      return rows.map((r) => ({ dimension: r.dimension as TariffDimensionType, startsAt: r.startsAt, endsAt: r.endsAt, price: r.price }));
    },
  };
}

export type TariffStore = ReturnType<typeof createTariffStore>;
