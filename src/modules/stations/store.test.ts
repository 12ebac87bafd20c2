import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { isForeignKeyViolation, isUniqueViolation, type DatabaseHandle, type Executor } from '../../infra/db/database.js';
import { connectorStatus, connectorStatusLog, stations, tenants } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import type { BootInfo, ConnectorStatus } from './domain/station.js';
import { connectorStatusWriter } from './batch-writes.js';
import { createStationStore, InvalidCursorError } from './store.js';

const store = createStationStore();
const A = 'default';
const B = 'tenant-b';
const t = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));

const status = (stationId: string, patch: Partial<ConnectorStatus> = {}): ConnectorStatus => ({
  tenantId: A, stationId, evseId: 1, connectorId: 1, occupancy: 'Available', chargingState: null,
  rawStatus: 'Available', errorCode: null, vendorErrorCode: null, info: null,
  reportedAt: t(10), receivedAt: t(11), ...patch,
});

const boot: BootInfo = {
  vendor: 'ACME', model: 'Wallbox 7', serialNumber: 'SN-1', firmwareVersion: '1.2.3', iccid: null, imsi: null, reason: 'PowerUp',
};

async function nodeOf(db: Executor, stationId: string): Promise<string | null | undefined> {
  const [row] = await db.select({ nodeId: stations.nodeId }).from(stations).where(eq(stations.id, stationId));
  return row?.nodeId;
}

