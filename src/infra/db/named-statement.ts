// Named (server-side prepared) statements for the constant-text statements of the hot path (ADR 108).
// PostgreSQL parses and plans an unnamed statement on every execution. For the multi-CTE batch
// statements (jsonb_to_recordset, several joins) that is a few tenths of a ms of PostgreSQL CPU per
// execution, paid per group-commit batch: at moderate load, when batches hold a few messages, a large
// share of PostgreSQL's work per message. A named statement is parsed once per pooled connection and,
// after five executions, may run a cached generic plan. node-postgres keeps the per-connection
// bookkeeping; PGlite (one in-process connection) ignores the name.
//
// Only for statements whose text never varies: node-postgres refuses a name reused with another text,
// so each name is bound to the first text it ran and a different text fails here, before any I/O.
import type { SQL } from 'drizzle-orm';
import type { Executor } from './database.js';

type Query = { sql: string; params: unknown[] };
/** The parts of Drizzle's database / transaction object used here (internal to Drizzle, unchanged since 0.29). */
type DrizzleInternals = {
  dialect: { sqlToQuery(query: SQL): Query };
  session: { prepareQuery(query: Query, fields: undefined, name: string, isResponseInArrayMode: boolean): { execute(): Promise<unknown> } };
};

const texts = new Map<string, string>();

/** Runs `query` as the named statement `name`; the result is what `ex.execute(query)` returns. */
export async function executeNamed<Row>(ex: Executor, name: string, query: SQL): Promise<{ rows: Row[] }> {
  const internals = ex as unknown as DrizzleInternals;
  const compiled = internals.dialect.sqlToQuery(query);
  const known = texts.get(name);
  if (known === undefined) texts.set(name, compiled.sql);
  else if (known !== compiled.sql) throw new Error(`named statement ${name} was given a different text`);
  return internals.session.prepareQuery(compiled, undefined, name, false).execute() as Promise<{ rows: Row[] }>;
}
