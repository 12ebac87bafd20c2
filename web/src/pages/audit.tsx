import { useState } from 'react';
import { api, ok } from '../api/client.js';
import type { Ok } from '../api/types.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { usePaged } from '../components/use-paged.js';
import { VirtualTable, type Column } from '../components/virtual-table.js';

type Entry = Ok<'/api/v1/audit', 'get'>['items'][number];

const COLUMNS: Column<Entry>[] = [
  { key: 'at', header: 'When', width: 'minmax(10rem, 1.2fr)', render: (e) => formatTime(e.at) },
  { key: 'actor', header: 'Who', width: 'minmax(8rem, 1fr)', render: (e) => `${e.actorType}${e.actorId ? ` ${e.actorId}` : ''}` },
  { key: 'action', header: 'Action', width: 'minmax(8rem, 1fr)', render: (e) => e.action },
  { key: 'target', header: 'Target', width: 'minmax(8rem, 1.5fr)', render: (e) => `${e.targetType ?? ''} ${e.targetId ?? ''}` },
  { key: 'from', header: 'From', width: '8rem', render: (e) => e.remoteAddress ?? '' },
];

export function AuditPage() {
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const paged = usePaged((cursor) => ok(api.GET('/api/v1/audit', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}), ...(applied ? { action: applied } : {}) } } })), applied);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setApplied(action.trim()); }}>
        <label>Action<input value={action} onChange={(e) => setAction(e.target.value)} placeholder="station.update" /></label>
        <button type="submit">Filter</button>
      </form>
      <ProblemMessage error={paged.error} onRetry={paged.reload} />
      <VirtualTable label="Audit log" rows={paged.rows} columns={COLUMNS} rowKey={(e) => e.id} hasMore={paged.hasMore} loadMore={paged.loadMore} loading={paged.loading} empty="No audit entries." />
    </section>
  );
}
