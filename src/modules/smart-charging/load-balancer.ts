// The reaction loop of smart charging: on session start / stop / charging-state change, meter
// values (the measured draw), station boot or disconnect, a new reading, signal or configuration,
// and on a periodic tick, a site is re-allocated (debounced per site, one run at a time per site;
// site-reallocation.ts) and the changed limits are sent. Safety rules (ADR 038, 048):
//  - decreases are sent and answered before any increase is sent; when a decrease fails, no increase
//    goes out and the EVSE counts at the higher of its old and new limit until a send succeeds;
//  - offline stations count at their last known limit (the higher of TxProfile and fallback);
//  - every EVSE carries a TxDefaultProfile fallback and every station a station maximum whose sums
//    hold the cap with every EVSE drawing at once; TxProfiles carry a lease;
//  - a station drawing above its limit counts at its measured draw, is cut and flagged;
//  - changes below the minimum step are not sent (hysteresis), unless safety needs them.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent, EventPublisher } from '../../infra/events/event-bus.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { ProfileDispatcher } from './dispatch/profile-dispatcher.js';
import { ProfileReconciler, type ReportedProfile } from './dispatch/reconcile.js';
import { remoteStartProfile } from './dispatch/remote-start-profile.js';
import { MeasuredPhases } from './measured-phases.js';
import { OverdrawFlags } from './overdraw-flags.js';
import type { EvNeeds, OverdrawAlerts, ProfileSender, SiteAllocation } from './ports.js';
import { reallocateSite } from './site-reallocation.js';
import { StationSiteIndex } from './station-site-index.js';
import type { SmartChargingStore } from './store.js';

export type { EvNeeds, ProfileSender, SiteAllocation } from './ports.js';

type SiteRun = { timer: NodeJS.Timeout | undefined; signalTimer?: NodeJS.Timeout; running: Promise<void> | undefined; again: boolean; bootedStations: Set<string>; lastRunMs: number; lastReconcileMs: number };

/** Meter values come often: the re-allocations they cause are gathered over this long at least. */
const METER_DEBOUNCE_MS = 1000;
/** The station -> sites index is re-read this often: a safety net for writes it was not told of (another node). */
const INDEX_REFRESH_MS = 30_000;

