// Test helper: the databases a store test runs against. In-memory PGlite always; PostgreSQL too when
// CHARGEOPS_TEST_DATABASE_URL points at a server (an admin URL: each open() creates a fresh, uniquely
// named database through it and drops it on close, so test files are isolated and can run in parallel).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, openDatabase, type DatabaseHandle } from './database.js';

export type DatabaseTarget = {
  name: string;
  /** A new, empty database; migrations applied unless `migrate: false`. close() disposes of it. */
  open(options?: { migrate?: boolean }): Promise<DatabaseHandle>;
};

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{
    name: 'pglite',
    open: async (options) => prepared(await openDatabase({ inMemory: true }), options),
  }];
  const adminUrl = process.env.CHARGEOPS_TEST_DATABASE_URL;
  if (adminUrl) targets.push({ name: 'postgres', open: (options) => openScratchPostgres(adminUrl, options) });
  return targets;
}

async function prepared(handle: DatabaseHandle, options: { migrate?: boolean } | undefined): Promise<DatabaseHandle> {
  if (options?.migrate === false) return handle;
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function openScratchPostgres(adminUrl: string, options: { migrate?: boolean } | undefined): Promise<DatabaseHandle> {
  const name = `chargeops_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => admin(adminUrl, `drop database if exists "${name}" with (force)`);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ url: url.toString(), poolSize: 4 });
  } catch (error) {
    await drop();
    throw error;
  }
  const close = async (): Promise<void> => {
    try {
      await handle.close();
    } finally {
      await drop();
    }
  };
  let closing: Promise<void> | undefined;
  return prepared({ ...handle, close: () => (closing ??= close()) }, options);
}
