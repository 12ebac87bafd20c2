import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inArray, sql } from 'drizzle-orm';
import { isUniqueViolation, migrateDatabase, migrationsFolder, type DatabaseHandle, type Executor } from './database.js';
import { GroupCommitter, type BatchWriter } from './group-commit.js';
import { ocpp16TransactionIdSeq, tenants } from './schema.js';
import { databaseTargets } from './test-database.js';

/** The id of the current transaction: equal values mean the same transaction. */
async function txid(tx: Executor): Promise<string> {
  const [row] = await tx.select({ id: sql<string>`txid_current()::text` }).from(tenants).limit(1);
  assert.ok(row);
  return row.id;
}

/** Inserts a tenant and reports the transaction it ran in. */
const addTenant = (id: string) => async (tx: Executor): Promise<string> => {
  await tx.insert(tenants).values({ id, name: `Tenant ${id}` });
  return txid(tx);
};

/** Inserts its items as tenants with ONE multi-row statement per call, recording each call's ids and transaction. */
class TenantWriter implements BatchWriter<string> {
  readonly calls: Array<{ ids: string[]; txid: string }> = [];
  async write(tx: Executor, ids: readonly string[]): Promise<void> {
    await tx.insert(tenants).values(ids.map((id) => ({ id, name: `Tenant ${id}` })));
    this.calls.push({ ids: [...ids], txid: await txid(tx) });
  }
}

async function tenantIds(db: Executor, ids: string[]): Promise<string[]> {
  const rows = await db.select({ id: tenants.id }).from(tenants).where(inArray(tenants.id, ids));
  return rows.map((row) => row.id).sort();
}

