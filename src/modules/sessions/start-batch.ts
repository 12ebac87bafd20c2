// New sessions, batched (ADR 090): every start of one group-commit batch is written by ONE statement
// of constant text (rows passed as one jsonb parameter, no per-call query building), with the
// semantics of the one-statement start (store-start.ts, ADR 069) per row:
//   present -> nothing written ("existing": the caller takes the ordinary path);
//   a token to check for ConcurrentTx that a running session has -> nothing written ("concurrent":
//   the caller writes it again with the ConcurrentTx decision; ADR 110);
//   the event row, deduplicated on (station, dedupe key) -> not inserted: a retry ("duplicate");
//   the session row (the event carries its samples, ADR 112), and the zombie rule (older active sessions on the same EVSE /
//   connector closed as superseded), each only when the previous step happened.
// A 1.6 start carries no transaction id: the statement takes it from ocpp16_transaction_id_seq, and
// an id that a session of the station carries already (an orphan recorded from the station's own
// id) is never continued: that start is written again with the next id.
// Starts of the same station are written in rounds, one per station per statement, in the order
// they were submitted, so the zombie rule sees the earlier start of the batch exactly as it did when
// every start was its own statement.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import type { BatchWriter, GroupCommitter } from '../../infra/db/group-commit.js';
import type { SessionState } from './domain/session.js';
import type { ClosedSession, SessionEventRecord } from './ports.js';
import { closedEvents } from './session-recorder.js';
import { jsonTime } from './iso-time.js';
import { SESSION_COLUMNS, columnList, recordType } from './batch-columns.js';
import { sessionColumns } from './session-row.js';
import { activeSessionWithToken } from './active-session-lookup.js';

export type BatchStart = {
  event: SessionEventRecord;
  /** The new session; `externalId` is ignored when `allocateId` is set. */
  session: SessionState;
  /** 1.6: the transaction id is taken from ocpp16_transaction_id_seq by the statement. */
  allocateId: boolean;
  /**
   * The start was decided Accepted without the ConcurrentTx read (Authorizer.authorizeStart): the
   * token the statement checks first. Null: the decision is final.
   */
  concurrencyToken: string | null;
};

export type StartOutcome =
  /** Stored: the session's revision, its transaction id, and the older sessions it closed. */
  | { kind: 'started'; externalId: string; revision: Date; closed: ClosedSession[] }
  /** A session with this (station, transaction id) exists: nothing written. */
  | { kind: 'existing' }
  /** The event is a retry of a stored one: nothing written. */
  | { kind: 'duplicate' }
  /** `concurrencyToken` has a running session: nothing written (decide ConcurrentTx and write again). */
  | { kind: 'concurrent' };

/** Rows per statement: keeps the jsonb parameters small. */
const MAX_PER_STATEMENT = 500;
/** A 1.6 start whose allocated id an orphan carries tries the next id; this many times at most in one batch. */
const MAX_ID_TRIES = 1000;

// The event columns of a start (tenant and station come with the session); session columns:
// batch-columns.ts.
const EVENT_COLUMNS = [
  ['kind', 'text'], ['seq_no', 'integer'], ['trigger_reason', 'text'], ['offline', 'boolean'],
  ['occurred_at', 'timestamptz'], ['received_at', 'timestamptz'], ['dedupe_key', 'text'], ['payload', 'jsonb'], ['samples', 'jsonb'],
] as const;


/**
 * The whole statement is constant text: only the jsonb document, the row count and the clock vary.
 * `i` is materialized so that nextval runs once per 1.6 row; each later step joins the rows of the
 * step before it (event inserted -> session inserted -> zombie rule).
 */
const HEAD = `with i as materialized (
  select x.*, coalesce(x.external_id, nextval('ocpp16_transaction_id_seq')::text) as ext
  from jsonb_to_recordset(`;
const AFTER_ROWS = `::jsonb) as x(n integer, id text, tenant_id text, station_id text, ocpp_version text, external_id text, cc_token text,
    ${recordType(SESSION_COLUMNS)}, ${recordType(EVENT_COLUMNS, 'e_')})
  order by x.n
  limit `;
