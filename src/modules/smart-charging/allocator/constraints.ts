// The constraint model: every limit the allocator must respect, flattened into linear constraints
// "fixed load + Σ weight × EVSE limit <= cap". A circuit gives one constraint per phase that has a
// current limit and one for its power limit; an active external cap adds its own constraints on its
// circuit (so provenance can name the signal). An EVSE's limit weighs on every constraint of every
// circuit from its own up to the grid connection: with weight 1 on each site phase it draws from,
// and, on a power constraint, with the number of phases it draws on.
//
// Power limits are expressed in "phase-amperes" (kW × 1000 / V): one ampere on one phase at the
// nominal voltage. That keeps every constraint in one unit and the filling maths uniform.
import type { CompiledTopology } from './compiled-topology.js';
import { expandPhases } from './phases.js';
import type { ActiveCap } from './signals.js';
import type { ConstraintRef, PhaseValues, SiteTopology } from './types.js';

export type Constraint = {
  ref: ConstraintRef;
  /** 0..2 for a site phase, -1 for a power constraint. */
  phaseIndex: number;
  capA: number;
  /** Load that the allocator does not control (site load, PV as negative, offline / misbehaving EVs). */
  fixedA: number;
  /** Lift the battery gives this constraint at full available discharge. */
  batteryLiftA: number;
};

export type ConstraintModel = {
  constraints: Constraint[];
  /** Constraint indexes on each circuit (by circuit index), in a fixed order. */
  byCircuit: number[][];
  topology: CompiledTopology;
  voltageV: number;
};

/**
 * Which constraints each session weighs on and how much, flattened (compressed rows): session i's
 * entries are [start[i], start[i + 1]) of `k` (constraint index) and `w` (weight). Typed arrays
 * instead of one object per membership: 1,000 sessions have about 10,000 memberships.
 */
export type Memberships = { start: Int32Array; k: Int32Array; w: Float64Array };

/** Per constraint, the sessions weighing on it: entries [start[k], start[k + 1]) of `session`. */
export type MembersOf = { start: Int32Array; session: Int32Array };

function addCircuitConstraints(
  model: ConstraintModel, circuit: number, maxCurrentA: PhaseValues | undefined, maxPowerKw: number | undefined, signalId?: string,
): void {
  const list = model.byCircuit[circuit]!;
  const circuitId = model.topology.circuitIds[circuit]!;
  const source = signalId === undefined ? 'circuit' : 'signal';
  const push = (phaseIndex: number, capA: number): void => {
    const ref: ConstraintRef = { circuitId, phase: phaseIndex < 0 ? 'power' : (['L1', 'L2', 'L3'] as const)[phaseIndex]!, source };
    if (signalId !== undefined) ref.signalId = signalId;
    list.push(model.constraints.length);
    model.constraints.push({ ref, phaseIndex, capA, fixedA: 0, batteryLiftA: 0 });
  };
  if (maxCurrentA !== undefined) expandPhases(maxCurrentA).forEach((cap, p) => push(p, cap));
  if (maxPowerKw !== undefined) push(-1, (maxPowerKw * 1000) / model.voltageV);
}

export function buildConstraintModel(topology: SiteTopology, compiled: CompiledTopology, caps: readonly ActiveCap[]): ConstraintModel {
  const model: ConstraintModel = { constraints: [], byCircuit: topology.circuits.map(() => []), topology: compiled, voltageV: topology.voltageV };
  topology.circuits.forEach((c, i) => addCircuitConstraints(model, i, c.maxCurrentA, c.maxPowerKw));
  for (const cap of caps) {
    // A signal for a circuit this site does not have cannot be honoured precisely: apply it to the
    // grid connection, the strictest reading.
    const circuit = cap.circuitId === undefined ? undefined : compiled.circuitIndex.get(cap.circuitId);
    addCircuitConstraints(model, circuit ?? compiled.rootIndex, cap.maxCurrentA, cap.maxPowerKw, cap.id);
  }
  return model;
}

/**
 * Memberships of sessions on circuits `circuitOf` drawing `weights` (3 per session: A per site
 * phase per ampere of limit): every constraint from the session's circuit up to the grid
 * connection, with weight 1 per site phase it draws from, and on a power constraint the number of
 * phases it draws on.
 */
export function buildMemberships(model: ConstraintModel, circuitOf: Int32Array, weights: Uint8Array, n: number): Memberships {
  const { chains } = model.topology;
  let widest = 0;
  for (const chain of chains) {
    let count = 0;
    for (let j = 0; j < chain.length; j++) count += model.byCircuit[chain[j]!]!.length;
    widest = Math.max(widest, count);
  }
  const start = new Int32Array(n + 1);
  const k = new Int32Array(n * widest);
  const w = new Float64Array(n * widest);
  const phaseOf = Int8Array.from(model.constraints, (c) => c.phaseIndex);
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    const w0 = weights[3 * i]!, w1 = weights[3 * i + 1]!, w2 = weights[3 * i + 2]!;
    const total = w0 + w1 + w2;
    const chain = chains[circuitOf[i]!]!;
    for (let j = 0; j < chain.length; j++) {
      const list = model.byCircuit[chain[j]!]!;
      for (let m = 0; m < list.length; m++) {
        const c = list[m]!;
        const phase = phaseOf[c]!;
        const weight = phase < 0 ? total : phase === 0 ? w0 : phase === 1 ? w1 : w2;
        if (weight > 0) { k[at] = c; w[at] = weight; at++; }
      }
    }
  }
  start[n] = at;
  return { start, k, w };
}

/** The transpose of `memberships`: per constraint, its sessions in ascending order. */
export function membersOf(memberships: Memberships, constraintCount: number, n: number): MembersOf {
  const start = new Int32Array(constraintCount + 1);
  const total = memberships.start[n]!;
  for (let m = 0; m < total; m++) start[memberships.k[m]! + 1]!++;
  for (let c = 0; c < constraintCount; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, constraintCount);
  const session = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    for (let m = memberships.start[i]!; m < memberships.start[i + 1]!; m++) session[fill[memberships.k[m]!]!++] = i;
  }
  return { start, session };
}

/** Adds an uncontrollable per-site-phase load (negative for production) on a circuit (by index) and its ancestors. */
export function addFixedLoad(model: ConstraintModel, circuit: number, a0: number, a1: number, a2: number, field: 'fixedA' | 'batteryLiftA' = 'fixedA'): void {
  const total = a0 + a1 + a2;
  const chain = model.topology.chains[circuit]!;
  for (let j = 0; j < chain.length; j++) {
    const list = model.byCircuit[chain[j]!]!;
    for (let m = 0; m < list.length; m++) {
      const c = model.constraints[list[m]!]!;
      c[field] += c.phaseIndex < 0 ? total : c.phaseIndex === 0 ? a0 : c.phaseIndex === 1 ? a1 : a2;
    }
  }
}

/** Converts a three-phase symmetric power (kW) to amperes per phase. */
export function symmetricPhaseCurrent(kw: number, voltageV: number): [number, number, number] {
  const a = (kw * 1000) / (3 * voltageV);
  return [a, a, a];
}
