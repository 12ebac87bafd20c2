// The site topology editor: grid connection -> nested circuits -> EVSEs, per-phase A and/or kW
// limits, each EVSE's phases and rotation, the strategy and the reaction options. Saved whole with
// PUT /sites/{id}/energy; the server checks the whole tree and lists every problem.
import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client.js';
import { ProblemMessage } from '../components/problem-message.js';

export const STRATEGIES = { 'equal-share': 'Equal share', priority: 'Priority', 'earliest-departure': 'Earliest departure first', 'cost-aware': 'Cost-aware (cheap hours)' } as const;
type Strategy = keyof typeof STRATEGIES;
const ROTATIONS = ['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR'] as const;
type PhaseValues = number | number[];
type Circuit = { id: string; parentId: string | null; maxCurrentA?: PhaseValues; maxPowerKw?: number };
type Evse = { stationId: string; evseId: number; circuitId: string; phases: 1 | 2 | 3; phaseRotation?: (typeof ROTATIONS)[number]; maxCurrentA: number; minCurrentA?: number };
export type EnergyConfig = { strategy: Strategy; voltageV: number; circuits: Circuit[]; evses: Evse[]; options: Record<string, unknown> };

type CircuitDraft = { id: string; parentId: string; perPhase: boolean; amps: [string, string, string]; kw: string };
type EvseDraft = { stationId: string; evseId: string; circuitId: string; phases: string; rotation: string; maxA: string; minA: string };
type Draft = { strategy: Strategy; voltageV: string; minChangeA: string; debounceMs: string; circuits: CircuitDraft[]; evses: EvseDraft[] };

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

function circuitDraft(c: Circuit): CircuitDraft {
  const a = c.maxCurrentA;
  const perPhase = Array.isArray(a) && new Set(a).size > 1;
  const amps: [string, string, string] = Array.isArray(a) ? [s(a[0]), s(a[1]), s(a[2])] : [s(a), s(a), s(a)];
  return { id: c.id, parentId: c.parentId ?? '', perPhase, amps, kw: s(c.maxPowerKw) };
}

export function draftOf(config: EnergyConfig | null): Draft {
  if (!config) {
    return { strategy: 'equal-share', voltageV: '230', minChangeA: '', debounceMs: '', circuits: [{ id: 'grid', parentId: '', perPhase: false, amps: ['', '', ''], kw: '' }], evses: [] };
  }
  return {
    strategy: config.strategy, voltageV: s(config.voltageV), minChangeA: s(config.options['minChangeA']), debounceMs: s(config.options['debounceMs']),
    circuits: config.circuits.map(circuitDraft),
    evses: config.evses.map((e) => ({ stationId: e.stationId, evseId: s(e.evseId), circuitId: e.circuitId, phases: s(e.phases), rotation: s(e.phaseRotation), maxA: s(e.maxCurrentA), minA: s(e.minCurrentA) })),
  };
}

/** The PUT body; options the form does not show (reserved load, lease, tick) are kept from `kept`. */
export function bodyOf(d: Draft, kept: Record<string, unknown> = {}) {
  const circuits = d.circuits.map((c) => {
    const amps = c.perPhase ? c.amps.map((a) => Number(a)) : num(c.amps[0]);
    return {
      id: c.id.trim(), parentId: c.parentId || null,
      ...(c.perPhase ? (c.amps.every((a) => a.trim() !== '') ? { maxCurrentA: amps as number[] } : {}) : amps !== undefined ? { maxCurrentA: amps } : {}),
      ...(num(c.kw) !== undefined ? { maxPowerKw: num(c.kw)! } : {}),
    };
  });
  const evses = d.evses.map((e) => ({
    stationId: e.stationId.trim(), evseId: Number(e.evseId), circuitId: e.circuitId, phases: Number(e.phases) as 1 | 2 | 3,
    ...(e.rotation ? { phaseRotation: e.rotation as (typeof ROTATIONS)[number] } : {}), maxCurrentA: Number(e.maxA),
    ...(num(e.minA) !== undefined ? { minCurrentA: num(e.minA)! } : {}),
  }));
  const options = { ...kept, ...(num(d.minChangeA) !== undefined ? { minChangeA: num(d.minChangeA)! } : {}), ...(num(d.debounceMs) !== undefined ? { debounceMs: num(d.debounceMs)! } : {}) };
  return { strategy: d.strategy, voltageV: Number(d.voltageV || '230'), circuits, evses, options };
}

