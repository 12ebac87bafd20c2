// Reads for the operator API: session listings (cursor pagination) and a session's full record.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { meterSamples, sessionEvents, sessions, stationCommands } from '../../infra/db/schema.js';
import { decimal, formatDecimal } from './domain/decimal.js';
import type { SessionState, SessionStatus } from './domain/session.js';
import { toSessionState } from './session-row.js';
import { afterCursor, keysetPage, parseSort, sortOrder, type Sortable } from '../../api/sorting.js';

export type SessionRecord = SessionState & { createdAt: Date; updatedAt: Date };

export type SessionListQuery = {
  limit: number;
  cursor?: string | null | undefined;
  stationId?: string | undefined;
  idToken?: string | undefined;
  status?: SessionStatus | undefined;
  /** started at or after */
  from?: Date | undefined;
  /** started before */
  to?: Date | undefined;
  /** `?sort=` (SESSION_SORT); default newest first. */
  sort?: string | undefined;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type StoredSessionEvent = {
  id: string; kind: string; seqNo: number | null; triggerReason: string | null; offline: boolean;
  occurredAt: Date; receivedAt: Date; dedupeKey: string | null; payload: unknown;
};

export type StoredMeterValue = {
  sampledAt: Date; measurand: string; phase: string | null; location: string | null; context: string | null;
  unit: string | null; evseId: number; value: string | null; signed: unknown;
};

export type StoredCommand = typeof stationCommands.$inferSelect;

/**
 * The session list's `?sort=` fields (ADR 037); pages are keyset pages on (field, id). started_at
 * holds whole milliseconds (station times), so its index serves the default order.
 */
export const SESSION_SORT: Sortable<typeof sessions.$inferSelect> = {
  fields: {
    startedAt: { column: sessions.startedAt, kind: 'timestamp-ms', valueOf: (row) => row.startedAt },
    updatedAt: { column: sessions.updatedAt, kind: 'timestamp', valueOf: (row) => row.updatedAt },
    createdAt: { column: sessions.createdAt, kind: 'timestamp', valueOf: (row) => row.createdAt },
    energyWh: { column: sessions.energyWh, kind: 'decimal', valueOf: (row) => row.energyWh },
    stationId: { column: sessions.stationId, kind: 'text', valueOf: (row) => row.stationId },
    status: { column: sessions.status, kind: 'text', valueOf: (row) => row.status },
  },
  id: { column: sessions.id, kind: 'text', valueOf: (row) => row.id },
  defaultSort: '-startedAt',
};

const record = (row: typeof sessions.$inferSelect): SessionRecord =>
  ({ ...toSessionState(row, null), createdAt: row.createdAt, updatedAt: row.updatedAt });

export function createSessionQueryStore() {
  return {
    async list(ex: Executor, tenantId: string, query: SessionListQuery): Promise<Page<SessionRecord>> {
      if (!Number.isInteger(query.limit) || query.limit < 1) throw new RangeError(`limit must be a positive integer, got ${query.limit}`);
      const sort = parseSort(SESSION_SORT, query.sort);
      const rows = await ex.select().from(sessions).where(and(
        eq(sessions.tenantId, tenantId),
        query.stationId ? eq(sessions.stationId, query.stationId) : undefined,
        query.idToken ? eq(sessions.idToken, query.idToken) : undefined,
        query.status ? eq(sessions.status, query.status) : undefined,
        query.from ? gte(sessions.startedAt, query.from) : undefined,
        query.to ? lt(sessions.startedAt, query.to) : undefined,
        afterCursor(sort, query.cursor),
      )).orderBy(...sortOrder(sort)).limit(query.limit + 1);
      const page = keysetPage(rows, query.limit, sort);
      return { items: page.rows.map(record), nextCursor: page.nextCursor };
    },

    async get(ex: Executor, tenantId: string, id: string): Promise<SessionRecord | null> {
      const [row] = await ex.select().from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
      return row ? record(row) : null;
    },

    /** Every event in the order it was stored (arrival order; seqNo and times tell the station's order). */
    async events(ex: Executor, tenantId: string, sessionId: string): Promise<StoredSessionEvent[]> {
      const rows = await ex.select().from(sessionEvents)
        .where(and(eq(sessionEvents.tenantId, tenantId), eq(sessionEvents.sessionId, sessionId))).orderBy(asc(sessionEvents.id));
      return rows.map((row) => ({
        id: row.id.toString(), kind: row.kind, seqNo: row.seqNo, triggerReason: row.triggerReason, offline: row.offline,
        occurredAt: row.occurredAt, receivedAt: row.receivedAt, dedupeKey: row.dedupeKey, payload: row.payload,
      }));
    },

    async meterValues(ex: Executor, tenantId: string, sessionId: string): Promise<StoredMeterValue[]> {
      const rows = await ex.select().from(meterSamples)
        .where(and(eq(meterSamples.tenantId, tenantId), eq(meterSamples.sessionId, sessionId)))
        .orderBy(asc(meterSamples.sampledAt), asc(meterSamples.seq));
      return rows.map((row) => ({
        sampledAt: row.sampledAt, measurand: row.measurand, phase: row.phase, location: row.location, context: row.context,
        unit: row.unit, evseId: row.evseId, value: row.value === 'NaN' ? null : formatDecimal(decimal(row.value)), signed: row.signed,
      }));
    },

    async commands(ex: Executor, tenantId: string, sessionId: string): Promise<StoredCommand[]> {
      return ex.select().from(stationCommands)
        .where(and(eq(stationCommands.tenantId, tenantId), eq(stationCommands.sessionId, sessionId))).orderBy(asc(stationCommands.id));
    },
  };
}

export type SessionQueryStore = ReturnType<typeof createSessionQueryStore>;
