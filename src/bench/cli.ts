// `chargeops bench <idle|storm>`: the performance scenarios of design/PERFORMANCE.md, each figure
// next to a baseline measured in the same run. Server under test, baseline servers and load
// generators each run in their own process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseVersions } from '../simulator/cli.js';
import { prepareDatabase, redact, type BenchDatabase, type DatabaseKind } from './databases.js';
import { LoadFleet } from './load-fleet.js';
import { readOpenFileLimit } from './proc.js';
import {
  describeMachine, describeSource, idleHeapRatio, idleMarkdown, idleRatio, idleTargets, stormMarkdown, stormRatios, stormTargets, targetsMarkdown,
} from './report.js';
import { runIdle } from './scenarios/idle.js';
import { runStorm } from './scenarios/storm.js';
import { runAllocateCommand } from './scenarios/allocate.js';
import { runSiteDayCommand } from './scenarios/site-day.js'; // smart charging (issue 7)
import { runReactionCommand } from './scenarios/reaction.js'; // smart charging (issue 7)
import { runDetectionCommand } from './detection.js'; // network health: detection (issue 6)
import { runLatency } from './scenarios/latency.js';
import type { SessionSettings } from './scenarios/session-load.js';
import { runSteady } from './scenarios/steady.js';
import { latencyMarkdown, latencyTargets, steadyMarkdown, steadyRatios, steadyTargets } from './session-report.js';
import type { BenchSettings } from './settings.js';

