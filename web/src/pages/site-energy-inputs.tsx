// What the site tells ChargeOps besides its topology: grid signals (a dynamic cap with a schedule
// and an expiry, from a grid operator or energy manager) and the site meter, PV and battery readings.
import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';

type PhaseValues = number | number[];
const phaseText = (v: PhaseValues | undefined) => (v === undefined ? '' : Array.isArray(v) ? `${v.join(' / ')} A` : `${v} A`);
const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const phases = (text: string): PhaseValues | undefined => {
  const parts = text.split(/[\s,/]+/).filter(Boolean).map(Number);
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts;
};

export function GridSignals({ siteId, circuitIds, canWrite, onChanged }: { siteId: string; circuitIds: string[]; canWrite: boolean; onChanged(): void }) {
  const signals = useAsync(() => ok(api.GET('/api/v1/sites/{id}/energy/signals', { params: { path: { id: siteId } } })), [siteId]);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState(() => ({ source: '', circuitId: '', from: localInput(new Date()), until: localInput(new Date(Date.now() + 4 * 3_600_000)), amps: '', kw: '' }));
  const [schedule, setSchedule] = useState<Array<{ minutes: string; amps: string; kw: string }>>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const maxCurrentA = phases(form.amps);
      await ok(api.POST('/api/v1/sites/{id}/energy/signals', {
        params: { path: { id: siteId } },
        body: {
          ...(form.source.trim() ? { source: form.source.trim() } : {}), ...(form.circuitId ? { circuitId: form.circuitId } : {}),
          validFrom: new Date(form.from).toISOString(), ...(form.until ? { validUntil: new Date(form.until).toISOString() } : {}),
          ...(maxCurrentA !== undefined ? { maxCurrentA } : {}), ...(form.kw.trim() ? { maxPowerKw: Number(form.kw) } : {}),
          ...(schedule.length > 0 ? {
            schedule: schedule.map((p) => ({ startOffsetSeconds: Math.round(Number(p.minutes) * 60), ...(phases(p.amps) !== undefined ? { maxCurrentA: phases(p.amps)! } : {}), ...(p.kw.trim() ? { maxPowerKw: Number(p.kw) } : {}) })),
          } : {}),
        },
      }));
      setSchedule([]);
      signals.reload();
      onChanged();
    } catch (failure) { setError(failure); }
  };
  const withdraw = async (signalId: string) => {
    setError(null);
    try { await ok(api.DELETE('/api/v1/sites/{id}/energy/signals/{signalId}', { params: { path: { id: siteId, signalId } } })); signals.reload(); onChanged(); } catch (failure) { setError(failure); }
  };
  const now = Date.now();
  return (
    <section className="panel" aria-labelledby="signals-title">
      <h2 id="signals-title">Grid signals</h2>
      <ProblemMessage error={signals.error ?? error} onRetry={signals.reload} />
      {signals.data && (signals.data.items.length === 0 ? <p className="muted">No grid signal: the circuits' own limits apply.</p> : (
        <table data-testid="signals">
          <thead><tr><th scope="col">Source</th><th scope="col">Circuit</th><th scope="col">Valid</th><th scope="col">Cap</th><th scope="col">Schedule</th>{canWrite && <th scope="col">Action</th>}</tr></thead>
          <tbody>{signals.data.items.map((sig) => {
            const expired = sig.validUntil !== undefined && new Date(sig.validUntil).getTime() < now;
            return (
              <tr key={sig.id}>
                <td>{sig.source ?? '–'}{expired ? ' (expired)' : ''}</td><td>{sig.circuitId ?? 'grid connection'}</td>
                <td>{sig.validFrom ? formatTime(sig.validFrom) : 'now'} – {sig.validUntil ? formatTime(sig.validUntil) : 'until withdrawn'}</td>
                <td>{[phaseText(sig.maxCurrentA as PhaseValues | undefined), sig.maxPowerKw !== undefined ? `${sig.maxPowerKw} kW` : ''].filter(Boolean).join(', ') || '–'}</td>
                <td>{(sig.schedule ?? []).map((p) => `+${Math.round(p.startOffsetSeconds / 60)} min: ${[phaseText(p.maxCurrentA as PhaseValues | undefined), p.maxPowerKw !== undefined ? `${p.maxPowerKw} kW` : ''].filter(Boolean).join(', ')}`).join('; ') || '–'}</td>
                {canWrite && <td><button type="button" onClick={() => void withdraw(sig.id)}>Withdraw signal {sig.source ?? sig.id.slice(0, 8)}</button></td>}
              </tr>
            );
          })}</tbody>
        </table>
      ))}
      {canWrite && (
        <form onSubmit={(e) => void submit(e)} aria-label="Add a grid signal">
          <h3>Add a signal</h3>
          <div className="form-grid">
            <label>Signal source<input maxLength={100} placeholder="DSO, energy manager" value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} /></label>
            <label>Signal circuit<select value={form.circuitId} onChange={(e) => setForm({ ...form, circuitId: e.target.value })}><option value="">grid connection</option>{circuitIds.map((id) => <option key={id} value={id}>{id}</option>)}</select></label>
            <label>Signal valid from<input type="datetime-local" required value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} /></label>
            <label>Signal expires<input type="datetime-local" value={form.until} onChange={(e) => setForm({ ...form, until: e.target.value })} /></label>
            <label>Signal cap A (one, or L1/L2/L3)<input value={form.amps} pattern="^\s*\d+(\.\d+)?(\s*[,/ ]\s*\d+(\.\d+)?){0,2}\s*$" onChange={(e) => setForm({ ...form, amps: e.target.value })} /></label>
            <label>Signal cap kW<input type="number" min={0} step="any" value={form.kw} onChange={(e) => setForm({ ...form, kw: e.target.value })} /></label>
          </div>
          <fieldset>
            <legend>Schedule (offsets from "valid from"; the latest period started gives the cap)</legend>
            {schedule.map((p, i) => (
              <div className="row-editor" key={i}>
                <label>Step {i + 1} starts after minutes<input type="number" min={0} required value={p.minutes} onChange={(e) => setSchedule(schedule.map((q, j) => (j === i ? { ...q, minutes: e.target.value } : q)))} /></label>
                <label>Step {i + 1} cap A<input value={p.amps} onChange={(e) => setSchedule(schedule.map((q, j) => (j === i ? { ...q, amps: e.target.value } : q)))} /></label>
                <label>Step {i + 1} cap kW<input type="number" min={0} step="any" value={p.kw} onChange={(e) => setSchedule(schedule.map((q, j) => (j === i ? { ...q, kw: e.target.value } : q)))} /></label>
                <button type="button" onClick={() => setSchedule(schedule.filter((_, j) => j !== i))}>Remove step {i + 1}</button>
              </div>
            ))}
            <button type="button" onClick={() => setSchedule([...schedule, { minutes: String(schedule.length * 60), amps: '', kw: '' }])}>Add schedule step</button>
          </fieldset>
          <p><button type="submit" className="primary">Send signal</button></p>
        </form>
      )}
    </section>
  );
}

