// Tests that prove a path reads nothing (or one batched statement) count what the code sends to the
// database: every statement text given to PGlite's or node-postgres' `query` while `counted` runs.
// Importing this module patches both prototypes once per test process.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

let sent: string[] = [];
let counting = false;
for (const proto of [PGlite.prototype, pg.Client.prototype] as Array<{ query: (...args: unknown[]) => unknown }>) {
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const text = args[0];
    if (counting) sent.push(typeof text === 'string' ? text : String((text as { text?: string })?.text ?? ''));
    return original.apply(this, args);
  };
}

/** Runs `work` and returns its value with the statement texts sent meanwhile (not re-entrant). */
export async function counted<T>(work: () => Promise<T>): Promise<{ value: T; statements: string[] }> {
  sent = [];
  counting = true;
  try {
    return { value: await work(), statements: sent };
  } finally {
    counting = false;
  }
}
