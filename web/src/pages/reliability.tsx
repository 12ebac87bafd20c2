import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { BarChart } from '../components/bar-chart.js';
import { formatDuration } from '../components/sla-clock.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';
import '../components/health.css';

type Scope = 'network' | 'site' | 'station' | 'port';
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A local calendar date `days` from today, as YYYY-MM-DD. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const percent = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(2)} %`);
const duration = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : formatDuration(ms));

/** Reliability figures for a port, station, site or the network over a period, by day, and the fault-prone ranking. */
export function ReliabilityPage() {
  const [draft, setDraft] = useState({ scope: 'network' as Scope, id: '', evseId: '', from: localDate(-6), to: localDate(1) });
  const [query, setQuery] = useState(draft);
  const params = {
    scope: query.scope, from: query.from, to: query.to, timeZone: ZONE, buckets: 'day' as const,
    ...(query.scope !== 'network' && query.id ? { id: query.id.trim() } : {}), ...(query.scope === 'port' && query.evseId ? { evseId: Number(query.evseId) } : {}),
  };
  const figures = useAsync(() => ok(api.GET('/api/v1/reliability', { params: { query: params } })), [JSON.stringify(params)]);
  const ranking = useAsync(() => ok(api.GET('/api/v1/reliability/ranking', { params: { query: {
    from: query.from, to: query.to, timeZone: ZONE, limit: 10, ...(query.scope === 'site' && query.id ? { siteId: query.id.trim() } : {}),
  } } })), [query.from, query.to, query.scope, query.id]);
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const f = figures.data?.figures;
  const days = figures.data?.days ?? [];
  return (
    <section aria-labelledby="rel-title">
      <h1 id="rel-title">Reliability</h1>
      <form className="filters form-grid" aria-label="Reliability period and scope" onSubmit={(e) => { e.preventDefault(); setQuery(draft); }}>
        <label>Scope
          <select value={draft.scope} onChange={set('scope')}><option value="network">Network</option><option value="site">Site</option><option value="station">Station</option><option value="port">Port (EVSE)</option></select>
        </label>
        {draft.scope !== 'network' && <label>{draft.scope === 'site' ? 'Site id' : 'Station id'}<input value={draft.id} onChange={set('id')} /></label>}
        {draft.scope === 'port' && <label>EVSE<input inputMode="numeric" value={draft.evseId} onChange={set('evseId')} /></label>}
        <label>From<input type="date" value={draft.from} onChange={set('from')} /></label>
        <label>To (exclusive)<input type="date" value={draft.to} onChange={set('to')} /></label>
        <button type="submit" className="primary">Show</button>
      </form>
      <p className="muted">Days in {ZONE}. Uptime by the NEVI method (23 CFR 680.116(b)): outage minutes including communication loss, excluding maintenance windows and recorded excluded causes.</p>
      {query.to > localDate(0) && <p className="muted">The period includes today, which is not over: its figures are provisional.</p>}
      <UnavailableOr error={figures.error} what="reliability" onRetry={figures.reload} />
      {f && (
        <>
          <div className="figure-row" data-testid="reliability-figures">
            <Figure label="Uptime (NEVI)" value={percent(f.uptimePercent)} testId="uptime" />
            <Figure label={`Charge success (${f.sessions.succeeded}/${f.sessions.attempted - f.sessions.pending})`} value={percent(f.sessions.successPercent)} testId="success" />
            <Figure label="Mean time between failures" value={duration(f.mtbfMs)} testId="mtbf" />
            <Figure label="Mean time to detect" value={duration(f.mttdMs)} testId="mttd" />
            <Figure label={`Mean time to repair (${f.repairSource})`} value={duration(f.mttrMs)} testId="mttr" />
            <Figure label="Failures" value={String(f.failures)} testId="failures" />
            <Figure label="Downtime" value={duration(f.downMs)} testId="down" />
            <Figure label="Excluded (maintenance, causes)" value={duration(f.excludedMs)} testId="excluded" />
            <Figure label="Ports" value={String(f.ports)} testId="ports" />
          </div>
          <div className="columns">
            <section className="panel" aria-labelledby="chart-uptime"><h2 id="chart-uptime">Uptime by day</h2>
              <BarChart label="Uptime" unit="%" max={100} bars={days.map((d) => ({ label: d.date.slice(5), value: d.figures.uptimePercent }))} format={(v) => v.toFixed(1)} />
            </section>
            <section className="panel" aria-labelledby="chart-success"><h2 id="chart-success">Charge success by day</h2>
              <BarChart label="Charge success" unit="%" max={100} bars={days.map((d) => ({ label: d.date.slice(5), value: d.figures.sessions.successPercent }))} format={(v) => v.toFixed(1)} />
            </section>
          </div>
          <section className="panel" aria-labelledby="ports-title">
            <h2 id="ports-title">Ports</h2>
            <table>
              <thead><tr><th scope="col">Station</th><th scope="col">EVSE</th><th scope="col">Uptime</th><th scope="col">Down</th><th scope="col">Excluded</th><th scope="col">Failures</th><th scope="col">Sessions ok / tried</th></tr></thead>
              <tbody>{(figures.data?.ports ?? []).map((p) => (
                <tr key={`${p.stationId}/${p.evseId}`}>
                  <td><Link to={`/stations/${encodeURIComponent(p.stationId)}`}>{p.stationId}</Link></td><td>{p.evseId}</td>
                  <td>{percent(p.uptimePercent)}</td><td>{duration(p.downMs)}</td><td>{duration(p.excludedMs)}</td><td className="num">{p.failures}</td><td>{p.succeeded} / {p.attempted}</td>
                </tr>
              ))}</tbody>
            </table>
            {figures.data?.ports.length === 0 && <p className="muted">{query.scope === 'network' ? 'Per-port figures are listed for a site, a station or a port: choose one above.' : 'No ports in this scope.'}</p>}
          </section>
        </>
      )}
      <section className="panel" aria-labelledby="rank-title">
        <h2 id="rank-title">Fault-prone units and models</h2>
        <UnavailableOr error={ranking.error} what="reliability ranking" onRetry={ranking.reload} />
        {ranking.data && (
          <div className="columns">
            <div>
              <BarChart label="Failures per port by model" unit="failures/port" bars={ranking.data.models.map((m) => ({ label: `${m.vendor ?? '?'} ${m.model ?? '?'}`, value: m.failuresPerPort, note: `(${m.ports} ports, uptime ${percent(m.uptimePercent)})` }))} format={(v) => v.toFixed(2)} />
            </div>
            <div>
              <h3>Stations</h3>
              <table data-testid="ranking-stations">
                <thead><tr><th scope="col">Station</th><th scope="col">Model</th><th scope="col">Failures</th><th scope="col">Down</th><th scope="col">Uptime</th></tr></thead>
                <tbody>{ranking.data.stations.map((s) => (
                  <tr key={s.stationId}><td><Link to={`/stations/${encodeURIComponent(s.stationId)}`}>{s.stationId}</Link></td><td>{[s.vendor, s.model].filter(Boolean).join(' ') || '–'}</td><td className="num">{s.failures}</td><td>{duration(s.downMs)}</td><td>{percent(s.uptimePercent)}</td></tr>
                ))}</tbody>
              </table>
              <h3>Ports</h3>
              <table>
                <thead><tr><th scope="col">Port</th><th scope="col">Failures</th><th scope="col">Down</th><th scope="col">Uptime</th></tr></thead>
                <tbody>{ranking.data.ports.map((p) => (
                  <tr key={`${p.stationId}/${p.evseId}`}><td>{p.stationId} EVSE {p.evseId ?? '–'}</td><td className="num">{p.failures}</td><td>{duration(p.downMs)}</td><td>{percent(p.uptimePercent)}</td></tr>
                ))}</tbody>
              </table>
            </div>
          </div>
        )}
      </section>
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return <div className="figure"><span className="value" data-testid={`figure-${testId}`}>{value}</span><span className="label">{label}</span></div>;
}
