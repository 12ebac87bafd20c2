// Idle: N stations connect, boot, report their connectors, then stay connected doing nothing. The
// memory a station costs is the server's RSS growth per station, against the same figure for a
// bare `ws` server holding the same sockets (the floor), measured in the same run.
//
// RSS right after start-up still holds start-up garbage (module compilation, migrations) that the
// first stations then reuse, which can even make "after - before" negative. So the figure is the
// slope: stations connect in two halves, and the cost per station is the RSS growth of the second
// half divided by its size. The plain (after - before) / N is kept in the results too.
import { join } from 'node:path';
import type { BenchDatabase } from '../databases.js';
import type { LoadFleet, RoundResult } from '../load-fleet.js';
import { sleep, waitForQuiet } from '../proc.js';
import { sampleMemory, startBareWs, startChargeOpsServer, summarizeServerLog, type MemorySample, type ServerUnderTest } from '../servers.js';
import type { BenchSettings } from '../settings.js';
import { kib, mib, round } from '../stats.js';
import { quietShare, warmUp } from './storm.js';

export type IdleMeasurement = {
  /** Both halves together. */
  connect: RoundResult;
  halves: [RoundResult, RoundResult];
  before: MemorySample;
  /** After the first half connected. */
  middle: MemorySample;
  after: MemorySample;
  rssBeforeMiB: number;
  rssMiddleMiB: number;
  rssAfterMiB: number;
  /** RSS growth of the second half / its stations: the figure compared with the floor. */
  rssPerStationKiB: number;
  heapPerStationKiB: number;
  /**
   * Heap V8 keeps committed but holds nothing in (heapTotal - heapUsed) before, at half and after,
   * and per heap space after: RSS carries it, so an RSS slope above the JS heap slope shows here.
   */
  heapFreeMiB: { before: number; middle: number; after: number; afterBySpace: Record<string, number> };
  /** (after - before) / N, start-up effects included. */
  rssPerStationWholeKiB: number;
  /** Share of one core the server used while the stations sat idle. */
  idleCpuShare: number;
};

export type IdleMeasurements = {
  baseline: IdleMeasurement;
  chargeops: IdleMeasurement;
  serverLog: { file: string; warnings: number; errors: number; samples: string[] };
};

async function measureIdle(server: ServerUnderTest, fleet: LoadFleet, settings: BenchSettings): Promise<IdleMeasurement> {
  await warmUp(server, fleet, settings);
  const connectHalf = async (idPrefix: string, stations: number) => {
    const result = await fleet.run({
      url: server.url, idPrefix, stations, versions: settings.versions,
      connectors: settings.connectors, concurrency: settings.concurrency, timeoutMs: settings.timeoutMs,
    });
    await waitForQuiet(server.child.pid, { maxBusyShare: quietShare(settings) });
    return result;
  };
  const before = await sampleMemory(server);
  await snapshot(server, settings, 'before');
  const firstHalf = await connectHalf('IDLEA', Math.floor(settings.stations / 2));
  const middle = await sampleMemory(server);
  const secondHalf = await connectHalf('IDLEB', settings.stations - firstHalf.stations);
  const connect = combine(firstHalf, secondHalf);
  const cpuBefore = server.child.cpuSeconds();
  await sleep(settings.idleSeconds * 1000);
  const idleCpuShare = round((server.child.cpuSeconds() - cpuBefore) / settings.idleSeconds, 3);
  const after = await sampleMemory(server);
  await snapshot(server, settings, 'after');
  await fleet.close();
  const secondConnected = Math.max(1, secondHalf.accepted);
  return {
    connect,
    halves: [firstHalf, secondHalf],
    before,
    middle,
    after,
    rssBeforeMiB: mib(before.rssBytes),
    rssMiddleMiB: mib(middle.rssBytes),
    rssAfterMiB: mib(after.rssBytes),
    rssPerStationKiB: kib((after.rssBytes - middle.rssBytes) / secondConnected),
    heapPerStationKiB: kib((after.heapUsedBytes - middle.heapUsedBytes) / secondConnected),
    heapFreeMiB: {
      before: mib(before.heapTotalBytes - before.heapUsedBytes),
      middle: mib(middle.heapTotalBytes - middle.heapUsedBytes),
      after: mib(after.heapTotalBytes - after.heapUsedBytes),
      afterBySpace: Object.fromEntries(Object.entries(after.heapSpaces ?? {}).map(([space, x]) => [space, mib(x.sizeBytes - x.usedBytes)])),
    },
    rssPerStationWholeKiB: kib((after.rssBytes - before.rssBytes) / Math.max(1, connect.accepted)),
    idleCpuShare,
  };
}

