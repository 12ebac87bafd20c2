// The seed knowledge base: every data/*.json file, validated against its schema when loaded. A
// file that does not validate stops the start with the file and the field named.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { SeedFileSchema } from './domain/entry-schema.js';
import { CODE_FIELDS, type KbEntry } from './domain/types.js';

export const SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
const checkFile = TypeCompiler.Compile(SeedFileSchema);

export type SeedSet = { entries: KbEntry[]; files: Array<{ file: string; title: string; count: number }> };

export function loadSeedFile(path: string): KbEntry[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const error = checkFile.Errors(parsed).First();
  if (error) throw new Error(`Knowledge base file ${path}: ${error.path || '/'} ${error.message}`);
  const file = parsed as import('./domain/entry-schema.js').SeedFile;
  return file.entries.map((entry) => {
    if (!CODE_FIELDS.some((field) => field !== 'vendorId' && entry[field] !== null)) {
      throw new Error(`Knowledge base file ${path}: entry ${entry.id} keys on no code`);
    }
    return { ...entry, origin: 'seed' as const };
  });
}

export function loadSeed(dir: string = SEED_DIR): SeedSet {
  const entries: KbEntry[] = [];
  const files: SeedSet['files'] = [];
  const seen = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const loaded = loadSeedFile(join(dir, name));
    for (const entry of loaded) {
      if (seen.has(entry.id)) throw new Error(`Knowledge base file ${name}: duplicate entry id ${entry.id}`);
      seen.add(entry.id);
    }
    entries.push(...loaded);
    files.push({ file: name, title: (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { title: string }).title, count: loaded.length });
  }
  return { entries, files };
}
