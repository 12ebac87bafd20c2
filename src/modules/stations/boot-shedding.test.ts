import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pino } from 'pino';
import { migrateDatabase, openDatabase } from '../../infra/db/database.js';
import { GroupCommitter } from '../../infra/db/group-commit.js';
import { EventBus } from '../../infra/events/event-bus.js';
import { createConnectorLayoutStore } from './connector-layout-store.js';
import { StationService } from './service.js';
import { createStationStore } from './store.js';

/** A committer whose queue always looks deep and slow: the server is behind on its writes. */
class BusyCommitter extends GroupCommitter {
  override get queueDepth(): number {
    return 10_000;
  }

  override get oldestWaitMs(): number {
    return 10_000;
  }
}

/** Deep but draining fast: no overload. */
class DeepButFastCommitter extends GroupCommitter {
  override get queueDepth(): number {
    return 10_000;
  }
}

it('sheds a BootNotification under load: Pending with a jittered interval, nothing written', async () => {
  const database = await openDatabase({ inMemory: true });
  await migrateDatabase(database);
  const store = createStationStore();
  const config = {
    unknownStations: 'accept' as const, defaultTenant: 'default', heartbeatIntervalSeconds: 300, bootRetryIntervalSeconds: 60,
    nodeId: 'n1', shedQueueDepth: 100, shedRetrySeconds: [10, 20] as [number, number],
  };
  const normal = new StationService(database.db, new GroupCommitter(database.db), store, createConnectorLayoutStore(), config, new EventBus(), pino({ level: 'silent' }));
  await normal.create({ tenantId: 'default', id: 'SHED-1', registrationStatus: 'Accepted', securityProfile: 0 });
  const busy = new StationService(database.db, new BusyCommitter(database.db), store, createConnectorLayoutStore(), config, new EventBus(), pino({ level: 'silent' }));
  const info = { vendor: 'V', model: 'M', serialNumber: null, firmwareVersion: null, iccid: null, imsi: null, reason: null };
  const ref = { stationId: 'SHED-1', tenantId: 'default', version: 'ocpp1.6' as const, registrationStatus: 'Accepted' as const };

  const shed = await busy.boot(ref, info);
  assert.equal(shed.status, 'Pending');
  assert.equal(shed.shed, true);
  assert.ok(shed.intervalSeconds >= 10 && shed.intervalSeconds <= 20);
  assert.equal((await normal.get('default', 'SHED-1')).lastBootAt, null, 'a shed boot writes nothing');

  const fast = new StationService(database.db, new DeepButFastCommitter(database.db), store, createConnectorLayoutStore(), config, new EventBus(), pino({ level: 'silent' }));
  const notShed = await fast.boot(ref, info);
  assert.deepEqual([notShed.status, notShed.shed], ['Accepted', false], 'a deep queue whose head does not wait is no reason to shed');

  const accepted = await normal.boot(ref, info);
  assert.deepEqual([accepted.status, accepted.shed, accepted.intervalSeconds], ['Accepted', false, 300]);
  assert.equal((await normal.get('default', 'SHED-1')).vendor, 'V');
  await database.close();
});
