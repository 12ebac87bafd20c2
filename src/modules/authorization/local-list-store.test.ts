import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { stations, tenants } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import type { LocalListEntry } from './domain/local-list.js';
import { createLocalListStore } from './local-list-store.js';
import { createTokenStore } from './token-store.js';

const lists = createLocalListStore();
const tokens = createTokenStore();
const A = 'default';
const B = 'tenant-b';
const entry = (patch: Partial<LocalListEntry> = {}): LocalListEntry => ({
  type: 'ISO14443', status: 'Accepted', expiresAt: null, groupIdToken: null, groupIdTokenType: null, language: null, ...patch,
});
const at = new Date('2030-01-01T00:00:00Z');

for (const target of databaseTargets()) {
  describe(`local list store on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values({ id: B, name: 'Tenant B' });
      await db.insert(stations).values([
        { tenantId: A, id: 'LL-1', registrationStatus: 'Accepted', securityProfile: 0 },
        { tenantId: B, id: 'LL-B', registrationStatus: 'Accepted', securityProfile: 0 },
      ]);
    });
    after(async () => { await handle.close(); });

    it('keeps per-station settings, created on first write, per tenant', async () => {
      assert.equal(await lists.getSettings(db, A, 'LL-1'), null);
      const saved = await lists.saveSettings(db, A, 'LL-1', { authCacheEnabled: false });
      assert.deepEqual(saved, {
        stationId: 'LL-1', authCacheEnabled: false, localListEnabled: false, localListVersion: 0, localListSyncedAt: null, localListSyncError: null,
      });
      assert.equal((await lists.saveSettings(db, A, 'LL-1', { localListEnabled: true })).authCacheEnabled, false, 'a patch keeps the rest');
      assert.deepEqual(await lists.saveSettings(db, A, 'LL-1', {}), await lists.getSettings(db, A, 'LL-1'));
      assert.equal(await lists.getSettings(db, B, 'LL-1'), null);
      await assert.rejects(lists.saveSettings(db, B, 'LL-1', { authCacheEnabled: true }), 'a station of another tenant cannot be configured');
    });

    it('replaces the members and lists them with their token facts', async () => {
      await tokens.create(db, A, { idToken: 'GRP', type: 'Central', groupIdToken: null, blocked: false, expiresAt: null, language: null, owner: null, masterPass: false });
      const one = await tokens.create(db, A, { idToken: 'M-1', type: 'ISO14443', groupIdToken: 'GRP', blocked: true, expiresAt: at, language: 'en', owner: null, masterPass: false });
      const two = await tokens.create(db, A, { idToken: 'M-2', type: 'KeyCode', groupIdToken: 'NOT-STORED', blocked: false, expiresAt: null, language: null, owner: null, masterPass: true });
      await lists.replaceMembers(db, A, 'LL-1', [one.id, two.id]);
      assert.deepEqual(await lists.listMembers(db, A, 'LL-1'), [
        { id: one.id, idToken: 'M-1', type: 'ISO14443', groupIdToken: 'GRP', groupIdTokenType: 'Central', blocked: true, expiresAt: at, language: 'en', masterPass: false },
        { id: two.id, idToken: 'M-2', type: 'KeyCode', groupIdToken: 'NOT-STORED', groupIdTokenType: null, blocked: false, expiresAt: null, language: null, masterPass: true },
      ]);
      await lists.replaceMembers(db, A, 'LL-1', [two.id]);
      assert.deepEqual((await lists.listMembers(db, A, 'LL-1')).map((m) => m.idToken), ['M-2']);
      assert.deepEqual(await lists.listMembers(db, B, 'LL-1'), []);
      await tokens.delete(db, A, two.id);
      assert.deepEqual(await lists.listMembers(db, A, 'LL-1'), [], 'deleting a token takes it off every list');
      await lists.replaceMembers(db, A, 'LL-1', []);
    });

    it('records accepted full and differential updates and sync errors', async () => {
      await lists.recordAccepted(db, B, 'LL-B', { updateType: 'Full', version: 1, upserts: [{ idToken: 'X', entry: entry() }, { idToken: 'Y', entry: entry() }], removals: [] }, at);
      await lists.setSyncError(db, B, 'LL-B', 'Failed');
      assert.equal((await lists.getSettings(db, B, 'LL-B'))?.localListSyncError, 'Failed');
      await lists.recordAccepted(db, B, 'LL-B', { updateType: 'Differential', version: 2, upserts: [{ idToken: 'Y', entry: entry({ status: 'Blocked', language: 'fr' }) }, { idToken: 'Z', entry: entry() }], removals: [{ idToken: 'X', entry: entry() }] }, at);
      assert.deepEqual(await lists.listEntries(db, B, 'LL-B'), new Map([['Y', entry({ status: 'Blocked', language: 'fr' })], ['Z', entry()]]));
      const settings = await lists.getSettings(db, B, 'LL-B');
      assert.deepEqual([settings?.localListVersion, settings?.localListSyncError, settings?.localListSyncedAt], [2, null, at]);
      await lists.recordAccepted(db, B, 'LL-B', { updateType: 'Full', version: 3, upserts: [], removals: [] }, at);
      assert.equal((await lists.listEntries(db, B, 'LL-B')).size, 0, 'an empty full update empties the list');
      assert.equal((await lists.listEntries(db, A, 'LL-B')).size, 0);
    });
  });
}
