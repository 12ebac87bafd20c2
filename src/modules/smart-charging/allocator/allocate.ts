// allocateSiteLimits: the site allocator. A pure, deterministic function: the same input gives the
// same output whatever the order of its lists, and it does no I/O. Steps:
//  1. index and check the topology; turn circuits and active external caps into linear constraints;
//  2. add the loads it does not control: site load, PV (negative), battery support (negative),
//     offline EVSEs at their last known limit, misbehaving EVs at their measured draw;
//  3. admit sessions at their minimum current in the strategy's order; those that do not fit are
//     queued at 0 A (never the cap exceeded to squeeze one more car in);
//  4. fill the strategy's groups one after another by water-filling;
//  5. round limits down to the dispatch step, re-check every constraint (a safety net against
//     floating point), and work out the battery discharge the result relies on.
//
// Per recomputation it allocates little beyond its result: the topology's tree and phase maps are
// compiled once and reused (compiled-topology.ts), sessions and memberships live in typed arrays,
// and reasons are built only for the result (ADR 079).
import { compileTopology } from './compiled-topology.js';
import { addFixedLoad, buildConstraintModel, buildMemberships, membersOf as transpose, symmetricPhaseCurrent, type ConstraintModel, type Memberships, type MembersOf } from './constraints.js';
import { parseIsoMs } from './iso-time.js';
import { expandPhases, sitePhasesFrom } from './phases.js';
import { classifyEvses, floorToStep, InvalidAllocationInputError, maxReasonOf, resolveOptions, type Participants } from './participants.js';
import { activeCaps } from './signals.js';
import { participantComparator } from './strategy.js';
import type { AllocationInput, AllocationResult, ConstraintRef, ConstraintUsage, EvseAllocation, LimitReason, Strategy } from './types.js';
import { fillState, waterFill } from './water-fill.js';

const CHECK_EPS = 1e-9;

/** What decided a participant's limit, kept as numbers until the result is built. */
const BY_BOUND = 0; // the water-fill's bound: a constraint, or its own maximum
const BY_CONSTRAINT = 1; // lowered by the safety net on constraint `reasonK`
const STARVED = 2; // paused at 0 A on constraint `reasonK`, queue position in `queuePosition`

