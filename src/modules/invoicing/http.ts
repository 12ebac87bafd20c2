// REST API of invoicing (finance:read / finance:write, derived from /invoices and /finance):
// invoices, statements, credit notes, the PDF, email delivery and the finance exports (CSV).
import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { ApiError } from '../../api/problem.js';
import { trimMoney } from './pdf.js';
import type { InvoiceService } from './service.js';
import type { InvoiceLineRow, InvoiceRow } from './store.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Customer = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  address: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Period = Type.Object({ from: DateTime, to: DateTime });

const toView = (row: InvoiceRow) => ({
  id: row.id, kind: row.kind, number: row.displayNumber, sequence: row.number, creditsInvoiceId: row.creditsInvoiceId, reason: row.reason,
  customer: row.customer, periodStart: row.periodStart?.toISOString() ?? null, periodEnd: row.periodEnd?.toISOString() ?? null,
  currency: row.currency, totalExclVat: trimMoney(row.totalExclVat, row.currency), totalVat: trimMoney(row.totalVat, row.currency),
  totalInclVat: trimMoney(row.totalInclVat, row.currency), issuedAt: row.issuedAt.toISOString(),
});
const lineView = (currency: string) => (l: InvoiceLineRow) => ({
  lineNo: l.lineNo, cdrId: l.cdrId, description: l.description, siteId: l.siteId, stationId: l.stationId, country: l.country,
  vatRate: l.vatRate, energyKwh: l.energyKwh, exclVat: trimMoney(l.exclVat, currency), vat: trimMoney(l.vat, currency), inclVat: trimMoney(l.inclVat, currency),
});

function period(query: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(to > from)) throw new ApiError('invalid_invoice', '"to" must be after "from"');
  return { from, to };
}

