import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../api/client.js';
import type { Station } from '../api/types.js';
import { ProblemMessage } from '../components/problem-message.js';
import { OnlineBadge, formatTime } from '../components/status.js';
import { usePaged } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { useLiveEvents } from '../live/live-events.js';


const COLUMNS: Column<Station>[] = [
  { key: 'id', header: 'Station', width: 'minmax(10rem, 2fr)', render: (s) => <Link to={`/stations/${encodeURIComponent(s.id)}`}>{s.id}</Link> },
  { key: 'name', header: 'Name', width: 'minmax(8rem, 2fr)', render: (s) => s.displayName ?? '' },
  { key: 'online', header: 'Link', width: '6rem', render: (s) => <OnlineBadge online={s.online} /> },
  { key: 'registration', header: 'Registration', width: '7rem', render: (s) => s.registrationStatus },
  { key: 'version', header: 'OCPP', width: '6rem', render: (s) => s.ocppVersion ?? '–' },
  { key: 'model', header: 'Vendor / model', width: 'minmax(8rem, 2fr)', render: (s) => [s.vendor, s.model].filter(Boolean).join(' ') || '–' },
  { key: 'seen', header: 'Last seen', width: 'minmax(9rem, 1.5fr)', render: (s) => formatTime(s.lastSeenAt) },
];

export function StationsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [goTo, setGoTo] = useState('');
  const online = params.get('online');
  const registration = params.get('registrationStatus');
  const siteId = params.get('siteId');
  const paged = usePaged(async (cursor) => ok(api.GET('/api/v1/stations', {
    params: {
      query: {
        limit: 200,
        ...(cursor ? { cursor } : {}),
        ...(online === 'true' || online === 'false' ? { online: online === 'true' } : {}),
        ...(registration === 'Accepted' || registration === 'Pending' || registration === 'Rejected' ? { registrationStatus: registration } : {}),
        ...(siteId ? { siteId } : {}),
      },
    },
  })), `${online}|${registration}|${siteId}`);

  // Link state changes in place; the row stays where it is until the next reload.
  useLiveEvents((event) => {
    const connected = event.type === 'station.connected';
    paged.setRows((rows) => rows.map((s) => (s.id === event.stationId ? { ...s, online: connected, lastSeenAt: event.at } : s)));
  }, (event) => event.type === 'station.connected' || event.type === 'station.disconnected');

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (goTo.trim()) navigate(`/stations/${encodeURIComponent(goTo.trim())}`);
  };

  return (
    <section aria-labelledby="stations-title">
      <h1 id="stations-title">Stations</h1>
      <div className="filters">
        <label>Link
          <select value={online ?? ''} onChange={(e) => setFilter('online', e.target.value)}>
            <option value="">All</option><option value="true">Online</option><option value="false">Offline</option>
          </select>
        </label>
        <label>Registration
          <select value={registration ?? ''} onChange={(e) => setFilter('registrationStatus', e.target.value)}>
            <option value="">All</option><option>Accepted</option><option>Pending</option><option>Rejected</option>
          </select>
        </label>
        <form onSubmit={open} className="inline">
          <label>Open station by id<input value={goTo} onChange={(e) => setGoTo(e.target.value)} placeholder="CP-0001" /></label>
          <button type="submit">Open</button>
        </form>
        {siteId && <span>At site <Link to={`/sites/${encodeURIComponent(siteId)}`}>{siteId}</Link> <button type="button" className="link" onClick={() => setFilter('siteId', '')}>all sites</button></span>}
        <span className="muted" role="status">{paged.rows.length} loaded{paged.hasMore ? ', more on scroll' : ''}</span>
      </div>
      <ProblemMessage error={paged.error} onRetry={paged.reload} />
      <VirtualTable label="Stations" rows={paged.rows} columns={COLUMNS} rowKey={(s) => s.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No stations match." />
    </section>
  );
}
