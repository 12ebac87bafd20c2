// Reliability figures per port, then summed over any set of ports (station, site, network):
// port-minutes are added, so a station of four ports with one down for an hour lost one port-hour.
import type { Interval } from './intervals.js';
import { failureStats, incidentTimes, meanMs, mtbfMs, type FailureStats, type IncidentFact } from './failures.js';
import { observedWindow, portOutage, type StationHistory } from './port-timeline.js';
import { addSuccess, countSession, emptySuccess, successPercent, type SessionFact, type SuccessCounts } from './success-rate.js';
import { portUptime, uptimePercent, type ExcludedCause, type ExcludedSpan, type PortUptime } from './uptime.js';

export type StationInput = StationHistory & {
  siteId: string | null;
  vendor: string | null;
  model: string | null;
  /** EVSE ids (portsOf). */
  ports: readonly number[];
  /** Maintenance windows and operator-recorded causes for this station; evseId null: every port. */
  excluded: ReadonlyArray<ExcludedSpan & { evseId: number | null }>;
};

export type PortRow = {
  stationId: string; evseId: number; siteId: string | null; vendor: string | null; model: string | null;
  uptime: PortUptime; failures: FailureStats; success: SuccessCounts;
};

export function computePortRows(period: Interval, stations: readonly StationInput[], sessions: readonly SessionFact[]): PortRow[] {
  const successByPort = new Map<string, SuccessCounts>();
  for (const session of sessions) {
    const key = `${session.stationId}\u0000${session.evseId}`;
    const counts = successByPort.get(key) ?? emptySuccess();
    countSession(counts, session, period);
    successByPort.set(key, counts);
  }
  const rows: PortRow[] = [];
  for (const station of stations) {
    const window = observedWindow(station, period);
    for (const evseId of station.ports) {
      const outage = window ? portOutage(station, evseId, window) : [];
      const excluded = station.excluded.filter((span) => span.evseId === null || span.evseId === evseId);
      const uptime = portUptime(window, outage, excluded);
      rows.push({
        stationId: station.stationId, evseId, siteId: station.siteId, vendor: station.vendor, model: station.model,
        uptime, failures: failureStats(uptime.down, window), success: successByPort.get(`${station.stationId}\u0000${evseId}`) ?? emptySuccess(),
      });
    }
  }
  return rows;
}

export type Figures = {
  ports: number;
  observedMs: number;
  outageMs: number;
  excludedMs: number;
  excludedByCause: Partial<Record<ExcludedCause, number>>;
  downMs: number;
  uptimePercent: number | null;
  failures: number;
  mtbfMs: number | null;
  /** From incidents when the health module supplies them, else from down episodes wholly in the period. */
  mttrMs: number | null;
  /** From incidents only (openedAt − detectedAt); null without them. */
  mttdMs: number | null;
  repairSource: 'incidents' | 'outages';
  sessions: SuccessCounts & { successPercent: number | null };
};

export function aggregate(rows: readonly PortRow[], period: Interval, incidents: readonly IncidentFact[] | null): Figures {
  let observedMs = 0;
  let outageMs = 0;
  let downMs = 0;
  let failures = 0;
  let repairs = 0;
  let repairMsTotal = 0;
  const excludedByCause: Partial<Record<ExcludedCause, number>> = {};
  const success = emptySuccess();
  for (const row of rows) {
    observedMs += row.uptime.observedMs;
    outageMs += row.uptime.outageMs;
    downMs += row.uptime.downMs;
    failures += row.failures.failures;
    repairs += row.failures.repairs;
    repairMsTotal += row.failures.repairMsTotal;
    for (const [cause, ms] of Object.entries(row.uptime.excludedByCause) as Array<[ExcludedCause, number]>) excludedByCause[cause] = (excludedByCause[cause] ?? 0) + ms;
    addSuccess(success, row.success);
  }
  const times = incidents ? incidentTimes(incidents, period) : null;
  return {
    ports: rows.length, observedMs, outageMs, excludedMs: outageMs - downMs, excludedByCause, downMs,
    uptimePercent: uptimePercent(observedMs, downMs),
    failures,
    mtbfMs: mtbfMs(observedMs, downMs, failures),
    mttrMs: times ? meanMs(times.repairMsTotal, times.resolved) : meanMs(repairMsTotal, repairs),
    mttdMs: times ? meanMs(times.detectMsTotal, times.opened) : null,
    repairSource: times ? 'incidents' : 'outages',
    sessions: { ...success, successPercent: successPercent(success) },
  };
}

export type RankedUnit = { stationId: string; evseId: number | null; vendor: string | null; model: string | null; failures: number; downMs: number; uptimePercent: number | null };
export type RankedModel = { vendor: string | null; model: string | null; ports: number; failures: number; failuresPerPort: number; downMs: number; uptimePercent: number | null };

const byFaults = (a: { failures: number; downMs: number }, b: { failures: number; downMs: number }) => b.failures - a.failures || b.downMs - a.downMs;

/** Ports, stations and models with the most failures (then the most downtime); units without any are left out. */
export function rankFaultProne(rows: readonly PortRow[], limit: number): { ports: RankedUnit[]; stations: RankedUnit[]; models: RankedModel[] } {
  const unit = (row: PortRow): RankedUnit => ({
    stationId: row.stationId, evseId: row.evseId, vendor: row.vendor, model: row.model, failures: row.failures.failures,
    downMs: row.uptime.downMs, uptimePercent: uptimePercent(row.uptime.observedMs, row.uptime.downMs),
  });
  const ports = rows.map(unit).filter((u) => u.failures > 0 || u.downMs > 0).sort((a, b) => byFaults(a, b) || a.stationId.localeCompare(b.stationId) || (a.evseId ?? 0) - (b.evseId ?? 0));
  const stationSums = new Map<string, RankedUnit & { observedMs: number }>();
  const modelSums = new Map<string, RankedModel & { observedMs: number }>();
  for (const row of rows) {
    const s = stationSums.get(row.stationId) ?? { stationId: row.stationId, evseId: null, vendor: row.vendor, model: row.model, failures: 0, downMs: 0, uptimePercent: null, observedMs: 0 };
    s.failures += row.failures.failures; s.downMs += row.uptime.downMs; s.observedMs += row.uptime.observedMs;
    stationSums.set(row.stationId, s);
    const key = `${row.vendor ?? ''}\u0000${row.model ?? ''}`;
    const m = modelSums.get(key) ?? { vendor: row.vendor, model: row.model, ports: 0, failures: 0, failuresPerPort: 0, downMs: 0, uptimePercent: null, observedMs: 0 };
    m.ports++; m.failures += row.failures.failures; m.downMs += row.uptime.downMs; m.observedMs += row.uptime.observedMs;
    modelSums.set(key, m);
  }
  const stations = [...stationSums.values()].filter((s) => s.failures > 0 || s.downMs > 0)
    .map(({ observedMs, ...s }) => ({ ...s, uptimePercent: uptimePercent(observedMs, s.downMs) }))
    .sort((a, b) => byFaults(a, b) || a.stationId.localeCompare(b.stationId));
  const models = [...modelSums.values()]
    .map(({ observedMs, ...m }) => ({ ...m, failuresPerPort: Math.round((m.failures / m.ports) * 10_000) / 10_000, uptimePercent: uptimePercent(observedMs, m.downMs) }))
    .sort((a, b) => b.failuresPerPort - a.failuresPerPort || b.downMs - a.downMs || `${a.vendor}${a.model}`.localeCompare(`${b.vendor}${b.model}`));
  return { ports: ports.slice(0, limit), stations: stations.slice(0, limit), models: models.slice(0, limit) };
}
