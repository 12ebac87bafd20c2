// Child process: the storage ceiling. The persistence engine ChargeOps uses (the same pg pool of 10,
// or PGlite on disk, opened by the same code), doing nothing but batched inserts of rows shaped like
// meter values, one transaction per batch, as many batches in flight as ChargeOps' group committer
// allows (4 on PostgreSQL, 1 on PGlite). No CSMS logic, no reads: what the database can take.
// Env BENCH_STORAGE_OPTIONS = { database: DatabaseOptions }. Answers 'run' and 'stop'.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseOptions } from '../../infra/db/database.js';
import { onParentMessage, sendToParent } from '../child-runtime.js';

export type StorageRunCommand = { type: 'run'; durationMs: number; batchRows: number; inFlight: number };
export type StorageRunReport = { rows: number; batches: number; windowMs: number; commitMs: number[]; cpuSeconds: number };

const options = JSON.parse(process.env['BENCH_STORAGE_OPTIONS'] ?? '{}') as { database: DatabaseOptions };
const handle = await openDatabase(options.database);
const { db } = handle;

// meter_values' columns and indexes (schema-sessions.ts), in a table of its own: no foreign keys to satisfy.
await db.execute(sql.raw(`create table if not exists bench_meter_values (
  id bigserial primary key, tenant_id text not null, station_id text not null, session_id text, evse_id integer not null,
  sampled_at timestamptz not null, measurand text not null, phase text, location text, context text, unit text,
  value numeric not null, signed jsonb)`));
await db.execute(sql.raw('create index if not exists bench_meter_values_session_idx on bench_meter_values (tenant_id, session_id, sampled_at)'));
await db.execute(sql.raw('create index if not exists bench_meter_values_station_idx on bench_meter_values (tenant_id, station_id, sampled_at)'));

let sequence = 0;

/** One multi-row insert of `rows` meter-value rows (unnest of one array per column). */
function batchInsert(rows: number) {
  const stationIds: string[] = [];
  const sessionIds: string[] = [];
  const sampledAt: string[] = [];
  const measurands: string[] = [];
  const values: string[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < rows; i++) {
    sequence += 1;
    const station = sequence % 2000;
    stationIds.push(`CEIL-${String(station).padStart(6, '0')}`);
    sessionIds.push(`session-${station}-${Math.floor(sequence / 20_000)}`);
    sampledAt.push(now);
    measurands.push(i % 2 === 0 ? 'Energy.Active.Import.Register' : 'Power.Active.Import');
    values.push(String(sequence));
  }
  return sql`insert into bench_meter_values (tenant_id, station_id, session_id, evse_id, sampled_at, measurand, phase, location, context, unit, value)
    select 'default', s, sid, 1, at, m, null, 'Outlet', 'Sample.Periodic', 'Wh', v
    from unnest(${sql.param(stationIds)}::text[], ${sql.param(sessionIds)}::text[], ${sql.param(sampledAt)}::timestamptz[], ${sql.param(measurands)}::text[], ${sql.param(values)}::numeric[]) as u(s, sid, at, m, v)`;
}

async function run(command: StorageRunCommand): Promise<StorageRunReport> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + command.durationMs;
  const commitMs: number[] = [];
  let rows = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const begun = performance.now();
      await db.transaction(async (tx) => {
        await tx.execute(batchInsert(command.batchRows));
      });
      commitMs.push(Math.round((performance.now() - begun) * 100) / 100);
      rows += command.batchRows;
    }
  };
  await Promise.all(Array.from({ length: command.inFlight }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { rows, batches: commitMs.length, windowMs: performance.now() - started, commitMs, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

onParentMessage({
  run: async (message) => sendToParent({ type: 'run-done', report: await run(message as unknown as StorageRunCommand) }),
  stop: async () => {
    await handle.close();
    process.exit(0);
  },
});
sendToParent({ type: 'ready' });
