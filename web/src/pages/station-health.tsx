import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import type { StationDetail } from '../api/types.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { SlaClocks, useNow } from '../components/sla-clock.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useLiveEvents } from '../live/live-events.js';
import { kbOf, severityClass, STATUS_LABELS, type KbExplanation } from './incidents-model.js';
import '../components/health.css';

type Fault = { errorCode: string | null; vendorErrorCode: string | null; reportedAt: string };

/** The newest error a station reported on any of its status rows (NoError is not an error). */
export function lastFault(station: StationDetail): Fault | null {
  const rows = [station.stationStatus, ...station.evses.flatMap((e) => [e.status, ...e.connectors.map((c) => c.status)])];
  let last: Fault | null = null;
  for (const row of rows) {
    if (!row) continue;
    const errorCode = row.errorCode && row.errorCode !== 'NoError' ? row.errorCode : null;
    const vendorErrorCode = row.vendorErrorCode ?? null;
    if (!errorCode && !vendorErrorCode) continue;
    if (!last || row.reportedAt > last.reportedAt) last = { errorCode, vendorErrorCode, reportedAt: row.reportedAt };
  }
  return last;
}

/** Health of one station on its page: alerts, working incident, recent detections, KB explanation, playbook runs. */
export function StationHealth({ station }: { station: StationDetail }) {
  const { can } = useAuth();
  if (!can('health:read')) return null;
  return <StationHealthPanel station={station} />;
}