for (const target of databaseTargets()) {
  describe(target.name, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values({ id: B, name: 'Tenant B' });
    });
    after(async () => { await handle.close(); });

    it('creates, reads, updates and deletes a station', async () => {
      const created = await store.create(db, { tenantId: A, id: 'CP-1', registrationStatus: 'Pending', securityProfile: 1, passwordHash: 'h1' });
      assert.equal(created.id, 'CP-1');
      assert.equal(created.displayName, null);
      assert.equal(created.hasPassword, true);
      assert.equal(created.online, false);
      assert.ok(created.createdAt instanceof Date);
      assert.deepEqual(await store.get(db, A, 'CP-1'), created);
      const withSecret = await store.findAnyById(db, 'CP-1');
      assert.equal(withSecret?.passwordHash, 'h1');
      assert.equal(withSecret?.tenantId, A);
      assert.equal(await store.findAnyById(db, 'nope'), null);

      const updated = await store.update(db, A, 'CP-1', { displayName: 'Car park', registrationStatus: 'Accepted', passwordHash: null });
      assert.equal(updated?.displayName, 'Car park');
      assert.equal(updated?.registrationStatus, 'Accepted');
      assert.equal(updated?.hasPassword, false);
      assert.equal(updated?.securityProfile, 1);
      assert.ok(updated && updated.updatedAt >= created.updatedAt);
      assert.deepEqual(await store.update(db, A, 'CP-1', {}), updated);
      assert.equal(await store.update(db, A, 'missing', { displayName: 'x' }), null);

      assert.equal(await store.delete(db, A, 'CP-1'), true);
      assert.equal(await store.get(db, A, 'CP-1'), null);
      assert.equal(await store.delete(db, A, 'CP-1'), false);
    });

    it('rejects duplicate ids (across tenants) and unknown tenants', async () => {
      await store.create(db, { tenantId: A, id: 'CP-DUP', registrationStatus: 'Accepted', securityProfile: 0 });
      await assert.rejects(store.create(db, { tenantId: B, id: 'CP-DUP', registrationStatus: 'Accepted', securityProfile: 0 }), isUniqueViolation);
      await assert.rejects(store.create(db, { tenantId: 'ghost', id: 'CP-G', registrationStatus: 'Accepted', securityProfile: 0 }), isForeignKeyViolation);
      await store.delete(db, A, 'CP-DUP');
    });

    it('keeps tenants apart', async () => {
      await store.create(db, { tenantId: A, id: 'CP-A', registrationStatus: 'Accepted', securityProfile: 0 });
      assert.equal(await store.get(db, B, 'CP-A'), null);
      assert.equal(await store.update(db, B, 'CP-A', { displayName: 'hijacked' }), null);
      assert.equal(await store.delete(db, B, 'CP-A'), false);
      assert.deepEqual((await store.list(db, B, { limit: 100 })).items, []);
      assert.equal((await store.get(db, A, 'CP-A'))?.displayName, null);
      // A status row cannot point at another tenant's station (composite FK on (tenant_id, station_id)).
      await assert.rejects(store.recordConnectorStatus(db, status('CP-A', { tenantId: B })), isForeignKeyViolation);
      await store.delete(db, A, 'CP-A');
    });

    it('lists by id with opaque cursors and filters', async () => {
      for (const id of ['L-05', 'L-01', 'L-03', 'L-02', 'L-04']) {
        await store.create(db, { tenantId: A, id, registrationStatus: id === 'L-03' ? 'Pending' : 'Accepted', securityProfile: 0 });
      }
      await store.create(db, { tenantId: B, id: 'L-B', registrationStatus: 'Accepted', securityProfile: 0 });
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page = await store.list(db, A, { limit: 2, cursor });
        pages.push(page.items.map((s) => s.id));
        cursor = page.nextCursor;
        if (cursor) assert.match(cursor, /^[A-Za-z0-9_-]+$/);
      } while (cursor);
      assert.deepEqual(pages, [['L-01', 'L-02'], ['L-03', 'L-04'], ['L-05']]);
      const exact = await store.list(db, A, { limit: 5 });
      assert.equal(exact.nextCursor, null);
      assert.deepEqual((await store.list(db, A, { limit: 10, registrationStatus: 'Pending' })).items.map((s) => s.id), ['L-03']);
      await store.setOnline(db, A, 'L-02', { online: true, version: 'ocpp2.0.1', nodeId: 'node-1' }, t(1));
      assert.deepEqual((await store.list(db, A, { limit: 10, online: true })).items.map((s) => s.id), ['L-02']);
      assert.equal((await store.list(db, A, { limit: 10, online: false })).items.length, 4);
      await assert.rejects(store.list(db, A, { limit: 2, cursor: 'not a cursor!' }), { code: 'invalid_cursor' });
      await assert.rejects(store.list(db, A, { limit: 0 }), RangeError);
      for (const id of ['L-01', 'L-02', 'L-03', 'L-04', 'L-05']) await store.delete(db, A, id);
      await store.delete(db, B, 'L-B');
    });

    it('records boots, liveness and online state', async () => {
      await store.create(db, { tenantId: A, id: 'CP-B', registrationStatus: 'Pending', securityProfile: 0 });
      await store.recordBoot(db, A, 'CP-B', boot, 'ocpp1.6', t(5), 'Accepted');
      let station = await store.get(db, A, 'CP-B');
      assert.equal(station?.vendor, 'ACME');
      assert.equal(station?.serialNumber, 'SN-1');
      assert.equal(station?.ocppVersion, 'ocpp1.6');
      assert.equal(station?.registrationStatus, 'Accepted');
      assert.deepEqual(station?.lastBootAt, t(5));
      await store.recordSeen(db, A, 'CP-B', t(9));
      await store.recordSeen(db, A, 'CP-B', t(7)); // late message: never moves backwards
      assert.deepEqual((await store.get(db, A, 'CP-B'))?.lastSeenAt, t(9));
      await store.setOnline(db, A, 'CP-B', { online: true, version: 'ocpp2.1', nodeId: 'node-1' }, t(20));
      station = await store.get(db, A, 'CP-B');
      assert.equal(station?.online, true);
      assert.equal(station?.ocppVersion, 'ocpp2.1');
      assert.deepEqual(station?.lastSeenAt, t(20));
      assert.equal(await nodeOf(db, 'CP-B'), 'node-1');
      await store.setOnline(db, A, 'CP-B', { online: false, version: null, nodeId: null }, t(30));
      station = await store.get(db, A, 'CP-B');
      assert.equal(station?.online, false);
      assert.equal(station?.ocppVersion, 'ocpp2.1');
      assert.equal(await nodeOf(db, 'CP-B'), null);
      await store.delete(db, A, 'CP-B');
    });

    it('upserts connector status (G01/G03 StatusNotification), logs every change, and keeps the log after deletion', async () => {
      await store.create(db, { tenantId: A, id: 'CP-S', registrationStatus: 'Accepted', securityProfile: 0 });
      await store.recordConnectorStatus(db, status('CP-S'));
      await store.recordConnectorStatus(db, status('CP-S', { occupancy: 'Occupied', chargingState: 'Charging', rawStatus: 'Charging', reportedAt: t(20) }));
      await store.recordConnectorStatus(db, status('CP-S', { occupancy: 'Faulted', rawStatus: 'Faulted', reportedAt: t(15) })); // late
      await store.recordConnectorStatus(db, status('CP-S', { evseId: 0, connectorId: 0, info: 'station' }));
      const current = await store.listConnectorStatus(db, A, 'CP-S');
      assert.deepEqual(current.map((s) => [s.evseId, s.connectorId, s.occupancy, s.chargingState]), [[0, 0, 'Available', null], [1, 1, 'Occupied', 'Charging']]);
      assert.deepEqual(current[1]?.reportedAt, t(20));
      assert.deepEqual(await store.listConnectorStatus(db, B, 'CP-S'), []);
      const logOf = () => db.select().from(connectorStatusLog).where(and(eq(connectorStatusLog.tenantId, A), eq(connectorStatusLog.stationId, 'CP-S'))).orderBy(asc(connectorStatusLog.id));
      assert.equal((await logOf()).length, 4);

      // A report that says what the connector already said is no change: the current row takes its
      // time, the log does not grow (ADR 071). Within one batch, each report is compared with the one before it.
      await store.recordConnectorStatus(db, status('CP-S', { occupancy: 'Occupied', chargingState: 'Charging', rawStatus: 'Charging', reportedAt: t(25) }));
      assert.deepEqual((await store.listConnectorStatus(db, A, 'CP-S'))[1]?.reportedAt, t(25));
      assert.equal((await logOf()).length, 4);
      await connectorStatusWriter.write(db, [
        status('CP-S', { reportedAt: t(30) }), status('CP-S', { reportedAt: t(31) }),
        status('CP-S', { occupancy: 'Occupied', rawStatus: 'Occupied', reportedAt: t(32) }), status('CP-S', { occupancy: 'Occupied', rawStatus: 'Occupied', reportedAt: t(33) }),
        status('CP-S', { reportedAt: t(34), errorCode: 'GroundFailure' }),
      ]);
      const log = await logOf();
      assert.deepEqual(log.map((r) => [r.occupancy, r.errorCode, r.reportedAt.getTime()]).slice(4), [
        ['Available', null, t(30).getTime()], ['Occupied', null, t(32).getTime()], ['Available', 'GroundFailure', t(34).getTime()],
      ]);
      const [connector] = (await store.listConnectorStatus(db, A, 'CP-S')).slice(1);
      assert.deepEqual([connector?.occupancy, connector?.errorCode, connector?.reportedAt], ['Available', 'GroundFailure', t(34)]);

      await store.appendConnectionEvent(db, { tenantId: A, stationId: 'CP-S', kind: 'connected', at: t(1), reason: null, closeCode: null, ocppVersion: 'ocpp1.6', remoteAddress: '10.0.0.1', nodeId: 'node-1' });
      await store.delete(db, A, 'CP-S');
      assert.equal((await db.select().from(connectorStatus).where(eq(connectorStatus.stationId, 'CP-S'))).length, 0);
      assert.equal((await logOf()).length, 7);
      assert.equal((await store.listConnectionEvents(db, A, 'CP-S', { limit: 10 })).items.length, 1);
    });

    it('appends connection events and lists them newest first with a cursor', async () => {
      for (let i = 1; i <= 5; i++) {
        await store.appendConnectionEvent(db, {
          tenantId: A, stationId: 'CP-E', kind: i % 2 ? 'connected' : 'disconnected', at: t(i),
          reason: i % 2 ? null : 'closed by station', closeCode: i % 2 ? null : 1000, ocppVersion: 'ocpp2.0.1', remoteAddress: null, nodeId: 'node-1',
        });
      }
      const first = await store.listConnectionEvents(db, A, 'CP-E', { limit: 3 });
      assert.deepEqual(first.items.map((e) => e.at), [t(5), t(4), t(3)]);
      assert.equal(first.items[1]?.closeCode, 1000);
      assert.equal(first.items[1]?.kind, 'disconnected');
      assert.equal(typeof first.items[0]?.id, 'string');
      assert.ok(first.nextCursor);
      const second = await store.listConnectionEvents(db, A, 'CP-E', { limit: 3, cursor: first.nextCursor });
      assert.deepEqual(second.items.map((e) => e.at), [t(2), t(1)]);
      assert.equal(second.nextCursor, null);
      assert.deepEqual((await store.listConnectionEvents(db, B, 'CP-E', { limit: 10 })).items, []);
      await assert.rejects(store.listConnectionEvents(db, A, 'CP-E', { limit: 3, cursor: Buffer.from('abc').toString('base64url') }), InvalidCursorError);
    });

    it('appends station events with payloads and filters by kind', async () => {
      const base = { tenantId: A, stationId: 'CP-V', receivedAt: t(50) };
      await store.appendStationEvent(db, { ...base, kind: 'SecurityEventNotification', occurredAt: t(40), payload: { type: 'FirmwareUpdated', techInfo: 'v2' } });
      await store.appendStationEvent(db, { ...base, kind: 'DataTransfer', occurredAt: null, payload: null });
      await store.appendStationEvent(db, { ...base, kind: 'SecurityEventNotification', occurredAt: t(45), payload: ['a', 1, true] });
      const all = await store.listStationEvents(db, A, 'CP-V', { limit: 10 });
      assert.deepEqual(all.items.map((e) => e.kind), ['SecurityEventNotification', 'DataTransfer', 'SecurityEventNotification']);
      assert.deepEqual(all.items.map((e) => e.payload), [['a', 1, true], null, { type: 'FirmwareUpdated', techInfo: 'v2' }]);
      assert.deepEqual(all.items[2]?.occurredAt, t(40));
      const security = await store.listStationEvents(db, A, 'CP-V', { limit: 1, kind: 'SecurityEventNotification' });
      assert.deepEqual(security.items.map((e) => e.occurredAt), [t(45)]);
      const next = await store.listStationEvents(db, A, 'CP-V', { limit: 1, kind: 'SecurityEventNotification', cursor: security.nextCursor });
      assert.deepEqual(next.items.map((e) => e.occurredAt), [t(40)]);
      assert.equal(next.nextCursor, null);
      assert.deepEqual((await store.listStationEvents(db, B, 'CP-V', { limit: 10 })).items, []);
    });

    it('marks the stations a node held offline, with a node-restart event each', async () => {
      for (const [id, tenantId, node] of [['M-1', A, 'node-x'], ['M-2', B, 'node-x'], ['M-3', A, 'node-y']] as const) {
        await store.create(db, { tenantId, id, registrationStatus: 'Accepted', securityProfile: 0 });
        await store.setOnline(db, tenantId, id, { online: true, version: 'ocpp1.6', nodeId: node }, t(1));
      }
      assert.equal(await store.markNodeStationsOffline(db, 'node-x', t(60)), 2);
      assert.equal((await store.get(db, A, 'M-1'))?.online, false);
      assert.equal((await store.get(db, B, 'M-2'))?.online, false);
      assert.equal(await nodeOf(db, 'M-1'), null);
      assert.equal((await store.get(db, A, 'M-3'))?.online, true);
      assert.equal(await nodeOf(db, 'M-3'), 'node-y');
      const events = await store.listConnectionEvents(db, B, 'M-2', { limit: 10 });
      assert.equal(events.items.length, 1);
      const [event] = events.items;
      assert.deepEqual({ ...event, id: undefined }, {
        id: undefined, tenantId: B, stationId: 'M-2', kind: 'disconnected', at: t(60), reason: 'node-restart',
        closeCode: null, ocppVersion: 'ocpp1.6', remoteAddress: null, nodeId: 'node-x',
      });
      assert.equal(await store.markNodeStationsOffline(db, 'node-x', t(61)), 0);
    });
  });
}
