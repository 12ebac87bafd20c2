import { useState, type FormEvent } from 'react';
import { requestJson } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';

type ApiKey = { id: string; name: string; prefix: string; role: string; permissions: string[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
const ROLES = ['viewer', 'operator', 'support', 'technician', 'finance', 'tenant-admin'];

export function ApiKeysPage() {
  const { can } = useAuth();
  const keys = useAsync(() => requestJson<{ items: ApiKey[] }>('GET', '/api/v1/api-keys'), []);
  const [draft, setDraft] = useState({ name: '', role: 'viewer' });
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const manage = can('api-keys:manage');

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await requestJson<{ secret: string }>('POST', '/api/v1/api-keys', { name: draft.name.trim(), role: draft.role });
      setSecret(created.secret);
      setDraft({ ...draft, name: '' });
      keys.reload();
    } catch (failure) { setError(failure); }
  };
  const revoke = async (key: ApiKey) => {
    if (!window.confirm(`Revoke the API key "${key.name}"? Requests with it fail from now on.`)) return;
    setError(null);
    try { await requestJson('DELETE', `/api/v1/api-keys/${encodeURIComponent(key.id)}`); keys.reload(); } catch (failure) { setError(failure); }
  };

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      {manage && (
        <form className="filters" onSubmit={(e) => void create(e)} aria-label="Create an API key">
          <label>Name<input required maxLength={200} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
          <label>Role<select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
          <button type="submit">Create key</button>
        </form>
      )}
      {secret && <p className="result" role="status">The new key (shown once, copy it now): <code data-testid="new-key">{secret}</code></p>}
      <ProblemMessage error={error} />
      <UnavailableOr error={keys.error} what="API keys" onRetry={keys.reload} />
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Role</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col"></th></tr></thead>
        <tbody>{(keys.data?.items ?? []).map((k) => (
          <tr key={k.id}>
            <td>{k.name}</td><td><code>{k.prefix}</code></td><td>{k.role}</td><td>{formatTime(k.createdAt)}</td><td>{formatTime(k.lastUsedAt)}</td>
            <td>{k.revokedAt ? `revoked ${formatTime(k.revokedAt)}` : 'active'}</td>
            <td>{manage && !k.revokedAt && <button type="button" onClick={() => void revoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}
