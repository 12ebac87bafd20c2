// Progressive filling (max-min fair water-filling) over linear constraints, computed exactly by
// jumping from breakpoint to breakpoint instead of creeping up in small steps.
//
// Every rising session holds the same current, the "level" L. A session starts rising once L
// reaches its current value (everyone starts from the minimum already admitted) and stops when
// either L reaches its own maximum, or one of its constraints becomes full. Between two
// breakpoints, each constraint's load grows linearly with L (slope = Σ weights of the rising
// members), so the next breakpoint is the smallest of: the next session to start, the next session
// to reach its maximum, and, for each constraint with a positive slope, the level at which it
// fills. Each breakpoint freezes at least one session or starts one, so there are at most
// 2 × sessions + constraints breakpoints, each costing O(constraints) plus the sessions it touches.
// Only constraints some rising session weighs on are visited at a breakpoint (a fill group of one
// session touches about ten of the 185 constraints of bench allocate), in ascending order, so the
// first full constraint found, the provenance, is the same as when scanning all of them.
import type { MembersOf, Memberships } from './constraints.js';

/** A frozen session's bound: the index of the constraint that filled, or MAX for its own maximum. */
export const BOUND_BY_MAX = -1;
export const NOT_BOUND = -2;

export type FillState = {
  capA: Float64Array;
  /** Current load of each constraint, kept up to date as sessions rise. */
  loadA: Float64Array;
  /** Per constraint: the sessions weighing on it. */
  membersOf: MembersOf;
  /** Per session: the constraints it weighs on. */
  memberships: Memberships;
  maxA: Float64Array;
  /** Current value of each session; rising sessions are raised in place. */
  valueA: Float64Array;
  /** Why a session stopped rising (constraint index, BOUND_BY_MAX), NOT_BOUND while unfilled. */
  bound: Int32Array;
  /** Scratch space reused by every fill of one allocation (all zero between fills). */
  slope: Float64Array;
  rising: Uint8Array;
  touchedMark: Uint8Array;
};

export function fillState(capA: Float64Array, loadA: Float64Array, memberships: Memberships, membersOf: MembersOf, maxA: Float64Array): FillState {
  const n = maxA.length;
  const K = capA.length;
  return {
    capA, loadA, memberships, membersOf, maxA, valueA: new Float64Array(n), bound: new Int32Array(n).fill(NOT_BOUND),
    slope: new Float64Array(K), rising: new Uint8Array(n), touchedMark: new Uint8Array(K),
  };
}

const EPS = 1e-9;

/** Min-heap of session indexes keyed by their maximum. */
class MaxHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: Float64Array) {}
  get size(): number { return this.items.length; }
  peek(): number { return this.items[0]!; }
  push(i: number): void {
    const a = this.items; a.push(i);
    let c = a.length - 1;
    while (c > 0) { const p = (c - 1) >> 1; if (this.less(a[c]!, a[p]!)) { [a[c], a[p]] = [a[p]!, a[c]!]; c = p; } else break; }
  }
  pop(): number {
    const a = this.items; const top = a[0]!; const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last; let p = 0;
      for (;;) {
        const l = 2 * p + 1, r = l + 1; let m = p;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === p) break;
        [a[m], a[p]] = [a[p]!, a[m]!]; p = m;
      }
    }
    return top;
  }
  private less(i: number, j: number): boolean { return this.key[i]! < this.key[j]! || (this.key[i] === this.key[j] && i < j); }
}

/** Raises `active` sessions from their current value as far as the constraints allow. */
export function waterFill(state: FillState, active: readonly number[]): void {
  const { capA, loadA, maxA, valueA, bound, slope, rising, touchedMark } = state;
  const { start: memStart, k: memK, w: memW } = state.memberships;
  const { start: ofStart, session: ofSession } = state.membersOf;
  const heap = new MaxHeap(maxA);
  // Constraints some session of this fill weighs on, kept sorted ascending.
  const touched: number[] = [];
  let touchedSorted = true;
  // Sessions waiting to start rising, by current value (ties by index: deterministic).
  const pending = active.filter((i) => {
    if (valueA[i]! >= maxA[i]! - EPS) { bound[i] = BOUND_BY_MAX; return false; }
    return true;
  }).sort((a, b) => valueA[a]! - valueA[b]! || a - b);
  let next = 0;
  let risingCount = 0;
  let level = pending.length > 0 ? valueA[pending[0]!]! : 0;

  const freeze = (i: number, why: number): void => {
    rising[i] = 0; risingCount--;
    valueA[i] = Math.min(level, maxA[i]!);
    bound[i] = why;
    for (let m = memStart[i]!; m < memStart[i + 1]!; m++) slope[memK[m]!]! -= memW[m]!;
  };
  const freezeFullConstraints = (): void => {
    for (let t = 0; t < touched.length; t++) {
      const k = touched[t]!;
      if (slope[k]! > 0 && capA[k]! - loadA[k]! <= EPS * Math.max(1, Math.abs(capA[k]!))) {
        for (let m = ofStart[k]!; m < ofStart[k + 1]!; m++) { const i = ofSession[m]!; if (rising[i]) freeze(i, k); }
      }
    }
  };

  for (;;) {
    while (next < pending.length && valueA[pending[next]!]! <= level + EPS) {
      const i = pending[next++]!;
      rising[i] = 1; risingCount++; heap.push(i);
      for (let m = memStart[i]!; m < memStart[i + 1]!; m++) {
        const k = memK[m]!;
        slope[k]! += memW[m]!;
        if (!touchedMark[k]) { touchedMark[k] = 1; if (touched.length > 0 && touched[touched.length - 1]! > k) touchedSorted = false; touched.push(k); }
      }
    }
    if (!touchedSorted) { touched.sort((a, b) => a - b); touchedSorted = true; }
    freezeFullConstraints();
    if (risingCount === 0) {
      if (next >= pending.length) break;
      level = valueA[pending[next]!]!;
      continue;
    }
    while (heap.size > 0 && !rising[heap.peek()]) heap.pop();
    let target = heap.size > 0 ? maxA[heap.peek()]! : Infinity;
    if (next < pending.length) target = Math.min(target, valueA[pending[next]!]!);
    for (let t = 0; t < touched.length; t++) {
      const k = touched[t]!;
      const s = slope[k]!;
      if (s > 0) target = Math.min(target, level + (capA[k]! - loadA[k]!) / s);
    }
    const step = Math.max(0, target - level);
    for (let t = 0; t < touched.length; t++) { const k = touched[t]!; if (slope[k]! > 0) loadA[k]! += slope[k]! * step; }
    level = target;
    while (heap.size > 0 && (!rising[heap.peek()] || maxA[heap.peek()]! <= level + EPS)) {
      const i = heap.pop();
      if (rising[i]) freeze(i, BOUND_BY_MAX);
    }
  }
  // Leave the scratch space as found: every session is frozen (slopes back to exactly 0, the
  // weights being small integers), only the marks need clearing.
  for (let t = 0; t < touched.length; t++) { touchedMark[touched[t]!] = 0; slope[touched[t]!] = 0; }
}
