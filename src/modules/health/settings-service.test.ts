import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { EventBus } from '../../infra/events/event-bus.js';
import { HealthSettingsService } from './settings-service.js';
import { createHealthStore, type HealthStore } from './store.js';
import { heldCalls } from '../../testing/held-calls.js';

const real = createHealthStore();

for (const target of databaseTargets()) {
  describe(`health settings cache (${target.name})`, () => {
    let handle: DatabaseHandle;
    before(async () => { handle = await target.open(); });
    after(async () => { await handle.close(); });

    it('shares one read between the callers that miss at once; an update is seen at once', async () => {
      const read = heldCalls((ex: Executor, tenantId: string) => real.settings(ex, tenantId));
      const store = { ...real, settings: read.call } as HealthStore;
      const service = new HealthSettingsService(handle.db, store, new EventBus());
      // A sweep over many stations of one tenant: each evaluation asks before the first read is back.
      const many = Array.from({ length: 50 }, () => service.get('default'));
      await read.firstDone;
      assert.equal(read.calls, 1);
      assert.equal(service.peek('default'), null, 'nothing cached before the read is back');
      // An update asked for while that read is out merges over its answer, then replaces it.
      const updating = service.update('default', { rules: { offline: { windowSeconds: 300 } } });
      read.release();
      const answers = await Promise.all(many);
      assert.ok(answers.every((settings) => settings === answers[0]), 'one read, one answer');
      assert.equal(answers[0]!.rules.offline.windowSeconds, 120, 'the default, read before the update');
      assert.equal((await updating).rules.offline.windowSeconds, 300);
      assert.equal((await service.get('default')).rules.offline.windowSeconds, 300);
      assert.equal(service.peek('default')?.rules.offline.windowSeconds, 300);
      assert.equal(read.calls, 1, 'the update joined the read in flight; later calls are answered from memory');
    });
  });
}
