import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { tenants } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { createEventLogStore } from './event-log-store.js';

const store = createEventLogStore();
const at = new Date(Date.UTC(2030, 0, 1));
const ALL = { types: null, stationId: null };

for (const target of databaseTargets()) {
  describe(`event log store (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values({ id: 'b', name: 'B' });
    });
    after(async () => { await handle.close(); });

    it('appends a batch in order and assigns increasing ids', async () => {
      const stored = await store.append(db, [
        { type: 'station.connected', tenantId: 'default', stationId: 'CP-1', at, data: { ocppVersion: 'ocpp1.6' } },
        { type: 'session.ended', tenantId: 'default', stationId: 'CP-2', at, data: { sessionId: 's1' } },
        { type: 'token.created', tenantId: 'b', at, data: {} },
      ]);
      assert.deepEqual(stored.map((e) => e.type), ['station.connected', 'session.ended', 'token.created']);
      assert.ok(stored[0]!.id < stored[1]!.id && stored[1]!.id < stored[2]!.id);
      const read = await store.getMany(db, stored.map((e) => e.id));
      assert.deepEqual(read.get(stored[0]!.id), stored[0]);
      assert.equal(read.get(stored[2]!.id)?.stationId, undefined);
    });

    it('lists a tenant\'s events after an id, filtered by type patterns and station, bounded', async () => {
      const [first] = await store.append(db, [{ type: 'marker', tenantId: 'default', at, data: {} }]);
      await store.append(db, [
        { type: 'station.connected', tenantId: 'default', stationId: 'CP-1', at, data: {} },
        { type: 'station_x.connected', tenantId: 'default', stationId: 'CP-1', at, data: {} },
        { type: 'station.status-changed', tenantId: 'default', stationId: 'CP-2', at, data: {} },
        { type: 'session.ended', tenantId: 'default', stationId: 'CP-1', at, data: {} },
        { type: 'station.connected', tenantId: 'b', stationId: 'CP-9', at, data: {} },
      ]);
      const after = first!.id;
      const types = async (filter: { types: string[] | null; stationId: string | null }, limit = 100) =>
        (await store.listAfter(db, 'default', after, filter, limit)).map((e) => `${e.type}@${e.stationId}`);
      assert.deepEqual(await types(ALL), ['station.connected@CP-1', 'station_x.connected@CP-1', 'station.status-changed@CP-2', 'session.ended@CP-1']);
      assert.deepEqual(await types({ types: ['station.*'], stationId: null }), ['station.connected@CP-1', 'station.status-changed@CP-2'], '_ is not a wildcard');
      assert.deepEqual(await types({ types: ['session.ended', 'station.connected'], stationId: 'CP-1' }), ['station.connected@CP-1', 'session.ended@CP-1']);
      assert.deepEqual(await types({ types: ['*'], stationId: 'CP-2' }), ['station.status-changed@CP-2']);
      assert.deepEqual(await types(ALL, 2), ['station.connected@CP-1', 'station_x.connected@CP-1']);
      assert.deepEqual((await store.listAfter(db, 'b', after, ALL, 100)).map((e) => e.stationId), ['CP-9']);
    });
  });
}