type Readings = { siteLoadA?: PhaseValues; siteLoadCircuitId?: string; pvProductionKw?: number; battery?: { circuitId?: string; capacityKwh: number; socPct: number; minSocPct?: number; maxDischargeKw: number; maxChargeKw: number } };

export function SiteReadings({ siteId, readings, readingsAt, circuitIds, canWrite, onSaved }: { siteId: string; readings: Readings | null; readingsAt: string | null; circuitIds: string[]; canWrite: boolean; onSaved(): void }) {
  const b = readings?.battery;
  const v = (x: unknown) => (x === undefined || x === null ? '' : Array.isArray(x) ? x.join(' / ') : String(x));
  const [form, setForm] = useState({
    load: v(readings?.siteLoadA), loadCircuit: readings?.siteLoadCircuitId ?? '', pv: v(readings?.pvProductionKw),
    battery: Boolean(b), capacity: v(b?.capacityKwh), soc: v(b?.socPct), minSoc: v(b?.minSocPct), discharge: v(b?.maxDischargeKw), charge: v(b?.maxChargeKw),
  });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const load = form.load.split(/[\s,/]+/).filter(Boolean).map(Number);
      await ok(api.PUT('/api/v1/sites/{id}/energy/readings', {
        params: { path: { id: siteId } },
        body: {
          ...(load.length ? { siteLoadA: load.length === 1 ? load[0]! : load } : {}), ...(form.loadCircuit ? { siteLoadCircuitId: form.loadCircuit } : {}),
          ...(form.pv.trim() ? { pvProductionKw: Number(form.pv) } : {}),
          ...(form.battery ? { battery: { capacityKwh: Number(form.capacity), socPct: Number(form.soc), ...(form.minSoc.trim() ? { minSocPct: Number(form.minSoc) } : {}), maxDischargeKw: Number(form.discharge), maxChargeKw: Number(form.charge) } } : {}),
        },
      }));
      setSaved(true);
      onSaved();
    } catch (failure) { setError(failure); }
  };
  const input = (key: 'load' | 'pv' | 'capacity' | 'soc' | 'minSoc' | 'discharge' | 'charge', label: string, extra: Record<string, unknown> = {}) => (
    <label>{label}<input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...extra} /></label>
  );
  const number = { type: 'number', min: 0, step: 'any' };
  return (
    <section className="panel" aria-labelledby="readings-title">
      <h2 id="readings-title">Site meter, PV and battery</h2>
      <p className="muted">{readingsAt ? `Last reading ${formatTime(readingsAt)}.` : 'No reading yet.'} A metering system can push these through PUT /sites/{'{id}'}/energy/readings.</p>
      <form onSubmit={(e) => void submit(e)} aria-label="Site readings">
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
          <div className="form-grid">
            {input('load', 'Non-EV site load A (one, or L1/L2/L3; negative = export)')}
            <label>Site meter on circuit<select value={form.loadCircuit} onChange={(e) => setForm({ ...form, loadCircuit: e.target.value })}><option value="">grid connection</option>{circuitIds.map((id) => <option key={id} value={id}>{id}</option>)}</select></label>
            {input('pv', 'PV production kW', number)}
            <label>Battery storage<input type="checkbox" checked={form.battery} onChange={(e) => setForm({ ...form, battery: e.target.checked })} /></label>
            {form.battery && <>{input('capacity', 'Battery capacity kWh', { ...number, required: true })}{input('soc', 'Battery state of charge %', { ...number, max: 100, required: true })}{input('minSoc', 'Battery minimum %', { ...number, max: 100 })}
              {input('discharge', 'Battery max discharge kW', { ...number, required: true })}{input('charge', 'Battery max charge kW', { ...number, required: true })}</>}
          </div>
          <ProblemMessage error={error} />
          {saved && <p className="result" role="status">Readings saved.</p>}
          {canWrite && <p><button type="submit">Save readings</button></p>}
        </fieldset>
      </form>
    </section>
  );
}
