import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateSiteLimits } from './allocate.js';
import { applyMinimumChange } from './hysteresis.js';
import type { AllocationInput } from './types.js';

// Two EVs on a 32 A connection; a third arrives: 16 / 16 becomes 10.6 / 10.6 / 10.6.
const site = (sessions: number): AllocationInput => ({
  now: '2026-06-01T10:00:00Z', strategy: 'equal-share',
  topology: { voltageV: 230, circuits: [{ id: 'grid', parentId: null, maxCurrentA: 32 }],
    evses: ['a', 'b', 'c'].map((id) => ({ id, circuitId: 'grid', phases: 3 as const, maxCurrentA: 32 })) },
  sessions: ['a', 'b', 'c'].slice(0, sessions).map((id, i) => ({ sessionId: `s${id}`, evseId: id, startedAt: `2026-06-01T0${i + 7}:00:00Z` })),
});

describe('minimum change step', () => {
  it('keeps a previous lower limit when the rise is under the step (no churn)', () => {
    const input = site(2);
    const held = applyMinimumChange(input, allocateSiteLimits(input), new Map([['a', 15.5], ['b', 16]]), { minChangeA: 1 });
    const a = held.evses.find((e) => e.evseId === 'a')!;
    assert.equal(a.limitA, 15.5);
    assert.deepEqual(a.held, { computedA: 16 });
    assert.equal(held.evses.find((e) => e.evseId === 'b')!.held, undefined);
  });

  it('never keeps a previous higher limit when the cap has no room for it', () => {
    const input = site(3);
    // 10.6 each now; 11.5 would be < 1 A away, but 3 x 11.5 = 34.5 A > 32 A.
    const held = applyMinimumChange(input, allocateSiteLimits(input), new Map([['a', 11.5], ['b', 11.5], ['c', 11.5]]), { minChangeA: 1 });
    assert.deepEqual(held.evses.map((e) => e.limitA), [10.6, 10.6, 10.6]);
  });

  it('keeps a higher previous limit while the headroom (0.2 A after rounding) allows it, then stops', () => {
    const input = site(3);
    const held = applyMinimumChange(input, allocateSiteLimits(input), new Map([['a', 10.7], ['b', 10.7], ['c', 10.7]]), { minChangeA: 1 });
    // 32 - 31.8 = 0.2 A of headroom: two of the three 0.1 A decreases can be skipped, in id order.
    assert.deepEqual(held.evses.map((e) => e.limitA), [10.7, 10.7, 10.6]);
  });

  it('always applies a start or a pause', () => {
    const input = site(3);
    const held = applyMinimumChange(input, allocateSiteLimits(input), new Map([['a', 10.6], ['b', 10.6], ['c', 0]]), { minChangeA: 20 });
    assert.equal(held.evses.find((e) => e.evseId === 'c')!.limitA, 10.6);
  });
});
