import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { formatTime } from '../components/status.js';
import { isBreached, SlaClocks, useNow, type SlaSettings } from '../components/sla-clock.js';
import { useAsync } from '../components/use-async.js';
import { useLiveEvents } from '../live/live-events.js';
import { UnavailableOr } from './not-yet.js';
import { IncidentActions } from './incidents-actions.js';
import { isIncidentEvent, kbOf, severityClass, STATUS_LABELS, upsertIncident, WORKING, type Incident } from './incidents-model.js';
import '../components/health.css';

const DAY = 86_400_000;

/** Incidents by state, live from incident.* events, with SLA clocks and the automation share. */
export function IncidentsPage() {
  const { can } = useAuth();
  const [severity, setSeverity] = useState('');
  const [closed, setClosed] = useState<'' | 'resolved' | 'auto-resolved' | 'resolved,auto-resolved'>('');
  const query = severity ? { severity: severity as Incident['severity'] } : {};
  const working = useAsync(() => ok(api.GET('/api/v1/incidents', { params: { query: { limit: 200, status: 'working', ...query } } })).then((p) => p.items), [severity]);
  const done = useAsync(async () => (closed ? (await ok(api.GET('/api/v1/incidents', { params: { query: { limit: 50, status: closed, ...query } } }))).items : []), [closed, severity]);
  const rules = useAsync(() => ok(api.GET('/api/v1/health/rules')), []);
  const [period] = useState(() => ({ from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() }));
  const stats = useAsync(() => ok(api.GET('/api/v1/playbooks/stats', { params: { query: period } })), [period]);
  const now = useNow();
  const sla: SlaSettings | null = rules.data?.sla ?? null;

  const put = useCallback((incident: Incident) => {
    const isWorking = WORKING.includes(incident.status);
    working.setData((list) => (isWorking ? upsertIncident(list ?? [], incident) : (list ?? []).filter((i) => i.id !== incident.id)));
    done.setData((list) => (!isWorking && closed.split(',').includes(incident.status) ? upsertIncident(list ?? [], incident) : (list ?? []).filter((i) => i.id !== incident.id)));
  }, [working, done, closed]);

  // One fetch per changed incident: the event says which, the API says what it is now. Events of a
  // burst (a site going dark, a replay after a reconnect) are gathered for 300 ms, each incident fetched once.
  const pending = useRef(new Set<string>());
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const statsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = () => {
    flushTimer.current = null;
    const ids = [...pending.current];
    pending.current.clear();
    for (const id of ids) {
      void ok(api.GET('/api/v1/incidents/{id}', { params: { path: { id } } })).then((incident) => {
        if (!severity || incident.severity === severity) put(incident);
      }, () => working.reload());
    }
  };
  useLiveEvents((event) => {
    const id = event.data['incidentId'];
    if (typeof id !== 'string') return;
    pending.current.add(id);
    flushTimer.current ??= setTimeout(flush, 300);
    if (event.type === 'incident.resolved' && !statsTimer.current) {
      statsTimer.current = setTimeout(() => { statsTimer.current = null; stats.reload(); }, 2000);
    }
  }, (event) => isIncidentEvent(event.type));
  useEffect(() => () => { if (flushTimer.current) clearTimeout(flushTimer.current); if (statsTimer.current) clearTimeout(statsTimer.current); }, []);

  const list = working.data ?? [];
  const breached = sla ? list.filter((i) => isBreached(i, sla, now)).length : 0;
  const share = stats.data?.resolvedWithoutPersonShare;
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      <p className="actions-row"><Link to="/incidents/settings">Detection rules and SLA clocks</Link> <Link to="/incidents/playbooks">Self-healing playbooks</Link></p>
      <div className="figure-row">
        <div className="figure"><span className="value" data-testid="working-count">{list.length}</span><span className="label">working incidents</span></div>
        <div className="figure"><span className="value" data-testid="breached-count">{breached}</span><span className="label">with an SLA breach</span></div>
        <div className="figure">
          <span className="value" data-testid="automation-share">{share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`}</span>
          <span className="label">resolved without a person (30 days{stats.data ? `, ${stats.data.resolvedByAutomation} of ${stats.data.incidents} handled by playbooks` : ''})</span>
        </div>
      </div>
      <form className="filters form-grid" aria-label="Incident filters" onSubmit={(e) => e.preventDefault()}>
        <label>Severity
          <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">All</option><option value="critical">Critical</option><option value="major">Major</option><option value="minor">Minor</option><option value="info">Info</option>
          </select>
        </label>
        <label>Closed incidents
          <select value={closed} onChange={(e) => setClosed(e.target.value as typeof closed)}>
            <option value="">Hidden</option><option value="resolved,auto-resolved">Resolved and auto-resolved</option><option value="resolved">Resolved by a person</option><option value="auto-resolved">Auto-resolved</option>
          </select>
        </label>
      </form>
      <UnavailableOr error={working.error} what="incidents" onRetry={working.reload} />
      <UnavailableOr error={rules.error} what="health rules" onRetry={rules.reload} />
      <div className="board" data-testid="incident-board">
        {WORKING.map((status) => {
          const column = list.filter((i) => i.status === status);
          return (
            <section key={status} className="board-column" aria-labelledby={`col-${status}`} data-testid={`column-${status}`}>
              <h2 id={`col-${status}`}>{STATUS_LABELS[status]} <span className="muted">{column.length}</span></h2>
              {column.length === 0 && <p className="muted">None.</p>}
              <ol>{column.map((incident) => <li key={incident.id}><IncidentCard incident={incident} sla={sla} now={now} canWrite={can('health:write')} onChanged={put} /></li>)}</ol>
            </section>
          );
        })}
      </div>
      {closed && (
        <section className="panel" aria-labelledby="closed-title">
          <h2 id="closed-title">Closed incidents</h2>
          <UnavailableOr error={done.error} what="incidents" onRetry={done.reload} />
          <table>
            <thead><tr><th scope="col">Incident</th><th scope="col">Station</th><th scope="col">Status</th><th scope="col">Opened</th><th scope="col">Resolved</th><th scope="col">By</th><th scope="col">Resolution</th></tr></thead>
            <tbody>{(done.data ?? []).map((i) => (
              <tr key={i.id}>
                <td><Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.title}</Link></td>
                <td><Link to={`/stations/${encodeURIComponent(i.stationId)}`}>{i.stationId}</Link></td>
                <td>{STATUS_LABELS[i.status]}</td><td>{formatTime(i.openedAt)}</td><td>{formatTime(i.resolvedAt)}</td>
                <td>{i.resolvedBy ?? '–'}</td><td>{i.resolution ?? ''}</td>
              </tr>
            ))}</tbody>
          </table>
          {done.data?.length === 0 && <p className="muted">No closed incidents.</p>}
        </section>
      )}
    </section>
  );
}

function IncidentCard({ incident, sla, now, canWrite, onChanged }: { incident: Incident; sla: SlaSettings | null; now: number; canWrite: boolean; onChanged(i: Incident): void }) {
  const kb = kbOf(incident.kb);
  const breached = sla ? isBreached(incident, sla, now) : false;
  return (
    <article className={`incident-card sev-${incident.severity}${breached ? ' breached' : ''}`} aria-labelledby={`inc-${incident.id}`} data-testid={`incident-${incident.stationId}`}>
      <h3 id={`inc-${incident.id}`}><Link to={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</Link></h3>
      <p>
        <span className={severityClass(incident.severity)}>{incident.severity}</span>{' · '}
        <Link to={`/stations/${encodeURIComponent(incident.stationId)}`}>{incident.stationId}</Link>
        {incident.code ? <> · <code>{incident.code}</code></> : null}
        {breached && <strong className="sev-text-critical"> · SLA breached</strong>}
      </p>
      <p className="muted">Since <time dateTime={incident.detectedAt}>{formatTime(incident.detectedAt)}</time></p>
      {kb && <p className="kb-short">{kb.meaning}</p>}
      <SlaClocks incident={incident} sla={sla} now={now} />
      {canWrite && <IncidentActions incident={incident} onChanged={onChanged} />}
    </article>
  );
}
