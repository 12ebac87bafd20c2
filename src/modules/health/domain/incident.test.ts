// Incident lifecycle and SLA clocks (issue 6 item 3), and the validation of per-tenant settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../api/problem.js';
import { newSlaBreaches, transitionRefusal, type Incident, type IncidentStatus } from './incident.js';
import { checkSettings, DEFAULT_HEALTH_SETTINGS, mergeSettings, withDefaults } from './settings.js';

const ALLOWED: Array<[IncidentStatus, IncidentStatus]> = [
  ['open', 'acknowledged'], ['open', 'remote-troubleshooting'], ['open', 'technician-dispatched'], ['open', 'resolved'],
  ['acknowledged', 'remote-troubleshooting'], ['acknowledged', 'technician-dispatched'], ['acknowledged', 'resolved'],
  ['remote-troubleshooting', 'technician-dispatched'], ['remote-troubleshooting', 'resolved'], ['technician-dispatched', 'resolved'],
];
const REFUSED: Array<[IncidentStatus, IncidentStatus]> = [
  ['open', 'open'], ['open', 'auto-resolved'], ['acknowledged', 'open'], ['remote-troubleshooting', 'acknowledged'],
  ['technician-dispatched', 'remote-troubleshooting'], ['resolved', 'open'], ['resolved', 'acknowledged'], ['auto-resolved', 'resolved'],
  ['technician-dispatched', 'technician-dispatched'],
];

describe('incident lifecycle', () => {
  for (const [from, to] of ALLOWED) it(`${from} -> ${to} is allowed`, () => assert.equal(transitionRefusal(from, to), null));
  for (const [from, to] of REFUSED) it(`${from} -> ${to} is refused`, () => assert.equal(typeof transitionRefusal(from, to), 'string'));
});

const T0 = Date.parse('2026-03-01T10:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);
const incident = (fields: Partial<Incident> = {}): Incident => ({
  id: 'inc', tenantId: 'T', stationId: 'CP', evseId: null, connectorId: null, status: 'open', severity: 'critical', rule: 'offline', code: null,
  title: 'x', openedAt: min(2), detectedAt: min(0), acknowledgedAt: null, remoteStartedAt: null, dispatchedAt: null, resolvedAt: null,
  resolution: null, resolvedBy: null, kb: null, ...fields,
});
const sla = DEFAULT_HEALTH_SETTINGS.sla;
const clocks = (i: Incident, at: number, already: string[] = []) => newSlaBreaches(i, sla, min(at), new Set(already)).map((b) => b.clock);

describe('SLA clocks (defaults: detect 1 h, remote 4 h, dispatch 24 h, from the fault)', () => {
  it('nothing before the first due time', () => assert.deepEqual(clocks(incident(), 60), []));
  it('not acknowledged after an hour: detect breached', () => assert.deepEqual(clocks(incident(), 61), ['detect']));
  it('acknowledged in time: detect met', () => assert.deepEqual(clocks(incident({ status: 'acknowledged', acknowledgedAt: min(30) }), 61), []));
  it('acknowledged late: detect breached although stopped', () => assert.deepEqual(clocks(incident({ status: 'acknowledged', acknowledgedAt: min(90) }), 91), ['detect']));
  it('a playbook starting remote troubleshooting stops detect and remote', () => {
    assert.deepEqual(clocks(incident({ status: 'remote-troubleshooting', remoteStartedAt: min(5) }), 300), []);
  });
  it('after 4 h without remote troubleshooting: remote breached (detect already reported)', () => {
    assert.deepEqual(clocks(incident({ status: 'acknowledged', acknowledgedAt: min(10) }), 241), ['remote']);
    assert.deepEqual(clocks(incident(), 241, ['detect']), ['remote']);
  });
  it('after 24 h without dispatch: dispatch breached', () => {
    assert.deepEqual(clocks(incident({ status: 'remote-troubleshooting', acknowledgedAt: min(10), remoteStartedAt: min(20) }), 24 * 60 + 1), ['dispatch']);
  });
  it('resolved in time stops every clock', () => {
    assert.deepEqual(clocks(incident({ status: 'resolved', resolvedAt: min(20) }), 48 * 60), []);
  });
  it('a breach is reported once', () => assert.deepEqual(clocks(incident(), 61, ['detect']), []));
  it('custom clocks', () => {
    const fast = { detectMinutes: 5, remoteMinutes: 10, dispatchMinutes: 20 };
    assert.deepEqual(newSlaBreaches(incident(), fast, min(11), new Set()).map((b) => [b.clock, b.dueAt.toISOString()]), [['detect', min(5).toISOString()], ['remote', min(10).toISOString()]]);
  });
});

describe('health settings', () => {
  it('the defaults are valid', () => assert.doesNotThrow(() => checkSettings(DEFAULT_HEALTH_SETTINGS)));
  it('a change merges into one rule and keeps the others', () => {
    const merged = mergeSettings(DEFAULT_HEALTH_SETTINGS, { rules: { offline: { windowSeconds: 60 } } });
    assert.equal(merged.rules.offline.windowSeconds, 60);
    assert.equal(merged.rules.offline.severity, 'critical');
    assert.deepEqual(merged.rules.faulted, DEFAULT_HEALTH_SETTINGS.rules.faulted);
  });
  it('stored settings missing a rule get its default', () => {
    assert.deepEqual(withDefaults({ rules: { offline: { windowSeconds: 60 } } }).rules['clock-drift'], DEFAULT_HEALTH_SETTINGS.rules['clock-drift']);
  });
  const invalid: Array<[string, Parameters<typeof mergeSettings>[1]]> = [
    ['a window under 10 s', { rules: { offline: { windowSeconds: 5 } } }],
    ['a fractional threshold', { rules: { 'failed-starts': { threshold: 2.5 } } }],
    ['SLA clocks that decrease', { sla: { detectMinutes: 300, remoteMinutes: 240 } }],
    ['a recipient that is not an email address', { notifications: { recipients: ['ops at example'] } }],
    ['a repeated recipient', { notifications: { escalation: ['a@example.test', 'a@example.test'] } }],
  ];
  for (const [name, patch] of invalid) {
    it(`refuses ${name} (invalid_health_rules)`, () => {
      assert.throws(() => checkSettings(mergeSettings(DEFAULT_HEALTH_SETTINGS, patch)), (error: unknown) => error instanceof ApiError && error.code === 'invalid_health_rules');
    });
  }
});
