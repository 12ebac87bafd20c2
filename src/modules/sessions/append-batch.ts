// The steady path of running sessions, batched: every meter value / Updated / Ended that the
// recorder could apply to its cached session in one group-commit batch is written by ONE statement
// (rows passed as two jsonb parameters, no per-message query building). Each message is applied
// only if its session is still at the cached revision and its dedupe key was never stored; then
// its event row (with its samples, ADR 112) and session columns are written together. A message not applied left
// nothing behind, so its caller takes the ordinary path (SessionRecorder.record), which handles
// retries, sessions that moved on, histories and errors exactly as before (ADR 015).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import type { SessionState } from './domain/session.js';
import type { SessionEventRecord } from './ports.js';
import { jsonTime } from './iso-time.js';
import { SESSION_COLUMNS, recordType } from './batch-columns.js';
import { sessionColumns } from './session-row.js';

export type BatchAppend = {
  event: SessionEventRecord;
  /** The session after the message, and the revision it was computed from. */
  after: SessionState;
  revision: Date;
};

/** Inputs per statement: keeps the jsonb parameters to a few MB. */
const MAX_PER_STATEMENT = 1000;

// The event columns of an appended message (the station and tenant are the event's own);
// session columns: batch-columns.ts.
const EVENT_COLUMNS = [
  ['tenant_id', 'text'], ['station_id', 'text'], ['kind', 'text'], ['seq_no', 'integer'], ['trigger_reason', 'text'], ['offline', 'boolean'],
  ['occurred_at', 'timestamptz'], ['received_at', 'timestamptz'], ['dedupe_key', 'text'], ['payload', 'jsonb'], ['samples', 'jsonb'],
] as const;

/** The whole statement is constant text: only the jsonb document and the clock vary. */
const HEAD = `with i as (
  select * from jsonb_to_recordset(`;
const MIDDLE = `::jsonb) as x(n integer, id text, revision timestamptz, ${recordType(SESSION_COLUMNS)}, ${recordType(EVENT_COLUMNS, 'e_')})
), up as (
  update sessions s set ${SESSION_COLUMNS.map(([name]) => `${name} = i.${name}`).join(', ')}, updated_at = greatest(`;
const AFTER_NOW = `::timestamptz, s.updated_at + interval '1 millisecond')
  from i
  where s.id = i.id and s.updated_at = i.revision
    -- the ids again as an array: the join alone was planned as a hash join over a scan of the whole
    -- sessions table (jsonb_to_recordset is always estimated at 100 rows); = any(...) probes the key (ADR 107)
    and s.id = any(array(select id from i))
    and not exists (select 1 from session_events e where e.station_id = i.e_station_id and e.dedupe_key = i.e_dedupe_key)
  returning s.id, s.updated_at
), ev as (
  insert into session_events (session_id, ${EVENT_COLUMNS.map(([name]) => name).join(', ')})
  select i.id, ${EVENT_COLUMNS.map(([name]) => `i.e_${name}`).join(', ')} from i join up on up.id = i.id order by i.n
  on conflict do nothing
)
select i.n, up.updated_at as revision from i left join up on up.id = i.id`;

type Rows<T> = { rows: T[] };

