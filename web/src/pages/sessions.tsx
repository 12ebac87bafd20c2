import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok } from '../api/client.js';
import type { Session } from '../api/types.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime, formatWh } from '../components/status.js';
import { usePaged } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { useLiveEvents } from '../live/live-events.js';
import { applySessionEvent } from '../live/live-sessions.js';

const COLUMNS: Column<Session>[] = [
  { key: 'started', header: 'Started', width: 'minmax(10rem, 1.5fr)', render: (s) => <Link to={`/sessions/${s.id}`}>{formatTime(s.startedAt)}</Link> },
  { key: 'station', header: 'Station', width: 'minmax(8rem, 1.5fr)', render: (s) => <Link to={`/stations/${encodeURIComponent(s.stationId)}`}>{s.stationId}</Link> },
  { key: 'evse', header: 'EVSE', width: '4rem', render: (s) => s.evseId },
  { key: 'status', header: 'Status', width: '6rem', render: (s) => s.status },
  { key: 'energy', header: 'Energy', width: '7rem', render: (s) => formatWh(s.energyWh) },
  { key: 'token', header: 'Token', width: 'minmax(6rem, 1fr)', render: (s) => s.idToken ?? '–' },
  { key: 'ended', header: 'Ended', width: 'minmax(10rem, 1.5fr)', render: (s) => formatTime(s.endedAt) },
];

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function SessionsPage() {
  const [params, setParams] = useSearchParams();
  const filters = { stationId: params.get('stationId') ?? '', idToken: params.get('idToken') ?? '', status: params.get('status') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const [draft, setDraft] = useState(filters);
  const paged = usePaged((cursor) => ok(api.GET('/api/v1/sessions', {
    params: {
      query: {
        limit: 200, ...(cursor ? { cursor } : {}),
        ...(filters.stationId ? { stationId: filters.stationId } : {}),
        ...(filters.idToken ? { idToken: filters.idToken } : {}),
        ...(filters.status === 'active' || filters.status === 'completed' || filters.status === 'closed' ? { status: filters.status } : {}),
        ...(filters.from ? { from: toIso(filters.from)! } : {}),
        ...(filters.to ? { to: toIso(filters.to)! } : {}),
      },
    },
  })), params.toString());

  // New sessions appear on top when they match the filters; running ones update in place.
  useLiveEvents((event) => paged.setRows((rows) => applySessionEvent(rows, event, filters)), (event) => event.type.startsWith('session.'));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(draft)) if (value.trim()) next.set(name, value.trim());
    setParams(next);
  };

  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      <form className="filters" onSubmit={apply} aria-label="Filter sessions">
        <label>Station<input value={draft.stationId} onChange={(e) => setDraft({ ...draft, stationId: e.target.value })} /></label>
        <label>Token<input value={draft.idToken} onChange={(e) => setDraft({ ...draft, idToken: e.target.value })} /></label>
        <label>Status
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">All</option><option value="active">Active</option><option value="completed">Completed</option><option value="closed">Closed</option>
          </select>
        </label>
        <label>From<input type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
        <label>To<input type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
        <button type="submit">Apply</button>
        <button type="button" onClick={paged.reload}>Refresh</button>
      </form>
      <ProblemMessage error={paged.error} onRetry={paged.reload} />
      <VirtualTable label="Sessions" rows={paged.rows} columns={COLUMNS} rowKey={(s) => s.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No sessions match." />
    </section>
  );
}
