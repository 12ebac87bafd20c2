import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { usePaged } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { UnavailableOr } from './not-yet.js';
import { kbOf, type WorkOrder } from './incidents-model.js';
import '../components/health.css';

export const WORK_ORDER_STATUSES = ['open', 'assigned', 'in-progress', 'done', 'cancelled'] as const;
type Status = (typeof WORK_ORDER_STATUSES)[number];

const COLUMNS: Column<WorkOrder>[] = [
  { key: 'title', header: 'Work order', width: 'minmax(14rem, 2fr)', render: (w) => <Link to={`/work-orders/${encodeURIComponent(w.id)}`}>{w.title}</Link> },
  { key: 'station', header: 'Station', width: 'minmax(8rem, 1fr)', render: (w) => <Link to={`/stations/${encodeURIComponent(w.stationId)}`}>{w.stationId}</Link> },
  { key: 'status', header: 'Status', width: '7rem', render: (w) => w.status },
  { key: 'checklist', header: 'Checklist', width: '6rem', render: (w) => (w.checklist.length ? `${w.checklist.filter((c) => c.done).length}/${w.checklist.length}` : '–') },
  { key: 'due', header: 'Due', width: 'minmax(9rem, 1fr)', render: (w) => formatTime(w.dueAt) },
  { key: 'created', header: 'Opened', width: 'minmax(9rem, 1fr)', render: (w) => formatTime(w.createdAt) },
];

export function MaintenanceTabs({ current }: { current: 'work-orders' | 'maintenance' }) {
  return (
    <nav aria-label="Maintenance" className="tabs">
      {current === 'work-orders' ? <strong aria-current="page">Work orders</strong> : <Link to="/work-orders">Work orders</Link>}
      {current === 'maintenance' ? <strong aria-current="page">Schedules and maintenance windows</strong> : <Link to="/maintenance">Schedules and maintenance windows</Link>}
    </nav>
  );
}

export function WorkOrdersPage() {
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? '';
  const stationId = search.get('stationId') ?? '';
  const query = { ...(status ? { status: status as Status } : {}), ...(stationId ? { stationId } : {}) };
  const paged = usePaged((cursor) => ok(api.GET('/api/v1/work-orders', { params: { query: { limit: 100, ...query, ...(cursor ? { cursor } : {}) } } })), `${status}|${stationId}`);
  const setFilter = (key: string, value: string) => { const next = new URLSearchParams(search); if (value) next.set(key, value); else next.delete(key); setSearch(next, { replace: true }); };
  return (
    <section aria-labelledby="wo-title">
      <h1 id="wo-title">Work orders</h1>
      <MaintenanceTabs current="work-orders" />
      {can('health:write') && <p><Link to="/work-orders/new">New work order</Link></p>}
      <form className="filters form-grid" aria-label="Work order filters" onSubmit={(e) => e.preventDefault()}>
        <label>Status
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}><option value="">All</option>{WORK_ORDER_STATUSES.map((s) => <option key={s}>{s}</option>)}</select>
        </label>
        <label>Station<input defaultValue={stationId} onBlur={(e) => setFilter('stationId', e.target.value.trim())} onKeyDown={(e) => { if (e.key === 'Enter') setFilter('stationId', e.currentTarget.value.trim()); }} /></label>
      </form>
      <UnavailableOr error={paged.error} what="work orders" onRetry={paged.reload} />
      <VirtualTable label="Work orders" rows={paged.rows} columns={COLUMNS} rowKey={(w) => w.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No work orders." height="60vh" />
    </section>
  );
}

/** New work order; from an incident (?incidentId=…) it carries the KB's instructions and dispatches the incident. */
export function NewWorkOrderPage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const incidentId = search.get('incidentId');
  const incident = useAsync(async () => (incidentId ? ok(api.GET('/api/v1/incidents/{id}', { params: { path: { id: incidentId } } })) : null), [incidentId]);
  if (incidentId && !incident.data && !incident.error) return <p className="loading" role="status">Loading incident…</p>;
  const kb = kbOf(incident.data?.kb);
  const initial = {
    stationId: search.get('stationId') ?? incident.data?.stationId ?? '',
    evseId: search.get('evseId') ?? (incident.data?.evseId !== null && incident.data?.evseId !== undefined ? String(incident.data.evseId) : ''),
    title: search.get('title') ?? incident.data?.title ?? '',
    instructions: kb?.technicianInstructions ?? '',
    checklist: kb ? 'Check the fault on site\nApply the instructions\nTest a charge session' : '',
    dueAt: '',
  };
  return (
    <section aria-labelledby="wo-new-title">
      <p><Link to="/work-orders">← Work orders</Link></p>
      <h1 id="wo-new-title">New work order</h1>
      {incident.data && <p>For incident <Link to={`/incidents/${encodeURIComponent(incident.data.id)}`}>{incident.data.title}</Link>: opening it marks the incident as technician dispatched.</p>}
      <ProblemMessage error={incident.error} />
      <WorkOrderForm initial={initial} onSubmit={async (draft) => {
        const checklist = draft.checklist.split('\n').map((line) => line.trim()).filter(Boolean);
        const created = await ok(api.POST('/api/v1/work-orders', { body: {
          stationId: draft.stationId.trim(), title: draft.title, instructions: draft.instructions, checklist,
          ...(draft.evseId ? { evseId: Number(draft.evseId) } : {}), ...(incidentId ? { incidentId } : {}),
          ...(draft.dueAt ? { dueAt: new Date(draft.dueAt).toISOString() } : {}),
        } }));
        void navigate(`/work-orders/${encodeURIComponent(created.id)}`);
      }} />
    </section>
  );
}

type Draft = { stationId: string; evseId: string; title: string; instructions: string; checklist: string; dueAt: string };

function WorkOrderForm({ initial, onSubmit }: { initial: Draft; onSubmit(draft: Draft): Promise<void> }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true); setError(null);
    try { await onSubmit(draft); } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  return (
    <form aria-label="New work order" className="form-grid" onSubmit={(e) => void submit(e)}>
      <label>Station<input value={draft.stationId} onChange={set('stationId')} /></label>
      <label>EVSE (optional)<input inputMode="numeric" value={draft.evseId} onChange={set('evseId')} /></label>
      <label>Due (optional)<input type="datetime-local" value={draft.dueAt} onChange={set('dueAt')} /></label>
      <label className="wide">Title<input value={draft.title} onChange={set('title')} /></label>
      <label className="wide">Instructions<textarea value={draft.instructions} onChange={set('instructions')} /></label>
      <label className="wide">Checklist (one item per line)<textarea value={draft.checklist} onChange={set('checklist')} /></label>
      <div className="wide"><ProblemMessage error={error} /><button type="submit" className="primary" disabled={busy}>Open work order</button></div>
    </form>
  );
}
