// What the allocator is told about a site, from what the load balancer read: EVSEs of offline
// stations (or whose last send failed) count at their last accepted limit, the higher of TxProfile
// and fallback; sessions carry the limit they were last given, the EV's needs (2.x
// NotifyEVChargingNeeds), any station-side external limit (NotifyChargingLimit) and their measured
// draw per phase (meter values; with the last limit it reveals unused power and over-draw).
import type { AllocationInput, SessionInput } from '../allocator/types.js';
import { evseKey, toTopology, type EnergyConfig, type Signal } from '../domain/energy-config.js';
import type { EvNeeds } from '../ports.js';
import type { DispatchedLimit } from '../store.js';

export type AllocationQuery = {
  config: EnergyConfig;
  signals: readonly Signal[];
  now: Date;
  stations: ReadonlyMap<string, { online: boolean }>;
  rows: ReadonlyMap<string, DispatchedLimit>;
  sessions: ReadonlyMap<string, { id: string; startedAt: Date; stationId: string; evseId: number }>;
  needsOf: (evseKey: string) => EvNeeds | undefined;
  externalLimitOf: (evseKey: string, stationId: string) => number | undefined;
  measuredOf?: (evseKey: string) => readonly number[] | undefined;
  /** Phases the EV was last measured on, while no sample counts (else the EVSE's count). */
  phasesOf?: (evseKey: string) => SessionInput['phases'];
};

export function buildAllocationInput(q: AllocationQuery): AllocationInput {
  const { config, signals, now, stations, rows, sessions } = q;

  const topology = toTopology(config, (e) => {
    const key = evseKey(e.stationId, e.evseId);
    const row = rows.get(key);
    // A failed TxProfile counts while its session runs; once the session ended the station dropped
    // it with the transaction (a TxProfile rejected because the EV had just left no longer holds the
    // EVSE at its old limit until the next tick).
    const failedTx = row?.status === 'failed' && (row.sessionId === null || sessions.get(key)?.id === row.sessionId);
    const online = stations.get(e.stationId)?.online === true && !failedTx;
    if (online) return { online: true };
    const last = row ? Math.max(row.limitA, row.fallbackA ?? 0) : undefined;
    return last === undefined ? { online: false } : { online: false, lastKnownLimitA: Math.min(last, e.maxCurrentA) };
  });
  const sessionInputs: SessionInput[] = [];
  for (const [key, s] of sessions) {
    const needs = q.needsOf(key);
    const external = q.externalLimitOf(key, s.stationId);
    const maxCurrentA = Math.min(needs?.maxCurrentA ?? Infinity, external ?? Infinity);
    const row = rows.get(key);
    const measuredA = q.measuredOf?.(key);
    const phases = q.phasesOf?.(key);
    sessionInputs.push({
      sessionId: s.id, evseId: key, startedAt: s.startedAt.toISOString(),
      ...(row?.sessionId === s.id ? { previousLimitA: row.limitA } : {}), ...(measuredA ? { measuredA } : {}), ...(phases ? { phases } : {}),
      ...(needs?.departureAt ? { departureAt: needs.departureAt } : {}), ...(needs?.energyNeededKwh !== undefined ? { energyNeededKwh: needs.energyNeededKwh } : {}),
      ...(Number.isFinite(maxCurrentA) ? { maxCurrentA } : {}), ...(needs?.minCurrentA !== undefined ? { minCurrentA: needs.minCurrentA } : {}),
    });
  }
  const r = config.readings;
  return {
    now: now.toISOString(), strategy: config.strategy, topology, sessions: sessionInputs,
    ...(r?.siteLoadA !== undefined ? { siteLoads: [{ currentA: r.siteLoadA, ...(r.siteLoadCircuitId ? { circuitId: r.siteLoadCircuitId } : {}) }] } : {}),
    ...(r?.pvProductionKw !== undefined ? { pv: [{ productionKw: r.pvProductionKw }] } : {}),
    ...(r?.battery ? { battery: r.battery } : {}),
    externalCaps: signals.map(({ siteId: _s, createdAt: _c, ...cap }) => cap),
  };
}
