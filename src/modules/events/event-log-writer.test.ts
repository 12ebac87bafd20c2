import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import type { DatabaseHandle } from '../../infra/db/database.js';
import { GroupCommitter } from '../../infra/db/group-commit.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import { EventBus, type DomainEvent } from '../../infra/events/event-bus.js';
import { createEventLogStore } from './event-log-store.js';
import { EventLogWriter } from './event-log-writer.js';
import type { PersistedEvent } from './event-types.js';

const store = createEventLogStore();
const event = (type: string, tenantId = 'default', data: Record<string, unknown> = {}): DomainEvent => ({ type, tenantId, at: new Date(), data });
const ALL = { types: null, stationId: null };

for (const target of databaseTargets()) {
  describe(`EventLogWriter (${target.name})`, () => {
    let handle: DatabaseHandle;
    let commits: GroupCommitter;
    const logLines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => { logLines.push(line); } });
    before(async () => {
      handle = await target.open();
      commits = new GroupCommitter(handle.db);
    });
    after(async () => {
      await commits.close();
      await handle.close();
    });

    it('stores what the bus publishes without making the publisher wait, then fans out in id order', async () => {
      const bus = new EventBus();
      const writer = new EventLogWriter(commits, store, log, { maxBatch: 3 });
      writer.attach(bus);
      const hooked: string[] = [];
      writer.onPersist(async (_tx, events) => { hooked.push(...events.map((e) => e.type)); });
      const seen: PersistedEvent[] = [];
      writer.subscribe((e) => seen.push(e));
      for (let i = 0; i < 7; i += 1) bus.publish(event(`w.e${i}`));
      assert.equal(seen.length, 0, 'nothing is written synchronously');
      await writer.flush();
      assert.deepEqual(seen.map((e) => e.type), ['w.e0', 'w.e1', 'w.e2', 'w.e3', 'w.e4', 'w.e5', 'w.e6']);
      assert.deepEqual(hooked, seen.map((e) => e.type), 'persist hooks saw every event in its transaction');
      for (let i = 1; i < seen.length; i += 1) assert.ok(seen[i - 1]!.id < seen[i]!.id);
      const stored = await store.listAfter(handle.db, 'default', seen[0]!.id - 1n, ALL, 100);
      assert.deepEqual(stored.map((e) => e.id), seen.map((e) => e.id));
    });

    it('drops only the events that cannot be stored, with a log line', async () => {
      const writer = new EventLogWriter(commits, store, log);
      const seen: string[] = [];
      writer.subscribe((e) => seen.push(e.type));
      writer.enqueue(event('bad.before'));
      // jsonb cannot hold U+0000 (a station may well send one in a free-text field).
      writer.enqueue(event('bad.nul-character', 'default', { info: 'vendor\u0000text' }));
      writer.enqueue(event('bad.bigint', 'default', { n: 1n }));
      writer.enqueue(event('bad.after'));
      await writer.flush();
      assert.deepEqual(seen, ['bad.before', 'bad.after']);
      assert.equal(logLines.filter((line) => line.includes('event not stored')).length, 2);
    });

    it('writes at most once per interval: what arrives meanwhile goes in one insert; flush does not wait', async () => {
      const writer = new EventLogWriter(commits, store, log, { minIntervalMs: 60_000 });
      const inserts: string[][] = [];
      writer.onPersist(async (_tx, events) => { inserts.push(events.map((e) => e.type)); });
      const seen: string[] = [];
      let firstStored: () => void = () => {};
      const stored = new Promise<void>((resolve) => { firstStored = resolve; });
      writer.subscribe((e) => { seen.push(e.type); firstStored(); });
      writer.enqueue(event('i.e0'));
      await stored; // the log was quiet: the first write starts at the next turn
      for (let i = 1; i <= 3; i += 1) {
        writer.enqueue(event(`i.e${i}`));
        await new Promise((resolve) => setImmediate(resolve));
        await commits.flush();
      }
      assert.deepEqual(seen, ['i.e0'], 'within the interval, events wait for the next write');
      await writer.flush();
      assert.deepEqual(inserts, [['i.e0'], ['i.e1', 'i.e2', 'i.e3']]);
      assert.deepEqual(seen, ['i.e0', 'i.e1', 'i.e2', 'i.e3']);
    });

    it('keeps its queue bounded', async () => {
      const writer = new EventLogWriter(commits, store, log, { maxQueue: 2 });
      const seen: string[] = [];
      writer.subscribe((e) => seen.push(e.type));
      for (let i = 0; i < 5; i += 1) writer.enqueue(event(`q.e${i}`));
      await writer.flush();
      assert.deepEqual(seen, ['q.e0', 'q.e1']);
      assert.ok(logLines.some((line) => line.includes('event log queue full')));
    });
  });
}
