// Reliability figures for a scope (network, site, station, port) and a period: loads the history
// once for the whole scope, then computes in memory (domain/).
import type { Executor } from '../../infra/db/database.js';
import { ApiError } from '../../api/problem.js';
import { aggregate, computePortRows, rankFaultProne, type Figures, type PortRow, type StationInput } from './domain/figures.js';
import { portsOf } from './domain/port-timeline.js';
import { closedSpans } from './domain/opening-hours.js';
import type { ExcludedCause } from './domain/uptime.js';
import type { ReliabilityStore, Selection } from './store.js';

export type Scope = 'network' | 'site' | 'station' | 'port';
export type ReliabilityQuery = { scope: Scope; id?: string; evseId?: number; from: Date; to: Date };

/** What maintenance supplies: windows and operator-recorded excluded outages overlapping a period. */
export interface ExclusionSource {
  overlapping(tenantId: string, from: Date, to: Date): Promise<{
    windows: Array<{ stationId: string | null; siteId: string | null; evseId: number | null; startsAt: Date; endsAt: Date }>;
    excluded: Array<{ stationId: string | null; siteId: string | null; evseId: number | null; startsAt: Date; endsAt: Date; cause: string }>;
  }>;
}

/** Longest period computed in one request. */
const MAX_PERIOD_MS = 400 * 86_400_000;

export class ReliabilityService {
  constructor(
    private readonly db: Executor,
    private readonly store: ReliabilityStore,
    private readonly exclusions: ExclusionSource | null,
    private readonly options: { incidents: boolean } = { incidents: true },
  ) {}

  async figures(tenantId: string, query: ReliabilityQuery): Promise<{ figures: Figures; ports: PortRow[] }> {
    const { rows, incidents } = await this.load(tenantId, query, true);
    return { figures: aggregate(rows, period(query), incidents), ports: rows };
  }

  /** Figures for consecutive sub-periods (e.g. the local days of a month) from one load. */
  async series(tenantId: string, query: ReliabilityQuery, buckets: ReadonlyArray<{ label: string; start: number; end: number }>): Promise<Array<{ label: string; figures: Figures }>> {
    const data = await this.loadInputs(tenantId, query, true);
    return buckets.map((bucket) => ({ label: bucket.label, figures: aggregate(computePortRows(bucket, data.stations, data.sessions), bucket, data.incidents) }));
  }

  async ranking(tenantId: string, query: ReliabilityQuery, limit: number) {
    const { rows } = await this.load(tenantId, query, false);
    return rankFaultProne(rows, limit);
  }

  private async load(tenantId: string, query: ReliabilityQuery, withIncidents: boolean) {
    const data = await this.loadInputs(tenantId, query, withIncidents);
    return { rows: computePortRows(period(query), data.stations, data.sessions), incidents: data.incidents };
  }

  private async loadInputs(tenantId: string, query: ReliabilityQuery, withIncidents: boolean) {
    if (!(query.to > query.from)) throw new ApiError('invalid_reliability_query', 'to must be after from');
    if (query.to.getTime() - query.from.getTime() > MAX_PERIOD_MS) throw new ApiError('invalid_reliability_query', 'A period is at most 400 days');
    if (query.scope !== 'network' && !query.id) throw new ApiError('invalid_reliability_query', `scope=${query.scope} needs an id`);
    if (query.scope === 'port' && query.evseId === undefined) throw new ApiError('invalid_reliability_query', 'scope=port needs an evseId');
    let sel: Selection = {
      tenantId,
      stationIds: query.scope === 'station' || query.scope === 'port' ? [query.id!] : null,
      siteId: query.scope === 'site' ? query.id! : null,
    };
    const stationRows = await this.store.stations(this.db, sel);
    if (stationRows.length === 0 && (query.scope === 'station' || query.scope === 'port')) throw new ApiError('station_not_found', `Station ${query.id} not found`);
    if (query.scope === 'site') sel = { ...sel, stationIds: stationRows.map((s) => s.id) };
    const siteIds = [...new Set(stationRows.map((s) => s.siteId).filter((id): id is string => id !== null))];
    const [declared, connections, statuses, sessions, incidents, exclusions, hours] = await Promise.all([
      this.store.declaredPorts(this.db, sel),
      this.store.connections(this.db, sel, query.from, query.to),
      this.store.statuses(this.db, sel, query.from, query.to),
      this.store.sessions(this.db, sel, query.from, query.to),
      withIncidents && this.options.incidents ? this.store.incidents(this.db, sel, query.from, query.to) : Promise.resolve(null),
      this.exclusions ? this.exclusions.overlapping(tenantId, query.from, query.to) : Promise.resolve({ windows: [], excluded: [] }),
      this.store.siteHours(this.db, tenantId, siteIds),
    ]);
    // Hours outside a site's opening hours are excluded (680.116(b)(3)), computed once per site.
    const closedBySite = new Map([...hours].map(([siteId, h]) => [siteId, closedSpans(h.openingHours, h.timeZone, query.from.getTime(), query.to.getTime())]));
    const declaredBy = new Map<string, number[]>();
    for (const port of declared) declaredBy.set(port.stationId, [...(declaredBy.get(port.stationId) ?? []), port.evseId]);
    const spans = [
      ...exclusions.windows.map((w) => ({ ...w, cause: 'maintenance' as ExcludedCause })),
      ...exclusions.excluded.map((x) => ({ ...x, cause: x.cause as ExcludedCause })),
    ];
    const stations: StationInput[] = stationRows.map((station) => {
      const statusList = statuses.get(station.id) ?? [];
      let ports = portsOf(declaredBy.get(station.id) ?? [], statusList);
      if (query.scope === 'port') ports = ports.filter((p) => p === query.evseId);
      return {
        stationId: station.id, siteId: station.siteId, vendor: station.vendor, model: station.model, ports,
        commissionedAt: connections.commissioned.get(station.id) ?? null,
        connections: connections.changes.get(station.id) ?? [],
        statuses: statusList,
        excluded: spans.filter((s) => s.stationId === station.id || (s.stationId === null && s.siteId !== null && s.siteId === station.siteId))
          .map((s) => ({ start: s.startsAt.getTime(), end: s.endsAt.getTime(), cause: s.cause, evseId: s.evseId }))
          .concat((station.siteId ? closedBySite.get(station.siteId) ?? [] : []).map((c) => ({ ...c, cause: 'outside-operating-hours' as ExcludedCause, evseId: null }))),
      };
    });
    if (query.scope === 'port' && stations[0]!.ports.length === 0) throw new ApiError('invalid_reliability_query', `Station ${query.id} has no EVSE ${query.evseId}`);
    const incidentFacts = incidents && query.scope === 'port' ? incidents.filter((i) => i.evseId === null || i.evseId === query.evseId) : incidents;
    return { stations, sessions, incidents: incidentFacts };
  }
}

function period(query: ReliabilityQuery) {
  return { start: query.from.getTime(), end: query.to.getTime() };
}