for (const target of databaseTargets()) {
  describe(target.name, () => {
    describe('migrations', () => {
      it('apply concurrently and again without error, seeding the default tenant once', async () => {
        const handle = await target.open({ migrate: false });
        try {
          await Promise.all([migrateDatabase(handle), migrateDatabase(handle)]);
          await migrateDatabase(handle);
          const rows = await handle.db.select().from(tenants);
          assert.deepEqual(rows.map((row) => [row.id, row.name]), [['default', 'Default tenant']]);
          const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
          const [applied] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(sql`drizzle.__drizzle_migrations`);
          assert.equal(applied?.n, journal.entries.length);
          const [next] = await handle.db.select({ id: sql<string>`nextval(${ocpp16TransactionIdSeq.seqName})::text` }).from(tenants).limit(1);
          assert.equal(next?.id, '1');
        } finally {
          await handle.close();
        }
      });
    });

    describe('GroupCommitter', () => {
      let handle: DatabaseHandle;
      before(async () => { handle = await target.open(); });
      after(async () => { await handle.close(); });

      it('runs work submitted in the same turn in one transaction, answering after COMMIT', async () => {
        const committer = new GroupCommitter(handle.db);
        const ids = ['g1', 'g2', 'g3', 'g4', 'g5'];
        const txids = await Promise.all(ids.map((id) => committer.run(addTenant(id))));
        assert.equal(new Set(txids).size, 1, 'one transaction for the whole batch');
        // Resolved means committed: a separate connection/transaction sees every row.
        assert.deepEqual(await tenantIds(handle.db, ids), ids);
        await committer.close();
      });

      it('isolates a failing item: the others commit, it rejects, nothing of it is stored', async () => {
        const committer = new GroupCommitter(handle.db);
        const results = await Promise.allSettled([
          committer.run(addTenant('f1')),
          committer.run(async (tx) => {
            await tx.insert(tenants).values({ id: 'f-partial', name: 'written before the failure' });
            await tx.insert(tenants).values({ id: 'default', name: 'duplicate key' });
          }),
          committer.run(addTenant('f2')),
          committer.run(async () => { throw new Error('application error'); }),
          committer.run(addTenant('f3')),
        ]);
        assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
        const [, dup, , appError] = results;
        assert.ok(dup?.status === 'rejected' && isUniqueViolation(dup.reason));
        assert.ok(appError?.status === 'rejected' && appError.reason instanceof Error);
        assert.equal(appError.reason.message, 'application error');
        assert.deepEqual(await tenantIds(handle.db, ['f1', 'f2', 'f3', 'f-partial']), ['f1', 'f2', 'f3']);
        await committer.close();
      });

      it('writes the grouped items of a batch with one call per writer, in the same transaction as plain work', async () => {
        const committer = new GroupCommitter(handle.db);
        const writer = new TenantWriter();
        const other = new TenantWriter();
        const [, , plainTx] = await Promise.all([
          committer.submit(writer, 'w1'), committer.submit(other, 'o1'), committer.run(addTenant('w-plain')),
          committer.submit(writer, 'w2'), committer.submit(writer, 'w3'), committer.submit(other, 'o2'),
        ]);
        // The plain item keeps its place: the groups before it are written first, then those after it.
        assert.deepEqual(writer.calls.map((c) => c.ids), [['w1'], ['w2', 'w3']]);
        assert.deepEqual(other.calls.map((c) => c.ids), [['o1'], ['o2']]);
        assert.equal(new Set([plainTx, ...writer.calls.map((c) => c.txid), ...other.calls.map((c) => c.txid)]).size, 1);
        assert.deepEqual(await tenantIds(handle.db, ['w1', 'w2', 'w3', 'o1', 'o2', 'w-plain']), ['o1', 'o2', 'w-plain', 'w1', 'w2', 'w3']);
        await committer.close();
      });

      it('isolates a failing grouped item by splitting its group: the others commit, only it rejects', async () => {
        const committer = new GroupCommitter(handle.db);
        const writer = new TenantWriter();
        const ids = ['s1', 's2', 's3', 'default', 's5', 's6', 's7'];
        const results = await Promise.allSettled([
          committer.run(addTenant('s-plain')),
          ...ids.map((id) => committer.submit(writer, id)),
        ]);
        assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
        const failed = results[4];
        assert.ok(failed?.status === 'rejected' && isUniqueViolation(failed.reason));
        assert.deepEqual(await tenantIds(handle.db, ['s-plain', 's1', 's2', 's3', 's5', 's6', 's7']), ['s-plain', 's1', 's2', 's3', 's5', 's6', 's7']);
        await committer.close();
      });

      it('splits the queue into batches of at most maxBatch', async () => {
        const committer = new GroupCommitter(handle.db, { maxBatch: 2 });
        const txids = await Promise.all(['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => committer.run(addTenant(id))));
        assert.equal(new Set(txids).size, 3);
        assert.equal(txids[0], txids[1]);
        assert.equal(txids[2], txids[3]);
        assert.notEqual(txids[1], txids[2]);
        await committer.close();
      });

      it('overlaps batches over the pool when maxInFlight > 1 (PostgreSQL), every item committed once', { skip: target.name.includes('pglite') ? 'PGlite has one connection' : false }, async () => {
        const committer = new GroupCommitter(handle.db, { maxBatch: 2, maxInFlight: 3 });
        const ids = Array.from({ length: 12 }, (_, i) => `par-${i}`);
        const txids = await Promise.all(ids.map((id) => committer.run(addTenant(id))));
        assert.equal(new Set(txids).size, 6, 'six batches of two');
        assert.deepEqual(await tenantIds(handle.db, ids), [...ids].sort());
        assert.equal(committer.queueDepth, 0);
        await committer.close();
      });

      it('collects work from several turns within maxDelayMs', async () => {
        // A delay no loaded machine reaches between two turns; flush() then starts the batch at once.
        const committer = new GroupCommitter(handle.db, { maxDelayMs: 60_000 });
        const first = committer.run(addTenant('d1'));
        await new Promise((resolve) => setImmediate(resolve));
        const second = committer.run(addTenant('d2'));
        await committer.flush();
        const [a, b] = await Promise.all([first, second]);
        assert.equal(a, b);
        await committer.close();
      });

      it('with a gather window, work of several turns after a batch joins one batch; work after a quiet spell starts at once', async () => {
        // A window no loaded machine reaches between two turns (1,000,000 times the batch, at most
        // a minute); flush() then starts the batch at once.
        const committer = new GroupCommitter(handle.db, { gather: { ratio: 1_000_000, maxMs: 60_000 } });
        const first = await committer.run(addTenant('gw1')); // no batch before it: starts in the next turn
        const second = committer.run(addTenant('gw2'));
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        const third = committer.run(addTenant('gw3'));
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal(committer.queueDepth, 2, 'both wait for the window after the first batch');
        await committer.flush();
        const [t2, t3] = await Promise.all([second, third]);
        assert.equal(t2, t3);
        assert.notEqual(first, t2);
        await committer.close();
      });

      it('puts work submitted while a batch is in flight into the next batch', async () => {
        const committer = new GroupCommitter(handle.db);
        let releaseFirst: () => void = () => {};
        const gate = new Promise<void>((resolve) => { releaseFirst = resolve; });
        // Wait until the first batch is really running (a fixed sleep was not enough on a starved
        // machine: the sleep could end before the batch's setImmediate, and all three met in one batch).
        let signalStarted: () => void = () => {};
        const started = new Promise<void>((resolve) => { signalStarted = resolve; });
        const first = committer.run(async (tx) => { signalStarted(); await gate; return addTenant('n1')(tx); });
        await started; // the first batch is now in flight
        const later = ['n2', 'n3'].map((id) => committer.run(addTenant(id)));
        releaseFirst();
        const [t1, t2, t3] = await Promise.all([first, ...later]);
        assert.notEqual(t1, t2);
        assert.equal(t2, t3);
        await committer.close();
      });

      it('flush() waits for pending work; close() then rejects new work', async () => {
        const committer = new GroupCommitter(handle.db, { maxDelayMs: 1000 });
        let done = false;
        void committer.run(addTenant('c1')).then(() => { done = true; });
        await committer.flush(); // does not wait for the 1 s timer
        assert.equal(done, true);
        await committer.close();
        await assert.rejects(committer.run(addTenant('c2')), /closed/);
        assert.deepEqual(await tenantIds(handle.db, ['c1', 'c2']), ['c1']);
      });
    });
  });
}
