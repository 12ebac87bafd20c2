// The steady path of a running session in one statement (one round trip inside the group commit):
// the event row with its samples (deduplicated), then the session's changed columns (only from the
// expected revision) when the event was new.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../infra/db/database.js';
import { sessionEvents, sessions } from '../../infra/db/schema.js';
import type { SessionState } from './domain/session.js';
import type { SessionEventRecord } from './ports.js';
import { sessionColumns } from './session-row.js';

export type AppendInput = {
  event: SessionEventRecord;
  before: SessionState;
  after: SessionState;
  revision: Date;
  now: Date;
};

/** inserted: false = the event is a retry (nothing written); revision: null = the row moved on (the event is written). */
export type AppendResult = { inserted: boolean; revision: Date | null };

type ColumnKey = keyof ReturnType<typeof sessionColumns>;

const same = (a: unknown, b: unknown): boolean => {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a === b || JSON.stringify(a) === JSON.stringify(b);
  return a === b;
};

/** The session columns whose stored value differs between two states. */
export function changedColumns(before: SessionState, after: SessionState): Array<[PgColumn, unknown]> {
  const old = sessionColumns(before);
  const next = sessionColumns(after);
  return (Object.keys(next) as ColumnKey[])
    .filter((key) => !same(old[key], next[key]))
    .map((key) => [sessions[key], next[key]]);
}

const param = (value: unknown, column: PgColumn): SQL => sql`${sql.param(value, column)}`;
const typed = (value: unknown, column: PgColumn, type: string): SQL => sql`${sql.param(value, column)}::${sql.raw(type)}`;

const EVENT_COLUMNS = ['tenantId', 'sessionId', 'stationId', 'kind', 'seqNo', 'triggerReason', 'offline', 'occurredAt', 'receivedAt', 'dedupeKey', 'payload', 'samples'] as const;

const names = (columns: PgColumn[]): SQL => sql.join(columns.map((c) => sql.identifier(c.name)), sql`, `);

/** The event row, deduplicated on (station, dedupe key); `condition`: only when it holds. */
export function eventInsert(event: SessionEventRecord, condition?: SQL): SQL {
  const columns = EVENT_COLUMNS.map((key) => sessionEvents[key]);
  if (condition) {
    const typedValues = sql.join(EVENT_COLUMNS.map((key) => typed(event[key], sessionEvents[key], sessionEvents[key].getSQLType())), sql`, `);
    return sql`insert into ${sessionEvents} (${names(columns)}) select ${typedValues} where ${condition} on conflict do nothing returning 1`;
  }
  const values = sql.join(EVENT_COLUMNS.map((key) => param(event[key], sessionEvents[key])), sql`, `);
  return sql`insert into ${sessionEvents} (${names(columns)}) values (${values}) on conflict do nothing returning 1`;
}

type Rows<T> = { rows: T[] };

export async function appendToSession(ex: Executor, input: AppendInput): Promise<AppendResult> {
  const sets = changedColumns(input.before, input.after).map(([column, value]) => sql`${sql.identifier(column.name)} = ${param(value, column)}`);
  sets.push(sql`${sql.identifier(sessions.updatedAt.name)} = greatest(${typed(input.now, sessions.updatedAt, 'timestamptz')}, ${sessions.updatedAt} + interval '1 millisecond')`);
  const statement = sql`with ev as (${eventInsert(input.event)}), up as (
    update ${sessions} set ${sql.join(sets, sql`, `)}
    where ${sessions.id} = ${input.before.id} and ${sessions.updatedAt} = ${typed(input.revision, sessions.updatedAt, 'timestamptz')} and exists (select 1 from ev)
    returning ${sessions.updatedAt}
  )
  select exists (select 1 from ev) as inserted, (select ${sql.identifier(sessions.updatedAt.name)} from up) as revision`;
  const result = await ex.execute(statement) as unknown as Rows<{ inserted: boolean; revision: Date | string | null }>;
  const row = result.rows[0];
  if (!row) throw new Error('append statement returned no row');
  return { inserted: row.inserted, revision: row.revision === null ? null : new Date(row.revision) };
}

/** Meter values outside sessions: the event row with its samples (deduplicated); false for a retry. */
export async function appendStationMeterValues(ex: Executor, event: SessionEventRecord): Promise<boolean> {
  const result = await ex.execute(sql`with ev as (${eventInsert(event)}) select exists (select 1 from ev) as inserted`) as unknown as Rows<{ inserted: boolean }>;
  return result.rows[0]?.inserted ?? false;
}