// The limit is the number of rows: PostgreSQL estimates every jsonb_to_recordset at 100 rows, and for
// 100 probes it hashed a scan of the whole sessions table instead of looking each start up in the
// (station_id, external_id) index (ADR 107). A limit it can see sizes the plan to the batch.
// `concurrent`: the ConcurrentTx check of an Accepted start, in the write's own round trip, on the
// statement's snapshot (ADR 110).
const AFTER_LIMIT = `
), p as (
  select i.n, exists (select 1 from sessions s where s.station_id = i.station_id and s.external_id = i.ext) as existing,
    i.cc_token is not null and ${activeSessionWithToken('i.tenant_id', 'i.cc_token')} as concurrent
  from i
), ev as (
  insert into session_events (tenant_id, session_id, station_id, ${columnList(EVENT_COLUMNS)})
  select i.tenant_id, i.id, i.station_id, ${columnList(EVENT_COLUMNS, 'i.e_')} from i join p on p.n = i.n
  where not p.existing and not p.concurrent order by i.n
  on conflict do nothing
  returning session_id
), ins as (
  insert into sessions (id, tenant_id, station_id, ocpp_version, external_id, ${columnList(SESSION_COLUMNS)}, created_at, updated_at)
  select i.id, i.tenant_id, i.station_id, i.ocpp_version, i.ext, ${columnList(SESSION_COLUMNS, 'i.')}, t.now, t.now
  from i join ev on ev.session_id = i.id cross join (select `;
const AFTER_NOW = `::timestamptz as now) t order by i.n
  on conflict do nothing
  returning id, updated_at
), cl as (
  update sessions s set status = 'closed', ended_at = i.started_at, stopped_reason = 'superseded',
    updated_at = greatest(t.now, s.updated_at + interval '1 millisecond')
  from i join ins on ins.id = i.id cross join (select `;
const TAIL = `::timestamptz as now) t
  where i.evse_id <> 0 and s.station_id = i.station_id and s.evse_id = i.evse_id and s.status = 'active' and s.id <> i.id
    and s.started_at <= i.started_at and (i.connector_id is null or s.connector_id is null or s.connector_id = i.connector_id)
  returning i.n, s.id, s.tenant_id, s.station_id, s.external_id, s.evse_id, s.ended_at
)
select i.n, i.ext, p.existing, p.concurrent, ev.session_id is not null as inserted, ins.updated_at as revision,
  (select json_agg(json_build_object('id', cl.id, 'tenant_id', cl.tenant_id, 'station_id', cl.station_id, 'external_id', cl.external_id,
    'evse_id', cl.evse_id, 'ended_at', cl.ended_at)) from cl where cl.n = i.n) as closed
from i join p on p.n = i.n left join ev on ev.session_id = i.id left join ins on ins.id = i.id
order by i.n`;

type ClosedRow = { id: string; tenant_id: string; station_id: string; external_id: string; evse_id: number; ended_at: string | null };
type Row = { n: number; ext: string; existing: boolean; concurrent: boolean; inserted: boolean; revision: Date | string | null; closed: ClosedRow[] | string | null };

/**
 * What one row of the statement did. `taken`: a 1.6 start whose allocated id a session of the
 * station carries (write it again); throws when the event was stored but the session was not (the
 * same session stored meanwhile by another transaction: the batch rolls back, as it did before).
 */
type RowResult = StartOutcome | { kind: 'taken' };

