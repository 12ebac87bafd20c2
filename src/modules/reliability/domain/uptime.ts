// NEVI uptime (23 CFR 680.116(b)(3)): µ = ((525,600 − (T_outage − T_excluded)) / 525,600) × 100,
// generalised from a year's minutes to the observed part of any period. Excluded time counts only
// where it overlaps an outage (T_excluded ⊆ T_outage), once, attributed to the first cause in
// EXCLUDED_CAUSES order that covers it.
import { intersect, measure, normalize, subtract, type Interval } from './intervals.js';

/**
 * Causes of outage outside the operator's control that NEVI excludes (680.116(b)(3)): electric
 * utility service interruptions, failures due to the vehicle, scheduled maintenance, vandalism,
 * natural disasters; plus hours outside the station's hours of operation.
 */
export const EXCLUDED_CAUSES = ['maintenance', 'utility-interruption', 'vehicle-fault', 'vandalism', 'natural-disaster', 'outside-operating-hours'] as const;
export type ExcludedCause = typeof EXCLUDED_CAUSES[number];

export type ExcludedSpan = Interval & { cause: ExcludedCause };

export type PortUptime = {
  /** The part of the period the port was in service (ms). */
  observedMs: number;
  /** T_outage: the port could not start a session (ms). */
  outageMs: number;
  /** T_excluded: outage covered by an excluded cause (ms). */
  excludedMs: number;
  excludedByCause: Partial<Record<ExcludedCause, number>>;
  /** T_outage − T_excluded. */
  downMs: number;
  /** The counted downtime as intervals (what failures and repairs are measured on). */
  down: Interval[];
};

export function portUptime(window: Interval | null, outage: readonly Interval[], excluded: readonly ExcludedSpan[]): PortUptime {
  if (window === null) return { observedMs: 0, outageMs: 0, excludedMs: 0, excludedByCause: {}, downMs: 0, down: [] };
  let remaining = intersect(outage, [window]);
  const outageMs = measure(remaining);
  const excludedByCause: Partial<Record<ExcludedCause, number>> = {};
  for (const cause of EXCLUDED_CAUSES) {
    const spans = excluded.filter((span) => span.cause === cause);
    if (spans.length === 0) continue;
    const covered = intersect(remaining, spans);
    const ms = measure(covered);
    if (ms > 0) excludedByCause[cause] = ms;
    remaining = subtract(remaining, covered);
  }
  const downMs = measure(remaining);
  return { observedMs: window.end - window.start, outageMs, excludedMs: outageMs - downMs, excludedByCause, downMs, down: normalize(remaining) };
}

/** Uptime in percent, rounded half up to 4 decimals, from exact integers (null: nothing observed). */
export function uptimePercent(observedMs: number, downMs: number): number | null {
  if (observedMs <= 0) return null;
  return ratioPercent(observedMs - downMs, observedMs);
}

/** part / whole × 100 rounded half up to 4 decimals, computed in integers. */
export function ratioPercent(part: number, whole: number): number {
  const scaled = (BigInt(part) * 2_000_000n + BigInt(whole)) / (2n * BigInt(whole));
  return Number(scaled) / 10_000;
}
