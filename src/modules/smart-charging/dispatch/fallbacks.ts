// Fallback limits (TxDefaultProfile per EVSE) that keep the cap when ChargeOps is unreachable. An
// EVSE's worst case is the higher of its TxProfile limit and its TxDefault: a charging EVSE keeps
// its TxProfile, an idle one may start a session at its TxDefault at any moment. So:
//  - a charging EVSE's TxDefault is at most its allocated limit (used after its session ends);
//  - idle EVSEs share the headroom the allocation leaves, equally, never above the static
//    worst-case fallback (every EVSE drawing at once);
// and the sum of worst cases holds every constraint, against every signal not yet expired at its
// tightest value. A new arrival below 6 A waits (SuspendedEVSE) until the re-allocation, < 1 s.
import { allocateSiteLimits, computeFallbackLimits } from '../allocator/index.js';
import type { AllocationInput, AllocationResult, ExternalCap, PhaseValues } from '../allocator/types.js';

export function planFallbacks(input: AllocationInput, result: AllocationResult, caps: ExternalCap[], reservedSiteLoadA: PhaseValues): Map<string, number> {
  const worstCase = computeFallbackLimits({ now: input.now, topology: input.topology, externalCaps: caps, reservedSiteLoadA });
  const busy = new Map(result.evses.filter((a) => a.sessionId !== null || a.reason.kind === 'offline-last-known').map((a) => [a.evseId, a.limitA]));
  const idle = input.topology.evses.filter((e) => !busy.has(e.id));
  const fallbacks = new Map<string, number>();
  for (const [id, limit] of busy) fallbacks.set(id, Math.min(limit, worstCase.get(id) ?? 0));
  if (idle.length === 0) return fallbacks;
  const shares = allocateSiteLimits({
    now: input.now, strategy: 'equal-share',
    topology: { ...input.topology, evses: input.topology.evses.map((e) => (busy.has(e.id) ? { ...e, online: false, lastKnownLimitA: busy.get(e.id)! } : { ...e, online: true, minCurrentA: 0 })) },
    sessions: idle.map((e) => ({ sessionId: `idle:${e.id}`, evseId: e.id, startedAt: input.now, minCurrentA: 0, maxCurrentA: worstCase.get(e.id) ?? 0 })),
    ...(input.siteLoads ? { siteLoads: input.siteLoads } : {}), ...(input.pv ? { pv: input.pv } : {}),
    externalCaps: caps, options: { useBattery: false },
  });
  for (const a of shares.evses) if (!busy.has(a.evseId)) fallbacks.set(a.evseId, a.limitA);
  return fallbacks;
}

/**
 * The caps a fallback must respect: every signal not yet expired, at the tightest value its
 * schedule will take, as if active now (a station cut off from ChargeOps cannot learn of it later).
 */
export function conservativeCaps(signals: readonly ExternalCap[], nowMs: number): ExternalCap[] {
  return signals
    .filter((s) => s.validUntil === undefined || Date.parse(s.validUntil) > nowMs)
    .flatMap((s) => [s, ...(s.schedule ?? [])].map((p, i) => ({
      id: `${s.id}#${i}`, ...(s.circuitId !== undefined ? { circuitId: s.circuitId } : {}),
      ...(p.maxCurrentA !== undefined ? { maxCurrentA: p.maxCurrentA } : {}), ...(p.maxPowerKw !== undefined ? { maxPowerKw: p.maxPowerKw } : {}),
    })))
    .filter((c) => c.maxCurrentA !== undefined || c.maxPowerKw !== undefined);
}
