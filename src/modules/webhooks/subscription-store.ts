// Webhook subscriptions (webhook_subscriptions). Every tenant-facing query takes the tenant id; the
// dispatcher's lookups by id return the tenant so it can check it against the delivery's.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { webhookDeliveries, webhookSubscriptions } from '../../infra/db/schema.js';
import { afterCursor, keysetPage, parseSort, sortOrder, type Sortable } from '../../api/sorting.js';

/** The webhook list's `?sort=` fields (ADR 037). */
export const WEBHOOK_SORT: Sortable<typeof webhookSubscriptions.$inferSelect> = {
  fields: {
    id: { column: webhookSubscriptions.id, kind: 'text', valueOf: (row) => row.id },
    url: { column: webhookSubscriptions.url, kind: 'text', valueOf: (row) => row.url },
    enabled: { column: webhookSubscriptions.enabled, kind: 'boolean', valueOf: (row) => row.enabled },
    createdAt: { column: webhookSubscriptions.createdAt, kind: 'timestamp', valueOf: (row) => row.createdAt },
  },
  id: { column: webhookSubscriptions.id, kind: 'text', valueOf: (row) => row.id },
  defaultSort: 'id',
};

export type WebhookSubscription = {
  id: string;
  tenantId: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type WebhookSubscriptionWithSecret = WebhookSubscription & { secret: string };

export type SubscriptionPatch = { url?: string; eventTypes?: string[]; description?: string | null; enabled?: boolean; disabledReason?: string | null };

type Row = typeof webhookSubscriptions.$inferSelect;

function toSubscription(row: Row): WebhookSubscription {
  const { secret: _secret, ...rest } = row;
  return rest;
}

const key = (tenantId: string, id: string) => and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id));

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

export function createSubscriptionStore() {
  return {
    async insert(ex: Executor, subscription: Pick<WebhookSubscriptionWithSecret, 'id' | 'tenantId' | 'url' | 'secret' | 'eventTypes' | 'description'>): Promise<WebhookSubscriptionWithSecret> {
      const [row] = await ex.insert(webhookSubscriptions).values(subscription).returning();
      return row!;
    },

    async get(ex: Executor, tenantId: string, id: string): Promise<WebhookSubscription | null> {
      const [row] = await ex.select().from(webhookSubscriptions).where(key(tenantId, id));
      return row ? toSubscription(row) : null;
    },

    async list(ex: Executor, tenantId: string, query: { limit: number; cursor?: string | undefined; sort?: string | undefined }) {
      const sort = parseSort(WEBHOOK_SORT, query.sort);
      const rows = await ex.select().from(webhookSubscriptions).where(and(
        eq(webhookSubscriptions.tenantId, tenantId),
        afterCursor(sort, query.cursor),
      )).orderBy(...sortOrder(sort)).limit(query.limit + 1);
      const page = keysetPage(rows, query.limit, sort);
      return { items: page.rows.map(toSubscription), nextCursor: page.nextCursor };
    },

    /** Re-enabling clears the failure count and the reason. */
    async update(ex: Executor, tenantId: string, id: string, patch: SubscriptionPatch, at: Date): Promise<WebhookSubscription | null> {
      const [row] = await ex.update(webhookSubscriptions).set({
        ...patch,
        ...(patch.enabled === true ? { disabledReason: null, consecutiveFailures: 0 } : {}),
        updatedAt: at,
      }).where(key(tenantId, id)).returning();
      return row ? toSubscription(row) : null;
    },

    /** Removes the subscription and its delivery log. */
    async remove(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      const deleted = await ex.delete(webhookSubscriptions).where(key(tenantId, id)).returning({ id: webhookSubscriptions.id });
      if (deleted.length === 0) return false;
      await ex.delete(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.subscriptionId, id)));
      return true;
    },

    /** The enabled subscriptions of these tenants (matching events to subscriptions). */
    async enabledFor(ex: Executor, tenantIds: readonly string[]): Promise<Array<Pick<WebhookSubscription, 'id' | 'tenantId' | 'eventTypes'>>> {
      if (tenantIds.length === 0) return [];
      return ex.select({ id: webhookSubscriptions.id, tenantId: webhookSubscriptions.tenantId, eventTypes: webhookSubscriptions.eventTypes })
        .from(webhookSubscriptions)
        .where(and(inArray(webhookSubscriptions.tenantId, [...new Set(tenantIds)]), eq(webhookSubscriptions.enabled, true)));
    },

    async getManyWithSecrets(ex: Executor, ids: readonly string[]): Promise<Map<string, WebhookSubscriptionWithSecret>> {
      if (ids.length === 0) return new Map();
      const rows = await ex.select().from(webhookSubscriptions).where(inArray(webhookSubscriptions.id, [...new Set(ids)]));
      return new Map(rows.map((row) => [row.id, row]));
    },

    async recordSuccess(ex: Executor, id: string): Promise<void> {
      await ex.update(webhookSubscriptions).set({ consecutiveFailures: 0 })
        .where(and(eq(webhookSubscriptions.id, id), gt(webhookSubscriptions.consecutiveFailures, 0)));
    },

    /**
     * Counts a failed attempt and disables the subscription when the count reaches `limit`.
     * `disabledNow` is true for exactly one caller, even with several nodes: the second UPDATE only
     * matches while the row is still enabled, and PostgreSQL re-checks that after the row lock.
     */
    async recordFailure(ex: Executor, id: string, limit: number, reason: string, at: Date): Promise<{ subscription: WebhookSubscription | null; disabledNow: boolean }> {
      const [counted] = await ex.update(webhookSubscriptions)
        .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
        .where(eq(webhookSubscriptions.id, id)).returning();
      if (!counted || !counted.enabled || counted.consecutiveFailures < limit) return { subscription: counted ? toSubscription(counted) : null, disabledNow: false };
      const [disabled] = await ex.update(webhookSubscriptions).set({ enabled: false, disabledReason: reason, updatedAt: at })
        .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.enabled, true))).returning();
      return { subscription: toSubscription(disabled ?? counted), disabledNow: disabled !== undefined };
    },
  };
}
