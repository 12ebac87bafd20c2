// Runs playbooks: on a new incident (or a new alert of an incident no run is healing), the
// tenant's matching playbook runs its steps in order, each followed by a wait and a check of
// whether the incident cleared, until it clears, a work order is opened, or the steps run out.
// One attempt per incident at a time: an alert of another kind that comes meanwhile waits for the
// attempt to end and is then dispatched (ADR 066), and a clear that comes while the attempt is
// busy between waits is kept for its next wait (a latched wake-up), so neither is lost.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent, EventPublisher } from '../../infra/events/event-bus.js';
import type { CommandResult } from '../commands/command-service.js';
import { timeOrderedId } from '../health/incident-service.js';
import { admission, choosePlaybook, stepGate, type Playbook, type PlaybookStep, type PlaybookStepRecord, type RunStatus, type StepOutcome, type Trouble } from './domain/playbook.js';
import type { IncidentPort, IncidentView, RemoteControl, RunningSessions, SystemAudit, WorkOrderOpener } from './ports.js';
import type { PlaybookService } from './service.js';
import type { PlaybookRun, PlaybookStore } from './store.js';

export type PlaybookRunnerDeps = {
  db: Executor;
  store: PlaybookStore;
  playbooks: PlaybookService;
  incidents: IncidentPort;
  workOrders: WorkOrderOpener | null;
  remote: RemoteControl;
  sessions: RunningSessions;
  audit: SystemAudit;
  events: EventPublisher;
  log: Logger;
  now?: () => Date;
};

const FINAL = new Set(['resolved', 'auto-resolved']);

/** The attempt healing one incident (present in `active` while it runs). */
type Attempt = {
  trouble: Trouble;
  /** A wake-up that came while no wait was in progress: the next wait returns at once to look. */
  woken: boolean;
  /** Ends the wait in progress, if any. */
  waiter: (() => void) | null;
  /** Alerts of another kind raised on the incident meanwhile, by trouble key (the latest of each). */
  pending: Map<string, Trouble>;
  /** Playbooks already run for the incident by this chain of attempts: a pending alert does not repeat one. */
  ran: Set<string>;
};

export class PlaybookRunner {
  /** tenant + incident -> the attempt healing it. */
  private readonly active = new Map<string, Attempt>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private readonly now: () => Date;

  private workOrders: WorkOrderOpener | null;

  constructor(private readonly deps: PlaybookRunnerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.workOrders = deps.workOrders;
  }

  /** OPS's WorkOrderService, once it is built (main.ts may build it after the playbooks). */
  connectWorkOrders(opener: WorkOrderOpener): void {
    this.workOrders = opener;
  }

  /** Subscribe this to the event bus. */
  observe(event: DomainEvent): void {
    const incidentId = typeof event.data['incidentId'] === 'string' ? event.data['incidentId'] : null;
    if (incidentId === null || this.stopped) return;
    const key = `${event.tenantId}\n${incidentId}`;
    if (event.type === 'health.alert-cleared' || event.type === 'incident.resolved' || event.type === 'incident.updated') {
      const attempt = this.active.get(key);
      if (attempt) wake(attempt);
      return;
    }
    if ((event.type !== 'incident.opened' && event.type !== 'health.alert-raised') || !event.stationId) return;
    const trouble: Trouble = {
      rule: String(event.data['rule'] ?? ''), code: typeof event.data['code'] === 'string' ? event.data['code'] : null,
      severity: String(event.data['severity'] ?? 'major'), evseId: numberOrNull(event.data['evseId']), connectorId: numberOrNull(event.data['connectorId']),
      codes: Array.isArray(event.data['codes']) ? event.data['codes'].filter((c): c is string => typeof c === 'string') : [],
    };
    const attempt = this.active.get(key);
    if (attempt) {
      // incident.opened and the alert-raised of the alert that opened it carry the same trouble.
      if (troubleKey(trouble) !== troubleKey(attempt.trouble)) attempt.pending.set(troubleKey(trouble), trouble);
      return;
    }
    this.dispatch(key, event.tenantId, event.stationId, incidentId, trouble, { retry: false, ran: new Set(), pending: new Map() });
  }

