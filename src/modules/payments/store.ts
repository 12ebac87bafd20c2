// Ad-hoc payments: a row per pre-authorisation, moved along pending -> authorised -> captured |
// voided | failed, refunded later. Conditional updates (WHERE status = ...) keep two settlers of
// the same session from capturing twice.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { payments, sessions, stations } from '../../infra/db/schema.js';
import { pageOf } from '../billing/paging.js';

export type PaymentRow = typeof payments.$inferSelect;

export function createPaymentStore() {
  return {
    async insert(ex: Executor, row: typeof payments.$inferInsert): Promise<PaymentRow> {
      const [created] = await ex.insert(payments).values(row).returning();
      return created!;
    },
    /** Moves a payment from one status to the next; null when it was not in `from` any more. */
    async transition(ex: Executor, tenantId: string, id: string, from: string, patch: Partial<typeof payments.$inferInsert>): Promise<PaymentRow | null> {
      const [row] = await ex.update(payments).set({ ...patch, updatedAt: new Date() })
        .where(and(eq(payments.tenantId, tenantId), eq(payments.id, id), eq(payments.status, from))).returning();
      return row ?? null;
    },
    /** Records a refund only if no other refund was recorded since `before` was read. */
    async addRefund(ex: Executor, tenantId: string, id: string, before: string, after: string): Promise<PaymentRow | null> {
      const [row] = await ex.update(payments).set({ status: 'refunded', amountRefunded: after, updatedAt: new Date() })
        .where(and(eq(payments.tenantId, tenantId), eq(payments.id, id), eq(payments.amountRefunded, before), sql`${payments.status} in ('captured', 'refunded')`)).returning();
      return row ?? null;
    },
    async get(ex: Executor, tenantId: string, id: string): Promise<PaymentRow | null> {
      const [row] = await ex.select().from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.id, id)));
      return row ?? null;
    },
    /** Public pages know a payment by its id only (an unguessable UUID). */
    async getAnyTenant(ex: Executor, id: string): Promise<PaymentRow | null> {
      const [row] = await ex.select().from(payments).where(eq(payments.id, id));
      return row ?? null;
    },
    async byToken(ex: Executor, tenantId: string, token: string): Promise<PaymentRow | null> {
      const [row] = await ex.select().from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.token, token)));
      return row ?? null;
    },
    async list(ex: Executor, tenantId: string, query: { limit: number; cursor?: string | undefined }) {
      const before = query.cursor ? await this.get(ex, tenantId, query.cursor) : null;
      const rows = await ex.select().from(payments).where(and(
        eq(payments.tenantId, tenantId),
        before ? sql`(${payments.createdAt}, ${payments.id}) < (${before.createdAt}, ${before.id})` : undefined,
      )).orderBy(desc(payments.createdAt), desc(payments.id)).limit(query.limit + 1);
      return pageOf(rows, query.limit);
    },
    async session(ex: Executor, tenantId: string, sessionId: string) {
      const [row] = await ex.select({ id: sessions.id, idToken: sessions.idToken, status: sessions.status, energyWh: sessions.energyWh, startedAt: sessions.startedAt, endedAt: sessions.endedAt })
        .from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
      return row ?? null;
    },
    async sessionByToken(ex: Executor, tenantId: string, stationId: string, idToken: string) {
      const [row] = await ex.select({ id: sessions.id, status: sessions.status, energyWh: sessions.energyWh, startedAt: sessions.startedAt, endedAt: sessions.endedAt })
        .from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.stationId, stationId), eq(sessions.idToken, idToken)))
        .orderBy(desc(sessions.startedAt)).limit(1);
      return row ?? null;
    },
    async stationTenant(ex: Executor, stationId: string): Promise<string | null> {
      const [row] = await ex.select({ tenantId: stations.tenantId }).from(stations).where(eq(stations.id, stationId));
      return row?.tenantId ?? null;
    },
  };
}

export type PaymentStore = ReturnType<typeof createPaymentStore>;
