// Migration 0023 on a database that holds sessions and meter values written before it (ADR 112):
// nothing stored is lost or changed, a running session continues its energy count exactly from its
// legacy readings, and its series reads the old rows and the new samples as one.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { TransactionEventRequest } from '../../protocol/ocpp201/generated/types.js';
import { migrateDatabase, migrationsFolder, type DatabaseHandle } from '../../infra/db/database.js';
import { databaseTargets, type DatabaseTarget } from '../../infra/db/test-database.js';
import { sessionHandlers2x } from './ocpp2x/handlers.js';
import { createSessionQueryStore } from './query-store.js';
import { openHarness, type Harness } from './testing.js';

const { TransactionEvent } = sessionHandlers2x as Required<typeof sessionHandlers2x>;
const queries = createSessionQueryStore();
const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 9, minute)).toISOString();

/** The committed migrations up to and including `lastTag`, in a scratch folder. */
function migrationsUpTo(lastTag: string): { folder: string; dispose(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'chargeops-migrations-'));
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  assert.ok(last >= 0, `migration ${lastTag} exists`);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return { folder, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

async function migrateTo(handle: DatabaseHandle, folder: string): Promise<void> {
  if (handle.kind === 'pglite') await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  else await migrateNodePg(handle.db as unknown as NodePgDatabase, { migrationsFolder: folder });
}

/** Writes what a build before 0023 stored for a running 2.0.1 session: its row, its events, one meter_values row per sample. */
async function storeLegacySession(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql.raw(`
    insert into stations (tenant_id, id, registration_status, security_profile) values ('default', 'UPG-1', 'Accepted', 0);
  `));
  await handle.db.execute(sql.raw(`
    insert into sessions (id, tenant_id, station_id, evse_id, connector_id, ocpp_version, external_id, status, started_at,
      meter_start_wh, energy_wh, last_meter_at, charging_state, last_seq_no, created_at, updated_at)
    values ('S-UPG', 'default', 'UPG-1', 1, 1, 'ocpp2.0.1', 'TX-UPG', 'active', '${at(0)}', 1000, 12.5, '${at(2)}', 'Charging', 1, '${at(0)}', '${at(2)}');
  `));
  await handle.db.execute(sql.raw(`
    insert into session_events (tenant_id, session_id, station_id, kind, seq_no, trigger_reason, offline, occurred_at, received_at, dedupe_key, payload) values
      ('default', 'S-UPG', 'UPG-1', 'Started', 0, 'Authorized', false, '${at(0)}', '${at(0)}', '2x:tx:TX-UPG:0', '{"seqNo":0}'),
      ('default', 'S-UPG', 'UPG-1', 'Updated', 1, 'MeterValuePeriodic', false, '${at(2)}', '${at(2)}', '2x:tx:TX-UPG:1', '{"seqNo":1}');
  `));
  await handle.db.execute(sql.raw(`
    insert into meter_values (tenant_id, station_id, session_id, evse_id, sampled_at, measurand, phase, location, context, unit, value, signed) values
      ('default', 'UPG-1', 'S-UPG', 1, '${at(0)}', 'Energy.Active.Import.Register', null, 'Outlet', 'Transaction.Begin', 'Wh', 1000, null),
      ('default', 'UPG-1', 'S-UPG', 1, '${at(2)}', 'Energy.Active.Import.Register', null, 'Outlet', 'Sample.Periodic', 'Wh', 1012.5, null),
      ('default', 'UPG-1', 'S-UPG', 1, '${at(2)}', 'Power.Active.Import', null, 'Outlet', 'Sample.Periodic', 'W', 7400, '"OCMF|signed"');
  `));
}

for (const base of databaseTargets()) {
  describe(`ADR 112: migration 0023 on stored sessions (${base.name})`, () => {
    let h: Harness;
    before(async () => {
      const upTo0022 = migrationsUpTo('0022_concurrent_tx_check_indexes');
      const upgraded: DatabaseTarget = {
        name: base.name,
        open: async () => {
          const handle = await base.open({ migrate: false });
          try {
            await migrateTo(handle, upTo0022.folder);
            await storeLegacySession(handle);
            await migrateDatabase(handle); // 0023 and anything after it
          } catch (error) {
            await handle.close();
            throw error;
          } finally {
            upTo0022.dispose();
          }
          return handle;
        },
      };
      h = await openHarness(upgraded, {}, ['UPG-OTHER']);
    });
    after(() => h.close());

    const send = (request: TransactionEventRequest) => TransactionEvent(h.ctx('UPG-1', 'ocpp2.0.1'), request);
    const energy = (minute: number, wh: number) => ({ timestamp: at(minute), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register' as const }] });

    it('E02 / J02: the stored session continues from its legacy readings; its series reads old rows and new samples in time order', async () => {
      const before = await h.queries.detail('default', 'S-UPG');
      assert.equal(before.session.energyWh, '12.5', 'nothing changed by the migration');
      assert.equal((await queries.meterValues(h.db, 'default', 'S-UPG')).length, 3, 'the legacy rows are read');

      await send({ eventType: 'Updated', seqNo: 2, timestamp: at(4), triggerReason: 'MeterValuePeriodic', transactionInfo: { transactionId: 'TX-UPG' }, meterValue: [energy(4, 1030)] });
      assert.equal((await h.queries.detail('default', 'S-UPG')).session.energyWh, '30', 'continued from the legacy last reading (1012.5 Wh), not restarted');
      // A reading older than the newest one arrives late: the energy is recomputed over legacy rows and new samples.
      await send({ eventType: 'Updated', seqNo: 3, timestamp: at(3), triggerReason: 'MeterValuePeriodic', transactionInfo: { transactionId: 'TX-UPG' }, meterValue: [energy(3, 1020)] });
      await send({ eventType: 'Ended', seqNo: 4, timestamp: at(5), triggerReason: 'StopAuthorized', transactionInfo: { transactionId: 'TX-UPG', stoppedReason: 'Local' }, meterValue: [energy(5, 1040.25)] });

      const detail = await h.queries.detail('default', 'S-UPG');
      assert.equal(detail.session.status, 'completed');
      assert.equal(detail.session.energyWh, '40.25', 'exact: 1040.25 - 1000 Wh');
      assert.equal(detail.session.meterStopWh, '1040.25');
      assert.deepEqual(detail.session.anomalies, [], 'a late reading is no anomaly');
      const series = (await queries.meterValues(h.db, 'default', 'S-UPG')).map((m) => [m.sampledAt.toISOString(), m.measurand, m.value, m.signed]);
      assert.deepEqual(series, [
        [at(0), 'Energy.Active.Import.Register', '1000', null],
        [at(2), 'Energy.Active.Import.Register', '1012.5', null],
        [at(2), 'Power.Active.Import', '7400', 'OCMF|signed'],
        [at(3), 'Energy.Active.Import.Register', '1020', null],
        [at(4), 'Energy.Active.Import.Register', '1030', null],
        [at(5), 'Energy.Active.Import.Register', '1040.25', null],
      ]);
      const rows = await h.db.execute(sql`select (select count(*)::int from meter_values) as legacy, (select count(*)::int from session_events where session_id = 'S-UPG') as events`) as unknown as { rows: Array<{ legacy: number; events: number }> };
      assert.deepEqual(rows.rows[0], { legacy: 3, events: 5 }, 'no legacy row lost or added; one event row per message');
    });
  });
}