  /**
   * Starts an attempt; when it ends, the next pending alert of the incident gets its own (the
   * trouble that came while a run looked for its playbook, or ran another one, is not dropped).
   */
  private dispatch(key: string, tenantId: string, stationId: string, incidentId: string, trouble: Trouble,
    chain: { retry: boolean; ran: Set<string>; pending: Map<string, Trouble> }): void {
    const attempt: Attempt = { trouble, woken: false, waiter: null, pending: chain.pending, ran: chain.ran };
    this.active.set(key, attempt);
    const run = this.heal(tenantId, stationId, incidentId, trouble, attempt, chain.retry)
      .catch((error: unknown) => this.deps.log.error({ err: error, incidentId }, 'playbook run failed'))
      .finally(() => {
        this.running.delete(run);
        if (this.active.get(key) !== attempt) return;
        this.active.delete(key);
        const [next] = attempt.pending;
        if (next === undefined || this.stopped) return;
        attempt.pending.delete(next[0]);
        this.dispatch(key, tenantId, stationId, incidentId, next[1], { retry: true, ran: attempt.ran, pending: attempt.pending });
      });
    this.running.add(run);
  }

  /** Ends the waits; runs in progress end `interrupted`. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const attempt of this.active.values()) wake(attempt);
    await Promise.all([...this.running]);
  }

  /** Resolves when every run started so far has ended (tests). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** `retry`: a pending alert after an earlier attempt; nothing is done if the incident closed meanwhile. */
  private async heal(tenantId: string, stationId: string, incidentId: string, trouble: Trouble, attempt: Attempt, retry: boolean): Promise<void> {
    const playbook = choosePlaybook(await this.deps.playbooks.forTenant(tenantId), trouble);
    if (playbook === null || attempt.ran.has(playbook.id)) return;
    if (retry && await this.cleared(tenantId, incidentId)) return;
    attempt.ran.add(playbook.id);
    const startedAt = this.now();
    const since = new Date(startedAt.getTime() - Math.max(playbook.cooldownSeconds, playbook.attemptWindowSeconds) * 1000);
    const previous = await this.deps.store.startsSince(this.deps.db, tenantId, playbook.id, stationId, trouble.evseId, since);
    const admitted = admission(playbook, previous, startedAt);
    const run: PlaybookRun = {
      id: timeOrderedId('run', startedAt), tenantId, playbookId: playbook.id, incidentId, stationId, evseId: trouble.evseId, connectorId: trouble.connectorId,
      rule: trouble.rule, status: 'running', reason: null, steps: [], workOrderId: null, startedAt, finishedAt: null,
    };
    if (admitted.kind === 'cooldown') {
      await this.deps.store.insertRun(this.deps.db, { ...run, status: 'skipped', reason: `cooldown until ${admitted.until.toISOString()}`, finishedAt: startedAt });
      return;
    }
    await this.deps.store.insertRun(this.deps.db, run);
    const finish = async (status: RunStatus, reason: string) => {
      Object.assign(run, { status, reason, finishedAt: this.now() });
      await this.deps.store.saveRun(this.deps.db, run);
    };

    if (admitted.kind === 'limit') {
      // Remote steps were tried too often here: straight to the technician, if the playbook has one.
      const last = playbook.steps[playbook.steps.length - 1];
      const reason = `attempt limit: ${admitted.attempts} runs within ${playbook.attemptWindowSeconds} s`;
      if (last?.action === 'work-order') {
        const opened = (await this.step(playbook, run, playbook.steps.length - 1, last, trouble)).outcome === 'work-order-opened';
        return finish(opened ? 'work-order' : 'gave-up', reason);
      }
      return finish('gave-up', reason);
    }

    const delayMs = (playbook.trigger.delaySeconds ?? 0) * 1000;
    if (delayMs > 0 && await this.waitForClear(tenantId, incidentId, delayMs, attempt)) {
      return finish('skipped', `cleared on its own within the ${playbook.trigger.delaySeconds} s delay`);
    }
    let remoteStarted = false;
    for (const [index, step] of playbook.steps.entries()) {
      if (this.stopped) return finish('interrupted', 'ChargeOps stopped during the run');
      if (await this.cleared(tenantId, incidentId)) return finish('resolved', `cleared before step ${index + 1}`);
      if (step.action === 'work-order') {
        const opened = (await this.step(playbook, run, index, step, trouble)).outcome === 'work-order-opened';
        return finish(opened ? 'work-order' : 'gave-up', opened ? 'remote steps did not clear the fault' : 'the work order could not be opened');
      }
      if (!remoteStarted) {
        remoteStarted = true;
        await this.moveIncident(tenantId, incidentId, playbook, 'remote-troubleshooting', `Playbook "${playbook.name}" started`);
      }
      const record = await this.step(playbook, run, index, step, trouble);
      if (!this.waits(record.outcome)) continue;
      record.cleared = await this.waitForClear(tenantId, incidentId, step.waitSeconds * 1000, attempt);
      if (this.stopped) return finish('interrupted', 'ChargeOps stopped during the run');
      record.checkedAt = this.now().toISOString();
      await this.deps.store.saveRun(this.deps.db, run);
      if (record.cleared) return finish('resolved', `cleared after step ${index + 1} (${step.action})`);
    }
    return finish('gave-up', 'every step ran and the fault did not clear');
  }

