// From EVSEs and sessions to what the allocator works with. Each EVSE ends up in exactly one of:
//  - a fixed outcome decided here (offline, no session, misbehaving, deferred by cost), whose
//    uncontrollable load is added to the constraints;
//  - a participant: a session the allocator distributes current to, between a minimum and a maximum.
import type { CompiledTopology } from './compiled-topology.js';
import { addFixedLoad, type ConstraintModel } from './constraints.js';
import { parseIsoMs } from './iso-time.js';
import { sitePhasesFrom } from './phases.js';
import { parsePrices, PricePlan } from './strategy.js';
import type { AllocationInput, EvseAllocation, LimitReason, SessionInput } from './types.js';

/** A phase drawing at least this much counts as in use. */
export const PHASE_IN_USE_A = 1;

export type ResolvedOptions = {
  defaultMinCurrentA: number;
  drawHeadroomA: number;
  misbehaviourToleranceA: number;
  limitStepA: number;
  plannedRateFactor: number;
  useBattery: boolean;
  batteryHorizonHours: number;
};

export function resolveOptions(input: AllocationInput): ResolvedOptions {
  const o = input.options ?? {};
  return {
    defaultMinCurrentA: o.defaultMinCurrentA ?? 6,
    drawHeadroomA: o.drawHeadroomA ?? 2,
    misbehaviourToleranceA: o.misbehaviourToleranceA ?? 1,
    limitStepA: o.limitStepA ?? 0.1,
    plannedRateFactor: o.plannedRateFactor ?? 0.8,
    useBattery: o.useBattery ?? true,
    batteryHorizonHours: o.batteryHorizonHours ?? 0.25,
  };
}

/** Rounds down to the limit step, robust to binary floating point (12.3 stays 12.3). */
export function floorToStep(value: number, step: number): number {
  const units = Math.floor(value / step + 1e-9);
  // For a step that is 1 / an integer (0.1, 0.5, 1), dividing gives the same number as printing
  // to 6 decimals and reading back, without a string per limit (ADR 079).
  const perUnit = 1 / step;
  if (Number.isInteger(perUnit) && 1 / perUnit === step && Math.abs(units) < 1e9) return Math.max(0, units / perUnit);
  return Math.max(0, Number((units * step).toFixed(6)));
}

/** Why a participant's maximum is what it is (the reason it gets when nothing else binds it). */
export const MAX_BY_EVSE = 0;
export const MAX_BY_EV = 1;
export const MAX_BY_DRAW = 2;

/**
 * The sessions the allocator distributes current to, one entry per participant in each array
 * (struct of arrays: no object per session while allocating; ADR 079).
 */
export type Participants = {
  count: number;
  /** Index of the participant's EVSE in `topology.evses`. */
  evse: Int32Array;
  /** Circuit index of the participant's EVSE. */
  circuit: Int32Array;
  session: SessionInput[];
  /** 3 per participant: how many of the phases it draws on sit on site phase L1, L2, L3. */
  weights: Uint8Array;
  phases: Uint8Array;
  minA: Float64Array;
  maxA: Float64Array;
  maxKind: Uint8Array;
  /** The measured draw behind MAX_BY_DRAW. */
  measuredMaxA: Float64Array;
  priority: Float64Array;
  startedMs: Float64Array;
  departureMs: Float64Array;
};

/** Fixed outcomes by EVSE index (offline, no session, misbehaving, deferred); undefined for participants. */
export type Classified = { fixed: (EvseAllocation | undefined)[]; participants: Participants };

function parseTime(value: string, what: string): number {
  const ms = parseIsoMs(value);
  if (Number.isNaN(ms)) throw new InvalidAllocationInputError(`${what} is not a date-time: "${value}"`);
  return ms;
}

export class InvalidAllocationInputError extends Error {
  constructor(message: string) { super(message); this.name = 'InvalidAllocationInputError'; }
}

