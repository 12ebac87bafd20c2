// The parts of a site topology that do not change from one recomputation to the next, worked out
// once and reused: the checked circuit tree as arrays of indexes (each circuit's chain up to the
// grid connection), each EVSE's circuit, and each EVSE phase's site phase. A recomputation after
// a round of meter values then allocates no maps, sets or chains for the topology (bench allocate:
// 1,000 EVSEs, ADR 079).
//
// Reuse never changes a result: a cached compilation is used only when the topology still has the
// same circuits and EVSEs field by field (compared on every call, cheap and allocation-free), so
// an input mutated between two calls, or rebuilt with equal content, behaves exactly like a fresh one.
import { sitePhaseIndexes } from './phases.js';
import { checkTopology, indexTopology, InvalidTopologyError, type TopologyIndex } from './topology.js';
import type { CircuitSpec, EvseSpec, PhaseValues, SiteTopology } from './types.js';

export type CompiledTopology = {
  index: TopologyIndex;
  circuitIds: readonly string[];
  circuitIndex: ReadonlyMap<string, number>;
  /** Per circuit index: the circuit indexes from it up to the grid connection. */
  chains: readonly Int32Array[];
  rootIndex: number;
  evseIndex: ReadonlyMap<string, number>;
  /** Per EVSE: the index of its circuit. */
  evseCircuit: Int32Array;
  /** Per EVSE, 3 entries: the site phase (0..2) feeding the EVSE's L1, L2, L3. */
  evseSitePhase: Uint8Array;
  /** What the compilation was made from, to recognise the same topology. */
  shape: { voltageV: number; circuits: CircuitShape[]; evses: EvseShape[] };
};

type CircuitShape = { id: string; parentId: string | null; maxCurrentA: PhaseValues | undefined; a: number; b: number; c: number; maxPowerKw: number | undefined };
type EvseShape = { id: string; circuitId: string; phases: number; phaseRotation: string | undefined; maxCurrentA: number; minCurrentA: number | undefined };

const byIdentity = new WeakMap<SiteTopology, CompiledTopology>();
/** Recently compiled topologies, for callers that rebuild an equal topology on every call. */
const recent: CompiledTopology[] = [];
const RECENT_LIMIT = 16;

/** The compiled topology, reusing an earlier compilation of the same topology; throws InvalidTopologyError. */
export function compileTopology(topology: SiteTopology): CompiledTopology {
  const known = byIdentity.get(topology);
  if (known && sameShape(known, topology)) return known;
  for (let i = 0; i < recent.length; i++) {
    const candidate = recent[i]!;
    if (sameShape(candidate, topology)) { byIdentity.set(topology, candidate); return candidate; }
  }
  const compiled = compile(topology);
  byIdentity.set(topology, compiled);
  recent.unshift(compiled);
  if (recent.length > RECENT_LIMIT) recent.pop();
  return compiled;
}

function compile(topology: SiteTopology): CompiledTopology {
  const problems = checkTopology(topology);
  if (problems.length > 0) throw new InvalidTopologyError(problems);
  const index = indexTopology(topology);
  const circuitIds = topology.circuits.map((c) => c.id);
  const circuitIndex = new Map(circuitIds.map((id, i) => [id, i]));
  const chains = circuitIds.map((id) => Int32Array.from(index.chains.get(id)!, (cid) => circuitIndex.get(cid)!));
  const E = topology.evses.length;
  const evseCircuit = new Int32Array(E);
  const evseSitePhase = new Uint8Array(3 * E);
  const evseIndex = new Map<string, number>();
  topology.evses.forEach((e, i) => {
    evseIndex.set(e.id, i);
    evseCircuit[i] = circuitIndex.get(e.circuitId)!;
    evseSitePhase.set(sitePhaseIndexes(e.phaseRotation), 3 * i);
  });
  return {
    index, circuitIds, circuitIndex, chains, rootIndex: circuitIndex.get(index.rootId)!, evseIndex, evseCircuit, evseSitePhase,
    shape: { voltageV: topology.voltageV, circuits: topology.circuits.map(circuitShape), evses: topology.evses.map(evseShape) },
  };
}

function circuitShape(c: CircuitSpec): CircuitShape {
  const m = c.maxCurrentA;
  const [a, b, cc] = typeof m === 'object' && m !== null ? [m[0], m[1], m[2]] : [Number.NaN, Number.NaN, Number.NaN];
  return { id: c.id, parentId: c.parentId, maxCurrentA: m, a, b, c: cc, maxPowerKw: c.maxPowerKw };
}

function evseShape(e: EvseSpec): EvseShape {
  return { id: e.id, circuitId: e.circuitId, phases: e.phases, phaseRotation: e.phaseRotation, maxCurrentA: e.maxCurrentA, minCurrentA: e.minCurrentA };
}

/** Field-by-field comparison with what a compilation was made from (no allocation). */
function sameShape(compiled: CompiledTopology, topology: SiteTopology): boolean {
  const { shape } = compiled;
  if (shape.voltageV !== topology.voltageV || shape.circuits.length !== topology.circuits.length || shape.evses.length !== topology.evses.length) return false;
  for (let i = 0; i < shape.circuits.length; i++) {
    const s = shape.circuits[i]!;
    const c = topology.circuits[i]!;
    if (s.id !== c.id || s.parentId !== c.parentId || s.maxPowerKw !== c.maxPowerKw) return false;
    const m = c.maxCurrentA;
    if (typeof m === 'object' && m !== null) {
      // An array compares by its values: the same array may have been changed in place.
      if (typeof s.maxCurrentA !== 'object' || m.length !== 3 || m[0] !== s.a || m[1] !== s.b || m[2] !== s.c) return false;
    } else if (m !== s.maxCurrentA) return false;
  }
  for (let i = 0; i < shape.evses.length; i++) {
    const s = shape.evses[i]!;
    const e = topology.evses[i]!;
    if (s.id !== e.id || s.circuitId !== e.circuitId || s.phases !== e.phases || s.phaseRotation !== e.phaseRotation || s.maxCurrentA !== e.maxCurrentA || s.minCurrentA !== e.minCurrentA) return false;
  }
  return true;
}
