// Where a tariff applies: assignments by tenant, site, station or EVSE and customer group (ADR 025),
// listed, added and removed through /tariffs/{id}/assignments.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';

export const GROUPS = ['public', 'members', 'fleet', 'roaming'] as const;
export const GROUP_TEXT: Record<(typeof GROUPS)[number], string> = {
  public: 'Public ad hoc (anyone, pay at the charger)', members: 'Members (the operator\'s own subscribers)',
  fleet: 'Fleet contracts (reference: contract id)', roaming: 'Roaming partners (reference: party id)',
};
type Scope = 'tenant' | 'site' | 'station' | 'evse';
type Assignment = { id: string; scope: string; siteId: string | null; stationId: string | null; evseId: number | null; customerGroup: string; groupRef: string | null; validFrom: string; validTo: string | null };

export function whereOf(a: Assignment) {
  if (a.siteId) return <Link to={`/sites/${encodeURIComponent(a.siteId)}`}>site {a.siteId}</Link>;
  if (a.stationId) return <Link to={`/stations/${encodeURIComponent(a.stationId)}`}>{a.stationId}{a.evseId ? ` EVSE ${a.evseId}` : ''}</Link>;
  return 'whole network';
}

export function TariffAssignments({ tariffId }: { tariffId: string }) {
  const { can } = useAuth();
  const assignments = useAsync(() => ok(api.GET('/api/v1/tariffs/{id}/assignments', { params: { path: { id: tariffId } } })), [tariffId]);
  const [error, setError] = useState<unknown>(null);
  const remove = async (a: Assignment) => {
    setError(null);
    try {
      await ok(api.DELETE('/api/v1/tariffs/assignments/{id}', { params: { path: { id: a.id } } }));
      assignments.reload();
    } catch (failure) { setError(failure); }
  };
  return (
    <section className="panel" aria-labelledby="assignments-title">
      <h2 id="assignments-title">Where it applies</h2>
      <p className="muted">An EVSE assignment wins over its station's, a station's over its site's, a site's over the whole network; the driver's customer group first, then public.</p>
      <ProblemMessage error={assignments.error ?? error} onRetry={assignments.reload} />
      {assignments.data && (assignments.data.items.length === 0 ? <p className="muted">Not assigned anywhere.</p> : (
        <table data-testid="assignments">
          <thead><tr><th scope="col">Scope</th><th scope="col">Where</th><th scope="col">Customer group</th><th scope="col">Valid</th>{can('finance:write') && <th scope="col">Action</th>}</tr></thead>
          <tbody>{assignments.data.items.map((a) => (
            <tr key={a.id}>
              <td>{a.scope}</td><td>{whereOf(a)}</td><td>{a.customerGroup}{a.groupRef ? ` (${a.groupRef})` : ''}</td>
              <td>{formatTime(a.validFrom)} – {a.validTo ? formatTime(a.validTo) : 'open'}</td>
              {can('finance:write') && <td><button type="button" onClick={() => void remove(a)}>Remove assignment {a.scope} {a.customerGroup}</button></td>}
            </tr>
          ))}</tbody>
        </table>
      ))}
      {can('finance:write') && <AssignForm tariffId={tariffId} onAssigned={assignments.reload} />}
    </section>
  );
}

function AssignForm({ tariffId, onAssigned }: { tariffId: string; onAssigned(): void }) {
  const [form, setForm] = useState({ scope: 'tenant' as Scope, siteId: '', stationId: '', evseId: '', customerGroup: 'public' as (typeof GROUPS)[number], groupRef: '', validFrom: '', validTo: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await ok(api.POST('/api/v1/tariffs/{id}/assignments', {
        params: { path: { id: tariffId } },
        body: {
          scope: form.scope, customerGroup: form.customerGroup,
          ...(form.scope === 'site' ? { siteId: form.siteId.trim() } : {}),
          ...(form.scope === 'station' || form.scope === 'evse' ? { stationId: form.stationId.trim() } : {}),
          ...(form.scope === 'evse' ? { evseId: Number(form.evseId) } : {}),
          ...(form.groupRef.trim() ? { groupRef: form.groupRef.trim() } : {}),
          ...(form.validFrom ? { validFrom: new Date(form.validFrom).toISOString() } : {}),
          ...(form.validTo ? { validTo: new Date(form.validTo).toISOString() } : {}),
        },
      }));
      setDone(true);
      onAssigned();
    } catch (failure) { setError(failure); }
  };
  const input = (key: 'siteId' | 'stationId' | 'evseId' | 'groupRef' | 'validFrom' | 'validTo', label: string, extra: Record<string, unknown> = {}) => (
    <label>{label}<input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...extra} /></label>
  );
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Assign the tariff">
      <h3>Assign</h3>
      <div className="form-grid">
        <label>Scope<select value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value as Scope })}>
          <option value="tenant">whole network</option><option value="site">site</option><option value="station">station</option><option value="evse">EVSE</option>
        </select></label>
        {form.scope === 'site' && input('siteId', 'Site id', { required: true })}
        {(form.scope === 'station' || form.scope === 'evse') && input('stationId', 'Station id', { required: true })}
        {form.scope === 'evse' && input('evseId', 'EVSE id', { required: true, type: 'number', min: 1 })}
        <label>Customer group<select value={form.customerGroup} onChange={(e) => setForm({ ...form, customerGroup: e.target.value as (typeof GROUPS)[number] })}>
          {GROUPS.map((g) => <option key={g} value={g}>{GROUP_TEXT[g]}</option>)}
        </select></label>
        {(form.customerGroup === 'fleet' || form.customerGroup === 'roaming') && input('groupRef', form.customerGroup === 'fleet' ? 'Contract id (empty: every fleet)' : 'Party id (empty: every partner)')}
        {input('validFrom', 'Valid from (empty: now)', { type: 'datetime-local' })}{input('validTo', 'Valid until (empty: open)', { type: 'datetime-local' })}
      </div>
      <ProblemMessage error={error} />
      {done && <p className="result" role="status">Assigned.</p>}
      <p><button type="submit">Assign</button></p>
    </form>
  );
}
