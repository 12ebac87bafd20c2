import type { Executor } from '../../infra/db/database.js';
import { DomainError } from '../../shared/domain-error.js';
import { csvLine } from './csv.js';
import { groupMeterSeries, type MeterSeries } from './domain/meter-series.js';
import type { Anomaly } from './domain/session.js';
import type { Page, SessionListQuery, SessionQueryStore, SessionRecord, StoredCommand, StoredSessionEvent } from './query-store.js';

/** A session's complete record: the session, its events in order, its meter series, anomalies, commands. */
export type SessionDetail = {
  session: SessionRecord;
  events: StoredSessionEvent[];
  meterSeries: MeterSeries[];
  anomalies: Anomaly[];
  commands: StoredCommand[];
};

export const CSV_COLUMNS = [
  'id', 'stationId', 'evseId', 'connectorId', 'transactionId', 'ocppVersion', 'status', 'idToken', 'authorizationStatus',
  'startedAt', 'endedAt', 'meterStartWh', 'meterStopWh', 'energyWh', 'stoppedReason', 'chargingState', 'anomalies', 'hadOfflineEvents',
] as const;

const EXPORT_PAGE = 500;

/** The operator's view of sessions (read side; the write side is SessionService). */
export class SessionQueryService {
  constructor(private readonly db: Executor, private readonly store: SessionQueryStore) {}

  list(tenantId: string, query: SessionListQuery): Promise<Page<SessionRecord>> {
    return this.store.list(this.db, tenantId, query);
  }

  async detail(tenantId: string, id: string): Promise<SessionDetail> {
    const session = await this.store.get(this.db, tenantId, id);
    if (!session) throw new DomainError('session_not_found', `Session ${id} does not exist`);
    const [events, samples, commands] = await Promise.all([
      this.store.events(this.db, tenantId, id),
      this.store.meterValues(this.db, tenantId, id),
      this.store.commands(this.db, tenantId, id),
    ]);
    return { session, events, meterSeries: groupMeterSeries(samples), anomalies: session.anomalies, commands };
  }

  /** CSV of every session matching the filters, newest first, produced page by page. */
  async *exportCsv(tenantId: string, query: Omit<SessionListQuery, 'limit' | 'cursor'>): AsyncGenerator<string> {
    yield csvLine([...CSV_COLUMNS]);
    let cursor: string | null = null;
    do {
      const page: Page<SessionRecord> = await this.store.list(this.db, tenantId, { ...query, limit: EXPORT_PAGE, cursor });
      yield page.items.map((s) => csvLine([
        s.id, s.stationId, s.evseId, s.connectorId, s.externalId, s.ocppVersion, s.status, s.idToken, s.authorizationStatus,
        s.startedAt.toISOString(), s.endedAt?.toISOString() ?? null, s.meterStartWh, s.meterStopWh, s.energyWh, s.stoppedReason,
        s.chargingState, s.anomalies.length, s.hadOfflineEvents,
      ])).join('');
      cursor = page.nextCursor;
    } while (cursor);
  }
}