export function allocateSiteLimits(input: AllocationInput): AllocationResult {
  const nowMs = parseIsoMs(input.now);
  if (Number.isNaN(nowMs)) throw new InvalidAllocationInputError(`now is not a date-time: "${input.now}"`);
  const opts = resolveOptions(input);
  const { topology } = input;
  const compiled = compileTopology(topology);
  const model = buildConstraintModel(topology, compiled, activeCaps(input.externalCaps ?? [], nowMs));
  const circuitOf = (id: string | undefined): number => (id === undefined ? compiled.rootIndex : compiled.circuitIndex.get(id) ?? compiled.rootIndex);
  const V = topology.voltageV;

  for (const load of input.siteLoads ?? []) { const a = expandPhases(load.currentA); addFixedLoad(model, circuitOf(load.circuitId), a[0], a[1], a[2]); }
  for (const pv of input.pv ?? []) { const a = symmetricPhaseCurrent(-Math.max(0, pv.productionKw), V); addFixedLoad(model, circuitOf(pv.circuitId), a[0], a[1], a[2]); }
  const battery = input.battery;
  let batteryAvailableKw = 0;
  if (battery && opts.useBattery) {
    // Only what it can sustain over the horizon above its reserve: never plan on an empty battery.
    const usableKwh = Math.max(0, ((battery.socPct - (battery.minSocPct ?? 0)) / 100) * battery.capacityKwh);
    batteryAvailableKw = Math.max(0, Math.min(battery.maxDischargeKw, usableKwh / opts.batteryHorizonHours));
    const a = symmetricPhaseCurrent(-batteryAvailableKw, V);
    addFixedLoad(model, circuitOf(battery.circuitId), a[0], a[1], a[2], 'batteryLiftA');
  }

  const { fixed, participants: p } = classifyEvses(input, model, opts, nowMs);
  // Participants in the strategy's admission order: `order[i]` is the participant ranked i.
  const n = p.count;
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(participantComparator(input.strategy, p));

  const K = model.constraints.length;
  const circuits = new Int32Array(n);
  const weights = new Uint8Array(3 * n);
  const maxA = new Float64Array(n);
  const minA = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    circuits[r] = p.circuit[i]!;
    weights[3 * r] = p.weights[3 * i]!; weights[3 * r + 1] = p.weights[3 * i + 1]!; weights[3 * r + 2] = p.weights[3 * i + 2]!;
    maxA[r] = p.maxA[i]!; minA[r] = p.minA[i]!;
  }
  const memberships = buildMemberships(model, circuits, weights, n);
  const members = transpose(memberships, K, n);
  const capA = new Float64Array(K);
  const loadA = new Float64Array(K);
  for (let k = 0; k < K; k++) { const c = model.constraints[k]!; capA[k] = c.capA; loadA[k] = c.fixedA + c.batteryLiftA; }
  const state = fillState(capA, loadA, memberships, members, maxA);
  const { start: memStart, k: memK, w: memW } = memberships;

  // Admission at minimum current, in strategy order.
  const admitted: number[] = [];
  const decidedBy = new Uint8Array(n);
  const reasonK = new Int32Array(n);
  const queuePosition = new Int32Array(n);
  let queued = 0;
  for (let r = 0; r < n; r++) {
    const min = minA[r]!;
    let blocking = -1;
    for (let m = memStart[r]!; m < memStart[r + 1]!; m++) {
      const k = memK[m]!;
      if (loadA[k]! + memW[m]! * min > capA[k]! + CHECK_EPS * Math.max(1, capA[k]!)) { blocking = k; break; }
    }
    if (blocking >= 0 && min > 0) {
      decidedBy[r] = STARVED; reasonK[r] = blocking; queuePosition[r] = ++queued;
      continue;
    }
    for (let m = memStart[r]!; m < memStart[r + 1]!; m++) loadA[memK[m]!]! += memW[m]! * min;
    state.valueA[r] = min;
    admitted.push(r);
  }

  // Fill groups one after another (a stable order of keys keeps it deterministic).
  const groups = new Map<number, number[]>();
  for (const r of admitted) {
    const key = fillGroupKeyOf(input.strategy, p, order[r]!);
    const group = groups.get(key);
    if (group) group.push(r); else groups.set(key, [r]);
  }
  for (const key of [...groups.keys()].sort((a, b) => a - b)) waterFill(state, groups.get(key)!);

  // Round down to the dispatch step, then check every constraint against the rounded limits.
  const limits = new Float64Array(n);
  for (const r of admitted) limits[r] = Math.max(minA[r]!, floorToStep(state.valueA[r]!, opts.limitStepA));
  const baseA = new Float64Array(K);
  for (let k = 0; k < K; k++) baseA[k] = model.constraints[k]!.fixedA + model.constraints[k]!.batteryLiftA;
  enforceCaps({ baseA, capA, memberships, members, limits, minA, admitted, decidedBy, reasonK, step: opts.limitStepA });

  // Battery: the discharge these limits rely on (the largest shortfall on any constraint it lifts).
  const loadWithoutBattery = new Float64Array(K);
  for (let k = 0; k < K; k++) loadWithoutBattery[k] = model.constraints[k]!.fixedA;
  for (const r of admitted) for (let m = memStart[r]!; m < memStart[r + 1]!; m++) loadWithoutBattery[memK[m]!]! += memW[m]! * limits[r]!;
  let batteryDischargeKw = 0;
  const liftPerKw = (phaseIndex: number) => (phaseIndex < 0 ? 1000 / V : 1000 / (3 * V));
  model.constraints.forEach((c, k) => {
    if (c.batteryLiftA === 0) return;
    const shortfall = loadWithoutBattery[k]! - c.capA;
    if (shortfall > 0) batteryDischargeKw = Math.max(batteryDischargeKw, shortfall / liftPerKw(c.phaseIndex));
  });
  batteryDischargeKw = Math.max(0, Math.min(batteryAvailableKw, Math.ceil(batteryDischargeKw * 1000 - 1e-6) / 1000));

  const constraints: ConstraintUsage[] = model.constraints.map((c, k) => {
    const lift = c.batteryLiftA === 0 ? 0 : batteryDischargeKw * liftPerKw(c.phaseIndex);
    const load = loadWithoutBattery[k]! - lift;
    const toUnit = (a: number) => Number((c.phaseIndex < 0 ? (a * V) / 1000 : a).toFixed(3));
    return { ...c.ref, cap: toUnit(c.capA), load: toUnit(load), overloaded: c.fixedA + c.batteryLiftA > c.capA + CHECK_EPS };
  });

  // The result, in topology order; reasons are built here, once.
  const evses = fixed as EvseAllocation[];
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const e = p.evse[i]!;
    const by = decidedBy[r];
    const bound = state.bound[r]!;
    const reason: LimitReason = by === STARVED ? starvationReason(model, reasonK[r]!, queuePosition[r]!)
      : by === BY_CONSTRAINT ? constraintReason(model.constraints[reasonK[r]!]!.ref)
      : bound >= 0 ? constraintReason(model.constraints[bound]!.ref) : maxReasonOf(p, i);
    evses[e] = {
      evseId: topology.evses[e]!.id, sessionId: p.session[i]!.sessionId, limitA: by === STARVED ? 0 : limits[r]!, phases: p.phases[i]!,
      sitePhases: sitePhasesFrom(p.weights[3 * i]!, p.weights[3 * i + 1]!, p.weights[3 * i + 2]!), reason,
    };
  }
  return { now: input.now, strategy: input.strategy, evses, constraints, batteryDischargeKw };
}

