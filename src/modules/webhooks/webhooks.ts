// Wiring of the webhook capability, so the composition root stays a few lines.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { EventStream } from '../events/event-stream.js';
import { createDeliveryStore } from './delivery-store.js';
import { WebhookDispatcher } from './dispatcher.js';
import { WebhookService } from './service.js';
import { createSubscriptionStore } from './subscription-store.js';

export type WebhookSettings = {
  timeoutSeconds: number;
  retryScheduleSeconds: number[];
  maxAttempts: number;
  maxConsecutiveFailures: number;
  pollIntervalSeconds: number;
};

export type Webhooks = { service: WebhookService; dispatcher: WebhookDispatcher };

/** Deliveries are written with their events (persist hook) and sent by one dispatcher loop. */
export function createWebhooks(
  db: Executor, commits: GroupCommitter, stream: EventStream, publisher: EventPublisher, settings: WebhookSettings, userAgent: string, log: Logger,
): Webhooks {
  const subscriptions = createSubscriptionStore();
  const deliveries = createDeliveryStore();
  const service = new WebhookService(db, commits, subscriptions, deliveries);
  const dispatcher = new WebhookDispatcher({
    db, commits, subscriptions, deliveries, events: stream.store, publisher, log,
    subscriptionsChanged: (tenantId) => service.cache.invalidate(tenantId),
  }, {
    retry: { scheduleMs: settings.retryScheduleSeconds.map((s) => s * 1000), maxAttempts: settings.maxAttempts },
    maxConsecutiveFailures: settings.maxConsecutiveFailures,
    timeoutMs: settings.timeoutSeconds * 1000,
    pollIntervalMs: settings.pollIntervalSeconds * 1000,
    batchSize: 50,
    userAgent,
  });
  service.onDeliveriesDue = () => dispatcher.poke();
  stream.writer.onPersist((tx, events) => service.enqueueFor(tx, events));
  stream.writer.subscribe(() => {
    if (service.takeNewDeliveries()) dispatcher.poke();
  });
  dispatcher.start();
  return { service, dispatcher };
}
