// The worst-case ledger (ADR 080): an increase fits only while every constraint it weighs on,
// with every EVSE at its worst case on all of its phases plus the site load, stays under its cap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AllocationInput } from '../allocator/types.js';
import { WorstCaseLedger } from './worst-case-ledger.js';

const NOW = '2026-06-01T12:00:00.000Z';
const input: AllocationInput = {
  now: NOW, strategy: 'equal-share',
  topology: {
    voltageV: 230,
    circuits: [{ id: 'grid', parentId: null, maxCurrentA: 100 }, { id: 'panel', parentId: 'grid', maxCurrentA: 40 }],
    evses: [
      { id: 'a', circuitId: 'panel', phases: 3, maxCurrentA: 32 },
      { id: 'b', circuitId: 'panel', phases: 3, maxCurrentA: 32 },
      { id: 'c', circuitId: 'grid', phases: 1, phaseRotation: 'STR', maxCurrentA: 32 },
    ],
  },
  sessions: [],
  siteLoads: [{ currentA: [10, 0, 0] }],
};

describe('WorstCaseLedger', () => {
  it('lets an increase go only while the panel and the grid connection hold it, and counts a decrease once recorded', () => {
    const worst = new Map([['a', 32], ['b', 8], ['c', 0]]);
    const ledger = WorstCaseLedger.build(input, (id) => worst.get(id)!);
    assert.deepEqual(ledger.overloaded(), []);
    // Panel: 32 + 8 = 40 A of 40: b cannot rise before a falls.
    assert.equal(ledger.fits('b', 20), false);
    ledger.set('a', 20);
    assert.equal(ledger.fits('b', 20), true);
    assert.equal(ledger.fits('b', 20.1), false);
    // c is single-phase on site L2 (rotation STR) at the grid connection: 100 A there, 10 A of site load on L1 only.
    assert.equal(ledger.fits('c', 32), true);
    ledger.set('c', 32);
    ledger.set('b', 20);
    assert.deepEqual(ledger.overloaded(), []);
    assert.equal(ledger.worst('b'), 20);
  });

  it('counts the measured site load and a signal active now, and reports a state already above a cap', () => {
    const signalled: AllocationInput = { ...input, externalCaps: [{ id: 'dso', maxCurrentA: 45, validFrom: '2026-06-01T11:00:00Z', validUntil: '2026-06-01T13:00:00Z' }] };
    const ledger = WorstCaseLedger.build(signalled, (id) => (id === 'c' ? 0 : 16));
    // L1 at the grid: 10 A site load + a 16 + b 16 = 42 A of the 45 A signal; c idle at 0 A.
    assert.equal(ledger.fits('a', 19), true);
    assert.equal(ledger.fits('a', 19.1), false);
    ledger.set('a', 32);
    assert.equal(ledger.overloaded().length > 0, true);
  });
});
