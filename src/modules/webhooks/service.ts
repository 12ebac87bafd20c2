import { randomBytes } from 'node:crypto';
import { isForeignKeyViolation, type Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import { DomainError } from '../../shared/domain-error.js';
import { matchesEventType, parseEventTypePatterns, type PersistedEvent } from '../events/event-types.js';
import type { DeliveryStatus, DeliveryStore, WebhookDelivery } from './delivery-store.js';
import { generateWebhookSecret } from './signature.js';
import { SubscriptionCache } from './subscription-cache.js';
import type { SubscriptionStore, WebhookSubscription, WebhookSubscriptionWithSecret } from './subscription-store.js';

export type NewWebhook = { url: string; eventTypes: string[]; description?: string | null };
export type WebhookChange = { url?: string; eventTypes?: string[]; description?: string | null; enabled?: boolean };

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DomainError('invalid_webhook', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DomainError('invalid_webhook', 'A webhook URL must be http:// or https://');
  if (parsed.username || parsed.password) throw new DomainError('invalid_webhook', 'A webhook URL must not carry credentials; verify the signature instead');
  return parsed.toString();
}

function checkTypes(types: readonly string[]): string[] {
  const patterns = parseEventTypePatterns(types, 'invalid_webhook');
  if (patterns.length === 0) throw new DomainError('invalid_webhook', 'eventTypes names no event type');
  return patterns;
}

/**
 * Webhook subscriptions of a tenant and their delivery log (the dispatcher does the sending).
 * Deliveries are created in the transaction that stores their event (`enqueueFor`), so an event
 * is never stored without the deliveries it owes.
 */
export class WebhookService {
  /** Set when an event-log transaction wrote deliveries; the dispatcher is woken after it commits. */
  private wroteDeliveries = false;
  /** Wakes the dispatcher (set by the wiring). */
  onDeliveriesDue: () => void = () => {};

  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly subscriptions: SubscriptionStore,
    private readonly deliveries: DeliveryStore,
    private readonly now: () => Date = () => new Date(),
    /** The persist hook's view of the enabled subscriptions (ADR 096); dropped per tenant on every change made here. */
    readonly cache: SubscriptionCache = new SubscriptionCache(subscriptions),
  ) {}

  async create(tenantId: string, input: NewWebhook): Promise<WebhookSubscriptionWithSecret> {
    const subscription = {
      id: `wh_${randomBytes(8).toString('hex')}`, tenantId, url: checkUrl(input.url), secret: generateWebhookSecret(),
      eventTypes: checkTypes(input.eventTypes), description: input.description ?? null,
    };
    try {
      return await this.commits.run((tx) => this.subscriptions.insert(tx, subscription));
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new DomainError('tenant_not_found', `Tenant ${tenantId} does not exist`);
      throw error;
    } finally {
      // After the commit (or the failure): a read inside the batch may have seen the row uncommitted.
      this.cache.invalidate(tenantId);
    }
  }

  async get(tenantId: string, id: string): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.get(this.db, tenantId, id);
    if (!subscription) throw new DomainError('webhook_not_found', `Webhook ${id} does not exist`);
    return subscription;
  }

  list(tenantId: string, query: { limit: number; cursor?: string | undefined; sort?: string | undefined }) {
    return this.subscriptions.list(this.db, tenantId, query);
  }

  /** Re-enabling makes the deliveries it left pending due at once; disabling parks them. */
  async update(tenantId: string, id: string, change: WebhookChange): Promise<WebhookSubscription> {
    const at = this.now();
    const patch = {
      ...(change.url === undefined ? {} : { url: checkUrl(change.url) }),
      ...(change.eventTypes === undefined ? {} : { eventTypes: checkTypes(change.eventTypes) }),
      ...(change.description === undefined ? {} : { description: change.description }),
      ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
    };
    const updated = await this.commits.run(async (tx) => {
      const before = await this.subscriptions.get(tx, tenantId, id);
      if (!before) return null;
      const reason = change.enabled === false && before.enabled ? { disabledReason: 'Disabled through the API' } : {};
      const after = await this.subscriptions.update(tx, tenantId, id, { ...patch, ...reason }, at);
      if (change.enabled === true && !before.enabled) await this.deliveries.resume(tx, tenantId, id, at);
      if (change.enabled === false && before.enabled) await this.deliveries.park(tx, tenantId, id);
      return after;
    }).finally(() => this.cache.invalidate(tenantId));
    if (!updated) throw new DomainError('webhook_not_found', `Webhook ${id} does not exist`);
    if (change.enabled === true) this.onDeliveriesDue();
    return updated;
  }

  async remove(tenantId: string, id: string): Promise<void> {
    const removed = await this.commits.run((tx) => this.subscriptions.remove(tx, tenantId, id)).finally(() => this.cache.invalidate(tenantId));
    if (!removed) {
      throw new DomainError('webhook_not_found', `Webhook ${id} does not exist`);
    }
  }

  async listDeliveries(tenantId: string, id: string, query: { limit: number; cursor?: string | undefined; status?: DeliveryStatus | undefined }) {
    await this.get(tenantId, id);
    return this.deliveries.list(this.db, tenantId, id, query);
  }

  async redeliver(tenantId: string, id: string, deliveryId: bigint): Promise<WebhookDelivery> {
    const subscription = await this.get(tenantId, id);
    if (!subscription.enabled) throw new DomainError('webhook_disabled', `Webhook ${id} is disabled; enable it (PATCH enabled: true) to deliver again`);
    const delivery = await this.commits.run((tx) => this.deliveries.redeliver(tx, tenantId, id, deliveryId, this.now()));
    if (!delivery) throw new DomainError('webhook_delivery_not_found', `Delivery ${deliveryId} of webhook ${id} does not exist`);
    this.onDeliveriesDue();
    return delivery;
  }

  /**
   * Persist hook of the event log: one pending delivery per stored event and matching enabled
   * subscription. The subscriptions come from the cache (no statement while its entries are fresh).
   */
  async enqueueFor(tx: Executor, events: readonly PersistedEvent[]): Promise<void> {
    const subscriptions = await this.cache.enabledFor(tx, events.map((e) => e.tenantId));
    if (subscriptions.length === 0) return;
    const rows = events.flatMap((event) => subscriptions
      .filter((s) => s.tenantId === event.tenantId && matchesEventType(s.eventTypes, event.type))
      .map((s) => ({ tenantId: event.tenantId, subscriptionId: s.id, eventId: event.id })));
    await this.deliveries.enqueue(tx, rows, this.now());
    if (rows.length > 0) this.wroteDeliveries = true;
  }

  /** True once per batch of new due deliveries (read after their commit). */
  takeNewDeliveries(): boolean {
    const wrote = this.wroteDeliveries;
    this.wroteDeliveries = false;
    return wrote;
  }
}
