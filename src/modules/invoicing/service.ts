// Invoicing use cases: an invoice for one (ad-hoc) session's CDR, a statement of a member's or a
// fleet's CDRs over a period, a credit note reversing an invoice, the PDF, delivery by email and
// the finance exports. Every issue runs in one transaction with its gapless number (ADR 040).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../api/problem.js';
import type { Executor } from '../../infra/db/database.js';
import type { InvoiceCustomer, InvoiceSeller } from '../../infra/db/schema.js';
import type { Mailer } from '../identity/mailer.js';
import { csvLine } from '../sessions/csv.js';
import { Decimal } from '../tariffs/pricing/money.js';
import { currencyRules } from '../tariffs/tax/currencies.js';
import {
  displayNumber, InvoiceInputError, linesFromCdrs, sumBy, totalsOf, type BillableCdr, type InvoiceLine,
} from './domain/invoice-lines.js';
import { createBillingProfileStore, type BillingProfile, type BillingProfileStore } from './billing-profile.js';
import { creditNoteLines, type CreditRequest } from './domain/credit-notes.js';
import { reconcile } from './domain/reconciliation.js';
import { renderInvoicePdf, trimMoney } from './pdf.js';
import type { InvoiceLineRow, InvoiceRow, InvoiceStore } from './store.js';

export type StatementRequest = { idToken?: string; groupIdToken?: string; from: Date; to: Date; customer?: InvoiceCustomer };

/** A unique-violation from the database (the CDR went on another invoice in the meantime). */
const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
};

export class InvoiceService {
  constructor(
    private readonly db: Executor,
    private readonly store: InvoiceStore,
    private readonly mailer: Mailer,
    private readonly profiles: BillingProfileStore = createBillingProfileStore(),
  ) {}

  billingProfile(tenantId: string) {
    return this.profiles.get(this.db, tenantId);
  }

  putBillingProfile(tenantId: string, profile: BillingProfile) {
    return this.profiles.put(this.db, tenantId, profile);
  }

  /** The invoice of one session: its debit CDR and any credit CDRs against it not yet invoiced. */
  async issueForCdr(tenantId: string, input: { cdrId: string; customer?: InvoiceCustomer }): Promise<InvoiceRow> {
    const cdrs = await this.store.uninvoicedCdrs(this.db, tenantId, { cdrIds: [input.cdrId], creditsOf: input.cdrId });
    const debit = cdrs.find((c) => c.cdrId === input.cdrId);
    if (!debit) {
      if (!(await this.store.cdrExists(this.db, tenantId, input.cdrId))) throw new ApiError('cdr_not_found');
      throw new ApiError('invalid_invoice', `CDR ${input.cdrId} is already invoiced`);
    }
    if (debit.kind !== 'debit') throw new ApiError('invalid_invoice', 'an invoice is issued for a debit CDR; a credit CDR goes on the next statement');
    return this.issue(tenantId, 'invoice', cdrs, { customer: input.customer ?? {}, periodStart: debit.startedAt, periodEnd: debit.endedAt });
  }

  /** A periodic statement: every CDR of the token (or of every token of the group) that ended in [from, to) and is not invoiced yet. */
  async issueStatement(tenantId: string, request: StatementRequest): Promise<InvoiceRow> {
    if ((request.idToken === undefined) === (request.groupIdToken === undefined)) throw new ApiError('invalid_invoice', 'give exactly one of idToken and groupIdToken');
    if (request.to <= request.from) throw new ApiError('invalid_invoice', '"to" must be after "from"');
    const tokens = request.groupIdToken ? await this.store.tokensOfGroup(this.db, tenantId, request.groupIdToken) : [request.idToken!];
    const cdrs = await this.store.uninvoicedCdrs(this.db, tenantId, { idTokens: tokens, from: request.from, to: request.to });
    if (cdrs.length === 0) throw new ApiError('invalid_invoice', 'no uninvoiced CDR in that period for that token');
    const customer = { ...request.customer, ...(request.idToken ? { idToken: request.idToken } : {}), ...(request.groupIdToken ? { groupIdToken: request.groupIdToken } : {}) };
    return this.issue(tenantId, 'statement', cdrs, { customer, periodStart: request.from, periodEnd: request.to });
  }

