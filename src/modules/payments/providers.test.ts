// The payment adapters against their counterparts: Stripe's HTTP endpoints (a local fake with
// Stripe's state rules) and a simulated card terminal. Pre-authorise, capture the actual amount,
// void when nothing was delivered, refund; a declined card; retries are idempotent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PaymentProviderError } from './port.js';
import { startStripeFake, type StripeFake } from './stripe-fake.js';
import { StripeProvider } from './stripe.js';
import { SimulatedTerminal, TerminalProvider } from './terminal.js';

describe('Stripe adapter (PaymentIntents, capture_method=manual) against a local fake', () => {
  let fake: StripeFake;
  let stripe: StripeProvider;
  before(async () => {
    fake = await startStripeFake();
    stripe = new StripeProvider({ secretKey: 'sk_test_fake', baseUrl: fake.url });
  });
  after(() => fake.close());

  it('pre-authorises 50.00 EUR, captures the actual 12.34: the rest is released', async () => {
    const auth = await stripe.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 'pay-1', paymentMethod: 'pm_card_visa' });
    assert.equal(auth.status, 'authorised');
    const created = fake.requests.find((r) => r.path === '/v1/payment_intents')!;
    assert.deepEqual([created.form.amount, created.form.currency, created.form.capture_method, created.form.confirm], ['5000', 'eur', 'manual', 'true']);
    assert.equal(fake.intents.get(auth.ref)!.status, 'requires_capture');
    await stripe.capture(auth.ref, 1234);
    assert.deepEqual([fake.intents.get(auth.ref)!.status, fake.intents.get(auth.ref)!.amount_received], ['succeeded', 1234]);
    await stripe.refund(auth.ref, 234, 'r1');
    await stripe.refund(auth.ref, 234, 'r1'); // a retry: the Idempotency-Key replays, nothing more is refunded
    assert.equal(fake.intents.get(auth.ref)!.refunded, 234);
    await assert.rejects(stripe.refund(auth.ref, 1001, 'r2'), (e: unknown) => e instanceof PaymentProviderError && /greater than unrefunded/.test(e.message));
  });

  it('voids when no energy was delivered: nothing captured', async () => {
    const auth = await stripe.preAuthorise({ amountMinor: 3000, currency: 'EUR', reference: 'pay-2', paymentMethod: 'pm_card_visa' });
    await stripe.void(auth.ref);
    assert.deepEqual([fake.intents.get(auth.ref)!.status, fake.intents.get(auth.ref)!.amount_received], ['canceled', 0]);
    await assert.rejects(stripe.capture(auth.ref, 100), PaymentProviderError);
  });

  it('a declined card is a declined pre-authorisation, not an exception; a wrong key is', async () => {
    const auth = await stripe.preAuthorise({ amountMinor: 3000, currency: 'EUR', reference: 'pay-3', paymentMethod: 'pm_card_chargeDeclined' });
    assert.deepEqual([auth.status, auth.failure], ['declined', 'generic_decline']);
    const wrongKey = new StripeProvider({ secretKey: 'sk_test_wrong', baseUrl: fake.url });
    await assert.rejects(wrongKey.preAuthorise({ amountMinor: 3000, currency: 'EUR', reference: 'pay-4', paymentMethod: 'pm_card_visa' }), (e: unknown) => e instanceof PaymentProviderError && e.status === 401);
  });
});

describe('card-terminal adapter with a simulated terminal', () => {
  it('reserves, completes with the actual amount, refunds; declines over the card limit; releases', async () => {
    const terminal = new SimulatedTerminal(10_000);
    const provider = new TerminalProvider(terminal);
    const auth = await provider.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 't-1' });
    await provider.capture(auth.ref, 790);
    await provider.refund(auth.ref, 90, 'x');
    assert.deepEqual([terminal.transactions.get(auth.ref)!.state, terminal.transactions.get(auth.ref)!.takenMinor, terminal.transactions.get(auth.ref)!.refundedMinor], ['completed', 790, 90]);
    assert.equal((await provider.preAuthorise({ amountMinor: 20_000, currency: 'EUR', reference: 't-2' })).status, 'declined');
    const other = await provider.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 't-3' });
    await provider.void(other.ref);
    assert.equal(terminal.transactions.get(other.ref)!.state, 'released');
    await assert.rejects(provider.capture(other.ref, 1), PaymentProviderError);
  });
});
