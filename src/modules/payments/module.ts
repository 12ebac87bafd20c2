// Wiring of payments: the providers configured (config `payments`: Stripe by its secret key, a
// card terminal speaking ZVT or a simulated one), the service settling on session.ended, the sweep
// of unconfirmed payments, the API, the driver's pages (rate-limited), Stripe's webhook and the QR labels.
// One call from main.ts.
import type { Logger } from 'pino';
import type { ApiApp } from '../../api/http-server.js';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { createInvoiceStore } from '../invoicing/store.js';
import type { InvoiceService } from '../invoicing/service.js';
import type { TariffService } from '../tariffs/service.js';
import { registerPaymentRoutes } from './http.js';
import { registerPayLabelRoutes } from './pay-label-routes.js';
import { DEFAULT_PAY_RATE_LIMIT, limitPayPages, type PayRateLimit } from './public-guard.js';
import { registerStripeWebhook } from './stripe-webhook-route.js';
import type { PaymentProvider } from './port.js';
import { PaymentService, type CdrMaker, type RemoteStarter, type TokenIssuer } from './service.js';
import { createPaymentStore } from './store.js';
import { StripeProvider } from './stripe.js';
import { SimulatedTerminal, TerminalProvider } from './terminal.js';
import { UnconfirmedPaymentSweep, type SweepAudit } from './unconfirmed-sweep.js';
import { ZvtClient } from './zvt/client.js';
import { ZvtTerminalLink } from './zvt/zvt-terminal-link.js';

export type PaymentSettings = {
  stripeSecretKey?: string | undefined; stripeApiUrl?: string | undefined; terminal: 'none' | 'simulated' | 'zvt';
  /** The ZVT terminal (ADR 084); used when `terminal` is zvt. */
  zvt?: { host: string; port: number; password: string; currency: string; connectTimeoutSeconds: number; ackTimeoutSeconds: number; transactionTimeoutSeconds: number } | undefined;
  /** Voiding pre-authorisations nobody uses (ADR 085). */
  unconfirmedSweep?: { afterMinutes: number; intervalSeconds: number } | undefined;
  stripeWebhookSecret?: string | undefined; publicRateLimit?: PayRateLimit | undefined;
  /** Stripe.js card entry on the ad-hoc page (ADR 065). */
  stripePublishableKey?: string | undefined; stripeJsUrl?: string | undefined;
};

export function paymentProviders(settings: PaymentSettings, log?: Logger): Map<string, PaymentProvider> {
  const providers = new Map<string, PaymentProvider>();
  if (settings.stripeSecretKey) {
    providers.set('stripe', new StripeProvider({ secretKey: settings.stripeSecretKey, ...(settings.stripeApiUrl ? { baseUrl: settings.stripeApiUrl } : {}) }));
  }
  if (settings.terminal === 'simulated') providers.set('terminal', new TerminalProvider(new SimulatedTerminal()));
  if (settings.terminal === 'zvt') {
    const zvt = settings.zvt ?? { host: '127.0.0.1', port: 20007, password: '000000', currency: 'EUR', connectTimeoutSeconds: 5, ackTimeoutSeconds: 5, transactionTimeoutSeconds: 120 };
    const client = new ZvtClient({
      host: zvt.host, port: zvt.port, password: zvt.password, currency: zvt.currency, connectTimeoutMs: zvt.connectTimeoutSeconds * 1000,
      ackTimeoutMs: zvt.ackTimeoutSeconds * 1000, transactionTimeoutMs: zvt.transactionTimeoutSeconds * 1000, ...(log ? { log } : {}),
    });
    providers.set('terminal', new TerminalProvider(new ZvtTerminalLink(client), () => client.close()));
  }
  return providers;
}

export function createPayments(app: ApiApp, deps: {
  db: Executor; invoices: InvoiceService; tariffs: TariffService; cdrs: CdrMaker; tokens: TokenIssuer; remote: RemoteStarter;
  subscribe: (listener: (event: DomainEvent) => void) => unknown; publicUrl: () => string; defaultTenant: string; log: Logger;
  settings: PaymentSettings;
  /** Where the sweep records what it did (the audit log); null: not recorded. */
  audit?: SweepAudit | null;
}): PaymentService {
  const providers = paymentProviders(deps.settings, deps.log);
  const store = createPaymentStore();
  const payments = new PaymentService(deps.db, store, providers, {
    tokens: deps.tokens, remote: deps.remote, cdrs: deps.cdrs, invoices: deps.invoices, tariffs: deps.tariffs, log: deps.log,
    receiptUrl: (id) => `${deps.publicUrl()}/pay/payments/${id}/receipt.pdf`,
    authenticatedUrl: (id) => `${deps.publicUrl()}/pay/payments/${id}/authenticated`,
  });
  deps.subscribe((event) => payments.observe(event));
  const sweepSettings = deps.settings.unconfirmedSweep ?? { afterMinutes: 30, intervalSeconds: 300 };
  const sweep = new UnconfirmedPaymentSweep(deps.db, store, providers, {
    settle: (tenantId, sessionId) => payments.settle(tenantId, sessionId), audit: deps.audit ?? null, log: deps.log,
  }, { afterMinutes: sweepSettings.afterMinutes, tokenMinutes: payments.tokenMinutes });
  sweep.start(sweepSettings.intervalSeconds * 1000);
  app.addHook('onClose', async () => {
    sweep.stop();
    for (const provider of providers.values()) provider.close?.();
  });
  const invoiceStore = createInvoiceStore();
  const brand = async (tenantId: string) => {
    const row = await invoiceStore.branding(deps.db, tenantId);
    return { name: row?.displayName ?? row?.name ?? tenantId, logo: row?.logo ?? null, primaryColor: row?.primaryColor ?? null };
  };
  limitPayPages(app, deps.db, deps.settings.publicRateLimit ?? DEFAULT_PAY_RATE_LIMIT);
  registerPaymentRoutes(app, {
    payments, invoices: deps.invoices, defaultTenant: deps.defaultTenant, publicUrl: deps.publicUrl,
    defaultProvider: () => [...providers.keys()][0] ?? null, brand,
    stripeJs: deps.settings.stripePublishableKey ? { publishableKey: deps.settings.stripePublishableKey, url: deps.settings.stripeJsUrl ?? 'https://js.stripe.com/v3/' } : null,
  });
  registerStripeWebhook(app, { db: deps.db, store, payments, secret: deps.settings.stripeWebhookSecret });
  registerPayLabelRoutes(app, { payments, defaultTenant: deps.defaultTenant, publicUrl: deps.publicUrl, brand });
  return payments;
}
