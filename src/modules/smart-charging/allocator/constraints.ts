// The constraint model: every limit the allocator must respect, flattened into linear constraints
// "fixed load + Σ weight × EVSE limit <= cap". A circuit gives one constraint per phase that has a
// current limit and one for its power limit; an active external cap adds its own constraints on its
// circuit (so provenance can name the signal). An EVSE's limit weighs on every constraint of every
// circuit from its own up to the grid connection: with weight 1 on each site phase it draws from,
// and, on a power constraint, with the number of phases it draws on.
//
// Power limits are expressed in "phase-amperes" (kW × 1000 / V): one ampere on one phase at the
// nominal voltage. That keeps every constraint in one unit and the filling maths uniform.
import { expandPhases } from './phases.js';
import type { ActiveCap } from './signals.js';
import type { TopologyIndex } from './topology.js';
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

export type Membership = { k: number; w: number };

export type ConstraintModel = {
  constraints: Constraint[];
  /** Constraint indexes on each circuit, in a fixed order. */
  byCircuit: Map<string, number[]>;
  index: TopologyIndex;
  voltageV: number;
};

function addCircuitConstraints(
  model: ConstraintModel, circuitId: string, maxCurrentA: PhaseValues | undefined, maxPowerKw: number | undefined, signalId?: string,
): void {
  const list = model.byCircuit.get(circuitId)!;
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

export function buildConstraintModel(topology: SiteTopology, index: TopologyIndex, caps: readonly ActiveCap[]): ConstraintModel {
  const model: ConstraintModel = { constraints: [], byCircuit: new Map(), index, voltageV: topology.voltageV };
  for (const c of topology.circuits) model.byCircuit.set(c.id, []);
  for (const c of topology.circuits) addCircuitConstraints(model, c.id, c.maxCurrentA, c.maxPowerKw);
  for (const cap of caps) {
    const circuitId = cap.circuitId ?? index.rootId;
    // A signal for a circuit this site does not have cannot be honoured precisely: apply it to the
    // grid connection, the strictest reading.
    addCircuitConstraints(model, model.byCircuit.has(circuitId) ? circuitId : index.rootId, cap.maxCurrentA, cap.maxPowerKw, cap.id);
  }
  return model;
}

/** Constraints an EVSE on `circuitId` weighs on, drawing `weights` A per site phase per ampere. */
export function membershipsOf(model: ConstraintModel, circuitId: string, weights: readonly [number, number, number]): Membership[] {
  const total = weights[0] + weights[1] + weights[2];
  const out: Membership[] = [];
  for (const cid of model.index.chains.get(circuitId)!) {
    for (const k of model.byCircuit.get(cid)!) {
      const phase = model.constraints[k]!.phaseIndex;
      const w = phase < 0 ? total : weights[phase]!;
      if (w > 0) out.push({ k, w });
    }
  }
  return out;
}

/** Adds an uncontrollable per-site-phase load (negative for production) on a circuit and its ancestors. */
export function addFixedLoad(model: ConstraintModel, circuitId: string, perPhaseA: readonly [number, number, number], field: 'fixedA' | 'batteryLiftA' = 'fixedA'): void {
  const total = perPhaseA[0] + perPhaseA[1] + perPhaseA[2];
  for (const cid of model.index.chains.get(circuitId)!) {
    for (const k of model.byCircuit.get(cid)!) {
      const c = model.constraints[k]!;
      c[field] += c.phaseIndex < 0 ? total : perPhaseA[c.phaseIndex]!;
    }
  }
}

/** Converts a three-phase symmetric power (kW) to amperes per phase. */
export function symmetricPhaseCurrent(kw: number, voltageV: number): [number, number, number] {
  const a = (kw * 1000) / (3 * voltageV);
  return [a, a, a];
}
