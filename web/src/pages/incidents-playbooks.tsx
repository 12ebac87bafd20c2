import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useLiveEvents } from '../live/live-events.js';
import { UnavailableOr } from './not-yet.js';
import '../components/health.css';

/**
 * Self-healing playbooks as operators check them: trigger, escalating steps, limits, on/off, and
 * the latest runs with every step's outcome. Changing steps stays an API task (PATCH re-validates
 * the whole playbook); switching one on or off is here.
 */
export function PlaybooksPage() {
  const { can } = useAuth();
  const playbooks = useAsync(() => ok(api.GET('/api/v1/playbooks', { params: { query: { limit: 200 } } })), []);
  const runs = useAsync(() => ok(api.GET('/api/v1/playbooks/runs', { params: { query: { limit: 30 } } })), []);
  const [error, setError] = useState<unknown>(null);
  useLiveEvents(() => runs.reload(), (event) => event.type.startsWith('playbook.') || event.type === 'incident.resolved');
  const names = new Map((playbooks.data?.items ?? []).map((p) => [p.id, p.name]));
  const toggle = (id: string, enabled: boolean) => {
    setError(null);
    ok(api.PATCH('/api/v1/playbooks/{id}', { params: { path: { id } }, body: { enabled } })).then(() => playbooks.reload(), setError);
  };
  return (
    <section aria-labelledby="pb-title">
      <p><Link to="/incidents">← Incidents</Link></p>
      <h1 id="pb-title">Self-healing playbooks</h1>
      <UnavailableOr error={playbooks.error} what="playbooks" onRetry={playbooks.reload} />
      <ProblemMessage error={error} />
      <table data-testid="playbooks">
        <thead><tr><th scope="col">Playbook</th><th scope="col">Trigger</th><th scope="col">Steps</th><th scope="col">Limits</th><th scope="col">On</th></tr></thead>
        <tbody>{(playbooks.data?.items ?? []).map((p) => (
          <tr key={p.id}>
            <td>{p.name}</td>
            <td>{p.trigger.rules.join(', ')}{p.trigger.codes?.length ? <> · codes <code>{p.trigger.codes.join(' ')}</code></> : null}{p.trigger.delaySeconds ? ` · after ${p.trigger.delaySeconds} s` : ''}</td>
            <td><ol>{p.steps.map((s, i) => <li key={i}>{s.action}{s.waitSeconds ? `, wait ${s.waitSeconds} s` : ''}</li>)}</ol></td>
            <td>{p.maxAttempts} runs / {p.attemptWindowSeconds} s, cooldown {p.cooldownSeconds} s{p.allowDuringSession ? ', also while charging' : ', never while charging'}</td>
            <td><label className="checks"><span><input type="checkbox" checked={p.enabled} disabled={!can('health:write')} onChange={(e) => toggle(p.id, e.target.checked)} aria-label={`${p.name} enabled`} /></span></label></td>
          </tr>
        ))}</tbody>
      </table>
      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Latest runs</h2>
        <UnavailableOr error={runs.error} what="playbook runs" onRetry={runs.reload} />
        {runs.data?.items.length === 0 && <p className="muted">No playbook has run yet.</p>}
        <ul className="feed">{(runs.data?.items ?? []).map((r) => (
          <li key={r.id}>
            <time dateTime={r.startedAt}>{formatTime(r.startedAt)}</time> <Link to={`/stations/${encodeURIComponent(r.stationId)}`}>{r.stationId}</Link> · {names.get(r.playbookId) ?? r.playbookId} · <strong>{r.status}</strong>{r.reason ? ` (${r.reason})` : ''} · <Link to={`/incidents/${encodeURIComponent(r.incidentId)}`}>incident</Link>
            {r.steps.length > 0 && <ol>{r.steps.map((s) => <li key={s.index}>{s.action}: {s.outcome}{s.cleared === true ? ', cleared' : s.cleared === false ? ', not cleared' : ''}</li>)}</ol>}
          </li>
        ))}</ul>
      </section>
    </section>
  );
}