/** One statement for `inputs` (at most one per station); per input what happened. */
export async function startBatch(ex: Executor, inputs: readonly BatchStart[], now: Date): Promise<RowResult[]> {
  const rowsJson: unknown[] = [];
  inputs.forEach((input, n) => {
    const s = input.session;
    const c = sessionColumns(s);
    const e = input.event;
    rowsJson.push({
      n, id: s.id, tenant_id: s.tenantId, station_id: s.stationId, ocpp_version: s.ocppVersion, external_id: input.allocateId ? null : s.externalId,
      cc_token: input.concurrencyToken,
      evse_id: c.evseId, connector_id: c.connectorId, status: c.status, id_token: c.idToken, id_token_type: c.idTokenType, group_id_token: c.groupIdToken,
      authorization_status: c.authorizationStatus, authorization_method: c.authorizationMethod, reservation_id: c.reservationId, remote_start_id: c.remoteStartId,
      started_at: jsonTime(c.startedAt), ended_at: jsonTime(c.endedAt), meter_start_wh: c.meterStartWh, meter_stop_wh: c.meterStopWh, energy_wh: c.energyWh,
      last_meter_at: jsonTime(c.lastMeterAt), charging_state: c.chargingState, stopped_reason: c.stoppedReason, last_seq_no: c.lastSeqNo,
      had_offline_events: c.hadOfflineEvents, anomalies: c.anomalies, last_reading_at: jsonTime(c.lastReadingAt), last_reading_wh: c.lastReadingWh, readings_in_row: c.readingsInRow,
      e_kind: e.kind, e_seq_no: e.seqNo, e_trigger_reason: e.triggerReason, e_offline: e.offline,
      e_occurred_at: jsonTime(e.occurredAt), e_received_at: jsonTime(e.receivedAt), e_dedupe_key: e.dedupeKey, e_payload: e.payload, e_samples: e.samples,
    });
  });
  const at = now.toISOString();
  const statement = sql`${sql.raw(HEAD)}${JSON.stringify(rowsJson)}${sql.raw(AFTER_ROWS)}${inputs.length}${sql.raw(AFTER_LIMIT)}${at}${sql.raw(AFTER_NOW)}${at}${sql.raw(TAIL)}`;
  const result = await ex.execute(statement) as unknown as { rows: Row[] };
  const outcomes: RowResult[] = inputs.map(() => ({ kind: 'existing' }));
  for (const row of result.rows) {
    const input = inputs[row.n]!;
    if (row.existing) {
      outcomes[row.n] = input.allocateId ? { kind: 'taken' } : { kind: 'existing' };
    } else if (row.concurrent) {
      outcomes[row.n] = { kind: 'concurrent' };
    } else if (!row.inserted) {
      outcomes[row.n] = { kind: 'duplicate' };
    } else if (row.revision === null) {
      throw new Error(`session ${input.session.stationId}/${row.ext} changed concurrently`);
    } else {
      const closedRows = typeof row.closed === 'string' ? JSON.parse(row.closed) as ClosedRow[] : row.closed;
      outcomes[row.n] = {
        kind: 'started', externalId: row.ext, revision: new Date(row.revision),
        closed: (closedRows ?? []).map((c) => ({
          id: c.id, tenantId: c.tenant_id, stationId: c.station_id, externalId: c.external_id, evseId: c.evse_id, endedAt: c.ended_at ? new Date(c.ended_at) : new Date(0),
        })),
      };
    }
  }
  return outcomes;
}

/** A start waiting for its batch; `outcome` is set by the last run of the writer (it may run again). */
type Item = { input: BatchStart; outcome: StartOutcome | null };

/**
 * The BatchWriter of new sessions: the starts of one group-commit batch go through `startBatch`
 * in rounds (one start per station per statement, in submission order), then their Closed events
 * (only when the zombie rule closed something) in one insert.
 */
export class StartBatcher implements BatchWriter<Item> {
  constructor(private readonly commits: GroupCommitter, private readonly insertEvents: (tx: Executor, events: SessionEventRecord[]) => Promise<void>, private readonly now: () => Date) {}

  /** Resolves after the COMMIT that stored it (or found it existing / a retry). */
  async submit(input: BatchStart): Promise<StartOutcome> {
    const item: Item = { input, outcome: null };
    await this.commits.submit(this, item);
    if (!item.outcome) throw new Error('start was not written');
    return item.outcome;
  }

  async write(tx: Executor, items: readonly Item[]): Promise<void> {
    const now = this.now();
    // Per station, its starts in submission order; each statement takes the head of every queue.
    const queues = new Map<string, Item[]>();
    for (const item of items) {
      item.outcome = null;
      const queue = queues.get(item.input.session.stationId);
      if (queue) queue.push(item);
      else queues.set(item.input.session.stationId, [item]);
    }
    const closedRows: SessionEventRecord[] = [];
    let tries = 0;
    while (queues.size > 0) {
      const heads: Item[] = [];
      for (const queue of queues.values()) {
        heads.push(queue[0]!);
        if (heads.length >= MAX_PER_STATEMENT) break;
      }
      const results = await startBatch(tx, heads.map((item) => item.input), now);
      heads.forEach((item, k) => {
        const result = results[k]!;
        if (result.kind === 'taken') {
          tries += 1;
          if (tries > MAX_ID_TRIES) throw new Error('no free 1.6 transaction id found');
          return; // stays at the head of its queue: written again with the next id
        }
        item.outcome = result;
        if (result.kind === 'started' && result.closed.length > 0) {
          const s = item.input.session;
          closedRows.push(...closedEvents(result.closed, 'superseded', `a newer session (${result.externalId}) started on EVSE ${s.evseId}`, now));
        }
        const stationId = item.input.session.stationId;
        const queue = queues.get(stationId)!;
        queue.shift();
        if (queue.length === 0) queues.delete(stationId);
      });
    }
    if (closedRows.length > 0) await this.insertEvents(tx, closedRows);
  }
}
