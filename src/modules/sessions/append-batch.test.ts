import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { GroupCommitter } from '../../infra/db/group-commit.js';
import { stations } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { appendBatch, AppendBatcher, type BatchAppend } from './append-batch.js';
import type { SessionState } from './domain/session.js';
import { createSessionStore } from './store.js';
import { runningSession } from './testing.js';

const store = createSessionStore();
const A = 'default';
const t = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute));

const session = runningSession;

function append(before: SessionState, revision: Date, key: string, minute: number, energyWh: string, patch: Partial<SessionState> = {}): BatchAppend {
  const reading = { at: t(minute), wh: String(1000 + Number(energyWh)) };
  const after = { ...before, energyWh, lastMeterAt: t(minute), lastReading: reading, lastSeqNo: (before.lastSeqNo ?? 0) + 1, ...patch };
  return {
    event: {
      tenantId: A, sessionId: before.id, stationId: before.stationId, kind: 'Updated', seqNo: after.lastSeqNo, triggerReason: 'MeterValuePeriodic',
      offline: false, occurredAt: t(minute), receivedAt: t(minute), dedupeKey: key, payload: { seqNo: after.lastSeqNo, note: 'payload kept as sent' },
      samples: [
        { evse_id: 1, sampled_at: t(minute).toISOString(), measurand: 'Energy.Active.Import.Register', phase: null, location: 'Outlet', context: 'Sample.Periodic', unit: 'Wh', value: reading.wh, signed: null },
        { evse_id: 1, sampled_at: t(minute).toISOString(), measurand: 'Power.Active.Import', phase: null, location: 'Outlet', context: 'Sample.Periodic', unit: 'W', value: '11000.5', signed: { signedMeterData: 'x' } },
      ],
    },
    after, revision,
  };
}

/** Rows of session_events, or sampled values (the meter_samples view, ADR 112), of a session. */
const count = async (db: Executor, table: 'session_events' | 'meter_samples', sessionId: string): Promise<number> => {
  const result = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where session_id = ${sessionId}`) as unknown as { rows: Array<{ n: number }> };
  return result.rows[0]!.n;
};

for (const target of databaseTargets()) {
  describe(`batched session appends (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(stations).values([{ id: 'ST-1', tenantId: A, registrationStatus: 'Accepted', securityProfile: 0 }]);
    });
    after(async () => { await handle.close(); });

    it('J02 / E02: writes event (with its samples) and session columns of several sessions in one statement, exactly', async () => {
      const now = new Date(Date.UTC(2030, 0, 1, 11));
      const s1 = session('B-1');
      const s2 = session('B-2', { externalId: 'tx-B-2' });
      const r1 = (await store.insertSession(db, s1, t(0)))!;
      const r2 = (await store.insertSession(db, s2, t(0)))!;
      const ended = { status: 'completed' as const, endedAt: t(3), meterStopWh: '1012.3456', stoppedReason: 'Local', chargingState: 'Idle' };
      const revisions = await appendBatch(db, [append(s1, r1, 'k-1-1', 1, '10.0001'), append(s2, r2, 'k-2-1', 2, '12.3456', ended)], now);
      assert.equal(revisions.length, 2);
      assert.ok(revisions.every((revision) => revision?.getTime() === now.getTime()), 'the new revision is the write time');
      const stored1 = (await store.findById(db, 'B-1'))!;
      assert.equal(stored1.state.energyWh, '10.0001');
      assert.equal(stored1.state.lastSeqNo, 1);
      assert.equal(stored1.revision.getTime(), now.getTime());
      assert.deepEqual(stored1.state.lastReading, { at: t(1), wh: '1010.0001' });
      const stored2 = (await store.findById(db, 'B-2'))!;
      assert.equal(stored2.state.status, 'completed');
      assert.equal(stored2.state.meterStopWh, '1012.3456');
      assert.equal(stored2.state.endedAt?.getTime(), t(3).getTime());
      assert.equal(await count(db, 'session_events', 'B-1'), 1);
      assert.equal(await count(db, 'meter_samples', 'B-2'), 2);
      const samples = await db.execute(sql`select evse_id, sampled_at, measurand, unit, value::text as value, signed from meter_samples where session_id = 'B-2' order by sampled_at, seq`) as unknown as { rows: Array<Record<string, unknown>> };
      assert.deepEqual(samples.rows.map((r) => [r['evse_id'], new Date(r['sampled_at'] as string).getTime(), r['measurand'], r['unit'], r['value'], r['signed']]), [
        [1, t(2).getTime(), 'Energy.Active.Import.Register', 'Wh', '1012.3456', null],
        [1, t(2).getTime(), 'Power.Active.Import', 'W', '11000.5', { signedMeterData: 'x' }],
      ], 'values exact, in the order sent, signed data kept');
      const event = await store.findEventByKey(db, 'ST-1', 'k-1-1');
      assert.deepEqual(event, { sessionId: 'B-1', payload: { seqNo: 1, note: 'payload kept as sent' } });
    });

    it('writes nothing for a retried dedupe key or a revision that moved on, and the rest of the batch still applies', async () => {
      const s = session('B-3', { externalId: 'tx-B-3' });
      const revision = (await store.insertSession(db, s, t(0)))!;
      const now = new Date(Date.UTC(2030, 0, 1, 12));
      const [first] = await appendBatch(db, [append(s, revision, 'k-3-1', 1, '5')], now);
      assert.ok(first);
      const after1 = (await store.findById(db, 'B-3'))!;
      const later = new Date(Date.UTC(2030, 0, 1, 13));
      const other = session('B-4', { externalId: 'tx-B-4' });
      const otherRevision = (await store.insertSession(db, other, t(0)))!;
      const results = await appendBatch(db, [
        append(after1.state, after1.revision, 'k-3-1', 2, '99'), // same key again: a retry
        append(s, revision, 'k-3-2', 3, '77'), // computed from the old revision
        append(other, otherRevision, 'k-4-1', 1, '1'),
      ], later);
      assert.deepEqual(results.map((r) => r !== null), [false, false, true]);
      const stored = (await store.findById(db, 'B-3'))!;
      assert.equal(stored.state.energyWh, '5', 'not applied: the session is unchanged');
      assert.equal(stored.revision.getTime(), after1.revision.getTime());
      assert.equal(await count(db, 'session_events', 'B-3'), 1, 'no event row for messages not applied');
      assert.equal(await count(db, 'meter_samples', 'B-3'), 2, 'no samples for messages not applied');
      assert.equal(await count(db, 'meter_samples', 'B-4'), 2);
    });

    it('the batcher answers a second message of the same session in one batch as not applied (it takes the ordinary path)', async () => {
      const s = session('B-5', { externalId: 'tx-B-5' });
      const revision = (await store.insertSession(db, s, t(0)))!;
      const commits = new GroupCommitter(db);
      const batcher = new AppendBatcher(commits, () => new Date(Date.UTC(2030, 0, 1, 14)));
      const [a, b] = await Promise.all([batcher.submit(append(s, revision, 'k-5-1', 1, '1')), batcher.submit(append(s, revision, 'k-5-2', 2, '2'))]);
      assert.ok(a);
      assert.equal(b, null);
      assert.equal(await count(db, 'session_events', 'B-5'), 1);
      await commits.close();
    });
  });
}
