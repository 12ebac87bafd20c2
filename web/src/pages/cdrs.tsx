import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { requestJson } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { BillingTabs } from '../components/billing-tabs.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { usePaged, type Page } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { UnavailableOr } from './not-yet.js';

/** GET /api/v1/cdrs items (the route declares no response schema, so typed here). */
type Cdr = {
  id: string; kind: string; sessionId: string; stationId: string; evseId: number | null; creditsCdrId: string | null; reason: string | null;
  currency: string; totalExclVat: string | null; totalInclVat: string | null; energyKwh: string; startedAt: string; endedAt: string; createdAt: string;
};
type PricingLine = { period: number; dimension: string; matched: string[]; billedVolume: string; unit: string; unitPrice: string; excl: string; incl: string | null };
type CdrDetail = Cdr & { pricing: { lines?: PricingLine[]; notes?: string[] } | null; cdr: Record<string, unknown> };

const money = (value: string | null, currency: string) => (value === null ? '–' : `${value} ${currency}`);

const COLUMNS: Column<Cdr>[] = [
  { key: 'ended', header: 'Ended', width: 'minmax(10rem, 1.4fr)', render: (c) => <Link to={`/cdrs/${encodeURIComponent(c.id)}`}>{formatTime(c.endedAt)}</Link> },
  { key: 'kind', header: 'Kind', width: '6rem', render: (c) => c.kind },
  { key: 'station', header: 'Station', width: 'minmax(8rem, 1fr)', render: (c) => <Link to={`/stations/${encodeURIComponent(c.stationId)}`}>{c.stationId}</Link> },
  { key: 'energy', header: 'Energy', width: '7rem', render: (c) => `${c.energyKwh} kWh` },
  { key: 'excl', header: 'Excl. VAT', width: '8rem', render: (c) => money(c.totalExclVat, c.currency) },
  { key: 'incl', header: 'Incl. VAT', width: '8rem', render: (c) => money(c.totalInclVat, c.currency) },
  { key: 'session', header: 'Session', width: 'minmax(8rem, 1fr)', render: (c) => <Link to={`/sessions/${encodeURIComponent(c.sessionId)}`}>{c.sessionId.slice(0, 12)}</Link> },
];

