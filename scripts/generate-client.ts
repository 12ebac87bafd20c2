/**
 * Generates the dashboard's typed API client input from the server's own OpenAPI document:
 * builds the whole HTTP app in-process (in-memory PGlite, not listening), reads its OpenAPI
 * document, writes web/src/api/openapi.json and, through openapi-typescript, web/src/api/schema.d.ts
 * (used with openapi-fetch in web/src/api/client.ts).
 *
 *   npx tsx scripts/generate-client.ts           write the files
 *   npx tsx scripts/generate-client.ts --check   regenerate in memory; exit 1 naming each stale file
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parseConfig } from '../src/config/load-config.js';
import { startChargeOps } from '../src/main.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'web', 'src', 'api');
const HEADER = '// GENERATED FILE, DO NOT EDIT. Run `npm run generate:client` to regenerate from the server\'s OpenAPI document.\n\n';

async function readOpenApiDocument(): Promise<Record<string, unknown>> {
  const running = await startChargeOps(
    parseConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }),
    { database: { inMemory: true }, listen: false },
  );
  try {
    return running.openApiDocument() as Record<string, unknown>;
  } finally {
    await running.stop();
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const document = await readOpenApiDocument();
  const json = JSON.stringify(document, null, 2) + '\n';
  const types = HEADER + astToString(await openapiTS(structuredClone(document) as never));
  const outputs = new Map([[join(OUT_DIR, 'openapi.json'), json], [join(OUT_DIR, 'schema.d.ts'), types]]);
  const stale: string[] = [];
  for (const [path, content] of outputs) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === content) continue;
    if (check) stale.push(relative(ROOT, path));
    else writeFileSync(path, content);
  }
  if (stale.length > 0) {
    console.error(`The dashboard's API client is out of date with the server's OpenAPI document:\n  ${stale.join('\n  ')}\nRun \`npm run generate:client\` and commit the result.`);
    process.exit(1);
  }
  console.log(check ? 'dashboard API client is up to date' : `wrote ${[...outputs.keys()].map((p) => relative(ROOT, p)).join(', ')}`);
}

await main();
