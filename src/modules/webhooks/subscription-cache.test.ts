import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { tenants } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { createEventLogStore } from '../events/event-log-store.js';
import { createDeliveryStore } from './delivery-store.js';
import { SubscriptionCache } from './subscription-cache.js';
import { createSubscriptionStore, type SubscriptionStore } from './subscription-store.js';
import { heldCalls } from '../../testing/held-calls.js';

const subscriptions = createSubscriptionStore();
const deliveries = createDeliveryStore();
const events = createEventLogStore();
const at = new Date(Date.UTC(2030, 0, 1));
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((s) => s.id).sort();

for (const target of databaseTargets()) {
  describe(`webhook subscription cache (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    const add = (id: string, tenantId: string, eventTypes = ['*']) =>
      subscriptions.insert(db, { id, tenantId, url: 'https://example.com/hook', secret: `whsec_${id}`, eventTypes, description: null });
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values([{ id: 'ca', name: 'A' }, { id: 'cb', name: 'B' }]);
      await add('wh_ca00000000000001', 'ca');
    });
    after(async () => { await handle.close(); });

    it('reads a tenant once, sees this node\'s changes at once and other nodes\' after the TTL', async () => {
      let reads = 0;
      const counting = { ...subscriptions, enabledFor: (ex: Executor, tenantIds: readonly string[]) => { reads += 1; return subscriptions.enabledFor(ex, tenantIds); } } as SubscriptionStore;
      let now = 0;
      const cache = new SubscriptionCache(counting, 5000, () => now);
      assert.deepEqual(ids(await cache.enabledFor(db, ['ca', 'cb', 'ca'])), ['wh_ca00000000000001']);
      assert.equal(reads, 1, 'both tenants in one statement');
      assert.deepEqual(ids(await cache.enabledFor(db, ['cb', 'ca'])), ['wh_ca00000000000001']);
      assert.equal(reads, 1, 'a tenant without subscriptions is cached too');
      // Another node adds one: not seen before the entry expires.
      await add('wh_cb00000000000001', 'cb');
      now = 4999;
      assert.deepEqual(ids(await cache.enabledFor(db, ['cb'])), []);
      now = 5000;
      assert.deepEqual(ids(await cache.enabledFor(db, ['cb'])), ['wh_cb00000000000001']);
      assert.equal(reads, 2);
      // This node disables one: seen at once.
      await subscriptions.update(db, 'cb', 'wh_cb00000000000001', { enabled: false }, at);
      cache.invalidate('cb');
      assert.deepEqual(ids(await cache.enabledFor(db, ['ca', 'cb'])), ['wh_ca00000000000001']);
      assert.equal(reads, 3, 'only the invalidated tenant is read again');
    });

    it('does not keep a read that started before an invalidation', async () => {
      const read = heldCalls((ex: Executor, tenantIds: readonly string[]) => subscriptions.enabledFor(ex, tenantIds));
      const slow = { ...subscriptions, enabledFor: read.call } as SubscriptionStore;
      const cache = new SubscriptionCache(slow, 60_000, () => 0);
      const early = cache.enabledFor(db, ['ca']);
      await read.firstDone;
      await add('wh_ca00000000000002', 'ca');
      cache.invalidate('ca');
      read.release();
      assert.deepEqual(ids(await early), ['wh_ca00000000000001'], 'the early read answers its caller');
      assert.deepEqual(ids(await cache.enabledFor(db, ['ca'])), ['wh_ca00000000000001', 'wh_ca00000000000002']);
      assert.equal(read.calls, 2);
    });

    it('writes deliveries only for subscriptions still enabled, in order (a stale entry owes nothing)', async () => {
      await add('wh_ca0000000000000d', 'ca');
      await add('wh_ca0000000000000x', 'ca');
      await subscriptions.update(db, 'ca', 'wh_ca0000000000000d', { enabled: false }, at);
      await subscriptions.remove(db, 'ca', 'wh_ca0000000000000x');
      const stored = await events.append(db, Array.from({ length: 3 }, (_, i) => ({ type: `c.${i}`, tenantId: 'ca', at, data: {} })));
      const rows = stored.flatMap((e) => ['wh_ca00000000000001', 'wh_ca0000000000000d', 'wh_ca0000000000000x'].map((subscriptionId) => ({ tenantId: 'ca', subscriptionId, eventId: e.id })));
      // A row naming another tenant's subscription is not written either.
      rows.push({ tenantId: 'cb', subscriptionId: 'wh_ca00000000000001', eventId: stored[0]!.id });
      await deliveries.enqueue(db, rows, at);
      const written = (await deliveries.list(db, 'ca', 'wh_ca00000000000001', { limit: 10 })).items;
      assert.deepEqual(written.map((d) => d.eventId).sort((a, b) => (a < b ? -1 : 1)), stored.map((e) => e.id));
      assert.ok(written.every((d) => d.status === 'pending' && d.nextAttemptAt?.getTime() === at.getTime() && d.createdAt.getTime() === at.getTime()));
      const byId = [...written].sort((a, b) => (a.id < b.id ? -1 : 1));
      assert.deepEqual(byId.map((d) => d.eventId), stored.map((e) => e.id), 'delivery ids follow the rows\' order');
      assert.deepEqual((await deliveries.list(db, 'ca', 'wh_ca0000000000000d', { limit: 10 })).items, [], 'disabled');
      assert.deepEqual((await deliveries.list(db, 'ca', 'wh_ca0000000000000x', { limit: 10 })).items, [], 'deleted');
      assert.deepEqual((await deliveries.list(db, 'cb', 'wh_ca00000000000001', { limit: 10 })).items, [], 'other tenant');
    });
  });
}
