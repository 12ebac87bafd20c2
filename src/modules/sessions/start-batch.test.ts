import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { GroupCommitter } from '../../infra/db/group-commit.js';
import { stations } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { activeTokens, createActiveSessionLookup } from './active-session-lookup.js';
import type { SessionState } from './domain/session.js';
import type { StoredSample } from '../../infra/db/schema.js';
import { startBatch, StartBatcher, type BatchStart } from './start-batch.js';
import { createSessionStore } from './store.js';
import { counted } from '../../testing/statement-counter.js';
import { runningSession } from './testing.js';

const store = createSessionStore();
const A = 'default';
const t = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute));

/** A started session whose first reading (applySessionEvent's lastReading) is its meter start. */
const session = (id: string, patch: Partial<SessionState> = {}): SessionState => {
  const s = runningSession(id, { meterStartWh: '1000.5', lastMeterAt: t(0), ...patch });
  return { ...s, lastReading: s.meterStartWh === null ? null : { at: s.startedAt, wh: s.meterStartWh } };
};

const reading = (s: SessionState, value: string, measurand = 'Energy.Active.Import.Register', unit = 'Wh'): StoredSample => ({
  evse_id: s.evseId, sampled_at: s.startedAt.toISOString(), measurand, phase: null, location: 'Outlet', context: 'Transaction.Begin', unit, value, signed: null,
});

function start(s: SessionState, key: string, options: { allocateId?: boolean; samples?: StoredSample[]; concurrencyToken?: string } = {}): BatchStart {
  return {
    event: {
      tenantId: A, sessionId: s.id, stationId: s.stationId, kind: 'Started', seqNo: 0, triggerReason: 'Authorized', offline: false,
      occurredAt: s.startedAt, receivedAt: s.startedAt, dedupeKey: key, payload: { key, note: 'payload kept as sent' },
      samples: options.samples ?? [reading(s, s.meterStartWh ?? '0')],
    },
    session: s, allocateId: options.allocateId ?? false, concurrencyToken: options.concurrencyToken ?? null,
  };
}

async function rows<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query) as unknown as { rows: T[] }).rows;
}

