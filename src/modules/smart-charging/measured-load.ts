// What a site really draws, per circuit and site phase, for the live view (ADR 083): each charging
// EVSE's latest measured current (Current.Import per phase, else Power.Active.Import spread over its
// phases: dispatch/measured-draw.ts, ADR 048) moved onto the site's phases by its rotation, summed
// over every circuit it hangs under, plus the site meter's non-EV load on that circuit. Shown beside
// the cap and the allocation (the allocation is the most that can be drawn; this is what is drawn).
// Pure: the service reads the samples.
import { toSitePhases } from './allocator/phases.js';
import type { PhaseValues } from './allocator/types.js';
import type { MeasuredDraw } from './dispatch/measured-draw.js';
import { evseKey, type EnergyConfig } from './domain/energy-config.js';

export type Triple = [number, number, number];
export type MeasuredEvse = { evseId: string; sessionId: string; currentA: Triple; sampledAt: string };
export type MeasuredCircuit = {
  circuitId: string;
  /** EV draw measured on the circuit and below it, plus the site meter's non-EV load there (A per site phase). */
  currentA: Triple;
  /** Charging EVSEs under the circuit, and how many of them have a sample (the others are not in `currentA`). */
  charging: number;
  measured: number;
  /** The oldest sample summed in (null: none). */
  oldestSampleAt: string | null;
};

const expand = (v: PhaseValues): Triple => (typeof v === 'number' ? [v, v, v] : [v[0], v[1], v[2]]);
const round = (t: Triple): Triple => [Math.round(t[0] * 10) / 10, Math.round(t[1] * 10) / 10, Math.round(t[2] * 10) / 10];

/** `sessions`: EVSE key -> its active session; `draws`: session -> its latest measured draw. */
export function measuredLoad(config: EnergyConfig, sessions: ReadonlyMap<string, string>, draws: ReadonlyMap<string, MeasuredDraw>): { evses: MeasuredEvse[]; circuits: MeasuredCircuit[] } {
  const parentOf = new Map(config.circuits.map((c) => [c.id, c.parentId]));
  /** The circuit and every circuit above it (a cycle is refused on write; the guard only stops a loop). */
  const chainOf = (circuitId: string | null | undefined): string[] => {
    const chain: string[] = [];
    for (let id = circuitId ?? null; id !== null && !chain.includes(id); id = parentOf.get(id) ?? null) chain.push(id);
    return chain;
  };
  const circuits = new Map<string, MeasuredCircuit>(config.circuits.map((c) => [c.id, { circuitId: c.id, currentA: [0, 0, 0], charging: 0, measured: 0, oldestSampleAt: null }]));
  const evses: MeasuredEvse[] = [];
  for (const e of config.evses) {
    const key = evseKey(e.stationId, e.evseId);
    const sessionId = sessions.get(key);
    if (sessionId === undefined) continue;
    const draw = draws.get(sessionId);
    const onSite = draw ? toSitePhases(e.phaseRotation, draw.measuredA) : undefined;
    if (draw && onSite) evses.push({ evseId: key, sessionId, currentA: round(onSite), sampledAt: draw.sampledAt.toISOString() });
    for (const id of chainOf(e.circuitId)) {
      const c = circuits.get(id);
      if (!c) continue;
      c.charging++;
      if (!draw || !onSite) continue;
      c.measured++;
      c.currentA = [c.currentA[0] + onSite[0], c.currentA[1] + onSite[1], c.currentA[2] + onSite[2]];
      const at = draw.sampledAt.toISOString();
      if (c.oldestSampleAt === null || at < c.oldestSampleAt) c.oldestSampleAt = at;
    }
  }
  // The site meter's non-EV load counts on its circuit (default: the grid connection) and above.
  const siteLoad = config.readings?.siteLoadA;
  if (siteLoad !== undefined) {
    const load = expand(siteLoad as PhaseValues);
    const root = config.circuits.find((c) => c.parentId === null)?.id;
    for (const id of chainOf(config.readings?.siteLoadCircuitId ?? root)) {
      const c = circuits.get(id);
      if (c) c.currentA = [c.currentA[0] + load[0], c.currentA[1] + load[1], c.currentA[2] + load[2]];
    }
  }
  return { evses, circuits: [...circuits.values()].map((c) => ({ ...c, currentA: round(c.currentA) })) };
}
