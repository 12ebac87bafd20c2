// CDRs: insert and read only. There is deliberately no update or delete here: a CDR is never
// changed, a correction is a credit CDR (see schema-billing.ts).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { cdrs, idTokens, meterSamples, payments, sessions, stations, tariffAssignments } from '../../infra/db/schema.js';
import { pageOf } from './paging.js';

export type CdrRow = typeof cdrs.$inferSelect;

export function createCdrStore() {
  return {
    /** Inserts unless the session already has its debit CDR; returns the stored row either way. */
    async insertDebit(ex: Executor, row: typeof cdrs.$inferInsert): Promise<{ row: CdrRow; created: boolean }> {
      const inserted = await ex.insert(cdrs).values(row).onConflictDoNothing().returning();
      if (inserted[0]) return { row: inserted[0], created: true };
      const [existing] = await ex.select().from(cdrs).where(and(eq(cdrs.tenantId, row.tenantId), eq(cdrs.sessionId, row.sessionId), eq(cdrs.kind, 'debit')));
      return { row: existing!, created: false };
    },
    async insertCredit(ex: Executor, row: typeof cdrs.$inferInsert): Promise<CdrRow> {
      const [created] = await ex.insert(cdrs).values(row).returning();
      return created!;
    },
    async get(ex: Executor, tenantId: string, id: string, lock = false): Promise<CdrRow | null> {
      const query = ex.select().from(cdrs).where(and(eq(cdrs.tenantId, tenantId), eq(cdrs.id, id)));
      const [row] = lock ? await query.for('update') : await query;
      return row ?? null;
    },
    /** Sum (excl., incl.) of the credits already issued against a CDR. */
    async creditedAgainst(ex: Executor, tenantId: string, id: string): Promise<{ excl: string; incl: string | null }> {
      const [row] = await ex.select({ excl: sql<string>`coalesce(sum(${cdrs.totalExclVat}), 0)::text`, incl: sql<string | null>`sum(${cdrs.totalInclVat})::text` })
        .from(cdrs).where(and(eq(cdrs.tenantId, tenantId), eq(cdrs.creditsCdrId, id)));
      return { excl: row?.excl ?? '0', incl: row?.incl ?? null };
    },
    /** Newest first; the cursor is the id of the last row of the previous page. */
    async list(ex: Executor, tenantId: string, query: { limit: number; cursor?: string; sessionId?: string }) {
      let before: CdrRow | null = null;
      if (query.cursor) before = await this.get(ex, tenantId, query.cursor);
      const rows = await ex.select().from(cdrs).where(and(
        eq(cdrs.tenantId, tenantId),
        query.sessionId ? eq(cdrs.sessionId, query.sessionId) : undefined,
        before ? sql`(${cdrs.createdAt}, ${cdrs.id}) < (${before.createdAt}, ${before.id})` : undefined,
      )).orderBy(desc(cdrs.createdAt), desc(cdrs.id)).limit(query.limit + 1);
      return pageOf(rows, query.limit);
    },
    async session(ex: Executor, tenantId: string, sessionId: string) {
      const [row] = await ex.select().from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
      return row ?? null;
    },
    async meterRows(ex: Executor, tenantId: string, sessionId: string) {
      return ex.select({ sampledAt: meterSamples.sampledAt, measurand: meterSamples.measurand, phase: meterSamples.phase, value: meterSamples.value, unit: meterSamples.unit, signed: meterSamples.signed, context: meterSamples.context })
        .from(meterSamples).where(and(eq(meterSamples.tenantId, tenantId), eq(meterSamples.sessionId, sessionId))).orderBy(meterSamples.sampledAt, meterSamples.seq);
    },
    /**
     * Whether any tariff assignment could apply at the station: tenant-wide, for its site, for it or
     * one of its EVSEs (the candidates TariffService.tariffAt chooses from), in one statement.
     */
    async stationHasAssignments(ex: Executor, tenantId: string, stationId: string): Promise<boolean> {
      const siteOf = ex.select({ siteId: stations.siteId }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId)));
      const [row] = await ex.select({ id: tariffAssignments.id }).from(tariffAssignments).where(and(
        eq(tariffAssignments.tenantId, tenantId),
        sql`(${tariffAssignments.scope} = 'tenant' or ${tariffAssignments.stationId} = ${stationId} or ${tariffAssignments.siteId} = (${siteOf}))`,
      )).limit(1);
      return row !== undefined;
    },
    /**
     * Which of these stations an assignment could apply at (as stationHasAssignments asks of one),
     * in one statement for all of them: the keys `tenant \0 station` of those that have one (ADR 093).
     */
    async stationsWithAssignments(ex: Executor, places: ReadonlyArray<{ tenantId: string; stationId: string }>): Promise<Set<string>> {
      if (places.length === 0) return new Set();
      const result = await ex.execute(sql`select p.tenant_id, p.station_id
        from json_to_recordset(${JSON.stringify(places.map((p) => ({ tenant_id: p.tenantId, station_id: p.stationId })))}::json) as p(tenant_id text, station_id text)
        where exists (select 1 from ${tariffAssignments} a where a.tenant_id = p.tenant_id and (a.scope = 'tenant' or a.station_id = p.station_id
          or a.site_id = (select s.site_id from ${stations} s where s.tenant_id = p.tenant_id and s.id = p.station_id)))`);
      const rows = (result as unknown as { rows: Array<{ tenant_id: string; station_id: string }> }).rows;
      return new Set(rows.map((row) => `${row.tenant_id}\u0000${row.station_id}`));
    },
    /** A member's token: known to the tenant and not the one-off token of an ad-hoc payment (priced as public). */
    async isKnownToken(ex: Executor, tenantId: string, idToken: string): Promise<boolean> {
      const [row] = await ex.select({ id: idTokens.id }).from(idTokens).where(and(eq(idTokens.tenantId, tenantId), eq(idTokens.idToken, idToken)));
      if (!row) return false;
      const [adHoc] = await ex.select({ id: payments.id }).from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.token, idToken)));
      return adHoc === undefined;
    },
  };
}

export type CdrStore = ReturnType<typeof createCdrStore>;
