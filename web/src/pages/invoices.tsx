// Invoices, statements and credit notes (GET /invoices, /invoices/{id}): the list, one invoice with
// its lines, its PDF, the credit-note and email actions, and issuing a periodic statement.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { requestJson } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { BillingTabs } from '../components/billing-tabs.js';
import { fetchFile, saveBlob } from '../components/download.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { usePaged, type Page } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { UnavailableOr } from './not-yet.js';

/** The invoice routes declare no response schema: their shape (invoicing/http.ts toView) is typed here. */
export type Invoice = {
  id: string; kind: 'invoice' | 'statement' | 'credit_note'; number: string; sequence: number; creditsInvoiceId: string | null; reason: string | null;
  customer: Record<string, string | undefined>; periodStart: string | null; periodEnd: string | null; currency: string;
  totalExclVat: string; totalVat: string; totalInclVat: string; issuedAt: string;
};
type Line = { lineNo: number; cdrId: string | null; description: string; siteId: string | null; stationId: string | null; country: string | null; vatRate: string | null; energyKwh: string | null; exclVat: string; vat: string; inclVat: string };
type InvoiceDetail = Invoice & { lines: Line[] };

const KIND_TEXT = { invoice: 'Invoice', statement: 'Statement', credit_note: 'Credit note' } as const;

const COLUMNS: Column<Invoice>[] = [
  { key: 'number', header: 'Number', width: 'minmax(8rem, 1fr)', render: (i) => <Link to={`/invoices/${encodeURIComponent(i.id)}`}>{i.number}</Link> },
  { key: 'kind', header: 'Kind', width: '8rem', render: (i) => KIND_TEXT[i.kind] ?? i.kind },
  { key: 'issued', header: 'Issued', width: 'minmax(10rem, 1.2fr)', render: (i) => formatTime(i.issuedAt) },
  { key: 'customer', header: 'Customer', width: 'minmax(8rem, 1.2fr)', render: (i) => i.customer['name'] ?? i.customer['email'] ?? i.customer['groupIdToken'] ?? i.customer['idToken'] ?? '–' },
  { key: 'excl', header: 'Net', width: '8rem', render: (i) => `${i.totalExclVat} ${i.currency}` },
  { key: 'vat', header: 'VAT', width: '7rem', render: (i) => `${i.totalVat} ${i.currency}` },
  { key: 'incl', header: 'Gross', width: '8rem', render: (i) => `${i.totalInclVat} ${i.currency}` },
];

export function InvoicesPage() {
  const { can } = useAuth();
  const [kind, setKind] = useState('');
  const paged = usePaged((cursor) => requestJson<Page<Invoice>>('GET', `/api/v1/invoices?limit=200${kind ? `&kind=${kind}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), `invoices-${kind}`);
  return (
    <section aria-labelledby="invoices-title">
      <BillingTabs />
      <h1 id="invoices-title">Invoices</h1>
      <p className="muted">Numbered without gaps per series; an issued invoice never changes, a credit note reverses it.</p>
      <div className="filters">
        <label>Kind<select value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">all</option><option value="invoice">invoices</option><option value="statement">statements</option><option value="credit_note">credit notes</option>
        </select></label>
      </div>
      <UnavailableOr error={paged.error} what="invoicing" onRetry={paged.reload} />
      <VirtualTable label="Invoices" rows={paged.rows} columns={COLUMNS} rowKey={(i) => i.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No invoices yet." />
      {can('finance:write') && <StatementForm />}
    </section>
  );
}

function StatementForm() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ who: 'groupIdToken', token: '', from: '', to: '', name: '', email: '' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const customer = { ...(form.name.trim() ? { name: form.name.trim() } : {}), ...(form.email.trim() ? { email: form.email.trim() } : {}) };
      const issued = await requestJson<Invoice>('POST', '/api/v1/invoices/statements', {
        [form.who]: form.token.trim(), from: new Date(form.from).toISOString(), to: new Date(form.to).toISOString(), ...(Object.keys(customer).length ? { customer } : {}),
      });
      navigate(`/invoices/${encodeURIComponent(issued.id)}`);
    } catch (failure) { setError(failure); }
  };
  const input = (key: 'token' | 'from' | 'to' | 'name' | 'email', label: string, extra: Record<string, unknown> = {}) => (
    <label>{label}<input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...extra} /></label>
  );
  return (
    <details className="panel">
      <summary>Issue a periodic statement (members, fleets)</summary>
      <form onSubmit={(e) => void submit(e)} aria-label="Issue a statement">
        <div className="form-grid">
          <label>For<select value={form.who} onChange={(e) => setForm({ ...form, who: e.target.value })}><option value="groupIdToken">a group token (fleet, contract)</option><option value="idToken">one token</option></select></label>
          {input('token', 'Token', { required: true })}{input('from', 'From', { type: 'date', required: true })}{input('to', 'To (exclusive)', { type: 'date', required: true })}
          {input('name', 'Customer name')}{input('email', 'Customer email', { type: 'email' })}
        </div>
        <ProblemMessage error={error} />
        <p><button type="submit">Issue statement</button></p>
      </form>
    </details>
  );
}