function fillGroupKeyOf(strategy: Strategy, p: Participants, i: number): number {
  // Sessions with equal keys share equally; smaller keys are filled first (strategy.ts fillGroupKey).
  switch (strategy) {
    case 'priority': return -p.priority[i]!;
    case 'earliest-departure': return p.departureMs[i]!;
    case 'equal-share':
    case 'cost-aware': return 0;
  }
}

function constraintReason(ref: ConstraintRef): LimitReason {
  const reason: LimitReason = { kind: 'constraint', circuitId: ref.circuitId, phase: ref.phase, source: ref.source };
  if (ref.signalId !== undefined) reason.signalId = ref.signalId;
  return reason;
}

function starvationReason(model: ConstraintModel, k: number, queuePosition: number): LimitReason {
  const ref = model.constraints[k]!.ref;
  const reason: LimitReason = { kind: 'min-current-starvation', queuePosition, circuitId: ref.circuitId, phase: ref.phase, source: ref.source };
  if (ref.signalId !== undefined) reason.signalId = ref.signalId;
  return reason;
}

type CapCheck = {
  baseA: Float64Array; capA: Float64Array; memberships: Memberships; members: MembersOf; limits: Float64Array; minA: Float64Array;
  admitted: readonly number[]; decidedBy: Uint8Array; reasonK: Int32Array; step: number;
};

/**
 * Safety net: recompute each constraint's load from the rounded limits; while one is above its cap
 * (only floating-point residue can cause it), lower the largest limit on it by one step, or, once
 * all are at their minimum, pause the last admitted. Cannot loop forever: every turn lowers a limit.
 */
function enforceCaps({ baseA, capA, memberships, members, limits, minA, admitted, decidedBy, reasonK, step }: CapCheck): void {
  const { start: memStart, k: memK, w: memW } = memberships;
  const live = new Uint8Array(limits.length);
  for (const r of admitted) live[r] = 1;
  const load = Float64Array.from(baseA);
  for (const r of admitted) for (let m = memStart[r]!; m < memStart[r + 1]!; m++) load[memK[m]!]! += memW[m]! * limits[r]!;
  for (let k = 0; k < capA.length; k++) {
    while (load[k]! > capA[k]! + CHECK_EPS * Math.max(1, capA[k]!)) {
      // Among the live sessions with a limit on this constraint: the largest reducible one (ties: the
      // later in admission order), else the last admitted.
      let victim = -1;
      let last = -1;
      for (let m = members.start[k]!; m < members.start[k + 1]!; m++) {
        const r = members.session[m]!;
        if (!live[r] || !(limits[r]! > 0)) continue;
        last = Math.max(last, r);
        if (limits[r]! > minA[r]! && (victim < 0 || limits[r]! > limits[victim]! || (limits[r] === limits[victim] && r > victim))) victim = r;
      }
      if (last < 0) break;
      let next: number;
      if (victim >= 0) {
        next = Math.max(minA[victim]!, floorToStep(limits[victim]! - step, step));
        decidedBy[victim] = BY_CONSTRAINT; reasonK[victim] = k;
      } else {
        victim = last;
        next = 0;
        live[victim] = 0;
        decidedBy[victim] = STARVED; reasonK[victim] = k;
      }
      for (let m = memStart[victim]!; m < memStart[victim + 1]!; m++) load[memK[m]!]! -= memW[m]! * (limits[victim]! - next);
      limits[victim] = next;
    }
  }
}
