import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admission, choosePlaybook, healingStats, playbookProblems, stepGate, triggerMatches, type Playbook, type PlaybookFields } from './playbook.js';

const base: PlaybookFields = {
  name: 'p', enabled: true, trigger: { rules: ['faulted'] }, steps: [{ action: 'soft-reset', waitSeconds: 60 }, { action: 'work-order', waitSeconds: 0 }],
  allowDuringSession: false, cooldownSeconds: 600, maxAttempts: 2, attemptWindowSeconds: 3600, priority: 100,
};
const playbook = (id: string, fields: Partial<PlaybookFields> = {}): Playbook => ({
  ...base, ...fields, id, tenantId: 't', seedKey: null, createdAt: new Date(0), updatedAt: new Date(0),
});
const trouble = { rule: 'faulted', code: 'GroundFailure', severity: 'critical', evseId: 1, connectorId: 1 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe('playbook domain', () => {
  it('triggers on rule, code and severity (case-insensitive codes, * for every rule)', () => {
    const cases: Array<[Playbook['trigger'], boolean]> = [
      [{ rules: ['faulted'] }, true],
      [{ rules: ['offline'] }, false],
      [{ rules: ['*'] }, true],
      [{ rules: ['faulted'], codes: ['groundfailure'] }, true],
      [{ rules: ['faulted'], codes: ['CX017'] }, false],
      [{ rules: ['faulted'], severities: ['minor'] }, false],
      [{ rules: ['faulted'], codes: [], severities: [] }, true],
    ];
    for (const [trigger, expected] of cases) assert.equal(triggerMatches(trigger, trouble), expected, JSON.stringify(trigger));
    assert.equal(triggerMatches({ rules: ['faulted'], codes: ['X'] }, { ...trouble, code: null }), false);
    // 1.6 GroundFailure with a vendorErrorCode: the alert's code is the vendor's, the safety playbook keys on the errorCode.
    assert.equal(triggerMatches({ rules: ['faulted'], codes: ['GroundFailure'] }, { ...trouble, code: 'GF-01', codes: ['GF-01', 'GroundFailure'] }), true);
    assert.equal(triggerMatches({ rules: ['faulted'], codes: ['GroundFailure'] }, { ...trouble, code: 'GF-01' }), false);
  });

  it('chooses by priority, then the more specific trigger, ignoring disabled playbooks', () => {
    const generic = playbook('a', { trigger: { rules: ['*'] } });
    const rule = playbook('b');
    const safety = playbook('c', { trigger: { rules: ['faulted'], codes: ['GroundFailure'] } });
    const urgent = playbook('d', { priority: 10, trigger: { rules: ['*'] } });
    assert.equal(choosePlaybook([generic, rule], trouble)?.id, 'b');
    assert.equal(choosePlaybook([generic, rule, safety], trouble)?.id, 'c');
    assert.equal(choosePlaybook([generic, rule, safety, urgent], trouble)?.id, 'd');
    assert.equal(choosePlaybook([{ ...urgent, enabled: false }, rule], trouble)?.id, 'b');
    assert.equal(choosePlaybook([rule], { ...trouble, rule: 'offline' }), null);
  });

  it('admits a run unless in cooldown or past the attempt limit', () => {
    const p = { cooldownSeconds: 600, maxAttempts: 2, attemptWindowSeconds: 3600 };
    assert.deepEqual(admission(p, [], at(0)), { kind: 'run' });
    assert.deepEqual(admission(p, [at(0)], at(599)), { kind: 'cooldown', until: at(600) });
    assert.deepEqual(admission(p, [at(0)], at(600)), { kind: 'run' });
    assert.deepEqual(admission(p, [at(0), at(700)], at(1400)), { kind: 'limit', attempts: 2 });
    assert.deepEqual(admission(p, [at(0), at(700)], at(3700)), { kind: 'run' }, 'the first attempt left the window');
  });

  it('gates disruptive steps on running sessions (never reset a car that charges unless allowed)', () => {
    const cases: Array<[Playbook['steps'][number]['action'], { allowDuringSession: boolean; sessionRunning: boolean; evseId: number | null }, string]> = [
      ['soft-reset', { allowDuringSession: false, sessionRunning: true, evseId: 1 }, 'skipped-session'],
      ['hard-reset', { allowDuringSession: false, sessionRunning: true, evseId: null }, 'skipped-session'],
      ['hard-reset', { allowDuringSession: true, sessionRunning: true, evseId: 1 }, 'run'],
      ['soft-reset', { allowDuringSession: false, sessionRunning: false, evseId: 1 }, 'run'],
      ['trigger-status', { allowDuringSession: false, sessionRunning: true, evseId: 1 }, 'run'],
      ['set-inoperative', { allowDuringSession: false, sessionRunning: true, evseId: 1 }, 'run'],
      ['unlock', { allowDuringSession: false, sessionRunning: true, evseId: 1 }, 'skipped-session'],
      ['unlock', { allowDuringSession: false, sessionRunning: false, evseId: null }, 'skipped-not-applicable'],
      ['clear-transaction', { allowDuringSession: true, sessionRunning: false, evseId: 1 }, 'skipped-no-session'],
      ['clear-transaction', { allowDuringSession: false, sessionRunning: true, evseId: 1 }, 'skipped-session'],
      ['clear-transaction', { allowDuringSession: true, sessionRunning: true, evseId: 1 }, 'run'],
    ];
    for (const [action, ctx, expected] of cases) {
      const gate = stepGate({ action, waitSeconds: 0 }, ctx);
      assert.equal(gate.run ? 'run' : gate.outcome, expected, `${action} ${JSON.stringify(ctx)}`);
    }
  });

  it('validates what an operator writes', () => {
    assert.deepEqual(playbookProblems(base), []);
    assert.match(playbookProblems({ ...base, steps: [{ action: 'work-order', waitSeconds: 0 }, { action: 'soft-reset', waitSeconds: 1 }] }).join(), /must be the last step/);
    assert.match(playbookProblems({ ...base, trigger: { rules: [] } }).join(), /no rule/);
    assert.match(playbookProblems({ ...base, steps: [] }).join(), /steps is empty/);
    assert.match(playbookProblems({ ...base, maxAttempts: 0 }).join(), /maxAttempts/);
    assert.match(playbookProblems({ ...base, attemptWindowSeconds: 10 }).join(), /attemptWindowSeconds/);
  });

  it('computes the share of incidents resolved without a person (an incident counts once, its last run decides)', () => {
    const stats = healingStats([
      { incidentId: 'i1', status: 'resolved', startedAt: at(0) },
      { incidentId: 'i2', status: 'gave-up', startedAt: at(0) },
      { incidentId: 'i2', status: 'resolved', startedAt: at(10) },
      { incidentId: 'i3', status: 'work-order', startedAt: at(0) },
      { incidentId: 'i4', status: 'skipped', startedAt: at(0) },
    ]);
    assert.equal(stats.incidents, 4);
    assert.equal(stats.handled, 3);
    assert.equal(stats.resolvedByAutomation, 2);
    assert.equal(stats.workOrders, 1);
    assert.equal(stats.resolvedWithoutPersonShare, 2 / 3);
    assert.equal(healingStats([]).resolvedWithoutPersonShare, null);
  });
});
