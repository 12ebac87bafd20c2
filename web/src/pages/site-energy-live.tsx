// The live site energy view: cap vs allocated load per circuit and phase, beside it the measured
// current per phase (ADR 083: the EVs' latest meter values on the site's phases plus the site
// meter's non-EV load), each EVSE's limit with why (the allocator's provenance), what it draws and
// what its station accepted. Kept live by the event stream: energy.* events of this site (a new
// allocation, a changed topology, a signal) and its stations' session events fetch it again.
import { useCallback, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { describeReason } from '../components/energy-reason.js';
import { PhaseBar } from '../components/phase-bar.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { useLiveEvents } from '../live/live-events.js';
import { STRATEGIES } from './site-energy-topology.js';

type Constraint = { circuitId: string; phase: string; source: string; signalId?: string; cap: number; load: number; overloaded: boolean };
type MeasuredCircuit = { circuitId: string; currentA: number[]; charging: number; measured: number; oldestSampleAt: string | null };
const PHASES = ['L1', 'L2', 'L3'] as const;

export function EnergyLive({ siteId, stationIds }: { siteId: string; stationIds: string[] }) {
  const allocation = useAsync(() => ok(api.GET('/api/v1/sites/{id}/energy/allocation', { params: { path: { id: siteId } } })), [siteId]);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = allocation.reload;
  // Events come in bursts (one per profile sent): one fetch per 250 ms at most.
  const soon = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => { pending.current = null; reload(); }, 250);
  }, [reload]);
  useEffect(() => () => { if (pending.current) clearTimeout(pending.current); }, []);
  useEffect(() => { const timer = setInterval(reload, 30_000); return () => clearInterval(timer); }, [reload]);
  const stations = new Set(stationIds);
  useLiveEvents(soon, (event) => (event.type.startsWith('energy.') && (event.data['siteId'] === siteId || (event.stationId !== null && stations.has(event.stationId))))
    || (event.type.startsWith('session.') && event.stationId !== null && stations.has(event.stationId)));

  const a = allocation.data;
  const byCircuit = new Map<string, Constraint[]>();
  for (const c of (a?.constraints ?? []) as Constraint[]) byCircuit.set(c.circuitId, [...(byCircuit.get(c.circuitId) ?? []), c]);
  const measuredOf = new Map((a?.measured.circuits ?? []).map((m) => [m.circuitId, m as MeasuredCircuit]));
  const drawOf = new Map((a?.measured.evses ?? []).map((m) => [m.evseId, m]));
  return (
    <section className="panel" aria-labelledby="live-title" aria-busy={allocation.loading}>
      <h2 id="live-title">Live: cap and limits</h2>
      <ProblemMessage error={allocation.error} onRetry={allocation.reload} />
      {a && (
        <>
          <p className="muted" data-testid="allocation-meta">
            {STRATEGIES[a.strategy as keyof typeof STRATEGIES] ?? a.strategy}; {a.computedAt ? `allocated ${formatTime(a.computedAt)}` : 'not allocated yet'}
            {a.batteryDischargeKw > 0 ? `; battery discharging ${a.batteryDischargeKw} kW to hold the caps` : ''}
          </p>
          {byCircuit.size === 0 ? <p className="muted">No allocation yet: it runs when a session starts, a meter value arrives or the topology changes.</p> : (
            <div className="phase-bars" data-testid="constraints">
              {[...byCircuit.entries()].map(([circuitId, list]) => (
                <div key={circuitId} role="group" aria-label={`Circuit ${circuitId}`}>
                  <h3>Circuit {circuitId}</h3>
                  {list.map((c) => (
                    <PhaseBar key={`${c.phase}-${c.source}-${c.signalId ?? ''}`}
                      label={`${circuitId} ${c.phase === 'power' ? 'power' : c.phase}${c.source === 'signal' ? ' (grid signal)' : ''}`}
                      load={c.load} cap={c.cap} unit={c.phase === 'power' ? 'kW' : 'A'} overloaded={c.overloaded} />
                  ))}
                  {measuredOf.has(circuitId) && <PhaseTable circuitId={circuitId} constraints={list} measured={measuredOf.get(circuitId)!} />}
                </div>
              ))}
              <p className="muted">Load = what the site meter reports besides EVs plus every EVSE's limit: the most that can be drawn with these limits. Measured = the EVs' latest meter values (Current.Import per phase) plus the site meter: what is drawn.</p>
            </div>
          )}
          <h3>EVSEs</h3>
          {a.evses.length === 0 ? <p className="muted">No EVSE in the last allocation.</p> : (
            <table data-testid="evse-limits">
              <thead><tr><th scope="col">EVSE</th><th scope="col">Session</th><th scope="col" className="num">Limit</th><th scope="col" className="num">Measured</th><th scope="col">Why</th><th scope="col">Station</th></tr></thead>
              <tbody>{a.evses.map((e) => {
                const [stationId] = e.evseId.split('/');
                const d = e.dispatched;
                return (
                  <tr key={e.evseId} data-evse={e.evseId}>
                    <td><Link to={`/stations/${encodeURIComponent(stationId ?? '')}`}>{e.evseId}</Link></td>
                    <td>{e.sessionId ? <Link to={`/sessions/${encodeURIComponent(e.sessionId)}`}>charging</Link> : 'idle'}</td>
                    <td className="num" data-testid="evse-limit">{round(e.limitA)} A × {e.phases} ({e.sitePhases.join(' ')})</td>
                    <td className="num" data-testid="evse-measured">{(() => {
                      const m = drawOf.get(e.evseId);
                      return m ? <span title={`sampled ${formatTime(m.sampledAt)}`}>{phaseText(m.currentA)}</span> : e.sessionId ? 'no sample yet' : '–';
                    })()}</td>
                    <td data-testid="evse-reason">{describeReason(e.reason)}</td>
                    <td>{d ? `${d.status}${d.appliedA !== null ? `, applies ${round(d.appliedA)} A` : ''}${d.fallbackA !== null ? `, fallback ${round(d.fallbackA)} A` : ''}` : 'not sent'}</td>
                  </tr>
                );
              })}</tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Site phases with a current, e.g. "L1 16 · L2 15.9 A" (phases at 0 A left out; all 0: "0 A"). */
function phaseText(currentA: readonly number[]): string {
  const parts = PHASES.flatMap((p, i) => ((currentA[i] ?? 0) > 0 ? [`${p} ${round(currentA[i]!)}`] : []));
  return parts.length === 0 ? '0 A' : `${parts.join(' · ')} A`;
}

/** Per phase of a circuit: its cap, the allocated load (the most that can be drawn) and the measured current. */
function PhaseTable({ circuitId, constraints, measured }: { circuitId: string; constraints: readonly Constraint[]; measured: MeasuredCircuit }) {
  return (
    <table className="compact" data-testid={`measured-${circuitId}`} aria-label={`Circuit ${circuitId}: cap, allocated and measured per phase`}>
      <caption className="muted" style={{ captionSide: 'bottom', textAlign: 'left' }}>
        {measured.charging === 0 ? 'No EV charging here.' : `${measured.measured} of ${measured.charging} charging EVSEs measured${measured.oldestSampleAt ? `, oldest sample ${formatTime(measured.oldestSampleAt)}` : ''}.`}
      </caption>
      <thead><tr><th scope="col">Phase</th><th scope="col" className="num">Cap</th><th scope="col" className="num">Allocated</th><th scope="col" className="num">Measured</th></tr></thead>
      <tbody>{PHASES.map((phase, i) => {
        const own = constraints.filter((c) => c.phase === phase);
        const cap = own.length === 0 ? null : Math.min(...own.map((c) => c.cap));
        const load = own.length === 0 ? null : Math.max(...own.map((c) => c.load));
        const drawn = measured.currentA[i] ?? 0;
        return (
          <tr key={phase} data-phase={phase}>
            <th scope="row">{phase}</th>
            <td className="num">{cap === null ? '–' : `${round(cap)} A`}</td>
            <td className="num">{load === null ? '–' : `${round(load)} A`}</td>
            <td className="num" data-testid="measured-a">{round(drawn)} A{cap !== null && drawn > cap + 1e-9 ? ' – over the cap' : ''}</td>
          </tr>
        );
      })}</tbody>
    </table>
  );
}