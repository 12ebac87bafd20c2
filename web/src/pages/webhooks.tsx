import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';

export function WebhooksPage() {
  const { can } = useAuth();
  const hooks = useAsync(() => ok(api.GET('/api/v1/webhooks', { params: { query: { limit: 100 } } })), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState({ url: '', eventTypes: 'station.*,session.*' });
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await ok(api.POST('/api/v1/webhooks', { body: { url: draft.url.trim(), eventTypes: draft.eventTypes.split(',').map((t) => t.trim()).filter(Boolean) } }));
      setSecret(created.secret);
      hooks.reload();
    } catch (failure) { setError(failure); }
  };
  const toggle = async (id: string, enabled: boolean) => {
    setError(null);
    try { await ok(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body: { enabled } })); hooks.reload(); } catch (failure) { setError(failure); }
  };

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      {can('webhooks:manage') && (
        <form className="filters" onSubmit={(e) => void create(e)} aria-label="Add a webhook">
          <label>URL<input type="url" required value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} /></label>
          <label>Event types<input required value={draft.eventTypes} onChange={(e) => setDraft({ ...draft, eventTypes: e.target.value })} /></label>
          <button type="submit">Add webhook</button>
        </form>
      )}
      {secret && <p className="result" role="status">Signing secret (shown once): <code>{secret}</code></p>}
      <ProblemMessage error={error ?? hooks.error} />
      <table>
        <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">State</th><th scope="col">Failures</th><th scope="col">Actions</th></tr></thead>
        <tbody>{(hooks.data?.items ?? []).map((h) => (
          <tr key={h.id}>
            <td>{h.url}</td><td>{h.eventTypes.join(', ')}</td>
            <td>{h.enabled ? 'enabled' : `disabled${h.disabledReason ? ` (${h.disabledReason})` : ''}`}</td><td>{h.consecutiveFailures}</td>
            <td>
              <button type="button" onClick={() => setSelected(h.id)}>Deliveries</button>{' '}
              {can('webhooks:manage') && <button type="button" onClick={() => void toggle(h.id, !h.enabled)}>{h.enabled ? 'Disable' : 'Enable'}</button>}
            </td>
          </tr>
        ))}</tbody>
      </table>
      {selected && <Deliveries webhookId={selected} canRedeliver={can('webhooks:manage')} />}
    </section>
  );
}

function Deliveries({ webhookId, canRedeliver }: { webhookId: string; canRedeliver: boolean }) {
  const deliveries = useAsync(() => ok(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id: webhookId }, query: { limit: 100 } } })), [webhookId]);
  const [error, setError] = useState<unknown>(null);
  const redeliver = async (deliveryId: string) => {
    setError(null);
    try { await ok(api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: webhookId, deliveryId } } })); deliveries.reload(); } catch (failure) { setError(failure); }
  };
  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Delivery log</h2>
      <ProblemMessage error={error ?? deliveries.error} />
      <table>
        <thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col"></th></tr></thead>
        <tbody>{(deliveries.data?.items ?? []).map((d) => (
          <tr key={d.id}>
            <td>{formatTime(d.createdAt)}</td><td>{d.eventType ?? d.eventId}</td><td>{d.status}</td><td>{d.attempts}</td>
            <td>{d.lastStatusCode ?? ''} {d.lastError ?? ''}</td>
            <td>{canRedeliver && <button type="button" onClick={() => void redeliver(d.id)}>Redeliver</button>}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}
