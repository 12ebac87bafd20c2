// Failures and repairs measured on counted downtime (outage minus excluded time), and the
// detection and repair times of incidents when the health module records them.
import type { Interval } from './intervals.js';

export type FailureStats = {
  /** Down episodes that began inside the window (one already running at its start is not a new failure). */
  failures: number;
  /** Episodes wholly inside the window: begun and ended in it, so their length is a repair time. */
  repairs: number;
  repairMsTotal: number;
};

export function failureStats(down: readonly Interval[], window: Interval | null): FailureStats {
  if (window === null) return { failures: 0, repairs: 0, repairMsTotal: 0 };
  let failures = 0;
  let repairs = 0;
  let repairMsTotal = 0;
  for (const episode of down) {
    const begunInside = episode.start > window.start;
    if (begunInside) failures++;
    if (begunInside && episode.end < window.end) {
      repairs++;
      repairMsTotal += episode.end - episode.start;
    }
  }
  return { failures, repairs, repairMsTotal };
}

/** Mean time between failures: time up divided by failures (null: no failure in the period). */
export function mtbfMs(observedMs: number, downMs: number, failures: number): number | null {
  return failures === 0 ? null : Math.round((observedMs - downMs) / failures);
}

export function meanMs(total: number, count: number): number | null {
  return count === 0 ? null : Math.round(total / count);
}

/** An incident as DETECT records it: detectedAt is when the fault began, openedAt when it was noticed. */
export type IncidentFact = { stationId: string; evseId: number | null; detectedAt: number; openedAt: number; resolvedAt: number | null };

export type IncidentTimes = { opened: number; detectMsTotal: number; resolved: number; repairMsTotal: number };

/** Sums of detection times (incidents opened in the period) and repair times (incidents resolved in it). */
export function incidentTimes(incidents: readonly IncidentFact[], period: Interval): IncidentTimes {
  const times: IncidentTimes = { opened: 0, detectMsTotal: 0, resolved: 0, repairMsTotal: 0 };
  for (const incident of incidents) {
    if (incident.openedAt >= period.start && incident.openedAt < period.end) {
      times.opened++;
      times.detectMsTotal += Math.max(0, incident.openedAt - incident.detectedAt);
    }
    if (incident.resolvedAt !== null && incident.resolvedAt >= period.start && incident.resolvedAt < period.end) {
      times.resolved++;
      times.repairMsTotal += Math.max(0, incident.resolvedAt - incident.detectedAt);
    }
  }
  return times;
}
