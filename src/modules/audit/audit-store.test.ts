import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { createAuditStore, type NewAuditEntry } from './audit-store.js';

const store = createAuditStore();
const t = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 0, minutes));
const entry = (patch: Partial<NewAuditEntry>): NewAuditEntry => ({
  tenantId: 'default', actorType: 'api-key', actorId: 'key_1', action: 'PATCH /api/v1/stations/:id', targetType: 'station', targetId: 'CP-1',
  at: t(0), remoteAddress: '127.0.0.1', before: null, after: { displayName: 'x' }, details: { statusCode: 200 }, ...patch,
});

for (const target of databaseTargets()) {
  describe(`audit store (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await store.insert(db, entry({ at: t(1) }));
      await store.insert(db, entry({ at: t(2), targetId: 'CP-2' }));
      await store.insert(db, entry({ at: t(3), actorType: 'system', actorId: 'system:reservation-expiry', action: 'command CancelReservation' }));
      await store.insert(db, entry({ at: t(4), tenantId: 'other' }));
    });
    after(async () => { await handle.close(); });

    it('lists a tenant\'s entries newest first, with cursor pagination', async () => {
      const first = await store.list(db, 'default', { limit: 2 });
      assert.deepEqual(first.items.map((e) => e.at), [t(3), t(2)]);
      const second = await store.list(db, 'default', { limit: 2, cursor: first.nextCursor! });
      assert.deepEqual(second.items.map((e) => e.at), [t(1)]);
      assert.equal(second.nextCursor, null);
      assert.deepEqual(second.items[0]!.after, { displayName: 'x' });
    });

    it('filters by actor, action, target and time range', async () => {
      const ats = async (query: Parameters<typeof store.list>[2]) => (await store.list(db, 'default', query)).items.map((e) => e.at.getTime());
      assert.deepEqual(await ats({ limit: 10, actorId: 'system:reservation-expiry' }), [t(3).getTime()]);
      assert.deepEqual(await ats({ limit: 10, action: 'PATCH /api/v1/stations/:id' }), [t(2).getTime(), t(1).getTime()]);
      assert.deepEqual(await ats({ limit: 10, targetType: 'station', targetId: 'CP-2' }), [t(2).getTime()]);
      assert.deepEqual(await ats({ limit: 10, from: t(2), to: t(3) }), [t(2).getTime()]);
      assert.deepEqual(await ats({ limit: 10, actorId: 'nobody' }), []);
    });

    it('keeps tenants apart and rejects foreign cursors', async () => {
      assert.equal((await store.list(db, 'other', { limit: 10 })).items.length, 1);
      await assert.rejects(store.list(db, 'default', { limit: 10, cursor: 'bogus!' }), { code: 'invalid_cursor' });
    });
  });
}
