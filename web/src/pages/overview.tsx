import { useState } from 'react';
import { Link } from 'react-router';
import type { LiveEvent } from '../api/event-stream.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime, formatWh } from '../components/status.js';
import { useLiveEvents } from '../live/live-events.js';
import { useNetworkCounts } from '../live/use-network-counts.js';
import { SitesMap } from '../map/sites-map.js';

const ALERT_LIMIT = 50;

type Alert = { id: string; at: string; stationId: string | null; text: string; severity: 'error' | 'warning' | 'info' };

export function OverviewPage() {
  const { can } = useAuth();
  const { counts, error, reload } = useNetworkCounts();
  const [alerts, setAlerts] = useState<Alert[]>([]);

  useLiveEvents((event) => {
    const alert = alertOf(event);
    if (alert) setAlerts((current) => [alert, ...current].slice(0, ALERT_LIMIT));
  });

  const summary = counts?.summary ?? null;
  const c = summary?.connectors ?? null;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Network overview</h1>
      <ProblemMessage error={error} onRetry={reload} />
      <div className="cards" data-testid="counts" aria-busy={summary === null}>
        <Card label="Online" value={summary?.stations.online ?? null} to="/stations?online=true" />
        <Card label="Offline" value={summary?.stations.offline ?? null} to="/stations?online=false" />
        <Card label="Available" value={c?.available ?? null} />
        <Card label="Charging" value={c?.charging ?? null} />
        <Card label="Occupied" value={c?.occupied ?? null} />
        <Card label="Faulted" value={c?.faulted ?? null} />
        <Card label="Unavailable" value={c?.unavailable ?? null} />
        {(c?.reserved ?? 0) > 0 && <Card label="Reserved" value={c!.reserved} />}
        <Card label="Energy today" value={summary ? formatWh(summary.energyToday.energyWh) : null} to="/sessions" />
      </div>
      <p className="muted card-note">Connector counts are of online stations. {summary && `${summary.stations.total} ${summary.stations.total === 1 ? 'station' : 'stations'} in all.`}</p>
      <div className="columns">
        <section aria-labelledby="alerts-title" className="panel">
          <h2 id="alerts-title">Live alerts</h2>
          {alerts.length === 0 ? <p className="muted">No alerts since this page opened.</p> : (
            <ul className="feed" aria-live="polite" data-testid="alerts">
              {alerts.map((a) => (
                <li key={a.id} className={`alert-${a.severity}`}>
                  <time dateTime={a.at}>{formatTime(a.at)}</time>{' '}
                  {a.stationId && <Link to={`/stations/${encodeURIComponent(a.stationId)}`}>{a.stationId}</Link>} {a.text}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="map-title" className="panel">
          <h2 id="map-title">Sites</h2>
          <SitesMap sites={summary?.sites ?? null} linked={can('sites:read')} />
        </section>
      </div>
    </section>
  );
}

function Card({ label, value, to }: { label: string; value: number | string | null; to?: string }) {
  const body = (
    <>
      <span className="card-value" data-testid={`count-${label}`}>{value ?? '…'}</span>
      <span className="card-label">{label}</span>
    </>
  );
  return to ? <Link className="card" to={to}>{body}</Link> : <div className="card">{body}</div>;
}

/** Which live events are worth an operator's attention. */
export function alertOf(event: LiveEvent): Alert | null {
  const base = { id: event.id || `${event.type}-${event.at}`, at: event.at, stationId: event.stationId };
  const d = event.data;
  if (event.type === 'station.disconnected') return { ...base, severity: 'warning', text: `went offline${d['reason'] ? ` (${String(d['reason'])})` : ''}` };
  if (event.type === 'station.connected') return { ...base, severity: 'info', text: 'came online' };
  if (event.type === 'station.status-changed') {
    const error = typeof d['errorCode'] === 'string' && d['errorCode'] !== 'NoError' ? String(d['errorCode']) : null;
    if (d['occupancy'] === 'Faulted' || error) return { ...base, severity: 'error', text: `connector ${String(d['evseId'])}/${String(d['connectorId'])} faulted${error ? `: ${error}` : ''}` };
    if (d['occupancy'] === 'Unavailable') return { ...base, severity: 'warning', text: `connector ${String(d['evseId'])}/${String(d['connectorId'])} unavailable` };
  }
  if (event.type === 'station.booted' && d['registrationStatus'] !== 'Accepted') return { ...base, severity: 'warning', text: `boot ${String(d['registrationStatus'])}` };
  if (event.type === 'command.answered' && d['outcome'] !== 'result') return { ...base, severity: 'error', text: `${String(d['action'])} failed: ${String(d['outcome'])}` };
  return null;
}
