// A fresh, empty database for each server under test, disposed of afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseOptions } from '../infra/db/database.js';

export type DatabaseKind = 'pglite' | 'postgres';

export type BenchDatabase = {
  kind: DatabaseKind;
  /** Where the data lives, for the report. */
  description: string;
  options: DatabaseOptions;
  dispose(): Promise<void>;
};

export async function prepareDatabase(kind: DatabaseKind, adminUrl: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    // On disk, as `chargeops start` runs it (in-memory PGlite would flatter the writes).
    const dataDir = mkdtempSync(join(tmpdir(), 'chargeops-bench-pglite-'));
    return {
      kind,
      description: `PGlite, data directory in ${tmpdir()} (removed afterwards)`,
      options: { dataDir },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `chargeops_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await admin(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const version = await serverVersion(url.toString());
  return {
    kind,
    description: `PostgreSQL ${version} at ${url.host}, fresh database ${name} (dropped afterwards), pool of 10`,
    options: { url: url.toString() },
    dispose: () => admin(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${redact(adminUrl)} (${(error as Error).message}); pass --pg-url or use --db pglite`);
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version.split(' ')[0] ?? '?';
  } finally {
    await client.end();
  }
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
