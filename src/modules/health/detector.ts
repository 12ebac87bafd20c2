// The detector (issue 6 item 1): turns station, session and command events into per-station state,
// and one sweep over all stations raises and clears alerts (domain/detect.ts) and checks SLA clocks.
// One timer for the whole fleet; each station's evaluations run one after another.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { detect, type Condition } from './domain/detect.js';
import { newSlaBreaches } from './domain/incident.js';
import { newStationState, observe, type Observation, type StationHealthState } from './domain/station-state.js';
import type { IncidentService } from './incident-service.js';
import type { ErrorExplainer, KbExplanation, MaintenanceCalendar } from './ports.js';
import type { HealthSettingsService } from './settings-service.js';
import type { HealthStore } from './store.js';

export type DetectorDeps = {
  db: Executor;
  store: HealthStore;
  incidents: IncidentService;
  settings: HealthSettingsService;
  log: Logger;
  /** The heartbeat interval given to stations (ocpp.heartbeatIntervalSeconds). */
  heartbeatIntervalSeconds: number;
  explainer?: ErrorExplainer | undefined;
  maintenance?: MaintenanceCalendar | undefined;
  now?: () => Date;
};

/** The knowledge base's namespace for faults found by a detection rule rather than reported with a code. */
export const RULE_VENDOR_ID = 'chargeops';
/** rule:<rule>; a connector still occupied after its session ended has its own entry. */
export const ruleCodeOf = (condition: Pick<Condition, 'rule' | 'details'>): string =>
  `rule:${condition.rule}${condition.rule === 'stuck-status' && condition.details['afterSession'] === true ? ':after-session' : ''}`;
const REMOTE_START = new Set(['RemoteStartTransaction', 'RequestStartTransaction']);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
/** Numbers, and the decimal strings the sessions module gives energies as ("1500.5"). */
const num = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

export class HealthDetector {
  private readonly states = new Map<string, StationHealthState>();
  /** Keys of the alerts active per station (mirrors health_alerts where cleared_at is null). */
  private readonly raised = new Map<string, Set<string>>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(private readonly deps: DetectorDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Reads the alerts still active, so that a restart clears what recovers and raises nothing twice. */
  async load(): Promise<void> {
    for (const alert of await this.deps.store.allActiveAlerts(this.deps.db)) this.keysOf(alert.stationId).add(alert.key);
  }

  start(intervalMs: number): void {
    // A sweep still running when the timer fires again is not doubled: that tick is skipped.
    this.timer = setInterval(() => { if (!this.sweeping) void this.sweep(); }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
    await Promise.all(this.queues.values());
  }

  /** The bus subscriber: synchronous, never throws; the work is queued per station. */
  observe(event: DomainEvent): void {
    if (!event.stationId) return;
    const observation = this.toObservation(event);
    if (!observation) {
      if (event.type === 'command.answered' && REMOTE_START.has(String(event.data['action']))) this.checkRemoteStart(event);
      return;
    }
    const state = this.stateOf(event.tenantId, event.stationId);
    observe(state, observation);
    if (observation.kind === 'status') state.clockOffsetSeconds = (observation.reportedAt.getTime() - Date.now()) / 1000;
    if (this.mayChange(state)) this.schedule(state);
  }

  /** Evaluates every station at the detector's clock, then the SLA clocks; after a sweep in progress. */
  sweep(): Promise<void> {
    const run: Promise<void> = (this.sweeping ?? Promise.resolve())
      .then(() => this.runSweep())
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'health sweep failed'))
      .finally(() => { if (this.sweeping === run) this.sweeping = null; });
    this.sweeping = run;
    return run;
  }