export function CdrsPage() {
  const paged = usePaged((cursor) => requestJson<Page<Cdr>>('GET', `/api/v1/cdrs?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 'cdrs');
  return (
    <section aria-labelledby="cdrs-title">
      <BillingTabs />
      <h1 id="cdrs-title">Charge detail records</h1>
      <p className="muted">Immutable, OCPI-shaped, made when a session ends; corrections are credit records.</p>
      <UnavailableOr error={paged.error} what="billing" onRetry={paged.reload} />
      <VirtualTable label="Charge detail records" rows={paged.rows} columns={COLUMNS} rowKey={(c) => c.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No charge detail records yet." />
    </section>
  );
}

export function CdrPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const cdr = useAsync(() => requestJson<CdrDetail>('GET', `/api/v1/cdrs/${encodeURIComponent(id)}`), [id]);
  if (cdr.error) return <section><h1>Charge detail record</h1><ProblemMessage error={cdr.error} onRetry={cdr.reload} /><p><Link to="/cdrs">All records</Link></p></section>;
  if (!cdr.data) return <p className="loading" role="status">Loading record…</p>;
  const c = cdr.data;
  return (
    <section aria-labelledby="cdr-title">
      <BillingTabs />
      <p><Link to="/cdrs">All records</Link></p>
      <h1 id="cdr-title">{c.kind === 'credit' ? 'Credit record' : 'Charge detail record'} {c.id}</h1>
      <dl className="facts">
        <dt>Session</dt><dd><Link to={`/sessions/${encodeURIComponent(c.sessionId)}`}>{c.sessionId}</Link></dd>
        <dt>Station</dt><dd><Link to={`/stations/${encodeURIComponent(c.stationId)}`}>{c.stationId}</Link>{c.evseId ? ` EVSE ${c.evseId}` : ''}</dd>
        <dt>Period</dt><dd>{formatTime(c.startedAt)} – {formatTime(c.endedAt)}</dd>
        <dt>Energy</dt><dd>{c.energyKwh} kWh</dd>
        <dt>Total</dt><dd data-testid="cdr-total">{money(c.totalExclVat, c.currency)} excl. VAT, {money(c.totalInclVat, c.currency)} incl. VAT</dd>
        {c.creditsCdrId && <><dt>Credits</dt><dd><Link to={`/cdrs/${encodeURIComponent(c.creditsCdrId)}`}>{c.creditsCdrId}</Link>{c.reason ? `: ${c.reason}` : ''}</dd></>}
      </dl>
      {c.pricing?.lines && (
        <section className="panel" aria-labelledby="cdr-lines">
          <h2 id="cdr-lines">How it was priced</h2>
          <table>
            <thead><tr><th scope="col">Period</th><th scope="col">What</th><th scope="col">Why</th><th scope="col" className="num">Billed</th><th scope="col" className="num">Unit price</th><th scope="col" className="num">Excl. VAT</th><th scope="col" className="num">Incl. VAT</th></tr></thead>
            <tbody>{c.pricing.lines.map((l, i) => (
              <tr key={i}><td>{l.period}</td><td>{l.dimension}</td><td>{l.matched.join('; ')}</td><td className="num">{l.billedVolume} {l.unit}</td><td className="num">{l.unitPrice}</td><td className="num">{l.excl}</td><td className="num">{l.incl ?? '–'}</td></tr>
            ))}</tbody>
          </table>
          {(c.pricing.notes ?? []).map((n, i) => <p key={i} className="muted">{n}</p>)}
        </section>
      )}
      {can('finance:write') && <CdrActions cdr={c} />}
      <details className="panel"><summary>OCPI CDR object</summary><pre>{JSON.stringify(c.cdr, null, 2)}</pre></details>
    </section>
  );
}

/** Issue the session's invoice (POST /invoices) or a credit CDR (POST /cdrs/{id}/credit); the CDR never changes. */
function CdrActions({ cdr }: { cdr: Cdr }) {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [customer, setCustomer] = useState({ name: '', email: '' });
  const run = async (work: () => Promise<void>) => { setError(null); try { await work(); } catch (failure) { setError(failure); } };
  const invoice = (event: FormEvent) => { event.preventDefault(); void run(async () => {
    const c = { ...(customer.name.trim() ? { name: customer.name.trim() } : {}), ...(customer.email.trim() ? { email: customer.email.trim() } : {}) };
    const issued = await requestJson<{ id: string }>('POST', '/api/v1/invoices', { cdrId: cdr.id, ...(Object.keys(c).length ? { customer: c } : {}) });
    navigate(`/invoices/${encodeURIComponent(issued.id)}`);
  }); };
  const credit = (event: FormEvent) => { event.preventDefault(); void run(async () => {
    const made = await requestJson<{ id: string }>('POST', `/api/v1/cdrs/${encodeURIComponent(cdr.id)}/credit`, { reason: reason.trim(), ...(amount.trim() ? { amount: { exclVat: amount.trim() } } : {}) });
    navigate(`/cdrs/${encodeURIComponent(made.id)}`);
  }); };
  if (cdr.kind !== 'debit') return null;
  return (
    <div className="columns">
      <form className="panel" onSubmit={invoice} aria-label="Invoice this session">
        <h2>Invoice</h2>
        <p className="muted">Issues the session's invoice (with any credit records against it), numbered without gaps.</p>
        <div className="form-grid">
          <label>Customer name<input value={customer.name} onChange={(e) => setCustomer({ ...customer, name: e.target.value })} /></label>
          <label>Customer email<input type="email" value={customer.email} onChange={(e) => setCustomer({ ...customer, email: e.target.value })} /></label>
        </div>
        <p><button type="submit" className="primary">Issue invoice</button></p>
      </form>
      <form className="panel" onSubmit={credit} aria-label="Credit this record">
        <h2>Correct</h2>
        <p className="muted">A correction is a credit record against this one.</p>
        <label>Reason<input required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
        <label>Amount excl. VAT (empty: all)<input inputMode="decimal" pattern="^\d+(\.\d+)?$" value={amount} onChange={(e) => setAmount(e.target.value)} /></label>
        <p><button type="submit">Issue credit record</button></p>
      </form>
      <ProblemMessage error={error} />
    </div>
  );
}