/** One statement for `inputs` (distinct sessions); per input the new revision, or null when it was not applied. */
export async function appendBatch(ex: Executor, inputs: readonly BatchAppend[], now: Date): Promise<Array<Date | null>> {
  const sessionsJson: unknown[] = [];
  inputs.forEach((input, n) => {
    const c = sessionColumns(input.after);
    const e = input.event;
    sessionsJson.push({
      n, id: input.after.id, revision: jsonTime(input.revision),
      evse_id: c.evseId, connector_id: c.connectorId, status: c.status, id_token: c.idToken, id_token_type: c.idTokenType, group_id_token: c.groupIdToken,
      authorization_status: c.authorizationStatus, authorization_method: c.authorizationMethod, reservation_id: c.reservationId, remote_start_id: c.remoteStartId,
      started_at: jsonTime(c.startedAt), ended_at: jsonTime(c.endedAt), meter_start_wh: c.meterStartWh, meter_stop_wh: c.meterStopWh, energy_wh: c.energyWh,
      last_meter_at: jsonTime(c.lastMeterAt), charging_state: c.chargingState, stopped_reason: c.stoppedReason, last_seq_no: c.lastSeqNo,
      had_offline_events: c.hadOfflineEvents, anomalies: c.anomalies, last_reading_at: jsonTime(c.lastReadingAt), last_reading_wh: c.lastReadingWh, readings_in_row: c.readingsInRow,
      e_tenant_id: e.tenantId, e_station_id: e.stationId, e_kind: e.kind, e_seq_no: e.seqNo, e_trigger_reason: e.triggerReason, e_offline: e.offline,
      e_occurred_at: jsonTime(e.occurredAt), e_received_at: jsonTime(e.receivedAt), e_dedupe_key: e.dedupeKey, e_payload: e.payload, e_samples: e.samples,
    });
  });
  const statement = sql`${sql.raw(HEAD)}${JSON.stringify(sessionsJson)}${sql.raw(MIDDLE)}${now.toISOString()}${sql.raw(AFTER_NOW)}`;
  const result = await ex.execute(statement) as unknown as Rows<{ n: number; revision: Date | string | null }>;
  const revisions: Array<Date | null> = inputs.map(() => null);
  for (const row of result.rows) revisions[row.n] = row.revision === null ? null : new Date(row.revision);
  return revisions;
}

type Waiting = { input: BatchAppend; resolve: (revision: Date | null) => void };

/**
 * Gathers the appends submitted while a group commit is pending into one work item of that batch.
 * The work item takes what has queued up when the batch runs (so it adds no turn of latency) and
 * keeps the same inputs if the committer runs it again. A session appears once per statement;
 * a second message of the same session is answered "not applied" and takes the ordinary path.
 */
export class AppendBatcher {
  private waiting: Waiting[] = [];
  private itemQueued = false;

  constructor(private readonly commits: GroupCommitter, private readonly now: () => Date) {}

  /** The new revision once committed, or null: not applied, nothing written (take the ordinary path). */
  submit(input: BatchAppend): Promise<Date | null> {
    return new Promise((resolve) => {
      this.waiting.push({ input, resolve });
      if (!this.itemQueued) this.queueItem();
    });
  }

  private queueItem(): void {
    this.itemQueued = true;
    let taken: Waiting[] | null = null;
    this.commits.run(async (tx) => {
      if (taken === null) {
        taken = this.waiting;
        this.waiting = [];
        this.itemQueued = false;
      }
      return this.write(tx, taken);
    }).then(
      (revisions) => taken!.forEach((w, i) => w.resolve(revisions[i] ?? null)),
      // A failed batch: every message takes the ordinary path, which reports its own error.
      () => (taken ?? []).forEach((w) => w.resolve(null)),
    ).finally(() => {
      if (taken === null) {
        // The committer gave up before running the item (closed): the waiting messages go the ordinary way.
        const stranded = this.waiting;
        this.waiting = [];
        this.itemQueued = false;
        stranded.forEach((w) => w.resolve(null));
      }
    });
  }

  private async write(tx: Executor, taken: Waiting[]): Promise<Array<Date | null>> {
    const revisions: Array<Date | null> = taken.map(() => null);
    const now = this.now();
    let chunk: number[] = [];
    const seen = new Set<string>();
    const flush = async () => {
      if (chunk.length === 0) return;
      const written = await appendBatch(tx, chunk.map((i) => taken[i]!.input), now);
      chunk.forEach((i, k) => { revisions[i] = written[k] ?? null; });
      chunk = [];
    };
    for (let i = 0; i < taken.length; i++) {
      const id = taken[i]!.input.after.id;
      if (seen.has(id)) continue; // a second message of this session in the batch: ordinary path
      seen.add(id);
      chunk.push(i);
      if (chunk.length >= MAX_PER_STATEMENT) await flush();
    }
    await flush();
    return revisions;
  }
}
