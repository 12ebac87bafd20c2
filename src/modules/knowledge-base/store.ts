// Tenant knowledge-base entries and the unknown-code ranking (Drizzle; PGlite and node-postgres alike).
import { and, asc, count, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { kbEntries, kbUnknownCodes, kbUnknownCodeStations, stations } from '../../infra/db/schema.js';
import type { FaultCode, KbContent, KbEntry, KbKey } from './domain/types.js';

type Row = typeof kbEntries.$inferSelect;
export type TenantEntry = KbEntry & { createdAt: Date; updatedAt: Date };
export type EntryFields = KbKey & KbContent;

const toEntry = (row: Row): TenantEntry => {
  const { tenantId: _t, ...rest } = row;
  return { ...rest, origin: 'tenant', severity: row.severity as KbEntry['severity'], remoteAction: row.remoteAction as KbEntry['remoteAction'] };
};

export type UnknownCode = Omit<typeof kbUnknownCodes.$inferSelect, 'tenantId'> & { stations: number };

export function createKnowledgeBaseStore() {
  return {
    async all(ex: Executor, tenantId: string): Promise<TenantEntry[]> {
      return (await ex.select().from(kbEntries).where(eq(kbEntries.tenantId, tenantId)).orderBy(asc(kbEntries.id))).map(toEntry);
    },

    async get(ex: Executor, tenantId: string, id: string): Promise<TenantEntry | null> {
      const [row] = await ex.select().from(kbEntries).where(and(eq(kbEntries.tenantId, tenantId), eq(kbEntries.id, id)));
      return row ? toEntry(row) : null;
    },

    async insert(ex: Executor, tenantId: string, id: string, fields: EntryFields, at: Date): Promise<TenantEntry> {
      const [row] = await ex.insert(kbEntries).values({ ...fields, tenantId, id, createdAt: at, updatedAt: at }).returning();
      return toEntry(row!);
    },

    async update(ex: Executor, tenantId: string, id: string, fields: EntryFields, at: Date): Promise<TenantEntry | null> {
      const [row] = await ex.update(kbEntries).set({ ...fields, updatedAt: at }).where(and(eq(kbEntries.tenantId, tenantId), eq(kbEntries.id, id))).returning();
      return row ? toEntry(row) : null;
    },

    async delete(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      return (await ex.delete(kbEntries).where(and(eq(kbEntries.tenantId, tenantId), eq(kbEntries.id, id))).returning({ id: kbEntries.id })).length > 0;
    },

    /** Counts one sighting of an unknown code (unless `counted` is false) and records the station that sent it. */
    async countUnknown(ex: Executor, tenantId: string, print: string, fault: FaultCode, stationId: string | null, at: Date, counted = true): Promise<void> {
      if (counted) await ex.insert(kbUnknownCodes).values({
        tenantId, fingerprint: print, vendor: fault.vendor, model: fault.model, firmware: fault.firmware, ocppVersion: fault.ocppVersion,
        errorCode: fault.errorCode, vendorId: fault.vendorId, vendorErrorCode: fault.vendorErrorCode, component: fault.component,
        variable: fault.variable, eventCode: fault.eventCode, count: 1, firstSeenAt: at, lastSeenAt: at,
      }).onConflictDoUpdate({
        target: [kbUnknownCodes.tenantId, kbUnknownCodes.fingerprint],
        set: {
          count: sql`${kbUnknownCodes.count} + 1`,
          lastSeenAt: sql`greatest(${kbUnknownCodes.lastSeenAt}, excluded.last_seen_at)`,
          firstSeenAt: sql`least(${kbUnknownCodes.firstSeenAt}, excluded.first_seen_at)`,
          firmware: sql`excluded.firmware`,
        },
      });
      if (stationId !== null) {
        await ex.insert(kbUnknownCodeStations).values({ tenantId, fingerprint: print, stationId }).onConflictDoNothing();
      }
    },

    /** Most frequent first; the cursor is (count, fingerprint) of the last row of the previous page. */
    async rankUnknown(ex: Executor, tenantId: string, query: { limit: number; after?: { count: number; fingerprint: string }; vendor?: string }): Promise<UnknownCode[]> {
      const after: SQL | undefined = query.after === undefined ? undefined
        : or(lt(kbUnknownCodes.count, query.after.count), and(eq(kbUnknownCodes.count, query.after.count), gt(kbUnknownCodes.fingerprint, query.after.fingerprint)));
      const stationCount = ex.select({ fingerprint: kbUnknownCodeStations.fingerprint, n: count().as('n') }).from(kbUnknownCodeStations)
        .where(eq(kbUnknownCodeStations.tenantId, tenantId)).groupBy(kbUnknownCodeStations.fingerprint).as('sc');
      const rows = await ex.select({ code: kbUnknownCodes, stations: stationCount.n }).from(kbUnknownCodes)
        .leftJoin(stationCount, eq(stationCount.fingerprint, kbUnknownCodes.fingerprint))
        .where(and(eq(kbUnknownCodes.tenantId, tenantId), after, query.vendor === undefined ? undefined : sql`lower(${kbUnknownCodes.vendor}) = lower(${query.vendor})`))
        .orderBy(desc(kbUnknownCodes.count), asc(kbUnknownCodes.fingerprint)).limit(query.limit + 1);
      return rows.map(({ code, stations: n }) => {
        const { tenantId: _t, ...rest } = code;
        return { ...rest, stations: Number(n ?? 0) };
      });
    },

    /** What a station said about itself at boot, for FaultCode's device fields. */
    async device(ex: Executor, tenantId: string, stationId: string): Promise<{ vendor: string | null; model: string | null; firmware: string | null; ocppVersion: string | null } | null> {
      const [row] = await ex.select({ vendor: stations.vendor, model: stations.model, firmware: stations.firmwareVersion, ocppVersion: stations.ocppVersion })
        .from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId)));
      return row ?? null;
    },
  };
}

export type KnowledgeBaseStore = ReturnType<typeof createKnowledgeBaseStore>;
