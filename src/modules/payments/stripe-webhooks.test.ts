// Stripe-Signature verification as Stripe specifies it: HMAC-SHA256 over "t.payload", any of
// several v1 signatures (secret rotation), a timestamp tolerance against replays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripeSignature } from './stripe-fake.js';
import { parseStripeEvent, verifyStripeSignature, WebhookRejected } from './stripe-webhooks.js';

const payload = JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1', amount_received: 526 } } });
const now = 1_800_000_000;

describe('Stripe webhook signature', () => {
  it('accepts the right secret, also beside a stale v1 of a rotated secret', () => {
    verifyStripeSignature(payload, stripeSignature(payload, 'whsec_a', now), 'whsec_a', now);
    const rotated = `${stripeSignature(payload, 'whsec_a', now)},v1=${'0'.repeat(64)}`;
    verifyStripeSignature(payload, rotated, 'whsec_a', now + 10);
    assert.equal(parseStripeEvent(payload).data.object.id, 'pi_1');
  });
  it('refuses a wrong secret, a changed payload, no header, a malformed header, an old timestamp', () => {
    const rejects = (fn: () => void, why: RegExp) => assert.throws(fn, (e: unknown) => e instanceof WebhookRejected && why.test(e.message));
    rejects(() => verifyStripeSignature(payload, stripeSignature(payload, 'whsec_b', now), 'whsec_a', now), /does not match/);
    rejects(() => verifyStripeSignature(payload.replace('526', '1'), stripeSignature(payload, 'whsec_a', now), 'whsec_a', now), /does not match/);
    rejects(() => verifyStripeSignature(payload, undefined, 'whsec_a', now), /no Stripe-Signature/);
    rejects(() => verifyStripeSignature(payload, 'v1=abc', 'whsec_a', now), /malformed/);
    rejects(() => verifyStripeSignature(payload, stripeSignature(payload, 'whsec_a', now - 301), 'whsec_a', now), /tolerance/);
    rejects(() => parseStripeEvent('{"id":1}'), /not a Stripe event/);
  });
});
