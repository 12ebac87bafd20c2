import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';
import { MaintenanceTabs } from './work-orders.js';
import '../components/health.css';

/** Preventive maintenance schedules (RFC 5545 recurrence) and maintenance windows (downtime excluded from uptime). */
export function MaintenancePage() {
  const { can } = useAuth();
  const schedules = useAsync(() => ok(api.GET('/api/v1/maintenance-schedules', { params: { query: { limit: 200 } } })), []);
  const windows = useAsync(() => ok(api.GET('/api/v1/maintenance-windows', { params: { query: { limit: 100 } } })), []);
  const [error, setError] = useState<unknown>(null);
  const act = (call: Promise<unknown>, reload: () => void) => { setError(null); call.then(reload, setError); };
  const now = Date.now();
  return (
    <section aria-labelledby="mnt-title">
      <h1 id="mnt-title">Maintenance</h1>
      <MaintenanceTabs current="maintenance" />
      <ProblemMessage error={error} />
      <section className="panel" aria-labelledby="sched-title">
        <h2 id="sched-title">Preventive maintenance schedules</h2>
        <UnavailableOr error={schedules.error} what="maintenance schedules" onRetry={schedules.reload} />
        <table>
          <thead><tr><th scope="col">Title</th><th scope="col">For</th><th scope="col">Recurrence</th><th scope="col">Checklist</th><th scope="col">State</th><th scope="col"><span className="muted">Actions</span></th></tr></thead>
          <tbody>{(schedules.data?.items ?? []).map((s) => (
            <tr key={s.id}>
              <td>{s.title}</td>
              <td>{s.stationId ? <Link to={`/stations/${encodeURIComponent(s.stationId)}`}>{s.stationId}</Link> : s.siteId ? <Link to={`/sites/${encodeURIComponent(s.siteId)}`}>site {s.siteId}</Link> : '–'}</td>
              <td><code>{s.recurrence.replace(/\n/g, ' ')}</code></td>
              <td>{s.checklist.length} items</td>
              <td>{s.active ? 'active' : 'paused'}{s.lastGeneratedFor ? `, last ${formatTime(s.lastGeneratedFor)}` : ''}</td>
              <td>{can('health:write') && <div className="actions-row">
                <button type="button" onClick={() => act(ok(api.PATCH('/api/v1/maintenance-schedules/{id}', { params: { path: { id: s.id } }, body: { active: !s.active } })), schedules.reload)}>{s.active ? 'Pause' : 'Resume'}</button>
                <button type="button" onClick={() => { if (window.confirm(`Delete the schedule "${s.title}"? Its work orders stay.`)) act(ok(api.DELETE('/api/v1/maintenance-schedules/{id}', { params: { path: { id: s.id } } })), schedules.reload); }}>Delete</button>
              </div>}</td>
            </tr>
          ))}</tbody>
        </table>
        {schedules.data?.items.length === 0 && <p className="muted">No schedules.</p>}
        {can('health:write') && <NewSchedule onCreated={schedules.reload} />}
      </section>
      <section className="panel" aria-labelledby="win-title">
        <h2 id="win-title">Maintenance windows</h2>
        <p className="muted">Downtime inside a window does not count against uptime, and no alerts are raised for it.</p>
        <UnavailableOr error={windows.error} what="maintenance windows" onRetry={windows.reload} />
        <table data-testid="maintenance-windows">
          <thead><tr><th scope="col">For</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Reason</th><th scope="col"><span className="muted">Actions</span></th></tr></thead>
          <tbody>{(windows.data?.items ?? []).map((w) => (
            <tr key={w.id}>
              <td>{w.stationId ? <Link to={`/stations/${encodeURIComponent(w.stationId)}`}>{w.stationId}</Link> : `site ${w.siteId}`}{w.evseId !== null ? ` EVSE ${w.evseId}` : ''}</td>
              <td>{formatTime(w.startsAt)}</td><td>{formatTime(w.endsAt)}</td><td>{w.reason}</td>
              <td>{can('health:write') && Date.parse(w.endsAt) > now && (
                <button type="button" onClick={() => act(ok(api.POST('/api/v1/maintenance-windows/{id}/end', { params: { path: { id: w.id } } })), windows.reload)}>{Date.parse(w.startsAt) > now ? 'Cancel' : 'End now'}</button>
              )}</td>
            </tr>
          ))}</tbody>
        </table>
        {windows.data?.items.length === 0 && <p className="muted">No maintenance windows.</p>}
        {can('health:write') && <NewWindow onCreated={windows.reload} />}
      </section>
    </section>
  );
}

