import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import type { DatabaseHandle } from '../../infra/db/database.js';
import { GroupCommitter } from '../../infra/db/group-commit.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { EventBus } from '../../infra/events/event-bus.js';
import { AdmissionCache } from './admission-cache.js';
import { createConnectorLayoutStore } from './connector-layout-store.js';
import { StationService } from './service.js';
import { createStationStore } from './store.js';

const PASSWORD = 'correct-horse-battery';
const NEW_PASSWORD = 'another-long-password';

for (const target of databaseTargets()) {
  describe(`admission cache (ADR 072), ${target.name}`, () => {
    let handle: DatabaseHandle;
    let reads = 0;
    const services: StationService[] = [];
    const serviceFor = (nodeId: string) => {
      const store = createStationStore();
      const findForAdmission = store.findForAdmission.bind(store);
      store.findForAdmission = (ex, ids) => { reads += 1; return findForAdmission(ex, ids); };
      const service = new StationService(handle.db, new GroupCommitter(handle.db), store, createConnectorLayoutStore(), {
        unknownStations: 'reject', defaultTenant: 'default', heartbeatIntervalSeconds: 300, bootRetryIntervalSeconds: 60,
        nodeId, shedQueueDepth: 10_000, shedRetrySeconds: [10, 20], cacheAdmissions: true,
      }, new EventBus(), pino({ level: 'silent' }));
      services.push(service);
      return service;
    };
    before(async () => { handle = await target.open(); });
    after(async () => { await handle.close(); });

    it('A00.FR.204: admits a known station from memory, and sees a password change, a removal and a re-creation at once', async () => {
      const stations = serviceFor('n1');
      await stations.create({ tenantId: 'default', id: 'AC-1', registrationStatus: 'Accepted', securityProfile: 1, password: PASSWORD });
      const before = reads;
      assert.equal((await stations.admit('AC-1', { username: 'AC-1', password: PASSWORD }, 'ocpp1.6')).ok, true);
      assert.equal(reads, before + 1);
      assert.equal((await stations.admit('AC-1', { username: 'AC-1', password: PASSWORD }, 'ocpp1.6')).ok, true);
      assert.equal(reads, before + 1, 'the second handshake reads nothing');

      await stations.update('default', 'AC-1', { password: NEW_PASSWORD });
      assert.deepEqual(await stations.admit('AC-1', { username: 'AC-1', password: PASSWORD }, 'ocpp1.6'), { ok: false, status: 401, reason: 'Wrong password' });
      assert.equal((await stations.admit('AC-1', { username: 'AC-1', password: NEW_PASSWORD }, 'ocpp1.6')).ok, true);

      await stations.update('default', 'AC-1', { registrationStatus: 'Rejected' });
      const rejected = await stations.admit('AC-1', { username: 'AC-1', password: NEW_PASSWORD }, 'ocpp1.6');
      assert.equal(rejected.ok && rejected.registrationStatus, 'Rejected');

      await stations.remove('default', 'AC-1');
      assert.equal((await stations.admit('AC-1', { username: 'AC-1', password: NEW_PASSWORD }, 'ocpp1.6')).ok, false, 'unknown again (policy: reject)');
      await stations.create({ tenantId: 'default', id: 'AC-1', registrationStatus: 'Accepted', securityProfile: 0 });
      assert.equal((await stations.admit('AC-1', undefined, 'ocpp1.6')).ok, true, 'the re-created station has no password');
    });

    it('loads every known station at start: a restart storm reads nothing at the handshakes', async () => {
      await serviceFor('n1').create({ tenantId: 'default', id: 'AC-2', registrationStatus: 'Accepted', securityProfile: 0 });
      const restarted = serviceFor('n2');
      await restarted.recoverAfterRestart();
      const before = reads;
      assert.equal((await restarted.admit('AC-2', undefined, 'ocpp2.0.1')).ok, true);
      assert.equal(reads, before);
    });
  });
}

it('does not keep a read that an invalidation overtook (the row may have changed while it ran)', () => {
  const cache = new AdmissionCache();
  const record = { tenantId: 'default', id: 'X', registrationStatus: 'Accepted' as const, securityProfile: 0, passwordHash: null };
  const startedAt = cache.readStarted();
  cache.invalidate('X');
  cache.keep(record, startedAt);
  assert.equal(cache.get('X'), undefined);
  cache.keep(record, cache.readStarted());
  assert.deepEqual(cache.get('X'), record);
});
