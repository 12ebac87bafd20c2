// The reaction loop of smart charging: on session start / stop / charging-state change, station
// boot or disconnect, a new reading, signal or configuration, and on a periodic tick, a site is
// re-allocated (debounced per site, one run at a time per site) and the changed limits are sent as
// TxProfiles. Safety rules (ADR 038):
//  - decreases are sent and answered before any increase is sent; when a decrease fails, no increase
//    goes out and the EVSE counts at the higher of its old and new limit until a send succeeds;
//  - offline stations count at their last known limit (the higher of TxProfile and fallback);
//  - every EVSE carries a TxDefaultProfile fallback whose sum holds the cap with every EVSE drawing
//    at once, against the tightest value any not-yet-expired signal will take; TxProfiles carry a
//    lease so a station cut off from ChargeOps falls back to it;
//  - changes below the minimum step are not sent (hysteresis), unless safety needs them.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent, EventPublisher } from '../../infra/events/event-bus.js';
import type { CallOutcome } from '../../protocol/call-outcome.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { allocateSiteLimits, applyMinimumChange } from './allocator/index.js';
import { buildAllocationInput } from './dispatch/allocation-input.js';
import { conservativeCaps, planFallbacks } from './dispatch/fallbacks.js';
import type { AllocationInput, AllocationResult } from './allocator/types.js';
import { evseKey } from './domain/energy-config.js';
import {
  FALLBACK_PROFILE_BASE, getCompositeSchedulePayload, limitNowFromComposite, setChargingProfilePayload, TX_PROFILE_BASE,
} from './dispatch/profile-payloads.js';
import type { SmartChargingStore } from './store.js';

/** The command path (StationCommandService): logged, validated against the station's version, sent. */
export interface ProfileSender {
  send(request: { tenantId: string; stationId: string; action: string; payload: unknown; requestedBy?: string | null; sessionId?: string | null; timeoutMs?: number }):
    Promise<{ commandId: string; ocppVersion: OcppVersion; outcome: CallOutcome }>;
}

/** What an EV told the station about itself (2.x NotifyEVChargingNeeds, ISO 15118). */
export type EvNeeds = { departureAt?: string; energyNeededKwh?: number; maxCurrentA?: number; minCurrentA?: number };

export type SiteAllocation = { at: string; input: AllocationInput; result: AllocationResult; sent: number; failed: number };

type SiteRun = { timer: NodeJS.Timeout | undefined; running: Promise<void> | undefined; again: boolean; bootedStations: Set<string>; lastRunMs: number };

const accepted = (outcome: CallOutcome) => outcome.kind === 'result' && (outcome.payload as { status?: string }).status === 'Accepted';

