// Stripe webhooks (payment_intent.*): the signature checked as Stripe specifies (Stripe-Signature
// `t=<unix>,v1=<hex HMAC-SHA256 of "t.payload" with the endpoint secret>`, constant-time compare,
// timestamps older than the tolerance refused against replays), the event parsed, and nothing else:
// what an event does to a payment is the service's business (service.ts `onProviderEvent`).
import { createHmac, timingSafeEqual } from 'node:crypto';

export type StripeEvent = { id: string; type: string; data: { object: { id: string; object?: string; status?: string; amount_received?: number; last_payment_error?: { message?: string } | null } } };

export class WebhookRejected extends Error {}

export function verifyStripeSignature(payload: string, header: string | undefined, secret: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): void {
  if (!header) throw new WebhookRejected('no Stripe-Signature header');
  const parts = header.split(',').map((part) => part.trim().split('=') as [string, string?]);
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v!);
  if (!Number.isInteger(timestamp) || signatures.length === 0) throw new WebhookRejected('malformed Stripe-Signature header');
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) throw new WebhookRejected('timestamp outside the tolerance (replayed?)');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest();
  const ok = signatures.some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new WebhookRejected('signature does not match');
}

export function parseStripeEvent(payload: string): StripeEvent {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch {
    throw new WebhookRejected('the body is not JSON');
  }
  const e = event as Partial<StripeEvent>;
  if (typeof e.id !== 'string' || typeof e.type !== 'string' || typeof e.data?.object?.id !== 'string') throw new WebhookRejected('not a Stripe event');
  return e as StripeEvent;
}
