// Wiring of invoicing: the service over the store, its routes. One call from main.ts.
import type { ApiApp } from '../../api/http-server.js';
import type { Executor } from '../../infra/db/database.js';
import type { Mailer } from '../identity/mailer.js';
import { registerInvoiceRoutes } from './http.js';
import { InvoiceService } from './service.js';
import { createInvoiceStore } from './store.js';

export function createInvoicing(app: ApiApp, deps: { db: Executor; mailer: Mailer; defaultTenant: string; publicUrl: () => string }): InvoiceService {
  const invoices = new InvoiceService(deps.db, createInvoiceStore(), deps.mailer);
  registerInvoiceRoutes(app, { invoices, defaultTenant: deps.defaultTenant, publicUrl: deps.publicUrl });
  return invoices;
}
