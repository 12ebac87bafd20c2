import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';
import '../components/health.css';

type Value = string | number | boolean | null | string[];
type Settings = { rules: Record<string, Record<string, Value>>; sla: Record<string, number>; notifications: Record<string, Value> };
type PatchBody = paths['/api/v1/health/rules']['patch'] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
const SEVERITIES = ['critical', 'major', 'minor', 'info'];

/** "windowSeconds" -> "Window (seconds)": field names of the settings read as labels. */
export function labelOf(key: string): string {
  const unit = /(Seconds|Minutes)$/.exec(key)?.[1];
  const base = (unit ? key.slice(0, -unit.length) : key).replace(/([A-Z])/g, ' $1').toLowerCase();
  return `${base.charAt(0).toUpperCase()}${base.slice(1)}${unit ? ` (${unit.toLowerCase()})` : ''}`;
}

/**
 * Detection rules, SLA clocks and notification lists of the tenant. The form is drawn from the
 * server's current settings (rules added on the server appear without a dashboard change); the
 * server validates the whole result (422 invalid_health_rules) and its problem is shown.
 */
export function HealthSettingsPage() {
  const { can } = useAuth();
  const current = useAsync(() => ok(api.GET('/api/v1/health/rules')) as Promise<unknown> as Promise<Settings>, []);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (current.data) setDraft(structuredClone(current.data)); }, [current.data]);
  const writable = can('health:write');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setBusy(true); setError(null); setSaved(false);
    try {
      // Rules come from the server's answer and may be newer than the generated client's types.
      const next = await ok(api.PATCH('/api/v1/health/rules', { body: draft as unknown as PatchBody })) as unknown as Settings;
      current.setData(() => next);
      setSaved(true);
    } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  const setRule = (rule: string, key: string, value: Value) => setDraft((d) => d && { ...d, rules: { ...d.rules, [rule]: { ...d.rules[rule], [key]: value } } });

  return (
    <section aria-labelledby="hs-title">
      <p><Link to="/incidents">← Incidents</Link></p>
      <h1 id="hs-title">Detection rules and SLA clocks</h1>
      <UnavailableOr error={current.error} what="health rules" onRetry={current.reload} />
      {draft && (
        <form aria-label="Health settings" onSubmit={(e) => void submit(e)}>
          <fieldset className="form-grid" disabled={!writable}>
            <legend>SLA clocks, from the fault (minutes)</legend>
            {Object.entries(draft.sla).map(([key, value]) => (
              <label key={key}>{labelOf(key)}<input type="number" min={1} value={value} onChange={(e) => setDraft({ ...draft, sla: { ...draft.sla, [key]: Number(e.target.value) } })} /></label>
            ))}
          </fieldset>
          <fieldset className="form-grid" disabled={!writable}>
            <legend>Notifications</legend>
            {Object.entries(draft.notifications).map(([key, value]) => Array.isArray(value) ? (
              <label key={key} className="wide">{labelOf(key)} (e-mail addresses, comma-separated)
                <input value={value.join(', ')} onChange={(e) => setDraft({ ...draft, notifications: { ...draft.notifications, [key]: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) } })} />
              </label>
            ) : key === 'minSeverity' ? (
              <label key={key}>Minimum severity<select value={String(value)} onChange={(e) => setDraft({ ...draft, notifications: { ...draft.notifications, [key]: e.target.value } })}>{SEVERITIES.map((s) => <option key={s}>{s}</option>)}</select></label>
            ) : null)}
          </fieldset>
          {Object.entries(draft.rules).map(([rule, fields]) => (
            <fieldset key={rule} className="form-grid" disabled={!writable} data-testid={`rule-${rule}`}>
              <legend>Rule <code>{rule}</code></legend>
              {Object.entries(fields).map(([key, value]) => {
                const id = `rule-${rule}-${key}`;
                if (typeof value === 'boolean') return <label key={key} className="checks"><span><input id={id} type="checkbox" checked={value} onChange={(e) => setRule(rule, key, e.target.checked)} /> {labelOf(key)}</span></label>;
                if (key === 'severity') return <label key={key}>Severity<select value={String(value)} onChange={(e) => setRule(rule, key, e.target.value)}>{SEVERITIES.map((s) => <option key={s}>{s}</option>)}</select></label>;
                if (typeof value === 'number' || value === null) {
                  return <label key={key}>{labelOf(key)}{value === null ? ' (empty: automatic)' : ''}<input type="number" value={value ?? ''} onChange={(e) => setRule(rule, key, e.target.value === '' ? null : Number(e.target.value))} /></label>;
                }
                return null;
              })}
            </fieldset>
          ))}
          <ProblemMessage error={error} />
          {saved && <p role="status" className="sla-met">Saved.</p>}
          {writable && <button type="submit" className="primary" disabled={busy}>Save settings</button>}
        </form>
      )}
    </section>
  );
}
