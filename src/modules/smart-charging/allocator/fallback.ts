// Fallback limits: what each EVSE may draw when ChargeOps cannot reach it (TxDefaultProfile /
// station maximum profile). They must hold in the worst case, every EVSE charging at once on all
// of its phases with nobody re-allocating, so they are an equal share over all EVSEs, with no
// minimum current (a fallback below 6 A simply means "do not charge unattended"), against the
// static limits and the caps active now, minus a reserve for the non-EV load.
import { allocateSiteLimits } from './allocate.js';
import type { AllocationInput, PhaseValues, SiteTopology } from './types.js';

export type FallbackInput = {
  now: string;
  topology: SiteTopology;
  externalCaps?: AllocationInput['externalCaps'];
  /** Non-EV load to keep room for at the grid connection. */
  reservedSiteLoadA?: PhaseValues;
  limitStepA?: number;
};

export function computeFallbackLimits(input: FallbackInput): Map<string, number> {
  const root = input.topology.circuits.find((c) => c.parentId === null)?.id;
  const allocation = allocateSiteLimits({
    now: input.now,
    strategy: 'equal-share',
    topology: { ...input.topology, evses: input.topology.evses.map((e) => ({ ...e, online: true, minCurrentA: 0 })) },
    sessions: input.topology.evses.map((e) => ({ sessionId: `fallback:${e.id}`, evseId: e.id, startedAt: input.now, minCurrentA: 0 })),
    siteLoads: input.reservedSiteLoadA === undefined || root === undefined ? [] : [{ circuitId: root, currentA: input.reservedSiteLoadA }],
    externalCaps: input.externalCaps ?? [],
    options: { limitStepA: input.limitStepA ?? 0.1, useBattery: false },
  });
  return new Map(allocation.evses.map((e) => [e.evseId, e.limitA]));
}
