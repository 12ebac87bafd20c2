// Reconciliation report (GET /finance/reconciliation): sessions vs CDRs vs invoices vs payments of a
// period, every mismatch with the ids that explain it, linked.
import { useState } from 'react';
import { Link } from 'react-router';
import { requestJson } from '../api/client.js';
import { BillingTabs } from '../components/billing-tabs.js';
import { useAsync } from '../components/use-async.js';
import { instants, PeriodPicker, usePeriod } from './finance-period.js';
import { UnavailableOr } from './not-yet.js';

type Mismatch = { code: string; sessionId?: string; cdrId?: string; invoiceId?: string; paymentId?: string; detail: string };
type Report = { from: string; to: string; checked: { sessions: number; cdrs: number; invoiceLines: number; payments: number }; mismatches: Mismatch[] };

const CODE_TEXT: Record<string, string> = {
  session_without_cdr: 'Session without CDR', cdr_without_session: 'CDR without session', cdr_not_invoiced: 'CDR not invoiced',
  invoice_line_differs_from_cdr: 'Invoice differs from CDR', payment_differs_from_cdr: 'Payment differs from CDR', payment_without_invoice: 'Payment without invoice',
  payment_not_settled: 'Payment not settled', voided_but_charged: 'Voided but charged', refund_without_credit_note: 'Refund without credit note',
};

export function ReconciliationPage() {
  const [period, setPeriod] = usePeriod();
  const [shown, setShown] = useState(period);
  const report = useAsync(() => {
    const { from, to } = instants(shown);
    return requestJson<Report>('GET', `/api/v1/finance/reconciliation?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  }, [shown.from, shown.to]);
  const r = report.data;
  return (
    <section aria-labelledby="recon-title">
      <BillingTabs />
      <h1 id="recon-title">Reconciliation</h1>
      <p className="muted">Every session, CDR, invoice line and payment of the period compared; what does not match is listed.</p>
      <form onSubmit={(e) => { e.preventDefault(); setShown(period); }} aria-label="Reconciliation period">
        <PeriodPicker value={period} onChange={setPeriod} />
        <p className="actions"><button type="submit" className="primary">Check period</button><button type="button" onClick={report.reload}>Check again</button></p>
      </form>
      <UnavailableOr error={report.error} what="reconciliation" onRetry={report.reload} />
      {r && (
        <>
          <div className="cards">
            <div className="card"><span className="card-value">{r.checked.sessions}</span><span className="card-label">Sessions</span></div>
            <div className="card"><span className="card-value">{r.checked.cdrs}</span><span className="card-label">CDRs</span></div>
            <div className="card"><span className="card-value">{r.checked.invoiceLines}</span><span className="card-label">Invoice lines</span></div>
            <div className="card"><span className="card-value">{r.checked.payments}</span><span className="card-label">Payments</span></div>
            <div className="card"><span className="card-value" data-testid="mismatch-count">{r.mismatches.length}</span><span className="card-label">Mismatches</span></div>
          </div>
          {r.mismatches.length === 0 ? <p className="result" role="status">Everything matches in this period.</p> : (
            <table data-testid="mismatches">
              <caption className="muted">Mismatches from {new Date(r.from).toLocaleString()} to {new Date(r.to).toLocaleString()}</caption>
              <thead><tr><th scope="col">Mismatch</th><th scope="col">Detail</th><th scope="col">Records</th></tr></thead>
              <tbody>{r.mismatches.map((m, i) => (
                <tr key={i} className="mismatch">
                  <td><strong>{CODE_TEXT[m.code] ?? m.code}</strong><br /><code>{m.code}</code></td>
                  <td>{m.detail}</td>
                  <td><span className="actions">
                    {m.sessionId && <Link to={`/sessions/${encodeURIComponent(m.sessionId)}`}>session</Link>}
                    {m.cdrId && <Link to={`/cdrs/${encodeURIComponent(m.cdrId)}`}>CDR</Link>}
                    {m.invoiceId && <Link to={`/invoices/${encodeURIComponent(m.invoiceId)}`}>invoice</Link>}
                    {m.paymentId && <Link to="/payments">payment {m.paymentId.slice(0, 8)}</Link>}
                  </span></td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
