import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { tenants } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { createEventLogStore } from '../events/event-log-store.js';
import { createDeliveryStore } from './delivery-store.js';
import { createSubscriptionStore } from './subscription-store.js';

const subscriptions = createSubscriptionStore();
const deliveries = createDeliveryStore();
const events = createEventLogStore();
const t = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));
const failed = (at: Date, nextAttemptAt: Date | null) => ({ at, statusCode: 500, error: 'HTTP 500', status: 'pending' as const, nextAttemptAt });

for (const target of databaseTargets()) {
  describe(`webhook stores (${target.name})`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    let eventIds: bigint[];
    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(tenants).values({ id: 'b', name: 'B' });
      for (const [id, tenantId] of [['wh_000000000000000a', 'default'], ['wh_000000000000000b', 'default'], ['wh_00000000000000b1', 'b']] as const) {
        await subscriptions.insert(db, { id, tenantId, url: 'https://example.com/hook', secret: `whsec_${id}`, eventTypes: ['*'], description: null });
      }
      eventIds = (await events.append(db, Array.from({ length: 6 }, (_, i) => ({ type: `e.${i}`, tenantId: 'default', at: t(0), data: {} })))).map((e) => e.id);
    });
    after(async () => { await handle.close(); });

    it('scopes subscriptions to their tenant and never returns the secret from tenant reads', async () => {
      assert.equal(await subscriptions.get(db, 'b', 'wh_000000000000000a'), null);
      const own = await subscriptions.get(db, 'default', 'wh_000000000000000a');
      assert.equal(own?.url, 'https://example.com/hook');
      assert.equal((own as Record<string, unknown> | null)?.['secret'], undefined);
      const page1 = await subscriptions.list(db, 'default', { limit: 1 });
      const page2 = await subscriptions.list(db, 'default', { limit: 1, cursor: page1.nextCursor! });
      assert.deepEqual([...page1.items, ...page2.items].map((s) => s.id), ['wh_000000000000000a', 'wh_000000000000000b']);
      assert.equal(page2.nextCursor, null);
      assert.deepEqual((await subscriptions.enabledFor(db, ['b'])).map((s) => s.id), ['wh_00000000000000b1']);
    });

    it('claims due deliveries once: a claimed delivery is leased, concurrent claims do not overlap', async () => {
      await deliveries.enqueue(db, eventIds.map((eventId) => ({ tenantId: 'default', subscriptionId: 'wh_000000000000000a', eventId })), t(10));
      assert.deepEqual(await deliveries.claimDue(db, t(9), t(100), 10), [], 'not due yet');
      const [a, b] = await Promise.all([deliveries.claimDue(db, t(10), t(100), 3), deliveries.claimDue(db, t(10), t(100), 3)]);
      const claimed = [...a!, ...b!].map((d) => d.eventId);
      assert.equal(claimed.length, 6);
      assert.equal(new Set(claimed).size, 6, 'no delivery claimed twice');
      assert.deepEqual(await deliveries.claimDue(db, t(50), t(100), 10), [], 'leased');
      assert.equal((await deliveries.claimDue(db, t(100), t(200), 10)).length, 6, 'a lease that ran out is claimed again');
    });

    it('records attempts, parks and resumes a disabled subscription\'s deliveries, and redelivers', async () => {
      const [delivery] = (await deliveries.list(db, 'default', 'wh_000000000000000a', { limit: 1 })).items;
      await deliveries.recordAttempt(db, delivery!.id, failed(t(200), t(210)));
      let [stored] = (await deliveries.list(db, 'default', 'wh_000000000000000a', { limit: 1 })).items;
      assert.equal(stored?.attempts, 1);
      assert.equal(stored?.lastStatusCode, 500);
      assert.equal(stored?.eventType, 'e.5');
      await subscriptions.update(db, 'default', 'wh_000000000000000a', { enabled: false }, t(211));
      await deliveries.park(db, 'default', 'wh_000000000000000a');
      assert.deepEqual(await deliveries.claimDue(db, t(1000), t(2000), 10), [], 'parked or disabled: nothing is due');
      await subscriptions.update(db, 'default', 'wh_000000000000000a', { enabled: true }, t(1000));
      await deliveries.resume(db, 'default', 'wh_000000000000000a', t(1000));
      assert.equal((await deliveries.claimDue(db, t(1000), t(2000), 10)).length, 6);
      await deliveries.recordAttempt(db, delivery!.id, { at: t(1001), statusCode: 204, error: null, status: 'succeeded', nextAttemptAt: null });
      assert.equal(await deliveries.redeliver(db, 'b', 'wh_000000000000000a', delivery!.id, t(1002)), null, 'other tenant');
      const again = await deliveries.redeliver(db, 'default', 'wh_000000000000000a', delivery!.id, t(1002));
      assert.equal(again?.status, 'pending');
      [stored] = (await deliveries.list(db, 'default', 'wh_000000000000000a', { limit: 1, status: 'pending' })).items;
      assert.equal(stored?.id, delivery!.id);
    });

    it('disables a subscription once, at the limit of consecutive failures; a success resets the count', async () => {
      const id = 'wh_000000000000000b';
      const results = [];
      for (let i = 0; i < 4; i += 1) results.push(await subscriptions.recordFailure(db, id, 3, 'too many failures', t(i)));
      assert.deepEqual(results.map((r) => r.disabledNow), [false, false, true, false]);
      assert.equal(results[3]!.subscription?.enabled, false);
      assert.equal(results[3]!.subscription?.disabledReason, 'too many failures');
      const reenabled = await subscriptions.update(db, 'default', id, { enabled: true }, t(10));
      assert.equal(reenabled?.consecutiveFailures, 0);
      assert.equal(reenabled?.disabledReason, null);
      await subscriptions.recordFailure(db, id, 3, 'x', t(11));
      await subscriptions.recordSuccess(db, id);
      assert.equal((await subscriptions.get(db, 'default', id))?.consecutiveFailures, 0);
    });

    it('removes a subscription with its delivery log, within its tenant only', async () => {
      assert.equal(await subscriptions.remove(db, 'b', 'wh_000000000000000a'), false);
      assert.equal(await subscriptions.remove(db, 'default', 'wh_000000000000000a'), true);
      assert.deepEqual((await deliveries.list(db, 'default', 'wh_000000000000000a', { limit: 10 })).items, []);
    });
  });
}