for (const target of databaseTargets()) {
  describe(`batched session starts (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(stations).values(['ST-1', 'ST-2', 'ST-3', 'ST-4', 'ST-5', 'ST-6'].map((id) => ({ id, tenantId: A, registrationStatus: 'Accepted', securityProfile: 0 })));
    });
    after(async () => { await handle.close(); });

    it('E01 / E02: stores the event with its samples and the session of several starts in one statement, exactly; a retry and an existing session write nothing', async () => {
      const now = new Date(Date.UTC(2030, 0, 1, 11));
      const s1 = session('S-1');
      const s2 = session('S-2', { stationId: 'ST-2', evseId: 2, connectorId: null, meterStartWh: '0.00005', anomalies: [{ kind: 'future-timestamp', at: t(0).toISOString(), detail: 'x' }] });
      const s2meters = [reading(s2, '0.00005'), reading(s2, '7.5', 'Power.Active.Import', 'W'), { ...reading(s2, 'NaN'), signed: { signedMeterData: 'AB==' } }];
      const results = await startBatch(db, [start(s1, 'k-1'), start(s2, 'k-2', { samples: s2meters })], now);
      assert.equal(results[0]!.kind, 'started');
      assert.equal(results[1]!.kind, 'started');
      const first = results[0] as Extract<typeof results[0], { kind: 'started' }>;
      assert.equal(first.externalId, 'tx-S-1');
      assert.equal(first.revision.getTime(), now.getTime());
      assert.deepEqual(first.closed, []);
      const stored1 = await store.findById(db, 'S-1');
      assert.equal(stored1?.state.meterStartWh, '1000.5');
      assert.deepEqual(stored1?.state.lastReading, { at: t(0), wh: '1000.5' });
      const stored2 = await store.findById(db, 'S-2');
      assert.equal(stored2?.state.meterStartWh, '0.0001', 'rounded to the column scale as before');
      assert.equal(stored2?.state.connectorId, null);
      assert.deepEqual(stored2?.state.anomalies, s2.anomalies);
      const meters = await rows<{ measurand: string; value: string; signed: unknown }>(db, sql`select measurand, value::text as value, signed from meter_samples where session_id = 'S-2' order by seq`);
      assert.deepEqual(meters.map((m) => [m.measurand, m.value, m.signed]), [
        ['Energy.Active.Import.Register', '0.00005', null], ['Power.Active.Import', '7.5', null], ['Energy.Active.Import.Register', 'NaN', { signedMeterData: 'AB==' }],
      ], 'in order, exact, signed data intact, null stays null');
      assert.deepEqual((await store.findEventByKey(db, 'ST-1', 'k-1'))?.payload, { key: 'k-1', note: 'payload kept as sent' });

      // the same transaction again (new session id): exists, nothing written; a stored key under another transaction id: a retry
      const again = await startBatch(db, [
        start({ ...s1, id: 'S-1b' }, 'k-1b'),
        start({ ...s2, id: 'S-2b', externalId: 'tx-other' }, 'k-2'),
      ], now);
      assert.deepEqual(again, [{ kind: 'existing' }, { kind: 'duplicate' }]);
      assert.equal(await store.findById(db, 'S-1b'), null);
      assert.equal(await store.findById(db, 'S-2b'), null);
      assert.equal(await store.findEventByKey(db, 'ST-1', 'k-1b'), null, 'no event for a session that exists');
      const count = await rows<{ n: number }>(db, sql`select count(*)::int as n from meter_samples where session_id in ('S-1b', 'S-2b')`);
      assert.equal(count[0]!.n, 0);
    });

    it('reads sessions by (station, transaction id) in one statement with their last energy readings (kept in the row, ADR 112), as the single lookup does', async () => {
      const keys: Array<[string, string]> = [['ST-1', 'tx-S-1'], ['ST-2', 'tx-S-2'], ['ST-1', 'tx-S-2'], ['ST-9', 'nothing']];
      const found = await store.findByExternalIds(db, keys);
      assert.deepEqual([...found.keys()].sort(), [JSON.stringify(['ST-1', 'tx-S-1']), JSON.stringify(['ST-2', 'tx-S-2'])]);
      for (const [stationId, externalId] of keys) {
        assert.deepEqual(found.get(JSON.stringify([stationId, externalId])) ?? null, await store.findByExternalId(db, stationId, externalId), `${stationId}/${externalId}`);
      }
      assert.deepEqual(found.get(JSON.stringify(['ST-2', 'tx-S-2']))?.state.lastReading, { at: t(0), wh: '0.00005' }, 'the last reading applied');
      assert.equal((await store.findByExternalIds(db, [])).size, 0);
    });

    it('zombie rule: starts of the same station in one batch are written in rounds, in order, so the later one supersedes the earlier one; other stations share a statement', async () => {
      const commits = new GroupCommitter(db);
      const starts = new StartBatcher(commits, (tx, events) => store.insertEvents(tx, events), () => new Date(Date.UTC(2030, 0, 1, 12)));
      await store.insertSession(db, session('Z-OLD', { stationId: 'ST-3', externalId: 'z-old', startedAt: t(0) }), t(0));
      const a = session('Z-A', { stationId: 'ST-3', externalId: 'z-a', startedAt: t(5) });
      const b = session('Z-B', { stationId: 'ST-3', externalId: 'z-b', startedAt: t(6) });
      const other = session('Z-C', { stationId: 'ST-4', externalId: 'z-c', startedAt: t(6) });
      const [ra, rb, rc] = await Promise.all([starts.submit(start(a, 'z-a')), starts.submit(start(b, 'z-b')), starts.submit(start(other, 'z-c'))]);
      assert.equal(ra.kind, 'started');
      assert.equal(rb.kind, 'started');
      assert.equal(rc.kind, 'started');
      assert.deepEqual((ra as Extract<typeof ra, { kind: 'started' }>).closed.map((c) => c.id), ['Z-OLD']);
      assert.deepEqual((rb as Extract<typeof rb, { kind: 'started' }>).closed.map((c) => [c.id, c.endedAt.toISOString()]), [['Z-A', t(6).toISOString()]]);
      assert.deepEqual((rc as Extract<typeof rc, { kind: 'started' }>).closed, []);
      assert.equal((await store.findById(db, 'Z-A'))?.state.stoppedReason, 'superseded');
      assert.equal((await store.findById(db, 'Z-B'))?.state.status, 'active');
      const closedEvents = await rows<{ session_id: string; detail: string }>(db, sql`select session_id, payload->>'detail' as detail from session_events where kind = 'Closed' and station_id = 'ST-3' order by id`);
      assert.deepEqual(closedEvents.map((e) => e.session_id), ['Z-OLD', 'Z-A'], 'never closed silently');
      assert.match(closedEvents[1]!.detail, /a newer session \(z-b\) started on EVSE 1/);
      await commits.close();
    });

    it('1.6: the statement takes the transaction id from the sequence and never continues an orphan carrying the next id', async () => {
      const commits = new GroupCommitter(db);
      const starts = new StartBatcher(commits, (tx, events) => store.insertEvents(tx, events), () => new Date());
      const last = (await rows<{ id: string }>(db, sql`select nextval('ocpp16_transaction_id_seq')::text as id`))[0]!.id;
      const next = Number(last) + 1;
      // an orphan recorded under the station's own id, which is the next id the sequence gives
      await store.insertSession(db, session('ORPHAN', { stationId: 'ST-5', externalId: String(next), ocppVersion: 'ocpp1.6', evseId: 2, connectorId: 2 }), t(0));
      const s = session('NEW-16', { stationId: 'ST-5', ocppVersion: 'ocpp1.6', externalId: '' });
      const plain = session('NEW-16b', { stationId: 'ST-6', ocppVersion: 'ocpp1.6', externalId: '' });
      const [outcome, other] = await Promise.all([starts.submit(start(s, '16:start:a', { allocateId: true })), starts.submit(start(plain, '16:start:b', { allocateId: true }))]);
      assert.equal(outcome.kind, 'started');
      assert.equal(other.kind, 'started');
      const id = Number((outcome as Extract<typeof outcome, { kind: 'started' }>).externalId);
      const otherId = Number((other as Extract<typeof other, { kind: 'started' }>).externalId);
      assert.ok(id > next && otherId > Number(last) && id !== otherId, `${id} / ${otherId} after ${next}`);
      assert.equal((await store.findById(db, 'NEW-16'))?.state.externalId, String(id));
      assert.equal((await store.findById(db, 'ORPHAN'))?.state.status, 'active', 'the orphan is untouched');
      assert.equal((await store.findByExternalId(db, 'ST-5', String(next)))?.state.id, 'ORPHAN');
      // a retry of the same StartTransaction: its event is stored, nothing is written (no second session)
      const retry = await starts.submit(start({ ...s, id: 'NEW-16-retry' }, '16:start:a', { allocateId: true }));
      assert.deepEqual(retry, { kind: 'duplicate' });
      assert.equal(await store.findById(db, 'NEW-16-retry'), null);
      await commits.close();
    });

    it('a start that fails (unknown station) fails alone: the other starts of its batch are stored', async () => {
      const commits = new GroupCommitter(db);
      const starts = new StartBatcher(commits, (tx, events) => store.insertEvents(tx, events), () => new Date());
      const good = session('F-1', { stationId: 'ST-6', externalId: 'f-1' });
      const bad = session('F-2', { stationId: 'NO-SUCH-STATION', externalId: 'f-2' });
      const [okResult, failed] = await Promise.allSettled([starts.submit(start(good, 'f-1')), starts.submit(start(bad, 'f-2'))]);
      assert.equal(okResult.status, 'fulfilled');
      assert.equal(failed.status, 'rejected');
      assert.equal((await store.findById(db, 'F-1'))?.state.status, 'active');
      assert.equal(await store.findById(db, 'F-2'), null);
      assert.equal(await store.findEventByKey(db, 'NO-SUCH-STATION', 'f-2'), null, 'nothing of the failed start is stored');
      await commits.close();
    });

    it('ConcurrentTx lookups of one turn share one statement, with the per-token answers of hasActiveSession', async () => {
      const now = new Date();
      await store.insertSession(db, session('TOK-1', { externalId: 'tok-1', idToken: 'CARD-1', groupIdToken: 'FLEET', authorizationStatus: 'Accepted' }), now);
      await store.insertSession(db, session('TOK-2', { externalId: 'tok-2', idToken: 'CARD-2', authorizationStatus: 'Blocked' }), now);
      await store.insertSession(db, session('TOK-3', { externalId: 'tok-3', idToken: 'CARD-3', status: 'completed', authorizationStatus: 'Accepted' }), now);
      await store.insertSession(db, session('TOK-4', { externalId: 'tok-4', idToken: 'CARD-4', authorizationStatus: null }), now);
      const lookup = createActiveSessionLookup(db);
      const asked: Array<[string, string]> = [[A, 'CARD-1'], [A, 'FLEET'], [A, 'CARD-2'], [A, 'CARD-3'], [A, 'CARD-4'], ['other-tenant', 'CARD-1'], [A, 'CARD-1']];
      const { value: answers, statements } = await counted(() => Promise.all(asked.map(([tenant, token]) => lookup.hasActiveSession(tenant, token))));
      assert.deepEqual(answers, [true, true, false, false, true, false, true]);
      assert.equal(statements.length, 1, 'one statement for the turn');
      for (const [tenant, token] of asked) assert.equal(await store.hasActiveSession(db, tenant, token), answers[asked.findIndex(([a, b]) => a === tenant && b === token)], `${tenant}/${token} as the single lookup answers`);
      assert.deepEqual(await activeTokens(db, []), new Set());
    });

    it('C01 / E02 ConcurrentTx: the start statement checks the token itself and writes nothing for a token already charging, its own or as group token', async () => {
      const now = new Date();
      await store.insertSession(db, session('CC-RUN', { stationId: 'ST-5', externalId: 'cc-run', idToken: 'CC-CARD', groupIdToken: 'CC-FLEET', authorizationStatus: 'Accepted' }), now);
      await store.insertSession(db, session('CC-BLOCKED', { stationId: 'ST-5', evseId: 2, externalId: 'cc-blocked', idToken: 'CC-REFUSED', authorizationStatus: 'Blocked' }), now);
      const fresh = (id: string, stationId: string, token: string) => start(session(id, { stationId, evseId: 3, externalId: id.toLowerCase(), idToken: token }), `cc:${id}`, { concurrencyToken: token });
      const inputs = [fresh('CC-SAME', 'ST-1', 'CC-CARD'), fresh('CC-GROUP', 'ST-2', 'CC-FLEET'), fresh('CC-OTHER', 'ST-3', 'CC-REFUSED'), fresh('CC-NEW', 'ST-4', 'CC-NEW-CARD')];
      const { value: results, statements } = await counted(() => startBatch(db, inputs, now));
      assert.equal(statements.length, 1, 'the check is part of the start statement');
      assert.deepEqual(results.map((r) => r.kind), ['concurrent', 'concurrent', 'started', 'started']);
      for (const { session: s, event } of inputs.slice(0, 2)) {
        assert.equal(await store.findById(db, s.id), null, `${s.id}: no session`);
        assert.equal(await store.findEventByKey(db, s.stationId, event.dedupeKey!), null, `${s.id}: no event`);
      }
      // Written again without the check (as the service does with the ConcurrentTx decision): stored.
      const again = await startBatch(db, [{ ...inputs[0]!, session: { ...inputs[0]!.session, authorizationStatus: 'ConcurrentTx' }, concurrencyToken: null }], now);
      assert.equal(again[0]!.kind, 'started');
      assert.equal((await store.findById(db, 'CC-SAME'))?.state.authorizationStatus, 'ConcurrentTx');
    });
  });
}