const USAGE = `Usage: chargeops bench <idle|storm|steady|latency> [options]
       chargeops bench allocate [--evses N] [--iterations N] [--warmup N] [--seed N] [--out DIR]
       chargeops bench site-day [--stations N] [--evs N] [--factor N] [--seed N] [--out DIR]
       chargeops bench reaction [--stations N] [--starts N] [--grid-a A] [--out DIR]
       chargeops bench detection [--stations N] [--faults N] [--window SECONDS] [--sweeps N] [--concurrency N] [--out DIR]
  --stations N        stations (default: idle 5000, storm 10000, steady and latency 2000)
  --db KIND           pglite | postgres | both (default pglite)
  --pg-url URL        PostgreSQL admin URL; a fresh database is created and dropped per run
                      (default postgres://postgres@127.0.0.1:5432/postgres)
  --connectors N      connectors per station, one StatusNotification each (default 2)
  --versions LIST     OCPP versions, spread round-robin over the stations (default 1.6,2.0.1,2.1)
  --concurrency N     WebSocket handshakes in flight at once (default 500)
  --timeout SECONDS   a station's call timeout (default 30)
  --warmup N          stations connected and dropped before measuring (default 200)
  --idle-seconds N    idle: how long stations stay idle before memory is read (default 10)
  --loadgens N        load generator processes (default: enough for the open-file limit)
  --log-level LEVEL   server log level (default warn; logs go to <out>/logs/)
  --out DIR           results directory (default bench/results)
  --duration SECONDS  steady, latency: recorded seconds per load step (default 10)
  --warmup-seconds S  steady, latency: unrecorded seconds before each step (default 3)
  --meter-values N    steady, latency: meter values per charging session (default 10)
  --steps LIST        steady, latency: active stations per closed-loop step (default 10,25,50,100,200,500,1000,2000)
  --rate N            latency: CALLs/s offered (default 25 % of the steady maximum, searched in the same run)
  --profile           write a CPU profile of the ChargeOps server to <out>/profiles/ (idle: also heap
                      snapshots of both servers before and after the stations connect)`;

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** File descriptors a process needs besides its sockets (stdio, IPC, database files, listeners). */
const FD_HEADROOM = 500;

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number (got "${text}")`);
  return value;
}

export async function runBenchCommand(argv: string[]): Promise<void> {
  // The allocator bench runs in-process with its own options (no server, no database).
  if (argv[0] === 'allocate') return runAllocateCommand(argv.slice(1));
  if (argv[0] === 'site-day') return runSiteDayCommand(argv.slice(1)); // smart charging: the simulated 24-hour site day
  if (argv[0] === 'reaction') return runReactionCommand(argv.slice(1)); // smart charging: session start -> profiles, 200 EVSEs
  // Network health: time from an injected fault to its alert, with the fleet connected (in-process).
  if (argv[0] === 'detection') return runDetectionCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      stations: { type: 'string' },
      db: { type: 'string', default: 'pglite' },
      'pg-url': { type: 'string', default: process.env['CHARGEOPS_BENCH_PG_URL'] ?? DEFAULT_PG_URL },
      connectors: { type: 'string', default: '2' },
      versions: { type: 'string', default: '1.6,2.0.1,2.1' },
      concurrency: { type: 'string', default: '500' },
      timeout: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '200' },
      'idle-seconds': { type: 'string', default: '10' },
      loadgens: { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
      out: { type: 'string', default: 'bench/results' },
      duration: { type: 'string', default: '10' },
      'warmup-seconds': { type: 'string', default: '3' },
      'meter-values': { type: 'string', default: '10' },
      steps: { type: 'string', default: '10,25,50,100,200,500,1000,2000' },
      rate: { type: 'string' },
      profile: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const scenario = positionals[0];
  if (values.help || (scenario !== 'idle' && scenario !== 'storm' && scenario !== 'steady' && scenario !== 'latency')) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const databases: DatabaseKind[] = values.db === 'both' ? ['pglite', 'postgres'] : values.db === 'postgres' || values.db === 'pglite' ? [values.db] : [];
  if (databases.length === 0) throw new Error(`--db wants pglite, postgres or both (got "${values.db}")`);

  const stations = Math.floor(positive('stations', values.stations ?? (scenario === 'idle' ? '5000' : scenario === 'storm' ? '10000' : '2000')));
  const limit = readOpenFileLimit();
  // The server holds one descriptor per station socket; so does the load generator side.
  if (stations + FD_HEADROOM > limit.soft) {
    throw new Error(`${stations} stations need ${stations + FD_HEADROOM} open files in the server process, but the limit is ${limit.soft} `
      + `(ulimit -n; hard limit ${limit.hard}). Use fewer stations or raise the limit (ulimit -n <= ulimit -Hn) before running.`);
  }
  const loadgens = values.loadgens ? Math.floor(positive('loadgens', values.loadgens)) : Math.max(1, Math.ceil(stations / (limit.soft - FD_HEADROOM)));
  const resultsDir = resolve(values.out);
  mkdirSync(join(resultsDir, 'logs'), { recursive: true });
  const settings: BenchSettings = {
    stations,
    connectors: Math.floor(positive('connectors', values.connectors)),
    versions: parseVersions(values.versions),
    concurrency: Math.floor(positive('concurrency', values.concurrency)),
    timeoutMs: positive('timeout', values.timeout) * 1000,
    warmup: Math.floor(Number(values.warmup)),
    idleSeconds: positive('idle-seconds', values['idle-seconds']),
    logLevel: values['log-level'],
    loadgens,
    resultsDir,
    stamp: new Date().toISOString().slice(0, 19).replace(/:/g, '-') + 'Z',
  };
  if (values.profile) {
    settings.profileDir = join(resultsDir, 'profiles');
    mkdirSync(settings.profileDir, { recursive: true });
  }
  const machine = describeMachine();
  console.log(`chargeops bench ${scenario}: ${stations} stations × ${settings.connectors} connectors, versions ${settings.versions.join(', ')}, `
    + `${loadgens} load generator process(es), ${settings.concurrency} handshakes in flight, timeout ${settings.timeoutMs / 1000} s`);
  console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; open files per process: ${limit.soft} (hard ${limit.hard})`);

  const logFileFor = (db: DatabaseKind) => (name: string) => join(resultsDir, 'logs', `${scenario}-${db}-${settings.stamp}-${name}.log`);
  const fleetLog = join(resultsDir, 'logs', `${scenario}-${settings.stamp}-loadgen.log`);
  const sessionScenario = scenario === 'steady' || scenario === 'latency';
  // steady and latency start their own session load generators per server (src/bench/session-fleet.ts).
  const fleet = sessionScenario ? null : await LoadFleet.start(loadgens, fleetLog);
  const session: SessionSettings = {
    durationSeconds: positive('duration', values.duration), warmupSeconds: Number(values['warmup-seconds']),
    meterValuesPerSession: Math.floor(Number(values['meter-values'])),
    steps: values.steps.split(',').map((step) => Math.floor(positive('steps', step.trim()))),
    ...(values.rate ? { rate: positive('rate', values.rate) } : {}),
  };
  let current: BenchDatabase | undefined;
  const interrupt = () => {
    console.error('Interrupted: cleaning up the benchmark database.');
    void (current?.dispose() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    for (const kind of databases) {
      const startedAt = new Date().toISOString();
      const database = await prepareDatabase(kind, values['pg-url']);
      current = database;
      console.log(`\n## ${scenario} on ${database.description}`);
      const progress = (line: string) => console.log(`  ${line}`);
      let summary: { measurements: unknown; ratios: unknown; targets: ReturnType<typeof stormTargets>; table: string };
      try {
        if (scenario === 'steady') {
          const m = await runSteady(settings, session, database, fleetLog, logFileFor(kind), progress);
          summary = { measurements: m, ratios: steadyRatios(m), targets: steadyTargets(m, kind), table: steadyMarkdown(m, kind) };
        } else if (scenario === 'latency') {
          const m = await runLatency(settings, session, database, fleetLog, logFileFor(kind), progress);
          summary = { measurements: m, ratios: { chargeopsP99VsBareWsP99: Math.round((m.chargeops.latencyMs.p99 / Math.max(0.01, m.bareWs.latencyMs.p99)) * 100) / 100 }, targets: latencyTargets(m), table: latencyMarkdown(m, kind) };
        } else if (!fleet) {
          throw new Error('no load fleet');
        } else if (scenario === 'storm') {
          const m = await runStorm(settings, database, fleet, logFileFor(kind), progress);
          summary = { measurements: m, ratios: stormRatios(m), targets: stormTargets(m, kind), table: stormMarkdown(m, kind) };
        } else {
          const m = await runIdle(settings, database, fleet, logFileFor(kind), progress);
          summary = { measurements: m, ratios: { rssPerStationVsFloor: idleRatio(m), heapPerStationVsFloor: idleHeapRatio(m) }, targets: idleTargets(m), table: idleMarkdown(m, kind) };
        }
      } finally {
        await database.dispose();
        current = undefined;
      }
      const file = join(resultsDir, `${scenario}-${kind}-${settings.stamp}.json`);
      const { resultsDir: _dir, profileDir: _profiles, ...shownSettings } = settings;
      writeFileSync(file, `${JSON.stringify({
        scenario, database: { kind, description: database.description }, startedAt, finishedAt: new Date().toISOString(),
        source: describeSource(), machine, settings: { ...shownSettings, pgUrl: kind === 'postgres' ? redact(values['pg-url']) : undefined },
        ratios: summary.ratios, targets: summary.targets, measurements: summary.measurements,
      }, null, 2)}\n`);
      console.log(`\n${summary.table}\n\n${targetsMarkdown(summary.targets)}\n\nresults: ${file}`);
    }
  } finally {
    process.off('SIGINT', interrupt);
    await fleet?.stop();
  }
}
