// Fallback limits: the sum of every EVSE's worst case (max of TxProfile and TxDefault) holds the cap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateSiteLimits } from '../allocator/index.js';
import type { AllocationInput } from '../allocator/types.js';
import { conservativeCaps, planFallbacks } from './fallbacks.js';

const NOW = '2026-06-01T12:00:00.000Z';
const site = (sessions: string[]): AllocationInput => ({
  now: NOW, strategy: 'equal-share',
  topology: { voltageV: 230, circuits: [{ id: 'grid', parentId: null, maxCurrentA: 40 }], evses: ['a', 'b', 'c', 'd'].map((id) => ({ id, circuitId: 'grid', phases: 3 as const, maxCurrentA: 32 })) },
  sessions: sessions.map((evseId) => ({ sessionId: `s-${evseId}`, evseId, startedAt: NOW })),
});

describe('planFallbacks', () => {
  it('idle EVSEs share the headroom the allocation leaves; a charging EVSE keeps at most its limit', () => {
    const input = site(['a']);
    const result = allocateSiteLimits(input);
    const fallbacks = planFallbacks(input, result, [], 0);
    // b, c, d would share 8 A: 2.6 A each, below the 6 A minimum, so 0 (ADR 080).
    assert.deepEqual(Object.fromEntries(fallbacks), { a: 10, b: 0, c: 0, d: 0 });
    const worst = result.evses.reduce((sum, e) => sum + Math.max(e.limitA, fallbacks.get(e.evseId)!), 0);
    assert.ok(worst <= 40, `${worst} A`);
  });

  it('a share below the EVSE\'s minimum current is 0, and does not move when another session starts (ADR 080)', () => {
    const wide = (sessions: string[]): AllocationInput => ({
      now: NOW, strategy: 'equal-share',
      topology: { voltageV: 230, circuits: [{ id: 'grid', parentId: null, maxCurrentA: 100 }], evses: Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, circuitId: 'grid', phases: 3 as const, maxCurrentA: 32, ...(i === 19 ? { minCurrentA: 4 } : {}) })) },
      sessions: sessions.map((evseId) => ({ sessionId: `s-${evseId}`, evseId, startedAt: NOW })),
    });
    // Nobody charging: 5 A each, below 6 A (e19 accepts 4 A: it keeps its 5 A).
    const idle = planFallbacks(wide([]), allocateSiteLimits(wide([])), [], 0);
    assert.equal(idle.get('e0'), 0);
    assert.equal(idle.get('e19'), 5);
    // One and then two sessions: the idle EVSEs' fallbacks stay 0, nothing to re-send to them.
    for (const sessions of [['e0'], ['e0', 'e1']]) {
      const input = wide(sessions);
      const result = allocateSiteLimits(input);
      const fallbacks = planFallbacks(input, result, [], 0);
      for (let i = sessions.length; i < 19; i++) assert.equal(fallbacks.get(`e${i}`), 0, `e${i} with ${sessions.length} sessions`);
      const worst = result.evses.reduce((sum, e) => sum + Math.max(e.limitA, fallbacks.get(e.evseId)!), 0);
      assert.ok(worst <= 100 + 1e-9, `${worst} A`);
    }
  });

  it('an EVSE charging a single-phase EV: its fallback (all three phases once the EV leaves) fits beside the others\' TxProfiles', () => {
    const rotations = ['RST', 'STR', 'TRS'] as const;
    const input: AllocationInput = {
      now: NOW, strategy: 'equal-share',
      topology: { voltageV: 230, circuits: [{ id: 'grid', parentId: null, maxCurrentA: 30 }], evses: rotations.map((phaseRotation, i) => ({ id: `e${i}`, circuitId: 'grid', phases: 3 as const, phaseRotation, maxCurrentA: 32 })) },
      // Each EV draws on its EVSE's first phase only: L1, L2, L3.
      sessions: rotations.map((_, i) => ({ sessionId: `s${i}`, evseId: `e${i}`, startedAt: NOW, previousLimitA: 30, measuredA: [29, 0, 0] })),
    };
    const result = allocateSiteLimits(input);
    assert.deepEqual(result.evses.map((e) => [e.limitA, e.sitePhases]), [[30, ['L1']], [30, ['L2']], [30, ['L3']]]);
    const fallbacks = planFallbacks(input, result, [], 0);
    // Worst case per site phase: the TxProfile on the EV's phase or the TxDefault, the TxDefault on the others.
    for (const [k, phase] of (['L1', 'L2', 'L3'] as const).entries()) {
      const worst = result.evses.reduce((sum, e) => sum + (e.sitePhases.includes(phase) ? Math.max(e.limitA, fallbacks.get(e.evseId)!) : fallbacks.get(e.evseId)!), 0);
      assert.ok(worst <= 30 + 1e-9, `L${k + 1}: ${worst} A could be drawn (cap 30 A; fallbacks ${JSON.stringify(Object.fromEntries(fallbacks))})`);
    }
  });

  it('with no session, every EVSE gets the worst-case equal share', () => {
    const input = site([]);
    assert.deepEqual(Object.fromEntries(planFallbacks(input, allocateSiteLimits(input), [], 0)), { a: 10, b: 10, c: 10, d: 10 });
  });

  it('a signal that starts later, at its tightest scheduled value, already bounds the fallbacks', () => {
    const signal = { id: 'dso', validFrom: '2026-06-01T15:00:00Z', validUntil: '2026-06-01T18:00:00Z', schedule: [{ startOffsetSeconds: 0, maxCurrentA: 30 }, { startOffsetSeconds: 3600, maxCurrentA: 24 }] };
    const caps = conservativeCaps([signal, { id: 'old', validUntil: '2026-06-01T11:00:00Z', maxCurrentA: 1 }], Date.parse(NOW));
    assert.deepEqual(caps.map((c) => [c.id, c.maxCurrentA]), [['dso#1', 30], ['dso#2', 24]]);
    const input = site([]);
    assert.deepEqual(Object.fromEntries(planFallbacks(input, allocateSiteLimits(input), caps, 0)), { a: 6, b: 6, c: 6, d: 6 });
  });
});
