import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime, formatWh } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useLiveEvents } from '../live/live-events.js';
import { MeterCharts } from './meter-charts.js';

export function SessionPage() {
  const id = useParams()['id'] ?? '';
  const detail = useAsync(() => ok(api.GET('/api/v1/sessions/{id}', { params: { path: { id } } })), [id]);
  useLiveEvents(() => detail.reload(), (event) => event.type.startsWith('session.') && (event.data as { sessionId?: string }).sessionId === id);
  if (detail.error && !detail.data) return <><h1>Session</h1><ProblemMessage error={detail.error} onRetry={detail.reload} /></>;
  const data = detail.data;
  if (!data) return <p className="loading" role="status">Loading session…</p>;
  const s = data.session;
  return (
    <section aria-labelledby="session-title">
      <p><Link to="/sessions">← Sessions</Link></p>
      <h1 id="session-title">Session {s.transactionId}</h1>
      <dl className="facts">
        <dt>Station</dt><dd><Link to={`/stations/${encodeURIComponent(s.stationId)}`}>{s.stationId}</Link> EVSE {s.evseId}{s.connectorId ? ` connector ${s.connectorId}` : ''}</dd>
        <dt>Status</dt><dd>{s.status}{s.chargingState ? ` (${s.chargingState})` : ''}{s.stoppedReason ? `, stopped: ${s.stoppedReason}` : ''}</dd>
        <dt>Energy</dt><dd>{formatWh(s.energyWh)}</dd>
        <dt>Token</dt><dd>{s.idToken ?? '–'} {s.authorizationStatus ? `(${s.authorizationStatus})` : ''}</dd>
        <dt>Started</dt><dd>{formatTime(s.startedAt)}</dd>
        <dt>Ended</dt><dd>{formatTime(s.endedAt)}</dd>
        <dt>Protocol</dt><dd>{s.ocppVersion}</dd>
      </dl>
      {data.anomalies.length > 0 && (
        <div className="problem" role="note"><strong>Anomalies</strong><ul>{data.anomalies.map((a, i) => <li key={i}>{a.kind}: {a.detail}</li>)}</ul></div>
      )}
      <section className="panel" aria-labelledby="meter-title"><h2 id="meter-title">Meter values</h2><MeterCharts detail={data} /></section>
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ol className="timeline">
          {[...data.events.map((e) => ({ at: e.occurredAt, text: `${e.kind}${e.triggerReason ? ` (${e.triggerReason})` : ''}${e.offline ? ', sent offline' : ''}` })),
            ...data.commands.map((c) => ({ at: c.sentAt, text: `${c.action} sent: ${c.outcome ?? 'waiting'}` }))]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((item, i) => <li key={i}><time dateTime={item.at}>{formatTime(item.at)}</time> {item.text}</li>)}
        </ol>
      </section>
    </section>
  );
}
