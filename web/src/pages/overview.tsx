import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import type { LiveEvent } from '../api/event-stream.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { displayStatus, formatTime, formatWh, type LiveStatus } from '../components/status.js';
import { loadAllStations, loadConnectorStatuses, pooled } from '../live/fleet.js';
import { useLiveEvents } from '../live/live-events.js';
import { SitesMap } from '../map/sites-map.js';

/** Connector statuses are read per station: above this many online stations the overview counts stations only. */
const CONNECTOR_DETAIL_LIMIT = 300;
const ALERT_LIMIT = 50;

type Counts = { online: number; offline: number; Available: number; Charging: number; Faulted: number; Unavailable: number; Occupied: number };
type Alert = { id: string; at: string; stationId: string | null; text: string; severity: 'error' | 'warning' | 'info' };

export function OverviewPage() {
  const { can } = useAuth();
  const [online, setOnline] = useState<Map<string, boolean> | null>(null);
  const [statuses, setStatuses] = useState<Map<string, Map<string, LiveStatus>>>(new Map());
  const [connectorDetail, setConnectorDetail] = useState<'loading' | 'complete' | 'skipped'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [counting, setCounting] = useState(true);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const energy = useEnergyToday();

  useEffect(() => {
    const signal = { cancelled: false };
    // Online and offline stations are listed side by side: the connector details of the online
    // ones (one request each) start as soon as their list is in, not after the whole fleet.
    const merge = (stations: { id: string; online: boolean }[]) => {
      if (!signal.cancelled) setOnline((current) => new Map([...(current ?? []), ...stations.map((s) => [s.id, s.online] as const)]));
    };
    const offline = loadAllStations(signal, false, merge);
    const connectors = (async () => {
      const live = await loadAllStations(signal, true, merge);
      if (signal.cancelled) return;
      if (live.length > CONNECTOR_DETAIL_LIMIT) return setConnectorDetail('skipped');
      const loaded = new Map<string, Map<string, LiveStatus>>();
      await pooled(live, 6, async (s) => { if (!signal.cancelled) loaded.set(s.id, await loadConnectorStatuses(s.id)); });
      if (signal.cancelled) return;
      // Live updates that arrived meanwhile win over the snapshot.
      setStatuses((current) => new Map([...loaded, ...current]));
      setConnectorDetail('complete');
    })();
    Promise.all([offline, connectors]).then(() => { if (!signal.cancelled) setCounting(false); }, (failure: unknown) => setError(failure));
    return () => { signal.cancelled = true; };
  }, []);

  useLiveEvents((event) => {
    const id = event.stationId;
    if (id && (event.type === 'station.connected' || event.type === 'station.disconnected')) {
      setOnline((current) => current && new Map(current).set(id, event.type === 'station.connected'));
    }
    if (id && event.type === 'station.status-changed') {
      const d = event.data as unknown as LiveStatus & { evseId: number; connectorId: number };
      if (d.evseId !== 0) {
        setStatuses((current) => {
          const next = new Map(current);
          const station = new Map(next.get(id) ?? []);
          station.set(`${d.evseId}/${d.connectorId}`, { ...d, reportedAt: event.at });
          return next.set(id, station);
        });
      }
    }
    const alert = alertOf(event);
    if (alert) setAlerts((current) => [alert, ...current].slice(0, ALERT_LIMIT));
  });

  const counts = countOf(online, statuses);
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Network overview</h1>
      <ProblemMessage error={error} />
      <div className="cards" data-testid="counts">
        <Card label="Online" value={online ? counts.online : null} to="/stations?online=true" counting={counting} />
        <Card label="Offline" value={online ? counts.offline : null} to="/stations?online=false" counting={counting} />
        {connectorDetail === 'skipped' ? (
          <p className="muted card-note">Connector counts are shown for networks up to {CONNECTOR_DETAIL_LIMIT} online stations.</p>
        ) : (
          <>
            <Card label="Available" value={connectorDetail === 'complete' ? counts.Available : null} />
            <Card label="Charging" value={connectorDetail === 'complete' ? counts.Charging : null} />
            <Card label="Occupied" value={connectorDetail === 'complete' ? counts.Occupied : null} />
            <Card label="Faulted" value={connectorDetail === 'complete' ? counts.Faulted : null} />
            <Card label="Unavailable" value={connectorDetail === 'complete' ? counts.Unavailable : null} />
          </>
        )}
        <Card label="Energy today" value={energy.wh === null ? null : formatWh(energy.wh)} to="/sessions" />
      </div>
      <ProblemMessage error={energy.error} />
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
          {can('sites:read') ? <SitesMap /> : <p className="muted">Your role does not include sites.</p>}
        </section>
      </div>
    </section>
  );
}

function Card({ label, value, to, counting = false }: { label: string; value: number | string | null; to?: string; counting?: boolean }) {
  const body = (
    <>
      <span className="card-value" data-testid={`count-${label}`} aria-busy={counting}>{value ?? '…'}{counting && value !== null ? '+' : ''}</span>
      <span className="card-label">{label}</span>
    </>
  );
  return to ? <Link className="card" to={to}>{body}</Link> : <div className="card">{body}</div>;
}

function countOf(online: Map<string, boolean> | null, statuses: Map<string, Map<string, LiveStatus>>): Counts {
  const counts: Counts = { online: 0, offline: 0, Available: 0, Charging: 0, Faulted: 0, Unavailable: 0, Occupied: 0 };
  for (const isOnline of online?.values() ?? []) isOnline ? counts.online++ : counts.offline++;
  for (const [stationId, connectors] of statuses) {
    if (online && online.get(stationId) === false) continue;
    for (const status of connectors.values()) {
      const shown = displayStatus(status);
      if (shown === 'Charging') counts.Charging++;
      else if (shown in counts) counts[shown as keyof Counts]++;
      else if (status.occupancy === 'Occupied') counts.Occupied++;
    }
  }
  return counts;
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

/** Energy of the sessions started today (local midnight), refreshed when sessions report. */
function useEnergyToday(): { wh: number | null; error: unknown } {
  const [wh, setWh] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(async () => {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    let total = 0;
    let cursor: string | undefined;
    try {
      do {
        const page = await ok(api.GET('/api/v1/sessions', { params: { query: { from: midnight.toISOString(), limit: 500, ...(cursor ? { cursor } : {}) } } }));
        total += page.items.reduce((sum, s) => sum + Number(s.energyWh), 0);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      setWh(total);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);
  useLiveEvents(() => {
    // Meter values arrive often: one reload per few seconds at most.
    if (timer.current) return;
    timer.current = setTimeout(() => { timer.current = null; void load(); }, 3000);
  }, (event) => event.type.startsWith('session.'));
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  return { wh, error };
}
