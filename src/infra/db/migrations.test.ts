import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { migrationsFolder } from './database.js';

it('the committed migrations match the Drizzle schema (no drift)', () => {
  // drizzle-kit mangles absolute --out paths, so the scratch copy lives under the project.
  mkdirSync('node_modules/.cache', { recursive: true });
  const copy = relative(process.cwd(), mkdtempSync(join('node_modules/.cache', 'chargeops-migrations-')));
  try {
    cpSync(migrationsFolder(), copy, { recursive: true });
    const before = readdirSync(copy).sort();
    const result = spawnSync(
      process.execPath,
      ['node_modules/drizzle-kit/bin.cjs', 'generate', '--dialect', 'postgresql', '--schema', 'src/infra/db/schema.ts', '--out', copy],
      { encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /No schema changes/, result.stdout + result.stderr);
    assert.deepEqual(readdirSync(copy).sort(), before, 'schema.ts changed without a migration: run npm run db:generate');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