export class LoadBalancer {
  private readonly runs = new Map<string, SiteRun>();
  private readonly evNeeds = new Map<string, EvNeeds>();
  private readonly stationLimits = new Map<string, number>();
  private readonly chargingStates = new Map<string, string | null>();
  private readonly latest = new Map<string, SiteAllocation>();
  private readonly known = new Map<string, { tenantId: string; siteId: string }>();
  private readonly tickSeconds = new Map<string, number>();
  private tickTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Executor,
    private readonly store: SmartChargingStore,
    private readonly sender: ProfileSender,
    private readonly events: EventPublisher,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Loads the configured sites and starts the periodic tick (signal schedules, expiry, lease renewal). */
  async start(tickMs = 1000): Promise<void> {
    for (const site of await this.store.allConfigs(this.db)) this.known.set(`${site.tenantId}|${site.siteId}`, site);
    this.tickTimer = setInterval(() => this.tick(), tickMs);
    this.tickTimer.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.tickTimer);
    for (const run of this.runs.values()) clearTimeout(run.timer);
    await Promise.all([...this.runs.values()].map((r) => r.running?.catch(() => {})));
  }

  /** Subscribed to the EventBus. */
  observe(event: DomainEvent): void {
    if (!event.stationId) return;
    const stationId = event.stationId;
    if (event.type === 'session.started' || event.type === 'session.ended') {
      if (event.type === 'session.ended') this.evNeeds.delete(`${event.tenantId}|${stationId}/${String(event.data['evseId'])}`);
      this.scheduleStation(event.tenantId, stationId);
    } else if (event.type === 'session.updated') {
      // Only a change of charging state (EV full, suspended, charging again) frees or claims power.
      const key = String(event.data['sessionId']);
      const state = (event.data['chargingState'] as string | null | undefined) ?? null;
      if (this.chargingStates.get(key) === state) return;
      this.chargingStates.set(key, state);
      this.scheduleStation(event.tenantId, stationId);
    } else if (event.type === 'station.booted') {
      this.scheduleStation(event.tenantId, stationId, true);
    } else if (event.type === 'station.disconnected' || event.type === 'station.connected') {
      this.scheduleStation(event.tenantId, stationId);
    }
  }

  /** 2.x NotifyEVChargingNeeds: departure time and energy needed feed the strategy. */
  recordEvNeeds(tenantId: string, stationId: string, evseId: number, needs: EvNeeds): void {
    this.evNeeds.set(`${tenantId}|${stationId}/${evseId}`, needs);
    this.scheduleStation(tenantId, stationId);
  }

  /** 2.x NotifyChargingLimit / ClearedChargingLimit: another party's limit on an EVSE caps its allocation. */
  recordStationLimit(tenantId: string, stationId: string, evseId: number, source: string, limitA: number | undefined): void {
    const key = `${tenantId}|${stationId}/${evseId}`;
    if (limitA === undefined) this.stationLimits.delete(key);
    else this.stationLimits.set(key, limitA);
    this.recordStationReport(tenantId, stationId, limitA === undefined ? 'charging-limit-cleared' : 'charging-limit', { evseId, source, limitA: limitA ?? null });
    this.scheduleStation(tenantId, stationId);
  }

  /** What a station reported (profiles it holds, an EV's schedule): published as an event. */
  recordStationReport(tenantId: string, stationId: string, kind: string, data: Record<string, unknown>): void {
    this.events.publish({ type: 'energy.station-report', tenantId, stationId, at: this.now(), data: { kind, ...data } });
  }

  /** Waits for a site's re-allocation in progress, if any (a view read after it sees its result). */
  async settled(tenantId: string, siteId: string): Promise<void> {
    const run = this.runs.get(`${tenantId}|${siteId}`);
    while (run?.running) await run.running;
  }

  latestAllocation(tenantId: string, siteId: string): SiteAllocation | undefined {
    return this.latest.get(`${tenantId}|${siteId}`);
  }

  /** Re-allocates a site soon (debounced). `fallbackFor`: a station whose fallback profiles must be (re)sent. */
  schedule(tenantId: string, siteId: string, debounceMs = 200, fallbackFor?: string): void {
    if (this.closed) return;
    const key = `${tenantId}|${siteId}`;
    this.known.set(key, { tenantId, siteId });
    const run = this.runOf(key);
    if (fallbackFor) run.bootedStations.add(fallbackFor);
    if (run.running) { run.again = true; return; }
    if (run.timer) return;
    run.timer = setTimeout(() => { run.timer = undefined; this.launch(key, run); }, debounceMs);
    run.timer.unref();
  }

  /** Runs a site's re-allocation now and waits for it (tests, API). */
  async runNow(tenantId: string, siteId: string): Promise<void> {
    const key = `${tenantId}|${siteId}`;
    this.known.set(key, { tenantId, siteId });
    const run = this.runOf(key);
    while (run.running) await run.running;
    this.launch(key, run);
    await run.running;
  }

  forget(tenantId: string, siteId: string): void {
    const key = `${tenantId}|${siteId}`;
    this.known.delete(key);
    this.latest.delete(key);
    clearTimeout(this.runs.get(key)?.timer);
  }

  private runOf(key: string): SiteRun {
    let run = this.runs.get(key);
    if (!run) this.runs.set(key, run = { timer: undefined, running: undefined, again: false, bootedStations: new Set(), lastRunMs: 0 });
    return run;
  }

  private launch(key: string, run: SiteRun): void {
    const site = this.known.get(key);
    if (!site || this.closed) return;
    const booted = new Set(run.bootedStations);
    run.bootedStations.clear();
    run.lastRunMs = Date.now();
    run.running = this.reallocate(site.tenantId, site.siteId, booted)
      .catch((error: unknown) => this.log.error({ err: error, siteId: site.siteId }, 'site re-allocation failed'))
      .finally(() => {
        run.running = undefined;
        if (run.again) { run.again = false; this.schedule(site.tenantId, site.siteId, 0); }
      });
  }

  private scheduleStation(tenantId: string, stationId: string, boot = false): void {
    this.store.sitesOfStation(this.db, tenantId, stationId)
      .then((sites) => { for (const siteId of sites) this.schedule(tenantId, siteId, 200, boot ? stationId : undefined); })
      .catch((error: unknown) => this.log.error({ err: error, stationId }, 'finding the sites of a station failed'));
  }

  private tick(): void {
    const nowMs = Date.now();
    for (const [key, site] of this.known) {
      const run = this.runs.get(key);
      if (run?.running || run?.timer) continue;
      // Every site is revisited every tickSeconds of its configuration (signal schedules, expiry, leases).
      if (!run || nowMs - run.lastRunMs >= (this.tickSeconds.get(key) ?? 60) * 1000) this.schedule(site.tenantId, site.siteId, 0);
    }
  }

  /** One re-allocation of one site: read, allocate, send decreases, then increases, record. */
  async reallocate(tenantId: string, siteId: string, bootedStations: ReadonlySet<string> = new Set()): Promise<void> {
    const config = await this.store.getConfig(this.db, tenantId, siteId);
    if (!config) { this.forget(tenantId, siteId); return; }
    const now = this.now();
    const stationIds = [...new Set(config.evses.map((e) => e.stationId))];
    const [states, sessions, rows, signals] = await Promise.all([
      this.store.stationStates(this.db, tenantId, stationIds),
      this.store.activeSessions(this.db, tenantId, stationIds),
      this.store.listLimits(this.db, tenantId, siteId),
      this.store.listSignals(this.db, tenantId, siteId),
    ]);
    const stationById = new Map(states.map((s) => [s.id, s]));
    const rowByKey = new Map(rows.map((r) => [r.evseKey, r]));
    const configured = new Map(config.evses.map((e) => [evseKey(e.stationId, e.evseId), e]));
    const sessionByKey = new Map<string, (typeof sessions)[number]>();
    for (const s of sessions) {
      const key = evseKey(s.stationId, s.evseId);
      const other = sessionByKey.get(key);
      if (configured.has(key) && (!other || other.startedAt < s.startedAt)) sessionByKey.set(key, s);
    }

    const input = buildAllocationInput({
      config, signals, now, stations: stationById, rows: rowByKey, sessions: sessionByKey,
      needsOf: (key) => this.evNeeds.get(`${tenantId}|${key}`),
      externalLimitOf: (key, stationId) => this.stationLimits.get(`${tenantId}|${key}`) ?? this.stationLimits.get(`${tenantId}|${stationId}/0`),
    });
    const raw = allocateSiteLimits(input);
    const previous = new Map<string, number>();
    for (const [key, s] of sessionByKey) { const row = rowByKey.get(key); if (row?.sessionId === s.id && row.status === 'accepted') previous.set(key, row.limitA); }
    const result = applyMinimumChange(input, raw, previous, { minChangeA: config.options.minChangeA });
    const fallback = planFallbacks(input, result, conservativeCaps(signals, now.getTime()), config.options.reservedSiteLoadA);

    const leaseMs = config.options.leaseSeconds * 1000;
    const minStep = config.options.minChangeA;
    type Job = {
      key: string; stationId: string; evseId: number; sessionId: string | null; externalId: string | null; reason: unknown; reachable: boolean;
      /** TxProfile: what the station applies now (ours, else its fallback, else its maximum) and the new limit. */
      effective: number; target: number; sendTx: boolean;
      /** TxDefaultProfile: installed (null: unknown) and the new fallback. */
      installedFallback: number | null; fallbackA: number; sendFallback: boolean;
    };
    const jobs: Job[] = [];
    for (const a of result.evses) {
      const evse = configured.get(a.evseId)!;
      const row = rowByKey.get(a.evseId);
      const session = sessionByKey.get(a.evseId);
      // A station whose last send failed counts at its last known limit but is sent to again.
      const reachable = stationById.get(evse.stationId)?.online === true;
      const installedFallback = row?.fallbackA ?? null;
      const effective = row && session && row.sessionId === session.id ? row.limitA : installedFallback ?? evse.maxCurrentA;
      const renew = leaseMs > 0 && row !== undefined && row.sessionId === (session?.id ?? null) && now.getTime() - row.updatedAt.getTime() >= leaseMs / 2;
      const sendTx = reachable && session !== undefined && (row?.sessionId !== session.id || row.limitA !== a.limitA || row.status !== 'accepted' || renew);
      const fallbackA = fallback.get(a.evseId) ?? 0;
      // Lower fallbacks always go out (safety); higher ones only by the minimum step (churn).
      const sendFallback = reachable && (bootedStations.has(evse.stationId) || installedFallback === null || fallbackA < installedFallback - 1e-9 || fallbackA - installedFallback >= Math.max(minStep, 1e-9));
      jobs.push({ key: a.evseId, stationId: evse.stationId, evseId: evse.evseId, sessionId: session?.id ?? null, externalId: session?.externalId ?? null, reason: a.reason, reachable, effective, target: a.limitA, sendTx, installedFallback, fallbackA, sendFallback });
    }

    type Update = Parameters<SmartChargingStore['upsertLimits']>[1][number];
    const updates = new Map<string, Update>();
    const rowOf = (j: Job): Update => {
      const existing = updates.get(j.key);
      if (existing) return existing;
      const row = rowByKey.get(j.key);
      const sessionGone = row?.sessionId != null && j.sessionId === null;
      const fresh: Update = {
        tenantId, siteId, evseKey: j.key, stationId: j.stationId, sessionId: j.sessionId, reason: j.reason as Record<string, unknown>,
        limitA: j.sessionId === null ? 0 : row?.sessionId === j.sessionId ? row.limitA : j.effective,
        fallbackA: row?.fallbackA ?? null, chargingProfileId: row?.chargingProfileId ?? null,
        status: j.sessionId === null ? 'idle' : row?.sessionId === j.sessionId ? row.status : 'pending', appliedA: row?.sessionId === j.sessionId ? row.appliedA : null,
        // An unchanged TxProfile keeps its lease clock.
        updatedAt: row && !sessionGone && row.sessionId === j.sessionId ? row.updatedAt : now,
      };
      updates.set(j.key, fresh);
      return fresh;
    };
    let sent = 0;
    let failed = 0;
    const sendTx = async (j: Job): Promise<boolean> => {
      sent++;
      const answer = await this.sendProfile(tenantId, j.stationId, j.sessionId, {
        id: TX_PROFILE_BASE + j.evseId, stackLevel: 1, purpose: 'TxProfile', evseId: j.evseId, transactionId: j.externalId!, kind: 'Absolute',
        // Started a minute ago so a station whose clock runs behind applies it at once.
        startSchedule: new Date(now.getTime() - 60_000).toISOString(), ...(leaseMs > 0 ? { durationS: config.options.leaseSeconds + 60 } : {}), unit: 'A', periods: [{ startPeriod: 0, limit: j.target }],
      });
      const ok = accepted(answer.outcome);
      if (!ok) failed++;
      const appliedA = ok ? await this.readBack(tenantId, j.stationId, j.evseId, answer.ocppVersion) : null;
      // Until a send succeeds, the EVSE counts at the higher of what it had and what it was told.
      Object.assign(rowOf(j), { limitA: ok ? j.target : Math.max(j.effective, j.target), chargingProfileId: TX_PROFILE_BASE + j.evseId, status: ok ? 'accepted' : 'failed', appliedA, updatedAt: now });
      return ok;
    };
    const sendFallback = async (j: Job): Promise<boolean> => {
      sent++;
      const answer = await this.sendProfile(tenantId, j.stationId, null, {
        id: FALLBACK_PROFILE_BASE + j.evseId, stackLevel: 0, purpose: 'TxDefaultProfile', evseId: j.evseId, kind: 'Absolute',
        startSchedule: new Date(now.getTime() - 60_000).toISOString(), unit: 'A', periods: [{ startPeriod: 0, limit: j.fallbackA }],
      });
      const ok = accepted(answer.outcome);
      if (!ok) failed++;
      rowOf(j).fallbackA = ok ? j.fallbackA : Math.max(j.installedFallback ?? Infinity, j.fallbackA);
      return ok;
    };
    // Decreases (TxProfiles and fallbacks) are answered before any increase goes out.
    const txJobs = jobs.filter((j) => j.sendTx);
    const fbJobs = jobs.filter((j) => j.sendFallback);
    const lowering = [...txJobs.filter((j) => j.target <= j.effective).map(sendTx), ...fbJobs.filter((j) => j.installedFallback === null || j.fallbackA <= j.installedFallback).map(sendFallback)];
    const raising = () => [...txJobs.filter((j) => j.target > j.effective).map(sendTx), ...fbJobs.filter((j) => j.installedFallback !== null && j.fallbackA > j.installedFallback).map(sendFallback)];
    if ((await Promise.all(lowering)).every(Boolean)) await Promise.all(raising());
    else this.log.warn({ siteId }, 'a decrease was not applied: increases held back until it is');
    this.tickSeconds.set(`${tenantId}|${siteId}`, config.options.tickSeconds);

    // Rows of reachable EVSEs whose session or reason changed; nothing is learnt about unreachable ones.
    for (const j of jobs) {
      if (updates.has(j.key) || !j.reachable) continue;
      const row = rowByKey.get(j.key);
      if (row && row.sessionId === j.sessionId && JSON.stringify(row.reason) === JSON.stringify(j.reason)) continue;
      rowOf(j);
    }
    await this.store.upsertLimits(this.db, [...updates.values()]);
    this.latest.set(`${tenantId}|${siteId}`, { at: now.toISOString(), input, result, sent, failed });
    if (sent > 0) {
      this.events.publish({ type: 'energy.allocated', tenantId, at: now, data: { siteId, strategy: config.strategy, profilesSent: sent, failed } });
    }
  }

  private async sendProfile(tenantId: string, stationId: string, sessionId: string | null, spec: Parameters<typeof setChargingProfilePayload>[1]) {
    try {
      const version = await this.versionOf(tenantId, stationId);
      return await this.sender.send({ tenantId, stationId, action: 'SetChargingProfile', payload: setChargingProfilePayload(version, spec), requestedBy: 'system:smart-charging', sessionId, timeoutMs: 10_000 });
    } catch (error) {
      this.log.warn({ err: error, stationId }, 'SetChargingProfile not sent');
      return { commandId: '', ocppVersion: 'ocpp1.6' as OcppVersion, outcome: { kind: 'offline' } as CallOutcome };
    }
  }

  private readonly versions = new Map<string, OcppVersion>();
  private async versionOf(tenantId: string, stationId: string): Promise<OcppVersion> {
    const [state] = await this.store.stationStates(this.db, tenantId, [stationId]);
    const version = (state?.ocppVersion ?? this.versions.get(stationId)) as OcppVersion | undefined;
    if (!version) throw new Error(`station ${stationId} never connected`);
    this.versions.set(stationId, version);
    return version;
  }

  /** Reads back what the station applies (GetCompositeSchedule), the reconciliation step. */
  private async readBack(tenantId: string, stationId: string, evseId: number, version: OcppVersion): Promise<number | null> {
    try {
      const answer = await this.sender.send({ tenantId, stationId, action: 'GetCompositeSchedule', payload: getCompositeSchedulePayload(version, evseId, 60), requestedBy: 'system:smart-charging', timeoutMs: 10_000 });
      return answer.outcome.kind === 'result' ? limitNowFromComposite(version, answer.outcome.payload) : null;
    } catch {
      return null;
    }
  }
}
