import { requestJson } from '../api/client.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';

type ApiKey = { id: string; name: string; prefix?: string; permissions?: string[]; createdAt?: string; lastUsedAt?: string | null; revokedAt?: string | null };

export function ApiKeysPage() {
  const keys = useAsync(() => requestJson<{ items: ApiKey[] }>('GET', '/api/v1/api-keys'), []);
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <UnavailableOr error={keys.error} what="API keys" onRetry={keys.reload} />
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Permissions</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
        <tbody>{(keys.data?.items ?? []).map((k) => (
          <tr key={k.id}><td>{k.name}</td><td>{k.prefix ?? ''}</td><td>{k.permissions?.join(', ') ?? 'role'}</td><td>{formatTime(k.createdAt)}</td><td>{formatTime(k.lastUsedAt)}</td><td>{k.revokedAt ? 'revoked' : 'active'}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}
