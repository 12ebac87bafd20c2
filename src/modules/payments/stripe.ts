// Stripe adapter of the payment port: PaymentIntents with capture_method=manual over plain HTTPS
// (fetch, form-encoded as Stripe's API takes it). Pre-authorise = create and confirm a manual-capture
// PaymentIntent (status requires_capture); capture = /capture with amount_to_capture; void =
// /cancel; refund = POST /v1/refunds. A card that needs 3-D Secure answers requires_action with a
// redirect URL (confirmed with return_url); GET /v1/payment_intents/{id} tells how it ended. Each
// call carries an Idempotency-Key so a retry after a network failure never charges twice. `baseUrl` points at a local fake in tests.
import { PaymentProviderError, type PaymentProvider, type PreAuthorisation } from './port.js';

export type StripeConfig = { secretKey: string; baseUrl?: string; timeoutMs?: number };

type StripeObject = {
  id: string; status?: string; client_secret?: string; last_payment_error?: { message?: string; code?: string };
  next_action?: { type?: string; redirect_to_url?: { url?: string } };
  error?: { message?: string; code?: string; decline_code?: string; payment_intent?: { id?: string } };
};

export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe';
  private readonly baseUrl: string;

  constructor(private readonly config: StripeConfig) {
    this.baseUrl = (config.baseUrl ?? 'https://api.stripe.com').replace(/\/$/, '');
  }

  private async post(path: string, form: Record<string, string> | null, idempotencyKey: string | null): Promise<{ status: number; body: StripeObject }> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, form === null
        ? { headers: { authorization: `Bearer ${this.config.secretKey}` }, signal: AbortSignal.timeout(this.config.timeoutMs ?? 20_000) }
        : {
          method: 'POST',
          headers: { authorization: `Bearer ${this.config.secretKey}`, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': idempotencyKey! },
          body: new URLSearchParams(form).toString(),
          signal: AbortSignal.timeout(this.config.timeoutMs ?? 20_000),
        });
    } catch (error) {
      throw new PaymentProviderError(this.name, `unreachable: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => ({}))) as StripeObject;
    return { status: response.status, body };
  }

  private async expectOk(path: string, form: Record<string, string>, key: string): Promise<StripeObject> {
    const { status, body } = await this.post(path, form, key);
    if (status >= 400) throw new PaymentProviderError(this.name, body.error?.message ?? `HTTP ${status}`, status);
    return body;
  }

  async preAuthorise(request: { amountMinor: number; currency: string; reference: string; paymentMethod?: string; email?: string; returnUrl?: string }): Promise<PreAuthorisation> {
    const form: Record<string, string> = {
      amount: String(request.amountMinor), currency: request.currency.toLowerCase(), capture_method: 'manual',
      'metadata[chargeops_payment]': request.reference,
      // Without a payment method the intent waits (requires_payment_method) for the Payment Element to confirm it in the
      // driver's browser (ADR 065, 086); the methods are those enabled in the Stripe dashboard that can be held (manual capture).
      ...(request.paymentMethod ? { 'payment_method_types[]': 'card', payment_method: request.paymentMethod, confirm: 'true' } : { 'automatic_payment_methods[enabled]': 'true' }),
      // With a return_url, a card that needs 3-D Secure answers requires_action with a redirect_to_url.
      ...(request.paymentMethod && request.returnUrl ? { return_url: request.returnUrl } : {}),
      ...(request.email ? { receipt_email: request.email } : {}),
    };
    const { status, body } = await this.post('/v1/payment_intents', form, `${request.reference}-authorise`);
    // A declined card is HTTP 402 with the PaymentIntent in the error.
    if (status === 402) return { ref: body.error?.payment_intent?.id ?? '', status: 'declined', failure: body.error?.decline_code ?? body.error?.message ?? 'declined' };
    if (status >= 400) throw new PaymentProviderError(this.name, body.error?.message ?? `HTTP ${status}`, status);
    return this.stateOf(body);
  }

  async authorisation(ref: string): Promise<PreAuthorisation> {
    const { status, body } = await this.post(`/v1/payment_intents/${encodeURIComponent(ref)}`, null, null);
    if (status >= 400) throw new PaymentProviderError(this.name, body.error?.message ?? `HTTP ${status}`, status);
    return this.stateOf(body);
  }

  private stateOf(body: StripeObject): PreAuthorisation {
    if (body.status === 'requires_capture') return { ref: body.id, status: 'authorised' };
    if (body.status === 'requires_action' && body.next_action?.type === 'redirect_to_url' && body.next_action.redirect_to_url?.url) {
      return { ref: body.id, status: 'requires_action', actionUrl: body.next_action.redirect_to_url.url };
    }
    // Created without a card (Stripe.js confirms it in the browser) and not yet tried: waiting, not declined.
    if (body.status === 'requires_payment_method' && !body.last_payment_error) {
      return { ref: body.id, status: 'requires_payment_method', ...(body.client_secret ? { clientSecret: body.client_secret } : {}) };
    }
    return { ref: body.id, status: 'declined', failure: body.last_payment_error?.message ?? `PaymentIntent is ${body.status}` };
  }

  async capture(ref: string, amountMinor: number): Promise<void> {
    const body = await this.expectOk(`/v1/payment_intents/${encodeURIComponent(ref)}/capture`, { amount_to_capture: String(amountMinor) }, `${ref}-capture`);
    if (body.status !== 'succeeded') throw new PaymentProviderError(this.name, `capture left the PaymentIntent ${body.status}`);
  }

  async void(ref: string): Promise<void> {
    const body = await this.expectOk(`/v1/payment_intents/${encodeURIComponent(ref)}/cancel`, { cancellation_reason: 'abandoned' }, `${ref}-cancel`);
    if (body.status !== 'canceled') throw new PaymentProviderError(this.name, `cancel left the PaymentIntent ${body.status}`);
  }

  async refund(ref: string, amountMinor: number, refundId: string): Promise<void> {
    await this.expectOk('/v1/refunds', { payment_intent: ref, amount: String(amountMinor), 'metadata[chargeops_refund]': refundId }, `${ref}-refund-${refundId}`);
  }
}
