import { useCallback, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.js';
import type { StationDetail } from '../api/types.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { OnlineBadge, StatusBadge, displayStatus, formatTime, formatWh, type LiveStatus } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useLiveEvents } from '../live/live-events.js';
import { MeterCharts } from './meter-charts.js';
import { SendCommand } from './send-command.js';
import { StationActions } from './station-actions.js';
import { StationHealth } from './station-health.js';

export function StationPage() {
  const id = useParams()['id'] ?? '';
  const { can } = useAuth();
  const path = { path: { id } };
  const detail = useAsync(() => ok(api.GET('/api/v1/stations/{id}', { params: path })), [id]);
  const sessions = useAsync(() => ok(api.GET('/api/v1/sessions', { params: { query: { stationId: id, limit: 20 } } })), [id]);
  const active = sessions.data?.items.find((s) => s.status === 'active') ?? null;
  const activeDetail = useAsync(async () => (active ? ok(api.GET('/api/v1/sessions/{id}', { params: { path: { id: active.id } } })) : null), [active?.id]);
  const events = useAsync(() => ok(api.GET('/api/v1/stations/{id}/events', { params: { ...path, query: { limit: 30 } } })), [id]);
  const connections = useAsync(() => ok(api.GET('/api/v1/stations/{id}/connections', { params: { ...path, query: { limit: 20 } } })), [id]);
  const commands = useAsync(() => ok(api.GET('/api/v1/stations/{id}/commands', { params: { ...path, query: { limit: 20 } } })), [id]);

  // Session reports can come several a second: refresh at most once per 500 ms.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSessions = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => { pending.current = null; sessions.reload(); activeDetail.reload(); }, 500);
  }, [sessions, activeDetail]);

  useLiveEvents((event) => {
    if (event.type === 'station.status-changed') {
      const d = event.data as unknown as LiveStatus & { evseId: number; connectorId: number };
      detail.setData((current) => current && applyStatus(current, d.evseId, d.connectorId, { ...d, reportedAt: event.at }));
      events.reload();
    } else if (event.type.startsWith('station.')) {
      detail.reload();
      connections.reload();
      events.reload();
    } else if (event.type.startsWith('session.')) {
      refreshSessions();
    } else if (event.type.startsWith('command.') || event.type.startsWith('remote-')) {
      commands.reload();
    }
  }, (event) => event.stationId === id);

  if (detail.error && !detail.data) return <><h1>Station {id}</h1><ProblemMessage error={detail.error} onRetry={detail.reload} /></>;
  const station = detail.data;
  if (!station) return <p className="loading" role="status">Loading station {id}…</p>;

  return (
    <section aria-labelledby="station-title" className="station">
      <p><Link to="/stations">← Stations</Link></p>
      <h1 id="station-title">{station.displayName ? `${station.displayName} (${station.id})` : station.id} <OnlineBadge online={station.online} /></h1>
      <p className="muted">
        {station.ocppVersion ?? 'protocol unknown'} · {[station.vendor, station.model].filter(Boolean).join(' ') || 'vendor unknown'}
        {station.firmwareVersion ? ` · firmware ${station.firmwareVersion}` : ''} · registration {station.registrationStatus} · last seen {formatTime(station.lastSeenAt)}
      </p>
      {!station.online && <p className="banner-inline" role="status">This station is offline: commands will fail until it reconnects.</p>}

      <section aria-labelledby="connectors-title" className="panel">
        <h2 id="connectors-title">EVSEs and connectors</h2>
        <table>
          <thead><tr><th scope="col">EVSE</th><th scope="col">Connector</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Error</th><th scope="col">Since</th></tr></thead>
          <tbody>
            {station.evses.flatMap((evse) => evse.connectors.map((c) => {
              const status = c.status ?? evse.status;
              const shown = displayStatus(status);
              return (
                <tr key={`${evse.evseId}/${c.connectorId}`} data-testid={`connector-${evse.evseId}-${c.connectorId}`}>
                  <td>{evse.evseId}</td><td>{c.connectorId}</td><td>{c.type ?? '–'}</td>
                  <td><StatusBadge status={shown} /></td>
                  <td>{status?.errorCode && status.errorCode !== 'NoError' ? status.errorCode : ''}</td>
                  <td>{formatTime(status?.reportedAt)}</td>
                </tr>
              );
            }))}
          </tbody>
        </table>
        {station.evses.length === 0 && <p className="muted">No EVSE reported yet.</p>}
      </section>

      <StationHealth station={station} />

      <section aria-labelledby="session-title" className="panel">
        <h2 id="session-title">Running session</h2>
        {active ? (
          <div data-testid="active-session">
            <p>
              <Link to={`/sessions/${active.id}`}>Session {active.transactionId}</Link> on EVSE {active.evseId} · token {active.idToken ?? '–'} ·
              started {formatTime(active.startedAt)} · <strong>{formatWh(active.energyWh)}</strong> · {active.chargingState ?? ''}
            </p>
            {activeDetail.data && <MeterCharts detail={activeDetail.data} />}
          </div>
        ) : <p className="muted" data-testid="no-active-session">No session is running.</p>}
      </section>

      <section aria-labelledby="actions-title" className="panel">
        <h2 id="actions-title">Actions</h2>
        <StationActions station={station} activeSessionId={active?.id ?? null} canSend={can('commands:send')} onDone={() => commands.reload()} />
      </section>

      {can('commands:send') && (
        <section aria-labelledby="any-title" className="panel">
          <h2 id="any-title">Send any OCPP command</h2>
          <SendCommand stationId={station.id} ocppVersion={station.ocppVersion} />
        </section>
      )}

      <div className="columns">
        <section aria-labelledby="history-title" className="panel">
          <h2 id="history-title">Session history</h2>
          <ProblemMessage error={sessions.error} />
          <table>
            <thead><tr><th scope="col">Started</th><th scope="col">Status</th><th scope="col">Energy</th><th scope="col">Token</th></tr></thead>
            <tbody>{(sessions.data?.items ?? []).map((s) => (
              <tr key={s.id}><td><Link to={`/sessions/${s.id}`}>{formatTime(s.startedAt)}</Link></td><td>{s.status}</td><td>{formatWh(s.energyWh)}</td><td>{s.idToken ?? '–'}</td></tr>
            ))}</tbody>
          </table>
          {sessions.data?.items.length === 0 && <p className="muted">No sessions yet.</p>}
          <Link to={`/sessions?stationId=${encodeURIComponent(station.id)}`}>All sessions of this station</Link>
        </section>
        <section aria-labelledby="commands-title" className="panel">
          <h2 id="commands-title">Commands</h2>
          <ProblemMessage error={commands.error} />
          {commands.data?.items.length === 0 && <p className="muted">No commands sent yet.</p>}
          <ul className="feed" data-testid="commands">{(commands.data?.items ?? []).map((c) => (
            <li key={c.id}><time dateTime={c.sentAt}>{formatTime(c.sentAt)}</time> {c.action}: {c.outcome ?? 'waiting'}</li>
          ))}</ul>
        </section>
      </div>
      <div className="columns">
        <section aria-labelledby="events-title" className="panel">
          <h2 id="events-title">Events and errors</h2>
          <ProblemMessage error={events.error} />
          {events.data?.items.length === 0 && <p className="muted">No events recorded yet.</p>}
          <ul className="feed">{(events.data?.items ?? []).map((e) => (
            <li key={e.id}><time dateTime={e.receivedAt}>{formatTime(e.receivedAt)}</time> {e.kind} <code>{summary(e.payload)}</code></li>
          ))}</ul>
        </section>
        <section aria-labelledby="connections-title" className="panel">
          <h2 id="connections-title">Connection history</h2>
          <ProblemMessage error={connections.error} />
          {connections.data?.items.length === 0 && <p className="muted">Never connected.</p>}
          <ul className="feed">{(connections.data?.items ?? []).map((c) => (
            <li key={c.id}><time dateTime={c.at}>{formatTime(c.at)}</time> {c.kind}{c.reason ? ` (${c.reason})` : ''}{c.remoteAddress ? ` from ${c.remoteAddress}` : ''}</li>
          ))}</ul>
        </section>
      </div>
    </section>
  );
}

function applyStatus(station: StationDetail, evseId: number, connectorId: number, status: LiveStatus): StationDetail {
  const view = { ...status, errorCode: status.errorCode ?? null, vendorErrorCode: null, info: status.info ?? null };
  if (evseId === 0) return { ...station, stationStatus: view };
  const evses = station.evses.some((e) => e.evseId === evseId) ? station.evses : [...station.evses, { evseId, status: null, connectors: [] }];
  return {
    ...station,
    evses: evses.map((evse) => {
      if (evse.evseId !== evseId) return evse;
      if (connectorId === 0) return { ...evse, status: view };
      const known = evse.connectors.some((c) => c.connectorId === connectorId);
      const connectors = known ? evse.connectors : [...evse.connectors, { connectorId, type: null, maxPowerW: null, phases: null, declared: false, status: null }];
      return { ...evse, connectors: connectors.map((c) => (c.connectorId === connectorId ? { ...c, status: view } : c)) };
    }),
  };
}

function summary(payload: unknown): string {
  const text = JSON.stringify(payload);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