/** With --profile: heap snapshots before and after, to see what a station costs (Chrome DevTools, Comparison view). */
async function snapshot(server: ServerUnderTest, settings: BenchSettings, moment: string): Promise<void> {
  if (!settings.profileDir) return;
  const name = server.name.replace(/\W+/g, '-').toLowerCase();
  const file = join(settings.profileDir, `idle-${settings.stamp}-${name}-${moment}.heapsnapshot`);
  await server.child.request({ type: 'heap-snapshot', file }, 'heap-snapshot-done', 300_000);
}

/** The two halves as one round (their latency figures are kept per half). */
function combine(a: RoundResult, b: RoundResult): RoundResult {
  const problems = { ...a.problems };
  for (const [key, count] of Object.entries(b.problems)) problems[key] = (problems[key] ?? 0) + count;
  return {
    ...b,
    stations: a.stations + b.stations,
    accepted: a.accepted + b.accepted,
    notAccepted: a.notAccepted + b.notAccepted,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    pendingAnswers: a.pendingAnswers + b.pendingAnswers,
    stationsPending: a.stationsPending + b.stationsPending,
    problems,
    durationMs: a.durationMs + b.durationMs,
    loadgenCpuSeconds: round(a.loadgenCpuSeconds + b.loadgenCpuSeconds, 1),
  };
}

export async function runIdle(settings: BenchSettings, database: BenchDatabase, fleet: LoadFleet, logFile: (name: string) => string, progress: (line: string) => void): Promise<IdleMeasurements> {
  progress(`floor: bare ws server holding ${settings.stations} idle stations`);
  const bare = await startBareWs(logFile('bare-ws'));
  let baseline: IdleMeasurement;
  try {
    baseline = await measureIdle(bare, fleet, settings);
  } finally {
    await bare.stop();
  }
  progress(`  ${describeIdle(baseline)}`);

  progress(`ChargeOps (${database.kind}) holding ${settings.stations} idle stations`);
  const serverLog = logFile('chargeops');
  const server = await startChargeOpsServer(database, serverLog, settings.logLevel, settings.profileDir);
  try {
    const chargeops = await measureIdle(server, fleet, settings);
    progress(`  ${describeIdle(chargeops)}`);
    return { baseline, chargeops, serverLog: { file: serverLog, ...summarizeServerLog(serverLog) } };
  } finally {
    await server.stop();
  }
}

function describeIdle(m: IdleMeasurement): string {
  const problems = Object.entries(m.connect.problems).map(([key, count]) => `${count} × ${key}`).join(', ');
  return `${m.connect.accepted}/${m.connect.stations} connected; RSS ${m.rssBeforeMiB} -> ${m.rssMiddleMiB} (half) -> ${m.rssAfterMiB} MiB; `
    + `second half ${m.rssPerStationKiB} KiB/station RSS, ${m.heapPerStationKiB} KiB/station JS heap; `
    + `committed but free heap ${m.heapFreeMiB.before} -> ${m.heapFreeMiB.middle} -> ${m.heapFreeMiB.after} MiB; idle CPU ${(m.idleCpuShare * 100).toFixed(1)} % of a core`
    + (problems ? `; ${problems}` : '');
}
