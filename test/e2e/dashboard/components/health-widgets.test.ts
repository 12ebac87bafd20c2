import { render } from './render.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { importWeb } from './render.js';

const { slaClocks, isBreached, formatDuration, SlaClocks } = await importWeb<typeof import('../../../../web/src/components/sla-clock.js')>('../../../../web/src/components/sla-clock.tsx');
const { BarChart } = await importWeb<typeof import('../../../../web/src/components/bar-chart.js')>('../../../../web/src/components/bar-chart.tsx');
const { upsertIncident, nextSteps, kbOf } = await importWeb<typeof import('../../../../web/src/pages/incidents-model.js')>('../../../../web/src/pages/incidents-model.ts');

const SLA = { detectMinutes: 60, remoteMinutes: 240, dispatchMinutes: 1440 };
const T0 = Date.parse('2026-03-29T00:30:00Z'); // the night Europe moves its clocks: durations are instants, not wall times
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const incident = (over: Partial<Record<'acknowledgedAt' | 'remoteStartedAt' | 'dispatchedAt' | 'resolvedAt', string>> = {}) => ({
  detectedAt: at(0), acknowledgedAt: null, remoteStartedAt: null, dispatchedAt: null, resolvedAt: null, ...over,
});
const states = (clocks: ReturnType<typeof slaClocks>) => Object.fromEntries(clocks.map((c) => [c.clock, c.state]));

describe('SLA clocks (the server rule of src/modules/health/domain/incident.ts, in the browser)', () => {
  it('run from detectedAt; each breaches when still running past its due time', () => {
    assert.deepEqual(states(slaClocks(incident(), SLA, T0 + 59 * 60_000)), { detect: 'running', remote: 'running', dispatch: 'running' });
    const late = slaClocks(incident(), SLA, T0 + 61 * 60_000);
    assert.deepEqual(states(late), { detect: 'breached', remote: 'running', dispatch: 'running' });
    assert.equal(late[0]!.remainingMs, -60_000);
    assert.equal(late[1]!.dueAt, T0 + 240 * 60_000);
  });

  it('a later step stops the earlier clocks too (a skipped acknowledge is met by dispatching in time)', () => {
    const dispatched = incident({ dispatchedAt: at(30) });
    assert.deepEqual(states(slaClocks(dispatched, SLA, T0 + 2000 * 60_000)), { detect: 'met', remote: 'met', dispatch: 'met' });
  });

  it('a clock stopped late stays breached; resolving stops all three', () => {
    const acknowledgedLate = incident({ acknowledgedAt: at(90), resolvedAt: at(100) });
    const clocks = slaClocks(acknowledgedLate, SLA, T0 + 5000 * 60_000);
    assert.deepEqual(states(clocks), { detect: 'breached', remote: 'met', dispatch: 'met' });
    assert.equal(clocks[0]!.remainingMs, null);
    assert.equal(isBreached(acknowledgedLate, SLA, T0), true);
    assert.equal(isBreached(incident({ acknowledgedAt: at(10) }), SLA, T0 + 100 * 60_000), false);
  });

  it('shows the relevant clocks as text with their state (not colour alone), breaches marked', async () => {
    const view = await render(createElement(SlaClocks, { incident: incident({ acknowledgedAt: at(5) }), sla: SLA, now: T0 + 250 * 60_000 }));
    const items = [...view.container.querySelectorAll('li')];
    assert.deepEqual(items.map((li) => li.getAttribute('data-clock')), ['remote', 'dispatch'], 'the met acknowledge clock is left out');
    assert.match(items[0]!.textContent ?? '', /^Remote troubleshooting: ⚠ breached 10 min ago/);
    assert.match(items[1]!.textContent ?? '', /^Dispatch: 19 h 50 min left/);
    await view.rerender(createElement(SlaClocks, { incident: incident({ resolvedAt: at(5) }), sla: SLA, now: T0 }));
    assert.equal(view.container.textContent, 'SLA clocks met');
    await view.rerender(createElement(SlaClocks, { incident: incident(), sla: null, now: T0 }));
    assert.equal(view.container.textContent, '', 'nothing before the rules are loaded');
    await view.unmount();
  });

  it('formats durations coarsely', () => {
    assert.deepEqual([formatDuration(45_000), formatDuration(-3 * 60_000), formatDuration(65 * 60_000), formatDuration(50 * 3_600_000)], ['45 s', '3 min', '1 h 5 min', '2 d 2 h']);
  });
});

