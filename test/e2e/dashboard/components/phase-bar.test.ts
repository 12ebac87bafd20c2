import { render } from './render.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { importWeb } from './render.js';

const { PhaseBar, usageOf } = await importWeb<typeof import('../../../../web/src/components/phase-bar.js')>('../../../../web/src/components/phase-bar.tsx');
const { describeReason } = await importWeb<typeof import('../../../../web/src/components/energy-reason.js')>('../../../../web/src/components/energy-reason.ts');

describe('PhaseBar (site energy view: cap vs load per phase)', () => {
  it('bands: under 95 % ok, at the cap high, above it over; a zero cap with load is full', () => {
    assert.deepEqual(usageOf(20, 40), { share: 0.5, band: 'ok' });
    assert.deepEqual(usageOf(40, 40), { share: 1, band: 'high' });
    assert.deepEqual(usageOf(44, 40), { share: 1, band: 'over' });
    assert.deepEqual(usageOf(3, 0), { share: 1, band: 'over' });
    assert.deepEqual(usageOf(0, 0), { share: 0, band: 'ok' });
  });

  it('is a meter with the figures as text (not colour alone), and says when the uncontrollable load is over the cap', async () => {
    const view = await render(createElement('div', null,
      createElement(PhaseBar, { label: 'grid L1', load: 13.333333, cap: 40, unit: 'A' as const }),
      createElement(PhaseBar, { label: 'grid power', load: 30, cap: 22, unit: 'kW' as const, overloaded: true })));
    const [l1, power] = [...view.container.querySelectorAll('[role="meter"]')];
    assert.equal(l1!.getAttribute('aria-label'), 'grid L1');
    assert.equal(l1!.getAttribute('aria-valuenow'), '13.3');
    assert.equal(l1!.getAttribute('aria-valuemax'), '40');
    assert.equal(l1!.getAttribute('aria-valuetext'), '13.3 of 40 A');
    assert.equal((l1!.firstElementChild as HTMLElement).style.width, `${(13.333333 / 40) * 100}%`);
    assert.equal(power!.getAttribute('aria-valuetext'), '30 of 22 kW – over the cap');
    assert.match(view.container.textContent ?? '', /30 of 22 kW – over the cap/);
    assert.equal(power!.firstElementChild!.className, 'phase-fill over');
    await view.unmount();
  });

  it('says why an EVSE got its limit for every provenance kind of the allocator', () => {
    assert.equal(describeReason({ kind: 'constraint', circuitId: 'grid', phase: 'L2', source: 'circuit' }), 'Shared out: circuit "grid" phase L2 is full');
    assert.equal(describeReason({ kind: 'constraint', circuitId: 'grid', phase: 'power', source: 'signal', signalId: 's1' }), 'Shared out: circuit "grid" power limit (grid signal s1) is full');
    assert.match(describeReason({ kind: 'min-current-starvation', circuitId: 'row', phase: 'L1', source: 'circuit', queuePosition: 2 }), /^Paused at 0 A: .*number 2 in the queue$/);
    assert.equal(describeReason({ kind: 'ev-draw', measuredA: 7.5 }), 'The car draws only 7.5 A: the rest went to others');
    assert.match(describeReason({ kind: 'misbehaving-ev', measuredA: 20, excessA: 4 }), /4 A above its limit/);
    for (const kind of ['ev-max', 'evse-max', 'offline-last-known', 'no-session', 'deferred-to-cheaper-hours']) assert.notEqual(describeReason({ kind }), kind, kind);
  });
});
