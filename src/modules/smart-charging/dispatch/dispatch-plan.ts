// Which profiles a re-allocation sends (pure). Per EVSE: its TxProfile (the allocated limit, while
// a session runs) and its TxDefaultProfile fallback; per station: a station maximum
// (1.6 ChargePointMaxProfile / 2.x ChargingStationMaxProfile) at the sum of its EVSEs' worst cases,
// so the station holds its share of the cap even if it loses or misapplies its EVSE profiles.
// Decreases are sent before increases, and an increase only once what it could add fits under
// every cap (ADR 038, ADR 080); see profile-dispatcher.ts and worst-case-ledger.ts.
import type { AllocationResult } from '../allocator/types.js';
import type { ConfiguredEvse } from '../domain/energy-config.js';
import type { DispatchedLimit } from '../store.js';

export type EvseJob = {
  key: string; stationId: string; evseId: number; sessionId: string | null; externalId: string | null; reason: unknown; reachable: boolean;
  /** TxProfile: what the station applies now (ours, else its fallback, else its maximum) and the new limit. */
  effective: number; target: number; sendTx: boolean;
  /** TxDefaultProfile: installed (null: unknown) and the new fallback. */
  installedFallback: number | null; fallbackA: number; sendFallback: boolean;
  /** The EVSE's hardware maximum: what it may draw while its fallback is unknown. */
  evseMaxA: number;
};

/** What the EVSE could draw before this wave: the higher of its TxProfile in force and its fallback (unknown: its maximum). */
export const worstCaseBefore = (j: EvseJob): number => Math.max(j.effective, j.installedFallback ?? j.evseMaxA);

export type StationMaxJob = { stationId: string; installed: number | null; target: number };

export type PlanQuery = {
  result: AllocationResult;
  configured: ReadonlyMap<string, ConfiguredEvse>;
  rows: ReadonlyMap<string, DispatchedLimit>;
  sessions: ReadonlyMap<string, { id: string; externalId: string }>;
  online: (stationId: string) => boolean;
  fallbacks: ReadonlyMap<string, number>;
  bootedStations: ReadonlySet<string>;
  nowMs: number;
  leaseMs: number;
  minStepA: number;
  /** Whether a signal tightened a cap since this moment (the TxProfiles sent before it have ended). */
  tightenedSince: (ms: number) => boolean;
  /** Whether the EVSE's TxProfile (sent at `sentAtMs`) has ended by now. */
  txEnded: (evseKey: string, sentAtMs: number) => boolean;
  /** Whether the EVSE's TxProfile (sent at `sentAtMs`) would outlive the next tightening of a cap: sent again, shorter. */
  outlivesTightening: (evseKey: string, sentAtMs: number) => boolean;
};

/** A higher value goes out only by the minimum step (churn); a lower one always (safety). */
export const worthSending = (installed: number | null, target: number, minStepA: number): boolean =>
  installed === null || target < installed - 1e-9 || target - installed >= Math.max(minStepA, 1e-9);

export function planEvseJobs(q: PlanQuery): EvseJob[] {
  const jobs: EvseJob[] = [];
  for (const a of q.result.evses) {
    const evse = q.configured.get(a.evseId)!;
    const row = q.rows.get(a.evseId);
    const session = q.sessions.get(a.evseId);
    // A station whose last send failed counts at its last known limit but is sent to again.
    const reachable = q.online(evse.stationId);
    const installedFallback = row?.fallbackA ?? null;
    // A TxProfile that has ended (lease, or a signal that tightened a cap) no longer applies: the
    // station is at its fallback, so a new TxProfile above that is an increase, sent after the decreases.
    const txInForce = row && session && row.sessionId === session.id && !q.txEnded(a.evseId, row.updatedAt.getTime());
    const effective = txInForce ? row.limitA : installedFallback ?? evse.maxCurrentA;
    const renew = row !== undefined && row.sessionId === (session?.id ?? null)
      && ((q.leaseMs > 0 && q.nowMs - row.updatedAt.getTime() >= q.leaseMs / 2) || q.tightenedSince(row.updatedAt.getTime())
        || (row.status === 'accepted' && q.outlivesTightening(a.evseId, row.updatedAt.getTime())));
    const sendTx = reachable && session !== undefined && (row?.sessionId !== session.id || row.limitA !== a.limitA || row.status !== 'accepted' || renew);
    const fallbackA = q.fallbacks.get(a.evseId) ?? 0;
    const sendFallback = reachable && (q.bootedStations.has(evse.stationId) || worthSending(installedFallback, fallbackA, q.minStepA));
    jobs.push({
      key: a.evseId, stationId: evse.stationId, evseId: evse.evseId, sessionId: session?.id ?? null, externalId: session?.externalId ?? null, reason: a.reason,
      reachable, effective, target: a.limitA, sendTx, installedFallback, fallbackA, sendFallback, evseMaxA: evse.maxCurrentA,
    });
  }
  return jobs;
}

/**
 * Station maxima: per reachable station, the sum over its EVSEs of the higher of the new TxProfile
 * limit and the new fallback. Their sum is the site's worst case the fallbacks already hold, so a
 * station maximum never cuts an allocation; it bounds the station when its EVSE profiles are gone.
 */
export function planStationMaxima(jobs: readonly EvseJob[], installed: (stationId: string) => number | null, booted: ReadonlySet<string>, minStepA: number): StationMaxJob[] {
  const sums = new Map<string, number>();
  const unreachable = new Set<string>();
  for (const j of jobs) {
    if (!j.reachable) unreachable.add(j.stationId);
    sums.set(j.stationId, (sums.get(j.stationId) ?? 0) + Math.max(j.sessionId === null ? 0 : j.target, j.fallbackA));
  }
  const out: StationMaxJob[] = [];
  for (const [stationId, sum] of sums) {
    if (unreachable.has(stationId)) continue;
    const target = Math.floor(sum * 10 + 1e-9) / 10;
    const now = installed(stationId);
    if (booted.has(stationId) || worthSending(now, target, minStepA)) out.push({ stationId, installed: booted.has(stationId) ? null : now, target });
  }
  return out;
}