export class LoadBalancer {
  private readonly runs = new Map<string, SiteRun>();
  private readonly evNeeds = new Map<string, EvNeeds>();
  private readonly stationLimits = new Map<string, number>();
  private readonly chargingStates = new Map<string, string | null>();
  private readonly latest = new Map<string, SiteAllocation>();
  private readonly known = new Map<string, { tenantId: string; siteId: string }>();
  private readonly tickSeconds = new Map<string, number>();
  private readonly index: StationSiteIndex;
  private indexTimer: NodeJS.Timeout | undefined;
  private readonly dispatcher: ProfileDispatcher;
  private readonly flags: OverdrawFlags;
  private readonly phases = new MeasuredPhases();
  private readonly reconciler: ProfileReconciler;
  private tickTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Executor,
    private readonly store: SmartChargingStore,
    private readonly sender: ProfileSender,
    private readonly events: EventPublisher,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    alerts?: OverdrawAlerts,
  ) {
    this.dispatcher = new ProfileDispatcher(db, store, sender, log);
    this.index = new StationSiteIndex(db, store);
    this.flags = new OverdrawFlags(events, alerts, log, now);
    this.reconciler = new ProfileReconciler({ db, store, sender, events, log, now, dispatcher: this.dispatcher, resend: (t, site, station) => this.schedule(t, site, 0, station) });
  }

  /** Loads the configured sites and starts the periodic tick (signal schedules, expiry, lease renewal, reconciliation). */
  async start(tickMs = 1000, indexRefreshMs = INDEX_REFRESH_MS): Promise<void> {
    for (const site of await this.store.allConfigs(this.db)) this.known.set(`${site.tenantId}|${site.siteId}`, site);
    await this.index.reload();
    await this.dispatcher.loadStationMaxima();
    this.tickTimer = setInterval(() => this.tick(), tickMs);
    this.tickTimer.unref();
    this.indexTimer = setInterval(() => { this.index.reload().catch((error: unknown) => this.log.error({ err: error }, 're-reading the station -> sites index failed')); }, indexRefreshMs);
    this.indexTimer.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.tickTimer);
    clearInterval(this.indexTimer);
    for (const run of this.runs.values()) { clearTimeout(run.timer); clearTimeout(run.signalTimer); }
    await Promise.all([...this.runs.values()].map((r) => r.running?.catch(() => {})));
  }

  /** Subscribed to the EventBus. */
  observe(event: DomainEvent): void {
    if (!event.stationId) return;
    const stationId = event.stationId;
    if (event.type === 'session.started' || event.type === 'session.ended') {
      if (event.type === 'session.ended') {
        this.evNeeds.delete(`${event.tenantId}|${stationId}/${String(event.data['evseId'])}`);
        // The last charging state of an ended session is never compared again (kept, it grew by one entry per session).
        this.chargingStates.delete(String(event.data['sessionId']));
      }
      this.scheduleStation(event.tenantId, stationId);
    } else if (event.type === 'session.updated') {
      // A change of charging state (EV full, suspended, charging again) frees or claims power at
      // once; meter values (the measured draw) are gathered over a longer window.
      const key = String(event.data['sessionId']);
      const state = (event.data['chargingState'] as string | null | undefined) ?? null;
      const changed = this.chargingStates.get(key) !== state;
      this.chargingStates.set(key, state);
      this.scheduleStation(event.tenantId, stationId, false, changed ? undefined : METER_DEBOUNCE_MS);
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

  /** 2.x ReportChargingProfiles: one part of the answer to our GetChargingProfiles, reconciled when complete. */
  recordReportedProfiles(tenantId: string, stationId: string, requestId: number, evseId: number, profiles: ReportedProfile[], tbc: boolean): void {
    this.reconciler.report(tenantId, stationId, requestId, evseId, profiles, tbc);
  }

  /** Asks every 2.x station of a site for the profiles it holds (GetChargingProfiles) and compares them with what was sent. */
  reconcile(tenantId: string, siteId: string): Promise<void> {
    return this.reconciler.reconcileSite(tenantId, siteId);
  }

  /** The TxProfile a remote start on this EVSE carries (in the station's version's shape), or undefined. */
  startProfileFor(tenantId: string, stationId: string, evseId: number, version: OcppVersion): Promise<unknown> {
    return remoteStartProfile({ db: this.db, store: this.store, now: this.now, latestInput: (t, site) => this.latest.get(`${t}|${site}`)?.input }, tenantId, stationId, evseId, version);
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
    clearTimeout(run.timer);
    run.timer = undefined;
    this.launch(key, run);
    await run.running;
  }

  /** This node wrote a site's configuration naming these stations: their events reach the site from now on. */
  configWritten(tenantId: string, siteId: string, stationIds: readonly string[]): void {
    this.index.set(tenantId, siteId, stationIds);
  }

  /** The site's configuration was deleted (or found missing): it is no longer re-allocated. */
  forget(tenantId: string, siteId: string): void {
    const key = `${tenantId}|${siteId}`;
    this.known.delete(key);
    this.latest.delete(key);
    this.index.remove(tenantId, siteId);
    clearTimeout(this.runs.get(key)?.timer);
  }

  /** One re-allocation of one site (tests and the site-day bench call it directly). */
  async reallocate(tenantId: string, siteId: string, bootedStations: ReadonlySet<string> = new Set()): Promise<void> {
    const done = await reallocateSite({
      db: this.db, store: this.store, dispatcher: this.dispatcher, flags: this.flags, phases: this.phases, events: this.events, log: this.log, now: this.now,
      needsOf: (t, key) => this.evNeeds.get(`${t}|${key}`),
      externalLimitOf: (t, key, stationId) => this.stationLimits.get(`${t}|${key}`) ?? this.stationLimits.get(`${t}|${stationId}/0`),
    }, tenantId, siteId, bootedStations);
    if (!done) { this.forget(tenantId, siteId); return; }
    this.tickSeconds.set(`${tenantId}|${siteId}`, done.config.options.tickSeconds);
    this.latest.set(`${tenantId}|${siteId}`, done.allocation);
    // A refused or unanswered send is tried again soon (the EVSE counts at its higher limit meanwhile).
    if (done.allocation.failed > 0) this.schedule(tenantId, siteId, 1000);
    // Re-allocated as a signal tightens a cap (its TxProfiles end then), not only at the next tick.
    const run = this.runs.get(`${tenantId}|${siteId}`);
    if (run && done.nextTighteningMs !== undefined) {
      clearTimeout(run.signalTimer);
      run.signalTimer = setTimeout(() => this.schedule(tenantId, siteId, 0), Math.min(2 ** 31 - 1, done.nextTighteningMs - this.now().getTime() + 10));
      run.signalTimer.unref();
    }
  }

  private runOf(key: string): SiteRun {
    let run = this.runs.get(key);
    if (!run) this.runs.set(key, run = { timer: undefined, running: undefined, again: false, bootedStations: new Set(), lastRunMs: 0, lastReconcileMs: Date.now() });
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

  /** The station's sites come from the in-memory index: no statement per station event (issue 2). */
  private scheduleStation(tenantId: string, stationId: string, boot = false, debounceMs?: number): void {
    for (const siteId of this.index.sitesOf(tenantId, stationId)) this.schedule(tenantId, siteId, debounceMs ?? 200, boot ? stationId : undefined);
  }

  private tick(): void {
    const nowMs = Date.now();
    for (const [key, site] of this.known) {
      const run = this.runs.get(key);
      const tickMs = (this.tickSeconds.get(key) ?? 60) * 1000;
      // What the 2.x stations hold is compared with what was sent every five ticks.
      if (run && !run.running && nowMs - run.lastReconcileMs >= 5 * tickMs) {
        run.lastReconcileMs = nowMs;
        this.reconcile(site.tenantId, site.siteId).catch((error: unknown) => this.log.error({ err: error, siteId: site.siteId }, 'profile reconciliation failed'));
      }
      if (run?.running || run?.timer) continue;
      // Every site is revisited every tickSeconds of its configuration (signal schedules, expiry, leases).
      if (!run || nowMs - run.lastRunMs >= tickMs) this.schedule(site.tenantId, site.siteId, 0);
    }
  }
}
