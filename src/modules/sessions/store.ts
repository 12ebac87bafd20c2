// PostgreSQL implementation of the sessions write path (Drizzle; PGlite and node-postgres alike).
import { and, asc, desc, eq, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { meterSamples, meterValues, sessionEvents, sessions } from '../../infra/db/schema.js';
import { decimal, formatDecimal } from './domain/decimal.js';
import type { EnergyPoint } from './domain/energy.js';
import { ENERGY_REGISTER } from './domain/sampled-value.js';
import type { ClosedSession, SessionStore, StoredSession } from './ports.js';
import { sessionColumns, toSessionState } from './session-row.js';
import { appendStationMeterValues, appendToSession } from './store-append.js';
import { nextFreeOcpp16TransactionId, startSession } from './store-start.js';
import { activeTokens } from './active-session-lookup.js';

type Row = typeof sessions.$inferSelect;

/** Every write moves updated_at forward, so a revision is never seen twice. */
const bump = (now: Date): SQL => sql`greatest(${now.toISOString()}::timestamptz, ${sessions.updatedAt} + interval '1 millisecond')`;

/** The legacy rows (before migration 0023) `isEnergyReading` accepts. */
const legacyEnergyReadingsOf = (tenantId: string, sessionId: string): SQL | undefined => and(
  eq(meterValues.tenantId, tenantId), eq(meterValues.sessionId, sessionId), eq(meterValues.measurand, ENERGY_REGISTER),
  isNull(meterValues.phase), eq(meterValues.location, 'Outlet'), eq(meterValues.unit, 'Wh'), sql`${meterValues.value} <> 'NaN'::numeric`,
);

const closedColumns = {
  id: sessions.id, tenantId: sessions.tenantId, stationId: sessions.stationId, externalId: sessions.externalId,
  evseId: sessions.evseId, endedAt: sessions.endedAt,
};
const toClosed = (row: { endedAt: Date | null } & Omit<ClosedSession, 'endedAt'>): ClosedSession => ({ ...row, endedAt: row.endedAt ?? new Date(0) });

export function createSessionStore(): SessionStore {
  /** The last reading of a row written before migration 0023, from meter_values (ADR 112). */
  async function legacyLastReading(ex: Executor, tenantId: string, sessionId: string): Promise<EnergyPoint | null> {
    const [row] = await ex.select({ at: meterValues.sampledAt, wh: meterValues.value }).from(meterValues)
      .where(legacyEnergyReadingsOf(tenantId, sessionId)).orderBy(desc(meterValues.sampledAt), desc(meterValues.id)).limit(1);
    return row ? { at: row.at, wh: formatDecimal(decimal(row.wh)) } : null;
  }

  const stored = async (ex: Executor, row: Row): Promise<StoredSession> =>
    ({ state: toSessionState(row, row.readingsInRow ? null : await legacyLastReading(ex, row.tenantId, row.id)), revision: row.updatedAt });

  return {
    async nextOcpp16TransactionId(ex) {
      const result = await ex.execute(sql`select nextval('ocpp16_transaction_id_seq') as id`);
      return Number((result as unknown as { rows: Array<{ id: number | string }> }).rows[0]!.id);
    },

    async findByExternalId(ex, stationId, externalId) {
      const [row] = await ex.select().from(sessions).where(and(eq(sessions.stationId, stationId), eq(sessions.externalId, externalId)));
      return row ? stored(ex, row) : null;
    },

    async findByExternalIds(ex, keys) {
      const found = new Map<string, StoredSession>();
      if (keys.length === 0) return found;
      const pairs = JSON.stringify(keys.map(([s, e]) => ({ s, e })));
      const rows = await ex.select().from(sessions)
        .where(sql`(${sessions.stationId}, ${sessions.externalId}) in (select k.s, k.e from jsonb_to_recordset(${pairs}::jsonb) as k(s text, e text))`);
      if (rows.length === 0) return found;
      // Rows written before migration 0023: the last energy reading of each, in one statement (legacyLastReading's predicate and order).
      const legacy = rows.filter((row) => !row.readingsInRow);
      const readings = legacy.length === 0 ? [] : await ex.selectDistinctOn([meterValues.sessionId], { sessionId: meterValues.sessionId, at: meterValues.sampledAt, wh: meterValues.value })
        .from(meterValues)
        .where(and(
          inArray(meterValues.tenantId, [...new Set(legacy.map((row) => row.tenantId))]), inArray(meterValues.sessionId, legacy.map((row) => row.id)),
          eq(meterValues.measurand, ENERGY_REGISTER), isNull(meterValues.phase), eq(meterValues.location, 'Outlet'), eq(meterValues.unit, 'Wh'),
          sql`${meterValues.value} <> 'NaN'::numeric`,
        ))
        .orderBy(meterValues.sessionId, desc(meterValues.sampledAt), desc(meterValues.id));
      const last = new Map(readings.map((r) => [r.sessionId, { at: r.at, wh: formatDecimal(decimal(r.wh)) }]));
      for (const row of rows) {
        const reading = last.get(row.id) ?? null;
        found.set(JSON.stringify([row.stationId, row.externalId]), { state: toSessionState(row, reading), revision: row.updatedAt });
      }
      return found;
    },

    async findById(ex, id) {
      const [row] = await ex.select().from(sessions).where(eq(sessions.id, id));
      return row ? stored(ex, row) : null;
    },

    async externalIdTaken(ex, stationId, externalId) {
      const rows = await ex.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.stationId, stationId), eq(sessions.externalId, externalId))).limit(1);
      return rows.length > 0;
    },

    async findEventByKey(ex, stationId, dedupeKey) {
      const [row] = await ex.select({ sessionId: sessionEvents.sessionId, payload: sessionEvents.payload }).from(sessionEvents)
        .where(and(eq(sessionEvents.stationId, stationId), eq(sessionEvents.dedupeKey, dedupeKey)));
      return row ?? null;
    },

    async insertEvent(ex, event) {
      const rows = await ex.insert(sessionEvents).values(event).onConflictDoNothing().returning({ id: sessionEvents.id });
      return rows.length > 0;
    },

    async insertEvents(ex, events) {
      if (events.length > 0) await ex.insert(sessionEvents).values(events);
    },

    async insertSession(ex, s, now) {
      const [row] = await ex.insert(sessions).values({
        id: s.id, tenantId: s.tenantId, stationId: s.stationId, ocppVersion: s.ocppVersion, externalId: s.externalId,
        ...sessionColumns(s), createdAt: now, updatedAt: now,
      }).onConflictDoNothing().returning({ updatedAt: sessions.updatedAt });
      return row?.updatedAt ?? null;
    },

    async updateSession(ex, s, revision, now) {
      const [row] = await ex.update(sessions).set({ ...sessionColumns(s), updatedAt: bump(now) })
        .where(and(eq(sessions.id, s.id), eq(sessions.updatedAt, revision)))
        .returning({ updatedAt: sessions.updatedAt });
      return row?.updatedAt ?? null;
    },

    appendToSession,
    appendStationMeterValues,
    startSession,
    nextFreeOcpp16TransactionId,

    async energyHistory(ex, tenantId, sessionId, exceptDedupeKey) {
      // The message being applied is stored already (with its samples): its readings are the event's, not history.
      // (-1 when no such row: legacy values, whose event_id is null, must not drop out with a null.)
      const except = exceptDedupeKey === null ? undefined : sql`${meterSamples.eventId} is distinct from coalesce((
        select e.id from ${sessionEvents} e where e.tenant_id = ${tenantId} and e.session_id = ${sessionId} and e.dedupe_key = ${exceptDedupeKey}), -1)`;
      const rows = await ex.select({ at: meterSamples.sampledAt, wh: meterSamples.value }).from(meterSamples)
        .where(and(
          eq(meterSamples.tenantId, tenantId), eq(meterSamples.sessionId, sessionId), eq(meterSamples.measurand, ENERGY_REGISTER),
          isNull(meterSamples.phase), eq(meterSamples.location, 'Outlet'), eq(meterSamples.unit, 'Wh'), sql`${meterSamples.value} <> 'NaN'::numeric`,
          except,
        ))
        .orderBy(asc(meterSamples.sampledAt), asc(meterSamples.seq));
      return rows.map((row) => ({ at: row.at, wh: formatDecimal(decimal(row.wh)) }));
    },

    async closeSuperseded(ex, newer, now) {
      if (newer.evseId === 0) return [];
      const rows = await ex.update(sessions)
        .set({ status: 'closed', endedAt: newer.startedAt, stoppedReason: 'superseded', updatedAt: bump(now) })
        .where(and(
          eq(sessions.stationId, newer.stationId),
          eq(sessions.evseId, newer.evseId),
          eq(sessions.status, 'active'),
          ne(sessions.id, newer.id),
          lte(sessions.startedAt, newer.startedAt),
          newer.connectorId === null ? undefined : or(isNull(sessions.connectorId), eq(sessions.connectorId, newer.connectorId)),
        ))
        .returning(closedColumns);
      return rows.map(toClosed);
    },

    async findStale(ex, cutoff, limit) {
      return ex.select({ id: sessions.id, tenantId: sessions.tenantId }).from(sessions)
        .where(and(eq(sessions.status, 'active'), lt(sessions.updatedAt, cutoff))).orderBy(asc(sessions.updatedAt)).limit(limit);
    },

    async closeIfStale(ex, id, cutoff, now) {
      // The end is the last sign of life: the newest sample (not after the last write), else the last write.
      const lastSign = sql`least(coalesce(${sessions.lastMeterAt}, ${sessions.updatedAt}), ${sessions.updatedAt})`;
      const [row] = await ex.update(sessions)
        .set({ status: 'closed', endedAt: sql`greatest(${sessions.startedAt}, ${lastSign})`, stoppedReason: 'stale', updatedAt: bump(now) })
        .where(and(eq(sessions.id, id), eq(sessions.status, 'active'), lt(sessions.updatedAt, cutoff)))
        .returning(closedColumns);
      return row ? toClosed(row) : null;
    },

    async hasActiveSession(ex, tenantId, idToken) {
      // The one ConcurrentTx predicate (active-session-lookup.ts, ADR 110) for a single token.
      const key = JSON.stringify([tenantId, idToken]);
      return (await activeTokens(ex, [key])).has(key);
    },
  };
}
