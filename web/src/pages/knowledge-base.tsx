import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { formatTime } from '../components/status.js';
import { usePaged } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { UnavailableOr } from './not-yet.js';
import { severityClass, type KbEntry, type UnknownCode } from './incidents-model.js';
import '../components/health.css';

/** What an entry (or an unknown code) matches, in one short text. */
export function codeOf(e: { errorCode: string | null; vendorErrorCode: string | null; component: string | null; variable: string | null; eventCode: string | null; vendorId?: string | null }): string {
  const parts = [e.errorCode, e.vendorErrorCode && `vendor ${e.vendorErrorCode}`, e.component && `${e.component}${e.variable ? `.${e.variable}` : ''}`, e.eventCode && `event ${e.eventCode}`];
  return parts.filter(Boolean).join(' · ') || '(any)';
}

const COLUMNS: Column<KbEntry>[] = [
  { key: 'code', header: 'Code', width: 'minmax(10rem, 1.2fr)', render: (e) => <Link to={`/knowledge-base/${encodeURIComponent(e.id)}`}>{codeOf(e)}</Link> },
  { key: 'vendor', header: 'Vendor / model', width: 'minmax(9rem, 1fr)', render: (e) => `${e.vendor ?? 'any vendor'}${e.modelPattern ? ` / ${e.modelPattern}` : ''}` },
  { key: 'meaning', header: 'Meaning', width: 'minmax(14rem, 3fr)', render: (e) => e.meaning },
  { key: 'severity', header: 'Severity', width: '6rem', render: (e) => <span className={severityClass(e.severity)}>{e.severity}</span> },
  { key: 'origin', header: 'Origin', width: '5rem', render: (e) => e.origin },
];

/** Knowledge base: search the entries, and the codes no entry explains yet, most frequent first. */
export function KnowledgeBasePage() {
  const { can } = useAuth();
  const [draft, setDraft] = useState({ q: '', vendor: '', errorCode: '', origin: '' });
  const [filters, setFilters] = useState(draft);
  const query = {
    ...(filters.q ? { q: filters.q } : {}), ...(filters.vendor ? { vendor: filters.vendor } : {}),
    ...(filters.errorCode ? { errorCode: filters.errorCode } : {}), ...(filters.origin ? { origin: filters.origin as 'seed' | 'tenant' } : {}),
  };
  const entries = usePaged((cursor) => ok(api.GET('/api/v1/knowledge-base/entries', { params: { query: { limit: 100, ...query, ...(cursor ? { cursor } : {}) } } })), JSON.stringify(filters));
  const unknown = usePaged((cursor) => ok(api.GET('/api/v1/knowledge-base/unknown-codes', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })), 'unknown');
  const field = (name: keyof typeof draft) => ({ value: draft[name], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }) });
  return (
    <section aria-labelledby="kb-title">
      <h1 id="kb-title">Knowledge base</h1>
      {can('health:write') && <p><Link to="/knowledge-base/new">New entry</Link></p>}
      <form className="filters form-grid" aria-label="Search the knowledge base" onSubmit={(e) => { e.preventDefault(); setFilters(draft); }}>
        <label>Text<input type="search" {...field('q')} /></label>
        <label>Vendor<input {...field('vendor')} /></label>
        <label>Error code<input {...field('errorCode')} /></label>
        <label>Origin
          <select {...field('origin')}><option value="">Seed and own</option><option value="seed">Seed</option><option value="tenant">Own entries</option></select>
        </label>
        <button type="submit" className="primary">Search</button>
      </form>
      <UnavailableOr error={entries.error} what="knowledge base" onRetry={entries.reload} />
      <VirtualTable label="Knowledge base entries" rows={entries.rows} columns={COLUMNS} rowKey={(e) => e.id} hasMore={entries.hasMore} loadMore={entries.loadMore} loading={entries.loading} empty="No entry matches." height="45vh" />

      <section className="panel" aria-labelledby="unknown-title">
        <h2 id="unknown-title">Unknown codes</h2>
        <p className="muted">Codes stations sent that no entry explains, most frequent first.</p>
        <UnavailableOr error={unknown.error} what="unknown codes" onRetry={unknown.reload} />
        <table data-testid="unknown-codes">
          <thead><tr><th scope="col">Code</th><th scope="col">Vendor / model</th><th scope="col">Seen</th><th scope="col">Stations</th><th scope="col">Last seen</th><th scope="col"><span className="muted">Action</span></th></tr></thead>
          <tbody>{unknown.rows.map((u) => (
            <tr key={u.fingerprint}>
              <td><code>{codeOf(u)}</code> <span className="muted">{u.ocppVersion}</span></td>
              <td>{u.vendor ?? '–'}{u.model ? ` / ${u.model}` : ''}</td>
              <td className="num">{u.count}</td><td className="num">{u.stations}</td><td>{formatTime(u.lastSeenAt)}</td>
              <td>{can('health:write') && <Link to={`/knowledge-base/new?${prefillFromUnknown(u).toString()}`} aria-label={`Create an entry from ${codeOf(u)}`}>Create entry from this code</Link>}</td>
            </tr>
          ))}</tbody>
        </table>
        {!unknown.loading && unknown.rows.length === 0 && !unknown.error && <p className="muted">Every code seen so far is explained.</p>}
        {unknown.hasMore && <button type="button" onClick={unknown.loadMore}>More codes</button>}
      </section>
    </section>
  );
}

function prefillFromUnknown(u: UnknownCode): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['vendor', 'ocppVersion', 'errorCode', 'vendorId', 'vendorErrorCode', 'component', 'variable', 'eventCode'] as const) {
    const value = u[key];
    if (value) params.set(key, value);
  }
  return params;
}
