// One re-allocation of one site: read its state (configuration, signals, sessions with their
// measured draw, stations, what was dispatched), allocate, apply hysteresis, plan fallbacks and
// station maxima, send (profile-dispatcher.ts), record what the stations accepted.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { allocateSiteLimits, applyMinimumChange } from './allocator/index.js';
import { nextTighteningMs, tightenedBetween } from './allocator/signals.js';
import { buildAllocationInput } from './dispatch/allocation-input.js';
import { planEvseJobs, planStationMaxima, worstCaseBefore, type EvseJob } from './dispatch/dispatch-plan.js';
import { conservativeCaps, planFallbacks } from './dispatch/fallbacks.js';
import { EV_RESPONSE_SECONDS, measuredDraws } from './dispatch/measured-draw.js';
import type { ProfileDispatcher } from './dispatch/profile-dispatcher.js';
import { TX_PROFILE_BASE } from './dispatch/profile-payloads.js';
import { WorstCaseLedger } from './dispatch/worst-case-ledger.js';
import { evseKey, type EnergyConfig } from './domain/energy-config.js';
import type { MeasuredPhases } from './measured-phases.js';
import type { OverdrawFlags, Observed } from './overdraw-flags.js';
import type { EvNeeds, SiteAllocation } from './ports.js';
import type { ActiveSession, DispatchedLimit, SmartChargingStore } from './store.js';

export type SiteReallocationDeps = {
  db: Executor;
  store: SmartChargingStore;
  dispatcher: ProfileDispatcher;
  flags: OverdrawFlags;
  phases: MeasuredPhases;
  events: EventPublisher;
  log: Logger;
  now: () => Date;
  needsOf: (tenantId: string, key: string) => EvNeeds | undefined;
  externalLimitOf: (tenantId: string, key: string, stationId: string) => number | undefined;
};

type Update = Parameters<SmartChargingStore['upsertLimits']>[1][number];