  /** Runs one step, records it, audits it and publishes it. */
  private async step(playbook: Playbook, run: PlaybookRun, index: number, step: PlaybookStep, trouble: Trouble): Promise<PlaybookStepRecord> {
    const record: PlaybookStepRecord = {
      index, action: step.action, startedAt: this.now().toISOString(), commandId: null, outcome: 'failed', detail: null, cleared: null, checkedAt: null,
    };
    run.steps.push(record);
    if (step.action === 'work-order') {
      const opened = await this.openWorkOrder(playbook, run);
      Object.assign(record, opened);
      await this.record(playbook, run, record);
      return record;
    }
    // A reset ends every session of the station; unlocking or clearing acts on the alert's EVSE only.
    const sessions = await this.deps.sessions.at(run.tenantId, run.stationId);
    const here = trouble.evseId === null ? sessions : sessions.filter((s) => s.evseId === trouble.evseId);
    const stationWide = step.action === 'soft-reset' || step.action === 'hard-reset';
    const gate = stepGate(step, { allowDuringSession: playbook.allowDuringSession, sessionRunning: (stationWide ? sessions : here).length > 0, evseId: trouble.evseId });
    if (!gate.run) {
      Object.assign(record, { outcome: gate.outcome, detail: gate.detail });
    } else {
      try {
        const result = await this.command(playbook, run, step, trouble, here[0]?.id ?? null);
        Object.assign(record, { commandId: result.commandId, ...outcomeOf(result) });
      } catch (error) {
        Object.assign(record, { outcome: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.record(playbook, run, record);
    return record;
  }

  private command(playbook: Playbook, run: PlaybookRun, step: PlaybookStep, trouble: Trouble, sessionId: string | null): Promise<CommandResult> {
    const caller = { tenantId: run.tenantId, requestedBy: `system:playbook:${playbook.id}` };
    const { remote } = this.deps;
    const evse = trouble.evseId ?? undefined;
    switch (step.action) {
      case 'trigger-status': return remote.trigger(caller, run.stationId, 'StatusNotification', evse, evse === undefined ? undefined : (trouble.connectorId ?? 1));
      case 'soft-reset': return remote.reset(caller, run.stationId, 'Soft');
      case 'hard-reset': return remote.reset(caller, run.stationId, 'Hard');
      case 'unlock': return remote.unlock(caller, run.stationId, trouble.evseId!, trouble.connectorId ?? undefined);
      case 'set-inoperative': return remote.changeAvailability(caller, run.stationId, false, trouble.evseId!, trouble.connectorId ?? undefined);
      case 'clear-transaction': return remote.stop(caller, sessionId!);
      case 'work-order': throw new Error('a work order is not a command');
    }
  }

  private async openWorkOrder(playbook: Playbook, run: PlaybookRun): Promise<Pick<PlaybookStepRecord, 'outcome' | 'detail'>> {
    if (this.workOrders === null) return { outcome: 'failed', detail: 'No work-order service is wired' };
    try {
      const incident = await this.deps.incidents.get(run.tenantId, run.incidentId);
      const kb = kbOf(incident);
      const tried = run.steps.filter((s) => s.action !== 'work-order').map((s) => `${s.action}: ${s.outcome}${s.cleared === false ? ', did not clear' : ''}`);
      const order = await this.workOrders.open(run.tenantId, {
        stationId: run.stationId, evseId: run.evseId, incidentId: run.incidentId, title: incident.title,
        instructions: [
          kb ? `${kb.meaning}\nProbable cause: ${kb.probableCause}\n${kb.technicianInstructions}\n(Source: ${kb.source})` : 'No knowledge-base entry explains this fault.',
          tried.length > 0 ? `Remote steps tried by playbook "${playbook.name}": ${tried.join('; ')}.` : `Playbook "${playbook.name}" sent a technician without remote steps.`,
        ].join('\n\n'),
        checklist: [
          ...(kb ? kb.technicianInstructions.split(/(?<=\.)\s+/).filter((s) => s.trim() !== '') : []),
          'Confirm the station reports the connector Available and a test session charges',
        ],
      });
      run.workOrderId = order.id;
      await this.moveIncident(run.tenantId, run.incidentId, playbook, 'technician-dispatched', `Work order ${order.id} opened by playbook "${playbook.name}"`);
      return { outcome: 'work-order-opened', detail: order.id };
    } catch (error) {
      return { outcome: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async record(playbook: Playbook, run: PlaybookRun, record: PlaybookStepRecord): Promise<void> {
    await this.deps.store.saveRun(this.deps.db, run);
    await this.deps.audit.recordSystemAction({
      tenantId: run.tenantId, job: `playbook:${playbook.id}`, action: `playbook ${record.action}`, targetType: 'station', targetId: run.stationId,
      details: { runId: run.id, incidentId: run.incidentId, step: record.index, commandId: record.commandId, outcome: record.outcome, detail: record.detail },
    });
    this.deps.events.publish({
      type: 'playbook.action-taken', tenantId: run.tenantId, stationId: run.stationId, at: this.now(),
      data: { incidentId: run.incidentId, playbookId: playbook.id, runId: run.id, step: record.index, action: record.action, outcome: record.outcome, detail: record.detail, commandId: record.commandId },
    });
  }

  private async moveIncident(tenantId: string, incidentId: string, playbook: Playbook, to: 'remote-troubleshooting' | 'technician-dispatched', note: string): Promise<void> {
    try {
      const incident = await this.deps.incidents.get(tenantId, incidentId);
      const order = ['open', 'acknowledged', 'remote-troubleshooting', 'technician-dispatched'];
      if (order.indexOf(incident.status) === -1 || order.indexOf(incident.status) >= order.indexOf(to)) return;
      await this.deps.incidents.transition(tenantId, incidentId, to, `system:playbook:${playbook.id}`, note);
    } catch (error) {
      // A person may have moved it meanwhile: the playbook carries on.
      this.deps.log.warn({ err: error, incidentId, to }, 'playbook could not move the incident');
    }
  }

  private async cleared(tenantId: string, incidentId: string): Promise<boolean> {
    try {
      return FINAL.has((await this.deps.incidents.get(tenantId, incidentId)).status);
    } catch {
      return false;
    }
  }

  /** A step whose command went out waits for its effect; a skipped step does not. */
  private waits(outcome: StepOutcome): boolean {
    return outcome === 'accepted' || outcome === 'rejected' || outcome === 'no-answer' || outcome === 'failed';
  }

  /** Waits up to `ms`, cut short when the incident clears (events wake the wait to look). */
  private async waitForClear(tenantId: string, incidentId: string, ms: number, attempt: Attempt): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      await this.wait(Math.max(0, deadline - Date.now()), attempt);
      if (this.stopped) return false;
      if (await this.cleared(tenantId, incidentId)) return true;
      if (Date.now() >= deadline) return false;
    }
  }

  /**
   * Sleeps up to `ms` or until woken. A wake-up that came since the last wait (the alert cleared
   * while the step's command, record or audit was being written) ends it at once: without the
   * latch the run slept through the whole wait of a step whose fault had already cleared.
   */
  private wait(ms: number, attempt: Attempt): Promise<void> {
    if (attempt.woken) {
      attempt.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        attempt.waiter = null;
        resolve();
      }
      attempt.waiter = done;
    });
  }
}

/** Ends the attempt's wait in progress, or latches the wake-up for its next wait. */
function wake(attempt: Attempt): void {
  if (attempt.waiter) attempt.waiter();
  else attempt.woken = true;
}

/** One trouble per alert kind and place: incident.opened and its first alert-raised are one. */
const troubleKey = (t: Trouble): string => `${t.rule}:${t.evseId ?? 0}:${t.connectorId ?? 0}:${t.code ?? ''}`;

function outcomeOf(result: CommandResult): Pick<PlaybookStepRecord, 'outcome' | 'detail'> {
  const { outcome } = result;
  if (outcome.kind === 'result') {
    const status = String((outcome.payload as { status?: unknown }).status ?? 'answered');
    return { outcome: status === 'Accepted' || status === 'Scheduled' || status === 'Unlocked' ? 'accepted' : 'rejected', detail: `Station answered ${status}` };
  }
  if (outcome.kind === 'error') return { outcome: 'rejected', detail: `CALLERROR ${outcome.wireCode}` };
  return { outcome: 'no-answer', detail: outcome.kind };
}

function kbOf(incident: IncidentView): { meaning: string; probableCause: string; technicianInstructions: string; source: string } | null {
  const kb = incident.kb as Record<string, unknown> | null;
  if (!kb || typeof kb['technicianInstructions'] !== 'string') return null;
  return { meaning: String(kb['meaning'] ?? ''), probableCause: String(kb['probableCause'] ?? ''), technicianInstructions: kb['technicianInstructions'], source: String(kb['source'] ?? '') };
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);
