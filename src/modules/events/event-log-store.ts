// The persisted event log (event_log): appended in batches by the EventLogWriter, read back for SSE
// replay (Last-Event-ID) and by the webhook dispatcher.
import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { eventLog } from '../../infra/db/schema.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import type { EventFilter, PersistedEvent } from './event-types.js';

export type EventLogStore = ReturnType<typeof createEventLogStore>;

type Row = typeof eventLog.$inferSelect;

function toEvent(row: Row): PersistedEvent {
  return {
    id: row.id, type: row.type, tenantId: row.tenantId, at: row.at, data: row.data,
    ...(row.stationId === null ? {} : { stationId: row.stationId }),
  };
}

const byId = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** The type patterns as SQL; null when they match everything. */
function typeCondition(types: readonly string[] | null): SQL | undefined {
  if (types === null || types.includes('*')) return undefined;
  return or(...types.map((p) => (p.endsWith('.*') ? sql`starts_with(${eventLog.type}, ${p.slice(0, -1)})` : eq(eventLog.type, p))));
}

const APPEND_HEAD = `insert into event_log (tenant_id, type, station_id, at, data)
select v.tenant_id, v.type, v.station_id, v.at, v.data
from rows from (json_to_recordset(`;
const APPEND_TAIL = `::json) as (tenant_id text, type text, station_id text, at timestamptz, data jsonb)) with ordinality as v(tenant_id, type, station_id, at, data, n)
order by v.n
returning id::text as id`;

export function createEventLogStore() {
  return {
    /** Inserts the events in order and returns them with their ids. */
    async append(ex: Executor, events: readonly DomainEvent[]): Promise<PersistedEvent[]> {
      if (events.length === 0) return [];
      // One constant statement, the rows as ONE JSON parameter (ADR 010, 058): no query building
      // per event (drizzle's per-value work was most of the event log's CPU in a storm).
      const json = JSON.stringify(events.map((e) => ({ tenant_id: e.tenantId, type: e.type, station_id: e.stationId ?? null, at: e.at, data: e.data })));
      const result = await ex.execute(sql`${sql.raw(APPEND_HEAD)}${json}${sql.raw(APPEND_TAIL)}`);
      // One sequence hands out the ids in row order (ordered by ordinality); sorting does not rely on RETURNING's order.
      const ids = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => BigInt(r.id)).sort(byId);
      return events.map((event, i) => ({ ...event, id: ids[i]! }));
    },

    /** A tenant's events after `afterId`, oldest first (SSE replay). */
    async listAfter(ex: Executor, tenantId: string, afterId: bigint, filter: EventFilter, limit: number): Promise<PersistedEvent[]> {
      const rows = await ex.select().from(eventLog).where(and(
        eq(eventLog.tenantId, tenantId),
        gt(eventLog.id, afterId),
        filter.stationId === null ? undefined : eq(eventLog.stationId, filter.stationId),
        // No station at all: an id no station has (stations ids are never empty).
        filter.stationIds ? inArray(eventLog.stationId, filter.stationIds.size > 0 ? [...filter.stationIds] : ['']) : undefined,
        typeCondition(filter.types),
      )).orderBy(asc(eventLog.id)).limit(limit);
      return rows.map(toEvent);
    },

    /** Events by id, any tenant: the caller (the webhook dispatcher) checks the tenant of each. */
    async getMany(ex: Executor, ids: readonly bigint[]): Promise<Map<bigint, PersistedEvent>> {
      if (ids.length === 0) return new Map();
      const rows = await ex.select().from(eventLog).where(inArray(eventLog.id, [...new Set(ids)]));
      return new Map(rows.map((row) => [row.id, toEvent(row)]));
    },
  };
}
