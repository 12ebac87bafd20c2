#!/usr/bin/env node
// tsc emits only JavaScript: the data files modules load at run time (knowledge-base seed entries,
// default playbooks, ...) live in `src/**/data/` and are copied beside the compiled modules here,
// so `npm start` (dist/) finds them where the source tree (tsx) does.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function copyDataDirs(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === 'data') cpSync(path, join('dist', path), { recursive: true });
    else copyDataDirs(path);
  }
}

copyDataDirs('src');
