import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { SlaClocks, useNow } from '../components/sla-clock.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useLiveEvents } from '../live/live-events.js';
import { IncidentActions } from './incidents-actions.js';
import { KbExplanationView } from './station-health.js';
import { kbOf, severityClass, STATUS_LABELS } from './incidents-model.js';
import '../components/health.css';

/** One incident: alerts, timeline, knowledge base explanation, SLA clocks, playbook runs, transitions. */
export function IncidentPage() {
  const id = useParams()['id'] ?? '';
  const { can } = useAuth();
  const detail = useAsync(() => ok(api.GET('/api/v1/incidents/{id}', { params: { path: { id } } })), [id]);
  const rules = useAsync(() => ok(api.GET('/api/v1/health/rules')), []);
  const runs = useAsync(() => ok(api.GET('/api/v1/playbooks/runs', { params: { query: { limit: 20, incidentId: id } } })), [id]);
  const orders = useAsync(() => ok(api.GET('/api/v1/work-orders', { params: { query: { limit: 20, incidentId: id } } })), [id]);
  const now = useNow();
  useLiveEvents(() => { detail.reload(); runs.reload(); orders.reload(); }, (event) => event.data['incidentId'] === id);

  if (detail.error && !detail.data) return <><h1>Incident</h1><ProblemMessage error={detail.error} onRetry={detail.reload} /></>;
  const incident = detail.data;
  if (!incident) return <p className="loading" role="status">Loading incident…</p>;
  const kb = kbOf(incident.kb);
  return (
    <section aria-labelledby="incident-title">
      <p><Link to="/incidents">← Incidents</Link></p>
      <h1 id="incident-title">{incident.title}</h1>
      <dl className="facts">
        <dt>Status</dt><dd data-testid="incident-status">{STATUS_LABELS[incident.status]}{incident.resolvedBy ? ` (by ${incident.resolvedBy})` : ''}</dd>
        <dt>Severity</dt><dd className={severityClass(incident.severity)}>{incident.severity}</dd>
        <dt>Station</dt><dd><Link to={`/stations/${encodeURIComponent(incident.stationId)}`}>{incident.stationId}</Link>{incident.evseId !== null ? ` · EVSE ${incident.evseId}` : ''}{incident.connectorId ? ` · connector ${incident.connectorId}` : ''}</dd>
        <dt>Rule / code</dt><dd>{incident.rule}{incident.code ? <> · <code>{incident.code}</code></> : null}</dd>
        <dt>Fault since</dt><dd>{formatTime(incident.detectedAt)} (opened {formatTime(incident.openedAt)})</dd>
        {incident.resolution && <><dt>Resolution</dt><dd>{incident.resolution}</dd></>}
      </dl>
      <section className="panel" aria-labelledby="sla-title">
        <h2 id="sla-title">SLA clocks</h2>
        <SlaClocks incident={incident} sla={rules.data?.sla ?? null} now={now} all />
        <ProblemMessage error={rules.error} />
      </section>
      {can('health:write') && <section className="panel" aria-labelledby="act-title"><h2 id="act-title">Work this incident</h2><IncidentActions incident={incident} onChanged={() => detail.reload()} /></section>}
      <section className="panel" aria-labelledby="kb-title">
        <h2 id="kb-title">Knowledge base</h2>
        {kb ? <KbExplanationView kb={kb} /> : <p className="muted">No knowledge base entry explains {incident.code ? <code>{incident.code}</code> : 'this fault'}. {incident.code && <Link to={`/knowledge-base/new?errorCode=${encodeURIComponent(incident.code)}`}>Add one</Link>}</p>}
      </section>
      <div className="columns">
        <section className="panel" aria-labelledby="alerts-title">
          <h2 id="alerts-title">Alerts</h2>
          <ul className="feed">{incident.alerts.map((a) => (
            <li key={a.id}><time dateTime={a.raisedAt}>{formatTime(a.raisedAt)}</time> {a.rule}{a.code ? ` (${a.code})` : ''} · <span className={severityClass(a.severity)}>{a.severity}</span> · {a.clearedAt ? `cleared ${formatTime(a.clearedAt)}` : 'active'}</li>
          ))}</ul>
        </section>
        <section className="panel" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <ul className="feed" data-testid="timeline">{incident.timeline.map((t) => (
            <li key={t.id}><time dateTime={t.at}>{formatTime(t.at)}</time> {t.kind === 'status' ? `${String(t.detail['from'])} → ${String(t.detail['to'])}` : t.kind} by {t.actor}{typeof t.detail['note'] === 'string' ? `: ${t.detail['note']}` : ''}</li>
          ))}</ul>
        </section>
      </div>
      <div className="columns">
        <section className="panel" aria-labelledby="runs-title">
          <h2 id="runs-title">Playbook runs</h2>
          <ProblemMessage error={runs.error} />
          {runs.data?.items.length === 0 && <p className="muted">No playbook ran for this incident.</p>}
          <ul className="feed">{(runs.data?.items ?? []).map((r) => (
            <li key={r.id}><time dateTime={r.startedAt}>{formatTime(r.startedAt)}</time> {r.status}{r.reason ? ` (${r.reason})` : ''}: {r.steps.map((s) => `${s.action} → ${s.outcome}`).join(', ') || 'no step yet'}</li>
          ))}</ul>
        </section>
        <section className="panel" aria-labelledby="wo-title">
          <h2 id="wo-title">Work orders</h2>
          <ProblemMessage error={orders.error} />
          {orders.data?.items.length === 0 && <p className="muted">No work order.</p>}
          <ul className="feed">{(orders.data?.items ?? []).map((w) => <li key={w.id}><Link to={`/work-orders/${encodeURIComponent(w.id)}`}>{w.title}</Link> · {w.status}</li>)}</ul>
        </section>
      </div>
    </section>
  );
}
