// POST /pay/webhooks/stripe: Stripe's payment_intent.* events. The raw body is kept (the signature
// is over the exact bytes), the signature checked, the event recorded once by its id (a redelivery
// answers 200 and does nothing), then handed to the service. Public: the signature is the credential.
import type { FastifyInstance } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { ApiError } from '../../api/problem.js';
import type { Executor } from '../../infra/db/database.js';
import type { PaymentService } from './service.js';
import type { PaymentStore } from './store.js';
import { parseStripeEvent, verifyStripeSignature, WebhookRejected } from './stripe-webhooks.js';

export function registerStripeWebhook(app: ApiApp, deps: { db: Executor; store: PaymentStore; payments: PaymentService; secret: string | undefined }): void {
  void app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/pay/webhooks/stripe', { config: { permission: 'public' }, schema: { hide: true } }, async (request) => {
      if (!deps.secret) throw new ApiError('invalid_payment_webhook', 'no Stripe webhook secret is configured here');
      const payload = typeof request.body === 'string' ? request.body : '';
      let event;
      try {
        verifyStripeSignature(payload, request.headers['stripe-signature'] as string | undefined, deps.secret);
        event = parseStripeEvent(payload);
      } catch (error) {
        if (error instanceof WebhookRejected) throw new ApiError('invalid_payment_webhook', error.message);
        throw error;
      }
      const ref = event.data.object.id;
      const first = await deps.store.recordWebhookEvent(deps.db, { provider: 'stripe', eventId: event.id, type: event.type, objectRef: ref, outcome: 'received' });
      if (!first) return { received: true, duplicate: true };
      const outcome = await deps.payments.onProviderEvent('stripe', {
        type: event.type, ref,
        ...(typeof event.data.object.amount_received === 'number' ? { amountReceivedMinor: event.data.object.amount_received } : {}),
        ...(event.data.object.last_payment_error?.message ? { failure: event.data.object.last_payment_error.message } : {}),
      });
      await deps.store.setWebhookOutcome(deps.db, 'stripe', event.id, outcome);
      return { received: true, duplicate: false, outcome };
    });
  });
}
