// Named statements (ADR 108): same results as an unnamed execution on both databases, prepared once
// per connection on PostgreSQL, and a name can never be run with a second text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './database.js';
import { executeNamed } from './named-statement.js';
import { databaseTargets } from './test-database.js';

const squares = (n: number) => sql`select g as n, g * g as square from generate_series(1, ${n}::integer) as g order by g`;

for (const target of databaseTargets()) {
  describe(`named statements (${target.name})`, () => {
    let handle: DatabaseHandle;
    before(async () => { handle = await target.open({ migrate: false }); });
    after(async () => { await handle.close(); });

    it('answer what the unnamed statement answers, past the generic-plan switch (6th execution)', async () => {
      for (let n = 1; n <= 8; n += 1) {
        const named = await executeNamed<{ n: number; square: number }>(handle.db, `test_squares_${target.name}`, squares(n));
        const plain = await handle.db.execute(squares(n)) as unknown as { rows: Array<{ n: number; square: number }> };
        assert.deepEqual(named.rows, plain.rows);
        assert.equal(named.rows.length, n);
      }
    });

    it('run inside a transaction on its connection', async () => {
      const rows = await handle.db.transaction(async (tx) => {
        await executeNamed(tx, `test_in_tx_${target.name}`, squares(3));
        const again = await executeNamed<{ n: number }>(tx, `test_in_tx_${target.name}`, squares(2));
        if (target.name !== 'postgres') return { again: again.rows, prepared: [] as string[] };
        // PostgreSQL: the statement was prepared under its name on this very connection, once.
        const prepared = await tx.execute(sql`select name from pg_prepared_statements where name = ${`test_in_tx_${target.name}`}`) as unknown as { rows: Array<{ name: string }> };
        return { again: again.rows, prepared: prepared.rows.map((r) => r.name) };
      });
      assert.deepEqual(rows.again.map((r) => Number(r.n)), [1, 2]);
      if (target.name === 'postgres') assert.deepEqual(rows.prepared, [`test_in_tx_${target.name}`]);
    });

    it('refuses a name given a different text, before sending anything', async () => {
      await executeNamed(handle.db, `test_fixed_${target.name}`, sql`select 1 as one`);
      await assert.rejects(
        () => executeNamed(handle.db, `test_fixed_${target.name}`, sql`select 2 as two`),
        /named statement test_fixed_\w+ was given a different text/,
      );
    });
  });
}
