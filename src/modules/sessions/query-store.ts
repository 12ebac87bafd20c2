// Reads for the operator API: session listings (cursor pagination) and a session's full record.
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { meterValues, sessionEvents, sessions, stationCommands } from '../../infra/db/schema.js';
import { DomainError } from '../../shared/domain-error.js';
import { decimal, formatDecimal } from './domain/decimal.js';
import type { SessionState, SessionStatus } from './domain/session.js';
import { toSessionState } from './session-row.js';

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

// Cursor: base64url of "<startedAt ISO>|<id>" of the last item of the previous page (newest first).
function encodeCursor(s: { startedAt: Date; id: string }): string {
  return Buffer.from(`${s.startedAt.toISOString()}|${s.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const startedAt = new Date(text.slice(0, bar));
  const id = text.slice(bar + 1);
  if (bar < 0 || id === '' || Number.isNaN(startedAt.getTime()) || encodeCursor({ startedAt, id }) !== cursor) {
    throw new DomainError('invalid_cursor', 'Invalid pagination cursor');
  }
  return { startedAt, id };
}

const record = (row: typeof sessions.$inferSelect): SessionRecord =>
  ({ ...toSessionState(row, null), createdAt: row.createdAt, updatedAt: row.updatedAt });

export function createSessionQueryStore() {
  return {
    async list(ex: Executor, tenantId: string, query: SessionListQuery): Promise<Page<SessionRecord>> {
      if (!Number.isInteger(query.limit) || query.limit < 1) throw new RangeError(`limit must be a positive integer, got ${query.limit}`);
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const rows = await ex.select().from(sessions).where(and(
        eq(sessions.tenantId, tenantId),
        query.stationId ? eq(sessions.stationId, query.stationId) : undefined,
        query.idToken ? eq(sessions.idToken, query.idToken) : undefined,
        query.status ? eq(sessions.status, query.status) : undefined,
        query.from ? gte(sessions.startedAt, query.from) : undefined,
        query.to ? lt(sessions.startedAt, query.to) : undefined,
        after ? sql`(${sessions.startedAt}, ${sessions.id}) < (${after.startedAt.toISOString()}::timestamptz, ${after.id})` : undefined,
      )).orderBy(desc(sessions.startedAt), desc(sessions.id)).limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(record);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
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
      const rows = await ex.select().from(meterValues)
        .where(and(eq(meterValues.tenantId, tenantId), eq(meterValues.sessionId, sessionId)))
        .orderBy(asc(meterValues.sampledAt), asc(meterValues.id));
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
