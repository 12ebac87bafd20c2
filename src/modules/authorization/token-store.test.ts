import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isUniqueViolation, type DatabaseHandle, type Executor } from '../../infra/db/database.js';
import { stations, tenants } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import type { TokenFields } from './domain/token.js';
import { createLocalListStore } from './local-list-store.js';
import { createTokenStore } from './token-store.js';

const store = createTokenStore();
const A = 'default';
const B = 'tenant-b';
const fields = (idToken: string, patch: Partial<TokenFields> = {}): TokenFields => ({
  idToken, type: 'ISO14443', groupIdToken: null, blocked: false, expiresAt: null, language: null, owner: null, masterPass: false, ...patch,
});

for (const target of databaseTargets()) {
  describe(`token store on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values({ id: B, name: 'Tenant B' });
    });
    after(async () => { await handle.close(); });

    it('creates, reads, updates and deletes a token; values are unique per tenant', async () => {
      const created = await store.create(db, A, fields('AA11', { owner: 'Jane', language: 'en', expiresAt: new Date('2031-01-01T00:00:00Z') }));
      assert.match(created.id, /^tok_[0-9a-f]{16}$/);
      assert.deepEqual(await store.get(db, A, created.id), created);
      assert.equal(await store.get(db, B, created.id), null, 'another tenant does not see it');
      await assert.rejects(store.create(db, A, fields('AA11')), isUniqueViolation);
      await store.create(db, B, fields('AA11'));

      const updated = await store.update(db, A, created.id, { blocked: true, owner: null });
      assert.equal(updated?.blocked, true);
      assert.equal(updated?.owner, null);
      assert.ok(updated && updated.updatedAt >= created.updatedAt);
      assert.equal(await store.update(db, B, created.id, { blocked: false }), null);
      assert.equal(await store.delete(db, B, created.id), false);
      assert.equal(await store.delete(db, A, created.id), true);
      assert.equal(await store.get(db, A, created.id), null);
    });

    it('finds a token for authorization case-insensitively, with its group token type', async () => {
      await store.create(db, A, fields('FLEET-G', { type: 'Local' }));
      const member = await store.create(db, A, fields('Ab12cd', { groupIdToken: 'FLEET-G', masterPass: true }));
      const found = await store.findForAuthorization(db, A, 'AB12CD');
      assert.deepEqual(found, {
        id: member.id, idToken: 'Ab12cd', type: 'ISO14443', groupIdToken: 'FLEET-G', groupIdTokenType: 'Local',
        blocked: false, expiresAt: null, language: null, masterPass: true, locations: [],
      });
      assert.equal(await store.findForAuthorization(db, B, 'Ab12cd'), null);
      assert.equal(await store.findForAuthorization(db, A, 'nope'), null);
      assert.deepEqual((await store.findByValues(db, A, ['ab12CD', 'fleet-g', 'x'])).map((t) => t.idToken).sort(), ['Ab12cd', 'FLEET-G']);
    });

    it('lists by value with cursor pagination and filters', async () => {
      for (const [value, patch] of [
        ['L-01', { type: 'KeyCode', owner: 'Depot North' }], ['L-02', { blocked: true }], ['L-03', { groupIdToken: 'L-GROUP' }],
        ['L-04', { owner: 'depot south' }], ['L_05', {}],
      ] as const) await store.create(db, B, fields(value, patch));
      const first = await store.list(db, B, { limit: 2, search: 'L' });
      const second = await store.list(db, B, { limit: 2, search: 'L', cursor: first.nextCursor });
      const third = await store.list(db, B, { limit: 2, search: 'L', cursor: second.nextCursor });
      assert.deepEqual([...first.items, ...second.items, ...third.items].map((t) => t.idToken), ['L-01', 'L-02', 'L-03', 'L-04', 'L_05']);
      assert.equal(third.nextCursor, null);
      assert.deepEqual((await store.list(db, B, { limit: 10, type: 'KeyCode' })).items.map((t) => t.idToken), ['L-01']);
      assert.deepEqual((await store.list(db, B, { limit: 10, blocked: true })).items.map((t) => t.idToken), ['L-02']);
      assert.deepEqual((await store.list(db, B, { limit: 10, groupIdToken: 'L-GROUP' })).items.map((t) => t.idToken), ['L-03']);
      assert.deepEqual((await store.list(db, B, { limit: 10, search: 'DEPOT' })).items.map((t) => t.idToken), ['L-01', 'L-04']);
      assert.deepEqual((await store.list(db, B, { limit: 10, search: '_' })).items.map((t) => t.idToken), ['L_05'], 'LIKE wildcards are literal');
      await assert.rejects(store.list(db, B, { limit: 10, cursor: 'not a cursor' }), { code: 'invalid_cursor' });
    });

    it('upserts many tokens by value and tells which stations carry them', async () => {
      const [existing] = await Promise.all([store.create(db, A, fields('UP-1'))]);
      const ids = await store.upsertMany(db, A, [fields('UP-1', { blocked: true, owner: 'x' }), fields('UP-2', { type: 'eMAID' })]);
      assert.equal(ids[0], existing!.id, 'an existing value keeps its id');
      assert.equal((await store.get(db, A, existing!.id))?.blocked, true);
      assert.equal((await store.get(db, A, ids[1]!))?.type, 'eMAID');

      await db.insert(stations).values({ tenantId: A, id: 'CARRY-1', registrationStatus: 'Accepted', securityProfile: 0 });
      await createLocalListStore().replaceMembers(db, A, 'CARRY-1', [ids[1]!]);
      assert.deepEqual(await store.stationsCarrying(db, A, ids), ['CARRY-1']);
      assert.deepEqual(await store.stationsCarrying(db, A, [existing!.id]), []);
      assert.deepEqual(await store.stationsCarrying(db, B, ids), []);
      await store.update(db, A, ids[1]!, { groupIdToken: 'UP-GROUP' });
      assert.deepEqual(await store.stationsCarryingGroup(db, A, 'UP-GROUP'), ['CARRY-1']);
      assert.deepEqual(await store.stationsCarryingGroup(db, A, 'UP-1'), []);
    });
  });
}
