// Reconnect storm: N stations connect, boot and report each connector at once. Measured against a
// bare `ws` server doing the same exchange in the same run. ChargeOps gets two rounds: first contact
// (every station unknown, auto-registered by policy 'accept') and the reconnect of the same,
// now known, stations after they all disconnected: the storm after a backend restart.
import type { BenchDatabase } from '../databases.js';
import type { LoadFleet, RoundParams, RoundResult } from '../load-fleet.js';
import { CommandCpuMeter, readMachineCpuTicks, waitForQuiet } from '../proc.js';
import { startBareWs, startChargeOpsServer, summarizeServerLog, type ServerUnderTest } from '../servers.js';
import type { BenchSettings } from '../settings.js';
import { mib, round } from '../stats.js';

export type MeasuredRound = RoundResult & {
  serverCpuSeconds: number;
  serverRssAfterMiB: number;
  /** CPU of the local PostgreSQL processes during the round (0 when the database is not local). */
  postgresCpuSeconds: number;
  /** Share of the machine's CPU (all cores) busy during the round. */
  machineBusyShare: number;
};

export type StormMeasurements = {
  baseline: MeasuredRound;
  firstContact: MeasuredRound;
  reconnect: MeasuredRound;
  serverLog: { file: string; warnings: number; errors: number; samples: string[] };
};

function roundParams(settings: BenchSettings, server: ServerUnderTest, idPrefix: string, stations: number): RoundParams {
  return {
    url: server.url, idPrefix, stations, versions: settings.versions, connectors: settings.connectors,
    concurrency: settings.concurrency, timeoutMs: settings.timeoutMs,
  };
}

/** Runs one round, then disconnects everyone and waits until the server has settled. */
/** How busy a server may still be and count as settled (a CPU profiler keeps it a little busy). */
export const quietShare = (settings: BenchSettings): number => (settings.profileDir ? 0.25 : 0.03);

export async function measureRound(server: ServerUnderTest, fleet: LoadFleet, params: RoundParams, settledBelow = 0.03): Promise<MeasuredRound> {
  const cpuBefore = server.child.cpuSeconds();
  const postgres = new CommandCpuMeter('postgres');
  const machineBefore = readMachineCpuTicks();
  const result = await fleet.run(params);
  const machineAfter = readMachineCpuTicks();
  const serverCpuSeconds = round(server.child.cpuSeconds() - cpuBefore, 1);
  const postgresCpuSeconds = round(postgres.stop(), 1);
  const machineBusyShare = round((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total), 3);
  const serverRssAfterMiB = mib(server.child.rssBytes());
  await fleet.close();
  await waitForQuiet(server.child.pid, { maxBusyShare: settledBelow });
  return { ...result, serverCpuSeconds, serverRssAfterMiB, postgresCpuSeconds, machineBusyShare };
}

export async function warmUp(server: ServerUnderTest, fleet: LoadFleet, settings: BenchSettings): Promise<void> {
  if (settings.warmup <= 0) return;
  await measureRound(server, fleet, roundParams(settings, server, 'WARM', settings.warmup), quietShare(settings));
}

export async function runStorm(settings: BenchSettings, database: BenchDatabase, fleet: LoadFleet, logFile: (name: string) => string, progress: (line: string) => void): Promise<StormMeasurements> {
  progress(`baseline: bare ws server, ${settings.stations} stations`);
  const bare = await startBareWs(logFile('bare-ws'));
  let baseline: MeasuredRound;
  try {
    await warmUp(bare, fleet, settings);
    baseline = await measureRound(bare, fleet, roundParams(settings, bare, 'STORM', settings.stations), quietShare(settings));
  } finally {
    await bare.stop();
  }
  progress(`  ${describe(baseline)}`);

  const serverLog = logFile('chargeops');
  const server = await startChargeOpsServer(database, serverLog, settings.logLevel, settings.profileDir);
  try {
    await warmUp(server, fleet, settings);
    progress(`ChargeOps (${database.kind}): first contact, ${settings.stations} unknown stations`);
    const firstContact = await measureRound(server, fleet, roundParams(settings, server, 'STORM', settings.stations), quietShare(settings));
    progress(`  ${describe(firstContact)}`);
    progress(`ChargeOps (${database.kind}): reconnect storm of the same ${settings.stations} stations`);
    const reconnect = await measureRound(server, fleet, roundParams(settings, server, 'STORM', settings.stations), quietShare(settings));
    progress(`  ${describe(reconnect)}`);
    return { baseline, firstContact, reconnect, serverLog: { file: serverLog, ...summarizeServerLog(serverLog) } };
  } finally {
    await server.stop();
  }
}

export function describe(result: MeasuredRound): string {
  const problems = Object.entries(result.problems).map(([key, count]) => `${count} × ${key}`).join(', ');
  const shed = result.stationsPending > 0 ? `, ${result.stationsPending} answered Pending first (${result.pendingAnswers} Pending answers, retried)` : '';
  return `${result.accepted}/${result.stations} accepted in ${(result.durationMs / 1000).toFixed(2)} s${shed} `
    + `(${result.bootsPerSecond} boots/s, boot p99 ${result.bootLatencyMs.p99} ms, CPU: server ${result.serverCpuSeconds} s, `
    + `load generators ${result.loadgenCpuSeconds} s, postgres ${result.postgresCpuSeconds} s, machine ${(result.machineBusyShare * 100).toFixed(0)} % busy)`
    + (problems ? `; ${problems}` : '');
}
