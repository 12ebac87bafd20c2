// A site's energy management page (/sites/{id}/energy): the live view, the topology editor, the
// grid signals and the site readings, on the smart-charging API (energy:read / energy:write).
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { ApiProblem } from '../api/problem.js';
import { useAuth } from '../auth/auth-context.js';
import '../components/dashboard-extra.css';
import { ProblemMessage } from '../components/problem-message.js';
import { useAsync } from '../components/use-async.js';
import { GridSignals, SiteReadings } from './site-energy-inputs.js';
import { EnergyLive } from './site-energy-live.js';
import { TopologyEditor, type EnergyConfig } from './site-energy-topology.js';

export function SiteEnergyPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const canWrite = can('energy:write');
  const site = useAsync(() => ok(api.GET('/api/v1/sites/{id}', { params: { path: { id } } })), [id]);
  // No configuration yet is a 404 (energy_config_not_found): the editor starts from a grid connection.
  const config = useAsync(async () => {
    try { return await ok(api.GET('/api/v1/sites/{id}/energy', { params: { path: { id } } })); } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) return null;
      throw error;
    }
  }, [id]);
  // The editor is mounted once the first answer is in, and stays (with what was typed) across reloads.
  const loadedOnce = useRef(false);
  if (!config.loading || config.data) loadedOnce.current = true;
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const stationIds = site.data?.stations.map((s) => s.id) ?? [];
  const c = config.data as (EnergyConfig & { readings: Record<string, unknown> | null; readingsAt: string | null; updatedAt: string }) | null;
  const circuitIds = c?.circuits.map((x) => x.id) ?? [];
  return (
    <section aria-labelledby="energy-title">
      <p><Link to={`/sites/${encodeURIComponent(id)}`}>Back to {site.data?.name ?? 'the site'}</Link></p>
      <h1 id="energy-title">Energy management{site.data ? `: ${site.data.name}` : ''}</h1>
      <ProblemMessage error={site.error ?? config.error} onRetry={() => { site.reload(); config.reload(); }} />
      {!loadedOnce.current && !config.error ? <p className="loading" role="status">Loading energy configuration…</p> : (
        <>
          {c ? <EnergyLive siteId={id} stationIds={stationIds} /> : <p className="muted" role="status">This site has no load management yet: describe its grid connection, circuits and EVSEs below.</p>}
          <section className="panel" aria-labelledby="topology-title">
            <h2 id="topology-title">Topology and strategy</h2>
            {savedAt && <p className="result" role="status">Topology saved at {savedAt}; the site is re-allocated.</p>}
            <TopologyEditor siteId={id} config={c} stationIds={stationIds} canWrite={canWrite} onSaved={() => { setSavedAt(new Date().toLocaleTimeString()); config.reload(); }} />
          </section>
          {c && <GridSignals siteId={id} circuitIds={circuitIds} canWrite={canWrite} onChanged={config.reload} />}
          {c && <SiteReadings key={c.readingsAt ?? 'none'} siteId={id} readings={c.readings as never} readingsAt={c.readingsAt} circuitIds={circuitIds} canWrite={canWrite} onSaved={config.reload} />}
          <p><Link to="/profiles">Charging profile library</Link></p>
        </>
      )}
    </section>
  );
}
