// Property tests over random sites (seeded: a failure prints its seed). Whatever the topology,
// loads, signals and strategy: no cap is ever exceeded on any phase of any circuit (checked by
// the independent verifier), limits stay within [min, max] or are 0 when queued, the result does
// not depend on input order, and it is maximal: raising a constraint-bound session beyond what
// rounding can explain would break a cap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateSiteLimits } from './allocate.js';
import { computeFallbackLimits } from './fallback.js';
import { applyMinimumChange } from './hysteresis.js';
import { randomSite, seededRandom } from './random-site.js';
import type { AllocationInput, AllocationResult } from './types.js';
import { findOverloads } from './verify.js';

const CASES = 400;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [out[i], out[j]] = [out[j]!, out[i]!]; }
  return out;
}

function shapeFor(seed: number) {
  const rnd = seededRandom(seed * 7919);
  return { circuits: 1 + Math.floor(rnd() * 8), evses: 1 + Math.floor(rnd() * 40), sessionShare: 0.3 + rnd() * 0.7, extras: rnd() < 0.8 };
}

describe('allocator properties over random sites', () => {
  it('never exceeds a cap on any phase of any circuit, nor a signal, with any strategy', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const input = randomSite(seed, shapeFor(seed));
      const result = allocateSiteLimits(input);
      assert.deepEqual(findOverloads(input, result), [], `seed ${seed}`);
    }
  });

  it('keeps every limit within [min, max] of the EV and EVSE, or 0 when queued or deferred', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const input = randomSite(seed, shapeFor(seed));
      const result = allocateSiteLimits(input);
      const evses = new Map(input.topology.evses.map((e) => [e.id, e]));
      const sessions = new Map(input.sessions.map((s) => [s.evseId, s]));
      for (const a of result.evses) {
        const evse = evses.get(a.evseId)!;
        const session = sessions.get(a.evseId);
        const kind = a.reason.kind;
        if (kind === 'min-current-starvation' || kind === 'deferred-to-cheaper-hours' || kind === 'no-session') { assert.equal(a.limitA, 0, `seed ${seed} ${a.evseId}`); continue; }
        if (kind === 'offline-last-known' || kind === 'misbehaving-ev') continue;
        const max = Math.min(evse.maxCurrentA, session?.maxCurrentA ?? Infinity);
        const min = Math.min(session?.minCurrentA ?? evse.minCurrentA ?? 6, max);
        assert.ok(a.limitA <= max + 1e-9 && a.limitA >= min - 1e-9, `seed ${seed} ${a.evseId}: ${a.limitA} not in [${min}, ${max}]`);
      }
    }
  });

  it('is deterministic and independent of the order of EVSEs, sessions, circuits and caps', () => {
    for (let seed = 1; seed <= CASES / 4; seed++) {
      const input = randomSite(seed, shapeFor(seed));
      const first = allocateSiteLimits(input);
      assert.deepEqual(allocateSiteLimits(structuredClone(input)), first, `seed ${seed}`);
      const reordered: AllocationInput = {
        ...input,
        sessions: shuffled(input.sessions, seed),
        topology: { ...input.topology, evses: shuffled(input.topology.evses, seed + 1), circuits: shuffled(input.topology.circuits, seed + 2) },
      };
      const byId = (r: AllocationResult) => new Map(r.evses.map((e) => [e.evseId, e]));
      assert.deepEqual(byId(allocateSiteLimits(reordered)), byId(first), `seed ${seed}`);
    }
  });

  it('is maximal: a constraint-bound session cannot be raised beyond rounding slack without breaking a cap', () => {
    for (let seed = 1; seed <= CASES / 4; seed++) {
      const input = randomSite(seed, shapeFor(seed));
      const result = allocateSiteLimits(input);
      const charging = result.evses.filter((e) => e.limitA > 0).length;
      // Rounding each of n limits down by < 0.1 A frees at most n × 0.1 A per phase-load.
      const slack = 0.1 * (charging + 1) * 3;
      for (const a of result.evses.filter((e) => e.reason.kind === 'constraint')) {
        const raised = { ...result, evses: result.evses.map((e) => (e.evseId === a.evseId ? { ...e, limitA: e.limitA + slack } : e)) };
        assert.notDeepEqual(findOverloads(input, raised), [], `seed ${seed} ${a.evseId} could take ${slack} A more`);
      }
    }
  });

  it('the minimum-change step never breaks a cap and only keeps limits within the step', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const input = randomSite(seed, shapeFor(seed));
      const result = allocateSiteLimits(input);
      const rnd = seededRandom(seed + 99);
      const previous = new Map(result.evses.map((e) => [e.evseId, Math.max(0, Math.round((e.limitA + (rnd() * 4 - 2)) * 10) / 10)]));
      const held = applyMinimumChange(input, result, previous, { minChangeA: 1.5 });
      assert.deepEqual(findOverloads(input, held), [], `seed ${seed}`);
      for (const e of held.evses) {
        if (e.held) { assert.equal(e.limitA, previous.get(e.evseId)); assert.ok(Math.abs(e.limitA - e.held.computedA) < 1.5); }
        else assert.equal(e.limitA, result.evses.find((r) => r.evseId === e.evseId)!.limitA);
      }
    }
  });

  it('fallback limits hold the caps with every EVSE drawing them on all its phases at once', () => {
    for (let seed = 1; seed <= CASES / 2; seed++) {
      const input = randomSite(seed, shapeFor(seed));
      const fallback = computeFallbackLimits({ now: input.now, topology: input.topology, externalCaps: input.externalCaps ?? [] });
      const everyone: AllocationInput = { ...input, sessions: input.topology.evses.map((e) => ({ sessionId: e.id, evseId: e.id, startedAt: input.now })), siteLoads: [], pv: [] };
      delete everyone.battery;
      const worstCase: AllocationResult = {
        now: input.now, strategy: 'equal-share', constraints: [], batteryDischargeKw: 0,
        evses: input.topology.evses.map((e) => ({ evseId: e.id, sessionId: e.id, limitA: fallback.get(e.id)!, phases: e.phases, sitePhases: [], reason: { kind: 'evse-max' } })),
      };
      assert.deepEqual(findOverloads(everyone, worstCase), [], `seed ${seed}`);
    }
  });
});
