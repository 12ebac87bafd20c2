// Playbooks: a trigger (which alerts) -> escalating steps, each followed by a wait and a check of
// whether the alert cleared. Pure: the rules of when a step may run are table-tested here.

export const PLAYBOOK_ACTIONS = ['trigger-status', 'soft-reset', 'hard-reset', 'unlock', 'clear-transaction', 'set-inoperative', 'work-order'] as const;
export type PlaybookAction = (typeof PLAYBOOK_ACTIONS)[number];

export type AlertSeverity = 'critical' | 'major' | 'minor' | 'info';

export type PlaybookTrigger = {
  /** Detection rules (health rule ids: offline, faulted, stuck-status, ...); '*' matches every rule. */
  rules: string[];
  /** Fault codes (the alert's code, e.g. GroundFailure, CX017); empty or absent: any code. */
  codes?: string[];
  /** Alert severities; empty or absent: any. */
  severities?: AlertSeverity[];
  /** Seconds to wait after the alert before the first step; a fault that clears meanwhile is left alone (default 0). */
  delaySeconds?: number;
};

export type PlaybookStep = {
  action: PlaybookAction;
  /** How long to wait after the action before checking whether the alert cleared (default 60). */
  waitSeconds: number;
};

export type Playbook = {
  id: string;
  tenantId: string;
  name: string;
  enabled: boolean;
  trigger: PlaybookTrigger;
  steps: PlaybookStep[];
  allowDuringSession: boolean;
  cooldownSeconds: number;
  maxAttempts: number;
  attemptWindowSeconds: number;
  priority: number;
  seedKey: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type PlaybookFields = Omit<Playbook, 'id' | 'tenantId' | 'seedKey' | 'createdAt' | 'updatedAt'>;

export type StepOutcome =
  | 'accepted' | 'rejected' | 'failed' | 'no-answer'
  | 'skipped-session' | 'skipped-no-session' | 'skipped-not-applicable'
  | 'work-order-opened';

export type PlaybookStepRecord = {
  index: number;
  action: PlaybookAction;
  startedAt: string;
  commandId: string | null;
  outcome: StepOutcome;
  detail: string | null;
  /** After the wait: did the alert clear? null when the step did not wait (skipped, last step). */
  cleared: boolean | null;
  checkedAt: string | null;
};

export type RunStatus = 'running' | 'resolved' | 'work-order' | 'gave-up' | 'skipped' | 'failed' | 'interrupted';

/** The alert (or incident) a playbook is asked to heal. */
export type Trouble = {
  rule: string; code: string | null; severity: string; evseId: number | null; connectorId: number | null;
  /** Every code the station sent with the fault (a 1.6 errorCode next to its vendorErrorCode); code when absent. */
  codes?: readonly string[];
};

/** Steps that interrupt what a car is doing at the station. */
export const DISRUPTIVE: ReadonlySet<PlaybookAction> = new Set(['soft-reset', 'hard-reset', 'unlock', 'clear-transaction']);

export function triggerMatches(trigger: PlaybookTrigger, trouble: Trouble): boolean {
  const ruleOk = trigger.rules.includes('*') || trigger.rules.includes(trouble.rule);
  const sent = new Set([trouble.code, ...(trouble.codes ?? [])].filter((c): c is string => c !== null).map((c) => c.toLowerCase()));
  const codeOk = !trigger.codes?.length || trigger.codes.some((c) => sent.has(c.toLowerCase()));
  const severityOk = !trigger.severities?.length || (trigger.severities as readonly string[]).includes(trouble.severity);
  return ruleOk && codeOk && severityOk;
}

/** The enabled playbook that handles the trouble: lowest priority number, then the more specific trigger, then the id. */
export function choosePlaybook(playbooks: readonly Playbook[], trouble: Trouble): Playbook | null {
  const specificity = (p: Playbook) => (p.trigger.rules.includes('*') ? 0 : 4) + (p.trigger.codes?.length ? 2 : 0) + (p.trigger.severities?.length ? 1 : 0);
  return playbooks.filter((p) => p.enabled && triggerMatches(p.trigger, trouble))
    .sort((a, b) => a.priority - b.priority || specificity(b) - specificity(a) || (a.id < b.id ? -1 : 1))[0] ?? null;
}

/** Whether a new run may start, given the previous runs of this playbook for the same station + EVSE. */
export function admission(playbook: Pick<Playbook, 'cooldownSeconds' | 'maxAttempts' | 'attemptWindowSeconds'>, previousStarts: readonly Date[], now: Date):
  { kind: 'run' } | { kind: 'cooldown'; until: Date } | { kind: 'limit'; attempts: number } {
  const last = previousStarts.reduce<Date | null>((max, d) => (max === null || d > max ? d : max), null);
  if (last !== null && now.getTime() - last.getTime() < playbook.cooldownSeconds * 1000) {
    return { kind: 'cooldown', until: new Date(last.getTime() + playbook.cooldownSeconds * 1000) };
  }
  const inWindow = previousStarts.filter((d) => now.getTime() - d.getTime() < playbook.attemptWindowSeconds * 1000).length;
  if (inWindow >= playbook.maxAttempts) return { kind: 'limit', attempts: inWindow };
  return { kind: 'run' };
}

/**
 * Whether a step may run now. A disruptive step is skipped while a session runs (unless the
 * playbook allows it); clearing a transaction needs one; unlocking needs an EVSE.
 */
export function stepGate(step: PlaybookStep, ctx: { allowDuringSession: boolean; sessionRunning: boolean; evseId: number | null }):
  { run: true } | { run: false; outcome: StepOutcome; detail: string } {
  if (step.action === 'clear-transaction') {
    if (!ctx.sessionRunning) return { run: false, outcome: 'skipped-no-session', detail: 'No session runs at this EVSE: nothing to clear' };
    if (!ctx.allowDuringSession) return { run: false, outcome: 'skipped-session', detail: 'The playbook does not allow interrupting a session' };
    return { run: true };
  }
  if ((step.action === 'unlock' || step.action === 'set-inoperative') && ctx.evseId === null) {
    return { run: false, outcome: 'skipped-not-applicable', detail: `${step.action} needs an EVSE; the alert is about the whole station` };
  }
  if (DISRUPTIVE.has(step.action) && ctx.sessionRunning && !ctx.allowDuringSession) {
    return { run: false, outcome: 'skipped-session', detail: 'A session is running: the playbook does not allow interrupting it' };
  }
  return { run: true };
}

/** Problems with a playbook an operator wrote; empty when it is valid. */
export function playbookProblems(p: PlaybookFields): string[] {
  const problems: string[] = [];
  if (p.name.trim() === '') problems.push('name is empty');
  if (p.trigger.rules.length === 0) problems.push('trigger.rules lists no rule (use "*" for every rule)');
  if (p.steps.length === 0) problems.push('steps is empty');
  const workOrderAt = p.steps.findIndex((s) => s.action === 'work-order');
  if (workOrderAt !== -1 && workOrderAt !== p.steps.length - 1) problems.push('work-order ends the escalation: it must be the last step');
  p.steps.forEach((s, i) => {
    if (!Number.isInteger(s.waitSeconds) || s.waitSeconds < 0 || s.waitSeconds > 86_400) problems.push(`steps[${i}].waitSeconds must be 0..86400`);
  });
  const delay = p.trigger.delaySeconds ?? 0;
  if (!Number.isInteger(delay) || delay < 0 || delay > 86_400) problems.push('trigger.delaySeconds must be 0..86400');
  if (p.maxAttempts < 1) problems.push('maxAttempts must be at least 1');
  if (p.attemptWindowSeconds < p.cooldownSeconds) problems.push('attemptWindowSeconds must be at least cooldownSeconds');
  return problems;
}

export type RunSummary = { incidentId: string; status: RunStatus; startedAt: Date };

/**
 * The share of incidents resolved without a person, over the incidents a playbook handled: an
 * incident counts once (its last run decides), as resolved by automation when that run ended
 * `resolved` (the alert cleared after an automated step).
 */
export function healingStats(runs: readonly RunSummary[]) {
  const last = new Map<string, RunSummary>();
  for (const run of [...runs].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())) last.set(run.incidentId, run);
  const byStatus: Record<string, number> = {};
  for (const run of last.values()) byStatus[run.status] = (byStatus[run.status] ?? 0) + 1;
  const handled = [...last.values()].filter((r) => r.status !== 'skipped' && r.status !== 'running').length;
  const resolved = byStatus['resolved'] ?? 0;
  return {
    runs: runs.length,
    incidents: last.size,
    handled,
    resolvedByAutomation: resolved,
    workOrders: byStatus['work-order'] ?? 0,
    gaveUp: byStatus['gave-up'] ?? 0,
    byStatus,
    resolvedWithoutPersonShare: handled === 0 ? null : resolved / handled,
  };
}
