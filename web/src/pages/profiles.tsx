// The operator's charging profile library (/smart-charging/profiles): list, create, edit, delete,
// and send one to a station (SetChargingProfile) with the station's answer. "Edit" reads the profile
// with its ETag and saves with PATCH + If-Match: the id stays, and a profile someone changed in the
// meantime is refused (412) instead of overwritten.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { problemOf } from '../api/problem.js';
import { useAuth } from '../auth/auth-context.js';
import '../components/dashboard-extra.css';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';

type Purpose = 'TxDefaultProfile' | 'ChargePointMaxProfile' | 'TxProfile';
type Kind = 'Absolute' | 'Relative' | 'Recurring';
type Period = { startPeriod: number; limit: number; numberPhases?: number };
type Profile = { name: string; purpose: Purpose; stackLevel: number; kind: Kind; recurrencyKind?: 'Daily' | 'Weekly'; startSchedule?: string; durationS?: number; unit: 'A' | 'W'; periods: Period[] };
type Editing = { id: string | null; etag: string | null; draft: Draft };
type Draft = { name: string; purpose: Purpose; stackLevel: string; kind: Kind; recurrencyKind: '' | 'Daily' | 'Weekly'; startSchedule: string; durationS: string; unit: 'A' | 'W'; periods: Array<{ start: string; limit: string; phases: string }> };

const EMPTY: Draft = { name: '', purpose: 'TxDefaultProfile', stackLevel: '0', kind: 'Absolute', recurrencyKind: '', startSchedule: '', durationS: '', unit: 'A', periods: [{ start: '0', limit: '16', phases: '' }] };
const localInput = (iso: string) => { const d = new Date(iso); return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16); };

function draftOf(p: Profile): Draft {
  return {
    name: p.name, purpose: p.purpose, stackLevel: String(p.stackLevel), kind: p.kind, recurrencyKind: p.recurrencyKind ?? '', startSchedule: p.startSchedule ? localInput(p.startSchedule) : '',
    durationS: p.durationS === undefined ? '' : String(p.durationS), unit: p.unit, periods: p.periods.map((x) => ({ start: String(x.startPeriod), limit: String(x.limit), phases: x.numberPhases === undefined ? '' : String(x.numberPhases) })),
  };
}

function bodyOf(d: Draft): Profile {
  return {
    name: d.name.trim(), purpose: d.purpose, stackLevel: Number(d.stackLevel), kind: d.kind, unit: d.unit,
    ...(d.kind === 'Recurring' && d.recurrencyKind ? { recurrencyKind: d.recurrencyKind } : {}),
    ...(d.startSchedule ? { startSchedule: new Date(d.startSchedule).toISOString() } : {}), ...(d.durationS ? { durationS: Number(d.durationS) } : {}),
    periods: d.periods.map((x) => ({ startPeriod: Number(x.start), limit: Number(x.limit), ...(x.phases ? { numberPhases: Number(x.phases) } : {}) })),
  };
}

/** The whole profile as a PATCH: an emptied optional field is removed (null), not left as it was. */
function changeOf(d: Draft) {
  const body = bodyOf(d);
  return { ...body, recurrencyKind: body.recurrencyKind ?? null, startSchedule: body.startSchedule ?? null, durationS: body.durationS ?? null };
}

