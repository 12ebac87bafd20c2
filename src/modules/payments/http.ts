// Payments over HTTP: the operator's API (finance:read / finance:write) and the driver's public
// ad-hoc pages (AFIR): /pay/{stationId}/{evseId} shows the tariff and takes the pre-authorisation,
// /pay/payments/{id} shows progress and cost and links the receipt. No login: a station id names
// its tenant, a payment id (an unguessable UUID) is the driver's capability for their payment.
import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { ApiError } from '../../api/problem.js';
import type { InvoiceService } from '../invoicing/service.js';
import { trimMoney } from '../invoicing/pdf.js';
import { payPage, payPagePolicy, progressPage, type Brand, type StripeJs } from './pages.js';
import type { PaymentService } from './service.js';
import type { PaymentRow } from './store.js';

const toView = (row: PaymentRow) => ({
  id: row.id, provider: row.provider, providerRef: row.providerRef, status: row.status, currency: row.currency,
  amountAuthorised: trimMoney(row.amountAuthorised, row.currency), amountCaptured: trimMoney(row.amountCaptured, row.currency),
  amountRefunded: trimMoney(row.amountRefunded, row.currency), stationId: row.stationId, evseId: row.evseId, sessionId: row.sessionId,
  email: row.email, invoiceId: row.invoiceId, failure: row.failure, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
});
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Evse = Type.Object({ stationId: Type.String({ minLength: 1, maxLength: 64 }), evseId: Type.Integer({ minimum: 1, maximum: 999 }) });
/** A server-rendered page with its CSP: a fresh nonce per response for the inline script and style. */
const html = (reply: FastifyReply, render: (nonce: string) => string, stripeJs: StripeJs | null = null) => {
  const nonce = randomBytes(16).toString('base64');
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', payPagePolicy(nonce, stripeJs))
    .header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').send(render(nonce));
};

export function registerPaymentRoutes(app: ApiApp, deps: {
  payments: PaymentService; invoices: InvoiceService; defaultTenant: string; defaultProvider: () => string | null; brand: (tenantId: string) => Promise<Brand>;
  publicUrl: () => string;
  /** Stripe.js for the card Element (ADR 065); null: the server-side payment-method flow. */
  stripeJs?: StripeJs | null;
}): void {
  const stripeJs = deps.stripeJs ?? null;
  const { payments } = deps;
  const tags = ['payments'];
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);

  app.get('/api/v1/payments', {
    config: { permission: 'finance:read' },
    schema: { tags, summary: 'Ad-hoc payments, newest first', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 64 })) }) },
  }, async (request) => {
    const page = await payments.list(tenant(request), request.query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });
  app.get('/api/v1/payments/:id', { config: { permission: 'finance:read' }, schema: { tags, summary: 'A payment', params: Id } },
    async (request) => toView(await payments.get(tenant(request), request.params.id)));
  app.post('/api/v1/payments/:id/refund', {
    config: { permission: 'finance:write' },
    schema: { tags, summary: 'Refund (part of) a captured payment through its provider', params: Id, body: Type.Object({ amount: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?$' })), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false }) },
  }, async (request) => toView(await payments.refund(tenant(request), request.params.id, request.body.amount, request.body.reason)));

  // The driver's pages: public, not part of the API document.
  const publicRoute = { permission: 'public' } as const;
  /** The tenant of an EVSE the station has; an unknown station or EVSE is one 404, saying no more. */
  const evseTenant = async (stationId: string, evseId: number) => {
    const found = await payments.tenantOfStation(stationId);
    if (!found || !(await payments.evsesOf(found, stationId)).includes(evseId)) throw new ApiError('station_not_found', 'no such charging point');
    return found;
  };

  app.get('/pay/:stationId/:evseId', { config: publicRoute, schema: { hide: true, params: Evse } }, async (request, reply) => {
    const { stationId, evseId } = request.params;
    const tenantId = await evseTenant(stationId, evseId);
    const offer = await payments.offer(tenantId, stationId, evseId);
    const brand = await deps.brand(tenantId);
    const provider = deps.defaultProvider();
    const withStripeJs = provider === 'stripe' ? stripeJs : null;
    return html(reply, (nonce) => payPage({ brand, stationId, evseId, offer, provider, nonce, stripeJs: withStripeJs }), withStripeJs);
  });

  app.post('/pay/:stationId/:evseId', {
    config: publicRoute,
    schema: {
      hide: true, params: Evse,
      body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), paymentMethod: Type.Optional(Type.String({ maxLength: 255 })) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { stationId, evseId } = request.params;
    const tenantId = await evseTenant(stationId, evseId);
    const provider = deps.defaultProvider();
    if (!provider) throw new ApiError('invalid_payment', 'ad-hoc payment is not configured here');
    const payment = await payments.startAdHoc(tenantId, {
      stationId, evseId, email: request.body.email, provider, ...(request.body.paymentMethod ? { paymentMethod: request.body.paymentMethod } : {}),
    });
    return reply.code(201).send({
      paymentId: payment.id, progressUrl: `/pay/payments/${payment.id}`,
      // 3-D Secure: the driver authenticates at the issuer and comes back to /authenticated.
      nextAction: payment.actionUrl ? { type: 'redirect', url: payment.actionUrl } : null,
      // Stripe.js confirms the card (and runs 3-D Secure) in this page, then it goes to /authenticated (ADR 065).
      ...(payment.clientSecret ? { clientSecret: payment.clientSecret, authenticatedUrl: `/pay/payments/${payment.id}/authenticated` } : {}),
    });
  });

  app.get('/pay/payments/:id/authenticated', { config: publicRoute, schema: { hide: true, params: Id } }, async (request, reply) => {
    const payment = await payments.confirmAuthentication(request.params.id);
    return reply.redirect(`/pay/payments/${payment.id}`, 303);
  });

  app.get('/pay/payments/:id', { config: publicRoute, schema: { hide: true, params: Id } }, async (request, reply) => {
    const progress = await payments.progress(request.params.id);
    const brand = await deps.brand(progress.payment.tenantId);
    return html(reply, (nonce) => progressPage({ brand, paymentId: progress.payment.id, currency: progress.payment.currency, nonce }));
  });

  app.get('/pay/payments/:id/status', { config: publicRoute, schema: { hide: true, params: Id } }, async (request) => {
    const { payment, session, energyKwh, runningCost, held } = await payments.progress(request.params.id);
    return {
      status: payment.status, session: session?.status ?? 'waiting', energyKwh, cost: runningCost, held, currency: payment.currency,
      receiptUrl: payment.invoiceId ? `/pay/payments/${payment.id}/receipt.pdf` : null, failure: payment.failure,
    };
  });

  app.get('/pay/payments/:id/receipt.pdf', { config: publicRoute, schema: { hide: true, params: Id } }, async (request, reply) => {
    const { payment } = await payments.progress(request.params.id);
    if (!payment.invoiceId) throw new ApiError('invoice_not_found', 'no receipt yet: the charge has not been settled');
    const { invoice, pdf } = await deps.invoices.pdf(payment.tenantId, payment.invoiceId, 'Receipt');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${invoice.displayNumber}.pdf"`).send(pdf);
  });
}
