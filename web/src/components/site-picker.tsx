import { api, ok } from '../api/client.js';
import { ProblemMessage } from './problem-message.js';
import { useAsync } from './use-async.js';

/** Every site of the tenant (paged by 500): few enough to pick from with checkboxes. */
async function loadSites(): Promise<Array<{ id: string; name: string }>> {
  const all: Array<{ id: string; name: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET('/api/v1/sites', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }));
    all.push(...page.items.map((s) => ({ id: s.id, name: s.name })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

/** Site scope of a technician or site host: the sites they work at (a fieldset of checkboxes). */
export function SitePicker({ value, onChange, legend }: { value: readonly string[]; onChange(next: string[]): void; legend: string }) {
  const sites = useAsync(loadSites, []);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className="checks" data-testid="site-picker">
      <legend>{legend}</legend>
      <ProblemMessage error={sites.error} onRetry={sites.reload} />
      {sites.loading && !sites.data && <span className="loading">Loading sites…</span>}
      {sites.data?.length === 0 && <span className="muted">No sites yet: create one first.</span>}
      {sites.data?.map((s) => (
        <label key={s.id}><input type="checkbox" checked={value.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />{s.name}</label>
      ))}
    </fieldset>
  );
}
