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
import { buildConstraintModel, membershipsOf, addFixedLoad, symmetricPhaseCurrent, type Membership } from './constraints.js';
import { expandPhases, sitePhasesOf } from './phases.js';
import { classifyEvses, floorToStep, InvalidAllocationInputError, resolveOptions, type Participant } from './participants.js';
import { activeCaps } from './signals.js';
import { admissionComparator, fillGroupKey } from './strategy.js';
import { indexTopology } from './topology.js';
import type { AllocationInput, AllocationResult, ConstraintUsage, EvseAllocation, LimitReason } from './types.js';
import { BOUND_BY_MAX, NOT_BOUND, waterFill, type FillState } from './water-fill.js';

const CHECK_EPS = 1e-9;

export function allocateSiteLimits(input: AllocationInput): AllocationResult {
  const nowMs = Date.parse(input.now);
  if (Number.isNaN(nowMs)) throw new InvalidAllocationInputError(`now is not a date-time: "${input.now}"`);
  const opts = resolveOptions(input);
  const { topology } = input;
  const index = indexTopology(topology);
  const model = buildConstraintModel(topology, index, activeCaps(input.externalCaps ?? [], nowMs));
  const circuitOf = (id: string | undefined): string => (id !== undefined && index.circuits.has(id) ? id : index.rootId);
  const V = topology.voltageV;

  for (const load of input.siteLoads ?? []) addFixedLoad(model, circuitOf(load.circuitId), expandPhases(load.currentA));
  for (const pv of input.pv ?? []) addFixedLoad(model, circuitOf(pv.circuitId), symmetricPhaseCurrent(-Math.max(0, pv.productionKw), V));
  const battery = input.battery;
  let batteryAvailableKw = 0;
  if (battery && opts.useBattery) {
    // Only what it can sustain over the horizon above its reserve: never plan on an empty battery.
    const usableKwh = Math.max(0, ((battery.socPct - (battery.minSocPct ?? 0)) / 100) * battery.capacityKwh);
    batteryAvailableKw = Math.max(0, Math.min(battery.maxDischargeKw, usableKwh / opts.batteryHorizonHours));
    addFixedLoad(model, circuitOf(battery.circuitId), symmetricPhaseCurrent(-batteryAvailableKw, V), 'batteryLiftA');
  }

  const { fixed, participants } = classifyEvses(input, model, opts, nowMs);
  const compare = admissionComparator(input.strategy);
  const ranked = participants
    .map((p) => ({ p, rank: { sessionId: p.session.sessionId, priority: p.priority, startedMs: p.startedMs, departureMs: p.departureMs } }))
    .sort((a, b) => compare(a.rank, b.rank));
  const order: Participant[] = ranked.map((r) => r.p);

  const K = model.constraints.length;
  const n = order.length;
  const capA = Float64Array.from(model.constraints, (c) => c.capA);
  const loadA = Float64Array.from(model.constraints, (c) => c.fixedA + c.batteryLiftA);
  const memberships: Membership[][] = order.map((p) => membershipsOf(model, p.evse.circuitId, p.weights));
  const membersOf: number[][] = Array.from({ length: K }, () => []);
  memberships.forEach((ms, i) => { for (const m of ms) membersOf[m.k]!.push(i); });
  const state: FillState = {
    capA, loadA, membersOf, memberships,
    maxA: Float64Array.from(order, (p) => p.maxA),
    valueA: new Float64Array(n),
    bound: new Int32Array(n).fill(NOT_BOUND),
  };

  // Admission at minimum current, in strategy order.
  const admitted: number[] = [];
  const reasons: (LimitReason | undefined)[] = new Array(n);
  let queuePosition = 0;
  for (let i = 0; i < n; i++) {
    const minA = order[i]!.minA;
    const blocking = memberships[i]!.find((m) => loadA[m.k]! + m.w * minA > capA[m.k]! + CHECK_EPS * Math.max(1, capA[m.k]!));
    if (blocking && minA > 0) {
      reasons[i] = { kind: 'min-current-starvation', queuePosition: ++queuePosition, ...model.constraints[blocking.k]!.ref };
      continue;
    }
    for (const m of memberships[i]!) loadA[m.k]! += m.w * minA;
    state.valueA[i] = minA;
    admitted.push(i);
  }

  // Fill groups one after another (a stable order of keys keeps it deterministic).
  const groups = new Map<number, number[]>();
  for (const i of admitted) {
    const p = order[i]!;
    const key = fillGroupKey(input.strategy, { sessionId: p.session.sessionId, priority: p.priority, startedMs: p.startedMs, departureMs: p.departureMs });
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  }
  for (const key of [...groups.keys()].sort((a, b) => a - b)) waterFill(state, groups.get(key)!);

  // Round down to the dispatch step, then check every constraint against the rounded limits.
  const limits = new Float64Array(n);
  for (const i of admitted) {
    const p = order[i]!;
    limits[i] = Math.max(p.minA, floorToStep(state.valueA[i]!, opts.limitStepA));
    const b = state.bound[i]!;
    reasons[i] = b >= 0 ? { kind: 'constraint', ...model.constraints[b]!.ref } : p.maxReason;
  }
  enforceCaps(model.constraints.map((c) => c.fixedA + c.batteryLiftA), capA, memberships, membersOf, limits, order, admitted, reasons, model, opts.limitStepA);

  // Battery: the discharge these limits rely on (the largest shortfall on any constraint it lifts).
  const loadWithoutBattery = model.constraints.map((c) => c.fixedA);
  admitted.forEach((i) => { for (const m of memberships[i]!) loadWithoutBattery[m.k]! += m.w * limits[i]!; });
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

  const byEvse = new Map<string, EvseAllocation>(fixed);
  order.forEach((p, i) => {
    byEvse.set(p.evse.id, { evseId: p.evse.id, sessionId: p.session.sessionId, limitA: reasons[i]!.kind === 'min-current-starvation' ? 0 : limits[i]!, phases: p.phases, sitePhases: sitePhasesOf(p.weights), reason: reasons[i]! });
  });
  return {
    now: input.now,
    strategy: input.strategy,
    evses: topology.evses.map((e) => byEvse.get(e.id)!),
    constraints,
    batteryDischargeKw,
  };
}

