// Child process: ChargeOps under test, started in-process with the database the parent chose.
// Env BENCH_SERVER_OPTIONS = { database: { url } | { dataDir }, logLevel }. Answers 'gc', 'heap-snapshot' and 'stop'.
import { writeHeapSnapshot } from 'node:v8';
import { parseConfig } from '../config/load-config.js';
import type { DatabaseOptions } from '../infra/db/database.js';
import { startChargeOps } from '../main.js';
import { collectGarbage, onParentMessage, sendToParent } from './child-runtime.js';
import { seedBenchTokens } from './seed-tokens.js';
import { countQueries } from './query-counter.js';
import { traceServer } from './trace.js';
import { explainQueries } from './query-plans.js';
import { watchPauses } from './pauses.js';
import { sampleAllocations } from './allocations.js';

type ServerOptions = { database: DatabaseOptions; logLevel: string };

const options = JSON.parse(process.env['BENCH_SERVER_OPTIONS'] ?? '{}') as ServerOptions;
// Diagnostics: BENCH_COUNT_QUERIES=<file> writes the statements the server sent, counted by text, when it stops.
const queryCounts = process.env['BENCH_COUNT_QUERIES'] ? countQueries(process.env['BENCH_COUNT_QUERIES']) : null;
// Diagnostics: BENCH_TRACE=<file> writes a timeline of upgrades, group-commit batches and statements (src/bench/trace.ts).
const trace = process.env['BENCH_TRACE'] ? traceServer(process.env['BENCH_TRACE']) : null;
// Diagnostics: BENCH_EXPLAIN=<file> writes the plan of every statement text that ran BENCH_EXPLAIN_AFTER (200) times (src/bench/query-plans.ts).
const plans = process.env['BENCH_EXPLAIN'] ? explainQueries(process.env['BENCH_EXPLAIN'], Number(process.env['BENCH_EXPLAIN_AFTER'] ?? 200)) : null;
// Diagnostics: BENCH_PAUSES=<file> writes GC pauses and the event-loop delay per second (src/bench/pauses.ts).
const pauses = process.env['BENCH_PAUSES'] ? watchPauses(process.env['BENCH_PAUSES']) : null;
// Diagnostics: BENCH_ALLOCATIONS=<file> writes a sampling profile of every allocation, collected or not (src/bench/allocations.ts).
const allocations = process.env['BENCH_ALLOCATIONS'] ? await sampleAllocations(process.env['BENCH_ALLOCATIONS'], process.env['BENCH_ALLOCATIONS_PROMOTED'] === '1') : null;
const running = await startChargeOps(parseConfig({
  port: 0,
  host: '127.0.0.1',
  unknownStations: 'accept',
  logLevel: options.logLevel ?? 'warn',
  nodeId: 'bench',
  shutdownGraceSeconds: 2,
}), { database: options.database });

onParentMessage({
  gc: () => sendToParent({ type: 'gc-done', memory: collectGarbage() }),
  // Diagnostics: a heap snapshot to compare what a station costs (open it in Chrome DevTools).
  'heap-snapshot': (message) => sendToParent({ type: 'heap-snapshot-done', file: writeHeapSnapshot(String(message['file'])) }),
  // Steady / latency: the load stations' tokens, stored as Accepted before their sessions start.
  'seed-tokens': async (message) => sendToParent({ type: 'seed-tokens-done', stored: await seedBenchTokens(running.db, 'default', message['stationIds'] as string[]) }),
  stop: async () => {
    await running.stop();
    queryCounts?.write();
    trace?.write();
    pauses?.write();
    await allocations?.write();
    plans?.write();
    process.exit(0);
  },
});
sendToParent({ type: 'ready', port: running.port, memory: collectGarbage() });
