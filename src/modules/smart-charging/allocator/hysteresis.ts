// The minimum-change step, separate from the allocator so that the allocator stays a function of
// the site's state alone: previous limits in, limits to dispatch out. A change smaller than the
// step is not worth a SetChargingProfile round trip (and a visible wobble in the car's charging
// power), so the previous limit is kept, but only when keeping it is safe:
//  - keeping a previous limit that is LOWER than the new one is always safe (it loads less);
//  - keeping a previous limit that is HIGHER is done only while every constraint the EVSE weighs
//    on still has the headroom for it (headroom freed by held increases counts);
//  - starting (0 -> something) and pausing (something -> 0) always go through.
import { indexTopology } from './topology.js';
import type { AllocationInput, AllocationResult, EvseAllocation } from './types.js';

export type MinimumChangeOptions = {
  /** Changes smaller than this (A) are not dispatched. Default 1 A. */
  minChangeA?: number;
};

const ADJUSTABLE = new Set(['constraint', 'ev-max', 'evse-max', 'ev-draw']);

export function applyMinimumChange(
  input: AllocationInput, result: AllocationResult, previous: ReadonlyMap<string, number>, options: MinimumChangeOptions = {},
): AllocationResult {
  const step = options.minChangeA ?? 1;
  const chains = indexTopology(input.topology).chains;
  const circuitOf = new Map(input.topology.evses.map((e) => [e.id, e.circuitId]));
  const V = input.topology.voltageV;
  const headroom = result.constraints.map((c) => c.cap - c.load);
  const constraintsOn = (evseId: string) => {
    const chain = new Set(chains.get(circuitOf.get(evseId)!)!);
    return result.constraints.map((c, k) => ({ c, k })).filter(({ c }) => chain.has(c.circuitId));
  };
  /** Extra load, in each constraint's unit, of raising `a` by `deltaA` per phase. */
  const extraLoad = (a: EvseAllocation, phase: string, deltaA: number) =>
    phase === 'power' ? (deltaA * a.sitePhases.length * V) / 1000 : deltaA * a.sitePhases.filter((p) => p === phase).length;

  const evses = result.evses.map((a) => ({ ...a }));
  const candidates = evses
    .filter((a) => ADJUSTABLE.has(a.reason.kind) && a.limitA > 0)
    .filter((a) => { const prev = previous.get(a.evseId); return prev !== undefined && prev > 0 && prev !== a.limitA && Math.abs(prev - a.limitA) < step; });
  // Increases first: holding them frees headroom the held decreases may use. Then by id (stable).
  candidates.sort((a, b) => Number(previous.get(a.evseId)! > a.limitA) - Number(previous.get(b.evseId)! > b.limitA) || (a.evseId < b.evseId ? -1 : 1));
  for (const a of candidates) {
    const prev = previous.get(a.evseId)!;
    const delta = prev - a.limitA;
    const affected = constraintsOn(a.evseId);
    if (delta > 0 && affected.some(({ c, k }) => extraLoad(a, c.phase, delta) > headroom[k]! + 1e-9)) continue;
    for (const { c, k } of affected) headroom[k]! -= extraLoad(a, c.phase, delta);
    a.held = { computedA: a.limitA };
    a.limitA = prev;
  }
  const constraints = result.constraints.map((c, k) => ({ ...c, load: Number((c.cap - headroom[k]!).toFixed(3)) }));
  return { ...result, evses, constraints };
}
