// Diagnostics for the bench server: counts the statements sent to PostgreSQL (node-postgres) or
// PGlite (outside transactions) by their text, with the rows they returned, so a profile's
// "socket writev" or "result parsing" time can be traced to the statements that cause it.
// Enabled by BENCH_COUNT_QUERIES=<file> in server-process.ts.
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

type Counter = { write(): void };
type Tally = { statements: number; rows: number };

export function countQueries(file: string): Counter {
  const tallies = new Map<string, Tally>();
  const tallyOf = (text: unknown): Tally => {
    const sqlText = typeof text === 'string' ? text : (text as { text?: string } | null)?.text ?? '?';
    const flat = sqlText.replace(/\s+/g, ' ').replace(/\$\d+(, \$\d+)*/g, '$n');
    // Statements that differ only after a long column list (every `select *` of a table) are told
    // apart by their from / where clause.
    const where = flat.search(/ from "?\w+"? (where|inner|left)| where /);
    const key = flat.length <= 160 || where < 0 ? flat.slice(0, 160) : `${flat.slice(0, 60)} … ${flat.slice(where, where + 160)}`;
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = { statements: 0, rows: 0 }));
    return tally;
  };
  const wrap = <T extends object>(proto: T, method: keyof T): void => {
    const original = proto[method] as unknown as (...args: unknown[]) => unknown;
    (proto as Record<keyof T, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
      const tally = tallyOf(args[0]);
      tally.statements += 1;
      const result = original.apply(this, args);
      if (result instanceof Promise) {
        void result.then((value: unknown) => {
          const rows = (value as { rows?: unknown[] } | null)?.rows;
          if (Array.isArray(rows)) tally.rows += rows.length;
        }, () => {});
      }
      return result;
    };
  };
  wrap(pg.Client.prototype, 'query');
  wrap(PGlite.prototype, 'query');
  // PGlite runs a transaction's statements on the object it hands the callback, not through query().
  const transaction = PGlite.prototype.transaction as unknown as (this: unknown, fn: (tx: object) => unknown) => unknown;
  (PGlite.prototype as unknown as { transaction: unknown }).transaction = function (this: unknown, fn: (tx: object) => unknown) {
    return transaction.call(this, (tx: object) => {
      const txQuery = (tx as { query: (...args: unknown[]) => unknown }).query;
      (tx as { query: unknown }).query = (...args: unknown[]) => {
        tallyOf(args[0]).statements += 1;
        return txQuery.apply(tx, args);
      };
      return fn(tx);
    });
  };
  return {
    write() {
      const lines = [...tallies].sort((a, b) => b[1].statements - a[1].statements)
        .map(([text, t]) => `${String(t.statements).padStart(8)} ${String(t.rows).padStart(10)} rows  ${text}`);
      writeFileSync(file, `statements       rows  text\n${lines.join('\n')}\n`);
    },
  };
}
