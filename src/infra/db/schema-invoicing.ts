// Tables of invoicing and payments (issue 8): gapless invoice numbers per tenant, invoices and
// credit notes (final when written: a database trigger refuses UPDATE and DELETE, as on CDRs),
// their lines, which CDR went on which invoice, and ad-hoc payments. Amounts are numeric (exact).
import { sql } from 'drizzle-orm';
import {
  bigint, check, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);
const money = (name: string) => numeric(name, { precision: 20, scale: 6 });

/**
 * The last number issued per tenant and series ('invoice', 'credit_note'). Incremented in the
 * transaction that inserts the invoice: the row lock serialises issuers, and a rolled-back
 * insert rolls the number back too, so numbers have no gaps.
 */
export const invoiceCounters = pgTable('invoice_counters', {
  tenantId: tenantRef(),
  series: text('series').notNull(),
  lastNumber: bigint('last_number', { mode: 'number' }).notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.series] }),
  check('invoice_counters_series_check', sql`${t.series} in ('invoice', 'credit_note')`),
]);

export type InvoiceCustomer = { name?: string; email?: string; idToken?: string; groupIdToken?: string; address?: string };

/**
 * The seller and branding as they were when the document was issued (ADR 061): an issued invoice
 * renders the same forever, whatever the billing profile or tenant branding says later.
 */
export type InvoiceSeller = {
  profile: { legalName: string; vatId: string | null; address: string[]; email: string | null; phone: string | null } | null;
  branding: { name: string; displayName: string | null; logo: string | null; primaryColor: string | null; accentColor: string | null };
};

/**
 * An invoice (one ad-hoc session), a statement (a member's or fleet's sessions over a period) or a
 * credit note (reverses all or part of an invoice; the invoice itself never changes).
 */
export const invoices = pgTable('invoices', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  kind: text('kind').notNull(),
  series: text('series').notNull(),
  number: bigint('number', { mode: 'number' }).notNull(),
  /** The printed number, e.g. "INV-000042". */
  displayNumber: text('display_number').notNull(),
  creditsInvoiceId: text('credits_invoice_id'),
  reason: text('reason'),
  customer: jsonb('customer').$type<InvoiceCustomer>().notNull(),
  periodStart: timestamptz('period_start'),
  periodEnd: timestamptz('period_end'),
  currency: text('currency').notNull(),
  totalExclVat: money('total_excl_vat').notNull(),
  totalVat: money('total_vat').notNull(),
  totalInclVat: money('total_incl_vat').notNull(),
  issuedAt: timestamptz('issued_at').notNull().defaultNow(),
  /** Snapshot of the seller at issue (ADR 061); null on rows issued before migration 0018, which render from the current profile. */
  seller: jsonb('seller').$type<InvoiceSeller>(),
}, (t) => [
  unique('invoices_tenant_id_unique').on(t.tenantId, t.id),
  unique('invoices_number_unique').on(t.tenantId, t.series, t.number),
  foreignKey({ name: 'invoices_credits_fk', columns: [t.tenantId, t.creditsInvoiceId], foreignColumns: [t.tenantId, t.id] }),
  // Partial credit notes: an invoice may be credited several times, never beyond its total (checked under the credit-note counter lock).
  index('invoices_credits_idx').on(t.tenantId, t.creditsInvoiceId),
  index('invoices_tenant_issued_idx').on(t.tenantId, t.issuedAt),
  check('invoices_kind_check', sql`(${t.kind} in ('invoice', 'statement') and ${t.series} = 'invoice' and ${t.creditsInvoiceId} is null)
    or (${t.kind} = 'credit_note' and ${t.series} = 'credit_note' and ${t.creditsInvoiceId} is not null and ${t.reason} is not null)`),
  check('invoices_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check('invoices_number_check', sql`${t.number} > 0`),
]);

/** One line per CDR (or credit CDR) on the invoice, with what finance reports group by. */
export const invoiceLines = pgTable('invoice_lines', {
  tenantId: tenantRef(),
  invoiceId: text('invoice_id').notNull(),
  lineNo: integer('line_no').notNull(),
  cdrId: text('cdr_id'),
  description: text('description').notNull(),
  siteId: text('site_id'),
  stationId: text('station_id'),
  /** ISO 3166-1 alpha-2 of the place of supply; null when the site has none. */
  country: text('country'),
  vatRate: numeric('vat_rate', { precision: 7, scale: 4 }),
  energyKwh: numeric('energy_kwh', { precision: 20, scale: 6 }).notNull(),
  exclVat: money('excl_vat').notNull(),
  vat: money('vat').notNull(),
  inclVat: money('incl_vat').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.invoiceId, t.lineNo] }),
  foreignKey({ name: 'invoice_lines_invoice_fk', columns: [t.tenantId, t.invoiceId], foreignColumns: [invoices.tenantId, invoices.id] }),
  index('invoice_lines_cdr_idx').on(t.tenantId, t.cdrId),
]);

/** A CDR is invoiced once: on one ad-hoc invoice or one statement (credit notes list none). */
export const invoicedCdrs = pgTable('invoiced_cdrs', {
  tenantId: tenantRef(),
  cdrId: text('cdr_id').notNull(),
  invoiceId: text('invoice_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.cdrId] }),
  foreignKey({ name: 'invoiced_cdrs_invoice_fk', columns: [t.tenantId, t.invoiceId], foreignColumns: [invoices.tenantId, invoices.id] }),
]);

/**
 * An ad-hoc payment: pre-authorised before the charge, then captured (the actual amount), voided
 * (nothing delivered) or refunded. `provider_ref` is the provider's id (Stripe PaymentIntent id,
 * terminal transaction id). `token` is the idToken the charge was started with.
 */
export const payments = pgTable('payments', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  provider: text('provider').notNull(),
  providerRef: text('provider_ref'),
  status: text('status').notNull(),
  currency: text('currency').notNull(),
  amountAuthorised: money('amount_authorised').notNull(),
  amountCaptured: money('amount_captured').notNull().default('0'),
  amountRefunded: money('amount_refunded').notNull().default('0'),
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id').notNull(),
  token: text('token').notNull(),
  sessionId: text('session_id'),
  email: text('email'),
  invoiceId: text('invoice_id'),
  failure: text('failure'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  unique('payments_tenant_id_unique').on(t.tenantId, t.id),
  uniqueIndex('payments_token_unique').on(t.tenantId, t.token),
  index('payments_session_idx').on(t.tenantId, t.sessionId),
  check('payments_status_check', sql`${t.status} in ('pending', 'authorised', 'captured', 'voided', 'refunded', 'failed')`),
  check('payments_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check('payments_amounts_check', sql`${t.amountCaptured} >= 0 and ${t.amountCaptured} <= ${t.amountAuthorised} and ${t.amountRefunded} >= 0 and ${t.amountRefunded} <= ${t.amountCaptured}`),
]);
