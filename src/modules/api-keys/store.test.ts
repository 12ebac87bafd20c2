import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { isForeignKeyViolation, isUniqueViolation, type DatabaseHandle, type Executor } from '../../infra/db/database.js';
import { apiKeys } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { createApiKeyStore } from './store.js';

const store = createApiKeyStore();
const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));

for (const target of databaseTargets()) {
  describe(target.name, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => { handle = await target.open(); db = handle.db; });
    after(async () => { await handle.close(); });

    it('creates keys and finds active ones by secret hash', async () => {
      assert.equal(await store.countActive(db), 0);
      const admin = await store.create(db, { tenantId: null, name: 'bootstrap', prefix: 'co_ab12', secretHash: 'hash-admin', role: 'admin' });
      assert.match(admin.id, /^key_[0-9a-f]{16}$/);
      assert.equal(admin.tenantId, null);
      assert.equal(admin.lastUsedAt, null);
      assert.equal(admin.revokedAt, null);
      assert.ok(admin.createdAt instanceof Date);
      const operator = await store.create(db, { tenantId: 'default', name: 'ops', prefix: 'co_cd34', secretHash: 'hash-ops', role: 'operator' });
      assert.notEqual(operator.id, admin.id);
      assert.deepEqual(await store.findActiveByHash(db, 'hash-ops'), operator);
      assert.equal(await store.findActiveByHash(db, 'unknown'), null);
      assert.equal(await store.countActive(db), 2);
      const found = await store.findActiveByHash(db, 'hash-admin');
      assert.deepEqual(Object.keys(found ?? {}).sort(), ['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'permissions', 'prefix', 'revokedAt', 'role', 'tenantId']);
    });

    it('rejects a duplicate secret hash and an unknown tenant', async () => {
      await assert.rejects(store.create(db, { tenantId: null, name: 'dup', prefix: 'co_x', secretHash: 'hash-admin', role: 'admin' }), isUniqueViolation);
      await assert.rejects(store.create(db, { tenantId: 'ghost', name: 'g', prefix: 'co_y', secretHash: 'hash-ghost', role: 'admin' }), isForeignKeyViolation);
    });

    it('ignores revoked keys', async () => {
      const key = await store.create(db, { tenantId: 'default', name: 'old', prefix: 'co_ef56', secretHash: 'hash-old', role: 'viewer' });
      assert.equal(await store.countActive(db), 3);
      await db.update(apiKeys).set({ revokedAt: at(1) }).where(eq(apiKeys.id, key.id));
      assert.equal(await store.findActiveByHash(db, 'hash-old'), null);
      assert.equal(await store.countActive(db), 2);
    });

    it('lists a tenant\'s keys, keeps a permission scope, revokes only within the tenant', async () => {
      const scoped = await store.create(db, { tenantId: 'default', name: 'erp', prefix: 'co_gh78', secretHash: 'hash-erp', role: 'operator', permissions: ['stations:read'], createdBy: 'usr_1' });
      assert.deepEqual(scoped.permissions, ['stations:read']);
      assert.equal(scoped.createdBy, 'usr_1');
      const listed = await store.list(db, 'default');
      assert.ok(listed.some((key) => key.id === scoped.id));
      assert.ok(listed.every((key) => key.tenantId === 'default'));
      assert.ok((await store.list(db, null)).every((key) => key.tenantId === null));
      assert.equal(await store.revoke(db, null, scoped.id, at(2)), false, 'a platform-scoped revoke does not reach a tenant key');
      assert.deepEqual(await store.get(db, 'default', scoped.id), scoped);
      assert.equal(await store.revoke(db, 'default', scoped.id, at(2)), true);
      assert.equal(await store.revoke(db, 'default', scoped.id, at(3)), false, 'already revoked');
      assert.equal(await store.findActiveByHash(db, 'hash-erp'), null);
      assert.deepEqual((await store.get(db, 'default', scoped.id))?.revokedAt, at(2));
    });

    it('touch records the last use and never moves it backwards', async () => {
      const key = await store.findActiveByHash(db, 'hash-ops');
      assert.ok(key);
      await store.touch(db, key.id, at(10));
      assert.deepEqual((await store.findActiveByHash(db, 'hash-ops'))?.lastUsedAt, at(10));
      await store.touch(db, key.id, at(5));
      assert.deepEqual((await store.findActiveByHash(db, 'hash-ops'))?.lastUsedAt, at(10));
      await store.touch(db, key.id, at(20));
      assert.deepEqual((await store.findActiveByHash(db, 'hash-ops'))?.lastUsedAt, at(20));
      await store.touch(db, 'key_doesnotexist00', at(30)); // no error
    });
  });
}