/** Returns undefined when the site has no configuration any more. */
export async function reallocateSite(deps: SiteReallocationDeps, tenantId: string, siteId: string, bootedStations: ReadonlySet<string>): Promise<{ config: EnergyConfig; allocation: SiteAllocation; nextTighteningMs: number | undefined } | undefined> {
  const { db, store } = deps;
  const config = await store.getConfig(db, tenantId, siteId);
  if (!config) return undefined;
  const now = deps.now();
  const stationIds = [...new Set(config.evses.map((e) => e.stationId))];
  const [states, sessions, rows, signals] = await Promise.all([
    store.stationStates(db, tenantId, stationIds), store.activeSessions(db, tenantId, stationIds), store.listLimits(db, tenantId, siteId), store.listSignals(db, tenantId, siteId),
  ]);
  const stationById = new Map(states.map((s) => [s.id, s]));
  const rowByKey = new Map(rows.map((r) => [r.evseKey, r]));
  const configured = new Map(config.evses.map((e) => [evseKey(e.stationId, e.evseId), e]));
  const sessionByKey = new Map<string, ActiveSession>();
  for (const s of sessions) {
    const key = evseKey(s.stationId, s.evseId);
    const other = sessionByKey.get(key);
    if (configured.has(key) && (!other || other.startedAt < s.startedAt)) sessionByKey.set(key, s);
  }

  const observed = await measure(deps, tenantId, config, sessionByKey, rowByKey);
  const input = buildAllocationInput({
    config, signals, now, stations: stationById, rows: rowByKey, sessions: sessionByKey,
    needsOf: (key) => deps.needsOf(tenantId, key),
    externalLimitOf: (key, stationId) => deps.externalLimitOf(tenantId, key, stationId),
    measuredOf: (key) => observed.get(key)?.measuredA,
    phasesOf: (key) => observed.get(key)?.phases,
  });
  const raw = allocateSiteLimits(input);
  const previous = new Map<string, number>();
  for (const [key, s] of sessionByKey) { const row = rowByKey.get(key); if (row?.sessionId === s.id && row.status === 'accepted') previous.set(key, row.limitA); }
  const result = applyMinimumChange(input, raw, previous, { minChangeA: config.options.minChangeA });
  deps.flags.update(tenantId, siteId, [...observed.values()], new Map(result.evses.map((a) => [a.evseId, a])));
  const fallbacks = planFallbacks(input, result, conservativeCaps(signals, now.getTime()), config.options.reservedSiteLoadA);

  const nextTightening = nextTighteningMs(signals, now.getTime());
  const jobs = planEvseJobs({
    result, configured, rows: rowByKey, sessions: sessionByKey, online: (id) => stationById.get(id)?.online === true, fallbacks, bootedStations,
    nowMs: now.getTime(), leaseMs: config.options.leaseSeconds * 1000, minStepA: config.options.minChangeA,
    tightenedSince: (ms) => tightenedBetween(signals, ms, now.getTime()),
    txEnded: (key, sentAtMs) => {
      const end = deps.dispatcher.txEndsAt(tenantId, key) ?? (config.options.leaseSeconds > 0 ? sentAtMs + config.options.leaseSeconds * 1000 : Infinity);
      return end <= now.getTime() || tightenedBetween(signals, sentAtMs, now.getTime());
    },
    // A signal added after a TxProfile was sent: that profile must end when the signal starts.
    outlivesTightening: (key, sentAtMs) => {
      if (nextTightening === undefined) return false;
      const end = deps.dispatcher.txEndsAt(tenantId, key) ?? (config.options.leaseSeconds > 0 ? sentAtMs + config.options.leaseSeconds * 1000 : Infinity);
      return end > nextTightening + 1000;
    },
  });
  const maxima = planStationMaxima(jobs, (id) => deps.dispatcher.installedStationMax(tenantId, id), bootedStations, config.options.minChangeA);
  // What the site could draw before this wave, constraint by constraint: lets an increase go as
  // soon as it fits instead of after every decrease (ADR 080).
  const jobByKey = new Map(jobs.map((j) => [j.key, j]));
  const ledger = WorstCaseLedger.build(input, (key) => worstCaseBefore(jobByKey.get(key)!));
  const outcome = await deps.dispatcher.dispatch(tenantId, jobs, maxima, { nowMs: now.getTime(), leaseSeconds: config.options.leaseSeconds, endsAtMs: nextTightening }, ledger);

  const updates = new Map<string, Update>();
  const rowOf = (j: EvseJob): Update => {
    const existing = updates.get(j.key);
    if (existing) return existing;
    const fresh = freshRow(tenantId, siteId, j, rowByKey.get(j.key), now);
    updates.set(j.key, fresh);
    return fresh;
  };
  for (const j of jobs) {
    const tx = outcome.tx.get(j.key);
    // Until a send succeeds, the EVSE counts at the higher of what it had and what it was told.
    if (tx) Object.assign(rowOf(j), { limitA: tx.ok ? j.target : Math.max(j.effective, j.target), chargingProfileId: TX_PROFILE_BASE + j.evseId, status: tx.ok ? 'accepted' : 'failed', appliedA: tx.appliedA, updatedAt: now });
    const fb = outcome.fallbacks.get(j.key);
    if (fb !== undefined) rowOf(j).fallbackA = fb ? j.fallbackA : Math.max(j.installedFallback ?? Infinity, j.fallbackA);
  }
  // Rows of reachable EVSEs whose session or reason changed; nothing is learnt about unreachable ones.
  for (const j of jobs) {
    if (updates.has(j.key) || !j.reachable) continue;
    const row = rowByKey.get(j.key);
    if (row && row.sessionId === j.sessionId && JSON.stringify(row.reason) === JSON.stringify(j.reason)) continue;
    rowOf(j);
  }
  await store.upsertLimits(db, [...updates.values()]);
  if (outcome.sent > 0) {
    deps.events.publish({ type: 'energy.allocated', tenantId, at: now, data: { siteId, strategy: config.strategy, profilesSent: outcome.sent, failed: outcome.failed } });
  }
  return { config, allocation: { at: now.toISOString(), input, result, sent: outcome.sent, failed: outcome.failed }, nextTighteningMs: nextTightening };
}