  /**
   * Credits an invoice with a credit note of its own gapless series: everything left, or `amount`
   * (gross) of one line (a partial credit). Several credit notes may credit one invoice, never
   * beyond what it billed; the invoice itself never changes. The credit-note counter row, locked
   * by the increment, serialises the check with the insert, and a refused request rolls the
   * number back with it: no gap.
   */
  async creditNote(tenantId: string, invoiceId: string, reason: string, part: CreditRequest = {}): Promise<InvoiceRow> {
    const { invoice, lines } = await this.get(tenantId, invoiceId);
    if (invoice.kind === 'credit_note') throw new ApiError('invalid_invoice', 'a credit note cannot be credited');
    const minor = currencyRules(invoice.currency).minorUnits;
    return this.db.transaction(async (txn) => {
      const tx = txn as unknown as Executor;
      const number = await this.store.nextNumber(tx, tenantId, 'credit_note');
      const earlier = await this.store.creditLinesOf(tx, tenantId, invoiceId);
      let credit: InvoiceLine[];
      try {
        credit = creditNoteLines(lines.map(lineOf), earlier.map(lineOf), part, minor, invoice.displayNumber);
      } catch (error) {
        if (error instanceof InvoiceInputError) throw new ApiError('invalid_invoice', error.message);
        throw error;
      }
      const totals = totalsOf(credit, minor);
      return this.store.insert(tx, {
        seller: await this.sellerNow(tx, tenantId),
        id: randomUUID(), tenantId, kind: 'credit_note', series: 'credit_note', number, displayNumber: displayNumber('credit_note', number),
        creditsInvoiceId: invoice.id, reason, customer: invoice.customer, periodStart: invoice.periodStart, periodEnd: invoice.periodEnd,
        currency: invoice.currency, totalExclVat: totals.exclVat, totalVat: totals.vat, totalInclVat: totals.inclVat,
      }, credit, []);
    });
  }

