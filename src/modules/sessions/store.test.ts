import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { meterValues, sessions, stations, tenants, type StoredSample } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import type { SessionState } from './domain/session.js';
import { createSessionQueryStore } from './query-store.js';
import { createSessionStore } from './store.js';

const store = createSessionStore();
const queries = createSessionQueryStore();
const A = 'default';
const B = 'tenant-b';
const t = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute));

function session(id: string, patch: Partial<SessionState> = {}): SessionState {
  return {
    id, tenantId: A, stationId: 'ST-1', evseId: 1, connectorId: 1, ocppVersion: 'ocpp2.0.1', externalId: `tx-${id}`, status: 'active',
    idToken: null, idTokenType: null, groupIdToken: null, authorizationStatus: null, authorizationMethod: null, reservationId: null,
    remoteStartId: null, startedAt: t(0), endedAt: null, meterStartWh: null, meterStopWh: null, energyWh: '0', lastMeterAt: null,
    lastReading: null, chargingState: null, stoppedReason: null, lastSeqNo: null, hadOfflineEvents: false, anomalies: [], ...patch,
  };
}

/** A meter_values row as stored before migration 0023 (ADR 112). */
const legacyEnergyRow = (sessionId: string, minute: number, value: string, patch: Partial<typeof meterValues.$inferInsert> = {}): typeof meterValues.$inferInsert => ({
  tenantId: A, stationId: 'ST-1', sessionId, evseId: 1, sampledAt: t(minute), measurand: 'Energy.Active.Import.Register', phase: null,
  location: 'Outlet', context: 'Sample.Periodic', unit: 'Wh', value, signed: null, ...patch,
});

/** One element of session_events.samples. */
const energySample = (minute: number, value: string, patch: Partial<StoredSample> = {}): StoredSample => ({
  evse_id: 1, sampled_at: t(minute).toISOString(), measurand: 'Energy.Active.Import.Register', phase: null, location: 'Outlet', context: 'Sample.Periodic',
  unit: 'Wh', value, signed: null, ...patch,
});

const eventOf = (sessionId: string, stationId: string, dedupeKey: string | null, samples: StoredSample[] | null) => ({
  tenantId: A, sessionId, stationId, kind: 'Updated', seqNo: 1, triggerReason: 'MeterValuePeriodic', offline: false,
  occurredAt: t(1), receivedAt: t(1), dedupeKey, payload: { dedupeKey }, samples,
});