  /** Waits until every queued evaluation is done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.queues.size > 0) await Promise.all(this.queues.values());
  }

  stationCount(): number {
    return this.states.size;
  }

  private async runSweep(): Promise<void> {
    await this.refreshSilent();
    for (const state of this.states.values()) if (this.mayChange(state)) this.schedule(state);
    await this.settled();
    await this.checkSla();
  }

  /** Heartbeats publish no event: a station that looks silent is checked against stations.last_seen_at. */
  private async refreshSilent(): Promise<void> {
    const now = this.now().getTime();
    const suspects: string[] = [];
    for (const state of this.states.values()) {
      const rules = this.deps.settings.peek(state.tenantId)?.rules.offline;
      if (!rules || !state.online || !state.lastMessageAt) continue;
      const silence = rules.silenceSeconds ?? this.deps.heartbeatIntervalSeconds + rules.windowSeconds;
      if (now - state.lastMessageAt.getTime() >= silence * 1000) suspects.push(state.stationId);
    }
    // last_seen_at is wall-clock time; the detector's clock is the same but for a test's offset.
    const offset = now - Date.now();
    for (let i = 0; i < suspects.length; i += 500) {
      for (const row of await this.deps.store.lastSeen(this.deps.db, suspects.slice(i, i + 500))) {
        const state = this.states.get(row.id);
        if (state && row.lastSeenAt) observe(state, { kind: 'seen', at: new Date(row.lastSeenAt.getTime() + offset) });
      }
    }
  }

  private async checkSla(): Promise<void> {
    const now = this.now();
    for (const incident of await this.deps.store.workingIncidents(this.deps.db)) {
      const { sla } = await this.deps.settings.get(incident.tenantId);
      for (const breach of newSlaBreaches(incident, sla, now, new Set(Object.keys(incident.slaBreaches)))) {
        await this.deps.incidents.recordSlaBreach(incident, breach.clock, breach.dueAt);
      }
    }
  }

  /**
   * The synchronous fast path: false when the rules, read with the cached settings, hold exactly
   * the alerts already active (the usual case), so a sweep over a healthy fleet queues nothing.
   */
  private mayChange(state: StationHealthState): boolean {
    const settings = this.deps.settings.peek(state.tenantId);
    if (!settings) return true;
    const conditions = detect(state, settings.rules, this.now(), { heartbeatIntervalSeconds: this.deps.heartbeatIntervalSeconds });
    const keys = this.raised.get(state.stationId) ?? new Set<string>();
    const holding = holdingKeys(state, conditions, keys);
    return holding.size !== keys.size || [...holding].some((key) => !keys.has(key));
  }

  private schedule(state: StationHealthState): void {
    const previous = this.queues.get(state.stationId) ?? Promise.resolve();
    const next = previous.then(() => this.evaluate(state)).catch((error: unknown) => {
      this.deps.log.error({ err: error, stationId: state.stationId }, 'health evaluation failed');
    });
    this.queues.set(state.stationId, next);
    void next.then(() => { if (this.queues.get(state.stationId) === next) this.queues.delete(state.stationId); });
  }

  private async evaluate(state: StationHealthState): Promise<void> {
    const settings = await this.deps.settings.get(state.tenantId);
    const now = this.now();
    const conditions = detect(state, settings.rules, now, { heartbeatIntervalSeconds: this.deps.heartbeatIntervalSeconds });
    const keys = this.keysOf(state.stationId);
    const holding = holdingKeys(state, conditions, keys);
    for (const key of [...keys]) {
      if (holding.has(key)) continue;
      await this.deps.incidents.clear(state.tenantId, state.stationId, key);
      keys.delete(key);
    }
    const fresh = conditions.filter((c) => !keys.has(c.key));
    if (fresh.length === 0) return;
    if (this.deps.maintenance && await this.deps.maintenance.activeFor(state.tenantId, state.stationId, now)) return;
    for (const condition of fresh) {
      await this.deps.incidents.raise(state.tenantId, state.stationId, condition, await this.explain(state, condition));
      keys.add(condition.key);
    }
  }

