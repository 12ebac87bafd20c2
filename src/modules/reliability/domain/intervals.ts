// Half-open time intervals [start, end) in epoch milliseconds, and the set algebra the uptime
// figures need. Integers only: every figure is computed from whole milliseconds, so nothing drifts.

export type Interval = { start: number; end: number };

/** Sorted, non-overlapping, non-touching intervals; empty ones dropped. */
export function normalize(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ start: next.start, end: next.end });
  }
  return out;
}

export function union(...sets: ReadonlyArray<readonly Interval[]>): Interval[] {
  return normalize(sets.flat());
}

/** The parts of `a` that are also in `b`. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i]!.start, y[j]!.start);
    const end = Math.min(x[i]!.end, y[j]!.end);
    if (end > start) out.push({ start, end });
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` that are not in `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cut = normalize(b);
  const out: Interval[] = [];
  for (const piece of normalize(a)) {
    let cursor = piece.start;
    for (const hole of cut) {
      if (hole.end <= cursor) continue;
      if (hole.start >= piece.end) break;
      if (hole.start > cursor) out.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= piece.end) break;
    }
    if (cursor < piece.end) out.push({ start: cursor, end: piece.end });
  }
  return out;
}

export function clip(intervals: readonly Interval[], window: Interval): Interval[] {
  return intersect(intervals, [window]);
}

/** Total length in milliseconds (overlaps counted once). */
export function measure(intervals: readonly Interval[]): number {
  return normalize(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/**
 * Turns a state timeline into the intervals where `isDown` holds. `changes` are (at, state) in any
 * order; the state before the first change is `initial`; the last state lasts until `until`.
 */
export function intervalsWhere<S>(initial: S, changes: ReadonlyArray<{ at: number; state: S }>, from: number, until: number, isDown: (state: S) => boolean): Interval[] {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  const out: Interval[] = [];
  let state = initial;
  let since = from;
  for (const change of sorted) {
    const at = Math.min(Math.max(change.at, from), until);
    if (isDown(state) && at > since) out.push({ start: since, end: at });
    state = change.state;
    since = Math.max(since, at);
  }
  if (isDown(state) && until > since) out.push({ start: since, end: until });
  return normalize(out);
}
