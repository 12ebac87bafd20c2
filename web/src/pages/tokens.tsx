import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client.js';
import type { Ok } from '../api/types.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { usePaged } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';

type Token = Ok<'/api/v1/tokens', 'get'>['items'][number];

export function TokensPage() {
  const { can } = useAuth();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState({ idToken: '', type: 'ISO14443' });
  const paged = usePaged((cursor) => ok(api.GET('/api/v1/tokens', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}), ...(query ? { search: query } : {}) } } })), query);

  const setBlocked = async (token: Token, blocked: boolean) => {
    setError(null);
    try {
      const updated = await ok(api.PATCH('/api/v1/tokens/{id}', { params: { path: { id: token.id } }, body: { blocked } }));
      paged.setRows((rows) => rows.map((t) => (t.id === token.id ? updated : t)));
    } catch (failure) { setError(failure); }
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await ok(api.POST('/api/v1/tokens', { body: { idToken: draft.idToken.trim(), type: draft.type } }));
      setDraft({ ...draft, idToken: '' });
      paged.reload();
    } catch (failure) { setError(failure); }
  };

  const columns: Column<Token>[] = [
    { key: 'token', header: 'Token', width: 'minmax(10rem, 2fr)', render: (t) => t.idToken },
    { key: 'type', header: 'Type', width: '7rem', render: (t) => t.type },
    { key: 'group', header: 'Group', width: 'minmax(6rem, 1fr)', render: (t) => t.groupIdToken ?? '–' },
    { key: 'status', header: 'Status', width: '7rem', render: (t) => t.status },
    { key: 'expires', header: 'Expires', width: 'minmax(9rem, 1fr)', render: (t) => formatTime(t.expiresAt) },
    { key: 'block', header: 'Action', width: '7rem', render: (t) => can('tokens:write')
      ? <button type="button" onClick={() => void setBlocked(t, !t.blocked)} aria-label={`${t.blocked ? 'Unblock' : 'Block'} ${t.idToken}`}>{t.blocked ? 'Unblock' : 'Block'}</button> : null },
  ];
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">Tokens</h1>
      <div className="filters">
        <form className="inline" onSubmit={(e) => { e.preventDefault(); setQuery(search.trim()); }}>
          <label>Search<input value={search} onChange={(e) => setSearch(e.target.value)} /></label><button type="submit">Search</button>
        </form>
        {can('tokens:write') && (
          <form className="inline" onSubmit={(e) => void create(e)} aria-label="Add a token">
            <label>New token<input required value={draft.idToken} onChange={(e) => setDraft({ ...draft, idToken: e.target.value })} /></label>
            <label>Type<select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
              {['ISO14443', 'ISO15693', 'KeyCode', 'Local', 'MacAddress', 'eMAID', 'Central'].map((t) => <option key={t}>{t}</option>)}
            </select></label>
            <button type="submit">Add</button>
          </form>
        )}
      </div>
      <ProblemMessage error={error ?? paged.error} />
      <VirtualTable label="Tokens" rows={paged.rows} columns={columns} rowKey={(t) => t.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No tokens." />
    </section>
  );
}