export function TopologyEditor({ siteId, config, stationIds, onSaved, canWrite }: { siteId: string; config: EnergyConfig | null; stationIds: string[]; onSaved(): void; canWrite: boolean }) {
  const [draft, setDraft] = useState(() => draftOf(config));
  const [error, setError] = useState<unknown>(null);
  const setCircuit = (i: number, patch: Partial<CircuitDraft>) => setDraft({ ...draft, circuits: draft.circuits.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setEvse = (i: number, patch: Partial<EvseDraft>) => setDraft({ ...draft, evses: draft.evses.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const circuitIds = draft.circuits.map((c) => c.id).filter(Boolean);
  const { minChangeA: _m, debounceMs: _d, ...kept } = config?.options ?? {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await ok(api.PUT('/api/v1/sites/{id}/energy', { params: { path: { id: siteId } }, body: bodyOf(draft, kept) as never }));
      onSaved();
    } catch (failure) { setError(failure); }
  };
  const stop = async () => {
    if (!window.confirm('Stop load management at this site? Profiles already on the stations stay until they expire.')) return;
    try { await ok(api.DELETE('/api/v1/sites/{id}/energy', { params: { path: { id: siteId } } })); onSaved(); } catch (failure) { setError(failure); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Site topology">
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="form-grid">
          <label>Strategy<select value={draft.strategy} onChange={(e) => setDraft({ ...draft, strategy: e.target.value as Strategy })}>
            {Object.entries(STRATEGIES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select></label>
          <label>Voltage V (phase to neutral)<input type="number" min={1} max={1000} value={draft.voltageV} onChange={(e) => setDraft({ ...draft, voltageV: e.target.value })} /></label>
          <label>Minimum change A (hysteresis)<input type="number" min={0} step="any" value={draft.minChangeA} onChange={(e) => setDraft({ ...draft, minChangeA: e.target.value })} /></label>
          <label>Debounce ms<input type="number" min={0} max={60000} value={draft.debounceMs} onChange={(e) => setDraft({ ...draft, debounceMs: e.target.value })} /></label>
        </div>
        <h3>Circuits</h3>
        <p className="muted">The one circuit without a parent is the grid connection. A per-phase limit is in A per phase; a power limit in kW over all phases.</p>
        {draft.circuits.map((c, i) => {
          const n = i + 1;
          return (
            <div className="row-editor" key={i} role="group" aria-label={`Circuit ${n}`}>
              <label>Circuit {n} id<input required maxLength={64} value={c.id} onChange={(e) => setCircuit(i, { id: e.target.value })} /></label>
              <label>Circuit {n} fed by<select value={c.parentId} onChange={(e) => setCircuit(i, { parentId: e.target.value })}>
                <option value="">– grid connection –</option>
                {circuitIds.filter((id) => id !== c.id).map((id) => <option key={id} value={id}>{id}</option>)}
              </select></label>
              <label>Circuit {n} per-phase limits<input type="checkbox" checked={c.perPhase} onChange={(e) => setCircuit(i, { perPhase: e.target.checked })} /></label>
              {c.perPhase
                ? (['L1', 'L2', 'L3'] as const).map((p, k) => (
                  <label key={p}>Circuit {n} {p} A<input type="number" min={0} step="any" required value={c.amps[k]} onChange={(e) => { const amps = [...c.amps] as [string, string, string]; amps[k] = e.target.value; setCircuit(i, { amps }); }} /></label>
                ))
                : <label>Circuit {n} max A per phase<input type="number" min={0} step="any" value={c.amps[0]} onChange={(e) => setCircuit(i, { amps: [e.target.value, e.target.value, e.target.value] })} /></label>}
              <label>Circuit {n} max kW<input type="number" min={0} step="any" value={c.kw} onChange={(e) => setCircuit(i, { kw: e.target.value })} /></label>
              {draft.circuits.length > 1 && <button type="button" onClick={() => setDraft({ ...draft, circuits: draft.circuits.filter((_, j) => j !== i) })}>Remove circuit {n}</button>}
            </div>
          );
        })}
        <p><button type="button" onClick={() => setDraft({ ...draft, circuits: [...draft.circuits, { id: `circuit-${draft.circuits.length + 1}`, parentId: draft.circuits[0]?.id ?? '', perPhase: false, amps: ['', '', ''], kw: '' }] })}>Add circuit</button></p>
        <h3>EVSEs</h3>
        <datalist id="site-station-ids">{stationIds.map((id) => <option key={id} value={id} />)}</datalist>
        {draft.evses.length === 0 && <p className="muted">No EVSE under load management yet.</p>}
        {draft.evses.map((e, i) => {
          const n = i + 1;
          return (
            <div className="row-editor" key={i} role="group" aria-label={`EVSE ${n}`}>
              <label>EVSE {n} station<input required list="site-station-ids" value={e.stationId} onChange={(ev) => setEvse(i, { stationId: ev.target.value })} /></label>
              <label>EVSE {n} id (1.6: connector)<input required type="number" min={1} value={e.evseId} onChange={(ev) => setEvse(i, { evseId: ev.target.value })} /></label>
              <label>EVSE {n} circuit<select value={e.circuitId} onChange={(ev) => setEvse(i, { circuitId: ev.target.value })}>{circuitIds.map((id) => <option key={id} value={id}>{id}</option>)}</select></label>
              <label>EVSE {n} phases<select value={e.phases} onChange={(ev) => setEvse(i, { phases: ev.target.value })}><option value="1">1</option><option value="2">2</option><option value="3">3</option></select></label>
              <label>EVSE {n} phase rotation<select value={e.rotation} onChange={(ev) => setEvse(i, { rotation: ev.target.value })}><option value="">RST (standard)</option>{ROTATIONS.slice(1).map((r) => <option key={r} value={r}>{r}</option>)}</select></label>
              <label>EVSE {n} max A<input required type="number" min={0} step="any" value={e.maxA} onChange={(ev) => setEvse(i, { maxA: ev.target.value })} /></label>
              <label>EVSE {n} min A<input type="number" min={0} step="any" value={e.minA} onChange={(ev) => setEvse(i, { minA: ev.target.value })} /></label>
              <button type="button" onClick={() => setDraft({ ...draft, evses: draft.evses.filter((_, j) => j !== i) })}>Remove EVSE {n}</button>
            </div>
          );
        })}
        <p><button type="button" onClick={() => setDraft({ ...draft, evses: [...draft.evses, { stationId: stationIds[0] ?? '', evseId: '1', circuitId: circuitIds[circuitIds.length - 1] ?? '', phases: '3', rotation: '', maxA: '32', minA: '6' }] })}>Add EVSE</button></p>
        <ProblemMessage error={error} />
        {canWrite && <p className="actions"><button type="submit" className="primary">Save topology</button>{config && <button type="button" onClick={() => void stop()}>Stop load management</button>}</p>}
      </fieldset>
    </form>
  );
}