function StationHealthPanel({ station }: { station: StationDetail }) {
  const id = station.id;
  const health = useAsync(() => ok(api.GET('/api/v1/stations/{id}/health', { params: { path: { id } } })), [id]);
  const recent = useAsync(() => ok(api.GET('/api/v1/incidents', { params: { query: { limit: 8, stationId: id } } })), [id]);
  const runs = useAsync(() => ok(api.GET('/api/v1/playbooks/runs', { params: { query: { limit: 8, stationId: id } } })), [id]);
  const rules = useAsync(() => ok(api.GET('/api/v1/health/rules')), []);
  const fault = lastFault(station);
  const faultKey = fault ? `${fault.errorCode}|${fault.vendorErrorCode}` : '';
  const explained = useAsync(async () => {
    if (!fault) return null;
    const ocppVersion = station.ocppVersion?.startsWith('ocpp') ? station.ocppVersion : `ocpp${station.ocppVersion ?? '1.6'}`;
    const query = {
      ocppVersion,
      ...(station.vendor ? { vendor: station.vendor } : {}), ...(station.model ? { model: station.model } : {}),
      ...(station.firmwareVersion ? { firmware: station.firmwareVersion } : {}),
      ...(fault.errorCode ? { errorCode: fault.errorCode } : {}), ...(fault.vendorErrorCode ? { vendorErrorCode: fault.vendorErrorCode } : {}),
    };
    return (await ok(api.GET('/api/v1/knowledge-base/explain', { params: { query } }))).explanation;
  }, [id, faultKey, station.vendor, station.model]);
  const now = useNow();
  useLiveEvents((event) => {
    if (event.type.startsWith('incident.') || event.type.startsWith('health.')) { health.reload(); recent.reload(); }
    if (event.type.startsWith('incident.') || event.type.startsWith('playbook')) runs.reload();
  }, (event) => event.stationId === id && (event.type.startsWith('incident.') || event.type.startsWith('health.') || event.type.startsWith('playbook')));

  const open = health.data?.incidents[0] ?? null;
  // The explanation of the last reported code, else the one saved on the newest incident.
  const kb: KbExplanation | null = explained.data ?? kbOf(open?.kb) ?? kbOf(recent.data?.items.find((i) => kbOf(i.kb))?.kb);
  return (
    <section aria-labelledby="health-title" className="panel" data-testid="station-health">
      <h2 id="health-title">Health</h2>
      <ProblemMessage error={health.error} onRetry={health.reload} />
      <div className="columns">
        <div>
          <h3>Working incident</h3>
          {open ? (
            <div data-testid="open-incident">
              <p><Link to={`/incidents/${encodeURIComponent(open.id)}`}>{open.title}</Link> · <span className={severityClass(open.severity)}>{open.severity}</span> · {STATUS_LABELS[open.status]}</p>
              <SlaClocks incident={open} sla={rules.data?.sla ?? null} now={now} />
              {(health.data?.incidents.length ?? 0) > 1 && <p className="muted">and {health.data!.incidents.length - 1} more working incidents</p>}
            </div>
          ) : <p className="muted" data-testid="no-open-incident">No working incident.</p>}
          <h3>Active alerts</h3>
          {health.data?.alerts.length === 0 && <p className="muted">No active alert.</p>}
          <ul className="feed" data-testid="active-alerts">{(health.data?.alerts ?? []).map((a) => (
            <li key={a.id}><time dateTime={a.raisedAt}>{formatTime(a.raisedAt)}</time> <span className={severityClass(a.severity)}>{a.severity}</span> {a.rule}{a.evseId !== null ? ` EVSE ${a.evseId}` : ''}{a.code ? <> <code>{a.code}</code></> : null}</li>
          ))}</ul>
        </div>
        <div>
          <h3>Last error code</h3>
          {fault ? <p>{[fault.errorCode, fault.vendorErrorCode].filter(Boolean).map((c) => <code key={c}>{c} </code>)} reported {formatTime(fault.reportedAt)}</p> : <p className="muted">No error code reported.</p>}
          <ProblemMessage error={explained.error} />
          {kb ? <KbExplanationView kb={kb} /> : fault && !explained.loading && (
            <p className="muted">The knowledge base has no entry for this code. <Link to={`/knowledge-base/new?${new URLSearchParams({ ...(fault.errorCode ? { errorCode: fault.errorCode } : {}), ...(fault.vendorErrorCode ? { vendorErrorCode: fault.vendorErrorCode } : {}), ...(station.vendor ? { vendor: station.vendor } : {}) }).toString()}`}>Create an entry</Link></p>
          )}
        </div>
      </div>
      <div className="columns">
        <div>
          <h3>Recent detections</h3>
          <ProblemMessage error={recent.error} />
          {recent.data?.items.length === 0 && <p className="muted">Nothing detected on this station.</p>}
          <ul className="feed" data-testid="recent-detections">{(recent.data?.items ?? []).map((i) => (
            <li key={i.id}><time dateTime={i.detectedAt}>{formatTime(i.detectedAt)}</time> <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.title}</Link> · {STATUS_LABELS[i.status]}{i.resolvedBy ? ` (${i.resolvedBy})` : ''}</li>
          ))}</ul>
        </div>
        <div>
          <h3>Playbook runs</h3>
          <ProblemMessage error={runs.error} />
          {runs.data?.items.length === 0 && <p className="muted">No playbook ran on this station.</p>}
          <ul className="feed" data-testid="playbook-runs">{(runs.data?.items ?? []).map((r) => (
            <li key={r.id}><time dateTime={r.startedAt}>{formatTime(r.startedAt)}</time> <strong>{r.status}</strong> ({r.rule}){r.reason ? `: ${r.reason}` : ''}
              {r.steps.length > 0 && <ol>{r.steps.map((s) => <li key={s.index}>{s.action}: {s.outcome}{s.cleared === true ? ', cleared' : ''}{s.detail ? ` (${s.detail})` : ''}</li>)}</ol>}
              {r.workOrderId && <> · <Link to={`/work-orders/${encodeURIComponent(r.workOrderId)}`}>work order</Link></>}
            </li>
          ))}</ul>
        </div>
      </div>
    </section>
  );
}

export function KbExplanationView({ kb }: { kb: KbExplanation }) {
  return (
    <div className="kb-explanation" data-testid="kb-explanation">
      <p><strong>{kb.meaning}</strong> <span className={severityClass(kb.severity)}>{kb.severity}</span></p>
      <dl className="facts">
        <dt>Probable cause</dt><dd>{kb.probableCause}</dd>
        <dt>Remote action</dt><dd>{kb.remoteAction}</dd>
        <dt>For the technician</dt><dd>{kb.technicianInstructions}</dd>
        <dt>Source</dt><dd>{kb.source} · <Link to={`/knowledge-base/${encodeURIComponent(kb.entryId)}`}>entry</Link></dd>
      </dl>
    </div>
  );
}