/** Session by EVSE index; refuses a session on an unknown EVSE and two sessions on one EVSE. */
export function sessionsByEvse(input: AllocationInput, topology: CompiledTopology): (SessionInput | undefined)[] {
  const byEvse: (SessionInput | undefined)[] = new Array(input.topology.evses.length).fill(undefined);
  for (const s of input.sessions) {
    const i = topology.evseIndex.get(s.evseId);
    if (i === undefined) throw new InvalidAllocationInputError(`session "${s.sessionId}" is on unknown EVSE "${s.evseId}"`);
    const other = byEvse[i];
    if (other !== undefined) throw new InvalidAllocationInputError(`EVSE "${s.evseId}" has two sessions ("${other.sessionId}", "${s.sessionId}")`);
    byEvse[i] = s;
  }
  return byEvse;
}

/** Math.max(0, ...values) without the spread (NaN when any value is NaN, as Math.max). */
function maxOrZero(values: readonly number[]): number {
  let max = 0;
  for (let k = 0; k < values.length; k++) max = Math.max(max, values[k]!);
  return max;
}

export function classifyEvses(input: AllocationInput, model: ConstraintModel, opts: ResolvedOptions, nowMs: number): Classified {
  const compiled = model.topology;
  const byEvse = sessionsByEvse(input, compiled);
  const evses = input.topology.evses;
  const E = evses.length;
  const sitePhase = compiled.evseSitePhase;
  const fixed: (EvseAllocation | undefined)[] = new Array(E).fill(undefined);
  const p: Participants = {
    count: 0, evse: new Int32Array(E), circuit: new Int32Array(E), session: [], weights: new Uint8Array(3 * E), phases: new Uint8Array(E),
    minA: new Float64Array(E), maxA: new Float64Array(E), maxKind: new Uint8Array(E), measuredMaxA: new Float64Array(E),
    priority: new Float64Array(E), startedMs: new Float64Array(E), departureMs: new Float64Array(E),
  };
  const w = [0, 0, 0];
  let pricePlan: PricePlan | undefined;
  for (let e = 0; e < E; e++) {
    const evse = evses[e]!;
    const session = byEvse[e];
    const circuit = compiled.evseCircuit[e]!;
    const s0 = sitePhase[3 * e]!, s1 = sitePhase[3 * e + 1]!, s2 = sitePhase[3 * e + 2]!;
    if (evse.online === false) {
      // Unreachable: it keeps applying the last limit it was given, on every phase it has.
      const limit = evse.lastKnownLimitA ?? evse.maxCurrentA;
      w[0] = 0; w[1] = 0; w[2] = 0;
      w[s0]! += 1; if (evse.phases > 1) w[s1]! += 1; if (evse.phases > 2) w[s2]! += 1;
      addFixedLoad(model, circuit, w[0]! * limit, w[1]! * limit, w[2]! * limit);
      fixed[e] = { evseId: evse.id, sessionId: session?.sessionId ?? null, limitA: limit, phases: evse.phases, sitePhases: sitePhasesFrom(w[0]!, w[1]!, w[2]!), reason: { kind: 'offline-last-known' } };
      continue;
    }
    if (!session) {
      w[0] = 0; w[1] = 0; w[2] = 0;
      w[s0]! += 1; if (evse.phases > 1) w[s1]! += 1; if (evse.phases > 2) w[s2]! += 1;
      fixed[e] = { evseId: evse.id, sessionId: null, limitA: 0, phases: evse.phases, sitePhases: sitePhasesFrom(w[0]!, w[1]!, w[2]!), reason: { kind: 'no-session' } };
      continue;
    }
    const startedMs = parseTime(session.startedAt, `session "${session.sessionId}" startedAt`);
    const departureMs = session.departureAt === undefined ? Infinity : parseTime(session.departureAt, `session "${session.sessionId}" departureAt`);

    // Site-phase weights of the phases the EV actually draws on: measured when it draws, else
    // declared. Measurement beats declaration: an EV seen on three phases is counted on three.
    const measured = session.measuredA;
    const measuredMax = measured ? maxOrZero(measured) : undefined;
    let phases = 0;
    w[0] = 0; w[1] = 0; w[2] = 0;
    if (measured && measuredMax! >= PHASE_IN_USE_A) {
      const count = Math.min(3, measured.length);
      for (let k = 0; k < count; k++) if ((measured[k] ?? 0) >= PHASE_IN_USE_A) { w[sitePhase[3 * e + k]!]! += 1; phases++; }
    } else {
      phases = Math.min(session.phases ?? evse.phases, evse.phases);
      for (let k = 0; k < phases; k++) w[sitePhase[3 * e + k]!]! += 1;
    }
    const previous = session.previousLimitA;
    const evMax = session.maxCurrentA ?? Infinity;
    const minA = session.minCurrentA ?? evse.minCurrentA ?? opts.defaultMinCurrentA;

    if (measuredMax !== undefined && previous !== undefined && measuredMax > previous + opts.misbehaviourToleranceA) {
      // It does not obey: count what it really draws, and give it less by as much as it overdraws.
      const onSite = [0, 0, 0];
      for (let k = 0; k < 3; k++) onSite[sitePhase[3 * e + k]!]! += measured![k] ?? 0;
      addFixedLoad(model, circuit, onSite[0]!, onSite[1]!, onSite[2]!);
      const excess = measuredMax - previous;
      const cut = floorToStep(Math.max(0, previous - excess), opts.limitStepA);
      fixed[e] = {
        evseId: evse.id, sessionId: session.sessionId, limitA: cut >= minA ? cut : 0, phases, sitePhases: sitePhasesFrom(w[0]!, w[1]!, w[2]!),
        reason: { kind: 'misbehaving-ev', measuredA: measuredMax, excessA: Number(excess.toFixed(3)) },
      };
      continue;
    }

    let maxA = Math.min(evse.maxCurrentA, evMax);
    let maxKind = evMax < evse.maxCurrentA ? MAX_BY_EV : MAX_BY_EVSE;
    if (measuredMax !== undefined && previous !== undefined && measuredMax + opts.drawHeadroomA < Math.min(previous, maxA)) {
      // It was given more than it takes (tapering, or limited on board): hand the rest to others.
      maxA = Math.max(Math.min(minA, maxA), measuredMax + opts.drawHeadroomA);
      maxKind = MAX_BY_DRAW;
    }

    if (input.strategy === 'cost-aware' && session.energyNeededKwh !== undefined && Number.isFinite(departureMs)) {
      const plannedKw = (Math.min(evse.maxCurrentA, evMax) * phases * input.topology.voltageV * opts.plannedRateFactor) / 1000;
      const plan = (pricePlan ??= new PricePlan(parsePrices(input.prices ?? []), nowMs)).decide(departureMs, session.energyNeededKwh, plannedKw);
      if (!plan.chargeNow) {
        fixed[e] = { evseId: evse.id, sessionId: session.sessionId, limitA: 0, phases, sitePhases: sitePhasesFrom(w[0]!, w[1]!, w[2]!), reason: { kind: 'deferred-to-cheaper-hours', nextChargeAt: plan.nextChargeAt } };
        continue;
      }
    }
    const i = p.count++;
    p.evse[i] = e; p.circuit[i] = circuit; p.session.push(session);
    p.weights[3 * i] = w[0]!; p.weights[3 * i + 1] = w[1]!; p.weights[3 * i + 2] = w[2]!;
    p.phases[i] = phases; p.minA[i] = Math.min(minA, maxA); p.maxA[i] = maxA; p.maxKind[i] = maxKind;
    p.measuredMaxA[i] = maxKind === MAX_BY_DRAW ? measuredMax! : 0;
    p.priority[i] = session.priority ?? 0; p.startedMs[i] = startedMs; p.departureMs[i] = departureMs;
  }
  return { fixed, participants: p };
}

/** The reason of a participant that its own maximum (not a constraint) stopped. */
export function maxReasonOf(p: Participants, i: number): LimitReason {
  const kind = p.maxKind[i];
  return kind === MAX_BY_DRAW ? { kind: 'ev-draw', measuredA: p.measuredMaxA[i]! } : kind === MAX_BY_EV ? { kind: 'ev-max' } : { kind: 'evse-max' };
}