/**
 * Safety net: recompute each constraint's load from the rounded limits; while one is above its cap
 * (only floating-point residue can cause it), lower the largest limit on it by one step, or, once
 * all are at their minimum, pause the last admitted. Cannot loop forever: every turn lowers a limit.
 */
function enforceCaps(
  baseA: number[], capA: Float64Array, memberships: Membership[][], membersOf: number[][], limits: Float64Array,
  order: Participant[], admitted: number[], reasons: (LimitReason | undefined)[], model: { constraints: { ref: import('./types.js').ConstraintRef }[] }, step: number,
): void {
  const live = new Set(admitted);
  const load = [...baseA];
  for (const i of admitted) for (const m of memberships[i]!) load[m.k]! += m.w * limits[i]!;
  for (let k = 0; k < capA.length; k++) {
    while (load[k]! > capA[k]! + CHECK_EPS * Math.max(1, capA[k]!)) {
      const members = membersOf[k]!.filter((i) => live.has(i) && limits[i]! > 0);
      if (members.length === 0) break;
      const reducible = members.filter((i) => limits[i]! > order[i]!.minA);
      let victim: number;
      let next: number;
      if (reducible.length > 0) {
        victim = reducible.reduce((a, b) => (limits[b]! > limits[a]! || (limits[b] === limits[a] && b > a) ? b : a));
        next = Math.max(order[victim]!.minA, floorToStep(limits[victim]! - step, step));
        reasons[victim] = { kind: 'constraint', ...model.constraints[k]!.ref };
      } else {
        victim = members.reduce((a, b) => (b > a ? b : a));
        next = 0;
        live.delete(victim);
        reasons[victim] = { kind: 'min-current-starvation', queuePosition: 0, ...model.constraints[k]!.ref };
      }
      for (const m of memberships[victim]!) load[m.k]! -= m.w * (limits[victim]! - next);
      limits[victim] = next;
    }
  }
}
