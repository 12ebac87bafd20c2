// Reusing a compiled topology must never change a result (ADR 079): a topology changed in place
// between two calls, or rebuilt with equal content, gives what a fresh copy gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateSiteLimits } from './allocate.js';
import { InvalidTopologyError } from './topology.js';
import { randomSite } from './random-site.js';
import type { CircuitSpec, EvseSpec } from './types.js';

describe('compiled topology reuse', () => {
  it('a topology changed in place between calls (circuit, rotation, phases, limits) gives the result of a fresh copy', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const input = randomSite(seed, { circuits: 3 + (seed % 5), evses: 10 + (seed % 20), sessionShare: 0.8, extras: true });
      allocateSiteLimits(input);
      const evses = input.topology.evses as EvseSpec[];
      const circuits = input.topology.circuits as CircuitSpec[];
      const e = evses[seed % evses.length]!;
      const leaf = circuits[circuits.length - 1]!;
      Object.assign(e, { circuitId: leaf.id, phaseRotation: 'TSR', phases: e.phases === 3 ? 1 : 3, maxCurrentA: e.maxCurrentA + 3 });
      if (Array.isArray(circuits[0]!.maxCurrentA)) (circuits[0]!.maxCurrentA as number[])[1] = 7; else circuits[0]!.maxCurrentA = 9;
      assert.deepEqual(allocateSiteLimits(input), allocateSiteLimits(structuredClone(input)), `seed ${seed}`);
    }
  });

  it('an equal topology rebuilt for every call gives the same result, and a broken one is still refused', () => {
    const input = randomSite(5, { circuits: 4, evses: 30, sessionShare: 0.7, extras: true });
    const first = allocateSiteLimits(input);
    assert.deepEqual(allocateSiteLimits({ ...input, topology: structuredClone(input.topology) }), first);
    const broken = structuredClone(input);
    (broken.topology.circuits as CircuitSpec[])[1]!.parentId = 'nowhere';
    assert.throws(() => allocateSiteLimits(broken), InvalidTopologyError);
    (input.topology.evses as EvseSpec[])[0]!.circuitId = 'nowhere';
    assert.throws(() => allocateSiteLimits(input), InvalidTopologyError);
  });
});
