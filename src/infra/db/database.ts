// Opening the database (PGlite in-process, or PostgreSQL through a node-postgres pool) and applying
// the committed SQL migrations in ./migrations.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
/**
 * The database or a transaction: every store method takes one, so writes can join a group commit.
 * Built without drizzle's relational schema: nothing uses `db.query.*`, and with a schema every
 * transaction (each group commit) built a query builder per table, ~10 KB of garbage (ADR 111).
 */
export type Executor = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = { db: Executor; kind: DatabaseKind; close(): Promise<void> };

export type DatabaseOptions = {
  /** postgres:// or postgresql:// URL: use PostgreSQL through a connection pool. Takes precedence. */
  url?: string | undefined;
  /** PGlite data directory (created if missing). */
  dataDir?: string | undefined;
  /** PGlite in memory (tests, demos); ignored when `url` is set. */
  inMemory?: boolean;
  /** Maximum pool connections for PostgreSQL (default 10). */
  poolSize?: number;
};

/** What migrateDatabase needs besides the handle's public fields. */
type Driver =
  | { kind: 'pglite'; client: PGlite; migrating: Promise<void> }
  | { kind: 'postgres'; pool: pg.Pool };

/** Keyed by the handle's `db`, so a wrapper around a handle (e.g. with another close()) still migrates. */
const drivers = new WeakMap<Executor, Driver>();

/** Key of the session-level advisory lock that serializes migrations across processes ('CHOPMIGR'). */
const MIGRATION_LOCK_KEY = '4848212205176964946';

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  if (options.inMemory) return openPglite(undefined);
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    return openPglite(options.dataDir);
  }
  throw new Error('No database configured: set a postgres:// URL, a PGlite data directory, or in-memory mode');
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('Database URL must start with postgres:// or postgresql://');
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection (server restart, network) emits 'error' on the pool; without
  // a listener that crashes the process. The pool discards the client and the next query reconnects.
  pool.on('error', () => {});
  const db: Executor = drizzleNodePg({ client: pool });
  let closing: Promise<void> | undefined;
  const handle: DatabaseHandle = { db, kind: 'postgres', close: () => (closing ??= pool.end()) };
  drivers.set(db, { kind: 'postgres', pool });
  return handle;
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db: Executor = drizzlePglite({ client });
  let closing: Promise<void> | undefined;
  const handle: DatabaseHandle = { db, kind: 'pglite', close: () => (closing ??= client.close()) };
  drivers.set(db, { kind: 'pglite', client, migrating: Promise.resolve() });
  return handle;
}

/**
 * The migrations folder. From `src/infra/db` (tsx) it sits next to this module; tsc does not copy
 * .sql files, so from `dist/src/infra/db` it falls back to `<package root>/src/infra/db/migrations`.
 */
export function migrationsFolder(): string {
  const candidates = [
    new URL('./migrations', import.meta.url),
    new URL('../../../../src/infra/db/migrations', import.meta.url),
  ].map((url) => fileURLToPath(url));
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`Database migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Applies pending migrations. Safe to run concurrently: on PostgreSQL a session-level advisory lock
 * held on one pooled connection serializes migrators across processes (the drizzle migrator reads
 * the last applied migration before its transaction, so two unserialized runs would both apply it);
 * a PGlite database belongs to one process, so calls on one handle are chained instead.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const driver = drivers.get(handle.db);
  if (!driver) throw new Error('migrateDatabase: not a handle returned by openDatabase');
  const folder = migrationsFolder();
  if (driver.kind === 'pglite') {
    const run = driver.migrating.then(() => migratePglite(drizzlePglite({ client: driver.client }), { migrationsFolder: folder }));
    driver.migrating = run.catch(() => {});
    return run;
  }
  const client = await driver.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder: folder });
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    // Do not return a connection in an unknown state (possibly still holding the lock) to the pool.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** PostgreSQL error code of a failed query (drizzle wraps driver errors; the code is on the cause). */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code: unknown = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** True when the error is a unique-constraint violation (e.g. a station id that already exists). */
export const isUniqueViolation = (error: unknown): boolean => pgErrorCode(error) === '23505';
/** True when the error is a foreign-key violation (e.g. an unknown tenant). */
export const isForeignKeyViolation = (error: unknown): boolean => pgErrorCode(error) === '23503';
