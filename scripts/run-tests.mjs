#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner (TypeScript through tsx).
// Node 20's --test takes no globs, so the files are listed here. Extra arguments are passed on,
// e.g. `npm test -- --test-name-pattern=TC_B_58`, or test files to run only those.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  let found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) found = found.concat(findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

// Test files named on the command line run alone (`node scripts/run-tests.mjs src/x.test.ts`);
// any other argument is a flag for the runner.
const extra = process.argv.slice(2);
const named = extra.filter((arg) => arg.endsWith('.test.ts'));
const flags = extra.filter((arg) => !arg.endsWith('.test.ts'));
const files = named.length > 0 ? named : ['src', 'test'].flatMap((dir) => { try { return findTests(dir); } catch { return []; } }).sort();
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...flags, ...files];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