function useForm<T extends Record<string, string>>(initial: T, send: (draft: T) => Promise<unknown>, done: () => void) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof T) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true); setError(null);
    try { await send(draft); setDraft(initial); done(); } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  return { field, submit, error, busy };
}

const target = (kind: string, id: string) => (kind === 'site' ? { siteId: id.trim() } : { stationId: id.trim() });
const iso = (local: string) => (local ? new Date(local).toISOString() : '');

function NewSchedule({ onCreated }: { onCreated(): void }) {
  const form = useForm({ kind: 'station', id: '', title: '', recurrence: 'DTSTART:20270101T080000Z\nRRULE:FREQ=MONTHLY;INTERVAL=3', checklist: '', leadMinutes: '10080' }, (d) =>
    ok(api.POST('/api/v1/maintenance-schedules', { body: {
      ...target(d.kind, d.id), title: d.title, recurrence: d.recurrence, leadMinutes: Number(d.leadMinutes),
      checklist: d.checklist.split('\n').map((l) => l.trim()).filter(Boolean),
    } })), onCreated);
  return (
    <form aria-label="New maintenance schedule" className="form-grid" onSubmit={(e) => void form.submit(e)}>
      <label>For<select {...form.field('kind')}><option value="station">Station</option><option value="site">Every station of a site</option></select></label>
      <label>Station or site id<input {...form.field('id')} /></label>
      <label>Title<input {...form.field('title')} /></label>
      <label>Work order lead time (minutes)<input inputMode="numeric" {...form.field('leadMinutes')} /></label>
      <label className="wide">Recurrence (RFC 5545 DTSTART + RRULE)<textarea {...form.field('recurrence')} /></label>
      <label className="wide">Checklist (one item per line)<textarea {...form.field('checklist')} /></label>
      <div className="wide"><ProblemMessage error={form.error} /><button type="submit" disabled={form.busy}>Create schedule</button></div>
    </form>
  );
}

function NewWindow({ onCreated }: { onCreated(): void }) {
  const form = useForm({ kind: 'station', id: '', evseId: '', startsAt: '', endsAt: '', reason: '' }, (d) =>
    ok(api.POST('/api/v1/maintenance-windows', { body: {
      ...target(d.kind, d.id), startsAt: iso(d.startsAt), endsAt: iso(d.endsAt), reason: d.reason,
      ...(d.evseId ? { evseId: Number(d.evseId) } : {}),
    } })), onCreated);
  return (
    <form aria-label="New maintenance window" className="form-grid" onSubmit={(e) => void form.submit(e)}>
      <label>For<select {...form.field('kind')}><option value="station">Station</option><option value="site">Site</option></select></label>
      <label>Station or site id<input {...form.field('id')} /></label>
      <label>EVSE (optional)<input inputMode="numeric" {...form.field('evseId')} /></label>
      <label>Starts<input type="datetime-local" {...form.field('startsAt')} /></label>
      <label>Ends<input type="datetime-local" {...form.field('endsAt')} /></label>
      <label>Reason<input {...form.field('reason')} /></label>
      <div className="wide"><ProblemMessage error={form.error} /><button type="submit" disabled={form.busy}>Plan window</button></div>
    </form>
  );
}
