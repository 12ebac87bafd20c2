// Ad-hoc payments: a row per pre-authorisation, moved along pending -> authorised -> captured |
// voided | failed, refunded later. Conditional updates (WHERE status = ...) keep two settlers of
// the same session from capturing twice.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { connectors, connectorStatus, paymentWebhookEvents, payments, sessions, sites, stations } from '../../infra/db/schema.js';
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
    /** The provider's reference of a pending (3-D Secure) authorisation. */
    async setProviderRef(ex: Executor, tenantId: string, id: string, ref: string): Promise<PaymentRow | null> {
      const [row] = await ex.update(payments).set({ providerRef: ref, updatedAt: new Date() })
        .where(and(eq(payments.tenantId, tenantId), eq(payments.id, id), eq(payments.status, 'pending'))).returning();
      return row ?? null;
    },
    /** A provider's webhook names its own object (PaymentIntent id), not the tenant. */
    async byProviderRef(ex: Executor, provider: string, ref: string): Promise<PaymentRow | null> {
      const [row] = await ex.select().from(payments).where(and(eq(payments.provider, provider), eq(payments.providerRef, ref)));
      return row ?? null;
    },
    /** Records a webhook event the first time; false when it was handled before (a redelivery). */
    async recordWebhookEvent(ex: Executor, event: { provider: string; eventId: string; type: string; objectRef: string | null; outcome: string }): Promise<boolean> {
      const rows = await ex.insert(paymentWebhookEvents).values(event).onConflictDoNothing().returning({ eventId: paymentWebhookEvents.eventId });
      return rows.length > 0;
    },
    async setWebhookOutcome(ex: Executor, provider: string, eventId: string, outcome: string): Promise<void> {
      await ex.update(paymentWebhookEvents).set({ outcome }).where(and(eq(paymentWebhookEvents.provider, provider), eq(paymentWebhookEvents.eventId, eventId)));
    },
    /** The EVSE ids a station has (configured connectors or reported statuses). */
    async evsesOf(ex: Executor, tenantId: string, stationId: string): Promise<number[]> {
      const configured = await ex.select({ evseId: connectors.evseId }).from(connectors).where(and(eq(connectors.tenantId, tenantId), eq(connectors.stationId, stationId)));
      const reported = await ex.select({ evseId: connectorStatus.evseId }).from(connectorStatus).where(and(eq(connectorStatus.tenantId, tenantId), eq(connectorStatus.stationId, stationId), sql`${connectorStatus.evseId} > 0`));
      return [...new Set([...configured, ...reported].map((r) => r.evseId))].sort((a, b) => a - b);
    },
    async site(ex: Executor, tenantId: string, siteId: string) {
      const [row] = await ex.select({ id: sites.id, name: sites.name }).from(sites).where(and(eq(sites.tenantId, tenantId), eq(sites.id, siteId)));
      return row ?? null;
    },
    async stationsOfSite(ex: Executor, tenantId: string, siteId: string) {
      return ex.select({ id: stations.id, displayName: stations.displayName }).from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.siteId, siteId))).orderBy(stations.id);
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
    /** Payments of every tenant still holding (or about to hold) money unconfirmed, oldest first (the sweep, ADR 085). */
    async unconfirmed(ex: Executor, createdBefore: Date, limit: number): Promise<PaymentRow[]> {
      return ex.select().from(payments)
        .where(and(sql`${payments.status} in ('pending', 'authorised')`, lt(payments.createdAt, createdBefore)))
        .orderBy(payments.createdAt).limit(limit);
    },
    async stationTenant(ex: Executor, stationId: string): Promise<string | null> {
      const [row] = await ex.select({ tenantId: stations.tenantId }).from(stations).where(eq(stations.id, stationId));
      return row?.tenantId ?? null;
    },
  };
}

export type PaymentStore = ReturnType<typeof createPaymentStore>;
