import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../api/client.js';
import type { SiteSummary } from '../api/types.js';
import { useAuth } from '../auth/auth-context.js';
import { useAsync } from '../components/use-async.js';
import { usePaged } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';
import { UnavailableOr } from './not-yet.js';
import { bodyOf, emptySite, SiteForm } from './site-form.js';

type Site = { id: string; name: string; city: string | null; country: string; timeZone: string; latitude: number | null; longitude: number | null };
type Row = Site & { counts: SiteSummary | undefined };

const COLUMNS: Column<Row>[] = [
  { key: 'name', header: 'Name', width: 'minmax(12rem, 2fr)', render: (s) => <Link to={`/sites/${encodeURIComponent(s.id)}`}>{s.name}</Link> },
  { key: 'city', header: 'City', width: 'minmax(8rem, 1fr)', render: (s) => `${s.city ?? '–'}, ${s.country}` },
  { key: 'stations', header: 'Stations', width: '6rem', render: (s) => s.counts?.stations ?? '…' },
  { key: 'online', header: 'Online', width: '6rem', render: (s) => s.counts?.online ?? '…' },
  { key: 'charging', header: 'Charging', width: '6rem', render: (s) => s.counts?.connectors.charging ?? '…' },
  { key: 'faulted', header: 'Faulted', width: '6rem', render: (s) => s.counts?.connectors.faulted ?? '…' },
  { key: 'zone', header: 'Time zone', width: 'minmax(8rem, 1fr)', render: (s) => s.timeZone },
];

export function SitesPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const paged = usePaged((cursor) => ok(api.GET('/api/v1/sites', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } })), 'sites');
  // Per-site counts come from the aggregate summary: one request, whatever the number of stations.
  const summary = useAsync(() => ok(api.GET('/api/v1/network-summary')), []);
  const counts = new Map((summary.data?.sites ?? []).map((s) => [s.id, s]));
  const rows: Row[] = paged.rows.map((s) => ({ ...s, counts: counts.get(s.id) }));
  return (
    <section aria-labelledby="sites-title">
      <h1 id="sites-title">Sites</h1>
      {can('sites:write') && (
        creating ? (
          <section className="panel" aria-labelledby="new-site-title">
            <h2 id="new-site-title">New site</h2>
            <SiteForm
              label="New site" initial={emptySite} submitLabel="Create site"
              onSubmit={async (draft) => {
                const site = await ok(api.POST('/api/v1/sites', { body: bodyOf(draft) }));
                void navigate(`/sites/${encodeURIComponent(site.id)}`);
              }}
            />
            <button type="button" onClick={() => setCreating(false)}>Cancel</button>
          </section>
        ) : <p><button type="button" onClick={() => setCreating(true)}>New site</button></p>
      )}
      <UnavailableOr error={paged.error} what="sites" onRetry={paged.reload} />
      <UnavailableOr error={summary.error} what="network summary" onRetry={summary.reload} />
      <VirtualTable label="Sites" rows={rows} columns={COLUMNS} rowKey={(s) => s.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No sites yet." height="60vh" />
    </section>
  );
}
