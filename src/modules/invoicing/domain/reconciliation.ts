// Reconciliation (issue 8): sessions vs CDRs vs invoices vs payments, every mismatch listed with
// the ids that explain it. Pure: the store gathers the rows of a period, this compares them.
import { Decimal } from '../../tariffs/pricing/money.js';
import { currencyRules, isKnownCurrency } from '../../tariffs/tax/currencies.js';

export type ReconSession = { id: string; stationId: string; status: string; energyWh: string; endedAt: Date | null };
export type ReconCdr = { id: string; kind: string; sessionId: string; creditsCdrId: string | null; currency: string; totalExclVat: string; totalInclVat: string | null };
export type ReconLine = { invoiceId: string; invoiceNumber: string; invoiceKind: string; cdrId: string | null; currency: string; exclVat: string; inclVat: string };
export type ReconPayment = { id: string; status: string; sessionId: string | null; invoiceId: string | null; amountCaptured: string; amountRefunded: string; currency: string };

export type Mismatch = {
  code:
    | 'session_without_cdr' | 'cdr_without_session' | 'cdr_not_invoiced' | 'invoice_line_differs_from_cdr'
    | 'payment_differs_from_cdr' | 'payment_without_invoice' | 'payment_not_settled' | 'voided_but_charged' | 'refund_without_credit_note' | 'refund_differs_from_credits';
  sessionId?: string; cdrId?: string; invoiceId?: string; paymentId?: string;
  detail: string;
};

const eq = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Decimal(a).equals(b));
const gross = (c: ReconCdr) => c.totalInclVat ?? c.totalExclVat;

/**
 * An amount as finance reads it: the currency's minor units (ISO 4217), "4.84 EUR", not the
 * database's numeric(20,6) "4.840000". The comparisons above stay exact on the full decimals.
 */
export function money(value: string | Decimal, currency: string): string {
  const minor = isKnownCurrency(currency) ? currencyRules(currency).minorUnits : 2;
  return `${new Decimal(value).toFixed(minor)} ${currency}`;
}

/**
 * Two amounts that differ, each in minor units, unless rounding would print them alike (a
 * sub-cent difference): then both in full, so the message never reads "9.00 differs from 9.00".
 */
function pair(a: string | Decimal, b: string | Decimal, currency: string): [string, string] {
  const [x, y] = [money(a, currency), money(b, currency)];
  return x === y && !new Decimal(a).equals(b) ? [`${new Decimal(a).toFixed()} ${currency}`, `${new Decimal(b).toFixed()} ${currency}`] : [x, y];
}

export function reconcile(input: { sessions: ReconSession[]; cdrs: ReconCdr[]; lines: ReconLine[]; payments: ReconPayment[]; creditedGross: Map<string, string> }): Mismatch[] {
  const out: Mismatch[] = [];
  const sessions = new Map(input.sessions.map((s) => [s.id, s]));
  const debitBySession = new Map(input.cdrs.filter((c) => c.kind === 'debit').map((c) => [c.sessionId, c]));
  const linesByCdr = new Map<string, ReconLine[]>();
  for (const line of input.lines) if (line.cdrId) linesByCdr.set(line.cdrId, [...(linesByCdr.get(line.cdrId) ?? []), line]);

  for (const s of input.sessions) {
    if (s.endedAt && new Decimal(s.energyWh).greaterThan(0) && !debitBySession.has(s.id)) {
      out.push({ code: 'session_without_cdr', sessionId: s.id, detail: `session at ${s.stationId} delivered ${new Decimal(s.energyWh).toFixed()} Wh and has no CDR` });
    }
  }
  for (const c of input.cdrs) {
    if (!sessions.has(c.sessionId)) out.push({ code: 'cdr_without_session', cdrId: c.id, sessionId: c.sessionId, detail: `CDR ${c.id} names session ${c.sessionId}, which is not in the period's sessions` });
    const billed = (linesByCdr.get(c.id) ?? []).filter((l) => l.invoiceKind !== 'credit_note');
    if (billed.length === 0) {
      if (!new Decimal(c.totalExclVat).isZero()) out.push({ code: 'cdr_not_invoiced', cdrId: c.id, sessionId: c.sessionId, detail: `${c.kind} CDR of ${money(gross(c), c.currency)} is on no invoice` });
      continue;
    }
    for (const line of billed) {
      if (!eq(line.exclVat, c.totalExclVat) || !eq(line.inclVat, gross(c))) {
        const [billedNet, cdrNet] = pair(line.exclVat, c.totalExclVat, line.currency);
        const [billedGross, cdrGross] = pair(line.inclVat, gross(c), line.currency);
        out.push({ code: 'invoice_line_differs_from_cdr', cdrId: c.id, invoiceId: line.invoiceId, detail: `${line.invoiceNumber} bills ${billedNet} net / ${billedGross} gross, the CDR says ${cdrNet} / ${cdrGross}` });
      }
    }
  }
  for (const p of input.payments) {
    const cdr = p.sessionId ? debitBySession.get(p.sessionId) : undefined;
    const session = p.sessionId ? sessions.get(p.sessionId) : undefined;
    if (p.status === 'authorised' && session?.endedAt) {
      out.push({ code: 'payment_not_settled', paymentId: p.id, sessionId: session.id, detail: 'the session ended but the pre-authorisation was neither captured nor voided' });
    }
    if (p.status === 'voided' && cdr && new Decimal(gross(cdr)).greaterThan(0)) {
      out.push({ code: 'voided_but_charged', paymentId: p.id, cdrId: cdr.id, detail: `the hold was voided but the CDR charges ${money(gross(cdr), p.currency)}` });
    }
    if (p.status === 'captured' || p.status === 'refunded') {
      if (cdr && !eq(p.amountCaptured, gross(cdr))) {
        const [captured, charged] = pair(p.amountCaptured, gross(cdr), p.currency);
        out.push({ code: 'payment_differs_from_cdr', paymentId: p.id, cdrId: cdr.id, detail: `captured ${captured}, the CDR says ${charged}` });
      }
      if (!p.invoiceId) out.push({ code: 'payment_without_invoice', paymentId: p.id, ...(p.sessionId ? { sessionId: p.sessionId } : {}), detail: `captured ${money(p.amountCaptured, p.currency)} with no invoice` });
      // A refund is recorded by credit notes of the invoice (gross, in full or in part) or by credit CDRs.
      const notes = p.invoiceId ? new Decimal(input.creditedGross.get(p.invoiceId) ?? '0') : new Decimal(0);
      const creditCdrs = input.cdrs.filter((c) => c.kind === 'credit' && cdr && c.creditsCdrId === cdr.id).reduce((sum, c) => sum.minus(gross(c)), new Decimal(0));
      const recorded = notes.plus(creditCdrs);
      if (p.invoiceId && !recorded.equals(p.amountRefunded)) {
        out.push(new Decimal(p.amountRefunded).greaterThan(0) && recorded.isZero()
          ? { code: 'refund_without_credit_note', paymentId: p.id, invoiceId: p.invoiceId, detail: `${money(p.amountRefunded, p.currency)} refunded; neither a credit note nor a credit CDR records it` }
          : { code: 'refund_differs_from_credits', paymentId: p.id, invoiceId: p.invoiceId, detail: ((r) => `${r[0]} refunded, credit notes and credit CDRs record ${r[1]}`)(pair(p.amountRefunded, recorded, p.currency)) });
      }
    }
  }
  return out;
}
