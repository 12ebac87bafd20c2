// Invoices: insert and read only (the database refuses UPDATE and DELETE, migration 0015). The
// number comes from the tenant's counter row, incremented in the inserting transaction.
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { cdrs, idTokens, invoiceCounters, invoiceLines, invoicedCdrs, invoices, payments, sessions, sites, stations, tenants } from '../../infra/db/schema.js';
import type { BillableCdr, InvoiceLine } from './domain/invoice-lines.js';
import { pageOf } from '../billing/paging.js';
import { Decimal } from '../tariffs/pricing/money.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

const billableColumns = {
  cdrId: cdrs.id, kind: cdrs.kind, sessionId: cdrs.sessionId, stationId: cdrs.stationId, evseId: cdrs.evseId,
  siteId: sites.id, siteName: sites.name, country: sites.country, currency: cdrs.currency, energyKwh: cdrs.energyKwh,
  totalExclVat: cdrs.totalExclVat, totalInclVat: cdrs.totalInclVat, startedAt: cdrs.startedAt, endedAt: cdrs.endedAt,
  pricing: cdrs.pricing, creditsCdrId: cdrs.creditsCdrId,
};

export function createInvoiceStore() {
  return {
    /** The next number of the series; call inside the transaction that inserts the invoice. */
    async nextNumber(tx: Executor, tenantId: string, series: 'invoice' | 'credit_note'): Promise<number> {
      const [row] = await tx.insert(invoiceCounters).values({ tenantId, series, lastNumber: 1 })
        .onConflictDoUpdate({ target: [invoiceCounters.tenantId, invoiceCounters.series], set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` } })
        .returning({ lastNumber: invoiceCounters.lastNumber });
      return row!.lastNumber;
    },
    async insert(tx: Executor, row: typeof invoices.$inferInsert, lines: InvoiceLine[], invoicedCdrIds: string[]): Promise<InvoiceRow> {
      const [created] = await tx.insert(invoices).values(row).returning();
      if (lines.length > 0) await tx.insert(invoiceLines).values(lines.map((line) => ({ ...line, tenantId: row.tenantId, invoiceId: row.id })));
      if (invoicedCdrIds.length > 0) await tx.insert(invoicedCdrs).values(invoicedCdrIds.map((cdrId) => ({ tenantId: row.tenantId, cdrId, invoiceId: row.id })));
      return created!;
    },
    async get(ex: Executor, tenantId: string, id: string): Promise<InvoiceRow | null> {
      const [row] = await ex.select().from(invoices).where(and(eq(invoices.tenantId, tenantId), eq(invoices.id, id)));
      return row ?? null;
    },
    async lines(ex: Executor, tenantId: string, invoiceId: string): Promise<InvoiceLineRow[]> {
      return ex.select().from(invoiceLines).where(and(eq(invoiceLines.tenantId, tenantId), eq(invoiceLines.invoiceId, invoiceId))).orderBy(asc(invoiceLines.lineNo));
    },
    /** Every line of every credit note of an invoice (what was credited of it so far). */
    async creditLinesOf(ex: Executor, tenantId: string, invoiceId: string): Promise<InvoiceLineRow[]> {
      const rows = await ex.select({ line: invoiceLines }).from(invoiceLines)
        .innerJoin(invoices, and(eq(invoices.tenantId, invoiceLines.tenantId), eq(invoices.id, invoiceLines.invoiceId)))
        .where(and(eq(invoices.tenantId, tenantId), eq(invoices.creditsInvoiceId, invoiceId)));
      return rows.map((r) => r.line);
    },
    /** Newest first; the cursor is the id of the last row of the previous page. */
    async list(ex: Executor, tenantId: string, query: { limit: number; cursor?: string | undefined; kind?: string | undefined }) {
      const before = query.cursor ? await this.get(ex, tenantId, query.cursor) : null;
      const rows = await ex.select().from(invoices).where(and(
        eq(invoices.tenantId, tenantId),
        query.kind ? eq(invoices.kind, query.kind) : undefined,
        before ? sql`(${invoices.issuedAt}, ${invoices.id}) < (${before.issuedAt}, ${before.id})` : undefined,
      )).orderBy(desc(invoices.issuedAt), desc(invoices.id)).limit(query.limit + 1);
      return pageOf(rows, query.limit);
    },
    /**
     * CDRs not yet on any invoice: the ones named, or those of the sessions of a token (or every
     * token of a group token) that ended in [from, to).
     */
    async uninvoicedCdrs(ex: Executor, tenantId: string, filter: { cdrIds?: string[]; creditsOf?: string; idTokens?: string[]; from?: Date; to?: Date }): Promise<BillableCdr[]> {
      const rows = await ex.select(billableColumns).from(cdrs)
        .innerJoin(sessions, and(eq(sessions.tenantId, cdrs.tenantId), eq(sessions.id, cdrs.sessionId)))
        .leftJoin(stations, eq(stations.id, cdrs.stationId))
        .leftJoin(sites, and(eq(sites.tenantId, stations.tenantId), eq(sites.id, stations.siteId)))
        .leftJoin(invoicedCdrs, and(eq(invoicedCdrs.tenantId, cdrs.tenantId), eq(invoicedCdrs.cdrId, cdrs.id)))
        .where(and(
          eq(cdrs.tenantId, tenantId),
          isNull(invoicedCdrs.cdrId),
          filter.cdrIds || filter.creditsOf
            ? or(filter.cdrIds ? inArray(cdrs.id, filter.cdrIds) : undefined, filter.creditsOf ? eq(cdrs.creditsCdrId, filter.creditsOf) : undefined)
            : undefined,
          filter.idTokens ? inArray(sessions.idToken, filter.idTokens) : undefined,
          filter.from ? gte(cdrs.endedAt, filter.from) : undefined,
          filter.to ? lt(cdrs.endedAt, filter.to) : undefined,
        ));
      // A credit CDR carries no pricing of its own: its VAT rate is its debit CDR's.
      const debitIds = [...new Set(rows.filter((r) => r.creditsCdrId).map((r) => r.creditsCdrId!))];
      const debits = debitIds.length === 0 ? [] : await ex.select({ id: cdrs.id, pricing: cdrs.pricing }).from(cdrs).where(and(eq(cdrs.tenantId, tenantId), inArray(cdrs.id, debitIds)));
      const rateOf = (pricing: Record<string, unknown> | undefined) => {
        const vat = pricing?.['jurisdictionVat'] as { rate?: string } | null | undefined;
        return typeof vat?.rate === 'string' ? vat.rate : null;
      };
      return rows.map(({ pricing, creditsCdrId, ...row }) => ({
        ...row,
        vatRate: rateOf(creditsCdrId ? debits.find((d) => d.id === creditsCdrId)?.pricing : pricing),
      }));
    },
    async cdrExists(ex: Executor, tenantId: string, id: string): Promise<boolean> {
      const [row] = await ex.select({ id: cdrs.id }).from(cdrs).where(and(eq(cdrs.tenantId, tenantId), eq(cdrs.id, id)));
      return row !== undefined;
    },
    /** The token values of a group token (C09 groupIdToken), the group token itself included. */
    async tokensOfGroup(ex: Executor, tenantId: string, groupIdToken: string): Promise<string[]> {
      const rows = await ex.select({ idToken: idTokens.idToken }).from(idTokens).where(and(eq(idTokens.tenantId, tenantId), eq(idTokens.groupIdToken, groupIdToken)));
      return [...new Set([groupIdToken, ...rows.map((r) => r.idToken)])];
    },
    /** Every line of the invoices issued in [from, to), with the invoice's currency (finance exports). */
    async linesIssuedIn(ex: Executor, tenantId: string, from: Date, to: Date) {
      return ex.select({
        invoiceId: invoiceLines.invoiceId, siteId: invoiceLines.siteId, siteName: sites.name, country: invoiceLines.country, vatRate: invoiceLines.vatRate,
        currency: invoices.currency, energyKwh: invoiceLines.energyKwh, exclVat: invoiceLines.exclVat, vat: invoiceLines.vat, inclVat: invoiceLines.inclVat,
      }).from(invoiceLines)
        .innerJoin(invoices, and(eq(invoices.tenantId, invoiceLines.tenantId), eq(invoices.id, invoiceLines.invoiceId)))
        .leftJoin(sites, and(eq(sites.tenantId, invoiceLines.tenantId), eq(sites.id, invoiceLines.siteId)))
        .where(and(eq(invoiceLines.tenantId, tenantId), gte(invoices.issuedAt, from), lt(invoices.issuedAt, to)))
        .orderBy(asc(invoices.issuedAt), asc(invoiceLines.invoiceId), asc(invoiceLines.lineNo));
    },
    /** What reconciliation compares: sessions and CDRs that ended, payments made, in [from, to), and their invoice lines. */
    async reconciliationRows(ex: Executor, tenantId: string, from: Date, to: Date) {
      const sessionRows = await ex.select({ id: sessions.id, stationId: sessions.stationId, status: sessions.status, energyWh: sessions.energyWh, endedAt: sessions.endedAt })
        .from(sessions).where(and(eq(sessions.tenantId, tenantId), gte(sessions.endedAt, from), lt(sessions.endedAt, to)));
      const cdrRows = await ex.select({ id: cdrs.id, kind: cdrs.kind, sessionId: cdrs.sessionId, creditsCdrId: cdrs.creditsCdrId, currency: cdrs.currency, totalExclVat: cdrs.totalExclVat, totalInclVat: cdrs.totalInclVat })
        .from(cdrs).where(and(eq(cdrs.tenantId, tenantId), gte(cdrs.endedAt, from), lt(cdrs.endedAt, to)));
      const cdrIds = cdrRows.map((c) => c.id);
      const lines = cdrIds.length === 0 ? [] : await ex.select({
        invoiceId: invoiceLines.invoiceId, invoiceNumber: invoices.displayNumber, invoiceKind: invoices.kind, cdrId: invoiceLines.cdrId, currency: invoices.currency, exclVat: invoiceLines.exclVat, inclVat: invoiceLines.inclVat,
      }).from(invoiceLines).innerJoin(invoices, and(eq(invoices.tenantId, invoiceLines.tenantId), eq(invoices.id, invoiceLines.invoiceId)))
        .where(and(eq(invoiceLines.tenantId, tenantId), inArray(invoiceLines.cdrId, cdrIds)));
      const paymentRows = await ex.select({ id: payments.id, status: payments.status, sessionId: payments.sessionId, invoiceId: payments.invoiceId, amountCaptured: payments.amountCaptured, amountRefunded: payments.amountRefunded, currency: payments.currency })
        .from(payments).where(and(eq(payments.tenantId, tenantId), gte(payments.createdAt, from), lt(payments.createdAt, to)));
      const invoiceIds = paymentRows.map((p) => p.invoiceId).filter((id): id is string => id !== null);
      const credited = invoiceIds.length === 0 ? [] : await ex.select({ id: invoices.creditsInvoiceId, inclVat: invoices.totalInclVat }).from(invoices).where(and(eq(invoices.tenantId, tenantId), inArray(invoices.creditsInvoiceId, invoiceIds)));
      const creditedGross = new Map<string, string>();
      for (const c of credited) creditedGross.set(c.id!, new Decimal(creditedGross.get(c.id!) ?? '0').minus(c.inclVat).toFixed());
      return { sessions: sessionRows, cdrs: cdrRows, lines, payments: paymentRows, creditedGross };
    },
    async branding(ex: Executor, tenantId: string) {
      const [row] = await ex.select({ name: tenants.name, displayName: tenants.displayName, logo: tenants.logo, primaryColor: tenants.primaryColor, accentColor: tenants.accentColor })
        .from(tenants).where(eq(tenants.id, tenantId));
      return row ?? null;
    },
  };
}

export type InvoiceStore = ReturnType<typeof createInvoiceStore>;
