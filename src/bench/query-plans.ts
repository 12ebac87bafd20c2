// Diagnostics for the bench server: the plan PostgreSQL chose for each statement text of the run,
// taken once a text has run `after` times (so the plan is the one the steady state gets, on tables
// that have grown), with the parameters of that execution. A sequential scan of a table that
// grows with the network (sessions, events) shows here long before it shows in a profile.
// Enabled by BENCH_EXPLAIN=<file> in server-process.ts; node-postgres only (PGlite plans alike).
import { writeFileSync } from 'node:fs';
import pg from 'pg';

type Plans = { write(): void };
type QueryConfig = { text?: string; values?: unknown[] };

export function explainQueries(file: string, after = 200): Plans {
  const seen = new Map<string, number>();
  const plans = new Map<string, string>();
  const query = pg.Client.prototype.query as unknown as (this: pg.Client, ...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const config = (typeof args[0] === 'string' ? { text: args[0] } : args[0] ?? {}) as QueryConfig;
    const text = config.text ?? '';
    const values = Array.isArray(args[1]) ? args[1] : config.values;
    const result = query.apply(this, args);
    const key = text.replace(/\s+/g, ' ').trim();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === after && /^(with|select|update|insert|delete)/i.test(key)) {
      // Queued on the same connection after the statement itself: inside its transaction, no side effects.
      const explained = query.call(this, { text: `explain ${text}`, values }) as Promise<{ rows: Array<{ 'QUERY PLAN': string }> }>;
      explained.then(
        (r) => plans.set(key, r.rows.map((row) => row['QUERY PLAN']).join('\n')),
        (error: unknown) => plans.set(key, `explain failed: ${String(error)}`),
      );
    }
    return result;
  };
  return {
    write() {
      const sections = [...plans].map(([text, plan]) => {
        const flagged = /Seq Scan on (?!pg_catalog)/.test(plan) ? '  <-- SEQUENTIAL SCAN' : '';
        return `==== ${seen.get(text)} runs${flagged}\n${text.slice(0, 300)}\n${plan}`;
      });
      writeFileSync(file, sections.join('\n\n') + '\n');
    },
  };
}
