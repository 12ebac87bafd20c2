import { Type } from '@sinclair/typebox';
import type { WebhookDelivery } from './delivery-store.js';
import type { WebhookSubscription } from './subscription-store.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';


const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1, maxItems: 50, description: "Event types to receive: exact (session.ended), a prefix (station.*) or '*' for all",
});

export const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Nullable(Type.String({ description: 'Why it was disabled (e.g. consecutive failures)' })),
  consecutiveFailures: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreatedWebhookSchema = Type.Composite([WebhookSchema, Type.Object({
  secret: Type.String({ description: 'Signing secret: shown only in this response' }),
})]);

export const CreateWebhookBody = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048, description: 'http:// or https:// endpoint that receives POSTs' }),
  eventTypes: EventTypes,
  description: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const UpdateWebhookBody = Type.Object({
  url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  eventTypes: Type.Optional(EventTypes),
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  enabled: Type.Optional(Type.Boolean({ description: 'true re-enables a disabled webhook: its pending deliveries are sent again' })),
}, { additionalProperties: false, minProperties: 1 });

export const DeliverySchema = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventType: Nullable(Type.String()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  lastAttemptAt: Nullable(DateTime),
  lastStatusCode: Nullable(Type.Integer({ description: 'HTTP status of the last answer; null when none came (timeout, refused)' })),
  lastError: Nullable(Type.String()),
  createdAt: DateTime,
});

/** Field by field, so that a subscription read with its secret never leaks it through a spread. */
export function toWebhookView(subscription: WebhookSubscription) {
  return {
    id: subscription.id,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    description: subscription.description,
    enabled: subscription.enabled,
    disabledReason: subscription.disabledReason,
    consecutiveFailures: subscription.consecutiveFailures,
    createdAt: subscription.createdAt.toISOString(),
    updatedAt: subscription.updatedAt.toISOString(),
  };
}

export function toDeliveryView(delivery: WebhookDelivery & { eventType?: string | null }) {
  return {
    id: delivery.id.toString(),
    eventId: delivery.eventId.toString(),
    eventType: delivery.eventType ?? null,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
  };
}

export const SIGNATURE_DOCS = `Each event is POSTed as JSON \`{"id", "type", "at", "stationId", "data"}\` with the headers
\`ChargeOps-Event-Id\`, \`ChargeOps-Event-Type\`, \`ChargeOps-Delivery-Id\`, \`ChargeOps-Timestamp\` (unix seconds) and
\`ChargeOps-Signature: t=<timestamp>,v1=<signature>\`. Any 2xx answer within 10 s is a success; anything else
(redirects included) is retried with exponential backoff (about 10 s, 30 s, 2 min, 10 min, 1 h, 6 h, 12 h), and
after 20 failed attempts in a row the webhook is disabled (event \`webhook.disabled\`). Deliveries may arrive
more than once and out of order: de-duplicate on \`ChargeOps-Event-Id\`.

**Verifying a delivery**: take \`t\` and \`v1\` from \`ChargeOps-Signature\`; compute
\`hex(HMAC-SHA256(secret, t + "." + rawBody))\` over the raw request body exactly as received (before any JSON
parsing); compare it with \`v1\` in constant time; refuse the delivery when \`t\` is more than 5 minutes away from
your clock. In Node.js:

\`\`\`js
const [t, v1] = header.split(',').map((part) => part.split('=')[1]);
const expected = crypto.createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest('hex');
const valid = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(v1)) && Math.abs(Date.now() / 1000 - Number(t)) < 300;
\`\`\``;