export function registerInvoiceRoutes(app: ApiApp, deps: { invoices: InvoiceService; defaultTenant: string; publicUrl: () => string }): void {
  const { invoices } = deps;
  const tags = ['invoices'];
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);

  app.get('/api/v1/invoices', {
    schema: {
      tags, summary: 'Invoices, statements and credit notes, newest first',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 64 })),
        kind: Type.Optional(Type.Union([Type.Literal('invoice'), Type.Literal('statement'), Type.Literal('credit_note')])),
      }),
    },
  }, async (request) => {
    const page = await invoices.list(tenant(request), request.query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/invoices/:id', { schema: { tags, summary: 'An invoice with its lines (one per CDR)', params: Id } }, async (request) => {
    const { invoice, lines } = await invoices.get(tenant(request), request.params.id);
    return { ...toView(invoice), lines: lines.map(lineView(invoice.currency)) };
  });

  app.get('/api/v1/invoices/:id/pdf', { schema: { tags, summary: 'The invoice as a PDF with the tenant\'s branding', params: Id, produces: ['application/pdf'] } }, async (request, reply) => {
    const { invoice, pdf } = await invoices.pdf(tenant(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${invoice.displayNumber}.pdf"`).send(pdf);
  });

  app.post('/api/v1/invoices', {
    schema: {
      tags, summary: 'Issue the invoice of one session (its debit CDR and the credit CDRs against it not yet invoiced); numbered without gaps',
      body: Type.Object({ cdrId: Type.String({ minLength: 1, maxLength: 64 }), customer: Type.Optional(Customer) }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.code(201).send(toView(await invoices.issueForCdr(tenant(request), request.body))));

  app.post('/api/v1/invoices/statements', {
    schema: {
      tags, summary: 'Issue a periodic statement: the uninvoiced CDRs of a token or of every token of a group token (fleet, contract) that ended in [from, to)',
      body: Type.Object({
        idToken: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })), groupIdToken: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
        from: DateTime, to: DateTime, customer: Type.Optional(Customer),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { from, to } = period(request.body);
    const { idToken, groupIdToken, customer } = request.body;
    return reply.code(201).send(toView(await invoices.issueStatement(tenant(request), {
      from, to, ...(idToken !== undefined ? { idToken } : {}), ...(groupIdToken !== undefined ? { groupIdToken } : {}), ...(customer ? { customer } : {}),
    })));
  });

  app.post('/api/v1/invoices/:id/credit-note', {
    schema: {
      tags, summary: 'Credit an invoice with a credit note (its own gapless series): everything left, or `amount` (gross) of one line; several partial credits never exceed the invoice, which never changes',
      params: Id,
      body: Type.Object({
        reason: Type.String({ minLength: 1, maxLength: 500 }),
        amount: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?$', description: 'Gross amount to credit (incl. VAT); absent: everything left' })),
        lineNo: Type.Optional(Type.Integer({ minimum: 1, description: 'The invoice line credited; needed when more than one line has an amount left' })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { reason, amount, lineNo } = request.body;
    return reply.code(201).send(toView(await invoices.creditNote(tenant(request), request.params.id, reason, { ...(amount !== undefined ? { amount } : {}), ...(lineNo !== undefined ? { lineNo } : {}) })));
  });

  app.post('/api/v1/invoices/:id/send', {
    schema: { tags, summary: 'Email the invoice (to the address given, else the customer\'s)', params: Id, body: Type.Object({ email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })) }, { additionalProperties: false }) },
  }, async (request) => invoices.send(tenant(request), request.params.id, request.body.email, `${deps.publicUrl()}/api/v1/invoices/${request.params.id}/pdf`));

  const Profile = Type.Object({
    legalName: Type.String({ minLength: 1, maxLength: 200 }),
    vatId: Nullable(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 .-]{1,19}$', description: 'VAT identification number, e.g. DE123456789' })),
    address: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 6 }),
    email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
    phone: Nullable(Type.String({ maxLength: 40 })),
  }, { additionalProperties: false });
  const profileView = (p: { legalName: string; vatId: string | null; address: string[]; email: string | null; phone: string | null; updatedAt: Date }) => ({
    legalName: p.legalName, vatId: p.vatId, address: p.address, email: p.email, phone: p.phone, updatedAt: p.updatedAt.toISOString(),
  });
  app.get('/api/v1/finance/billing-profile', {
    schema: { tags: ['finance'], summary: 'The seller printed on invoices, credit notes and receipts: legal name, VAT id, address' },
  }, async (request) => {
    const profile = await invoices.billingProfile(tenant(request));
    if (!profile) throw new ApiError('billing_profile_not_found');
    return profileView(profile);
  });
  app.put('/api/v1/finance/billing-profile', {
    schema: { tags: ['finance'], summary: 'Set the seller printed on invoices, credit notes and receipts (replaces the whole profile)', body: Profile },
  }, async (request) => profileView(await invoices.putBillingProfile(tenant(request), request.body)));

  app.get('/api/v1/finance/revenue-by-site', {
    schema: { tags: ['finance'], summary: 'Revenue per site and currency of the invoices and credit notes issued in [from, to), as CSV', querystring: Period, produces: ['text/csv'] },
  }, async (request, reply) => {
    const { from, to } = period(request.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="revenue-by-site.csv"').send(await invoices.revenueBySiteCsv(tenant(request), from, to));
  });

  app.get('/api/v1/finance/reconciliation', {
    schema: { tags: ['finance'], summary: 'Sessions vs CDRs vs invoices vs payments of [from, to): every mismatch listed with the ids that explain it', querystring: Period },
  }, async (request) => {
    const { from, to } = period(request.query);
    return invoices.reconciliation(tenant(request), from, to);
  });

  app.get('/api/v1/finance/tax', {
    schema: { tags: ['finance'], summary: 'Tax per country and VAT rate of the invoices and credit notes issued in [from, to), as CSV', querystring: Period, produces: ['text/csv'] },
  }, async (request, reply) => {
    const { from, to } = period(request.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tax.csv"').send(await invoices.taxCsv(tenant(request), from, to));
  });
}
