// Ad-hoc payments (GET /payments): status, what was authorised, captured and refunded, with links to
// the session and the invoice; a refund through the provider for finance:write.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { requestJson } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { BillingTabs } from '../components/billing-tabs.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime, StatusBadge } from '../components/status.js';
import { usePaged, type Page } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { UnavailableOr } from './not-yet.js';

/** payments/http.ts toView (the route declares no response schema). */
type Payment = {
  id: string; provider: string; providerRef: string | null; status: string; currency: string; amountAuthorised: string; amountCaptured: string; amountRefunded: string;
  stationId: string; evseId: number; sessionId: string | null; email: string | null; invoiceId: string | null; failure: string | null; createdAt: string; updatedAt: string;
};

export function PaymentsPage() {
  const { can } = useAuth();
  const [selected, setSelected] = useState<Payment | null>(null);
  const paged = usePaged((cursor) => requestJson<Page<Payment>>('GET', `/api/v1/payments?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 'payments');
  const columns: Column<Payment>[] = [
    { key: 'created', header: 'Created', width: 'minmax(10rem, 1.2fr)', render: (p) => formatTime(p.createdAt) },
    { key: 'status', header: 'Status', width: '8rem', render: (p) => <StatusBadge status={p.status} /> },
    // Why a payment failed or was voided, e.g. "voided automatically: ..." by the unconfirmed-payment sweep (ADR 085).
    { key: 'note', header: 'Note', width: 'minmax(10rem, 1.5fr)', render: (p) => (p.failure ? <span title={p.failure}>{p.failure}</span> : '') },
    { key: 'where', header: 'Charger', width: 'minmax(8rem, 1fr)', render: (p) => <Link to={`/stations/${encodeURIComponent(p.stationId)}`}>{p.stationId} / {p.evseId}</Link> },
    { key: 'auth', header: 'Authorised', width: '7rem', render: (p) => `${p.amountAuthorised} ${p.currency}` },
    { key: 'captured', header: 'Captured', width: '7rem', render: (p) => `${p.amountCaptured} ${p.currency}` },
    { key: 'refunded', header: 'Refunded', width: '7rem', render: (p) => `${p.amountRefunded} ${p.currency}` },
    { key: 'links', header: 'Session / invoice', width: 'minmax(10rem, 1fr)', render: (p) => (
      <>{p.sessionId ? <Link to={`/sessions/${encodeURIComponent(p.sessionId)}`}>session</Link> : '–'}{' · '}{p.invoiceId ? <Link to={`/invoices/${encodeURIComponent(p.invoiceId)}`}>invoice</Link> : 'no invoice'}</>
    ) },
    ...(can('finance:write') ? [{ key: 'act', header: 'Action', width: '7rem', render: (p: Payment) => (p.status === 'captured' ? <button type="button" onClick={() => setSelected(p)}>Refund…</button> : '') }] : []),
  ];
  return (
    <section aria-labelledby="payments-title">
      <BillingTabs />
      <h1 id="payments-title">Payments</h1>
      <p className="muted">Ad-hoc card payments at the charger: pre-authorised, the actual amount captured at the end, nothing captured without energy.</p>
      <UnavailableOr error={paged.error} what="payments" onRetry={paged.reload} />
      <VirtualTable label="Payments" rows={paged.rows} columns={columns} rowKey={(p) => p.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No payments yet." />
      {selected && <RefundForm payment={selected} onDone={() => { setSelected(null); paged.reload(); }} />}
    </section>
  );
}

function RefundForm({ payment, onDone }: { payment: Payment; onDone(): void }) {
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await requestJson('POST', `/api/v1/payments/${encodeURIComponent(payment.id)}/refund`, amount.trim() ? { amount: amount.trim() } : {});
      onDone();
    } catch (failure) { setError(failure); }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Refund a payment">
      <h2>Refund {payment.amountCaptured} {payment.currency} captured at {payment.stationId}</h2>
      <p className="muted">A refund should be matched by a credit note on the invoice, or reconciliation lists it.</p>
      <label>Amount (empty: all that is left)<input inputMode="decimal" pattern="^\d+(\.\d+)?$" value={amount} onChange={(e) => setAmount(e.target.value)} /></label>
      <ProblemMessage error={error} />
      <p className="actions"><button type="submit" className="primary">Refund</button><button type="button" onClick={onDone}>Cancel</button></p>
    </form>
  );
}
