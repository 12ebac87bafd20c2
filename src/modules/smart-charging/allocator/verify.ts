// An independent check of an allocation: recomputes, circuit by circuit and phase by phase, the
// load the site would carry with these limits, without the allocator's constraint model, and
// lists every cap it would exceed. Used by the scenario and property tests, and by the service as
// a last guard before dispatch.
import { expandPhases, sitePhaseIndexes } from './phases.js';
import { activeCaps } from './signals.js';
import type { AllocationInput, AllocationResult } from './types.js';

const TOLERANCE_A = 1e-6;

export function findOverloads(input: AllocationInput, result: AllocationResult): string[] {
  const { topology } = input;
  const V = topology.voltageV;
  const root = topology.circuits.find((c) => c.parentId === null)!.id;
  const known = new Set(topology.circuits.map((c) => c.id));
  const at = (id: string | undefined) => (id !== undefined && known.has(id) ? id : root);
  // Load attached directly to each circuit, per site phase; the subtree sums come after.
  const own = new Map(topology.circuits.map((c) => [c.id, [0, 0, 0]]));
  // Load nobody controls, per circuit (to tell an overload we could not avoid from one we caused).
  const ownFixed = new Map(topology.circuits.map((c) => [c.id, [0, 0, 0]]));
  const add = (target: Map<string, number[]>, id: string, phases: readonly number[]) => { const a = target.get(id)!; for (let p = 0; p < 3; p++) a[p]! += phases[p] ?? 0; };
  const both = (id: string, phases: readonly number[]) => { add(own, id, phases); add(ownFixed, id, phases); };

  for (const l of input.siteLoads ?? []) both(at(l.circuitId), expandPhases(l.currentA));
  for (const pv of input.pv ?? []) { const a = -(Math.max(0, pv.productionKw) * 1000) / (3 * V); both(at(pv.circuitId), [a, a, a]); }
  if (input.battery) { const a = -(result.batteryDischargeKw * 1000) / (3 * V); both(at(input.battery.circuitId), [a, a, a]); }

  const sessions = new Map(input.sessions.map((s) => [s.evseId, s]));
  for (const evse of topology.evses) {
    const alloc = result.evses.find((e) => e.evseId === evse.id)!;
    const map = sitePhaseIndexes(evse.phaseRotation);
    const phases = [0, 0, 0];
    const session = sessions.get(evse.id);
    if (alloc.reason.kind === 'offline-last-known') {
      for (let k = 0; k < evse.phases; k++) phases[map[k]!]! += alloc.limitA;
      both(evse.circuitId, phases);
    } else if (alloc.reason.kind === 'misbehaving-ev') {
      (session?.measuredA ?? []).forEach((a, k) => { phases[map[k]!]! += a; });
      both(evse.circuitId, phases);
    } else {
      const measured = session?.measuredA;
      const drawing = measured && Math.max(0, ...measured) >= 1 ? measured.map((a) => a >= 1) : [0, 1, 2].map((k) => k < alloc.phases);
      drawing.forEach((on, k) => { if (on && k < 3) phases[map[k]!]! += alloc.limitA; });
      add(own, evse.circuitId, phases);
    }
  }

  const children = new Map<string, string[]>(topology.circuits.map((c) => [c.id, []]));
  for (const c of topology.circuits) if (c.parentId !== null) children.get(c.parentId)!.push(c.id);
  const total = (target: Map<string, number[]>, id: string): number[] => {
    const sum = [...target.get(id)!];
    for (const child of children.get(id)!) total(target, child).forEach((v, p) => { sum[p]! += v; });
    return sum;
  };

  const limits: { circuitId: string; label: string; maxCurrentA?: ReturnType<typeof expandPhases>; maxPowerKw?: number }[] = [];
  for (const c of topology.circuits) {
    const entry: (typeof limits)[number] = { circuitId: c.id, label: `circuit ${c.id}` };
    if (c.maxCurrentA !== undefined) entry.maxCurrentA = expandPhases(c.maxCurrentA);
    if (c.maxPowerKw !== undefined) entry.maxPowerKw = c.maxPowerKw;
    limits.push(entry);
  }
  for (const s of activeCaps(input.externalCaps ?? [], Date.parse(input.now))) {
    const entry: (typeof limits)[number] = { circuitId: at(s.circuitId), label: `signal ${s.id} on ${at(s.circuitId)}` };
    if (s.maxCurrentA !== undefined) entry.maxCurrentA = expandPhases(s.maxCurrentA);
    if (s.maxPowerKw !== undefined) entry.maxPowerKw = s.maxPowerKw;
    limits.push(entry);
  }

  const problems: string[] = [];
  for (const limit of limits) {
    const load = total(own, limit.circuitId);
    const fixed = total(ownFixed, limit.circuitId);
    // Above a cap is only excusable when the uncontrollable load alone is above it and nothing
    // controllable was added on that phase (or, for power, on any phase).
    const controllableOn = (p: number) => load[p]! - fixed[p]! > TOLERANCE_A;
    const controllable = [0, 1, 2].some(controllableOn);
    limit.maxCurrentA?.forEach((cap, p) => {
      if (load[p]! > cap + TOLERANCE_A && (fixed[p]! <= cap + TOLERANCE_A || controllableOn(p))) {
        problems.push(`${limit.label} L${p + 1}: ${load[p]!.toFixed(3)} A > ${cap} A`);
      }
    });
    if (limit.maxPowerKw !== undefined) {
      const kw = ((load[0]! + load[1]! + load[2]!) * V) / 1000;
      const fixedKw = ((fixed[0]! + fixed[1]! + fixed[2]!) * V) / 1000;
      if (kw > limit.maxPowerKw + 1e-6 && (fixedKw <= limit.maxPowerKw + 1e-6 || controllable)) problems.push(`${limit.label} power: ${kw.toFixed(3)} kW > ${limit.maxPowerKw} kW`);
    }
  }
  return problems;
}
