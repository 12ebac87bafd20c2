// Starting the servers a benchmark measures, each in its own process.
import { readFileSync } from 'node:fs';
import { BenchChild, siblingModule } from './child.js';
import type { BenchDatabase } from './databases.js';
import type { collectGarbage, HeapSpaceSample } from './child-runtime.js';
import { sleep } from './proc.js';

export type ServerUnderTest = {
  name: string;
  child: BenchChild;
  /** OCPP endpoint without the station id. */
  url: string;
  logFile: string;
  stop(): Promise<void>;
};

const SETTLE_MS = 12_000;

/** RSS from /proc; the rest from process.memoryUsage() in the server after the collection. */
export type MemorySample = {
  rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number; arrayBuffersBytes: number;
  /** Per V8 heap space: heapTotal - heapUsed is committed but free heap, which RSS carries too. */
  heapSpaces?: Record<string, HeapSpaceSample>;
};

export async function startBareWs(logFile: string): Promise<ServerUnderTest> {
  const { child, ready } = await BenchChild.start('bare ws server', siblingModule('./baselines/bare-ws-server.ts', import.meta.url), {}, logFile);
  return { name: 'bare ws', child, url: `ws://127.0.0.1:${String(ready['port'])}/ocpp`, logFile, stop: () => child.stop() };
}

/** `profileDir`: write a V8 CPU profile of the server there (open it in Chrome DevTools). */
export async function startChargeOpsServer(database: BenchDatabase, logFile: string, logLevel: string, profileDir?: string): Promise<ServerUnderTest> {
  const options = JSON.stringify({ database: database.options, logLevel });
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const { child, ready } = await BenchChild.start('ChargeOps server', siblingModule('./server-process.ts', import.meta.url), { BENCH_SERVER_OPTIONS: options }, logFile, profiling);
  return { name: 'ChargeOps', child, url: `ws://127.0.0.1:${String(ready['port'])}/ocpp`, logFile, stop: () => child.stop(60_000) };
}

/**
 * RSS after the server collected its garbage. V8 gives freed pages back to the system only after
 * it has been idle for a while (its memory reducer), so: collect, wait SETTLE_MS, collect, then
 * take the median of three readings a second apart.
 */
export async function sampleMemory(server: ServerUnderTest): Promise<MemorySample> {
  await server.child.request({ type: 'gc' }, 'gc-done', 30_000);
  await sleep(SETTLE_MS);
  const reply = await server.child.request({ type: 'gc' }, 'gc-done', 30_000);
  const readings: number[] = [];
  for (let i = 0; i < 3; i++) {
    await sleep(1000);
    readings.push(server.child.rssBytes());
  }
  readings.sort((a, b) => a - b);
  const memory = reply['memory'] as ReturnType<typeof collectGarbage>;
  return {
    rssBytes: readings[1]!, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external, arrayBuffersBytes: memory.arrayBuffers, heapSpaces: memory.heapSpaces,
  };
}

/** Counts the server log's lines at warn level or above (pino JSON) and keeps a few distinct messages. */
export function summarizeServerLog(logFile: string): { warnings: number; errors: number; samples: string[] } {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return { warnings: 0, errors: 0, samples: [] };
  }
  let warnings = 0;
  let errors = 0;
  const samples = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) >= 50) errors += 1;
      else if ((entry.level ?? 0) >= 40) warnings += 1;
      else continue;
      if (samples.size < 5) samples.add(`${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`);
    } catch {
      // not a log line
    }
  }
  return { warnings, errors, samples: [...samples] };
}
