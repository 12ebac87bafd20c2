// What each strategy means for the allocator, expressed as two things only:
//  - the admission order: who gets the minimum current first when not everyone can;
//  - the fill groups: groups are filled one after another (a later group only gets what the
//    earlier ones could not use); inside a group, current is shared equally (water-filling).
// Cost-aware additionally defers sessions whose energy fits into cheaper hours before departure.
import type { PricePeriod, Strategy } from './types.js';

export type RankedSession = {
  sessionId: string;
  priority: number;
  startedMs: number;
  departureMs: number;
};

function compareBase(a: RankedSession, b: RankedSession): number {
  return a.startedMs - b.startedMs || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0);
}

/** Admission order, a total order so the result never depends on the order of the input. */
export function admissionComparator(strategy: Strategy): (a: RankedSession, b: RankedSession) => number {
  switch (strategy) {
    case 'equal-share':
      // First come, first served: a car already charging is not paused for one that just arrived.
      return compareBase;
    case 'priority':
      return (a, b) => b.priority - a.priority || compareBase(a, b);
    case 'earliest-departure':
    case 'cost-aware':
      return (a, b) => a.departureMs - b.departureMs || b.priority - a.priority || compareBase(a, b);
  }
}

/** The admission comparator over participant indexes (same order as admissionComparator, no objects). */
export function participantComparator(strategy: Strategy, p: { session: readonly { sessionId: string }[]; priority: Float64Array; startedMs: Float64Array; departureMs: Float64Array }): (a: number, b: number) => number {
  const { session, priority, startedMs, departureMs } = p;
  const base = (a: number, b: number): number => {
    const d = startedMs[a]! - startedMs[b]!;
    if (d) return d;
    const x = session[a]!.sessionId, y = session[b]!.sessionId;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  switch (strategy) {
    case 'equal-share':
      return base;
    case 'priority':
      return (a, b) => priority[b]! - priority[a]! || base(a, b);
    case 'earliest-departure':
    case 'cost-aware':
      return (a, b) => departureMs[a]! - departureMs[b]! || priority[b]! - priority[a]! || base(a, b);
  }
}

/** Group key: sessions with equal keys share equally; smaller keys are filled first. */
export function fillGroupKey(strategy: Strategy, s: RankedSession): number {
  switch (strategy) {
    case 'priority':
      return -s.priority;
    case 'earliest-departure':
      return s.departureMs;
    case 'equal-share':
    case 'cost-aware':
      return 0;
  }
}

/** Prices parsed and sorted once per allocation, not once per session (bench allocate, cost-aware). */
export type ParsedPrices = { periods: readonly { from: number; to: number; price: number }[]; maxPrice: number };

export function parsePrices(prices: readonly PricePeriod[]): ParsedPrices {
  const periods = prices.map((p) => ({ from: Date.parse(p.from), to: Date.parse(p.to), price: p.pricePerKwh })).sort((a, b) => a.from - b.from);
  return { periods, maxPrice: Math.max(...prices.map((p) => p.pricePerKwh)) };
}

export type ChargePlan = { chargeNow: true } | { chargeNow: false; nextChargeAt: string | null };

/**
 * Cost-aware decision for one session: split [now, departure) at price boundaries, take the
 * cheapest pieces (earliest first on a tie) until they hold the energy needed at the planned rate,
 * and charge now only when the piece containing `now` is among them. Hours without a known price
 * count as the most expensive known price. When even every remaining hour is not enough, charge now.
 */
export function planCharging(nowMs: number, departureMs: number, energyNeededKwh: number, plannedKw: number, prices: readonly PricePeriod[] | ParsedPrices): ChargePlan {
  const parsed = 'periods' in prices ? prices : parsePrices(prices);
  return new PricePlan(parsed, nowMs).decide(departureMs, energyNeededKwh, plannedKw);
}

/**
 * planCharging for many sessions at one `now` (bench allocate, cost-aware: 1,000 sessions). The
 * pieces from `now` on (price periods, the gaps between them and an open-ended last gap at the
 * fallback price) are built and ranked once; a session's pieces are the same ones cut at its
 * departure, which keeps their ranking (pieces never overlap, so `from` breaks every tie). Same
 * pieces, same order, same sums as splitting and sorting per session (ADR 079).
 */
export class PricePlan {
  private readonly from: Float64Array;
  private readonly to: Float64Array;
  private readonly empty: boolean;

  constructor(parsed: ParsedPrices, private readonly nowMs: number) {
    this.empty = parsed.periods.length === 0;
    const fallbackPrice = parsed.maxPrice;
    const pieces: { from: number; to: number; price: number }[] = [];
    let cursor = nowMs;
    for (const p of parsed.periods) {
      if (!(p.to > nowMs)) continue;
      const from = Math.max(p.from, cursor);
      if (from > cursor) pieces.push({ from: cursor, to: from, price: fallbackPrice });
      if (p.to > from) pieces.push({ from, to: p.to, price: p.price });
      cursor = Math.max(cursor, p.to);
    }
    pieces.push({ from: cursor, to: Infinity, price: fallbackPrice });
    pieces.sort((a, b) => a.price - b.price || a.from - b.from);
    this.from = Float64Array.from(pieces, (p) => p.from);
    this.to = Float64Array.from(pieces, (p) => p.to);
  }

  decide(departureMs: number, energyNeededKwh: number, plannedKw: number): ChargePlan {
    const nowMs = this.nowMs;
    if (!(energyNeededKwh > 0) || !(plannedKw > 0) || !(departureMs > nowMs) || this.empty) return { chargeNow: true };
    let energy = 0;
    let includesNow = false;
    let earliest = Infinity;
    for (let i = 0; i < this.from.length; i++) {
      const from = this.from[i]!;
      if (from >= departureMs) continue;
      if (energy >= energyNeededKwh) break;
      const to = Math.min(this.to[i]!, departureMs);
      energy += (plannedKw * (to - from)) / 3_600_000;
      if (from <= nowMs && nowMs < to) includesNow = true;
      if (from < earliest) earliest = from;
    }
    if (energy < energyNeededKwh) return { chargeNow: true };
    if (includesNow) return { chargeNow: true };
    return { chargeNow: false, nextChargeAt: new Date(earliest).toISOString() };
  }
}
