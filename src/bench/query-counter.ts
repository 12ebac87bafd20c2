// Diagnostics for the bench server: counts the statements sent to PostgreSQL (node-postgres) or
// PGlite by their text, so a profile's "socket writev" or "query" time can be traced to the
// statements that cause it. Enabled by BENCH_COUNT_QUERIES=<file> in server-process.ts.
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

type Counter = { write(): void };

export function countQueries(file: string): Counter {
  const counts = new Map<string, number>();
  const count = (text: unknown): void => {
    const sqlText = typeof text === 'string' ? text : (text as { text?: string } | null)?.text ?? '?';
    const key = sqlText.replace(/\s+/g, ' ').replace(/\$\d+(, \$\d+)*/g, '$n').slice(0, 160);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const wrap = <T extends object>(proto: T, method: keyof T): void => {
    const original = proto[method] as unknown as (...args: unknown[]) => unknown;
    (proto as Record<keyof T, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
      count(args[0]);
      return original.apply(this, args);
    };
  };
  wrap(pg.Client.prototype, 'query');
  wrap(PGlite.prototype, 'query');
  wrap(PGlite.prototype, 'exec');
  return {
    write() {
      const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([text, n]) => `${String(n).padStart(8)}  ${text}`);
      writeFileSync(file, `${rows.join('\n')}\n`);
    },
  };
}
