// Sends due webhook deliveries: one loop (one timer) for all of them, woken when new deliveries are
// written and otherwise polling. Deliveries are claimed in the database (see DeliveryStore.claimDue),
// so several nodes can run this loop on one PostgreSQL without sending a delivery twice.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { EventLogStore } from '../events/event-log-store.js';
import type { PersistedEvent } from '../events/event-types.js';
import type { DeliveryStore, WebhookDelivery } from './delivery-store.js';
import { nextRetryDelayMs, type RetryPolicy } from './retry-schedule.js';
import { signatureHeader } from './signature.js';
import type { SubscriptionStore, WebhookSubscriptionWithSecret } from './subscription-store.js';

export type DispatcherOptions = {
  retry: RetryPolicy;
  /** Failed attempts in a row after which a subscription is disabled. */
  maxConsecutiveFailures: number;
  timeoutMs: number;
  pollIntervalMs: number;
  /** Deliveries claimed and sent concurrently per round. */
  batchSize: number;
  userAgent: string;
};

export type DispatcherDeps = {
  db: Executor;
  commits: GroupCommitter;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  events: EventLogStore;
  publisher: EventPublisher;
  log: Logger;
  /** Called after this loop disabled a subscription of the tenant (the service's cache drops its entry). */
  subscriptionsChanged?: (tenantId: string) => void;
};

