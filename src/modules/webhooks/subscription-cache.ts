// The enabled webhook subscriptions of each tenant, kept in memory for the event log's persist hook,
// which used to read them once per event-log batch (ADR 096). A change made through this node
// (create, update, delete, disabled after failures) drops its tenant's entry once it has committed;
// a change made through another node is seen when the entry expires (`ttlMs`, 5 s by default).
// Deliveries stay exact for subscriptions that were disabled or deleted meanwhile: the delivery
// insert only writes rows for subscriptions that are still enabled (DeliveryStore.enqueue).
import type { Executor } from '../../infra/db/database.js';
import type { SubscriptionStore, WebhookSubscription } from './subscription-store.js';

export type SubscriptionMatch = Pick<WebhookSubscription, 'id' | 'tenantId' | 'eventTypes'>;

/** How long another node's change may go unseen. */
export const SUBSCRIPTION_CACHE_TTL_MS = 5000;

type Entry = { subscriptions: SubscriptionMatch[]; readAt: number };

export class SubscriptionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a read that started before one is used once, never kept. */
  private generation = 0;

  constructor(
    private readonly store: SubscriptionStore,
    private readonly ttlMs = SUBSCRIPTION_CACHE_TTL_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * The enabled subscriptions of these tenants; tenants without a fresh entry are read in one
   * statement through `ex` (the caller's transaction: PGlite has a single connection).
   */
  async enabledFor(ex: Executor, tenantIds: readonly string[]): Promise<SubscriptionMatch[]> {
    const now = this.clock();
    const found: SubscriptionMatch[] = [];
    const missing: string[] = [];
    for (const tenantId of new Set(tenantIds)) {
      const entry = this.entries.get(tenantId);
      if (entry && now - entry.readAt < this.ttlMs) found.push(...entry.subscriptions);
      else missing.push(tenantId);
    }
    if (missing.length === 0) return found;
    const generation = this.generation;
    const rows = await this.store.enabledFor(ex, missing);
    const keep = generation === this.generation;
    if (keep && this.entries.size > 10_000) this.prune(now);
    for (const tenantId of missing) {
      const subscriptions = rows.filter((row) => row.tenantId === tenantId);
      // Tenants without subscriptions (most of them) are kept too: that is the common answer.
      if (keep) this.entries.set(tenantId, { subscriptions, readAt: now });
      found.push(...subscriptions);
    }
    return found;
  }

  /** After a change of one of the tenant's subscriptions has committed. */
  invalidate(tenantId: string): void {
    this.generation += 1;
    this.entries.delete(tenantId);
  }

  private prune(now: number): void {
    for (const [tenantId, entry] of this.entries) if (now - entry.readAt >= this.ttlMs) this.entries.delete(tenantId);
  }
}
