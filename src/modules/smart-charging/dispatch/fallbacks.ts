// Fallback limits (TxDefaultProfile per EVSE) that keep the cap when ChargeOps is unreachable. An
// EVSE's worst case is the higher of its TxProfile limit and its TxDefault: a charging EVSE keeps
// its TxProfile, an idle one may start a session at its TxDefault at any moment. So:
//  - a charging EVSE's TxDefault is at most its allocated limit (used after its session ends);
//  - but its limit was counted only on the phases its EV draws on: when the EV leaves, the TxDefault
//    applies on every phase the EVSE has (the next EV may draw on three). So an EVSE whose EV draws
//    on fewer phases shares the headroom like an idle one, its own TxProfile counted as a load
//    (site day, 17 samples above a cap: a single-phase EV left and its 1.5-3.1 A TxDefault landed on
//    phases the allocation had given to others);
//  - idle EVSEs share the headroom the allocation leaves, equally, never above the static
//    worst-case fallback (every EVSE drawing at once);
// and the sum of worst cases holds every constraint, against every signal not yet expired at its
// tightest value. A new arrival below 6 A waits (SuspendedEVSE) until the re-allocation, < 1 s.
// A fallback below the EVSE's minimum current is 0 (the same for an EV, and stable; ADR 080).
import { allocateSiteLimits, computeFallbackLimits } from '../allocator/index.js';
import type { AllocationInput, AllocationResult, ExternalCap, PhaseValues, SiteLoad } from '../allocator/types.js';

const SITE_PHASES = ['L1', 'L2', 'L3'] as const;

export function planFallbacks(input: AllocationInput, result: AllocationResult, caps: ExternalCap[], reservedSiteLoadA: PhaseValues): Map<string, number> {
  const worstCase = computeFallbackLimits({ now: input.now, topology: input.topology, externalCaps: caps, reservedSiteLoadA });
  const specs = new Map(input.topology.evses.map((e) => [e.id, e]));
  const busy = new Map<string, number>();
  // Charging on fewer phases than the EVSE has: its TxProfile is a load on those phases, its fallback a share.
  const partial = new Map<string, number>();
  const partialLoads: SiteLoad[] = [];
  for (const a of result.evses) {
    if (a.sessionId === null && a.reason.kind !== 'offline-last-known') continue;
    const spec = specs.get(a.evseId);
    if (a.reason.kind !== 'offline-last-known' && spec && a.sitePhases.length < spec.phases) {
      partial.set(a.evseId, a.limitA);
      partialLoads.push({ circuitId: spec.circuitId, currentA: SITE_PHASES.map((p) => (a.sitePhases.includes(p) ? a.limitA : 0)) as [number, number, number] });
    } else busy.set(a.evseId, a.limitA);
  }
  const sharing = input.topology.evses.filter((e) => !busy.has(e.id));
  const fallbacks = new Map<string, number>();
  for (const [id, limit] of busy) fallbacks.set(id, Math.min(limit, worstCase.get(id) ?? 0));
  if (sharing.length === 0) return belowMinimumAsZero(input, fallbacks);
  const ceiling = (id: string) => Math.min(partial.get(id) ?? Infinity, worstCase.get(id) ?? 0);
  const siteLoads = [...(input.siteLoads ?? []), ...partialLoads];
  const shares = allocateSiteLimits({
    now: input.now, strategy: 'equal-share',
    topology: { ...input.topology, evses: input.topology.evses.map((e) => (busy.has(e.id) ? { ...e, online: false, lastKnownLimitA: busy.get(e.id)! } : { ...e, online: true, minCurrentA: 0 })) },
    sessions: sharing.map((e) => ({ sessionId: `idle:${e.id}`, evseId: e.id, startedAt: input.now, minCurrentA: 0, maxCurrentA: ceiling(e.id) })),
    ...(siteLoads.length > 0 ? { siteLoads } : {}), ...(input.pv ? { pv: input.pv } : {}),
    externalCaps: caps, options: { useBattery: false },
  });
  for (const a of shares.evses) if (!busy.has(a.evseId)) fallbacks.set(a.evseId, a.limitA);
  return belowMinimumAsZero(input, fallbacks);
}

/**
 * A fallback below the EVSE's minimum charging current (IEC 61851: 6 A) lets no EV charge, exactly
 * as 0 A does; sent as 0 it stays 0 while the site is busy instead of being re-divided, lowered by a
 * fraction of an ampere on every idle EVSE, at every session start (bench reaction: 200
 * TxDefaultProfiles and 100 station maxima per start, which the new EV's increase waited for; ADR 080).
 */
function belowMinimumAsZero(input: AllocationInput, fallbacks: Map<string, number>): Map<string, number> {
  const defaultMinA = input.options?.defaultMinCurrentA ?? 6;
  for (const e of input.topology.evses) {
    const limit = fallbacks.get(e.id);
    if (limit !== undefined && limit < (e.minCurrentA ?? defaultMinA)) fallbacks.set(e.id, 0);
  }
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