function freshRow(tenantId: string, siteId: string, j: EvseJob, row: DispatchedLimit | undefined, now: Date): Update {
  const sessionGone = row?.sessionId != null && j.sessionId === null;
  const same = row?.sessionId === j.sessionId;
  return {
    tenantId, siteId, evseKey: j.key, stationId: j.stationId, sessionId: j.sessionId, reason: j.reason as Record<string, unknown>,
    limitA: j.sessionId === null ? 0 : same ? row!.limitA : j.effective,
    fallbackA: row?.fallbackA ?? null, chargingProfileId: row?.chargingProfileId ?? null,
    status: j.sessionId === null ? 'idle' : same ? row!.status : 'pending', appliedA: same ? row!.appliedA : null,
    // An unchanged TxProfile keeps its lease clock.
    updatedAt: row && !sessionGone && same ? row.updatedAt : now,
  };
}

/**
 * The measured draw of every session (Current.Import per phase, else Power.Active.Import), from
 * samples taken once the EV had time to follow its current limit; a flagged over-drawer without
 * a fresh sample keeps counting at its last measured draw, and any other EV on the phases it was
 * last measured on (measured-phases.ts).
 */
async function measure(deps: SiteReallocationDeps, tenantId: string, config: EnergyConfig, sessions: ReadonlyMap<string, ActiveSession>, rows: ReadonlyMap<string, DispatchedLimit>): Promise<Map<string, Observed>> {
  const response = EV_RESPONSE_SECONDS * 1000;
  const queries = [...sessions].map(([key, s]) => {
    const row = rows.get(key);
    const limitSince = row?.sessionId === s.id ? row.updatedAt.getTime() : s.startedAt.getTime();
    return { key, session: s, row, query: { sessionId: s.id, phases: config.evses.find((e) => evseKey(e.stationId, e.evseId) === key)?.phases ?? 3, voltageV: config.voltageV, since: new Date(Math.max(limitSince, s.startedAt.getTime()) + response) } };
  });
  const since = queries.length === 0 ? deps.now() : new Date(Math.min(...queries.map((q) => q.query.since.getTime())));
  const draws = measuredDraws(await deps.store.drawSamples(deps.db, tenantId, queries.map((q) => q.session.id), since), queries.map((q) => q.query));
  const observed = new Map<string, Observed>();
  for (const q of queries) {
    const draw = draws.get(q.session.id);
    const measuredA = draw?.measuredA ?? deps.flags.remembered(tenantId, q.key, q.session.id);
    if (draw) deps.phases.note(tenantId, q.key, q.session.id, draw.measuredA);
    const phases = draw ? undefined : deps.phases.of(tenantId, q.key, q.session.id);
    const previousLimitA = q.row?.sessionId === q.session.id ? q.row.limitA : undefined;
    observed.set(q.key, {
      key: q.key, stationId: q.session.stationId, evseId: q.session.evseId, sessionId: q.session.id, fresh: draw !== undefined,
      ...(measuredA ? { measuredA } : {}), ...(phases ? { phases } : {}), ...(previousLimitA !== undefined ? { previousLimitA } : {}),
    });
  }
  // EVSEs without a session: a flag of a session that ended is cleared, its phases forgotten.
  for (const e of config.evses) {
    const key = evseKey(e.stationId, e.evseId);
    if (observed.has(key)) continue;
    observed.set(key, { key, stationId: e.stationId, evseId: e.evseId, sessionId: null, fresh: false });
    deps.phases.forget(tenantId, key);
  }
  return observed;
}
