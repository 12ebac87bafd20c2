import { useState, type ChangeEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok, requestJson } from '../api/client.js';
import { authHeaders } from '../api/credentials.js';
import type { paths } from '../api/schema.js';
import { problemOf } from '../api/problem.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatDuration, useNow } from '../components/sla-clock.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { WORK_ORDER_STATUSES } from './work-orders.js';
import type { WorkOrder } from './incidents-model.js';
import '../components/health.css';

type WorkOrderPatch = paths['/api/v1/work-orders/{id}']['patch'] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

const MAX_ATTACHMENT = 512 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf', 'text/plain'] as const;

/** A work order as the technician works it: checklist, notes, time on site, attachments, status. */
export function WorkOrderPage() {
  const id = useParams()['id'] ?? '';
  const { can } = useAuth();
  const order = useAsync(() => ok(api.GET('/api/v1/work-orders/{id}', { params: { path: { id } } })), [id]);
  const attachments = useAsync(() => ok(api.GET('/api/v1/work-orders/{id}/attachments', { params: { path: { id } } })), [id]);
  const users = useAsync(() => (can('users:read') ? requestJson<{ items: Array<{ id: string; email: string; role: string }> }>('GET', '/api/v1/users') : Promise.resolve({ items: [] })), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const now = useNow(1000);

  if (order.error && !order.data) return <><h1>Work order</h1><ProblemMessage error={order.error} onRetry={order.reload} /></>;
  const w = order.data;
  if (!w) return <p className="loading" role="status">Loading work order…</p>;
  const writable = can('health:write') && w.status !== 'done' && w.status !== 'cancelled';

  const change = async (call: () => Promise<WorkOrder>) => {
    setBusy(true); setError(null);
    try { const saved = await call(); order.setData(() => saved); } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  const patch = (body: WorkOrderPatch) =>
    change(() => ok(api.PATCH('/api/v1/work-orders/{id}', { params: { path: { id } }, body })));
  const onSiteMs = w.onSiteMs + (w.onSiteSince ? Math.max(0, now - Date.parse(w.onSiteSince)) : 0);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    if (file.size > MAX_ATTACHMENT) { setError(problemOf(413, { title: 'The file is too large', detail: `${file.name} is ${Math.ceil(file.size / 1024)} KiB; at most 512 KiB` })); return; }
    const contentType = (TYPES as readonly string[]).includes(file.type) ? (file.type as (typeof TYPES)[number]) : null;
    if (!contentType) { setError(problemOf(415, { title: 'This file type cannot be attached', detail: 'JPEG, PNG, PDF or plain text only' })); return; }
    const contentBase64 = await toBase64(file);
    try {
      await ok(api.POST('/api/v1/work-orders/{id}/attachments', { params: { path: { id } }, body: { fileName: file.name, contentType, contentBase64 } }));
      attachments.reload();
    } catch (failure) { setError(failure); }
  };

  return (
    <section aria-labelledby="wo-title">
      <p><Link to="/work-orders">← Work orders</Link></p>
      <h1 id="wo-title">{w.title}</h1>
      <dl className="facts">
        <dt>Status</dt><dd data-testid="wo-status">{w.status}{w.closedAt ? ` (closed ${formatTime(w.closedAt)})` : ''}</dd>
        <dt>Station</dt><dd><Link to={`/stations/${encodeURIComponent(w.stationId)}`}>{w.stationId}</Link>{w.evseId !== null ? ` · EVSE ${w.evseId}` : ''}</dd>
        {w.incidentId && <><dt>Incident</dt><dd><Link to={`/incidents/${encodeURIComponent(w.incidentId)}`}>{w.incidentId}</Link></dd></>}
        <dt>Technician</dt><dd>{users.data?.items.find((u) => u.id === w.technicianUserId)?.email ?? w.technicianUserId ?? 'not assigned'}</dd>
        <dt>Due</dt><dd>{formatTime(w.dueAt)}</dd>
        <dt>Time on site</dt><dd data-testid="time-on-site">{formatDuration(onSiteMs)}{w.onSiteSince ? ` (on site since ${formatTime(w.onSiteSince)})` : ''}</dd>
      </dl>
      <ProblemMessage error={error} />
      {writable && (
        <div className="actions-row">
          <button type="button" disabled={busy} onClick={() => void change(() => ok(api.POST('/api/v1/work-orders/{id}/on-site', { params: { path: { id } }, body: { action: w.onSiteSince ? 'stop' : 'start' } })))}>
            {w.onSiteSince ? 'Leave site' : 'Arrive on site'}
          </button>
          <label>Status
            <select value={w.status} disabled={busy} onChange={(e) => void patch({ status: e.target.value as (typeof WORK_ORDER_STATUSES)[number] })}>
              {WORK_ORDER_STATUSES.map((s) => <option key={s}>{s}</option>)}
            </select>
          </label>
          {(users.data?.items.length ?? 0) > 0 && (
            <label>Technician
              <select value={w.technicianUserId ?? ''} disabled={busy} onChange={(e) => void patch({ technicianUserId: e.target.value || null })}>
                <option value="">Not assigned</option>
                {users.data!.items.map((u) => <option key={u.id} value={u.id}>{u.email} ({u.role})</option>)}
              </select>
            </label>
          )}
        </div>
      )}
      <section className="panel" aria-labelledby="instr-title">
        <h2 id="instr-title">Instructions</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{w.instructions || <span className="muted">None.</span>}</p>
      </section>
      <div className="columns">
        <section className="panel" aria-labelledby="check-title">
          <h2 id="check-title">Checklist</h2>
          {w.checklist.length === 0 && <p className="muted">No checklist.</p>}
          <ul className="checklist" data-testid="checklist">{w.checklist.map((c, index) => (
            <li key={index}><label><input type="checkbox" checked={c.done} disabled={!writable || busy} onChange={(e) => void patch({ checklist: [{ index, done: e.target.checked }] })} /> {c.item}</label></li>
          ))}</ul>
        </section>
        <section className="panel" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          <ul className="feed" data-testid="notes">{w.notes.map((n, i) => <li key={i}><time dateTime={n.at}>{formatTime(n.at)}</time> {n.by}: {n.text}</li>)}</ul>
          {w.notes.length === 0 && <p className="muted">No notes yet.</p>}
          {can('health:write') && (
            <form aria-label="Add a note" onSubmit={(e) => { e.preventDefault(); if (note.trim()) void patch({ note: note.trim() }).then(() => setNote('')); }}>
              <label htmlFor="wo-note">Note</label>
              <textarea id="wo-note" value={note} onChange={(e) => setNote(e.target.value)} />
              <button type="submit" disabled={busy || !note.trim()}>Add note</button>
            </form>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="att-title">
        <h2 id="att-title">Attachments</h2>
        <ProblemMessage error={attachments.error} />
        <ul className="feed">{(attachments.data?.items ?? []).map((a) => (
          <li key={a.id}><button type="button" className="link" onClick={() => void download(id, a.id, a.fileName).catch(setError)}>{a.fileName}</button> {Math.ceil(a.sizeBytes / 1024)} KiB · {a.uploadedBy} · {formatTime(a.createdAt)}</li>
        ))}</ul>
        {attachments.data?.items.length === 0 && <p className="muted">No attachments.</p>}
        {can('health:write') && <label>Attach a photo, PDF or text file (at most 512 KiB)<input type="file" accept={TYPES.join(',')} onChange={(e) => void upload(e)} /></label>}
      </section>
    </section>
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The download needs the auth headers (an API-key sign-in has no cookie), so it goes through fetch and a blob URL. */
async function download(workOrderId: string, attachmentId: string, fileName: string): Promise<void> {
  const response = await fetch(`/api/v1/work-orders/${encodeURIComponent(workOrderId)}/attachments/${encodeURIComponent(attachmentId)}`, { headers: authHeaders('GET'), credentials: 'same-origin' });
  if (!response.ok) throw problemOf(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