for (const target of databaseTargets()) {
  describe(`session store (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values({ id: B, name: 'Tenant B' });
      await db.insert(stations).values([
        { id: 'ST-1', tenantId: A, registrationStatus: 'Accepted', securityProfile: 0 },
        { id: 'ST-2', tenantId: A, registrationStatus: 'Accepted', securityProfile: 0 },
        { id: 'ST-3', tenantId: A, registrationStatus: 'Accepted', securityProfile: 0 },
        { id: 'ST-B', tenantId: B, registrationStatus: 'Accepted', securityProfile: 0 },
      ]);
    });
    after(async () => { await handle.close(); });

    it('allocates 1.6 transaction ids from the sequence: positive, increasing, never 0', async () => {
      const first = await store.nextOcpp16TransactionId(db);
      const second = await store.nextOcpp16TransactionId(db);
      assert.ok(first >= 1);
      assert.equal(second, first + 1);
    });

    it('stores a session, reads it back with its last energy reading (kept in the row, ADR 112), rounds energy to 4 decimals', async () => {
      const now = new Date();
      const revision = await store.insertSession(db, session('S-1', { energyWh: '12.00005', meterStartWh: '1000.12345', lastReading: { at: t(3), wh: '1010.50' } }), now);
      assert.ok(revision);
      assert.equal(await store.insertSession(db, session('S-1b', { externalId: 'tx-S-1' }), now), null, '(station, transaction id) is unique');
      const stored = await store.findByExternalId(db, 'ST-1', 'tx-S-1');
      assert.equal(stored?.state.energyWh, '12.0001');
      assert.equal(stored?.state.meterStartWh, '1000.1235');
      assert.deepEqual(stored?.state.lastReading, { at: t(3), wh: '1010.5' }, 'exact, in canonical form');
      assert.equal((await store.findById(db, 'S-1'))?.state.externalId, 'tx-S-1');
      assert.equal(await store.externalIdTaken(db, 'ST-1', 'tx-S-1'), true);
      assert.equal(await store.externalIdTaken(db, 'ST-2', 'tx-S-1'), false);
    });

    it('ADR 112: energy history reads legacy meter_values rows and event samples, without the message being applied; a legacy row keeps its last reading until written', async () => {
      const now = new Date();
      const revision = (await store.insertSession(db, session('S-L', { externalId: 'tx-S-L' }), now))!;
      // A row as migration 0023 leaves a session stored before it: no reading in the row.
      await db.update(sessions).set({ readingsInRow: false }).where(eq(sessions.id, 'S-L'));
      await db.insert(meterValues).values([legacyEnergyRow('S-L', 1, '1001'), legacyEnergyRow('S-L', 3, '1010.5'), legacyEnergyRow('S-L', 2, '1005'),
        legacyEnergyRow('S-L', 4, '9999', { phase: 'L1' }), legacyEnergyRow('S-L', 5, 'NaN', { signed: 'OCMF|x' }), legacyEnergyRow('S-L', 6, '2000', { location: 'EV' })]);
      const legacy = await store.findByExternalId(db, 'ST-1', 'tx-S-L');
      assert.deepEqual(legacy?.state.lastReading, { at: t(3), wh: '1010.5' }, 'the newest plain reading of meter_values');
      assert.deepEqual((await store.findByExternalIds(db, [['ST-1', 'tx-S-L']])).get(JSON.stringify(['ST-1', 'tx-S-L'])), legacy, 'batched lookup alike');
      // New messages keep their samples in their event row; the view reads both, in time order.
      assert.equal(await store.insertEvent(db, eventOf('S-L', 'ST-1', 'k-L-1', [energySample(7, '1020'), energySample(7, '16.5', { measurand: 'Current.Import', unit: 'A', phase: 'L1' })])), true);
      assert.equal(await store.insertEvent(db, eventOf('S-L', 'ST-1', 'k-L-2', [energySample(0, '999.5')])), true);
      assert.equal(await store.insertEvent(db, eventOf('S-L', 'ST-1', 'k-L-3', null)), true);
      assert.deepEqual((await store.energyHistory(db, A, 'S-L', null)).map((p) => p.wh), ['999.5', '1001', '1005', '1010.5', '1020']);
      assert.deepEqual((await store.energyHistory(db, A, 'S-L', 'k-L-2')).map((p) => p.wh), ['1001', '1005', '1010.5', '1020'], 'the applied message is not its own history');
      assert.deepEqual((await store.energyHistory(db, A, 'S-L', 'k-unknown')).map((p) => p.wh), ['999.5', '1001', '1005', '1010.5', '1020'], 'a key with no row leaves out nothing');
      // Written once: the row carries its reading from then on.
      const next = await store.updateSession(db, { ...legacy!.state, lastReading: { at: t(7), wh: '1020' } }, revision, now);
      assert.ok(next);
      assert.deepEqual((await store.findById(db, 'S-L'))?.state.lastReading, { at: t(7), wh: '1020' });
      const flag = await db.execute(sql`select readings_in_row from sessions where id = 'S-L'`) as unknown as { rows: Array<{ readings_in_row: boolean }> };
      assert.equal(flag.rows[0]!.readings_in_row, true);
    });

    it('updates only from the current revision, and every write moves the revision', async () => {
      const now = new Date();
      const first = await store.insertSession(db, session('S-2'), now);
      assert.ok(first);
      const second = await store.updateSession(db, session('S-2', { chargingState: 'Charging' }), first, now);
      assert.ok(second && second.getTime() > first.getTime(), 'same clock, yet a new revision');
      assert.equal(await store.updateSession(db, session('S-2', { chargingState: 'Idle' }), first, now), null, 'a stale revision is refused');
      assert.equal((await store.findByExternalId(db, 'ST-1', 'tx-S-2'))?.state.chargingState, 'Charging');
    });

    it('dedupes events per station and key', async () => {
      const event = {
        tenantId: A, sessionId: 'S-2', stationId: 'ST-1', kind: 'Updated', seqNo: 1, triggerReason: 'MeterValuePeriodic', offline: false,
        occurredAt: t(1), receivedAt: t(1), dedupeKey: '2x:tx:tx-S-2:1', payload: { b: 1, a: [1, 2] }, samples: null,
      };
      assert.equal(await store.insertEvent(db, event), true);
      assert.equal(await store.insertEvent(db, event), false);
      assert.equal(await store.insertEvent(db, { ...event, stationId: 'ST-2' }), true, 'keys are per station');
      assert.equal(await store.insertEvent(db, { ...event, dedupeKey: null }), true, 'events without key are never deduped');
      assert.equal(await store.insertEvent(db, { ...event, dedupeKey: null }), true);
      assert.deepEqual((await store.findEventByKey(db, 'ST-1', '2x:tx:tx-S-2:1'))?.payload, { a: [1, 2], b: 1 });
    });

    it('closes older active sessions on the same EVSE/connector as superseded', async () => {
      const now = new Date();
      await store.insertSession(db, session('OLD-1', { stationId: 'ST-2', evseId: 1, connectorId: 1, startedAt: t(0) }), now);
      await store.insertSession(db, session('OLD-2', { stationId: 'ST-2', evseId: 2, connectorId: 1, startedAt: t(0) }), now);
      await store.insertSession(db, session('LATER', { stationId: 'ST-2', evseId: 1, connectorId: null, startedAt: t(30) }), now);
      const newer = session('NEW', { stationId: 'ST-2', evseId: 1, connectorId: 1, startedAt: t(10) });
      await store.insertSession(db, newer, now);
      const closed = await store.closeSuperseded(db, newer, now);
      assert.deepEqual(closed.map((c) => [c.id, c.endedAt.toISOString()]), [['OLD-1', t(10).toISOString()]]);
      assert.equal((await store.findById(db, 'OLD-1'))?.state.stoppedReason, 'superseded');
      assert.equal((await store.findById(db, 'OLD-2'))?.state.status, 'active', 'another EVSE');
      assert.equal((await store.findById(db, 'LATER'))?.state.status, 'active', 'started after the new one');
      assert.deepEqual(await store.closeSuperseded(db, session('X', { stationId: 'ST-2', evseId: 0 }), now), [], 'unknown EVSE supersedes nothing');
    });

    it('starts a session in one statement: event with its samples, session, older sessions superseded; nothing for a retry or a session that exists (ADR 069)', async () => {
      const now = new Date();
      await store.insertSession(db, session('OLD-S', { stationId: 'ST-3', evseId: 1, connectorId: 1, startedAt: t(0) }), now);
      const newer = session('NEW-S', { stationId: 'ST-3', evseId: 1, connectorId: 1, startedAt: t(10), meterStartWh: '1000.5', lastReading: { at: t(10), wh: '1000.5' } });
      const event = {
        tenantId: A, sessionId: 'NEW-S', stationId: 'ST-3', kind: 'Started', seqNo: 0, triggerReason: 'Authorized', offline: false, occurredAt: t(10), receivedAt: now,
        dedupeKey: '2x:tx:NEW-S:0', payload: { n: 1 }, samples: [energySample(10, '1000.5')],
      };
      const started = await store.startSession(db, { event, session: newer, now });
      assert.equal(started.existing, false);
      assert.equal(started.inserted, true);
      assert.ok(started.revision);
      assert.deepEqual(started.closed.map((c) => [c.id, c.externalId, c.endedAt.toISOString()]), [['OLD-S', 'tx-OLD-S', t(10).toISOString()]]);
      const stored = await store.findById(db, 'NEW-S');
      assert.equal(stored?.state.meterStartWh, '1000.5');
      assert.equal(stored?.revision.getTime(), started.revision.getTime());
      assert.deepEqual(stored?.state.lastReading, { at: t(10), wh: '1000.5' }, 'the reading is stored');
      assert.deepEqual((await store.energyHistory(db, A, 'NEW-S', null)).map((p) => [p.at.getTime(), p.wh]), [[t(10).getTime(), '1000.5']], 'the sample is stored');
      assert.equal((await store.findById(db, 'OLD-S'))?.state.stoppedReason, 'superseded');
      assert.deepEqual((await store.findEventByKey(db, 'ST-3', '2x:tx:NEW-S:0'))?.payload, { n: 1 });
      // the same start again, under a new session id: the session exists, nothing is written
      const again = await store.startSession(db, { event: { ...event, sessionId: 'NEW-S2' }, session: { ...newer, id: 'NEW-S2' }, now });
      assert.deepEqual(again, { existing: true, inserted: false, revision: null, closed: [] });
      assert.equal(await store.findById(db, 'NEW-S2'), null);
      // a retry whose event is stored but whose session is another one: nothing written, a duplicate
      const retry = await store.startSession(db, { event: { ...event, sessionId: 'NEW-S3' }, session: { ...newer, id: 'NEW-S3', externalId: 'tx-other' }, now });
      assert.deepEqual(retry, { existing: false, inserted: false, revision: null, closed: [] });
      assert.equal(await store.findById(db, 'NEW-S3'), null);
      const free = await store.nextFreeOcpp16TransactionId(db, 'ST-3');
      assert.ok(free !== null && free > 0);
    });

    it('finds and closes stale sessions, not those with recent progress', async () => {
      const old = new Date(Date.now() - 48 * 3600_000);
      await store.insertSession(db, session('STALE', { externalId: 'stale', startedAt: new Date(old.getTime() - 7200_000), lastMeterAt: new Date(old.getTime() - 60_000) }), old);
      const cutoff = new Date(Date.now() - 24 * 3600_000);
      const candidates = await store.findStale(db, cutoff, 100);
      assert.ok(candidates.some((c) => c.id === 'STALE'));
      assert.ok(!candidates.some((c) => c.id === 'S-2'));
      const closed = await store.closeIfStale(db, 'STALE', cutoff, new Date());
      assert.equal(closed?.endedAt.toISOString(), new Date(old.getTime() - 60_000).toISOString(), 'ended at its last sign of life');
      assert.equal(await store.closeIfStale(db, 'STALE', cutoff, new Date()), null, 'closed once');
      assert.equal(await store.closeIfStale(db, 'S-2', cutoff, new Date()), null, 'recent progress: not stale');
    });

    it('answers whether a token or group has an accepted active session, per tenant', async () => {
      const now = new Date();
      await store.insertSession(db, session('TOK-1', { externalId: 'tok-1', idToken: 'CARD-1', groupIdToken: 'FLEET', authorizationStatus: 'Accepted' }), now);
      await store.insertSession(db, session('TOK-2', { externalId: 'tok-2', idToken: 'CARD-2', authorizationStatus: 'Blocked' }), now);
      await store.insertSession(db, session('TOK-3', { externalId: 'tok-3', idToken: 'CARD-3', status: 'completed', authorizationStatus: 'Accepted' }), now);
      assert.equal(await store.hasActiveSession(db, A, 'CARD-1'), true);
      assert.equal(await store.hasActiveSession(db, A, 'FLEET'), true);
      assert.equal(await store.hasActiveSession(db, A, 'CARD-2'), false, 'refused token: the station stops it');
      assert.equal(await store.hasActiveSession(db, A, 'CARD-3'), false, 'ended');
      assert.equal(await store.hasActiveSession(db, B, 'CARD-1'), false, 'other tenant');
    });

    it('lists sessions newest first with cursor pagination and filters, per tenant', async () => {
      const now = new Date();
      for (let i = 0; i < 5; i += 1) {
        await store.insertSession(db, session(`L-${i}`, { stationId: 'ST-2', evseId: 9, externalId: `list-${i}`, startedAt: t(40 + i), idToken: i % 2 ? 'ODD' : 'EVEN' }), now);
      }
      await store.insertSession(db, session('L-B', { tenantId: B, stationId: 'ST-B', externalId: 'list-b', startedAt: t(41) }), now);
      const window = { stationId: 'ST-2', from: t(40), to: t(50) };
      const first = await queries.list(db, A, { ...window, limit: 2 });
      const second = await queries.list(db, A, { ...window, limit: 2, cursor: first.nextCursor });
      const third = await queries.list(db, A, { ...window, limit: 2, cursor: second.nextCursor });
      assert.deepEqual([...first.items, ...second.items, ...third.items].map((s) => s.id), ['L-4', 'L-3', 'L-2', 'L-1', 'L-0']);
      assert.equal(third.nextCursor, null);
      assert.deepEqual((await queries.list(db, A, { ...window, limit: 10, idToken: 'ODD' })).items.map((s) => s.id), ['L-3', 'L-1']);
      assert.deepEqual((await queries.list(db, B, { limit: 10 })).items.map((s) => s.id), ['L-B']);
      await assert.rejects(queries.list(db, A, { limit: 2, cursor: 'bm90LWEtY3Vyc29y' }), { code: 'invalid_cursor' });
      assert.equal(await queries.get(db, B, 'L-1'), null, 'another tenant cannot read it');
    });

    it('returns a session\'s samples with signed blobs as null values and the signed data intact', async () => {
      const signed = { signedMeterData: 'AAEC', signingMethod: 'ECDSA', encodingMethod: 'OCMF', publicKey: 'MFkw' };
      await db.insert(meterValues).values(legacyEnergyRow('S-2', 0, '1.25', { signed }));
      await store.insertEvent(db, eventOf('S-2', 'ST-1', 'k-S2-signed', [energySample(1, '1.5', { signed }), energySample(2, 'NaN', { signed: 'OCMF|{"RD":[]}|{"SD":"30"}' })]));
      const rows = await queries.meterValues(db, A, 'S-2');
      assert.deepEqual(rows.map((r) => [r.value, r.signed]), [['1.25', signed], ['1.5', signed], [null, 'OCMF|{"RD":[]}|{"SD":"30"}']], 'legacy rows first, then event samples, by time');
    });
  });
}
