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
import type { Membership } from './constraints.js';

/** A frozen session's bound: the index of the constraint that filled, or MAX for its own maximum. */
export const BOUND_BY_MAX = -1;
export const NOT_BOUND = -2;

export type FillState = {
  capA: Float64Array;
  /** Current load of each constraint, kept up to date as sessions rise. */
  loadA: Float64Array;
  /** Per constraint: the sessions weighing on it. */
  membersOf: readonly (readonly number[])[];
  /** Per session: the constraints it weighs on. */
  memberships: readonly (readonly Membership[])[];
  maxA: Float64Array;
  /** Current value of each session; rising sessions are raised in place. */
  valueA: Float64Array;
  /** Why a session stopped rising (constraint index, BOUND_BY_MAX), NOT_BOUND while unfilled. */
  bound: Int32Array;
};

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
  const { capA, loadA, membersOf, memberships, maxA, valueA, bound } = state;
  const K = capA.length;
  const slope = new Float64Array(K);
  const rising = new Uint8Array(valueA.length);
  const heap = new MaxHeap(maxA);
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
    for (const m of memberships[i]!) slope[m.k]! -= m.w;
  };
  const freezeFullConstraints = (): void => {
    for (let k = 0; k < K; k++) {
      if (slope[k]! > 0 && capA[k]! - loadA[k]! <= EPS * Math.max(1, Math.abs(capA[k]!))) {
        for (const i of membersOf[k]!) if (rising[i]) freeze(i, k);
      }
    }
  };

  for (;;) {
    while (next < pending.length && valueA[pending[next]!]! <= level + EPS) {
      const i = pending[next++]!;
      rising[i] = 1; risingCount++; heap.push(i);
      for (const m of memberships[i]!) slope[m.k]! += m.w;
    }
    freezeFullConstraints();
    if (risingCount === 0) {
      if (next >= pending.length) break;
      level = valueA[pending[next]!]!;
      continue;
    }
    while (heap.size > 0 && !rising[heap.peek()]) heap.pop();
    let target = heap.size > 0 ? maxA[heap.peek()]! : Infinity;
    if (next < pending.length) target = Math.min(target, valueA[pending[next]!]!);
    for (let k = 0; k < K; k++) {
      const s = slope[k]!;
      if (s > 0) target = Math.min(target, level + (capA[k]! - loadA[k]!) / s);
    }
    const step = Math.max(0, target - level);
    for (let k = 0; k < K; k++) if (slope[k]! > 0) loadA[k]! += slope[k]! * step;
    level = target;
    while (heap.size > 0 && (!rising[heap.peek()] || maxA[heap.peek()]! <= level + EPS)) {
      const i = heap.pop();
      if (rising[i]) freeze(i, BOUND_BY_MAX);
    }
  }
}
