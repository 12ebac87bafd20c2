// A new session in one statement (one round trip inside the group commit, ADR 069): the event row
// with its samples (deduplicated), the session row and the zombie rule (older active sessions on the
// same EVSE / connector closed as superseded), each step only when the previous one happened, and
// nothing at all when a session with the same (station, transaction id) exists already: the caller
// then reads it and takes the running-session path, as before.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../infra/db/database.js';
import { sessions } from '../../infra/db/schema.js';
import type { SessionState } from './domain/session.js';
import type { ClosedSession, SessionEventRecord } from './ports.js';
import { sessionColumns } from './session-row.js';
import { eventInsert } from './store-append.js';

export type StartInput = { event: SessionEventRecord; session: SessionState; now: Date };

/**
 * existing: a session with this (station, transaction id) is stored (nothing written);
 * inserted: false = the event is a retry (nothing written); revision: the new session's, null when
 * another transaction stored the same session meanwhile (the event is written: the caller fails).
 */
export type StartResult = { existing: boolean; inserted: boolean; revision: Date | null; closed: ClosedSession[] };

const typed = (value: unknown, column: PgColumn): SQL => sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`;

function sessionInsert(s: SessionState, now: Date): SQL {
  const values: Array<[PgColumn, unknown]> = [
    [sessions.id, s.id], [sessions.tenantId, s.tenantId], [sessions.stationId, s.stationId], [sessions.ocppVersion, s.ocppVersion],
    [sessions.externalId, s.externalId],
    ...Object.entries(sessionColumns(s)).map(([key, value]): [PgColumn, unknown] => [sessions[key as keyof ReturnType<typeof sessionColumns>], value]),
    [sessions.createdAt, now], [sessions.updatedAt, now],
  ];
  return sql`insert into ${sessions} (${sql.join(values.map(([c]) => sql.identifier(c.name)), sql`, `)})
    select ${sql.join(values.map(([c, v]) => typed(v, c)), sql`, `)} where exists (select 1 from ev)
    on conflict do nothing returning ${sessions.updatedAt}`;
}

/** closeSuperseded (store.ts) as a CTE that runs only when the session was inserted. */
function supersede(s: SessionState, now: Date): SQL {
  const connector = s.connectorId === null ? sql`` : sql`and (${sessions.connectorId} is null or ${sessions.connectorId} = ${s.connectorId})`;
  return sql`update ${sessions} set ${sql.identifier(sessions.status.name)} = 'closed', ${sql.identifier(sessions.endedAt.name)} = ${typed(s.startedAt, sessions.startedAt)},
      ${sql.identifier(sessions.stoppedReason.name)} = 'superseded',
      ${sql.identifier(sessions.updatedAt.name)} = greatest(${typed(now, sessions.updatedAt)}, ${sessions.updatedAt} + interval '1 millisecond')
    where ${sessions.stationId} = ${s.stationId} and ${sessions.evseId} = ${s.evseId} and ${sessions.status} = 'active' and ${sessions.id} <> ${s.id}
      and ${sessions.startedAt} <= ${typed(s.startedAt, sessions.startedAt)} ${connector} and exists (select 1 from ins)
    returning ${sessions.id}, ${sessions.tenantId}, ${sessions.stationId}, ${sessions.externalId}, ${sessions.evseId}, ${sessions.endedAt}`;
}

type Row = { existing: boolean; inserted: boolean; revision: Date | string | null; closed: Array<{ id: string; tenant_id: string; station_id: string; external_id: string; evse_id: number; ended_at: string | null }> | string | null };

export async function startSession(ex: Executor, input: StartInput): Promise<StartResult> {
  const { session: s, now } = input;
  const guard = sql`exists (select 1 from ${sessions} where ${sessions.stationId} = ${s.stationId} and ${sessions.externalId} = ${s.externalId})`;
  const closes = s.evseId === 0 ? sql`` : sql`, cl as (${supersede(s, now)})`;
  const closed = s.evseId === 0 ? sql`null` : sql`(select json_agg(cl) from cl)`;
  const statement = sql`with present as (select ${guard} as existing),
    ev as (${eventInsert(input.event, sql`not (select existing from present)`)}),
    ins as (${sessionInsert(s, now)})${closes}
    select (select existing from present) as existing, exists (select 1 from ev) as inserted,
      (select ${sql.identifier(sessions.updatedAt.name)} from ins) as revision, ${closed} as closed`;
  const result = await ex.execute(statement) as unknown as { rows: Row[] };
  const row = result.rows[0];
  if (!row) throw new Error('start statement returned no row');
  const closedRows = typeof row.closed === 'string' ? JSON.parse(row.closed) as Exclude<Row['closed'], string> : row.closed;
  return {
    existing: row.existing, inserted: row.inserted, revision: row.revision === null ? null : new Date(row.revision),
    closed: (closedRows ?? []).map((c) => ({
      id: c.id, tenantId: c.tenant_id, stationId: c.station_id, externalId: c.external_id, evseId: c.evse_id, endedAt: c.ended_at ? new Date(c.ended_at) : new Date(0),
    })),
  };
}

/** The next 1.6 transaction id that no session of this station carries yet (an orphan's own id): one statement per try. */
export async function nextFreeOcpp16TransactionId(ex: Executor, stationId: string): Promise<number | null> {
  const result = await ex.execute(sql`select n.id from (select nextval('ocpp16_transaction_id_seq') as id) n
    where not exists (select 1 from ${sessions} where ${sessions.stationId} = ${stationId} and ${sessions.externalId} = n.id::text)`) as unknown as { rows: Array<{ id: number | string }> };
  const row = result.rows[0];
  return row ? Number(row.id) : null;
}