export function InvoicePage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const invoice = useAsync(() => requestJson<InvoiceDetail>('GET', `/api/v1/invoices/${encodeURIComponent(id)}`), [id]);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  if (invoice.error) return <section><h1>Invoice</h1><ProblemMessage error={invoice.error} onRetry={invoice.reload} /><p><Link to="/invoices">All invoices</Link></p></section>;
  if (!invoice.data) return <p className="loading" role="status">Loading invoice…</p>;
  const inv = invoice.data;
  const act = async (run: () => Promise<void>) => { setError(null); try { await run(); } catch (failure) { setError(failure); } };
  const pdf = () => act(async () => saveBlob(await fetchFile(`/api/v1/invoices/${encodeURIComponent(inv.id)}/pdf`), `${inv.number}.pdf`));
  const credit = (event: FormEvent) => { event.preventDefault(); void act(async () => {
    const note = await requestJson<Invoice>('POST', `/api/v1/invoices/${encodeURIComponent(inv.id)}/credit-note`, { reason: reason.trim() });
    navigate(`/invoices/${encodeURIComponent(note.id)}`);
  }); };
  const send = (event: FormEvent) => { event.preventDefault(); void act(async () => {
    await requestJson('POST', `/api/v1/invoices/${encodeURIComponent(inv.id)}/send`, email.trim() ? { email: email.trim() } : {});
    setSent(email.trim() || 'the customer');
  }); };
  return (
    <section aria-labelledby="invoice-title">
      <BillingTabs />
      <p><Link to="/invoices">All invoices</Link></p>
      <h1 id="invoice-title">{KIND_TEXT[inv.kind]} {inv.number}</h1>
      <dl className="facts" data-testid="invoice-facts">
        <dt>Issued</dt><dd>{formatTime(inv.issuedAt)}</dd>
        <dt>Period</dt><dd>{inv.periodStart ? `${formatTime(inv.periodStart)} – ${formatTime(inv.periodEnd)}` : '–'}</dd>
        <dt>Customer</dt><dd>{Object.entries(inv.customer).map(([k, v]) => `${k}: ${v}`).join(', ') || '–'}</dd>
        <dt>Total</dt><dd data-testid="invoice-total">{inv.totalExclVat} {inv.currency} net + {inv.totalVat} VAT = {inv.totalInclVat} {inv.currency}</dd>
        {inv.creditsInvoiceId && <><dt>Credits</dt><dd><Link to={`/invoices/${encodeURIComponent(inv.creditsInvoiceId)}`}>the credited invoice</Link>{inv.reason ? `: ${inv.reason}` : ''}</dd></>}
      </dl>
      <p className="actions"><button type="button" onClick={() => void pdf()}>Download PDF</button></p>
      <ProblemMessage error={error} />
      <section className="panel" aria-labelledby="invoice-lines">
        <h2 id="invoice-lines">Lines</h2>
        <table>
          <thead><tr><th scope="col">#</th><th scope="col">Description</th><th scope="col">CDR</th><th scope="col">Where</th><th scope="col" className="num">kWh</th><th scope="col" className="num">VAT rate</th><th scope="col" className="num">Net</th><th scope="col" className="num">VAT</th><th scope="col" className="num">Gross</th></tr></thead>
          <tbody>{inv.lines.map((l) => (
            <tr key={l.lineNo}>
              <td>{l.lineNo}</td><td>{l.description}</td><td>{l.cdrId ? <Link to={`/cdrs/${encodeURIComponent(l.cdrId)}`}>{l.cdrId.slice(0, 12)}</Link> : '–'}</td>
              <td>{[l.stationId, l.country].filter(Boolean).join(', ') || '–'}</td><td className="num">{l.energyKwh ?? '–'}</td><td className="num">{l.vatRate === null ? '–' : `${l.vatRate} %`}</td>
              <td className="num">{l.exclVat}</td><td className="num">{l.vat}</td><td className="num">{l.inclVat}</td>
            </tr>
          ))}</tbody>
        </table>
      </section>
      {can('finance:write') && (
        <div className="columns">
          {inv.kind !== 'credit_note' && (
            <form className="panel" onSubmit={credit} aria-label="Issue a credit note">
              <h2>Credit note</h2>
              <p className="muted">Reverses the whole invoice with a credit note of its own series.</p>
              <label>Reason<input required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
              <p><button type="submit">Issue credit note</button></p>
            </form>
          )}
          <form className="panel" onSubmit={send} aria-label="Email the invoice">
            <h2>Email</h2>
            <label>Email address (empty: the customer's)<input type="email" value={email} onChange={(e) => setEmail(e.target.value)} /></label>
            <p><button type="submit">Send</button></p>
            {sent && <p className="result" role="status">Sent to {sent}.</p>}
          </form>
        </div>
      )}
    </section>
  );
}
