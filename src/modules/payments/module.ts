// Wiring of payments: the providers configured (config `payments`: Stripe by its secret key, a
// simulated card terminal), the service settling on session.ended, the API and the driver's pages.
// One call from main.ts.
import type { Logger } from 'pino';
import type { ApiApp } from '../../api/http-server.js';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { createInvoiceStore } from '../invoicing/store.js';
import type { InvoiceService } from '../invoicing/service.js';
import type { TariffService } from '../tariffs/service.js';
import { registerPaymentRoutes } from './http.js';
import type { PaymentProvider } from './port.js';
import { PaymentService, type CdrMaker, type RemoteStarter, type TokenIssuer } from './service.js';
import { createPaymentStore } from './store.js';
import { StripeProvider } from './stripe.js';
import { SimulatedTerminal, TerminalProvider } from './terminal.js';

export type PaymentSettings = { stripeSecretKey?: string | undefined; stripeApiUrl?: string | undefined; terminal: 'none' | 'simulated' };

export function paymentProviders(settings: PaymentSettings): Map<string, PaymentProvider> {
  const providers = new Map<string, PaymentProvider>();
  if (settings.stripeSecretKey) {
    providers.set('stripe', new StripeProvider({ secretKey: settings.stripeSecretKey, ...(settings.stripeApiUrl ? { baseUrl: settings.stripeApiUrl } : {}) }));
  }
  if (settings.terminal === 'simulated') providers.set('terminal', new TerminalProvider(new SimulatedTerminal()));
  return providers;
}

export function createPayments(app: ApiApp, deps: {
  db: Executor; invoices: InvoiceService; tariffs: TariffService; cdrs: CdrMaker; tokens: TokenIssuer; remote: RemoteStarter;
  subscribe: (listener: (event: DomainEvent) => void) => unknown; publicUrl: () => string; defaultTenant: string; log: Logger;
  settings: PaymentSettings;
}): PaymentService {
  const providers = paymentProviders(deps.settings);
  const payments = new PaymentService(deps.db, createPaymentStore(), providers, {
    tokens: deps.tokens, remote: deps.remote, cdrs: deps.cdrs, invoices: deps.invoices, tariffs: deps.tariffs, log: deps.log,
    receiptUrl: (id) => `${deps.publicUrl()}/pay/payments/${id}/receipt.pdf`,
  });
  deps.subscribe((event) => payments.observe(event));
  const invoiceStore = createInvoiceStore();
  registerPaymentRoutes(app, {
    payments, invoices: deps.invoices, defaultTenant: deps.defaultTenant,
    defaultProvider: () => [...providers.keys()][0] ?? null,
    brand: async (tenantId) => {
      const row = await invoiceStore.branding(deps.db, tenantId);
      return { name: row?.displayName ?? row?.name ?? tenantId, logo: row?.logo ?? null, primaryColor: row?.primaryColor ?? null };
    },
  });
  return payments;
}
