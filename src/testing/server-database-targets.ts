// The databases a whole-server test runs against: in-memory PGlite (or the target given), plus a
// fresh PostgreSQL database per open() when CHARGEOPS_TEST_DATABASE_URL points at a server (an admin
// URL). Store tests use `databaseTargets()` (src/infra/db/test-database.ts), which hands out open
// handles; a server opens its database itself, so these hand out its options. For tests only.
import pg from 'pg';
import type { DatabaseOptions } from '../infra/db/database.js';

export type ServerDatabaseTarget = { name: string; open(): Promise<{ options: DatabaseOptions; dispose(): Promise<void> }> };

export const inMemoryPglite: ServerDatabaseTarget = { name: 'pglite', open: async () => ({ options: { inMemory: true }, dispose: async () => {} }) };

/** `prefix` names the scratch databases (`<prefix>_<pid>_<ms>`), so a leftover says which test made it. */
export function serverDatabaseTargets(prefix: string, pglite: ServerDatabaseTarget = inMemoryPglite): ServerDatabaseTarget[] {
  const targets = [pglite];
  const adminUrl = process.env['CHARGEOPS_TEST_DATABASE_URL'];
  if (adminUrl) {
    targets.push({
      name: 'postgres',
      open: async () => {
        const name = `${prefix}_${process.pid}_${Date.now()}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return { options: { url: url.toString() }, dispose: async () => { await admin.query(`drop database if exists ${name} with (force)`); await admin.end(); } };
      },
    });
  }
  return targets;
}