type Attempt =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'failed'; statusCode: number | null; error: string }
  | { kind: 'interrupted' };

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: DispatcherDeps,
    private readonly options: DispatcherOptions,
    private readonly now: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** New deliveries are due: run a round now rather than at the next poll. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and interrupts requests in flight; their deliveries are released, not counted. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.running;
  }

  /** Claims and sends one round of due deliveries; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const { db, deliveries, subscriptions, events } = this.deps;
    const now = this.now();
    // The lease outlives the request timeout: it only matters when this node dies mid-delivery.
    const claimed = await deliveries.claimDue(db, now, new Date(now.getTime() + this.options.timeoutMs + 60_000), this.options.batchSize);
    if (claimed.length === 0) return 0;
    const [subscriptionById, eventById] = await Promise.all([
      subscriptions.getManyWithSecrets(db, claimed.map((d) => d.subscriptionId)),
      events.getMany(db, claimed.map((d) => d.eventId)),
    ]);
    await Promise.all(claimed.map((delivery) => this.deliver(delivery, subscriptionById.get(delivery.subscriptionId), eventById.get(delivery.eventId))
      .catch((error: unknown) => this.deps.log.error({ err: error, deliveryId: delivery.id.toString() }, 'recording a webhook delivery failed'))));
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, delayMs).unref();
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop()
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'webhook dispatch round failed'))
      .finally(() => {
        this.running = null;
        this.schedule(this.again ? 0 : this.options.pollIntervalMs);
        this.again = false;
      });
  }

  private async loop(): Promise<void> {
    for (;;) {
      this.again = false;
      const claimed = await this.runOnce();
      if (this.stopped || (claimed < this.options.batchSize && !this.again)) return;
    }
  }

  private async deliver(delivery: WebhookDelivery, subscription: WebhookSubscriptionWithSecret | undefined, event: PersistedEvent | undefined): Promise<void> {
    const { commits, deliveries } = this.deps;
    if (!subscription || subscription.tenantId !== delivery.tenantId) {
      await commits.run((tx) => deliveries.abandon(tx, delivery.id, 'The subscription no longer exists'));
      return;
    }
    if (!event || event.tenantId !== delivery.tenantId) {
      await commits.run((tx) => deliveries.abandon(tx, delivery.id, 'The event is no longer stored'));
      return;
    }
    if (!subscription.enabled) {
      await commits.run((tx) => deliveries.park(tx, delivery.tenantId, subscription.id));
      return;
    }
    const attempt = await this.send(subscription, event, delivery);
    if (attempt.kind === 'interrupted') {
      await commits.run((tx) => deliveries.release(tx, [delivery.id], this.now()));
      return;
    }
    const at = this.now();
    if (attempt.kind === 'delivered') {
      await commits.run(async (tx) => {
        await deliveries.recordAttempt(tx, delivery.id, { at, statusCode: attempt.statusCode, error: null, status: 'succeeded', nextAttemptAt: null });
        await this.deps.subscriptions.recordSuccess(tx, subscription.id);
      });
      return;
    }
    await this.recordFailure(delivery, subscription, attempt, at);
  }

  private async recordFailure(delivery: WebhookDelivery, subscription: WebhookSubscriptionWithSecret, attempt: Extract<Attempt, { kind: 'failed' }>, at: Date): Promise<void> {
    const { commits, deliveries, subscriptions } = this.deps;
    const limit = this.options.maxConsecutiveFailures;
    const reason = `${limit} delivery attempts in a row failed; the last: ${attempt.error}`;
    const delay = nextRetryDelayMs(this.options.retry, delivery.attempts + 1, this.random);
    const failure = await commits.run(async (tx) => {
      const counted = await subscriptions.recordFailure(tx, subscription.id, limit, reason, at);
      const stillEnabled = counted.subscription?.enabled ?? false;
      await deliveries.recordAttempt(tx, delivery.id, {
        at, statusCode: attempt.statusCode, error: attempt.error,
        status: delay === null ? 'failed' : 'pending',
        // A disabled subscription's retries are parked until it is enabled again.
        nextAttemptAt: delay === null || !stillEnabled ? null : new Date(at.getTime() + delay),
      });
      if (counted.disabledNow) await deliveries.park(tx, delivery.tenantId, subscription.id);
      return counted;
    });
    if (!failure.disabledNow) return;
    this.deps.subscriptionsChanged?.(subscription.tenantId);
    this.deps.log.warn({ tenantId: subscription.tenantId, webhookId: subscription.id, url: subscription.url }, 'webhook disabled after consecutive failures');
    this.deps.publisher.publish({
      type: 'webhook.disabled', tenantId: subscription.tenantId, at,
      data: { webhookId: subscription.id, url: subscription.url, reason, consecutiveFailures: failure.subscription?.consecutiveFailures ?? limit },
    });
  }

  private async send(subscription: WebhookSubscriptionWithSecret, event: PersistedEvent, delivery: WebhookDelivery): Promise<Attempt> {
    const body = JSON.stringify({ id: event.id.toString(), type: event.type, at: event.at.toISOString(), stationId: event.stationId ?? null, data: event.data });
    const timestamp = Math.floor(this.now().getTime() / 1000);
    try {
      const response = await fetch(subscription.url, {
        method: 'POST',
        // A redirect is a failure: following it would send signed data to a URL nobody registered.
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.abort.signal]),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': this.options.userAgent,
          'ChargeOps-Event-Id': event.id.toString(),
          'ChargeOps-Event-Type': event.type,
          'ChargeOps-Delivery-Id': delivery.id.toString(),
          'ChargeOps-Timestamp': String(timestamp),
          'ChargeOps-Signature': signatureHeader(subscription.secret, timestamp, body),
        },
        body,
      });
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel().catch(() => {});
        return { kind: 'delivered', statusCode: response.status };
      }
      const snippet = await readSnippet(response, 300).catch(() => '');
      return { kind: 'failed', statusCode: response.status, error: `HTTP ${response.status}${snippet ? `: ${snippet}` : ''}` };
    } catch (error) {
      if (this.abort.signal.aborted) return { kind: 'interrupted' };
      return { kind: 'failed', statusCode: null, error: describeFetchError(error, this.options.timeoutMs) };
    }
  }
}

/** The start of a response body, for the delivery log; the rest is never read. */
async function readSnippet(response: Response, maxChars: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < maxChars) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, maxChars);
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `No answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  if (code) return `Connection failed: ${code}`;
  return error instanceof Error ? error.message.slice(0, 300) : 'Request failed';
}