  private async issue(tenantId: string, kind: 'invoice' | 'statement', cdrs: BillableCdr[], header: { customer: InvoiceCustomer; periodStart: Date; periodEnd: Date }): Promise<InvoiceRow> {
    const currency = cdrs[0]!.currency;
    const minor = currencyRules(currency).minorUnits;
    let lines: InvoiceLine[];
    try {
      lines = linesFromCdrs(cdrs, minor);
    } catch (error) {
      if (error instanceof InvoiceInputError) throw new ApiError('invalid_invoice', error.message);
      throw error;
    }
    const totals = totalsOf(lines, minor);
    try {
      // The counter row is locked from the increment to COMMIT: issuers queue, numbers follow
      // COMMIT order, and a failure below rolls the number back with the invoice.
      return await this.db.transaction(async (txn) => {
        const tx = txn as unknown as Executor;
        const number = await this.store.nextNumber(tx, tenantId, 'invoice');
        return this.store.insert(tx, {
          seller: await this.sellerNow(tx, tenantId),
          id: randomUUID(), tenantId, kind, series: 'invoice', number, displayNumber: displayNumber('invoice', number),
          customer: header.customer, periodStart: header.periodStart, periodEnd: header.periodEnd,
          currency, totalExclVat: totals.exclVat, totalVat: totals.vat, totalInclVat: totals.inclVat,
        }, lines, cdrs.map((c) => c.cdrId));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError('invalid_invoice', 'a CDR of this invoice was invoiced meanwhile');
      throw error;
    }
  }

  /**
   * The seller and branding as they are now, for the row being issued (ADR 061). Written in the
   * INSERT: the invoices_final trigger refuses any later UPDATE.
   */
  private async sellerNow(ex: Executor, tenantId: string): Promise<InvoiceSeller> {
    const profile = await this.profiles.get(ex, tenantId);
    const branding = (await this.store.branding(ex, tenantId)) ?? fallbackBranding(tenantId);
    return { profile: profile ? { legalName: profile.legalName, vatId: profile.vatId, address: profile.address, email: profile.email, phone: profile.phone } : null, branding };
  }

  /** The snapshot of a document, or, for rows issued before migration 0018, the current profile and branding. */
  private async sellerOf(invoice: InvoiceRow): Promise<InvoiceSeller> {
    return invoice.seller ?? this.sellerNow(this.db, invoice.tenantId);
  }

  async get(tenantId: string, id: string): Promise<{ invoice: InvoiceRow; lines: InvoiceLineRow[] }> {
    const invoice = await this.store.get(this.db, tenantId, id);
    if (!invoice) throw new ApiError('invoice_not_found');
    return { invoice, lines: await this.store.lines(this.db, tenantId, id) };
  }

  list(tenantId: string, query: { limit: number; cursor?: string | undefined; kind?: string | undefined }) {
    return this.store.list(this.db, tenantId, query);
  }

  async pdf(tenantId: string, id: string, title?: string): Promise<{ invoice: InvoiceRow; pdf: Buffer }> {
    const { invoice, lines } = await this.get(tenantId, id);
    const { profile, branding } = await this.sellerOf(invoice);
    const credited = invoice.creditsInvoiceId ? await this.store.get(this.db, tenantId, invoice.creditsInvoiceId) : null;
    return { invoice, pdf: await renderInvoicePdf(invoice, lines, branding, { creditsNumber: credited?.displayNumber ?? null, seller: profile, ...(title ? { title } : {}) }) };
  }

  /**
   * Emails the invoice as text with its lines and totals, the PDF attached (rendered from the
   * snapshot of its issue, ADR 061; `title` "Receipt" for the ad-hoc payment) and a link to it
   * when a URL is given.
   */
  async send(tenantId: string, id: string, to: string | undefined, pdfUrl?: string, title?: string): Promise<{ sent: boolean; to: string }> {
    const { invoice, lines } = await this.get(tenantId, id);
    const address = to ?? invoice.customer.email;
    if (!address) throw new ApiError('invalid_invoice', 'no email address: give one, or issue the invoice with customer.email');
    const { profile, branding } = await this.sellerOf(invoice);
    const issuer = branding.displayName ?? branding.name;
    const { pdf } = await this.pdf(tenantId, id, title);
    await this.mailer.send({
      to: address, subject: `${issuer}: ${invoice.displayNumber}`, text: invoiceText(invoice, lines, issuer, pdfUrl, profile),
      attachments: [{ filename: `${invoice.displayNumber}.pdf`, content: pdf, contentType: 'application/pdf' }],
    });
    return { sent: this.mailer.configured, to: address };
  }

  /** Sessions vs CDRs vs invoices vs payments of [from, to): every mismatch, with the ids that explain it. */
  async reconciliation(tenantId: string, from: Date, to: Date) {
    const rows = await this.store.reconciliationRows(this.db, tenantId, from, to);
    return {
      from: from.toISOString(), to: to.toISOString(),
      checked: { sessions: rows.sessions.length, cdrs: rows.cdrs.length, invoiceLines: rows.lines.length, payments: rows.payments.length },
      mismatches: reconcile(rows),
    };
  }

  /** Revenue per site and currency of the invoices (and credit notes) issued in [from, to). */
  async revenueBySiteCsv(tenantId: string, from: Date, to: Date): Promise<string> {
    const rows = await this.store.linesIssuedIn(this.db, tenantId, from, to);
    const groups = sumBy(rows, (r) => `${r.siteId ?? ''}\u0000${r.currency}`, (r) => ({ energy: r.energyKwh, excl: r.exclVat, vat: r.vat, incl: r.inclVat }));
    let csv = csvLine(['period_from', 'period_to', 'site_id', 'site_name', 'currency', 'lines', 'energy_kwh', 'net', 'vat', 'gross']);
    for (const { first, sums, count } of [...groups.values()].sort((a, b) => (a.first.siteId ?? '').localeCompare(b.first.siteId ?? '') || a.first.currency.localeCompare(b.first.currency))) {
      const m = (d: Decimal | undefined) => trimMoney((d ?? new Decimal(0)).toFixed(), first.currency);
      csv += csvLine([from.toISOString(), to.toISOString(), first.siteId, first.siteName, first.currency, count, sums['energy']!.toFixed(), m(sums['excl']), m(sums['vat']), m(sums['incl'])]);
    }
    return csv;
  }

  /** Tax per country, VAT rate and currency of the invoices (and credit notes) issued in [from, to). */
  async taxCsv(tenantId: string, from: Date, to: Date): Promise<string> {
    const rows = await this.store.linesIssuedIn(this.db, tenantId, from, to);
    const rate = (r: { vatRate: string | null }) => (r.vatRate === null ? '' : new Decimal(r.vatRate).toFixed());
    const groups = sumBy(rows, (r) => `${r.country ?? ''}\u0000${rate(r)}\u0000${r.currency}`, (r) => ({ excl: r.exclVat, vat: r.vat, incl: r.inclVat }));
    let csv = csvLine(['period_from', 'period_to', 'country', 'vat_rate', 'currency', 'lines', 'net', 'vat', 'gross']);
    for (const { first, sums, count } of [...groups.values()].sort((a, b) => (a.first.country ?? '').localeCompare(b.first.country ?? '') || rate(a.first).localeCompare(rate(b.first)) || a.first.currency.localeCompare(b.first.currency))) {
      const m = (d: Decimal | undefined) => trimMoney((d ?? new Decimal(0)).toFixed(), first.currency);
      csv += csvLine([from.toISOString(), to.toISOString(), first.country, rate(first) || null, first.currency, count, m(sums['excl']), m(sums['vat']), m(sums['incl'])]);
    }
    return csv;
  }
}

const fallbackBranding = (tenantId: string): InvoiceSeller['branding'] => ({ name: tenantId, displayName: null, logo: null, primaryColor: null, accentColor: null });

const lineOf = (row: InvoiceLineRow): InvoiceLine => ({
  lineNo: row.lineNo, cdrId: row.cdrId, description: row.description, siteId: row.siteId, stationId: row.stationId, country: row.country,
  vatRate: row.vatRate, energyKwh: row.energyKwh, exclVat: row.exclVat, vat: row.vat, inclVat: row.inclVat,
});

export function invoiceText(invoice: InvoiceRow, lines: InvoiceLineRow[], issuer: string, pdfUrl?: string, seller?: BillingProfile | null): string {
  const m = (value: string) => `${trimMoney(value, invoice.currency)} ${invoice.currency}`;
  const title = invoice.kind === 'credit_note' ? 'Credit note' : invoice.kind === 'statement' ? 'Statement' : 'Invoice';
  return [
    `${issuer}`,
    ...(seller ? [seller.legalName, ...seller.address, ...(seller.vatId ? [`VAT ID: ${seller.vatId}`] : [])] : []),
    `${title} ${invoice.displayNumber}, issued ${invoice.issuedAt.toISOString().slice(0, 10)}`,
    '',
    ...lines.map((l) => `${l.lineNo}. ${l.description}: ${m(l.inclVat)} (net ${m(l.exclVat)}, VAT ${l.vatRate === null ? '-' : `${new Decimal(l.vatRate).toFixed()}%`} ${m(l.vat)})`),
    '',
    `Total excl. VAT: ${m(invoice.totalExclVat)}`,
    `VAT: ${m(invoice.totalVat)}`,
    `Total incl. VAT: ${m(invoice.totalInclVat)}`,
    ...(pdfUrl ? ['', `PDF: ${pdfUrl}`] : []),
  ].join('\n');
}
