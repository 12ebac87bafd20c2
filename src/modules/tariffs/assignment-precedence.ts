// Which tariff a driver gets at an EVSE (ADR 025). Pure: the store fetches the candidates.
//
// 1. Only assignments valid at the instant, for the EVSE's tenant, that cover the EVSE: its own
//    EVSE, its station, its site, or the whole tenant.
// 2. The driver's customer group first (members, fleet, roaming); when that group has no
//    assignment covering the EVSE, the public (ad-hoc) one applies.
// 3. Within the group: the most specific scope wins (EVSE > station > site > tenant), then an
//    assignment naming the driver's contract or partner (`groupRef`) over one for the whole group,
//    then the most recent `validFrom`, then the smallest id (only so that the answer is stable).

export type CustomerGroup = 'public' | 'members' | 'fleet' | 'roaming';
export type AssignmentScope = 'tenant' | 'site' | 'station' | 'evse';

export type Assignment = {
  id: string;
  tariffId: string;
  scope: AssignmentScope;
  siteId: string | null;
  stationId: string | null;
  evseId: number | null;
  customerGroup: CustomerGroup;
  groupRef: string | null;
  validFrom: Date;
  validTo: Date | null;
};

export type AssignmentQuery = {
  siteId: string | null;
  stationId: string;
  evseId: number;
  group: CustomerGroup;
  groupRef?: string | null;
  at: Date;
};

export type Resolution = { assignment: Assignment; reason: string };

const SCOPE_RANK: Record<AssignmentScope, number> = { evse: 4, station: 3, site: 2, tenant: 1 };

function covers(a: Assignment, q: AssignmentQuery): boolean {
  if (a.validFrom > q.at || (a.validTo !== null && a.validTo <= q.at)) return false;
  switch (a.scope) {
    case 'tenant': return true;
    case 'site': return q.siteId !== null && a.siteId === q.siteId;
    case 'station': return a.stationId === q.stationId;
    case 'evse': return a.stationId === q.stationId && a.evseId === q.evseId;
  }
}

function pick(candidates: Assignment[], q: AssignmentQuery, group: CustomerGroup): Assignment | undefined {
  return candidates
    .filter((a) => a.customerGroup === group && (a.groupRef === null || a.groupRef === (q.groupRef ?? null)) && covers(a, q))
    .sort((a, b) => SCOPE_RANK[b.scope] - SCOPE_RANK[a.scope]
      || Number(b.groupRef !== null) - Number(a.groupRef !== null)
      || b.validFrom.getTime() - a.validFrom.getTime()
      || a.id.localeCompare(b.id))[0];
}

export function resolveAssignment(candidates: Assignment[], q: AssignmentQuery): Resolution | undefined {
  const own = pick(candidates, q, q.group);
  const describe = (a: Assignment, fallback: boolean) =>
    `${a.customerGroup}${a.groupRef ? ` (${a.groupRef})` : ''} tariff assigned to the ${a.scope}${fallback ? `; no ${q.group} tariff covers this EVSE` : ''}`;
  if (own) return { assignment: own, reason: describe(own, false) };
  if (q.group === 'public') return undefined;
  const fallback = pick(candidates, q, 'public');
  return fallback ? { assignment: fallback, reason: describe(fallback, true) } : undefined;
}
