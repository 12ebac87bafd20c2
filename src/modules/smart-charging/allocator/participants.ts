// From EVSEs and sessions to what the allocator works with. Each EVSE ends up in exactly one of:
//  - a fixed outcome decided here (offline, no session, misbehaving, deferred by cost), whose
//    uncontrollable load is added to the constraints;
//  - a participant: a session the allocator distributes current to, between a minimum and a maximum.
import { addFixedLoad, type ConstraintModel } from './constraints.js';
import { phaseWeights, sitePhaseIndexes, sitePhasesOf, toSitePhases } from './phases.js';
import { parsePrices, planCharging, type ParsedPrices } from './strategy.js';
import type { AllocationInput, EvseAllocation, EvseSpec, LimitReason, SessionInput } from './types.js';

/** A phase drawing at least this much counts as in use. */
const PHASE_IN_USE_A = 1;

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
  return Math.max(0, Number((units * step).toFixed(6)));
}

export type Participant = {
  evse: EvseSpec;
  session: SessionInput;
  weights: [number, number, number];
  phases: number;
  minA: number;
  maxA: number;
  maxReason: LimitReason;
  priority: number;
  startedMs: number;
  departureMs: number;
};

export type Classified = { fixed: Map<string, EvseAllocation>; participants: Participant[] };

function parseTime(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidAllocationInputError(`${what} is not a date-time: "${value}"`);
  return ms;
}

export class InvalidAllocationInputError extends Error {
  constructor(message: string) { super(message); this.name = 'InvalidAllocationInputError'; }
}

export function sessionsByEvse(input: AllocationInput): Map<string, SessionInput> {
  const evses = new Set(input.topology.evses.map((e) => e.id));
  const byEvse = new Map<string, SessionInput>();
  for (const s of input.sessions) {
    if (!evses.has(s.evseId)) throw new InvalidAllocationInputError(`session "${s.sessionId}" is on unknown EVSE "${s.evseId}"`);
    if (byEvse.has(s.evseId)) throw new InvalidAllocationInputError(`EVSE "${s.evseId}" has two sessions ("${byEvse.get(s.evseId)!.sessionId}", "${s.sessionId}")`);
    byEvse.set(s.evseId, s);
  }
  return byEvse;
}

/** Site-phase weights of the phases the EV actually draws on: measured when it draws, else declared. */
function drawingWeights(evse: EvseSpec, session: SessionInput): { weights: [number, number, number]; phases: number } {
  const declared = Math.min(session.phases ?? evse.phases, evse.phases);
  const measured = session.measuredA;
  if (measured && Math.max(0, ...measured) >= PHASE_IN_USE_A) {
    const map = sitePhaseIndexes(evse.phaseRotation);
    const weights: [number, number, number] = [0, 0, 0];
    let phases = 0;
    // Measurement beats declaration: an EV seen on three phases is counted on three.
    for (let k = 0; k < Math.min(3, measured.length); k++) if ((measured[k] ?? 0) >= PHASE_IN_USE_A) { weights[map[k]!]! += 1; phases++; }
    return { weights, phases };
  }
  return { weights: phaseWeights(evse.phaseRotation, declared), phases: declared };
}

export function classifyEvses(input: AllocationInput, model: ConstraintModel, opts: ResolvedOptions, nowMs: number): Classified {
  const byEvse = sessionsByEvse(input);
  const fixed = new Map<string, EvseAllocation>();
  const participants: Participant[] = [];
  let prices: ParsedPrices | undefined;
  for (const evse of input.topology.evses) {
    const session = byEvse.get(evse.id);
    if (evse.online === false) {
      // Unreachable: it keeps applying the last limit it was given, on every phase it has.
      const limit = evse.lastKnownLimitA ?? evse.maxCurrentA;
      const w = phaseWeights(evse.phaseRotation, evse.phases);
      addFixedLoad(model, evse.circuitId, [w[0] * limit, w[1] * limit, w[2] * limit]);
      fixed.set(evse.id, { evseId: evse.id, sessionId: session?.sessionId ?? null, limitA: limit, phases: evse.phases, sitePhases: sitePhasesOf(w), reason: { kind: 'offline-last-known' } });
      continue;
    }
    if (!session) {
      fixed.set(evse.id, { evseId: evse.id, sessionId: null, limitA: 0, phases: evse.phases, sitePhases: sitePhasesOf(phaseWeights(evse.phaseRotation, evse.phases)), reason: { kind: 'no-session' } });
      continue;
    }
    const startedMs = parseTime(session.startedAt, `session "${session.sessionId}" startedAt`);
    const departureMs = session.departureAt === undefined ? Infinity : parseTime(session.departureAt, `session "${session.sessionId}" departureAt`);
    const { weights, phases } = drawingWeights(evse, session);
    const measuredMax = session.measuredA ? Math.max(0, ...session.measuredA) : undefined;
    const previous = session.previousLimitA;
    const evMax = session.maxCurrentA ?? Infinity;
    const minA = session.minCurrentA ?? evse.minCurrentA ?? opts.defaultMinCurrentA;

    if (measuredMax !== undefined && previous !== undefined && measuredMax > previous + opts.misbehaviourToleranceA) {
      // It does not obey: count what it really draws, and give it less by as much as it overdraws.
      addFixedLoad(model, evse.circuitId, toSitePhases(evse.phaseRotation, session.measuredA!));
      const excess = measuredMax - previous;
      const cut = floorToStep(Math.max(0, previous - excess), opts.limitStepA);
      fixed.set(evse.id, {
        evseId: evse.id, sessionId: session.sessionId, limitA: cut >= minA ? cut : 0, phases, sitePhases: sitePhasesOf(weights),
        reason: { kind: 'misbehaving-ev', measuredA: measuredMax, excessA: Number(excess.toFixed(3)) },
      });
      continue;
    }

    let maxA = Math.min(evse.maxCurrentA, evMax);
    let maxReason: LimitReason = evMax < evse.maxCurrentA ? { kind: 'ev-max' } : { kind: 'evse-max' };
    if (measuredMax !== undefined && previous !== undefined && measuredMax + opts.drawHeadroomA < Math.min(previous, maxA)) {
      // It was given more than it takes (tapering, or limited on board): hand the rest to others.
      maxA = Math.max(Math.min(minA, maxA), measuredMax + opts.drawHeadroomA);
      maxReason = { kind: 'ev-draw', measuredA: measuredMax };
    }

    if (input.strategy === 'cost-aware' && session.energyNeededKwh !== undefined && Number.isFinite(departureMs)) {
      const plannedKw = (Math.min(evse.maxCurrentA, evMax) * phases * input.topology.voltageV * opts.plannedRateFactor) / 1000;
      const plan = planCharging(nowMs, departureMs, session.energyNeededKwh, plannedKw, prices ??= parsePrices(input.prices ?? []));
      if (!plan.chargeNow) {
        fixed.set(evse.id, { evseId: evse.id, sessionId: session.sessionId, limitA: 0, phases, sitePhases: sitePhasesOf(weights), reason: { kind: 'deferred-to-cheaper-hours', nextChargeAt: plan.nextChargeAt } });
        continue;
      }
    }
    participants.push({
      evse, session, weights, phases, minA: Math.min(minA, maxA), maxA, maxReason,
      priority: session.priority ?? 0, startedMs, departureMs,
    });
  }
  return { fixed, participants };
}