export function ProfilesPage() {
  const { can } = useAuth();
  const profiles = useAsync(() => ok(api.GET('/api/v1/smart-charging/profiles')), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [applying, setApplying] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The profile as stored now, and its version: what the PATCH's If-Match names. */
  const edit = async (id: string) => {
    setError(null);
    try {
      const { data, error: failure, response } = await api.GET('/api/v1/smart-charging/profiles/{profileId}', { params: { path: { profileId: id } } });
      if (!response.ok || !data) throw problemOf(response.status, failure);
      setEditing({ id, etag: response.headers.get('etag'), draft: draftOf({ ...(data.profile as unknown as Profile), name: data.name }) });
    } catch (failure) { setError(failure); }
  };
  const remove = async (id: string, name: string) => {
    if (!window.confirm(`Remove ${name} from the library? Stations that hold it keep it.`)) return;
    setError(null);
    try { await ok(api.DELETE('/api/v1/smart-charging/profiles/{profileId}', { params: { path: { profileId: id } } })); profiles.reload(); } catch (failure) { setError(failure); }
  };
  return (
    <section aria-labelledby="profiles-title">
      <h1 id="profiles-title">Charging profile library</h1>
      <p className="muted">Operator-defined profiles and schedules, sent to stations on demand. Site load management sends its own profiles: see a site's <em>Energy management</em> page (<Link to="/sites">sites</Link>).</p>
      <ProblemMessage error={profiles.error ?? error} onRetry={profiles.reload} />
      {profiles.data && (profiles.data.items.length === 0 ? <p className="muted">The library is empty.</p> : (
        <table data-testid="profiles">
          <thead><tr><th scope="col">Name</th><th scope="col">Purpose</th><th scope="col">Stack</th><th scope="col">Kind</th><th scope="col">Schedule</th><th scope="col">Changed</th>{can('energy:write') && <th scope="col">Actions</th>}</tr></thead>
          <tbody>{profiles.data.items.map((item) => {
            const p = item.profile as unknown as Profile;
            return (
              <tr key={item.id}>
                <td>{item.name}</td><td>{p.purpose}</td><td>{p.stackLevel}</td><td>{p.kind}{p.recurrencyKind ? ` ${p.recurrencyKind}` : ''}</td>
                <td>{(p.periods ?? []).map((x) => `from ${x.startPeriod} s: ${x.limit} ${p.unit}${x.numberPhases ? ` on ${x.numberPhases} ph` : ''}`).join('; ')}</td>
                <td>{formatTime(item.updatedAt)}</td>
                {can('energy:write') && (
                  <td><span className="actions">
                    <button type="button" onClick={() => void edit(item.id)}>Edit {item.name}</button>
                    <button type="button" onClick={() => setApplying(applying === item.id ? null : item.id)}>Send {item.name} to a station</button>
                    <button type="button" onClick={() => void remove(item.id, item.name)}>Remove {item.name}</button>
                  </span></td>
                )}
              </tr>
            );
          })}</tbody>
        </table>
      ))}
      {applying && <ApplyForm profileId={applying} onClose={() => setApplying(null)} />}
      {can('energy:write') && !editing && <p><button type="button" className="primary" onClick={() => setEditing({ id: null, etag: null, draft: EMPTY })}>New profile</button></p>}
      {editing && <ProfileForm key={editing.id ?? 'new'} editing={editing} onDone={() => { setEditing(null); profiles.reload(); }} onCancel={() => setEditing(null)} />}
    </section>
  );
}

function ProfileForm({ editing, onDone, onCancel }: { editing: Editing; onDone(): void; onCancel(): void }) {
  const [d, setD] = useState(editing.draft);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      if (editing.id) await ok(api.PATCH('/api/v1/smart-charging/profiles/{profileId}', { params: { path: { profileId: editing.id } }, body: changeOf(d), ...(editing.etag ? { headers: { 'if-match': editing.etag } } : {}) }));
      else await ok(api.POST('/api/v1/smart-charging/profiles', { body: bodyOf(d) }));
      onDone();
    } catch (failure) { setError(failure); }
  };
  const setPeriod = (i: number, patch: Partial<Draft['periods'][number]>) => setD({ ...d, periods: d.periods.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label={editing.id ? 'Edit profile' : 'New profile'}>
      <h2>{editing.id ? `Edit ${editing.draft.name}` : 'New profile'}</h2>
      <div className="form-grid">
        <label>Profile name<input required maxLength={200} value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} /></label>
        <label>Purpose<select value={d.purpose} onChange={(e) => setD({ ...d, purpose: e.target.value as Purpose })}>
          <option value="TxDefaultProfile">TxDefaultProfile (new sessions)</option><option value="ChargePointMaxProfile">ChargePointMaxProfile (whole station)</option><option value="TxProfile">TxProfile (running session)</option>
        </select></label>
        <label>Stack level<input type="number" min={0} max={100} required value={d.stackLevel} onChange={(e) => setD({ ...d, stackLevel: e.target.value })} /></label>
        <label>Kind<select value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as Kind })}><option>Absolute</option><option>Relative</option><option>Recurring</option></select></label>
        {d.kind === 'Recurring' && <label>Recurrence<select required value={d.recurrencyKind} onChange={(e) => setD({ ...d, recurrencyKind: e.target.value as Draft['recurrencyKind'] })}><option value="">choose</option><option>Daily</option><option>Weekly</option></select></label>}
        <label>Schedule start<input type="datetime-local" value={d.startSchedule} onChange={(e) => setD({ ...d, startSchedule: e.target.value })} /></label>
        <label>Duration s<input type="number" min={1} value={d.durationS} onChange={(e) => setD({ ...d, durationS: e.target.value })} /></label>
        <label>Unit<select value={d.unit} onChange={(e) => setD({ ...d, unit: e.target.value as 'A' | 'W' })}><option value="A">A (per phase)</option><option value="W">W</option></select></label>
      </div>
      <fieldset>
        <legend>Periods</legend>
        {d.periods.map((p, i) => (
          <div className="row-editor" key={i}>
            <label>Period {i + 1} starts at s<input type="number" min={0} required value={p.start} onChange={(e) => setPeriod(i, { start: e.target.value })} /></label>
            <label>Period {i + 1} limit ({d.unit})<input type="number" min={0} step="any" required value={p.limit} onChange={(e) => setPeriod(i, { limit: e.target.value })} /></label>
            <label>Period {i + 1} phases<select value={p.phases} onChange={(e) => setPeriod(i, { phases: e.target.value })}><option value="">default</option><option>1</option><option>2</option><option>3</option></select></label>
            {d.periods.length > 1 && <button type="button" onClick={() => setD({ ...d, periods: d.periods.filter((_, j) => j !== i) })}>Remove period {i + 1}</button>}
          </div>
        ))}
        {d.periods.length < 24 && <button type="button" onClick={() => setD({ ...d, periods: [...d.periods, { start: String(Number(d.periods[d.periods.length - 1]?.start ?? 0) + 3600), limit: '', phases: '' }] })}>Add period</button>}
      </fieldset>
      <ProblemMessage error={error} />
      <p className="actions"><button type="submit" className="primary">Save profile</button><button type="button" onClick={onCancel}>Cancel</button></p>
    </form>
  );
}

function ApplyForm({ profileId, onClose }: { profileId: string; onClose(): void }) {
  const [stationId, setStationId] = useState('');
  const [evseId, setEvseId] = useState('0');
  const [answer, setAnswer] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAnswer(null);
    try {
      setAnswer((await ok(api.POST('/api/v1/smart-charging/profiles/{profileId}/apply', { params: { path: { profileId } }, body: { stationId: stationId.trim(), evseId: Number(evseId) } }))).response);
    } catch (failure) { setError(failure); }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Send the profile to a station">
      <div className="form-grid">
        <label>Station id<input required value={stationId} onChange={(e) => setStationId(e.target.value)} /></label>
        <label>EVSE id (0: whole station)<input type="number" min={0} required value={evseId} onChange={(e) => setEvseId(e.target.value)} /></label>
      </div>
      <ProblemMessage error={error} />
      {answer !== null && <p className="result" role="status">Station answered: <code>{JSON.stringify(answer)}</code></p>}
      <p className="actions"><button type="submit" className="primary">Send</button><button type="button" onClick={onClose}>Close</button></p>
    </form>
  );
}
