import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { OnlineBadge, StatusBadge } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { SitesMap } from '../map/sites-map.js';
import { bodyOf, draftOf, SiteForm } from './site-form.js';

const STATES = ['Available', 'Occupied', 'Reserved', 'Faulted', 'Unavailable'];

export function SitePage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const site = useAsync(() => ok(api.GET('/api/v1/sites/{id}', { params: { path: { id } } })), [id]);
  if (site.error) return <section><h1>Site</h1><ProblemMessage error={site.error} onRetry={site.reload} /><p><Link to="/sites">All sites</Link></p></section>;
  if (!site.data) return <p className="loading" role="status">Loading site…</p>;
  const s = site.data;
  const online = s.stations.filter((station) => station.online).length;
  const address = [s.street, [s.postalCode, s.city].filter(Boolean).join(' '), s.region, s.country].filter(Boolean).join(', ');
  const others = Object.entries(s.connectorsByStatus).filter(([state]) => !STATES.includes(state));
  return (
    <section aria-labelledby="site-title">
      <p><Link to="/sites">All sites</Link></p>
      <h1 id="site-title">{s.name}</h1>
      {can('energy:read') && <p><Link to={`/sites/${encodeURIComponent(s.id)}/energy`}>Energy management: topology, live limits, grid signals</Link></p>}
      <div className="cards" data-testid="site-counts">
        <div className="card"><span className="card-value" data-testid="site-stations">{s.stationCount}</span><span className="card-label">Stations</span></div>
        <div className="card"><span className="card-value">{s.stationCount > s.stations.length ? `${online}+` : online}</span><span className="card-label">Online</span></div>
        {[...STATES.map((state) => [state, s.connectorsByStatus[state] ?? 0] as const), ...others].map(([state, n]) => (
          <div className="card" key={state}><span className="card-value" data-testid={`site-connectors-${state}`}>{n}</span><span className="card-label">{state} connectors</span></div>
        ))}
      </div>
      <div className="columns">
        <section className="panel" aria-labelledby="site-facts">
          <h2 id="site-facts">Where</h2>
          <dl className="facts">
            <dt>Address</dt><dd>{address || '–'}</dd>
            <dt>Time zone</dt><dd>{s.timeZone}</dd>
            <dt>Coordinates</dt><dd>{s.latitude === null || s.longitude === null ? 'not set' : `${s.latitude}, ${s.longitude}`}</dd>
            <dt>Site host</dt><dd>{s.host ?? '–'}</dd>
            <dt>Opening hours</dt><dd>{s.openingHours ? `${s.openingHours.regular.length} weekly period(s)` : 'around the clock'}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="site-map">
          <h2 id="site-map">Map position</h2>
          <SitesMap sites={[{ id: s.id, name: s.name, latitude: s.latitude, longitude: s.longitude }]} linked={false} />
        </section>
      </div>
      {can('sites:write') && (
        <section className="panel" aria-labelledby="site-edit">
          <h2 id="site-edit">Edit site</h2>
          {saved && !editing && <p className="result" role="status">Saved.</p>}
          {editing ? (
            <>
              <SiteForm
                label="Edit site" initial={draftOf(s)} submitLabel="Save"
                onSubmit={async (draft) => {
                  const updated = await ok(api.PATCH('/api/v1/sites/{id}', { params: { path: { id } }, body: bodyOf(draft) }));
                  site.setData((current) => (current ? { ...current, ...updated } : current));
                  setEditing(false);
                  setSaved(true);
                }}
              />
              <button type="button" onClick={() => setEditing(false)}>Cancel</button>
            </>
          ) : <button type="button" onClick={() => { setSaved(false); setEditing(true); }}>Edit</button>}
        </section>
      )}
      <section className="panel" aria-labelledby="site-stations-title">
        <h2 id="site-stations-title">Stations at this site</h2>
        {s.stations.length === 0 ? <p className="muted">No station stands here yet.</p> : (
          <table data-testid="site-stations-table">
            <thead><tr><th scope="col">Station</th><th scope="col">Name</th><th scope="col">Link</th><th scope="col">Registration</th></tr></thead>
            <tbody>{s.stations.map((station) => (
              <tr key={station.id}>
                <td><Link to={`/stations/${encodeURIComponent(station.id)}`}>{station.id}</Link></td>
                <td>{station.displayName ?? '–'}</td>
                <td><OnlineBadge online={station.online} /></td>
                <td><StatusBadge status={station.registrationStatus} /></td>
              </tr>
            ))}</tbody>
          </table>
        )}
        {s.stationCount > s.stations.length && <p><Link to={`/stations?siteId=${encodeURIComponent(s.id)}`}>All {s.stationCount} stations of this site</Link></p>}
      </section>
    </section>
  );
}