  /**
   * The knowledge base's word on the alert: by the code the station sent, else by the rule that
   * found it (offline, frozen meter... carry no code: the seed keys those as vendorId "chargeops",
   * vendorErrorCode "rule:<rule>"; a tenant entry with that key overrides).
   */
  private async explain(state: StationHealthState, condition: Condition): Promise<KbExplanation | null> {
    const explainer = this.deps.explainer;
    if (!explainer) return null;
    try {
      const facts = await this.deps.store.stationFacts(this.deps.db, state.tenantId, state.stationId);
      const device = { vendor: facts?.vendor ?? null, model: facts?.model ?? null, firmware: facts?.firmware ?? null, ocppVersion: facts?.ocppVersion ?? 'ocpp1.6' };
      const none = { component: null, variable: null, eventCode: null };
      if (condition.code !== null) {
        const errorCode = str(condition.details['errorCode']);
        const byCode = await explainer.explain(state.tenantId, {
          ...device, ...none, errorCode: errorCode && errorCode !== 'NoError' ? errorCode : null, vendorId: str(condition.details['info']),
          vendorErrorCode: str(condition.details['vendorErrorCode']),
        });
        if (byCode) return byCode;
      }
      return await explainer.explain(state.tenantId, { ...device, ...none, errorCode: null, vendorId: RULE_VENDOR_ID, vendorErrorCode: ruleCodeOf(condition) });
    } catch (error) {
      this.deps.log.warn({ err: error, stationId: state.stationId }, 'knowledge base lookup failed: alert raised without explanation');
      return null;
    }
  }

  /** A remote start answered Rejected (read from the command log) counts as a failed start. */
  private checkRemoteStart(event: DomainEvent): void {
    const { tenantId, stationId } = event;
    const state = this.stateOf(tenantId, stationId!);
    const outcome = String(event.data['outcome']);
    if (outcome === 'offline') return;
    const previous = this.queues.get(state.stationId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const answer = outcome === 'result' ? await this.deps.store.commandAnswer(this.deps.db, tenantId, String(event.data['commandId'])) : null;
      const status = answer && typeof answer === 'object' ? (answer as Record<string, unknown>)['status'] : null;
      if (outcome !== 'result' || status === 'Rejected') observe(state, { kind: 'remote-start-failed', at: this.now() });
    }).catch((error: unknown) => this.deps.log.error({ err: error, stationId }, 'remote start check failed'));
    this.queues.set(state.stationId, next);
    this.schedule(state);
  }

  private toObservation(event: DomainEvent): Observation | null {
    const at = this.now();
    const d = event.data;
    const evseId = num(d['evseId']);
    switch (event.type) {
      case 'station.connected': return { kind: 'connected', at };
      case 'station.disconnected': return { kind: 'disconnected', at };
      case 'station.booted': return { kind: 'seen', at };
      case 'station.status-changed':
        return {
          kind: 'status', at, reportedAt: event.at, evseId: evseId ?? 0, connectorId: num(d['connectorId']) ?? 0,
          rawStatus: str(d['rawStatus']) ?? '', occupancy: str(d['occupancy']) ?? '', chargingState: str(d['chargingState']),
          errorCode: str(d['errorCode']), vendorErrorCode: str(d['vendorErrorCode']), info: str(d['info']),
        };
      case 'session.started': return { kind: 'session-started', at, evseId };
      case 'session.updated': return { kind: 'session-updated', at, evseId, energyWh: num(d['energyWh']), chargingState: str(d['chargingState']) };
      case 'session.ended': return { kind: 'session-ended', at, evseId, energyWh: num(d['energyWh']) };
      case 'command.answered':
        return d['action'] === 'ChangeAvailability' && d['outcome'] === 'result' ? { kind: 'availability-commanded', at } : null;
      default: return null;
    }
  }

  private stateOf(tenantId: string, stationId: string): StationHealthState {
    let state = this.states.get(stationId);
    if (!state || state.tenantId !== tenantId) {
      state = newStationState(tenantId, stationId);
      this.states.set(stationId, state);
    }
    return state;
  }

  private keysOf(stationId: string): Set<string> {
    let keys = this.raised.get(stationId);
    if (!keys) {
      keys = new Set();
      this.raised.set(stationId, keys);
    }
    return keys;
  }
}

/**
 * The alert keys that hold: the conditions found, and, while the station is offline, every alert it
 * had (an offline station says nothing about its connectors: losing the link is no repair, so a
 * fault, and the work order on it, survive the outage).
 */
function holdingKeys(state: StationHealthState, conditions: readonly Condition[], active: ReadonlySet<string>): Set<string> {
  const holding = new Set(conditions.map((c) => c.key));
  if (!state.online) for (const key of active) if (!key.startsWith('offline:') && !key.startsWith('flapping:')) holding.add(key);
  return holding;
}
