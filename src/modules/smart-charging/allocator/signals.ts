// Which external caps apply at `now`, and with which value. An expired signal must stop limiting
// the site (otherwise a one-afternoon heatwave throttle would last forever), and a signal that has
// not started yet must not limit it early.
import type { ExternalCap, PhaseValues } from './types.js';

export type ActiveCap = { id: string; circuitId: string | undefined; maxCurrentA?: PhaseValues; maxPowerKw?: number };

export function activeCaps(caps: readonly ExternalCap[], nowMs: number): ActiveCap[] {
  const active: ActiveCap[] = [];
  for (const cap of caps) {
    const from = cap.validFrom === undefined ? -Infinity : Date.parse(cap.validFrom);
    const until = cap.validUntil === undefined ? Infinity : Date.parse(cap.validUntil);
    if (!(nowMs >= from && nowMs < until)) continue;
    let current: { maxCurrentA?: PhaseValues; maxPowerKw?: number } = cap;
    if (cap.schedule && cap.schedule.length > 0) {
      const elapsedS = (nowMs - (Number.isFinite(from) ? from : nowMs)) / 1000;
      // The last period already started; before the first period the signal does not limit yet.
      const started = cap.schedule.filter((p) => p.startOffsetSeconds <= elapsedS);
      if (started.length === 0) continue;
      current = started.reduce((a, b) => (b.startOffsetSeconds >= a.startOffsetSeconds ? b : a));
    }
    const entry: ActiveCap = { id: cap.id, circuitId: cap.circuitId };
    if (current.maxCurrentA !== undefined) entry.maxCurrentA = current.maxCurrentA;
    if (current.maxPowerKw !== undefined) entry.maxPowerKw = current.maxPowerKw;
    active.push(entry);
  }
  return active.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The next moment after `nowMs` at which a signal may tighten a cap: its start and each period of
 * its schedule (an expiry only lifts a cap). A TxProfile must not outlive it: the station then falls
 * back to its TxDefaultProfile, which already holds every signal not yet expired, until the
 * re-allocation under the new cap reaches it.
 */
export function nextTighteningMs(caps: readonly ExternalCap[], nowMs: number): number | undefined {
  let next: number | undefined;
  for (const cap of caps) {
    const from = cap.validFrom === undefined ? undefined : Date.parse(cap.validFrom);
    const until = cap.validUntil === undefined ? Infinity : Date.parse(cap.validUntil);
    const moments = [from, ...(from === undefined ? [] : (cap.schedule ?? []).map((p) => from + p.startOffsetSeconds * 1000))];
    for (const t of moments) if (t !== undefined && t > nowMs && t < until && (next === undefined || t < next)) next = t;
  }
  return next;
}

/** Whether a signal tightened a cap in (afterMs, nowMs]: a TxProfile sent before then has ended. */
export function tightenedBetween(caps: readonly ExternalCap[], afterMs: number, nowMs: number): boolean {
  const next = nextTighteningMs(caps, afterMs);
  return next !== undefined && next <= nowMs;
}
