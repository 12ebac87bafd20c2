// Webhook deliveries (webhook_deliveries): one row per event and subscription, the retry state of
// which lives in the table so that retries survive restarts and several nodes can share the work.
import { and, asc, desc, eq, exists, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { eventLog, webhookDeliveries, webhookSubscriptions } from '../../infra/db/schema.js';
import { decodeIdCursor, toIdPage, type Page } from '../../shared/id-cursor.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export type WebhookDelivery = {
  id: bigint;
  tenantId: string;
  subscriptionId: string;
  eventId: bigint;
  status: DeliveryStatus;
  attempts: number;
  /** null while parked (its subscription is disabled) or once final. */
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
};

/** What one attempt led to. */
export type AttemptResult = {
  at: Date;
  statusCode: number | null;
  error: string | null;
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
};

type Row = typeof webhookDeliveries.$inferSelect;
const toDelivery = (row: Row): WebhookDelivery => ({ ...row, status: row.status as DeliveryStatus });
const d = webhookDeliveries;

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;

const ENQUEUE_HEAD = `insert into webhook_deliveries (tenant_id, subscription_id, event_id, status, next_attempt_at, created_at)
select v.tenant_id, v.subscription_id, v.event_id, 'pending', `;
const ENQUEUE_FROM = `
from rows from (json_to_recordset(`;
const ENQUEUE_TAIL = `::json) as (tenant_id text, subscription_id text, event_id bigint)) with ordinality as v(tenant_id, subscription_id, event_id, n)
join webhook_subscriptions s on s.id = v.subscription_id and s.tenant_id = v.tenant_id and s.enabled
order by v.n`;

export function createDeliveryStore() {
  return {
    /**
     * Writes pending deliveries, due at `at`, in order, only for subscriptions that still exist and are
     * enabled when the statement runs: the event log's persist hook matches events against a cached
     * list of subscriptions (ADR 096), and this keeps a stale entry (a subscription disabled or deleted
     * through another node) from owing deliveries. One constant statement, the rows as one JSON parameter.
     */
    async enqueue(ex: Executor, rows: ReadonlyArray<{ tenantId: string; subscriptionId: string; eventId: bigint }>, at: Date): Promise<void> {
      if (rows.length === 0) return;
      const json = JSON.stringify(rows.map((row) => ({ tenant_id: row.tenantId, subscription_id: row.subscriptionId, event_id: row.eventId.toString() })));
      await ex.execute(sql`${sql.raw(ENQUEUE_HEAD)}${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz${sql.raw(ENQUEUE_FROM)}${json}${sql.raw(ENQUEUE_TAIL)}`);
    },

    /**
     * Claims up to `limit` due deliveries of enabled subscriptions by moving their next attempt to
     * `leaseUntil`: another node (or this one) takes them again only if this one died before it
     * recorded a result. SKIP LOCKED lets concurrent claimers pass over each other's rows.
     */
    async claimDue(ex: Executor, now: Date, leaseUntil: Date, limit: number): Promise<WebhookDelivery[]> {
      const due = ex.select({ id: d.id }).from(d).where(and(
        eq(d.status, 'pending'),
        lte(d.nextAttemptAt, now),
        exists(ex.select({ one: sql`1` }).from(webhookSubscriptions)
          .where(and(eq(webhookSubscriptions.id, d.subscriptionId), eq(webhookSubscriptions.enabled, true)))),
      )).orderBy(asc(d.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
      const rows = await ex.update(d).set({ nextAttemptAt: leaseUntil }).where(inArray(d.id, due)).returning();
      return rows.map(toDelivery);
    },

    async recordAttempt(ex: Executor, id: bigint, result: AttemptResult): Promise<void> {
      await ex.update(d).set({
        status: result.status,
        attempts: sql`${d.attempts} + 1`,
        nextAttemptAt: result.nextAttemptAt,
        lastAttemptAt: result.at,
        lastStatusCode: result.statusCode,
        lastError: result.error,
      }).where(eq(d.id, id));
    },

    /** Gives claimed deliveries back without counting an attempt (shutdown interrupted them). */
    async release(ex: Executor, ids: readonly bigint[], at: Date): Promise<void> {
      if (ids.length === 0) return;
      await ex.update(d).set({ nextAttemptAt: at }).where(and(inArray(d.id, [...ids]), eq(d.status, 'pending')));
    },

    /** A final state without an attempt (its event or subscription is gone). */
    async abandon(ex: Executor, id: bigint, error: string): Promise<void> {
      await ex.update(d).set({ status: 'failed', nextAttemptAt: null, lastError: error }).where(eq(d.id, id));
    },

    /** A disabled subscription's pending deliveries stop being due... */
    async park(ex: Executor, tenantId: string, subscriptionId: string): Promise<void> {
      await ex.update(d).set({ nextAttemptAt: null })
        .where(and(eq(d.tenantId, tenantId), eq(d.subscriptionId, subscriptionId), eq(d.status, 'pending')));
    },

    /** ...and are due again when it is re-enabled. */
    async resume(ex: Executor, tenantId: string, subscriptionId: string, at: Date): Promise<void> {
      await ex.update(d).set({ nextAttemptAt: at })
        .where(and(eq(d.tenantId, tenantId), eq(d.subscriptionId, subscriptionId), eq(d.status, 'pending'), isNull(d.nextAttemptAt)));
    },

    /** Manual redelivery: pending and due now, whatever its state. */
    async redeliver(ex: Executor, tenantId: string, subscriptionId: string, id: bigint, at: Date): Promise<WebhookDelivery | null> {
      const [row] = await ex.update(d).set({ status: 'pending', nextAttemptAt: at })
        .where(and(eq(d.tenantId, tenantId), eq(d.subscriptionId, subscriptionId), eq(d.id, id))).returning();
      return row ? toDelivery(row) : null;
    },

    /** A subscription's delivery log, newest first, with each event's type. */
    async list(ex: Executor, tenantId: string, subscriptionId: string, query: { limit: number; cursor?: string | undefined; status?: DeliveryStatus | undefined }): Promise<Page<WebhookDelivery & { eventType: string | null }>> {
      const rows = await ex.select({ delivery: d, eventType: eventLog.type }).from(d)
        .leftJoin(eventLog, eq(eventLog.id, d.eventId))
        .where(and(
          eq(d.tenantId, tenantId), eq(d.subscriptionId, subscriptionId),
          query.status ? eq(d.status, query.status) : undefined,
          query.cursor ? lt(d.id, decodeIdCursor(query.cursor)) : undefined,
        )).orderBy(desc(d.id)).limit(query.limit + 1);
      return toIdPage(rows.map((row) => ({ ...toDelivery(row.delivery), eventType: row.eventType })), query.limit, (row) => row);
    },
  };
}