describe('incidents board helpers', () => {
  const inc = (id: string, openedAt: string, status = 'open') => ({ id, openedAt, status });
  it('an incident event puts a fresh copy in place, a new one in openedAt order, and a replay changes nothing', () => {
    const list = [inc('b', '2026-01-02'), inc('a', '2026-01-01')];
    assert.deepEqual(upsertIncident(list, inc('c', '2026-01-03')).map((i) => i.id), ['c', 'b', 'a']);
    assert.deepEqual(upsertIncident(list, inc('a', '2026-01-01', 'acknowledged')).map((i) => `${i.id}:${i.status}`), ['b:open', 'a:acknowledged']);
    const once = upsertIncident(list, inc('c', '2026-01-03'));
    assert.deepEqual(upsertIncident(once, inc('c', '2026-01-03')), once);
  });
  it('offers only forward steps, none once closed, never auto-resolved', () => {
    assert.deepEqual(nextSteps('open'), ['acknowledged', 'remote-troubleshooting', 'technician-dispatched', 'resolved']);
    assert.deepEqual(nextSteps('remote-troubleshooting'), ['technician-dispatched', 'resolved']);
    assert.deepEqual(nextSteps('auto-resolved'), []);
  });
  it('reads the untyped kb column only when it is an explanation', () => {
    assert.equal(kbOf(null), null);
    assert.equal(kbOf({ foo: 1 }), null);
    assert.equal(kbOf({ meaning: 'Hot', entryId: 'x' })?.meaning, 'Hot');
  });
});

describe('BarChart', () => {
  it('draws one bar per value scaled to max, a dash for no value, and lists every value as text', async () => {
    const view = await render(createElement(BarChart, {
      label: 'Uptime', unit: '%', max: 100, format: (v: number) => v.toFixed(1),
      bars: [{ label: '03-28', value: 100 }, { label: '03-29', value: 50 }, { label: '03-30', value: null }],
    }));
    const rects = [...view.container.querySelectorAll('rect.bar')];
    assert.equal(rects.length, 2);
    const heights = rects.map((r) => Number(r.getAttribute('height')));
    assert.ok(Math.abs(heights[0]! - 2 * heights[1]!) < 0.01, `100 is twice as tall as 50 (${heights.join(', ')})`);
    assert.equal(view.container.querySelector('svg')!.getAttribute('aria-label'), 'Uptime (%), 3 bars');
    assert.deepEqual([...view.container.querySelectorAll('[data-testid="bars-Uptime"] li')].map((li) => li.textContent), ['03-28: 100.0', '03-29: 50.0', '03-30: –']);
    assert.equal(rects[0]!.querySelector('title')!.textContent, '03-28: 100.0 %');
    await view.rerender(createElement(BarChart, { label: 'Uptime', unit: '%', bars: [] }));
    assert.equal(view.container.textContent, 'No uptime to show.');
    await view.unmount();
  });

  it('a value above max is capped at the top instead of overflowing', async () => {
    const view = await render(createElement(BarChart, { label: 'X', unit: 'n', max: 10, height: 100, bars: [{ label: 'a', value: 25 }, { label: 'b', value: 10 }] }));
    const [a, b] = [...view.container.querySelectorAll('rect.bar')];
    assert.equal(a!.getAttribute('height'), b!.getAttribute('height'));
    await view.unmount();
  });
});
