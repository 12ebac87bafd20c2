// What the site could draw at this instant without ChargeOps, constraint by constraint, while a
// re-allocation's profiles are on their way (ADR 080). Every EVSE counts at its worst case, the
// higher of the TxProfile in force and its TxDefault (unknown: its hardware maximum), on every
// phase it has (the next EV may draw on all of them), plus the measured non-EV site load; PV and the
// battery are left out (they can vanish faster than a profile can be sent). A message in flight
// counts at the higher of its old and new value: a decrease lowers the ledger only once the station
// accepted it, an increase raises it before it is sent. An increase is sent only when the ledger
// says it fits, so the worst case stays under every cap at every instant, whatever the order in
// which stations answer.
import { compileTopology } from '../allocator/compiled-topology.js';
import { addFixedLoad, buildConstraintModel, buildMemberships, type Memberships } from '../allocator/constraints.js';
import { expandPhases } from '../allocator/phases.js';
import { activeCaps } from '../allocator/signals.js';
import type { AllocationInput } from '../allocator/types.js';

const EPS = 1e-6;

export class WorstCaseLedger {
  private constructor(
    private readonly evseIndex: ReadonlyMap<string, number>,
    private readonly capA: Float64Array,
    private readonly loadA: Float64Array,
    private readonly memberships: Memberships,
    private readonly worstA: Float64Array,
  ) {}

  /**
   * `worstOf(evseId)`: the EVSE's worst case before the wave, in A per phase. Signals count as
   * the allocation saw them (active now).
   */
  static build(input: AllocationInput, worstOf: (evseId: string) => number): WorstCaseLedger {
    const { topology } = input;
    const compiled = compileTopology(topology);
    const model = buildConstraintModel(topology, compiled, activeCaps(input.externalCaps ?? [], Date.parse(input.now)));
    for (const load of input.siteLoads ?? []) {
      const a = expandPhases(load.currentA);
      const circuit = load.circuitId === undefined ? compiled.rootIndex : compiled.circuitIndex.get(load.circuitId) ?? compiled.rootIndex;
      addFixedLoad(model, circuit, a[0], a[1], a[2]);
    }
    const E = topology.evses.length;
    const weights = new Uint8Array(3 * E);
    for (let e = 0; e < E; e++) {
      for (let k = 0; k < topology.evses[e]!.phases; k++) weights[3 * e + compiled.evseSitePhase[3 * e + k]!]! += 1;
    }
    const memberships = buildMemberships(model, compiled.evseCircuit, weights, E);
    const capA = Float64Array.from(model.constraints, (c) => c.capA);
    const loadA = Float64Array.from(model.constraints, (c) => c.fixedA);
    const worstA = Float64Array.from(topology.evses, (e) => worstOf(e.id));
    for (let e = 0; e < E; e++) for (let m = memberships.start[e]!; m < memberships.start[e + 1]!; m++) loadA[memberships.k[m]!]! += memberships.w[m]! * worstA[e]!;
    return new WorstCaseLedger(compiled.evseIndex, capA, loadA, memberships, worstA);
  }

  worst(evseId: string): number {
    return this.worstA[this.evseIndex.get(evseId)!]!;
  }

  /** Whether raising the EVSE's worst case to `toA` keeps every constraint it weighs on under its cap. */
  fits(evseId: string, toA: number): boolean {
    const e = this.evseIndex.get(evseId)!;
    const delta = toA - this.worstA[e]!;
    if (delta <= 0) return true;
    const { start, k, w } = this.memberships;
    for (let m = start[e]!; m < start[e + 1]!; m++) {
      const c = k[m]!;
      if (this.loadA[c]! + w[m]! * delta > this.capA[c]! + EPS) return false;
    }
    return true;
  }

  /** Records the EVSE's new worst case (a raise before sending, a fall once accepted). */
  set(evseId: string, toA: number): void {
    const e = this.evseIndex.get(evseId)!;
    const delta = toA - this.worstA[e]!;
    const { start, k, w } = this.memberships;
    for (let m = start[e]!; m < start[e + 1]!; m++) this.loadA[k[m]!]! += w[m]! * delta;
    this.worstA[e] = toA;
  }

  /** Constraints whose worst case is above their cap (for tests and logs). */
  overloaded(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.capA.length; c++) if (this.loadA[c]! > this.capA[c]! + EPS) out.push(c);
    return out;
  }
}
