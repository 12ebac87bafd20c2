// Checking a site topology and indexing its tree. The allocator refuses a topology it cannot reason
// about (a cycle, two grid connections, an EVSE on an unknown circuit) instead of guessing: a wrong
// guess here is a tripped breaker.
import { expandPhases } from './phases.js';
import type { CircuitSpec, PhaseValues, SiteTopology } from './types.js';

export type TopologyProblem = { path: string; message: string };

export class InvalidTopologyError extends Error {
  constructor(readonly problems: readonly TopologyProblem[]) {
    super(`invalid site topology: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidTopologyError';
  }
}

export type TopologyIndex = {
  rootId: string;
  circuits: ReadonlyMap<string, CircuitSpec>;
  /** For each circuit: itself, its parent, ... up to the grid connection. */
  chains: ReadonlyMap<string, readonly string[]>;
};

function badPhaseValues(values: PhaseValues | undefined): boolean {
  if (values === undefined) return false;
  if (typeof values !== 'number' && (!Array.isArray(values) || values.length !== 3)) return true;
  return expandPhases(values).some((v) => !Number.isFinite(v) || v < 0);
}

export function checkTopology(topology: SiteTopology): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  if (!(topology.voltageV > 0)) problems.push({ path: 'voltageV', message: 'must be a positive number' });
  const ids = new Set<string>();
  topology.circuits.forEach((c, i) => {
    if (ids.has(c.id)) problems.push({ path: `circuits[${i}].id`, message: `duplicate circuit id "${c.id}"` });
    ids.add(c.id);
    if (badPhaseValues(c.maxCurrentA)) problems.push({ path: `circuits[${i}].maxCurrentA`, message: 'must be a non-negative number or three of them' });
    if (c.maxPowerKw !== undefined && !(c.maxPowerKw >= 0)) problems.push({ path: `circuits[${i}].maxPowerKw`, message: 'must be non-negative' });
  });
  const roots = topology.circuits.filter((c) => c.parentId === null);
  if (roots.length !== 1) problems.push({ path: 'circuits', message: `exactly one circuit (the grid connection) must have no parent, found ${roots.length}` });
  topology.circuits.forEach((c, i) => {
    if (c.parentId !== null && !ids.has(c.parentId)) problems.push({ path: `circuits[${i}].parentId`, message: `unknown circuit "${c.parentId}"` });
  });
  // A cycle never reaches the root: walk up from each circuit with a step budget.
  const byId = new Map(topology.circuits.map((c) => [c.id, c]));
  for (const c of topology.circuits) {
    let cursor: CircuitSpec | undefined = c;
    let steps = 0;
    while (cursor && cursor.parentId !== null && steps <= topology.circuits.length) { cursor = byId.get(cursor.parentId); steps++; }
    if (steps > topology.circuits.length) { problems.push({ path: 'circuits', message: `circuit "${c.id}" is part of a cycle` }); break; }
  }
  const evseIds = new Set<string>();
  topology.evses.forEach((e, i) => {
    if (evseIds.has(e.id)) problems.push({ path: `evses[${i}].id`, message: `duplicate EVSE id "${e.id}"` });
    evseIds.add(e.id);
    if (!ids.has(e.circuitId)) problems.push({ path: `evses[${i}].circuitId`, message: `unknown circuit "${e.circuitId}"` });
    if (![1, 2, 3].includes(e.phases)) problems.push({ path: `evses[${i}].phases`, message: 'must be 1, 2 or 3' });
    if (!(e.maxCurrentA >= 0)) problems.push({ path: `evses[${i}].maxCurrentA`, message: 'must be non-negative' });
    if (e.minCurrentA !== undefined && !(e.minCurrentA >= 0 && e.minCurrentA <= e.maxCurrentA)) {
      problems.push({ path: `evses[${i}].minCurrentA`, message: 'must be between 0 and maxCurrentA' });
    }
  });
  return problems;
}

export function indexTopology(topology: SiteTopology): TopologyIndex {
  const problems = checkTopology(topology);
  if (problems.length > 0) throw new InvalidTopologyError(problems);
  const circuits = new Map(topology.circuits.map((c) => [c.id, c]));
  const chains = new Map<string, string[]>();
  for (const c of topology.circuits) {
    const chain: string[] = [];
    for (let cursor: CircuitSpec | undefined = c; cursor; cursor = cursor.parentId === null ? undefined : circuits.get(cursor.parentId)) chain.push(cursor.id);
    chains.set(c.id, chain);
  }
  const rootId = topology.circuits.find((c) => c.parentId === null)!.id;
  return { rootId, circuits, chains };
}
