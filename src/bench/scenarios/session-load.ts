// What the steady and latency scenarios share: booting the session stations on a server, measuring
// one load step with the CPU of everything involved, the closed-loop throughput search, and the
// storage-ceiling baseline.
import { BenchChild, siblingModule } from '../child.js';
import type { BenchDatabase } from '../databases.js';
import { CommandCpuMeter, readMachineCpuTicks, waitForQuiet } from '../proc.js';
import type { StorageRunCommand, StorageRunReport } from '../baselines/storage-ceiling.js';
import type { ServerUnderTest } from '../servers.js';
import type { BenchSettings } from '../settings.js';
import type { LoadStepResult, SessionFleet } from '../session-fleet.js';
import { round, summarizeLatencies, type LatencySummary } from '../stats.js';

/** Flags of the session scenarios (steady, latency) beside the common BenchSettings. */
export type SessionSettings = {
  /** Recorded seconds per load step, after `warmupSeconds` unrecorded. */
  durationSeconds: number;
  warmupSeconds: number;
  meterValuesPerSession: number;
  /** Closed-loop search: active station counts tried, in order. */
  steps: number[];
  /** Latency: offered CALLs/s; when absent, 25 % of the steady maximum found by a search in the same run. */
  rate?: number;
};

/** The bar from design/PERFORMANCE.md for these two scenarios. */
export const SESSION_TARGETS = {
  steadyShareOfBareWs: 0.35,
  steadyP99Ms: 100,
  steadyPostgresMessagesPerSecond: 15_000,
  latencyShareOfSteady: 0.25,
  latencyP99Ms: 20,
  authorizeP99Ms: 10,
} as const;

export type MeasuredStep = LoadStepResult & {
  serverCpuSeconds: number;
  /** Server CPU per answered message, ms. */
  serverCpuMsPerMessage: number;
  postgresCpuSeconds: number;
  machineBusyShare: number;
};

export type StorageCeiling = {
  batchRows: number;
  inFlight: number;
  rowsPerSecond: number;
  batchesPerSecond: number;
  commitMs: LatencySummary;
  processCpuSeconds: number;
  postgresCpuSeconds: number;
  machineBusyShare: number;
};

const WH_PER_METER_VALUE = 250;

/** Connects and boots `settings.stations` session stations; stores their tokens first on ChargeOps. */
export async function bootSessionStations(server: ServerUnderTest, fleet: SessionFleet, settings: BenchSettings, session: SessionSettings, idPrefix: string, seedTokens: boolean, progress: (line: string) => void): Promise<number> {
  if (seedTokens) {
    const stationIds = Array.from({ length: settings.stations }, (_, i) => `${idPrefix}-${String(i).padStart(6, '0')}`);
    await server.child.request({ type: 'seed-tokens', stationIds }, 'seed-tokens-done', 120_000);
  }
  const { accepted, problems } = await fleet.connect({
    url: server.url, idPrefix, stations: settings.stations, versions: settings.versions, concurrency: settings.concurrency,
    timeoutMs: settings.timeoutMs, script: { meterValuesPerSession: session.meterValuesPerSession, whPerMeterValue: WH_PER_METER_VALUE },
  });
  // A slow first-contact storm (PGlite on a busy machine) may time some stations out: the steps run
  // on the stations that booted, and the report says how many that were.
  if (accepted === 0) throw new Error(`${server.name}: no station booted (${JSON.stringify(problems)})`);
  if (accepted < settings.stations) progress(`  ${server.name}: ${accepted} of ${settings.stations} stations booted (${JSON.stringify(problems)}); the steps use these`);
  return accepted;
}

export async function measureStep(server: ServerUnderTest, fleet: SessionFleet, settings: BenchSettings, session: SessionSettings, active: number, offeredPerSecond?: number): Promise<MeasuredStep> {
  const cpuBefore = server.child.cpuSeconds();
  const postgres = new CommandCpuMeter('postgres');
  const machineBefore = readMachineCpuTicks();
  const result = await fleet.drive({
    active, warmupMs: session.warmupSeconds * 1000, durationMs: session.durationSeconds * 1000, timeoutMs: settings.timeoutMs,
    ...(offeredPerSecond ? { offeredPerSecond } : {}),
  });
  const machineAfter = readMachineCpuTicks();
  const serverCpuSeconds = round(server.child.cpuSeconds() - cpuBefore, 1);
  const postgresCpuSeconds = round(postgres.stop(), 1);
  // Whatever the server still has queued (event log, ...) finishes before the next step.
  await waitForQuiet(server.child.pid, { maxBusyShare: settings.profileDir ? 0.25 : 0.05, maxWaitMs: 60_000 });
  const sentOverall = result.messagesPerSecond * ((session.warmupSeconds + session.durationSeconds));
  return {
    ...result, serverCpuSeconds, postgresCpuSeconds,
    serverCpuMsPerMessage: round((serverCpuSeconds * 1000) / Math.max(1, sentOverall), 3),
    machineBusyShare: round((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total), 3),
  };
}

/** The best closed-loop step whose p99 meets the bar (null when none does). */
export function bestStep(steps: MeasuredStep[], p99Ms: number): MeasuredStep | null {
  const meeting = steps.filter((step) => step.latencyMs.p99 < p99Ms && step.errors === 0);
  return meeting.reduce<MeasuredStep | null>((best, step) => (!best || step.messagesPerSecond > best.messagesPerSecond ? step : best), null);
}

/**
 * Closed loop with more and more active stations. Stops early once the throughput has stopped
 * growing and the p99 is far past the bar: more stations then only queue.
 */
export async function searchThroughput(server: ServerUnderTest, fleet: SessionFleet, settings: BenchSettings, session: SessionSettings, progress: (line: string) => void): Promise<MeasuredStep[]> {
  const steps: MeasuredStep[] = [];
  for (const active of session.steps.map((count) => Math.min(count, settings.stations))) {
    if (steps.some((step) => step.activeStations === active)) continue;
    const step = await measureStep(server, fleet, settings, session, active);
    progress(`  ${describeStep(step)}`);
    const previous = steps[steps.length - 1];
    steps.push(step);
    if (previous && step.messagesPerSecond < previous.messagesPerSecond * 1.05 && step.latencyMs.p99 > SESSION_TARGETS.steadyP99Ms * 3) break;
  }
  return steps;
}

export async function measureStorageCeiling(database: BenchDatabase, settings: BenchSettings, session: SessionSettings, logFile: string): Promise<StorageCeiling> {
  const { child } = await BenchChild.start('storage ceiling', siblingModule('../baselines/storage-ceiling.ts', import.meta.url),
    { BENCH_STORAGE_OPTIONS: JSON.stringify({ database: database.options }) }, logFile);
  try {
    const inFlight = database.kind === 'postgres' ? 4 : 1; // as ChargeOps' group committer (src/main.ts)
    const batchRows = 256;
    const postgres = new CommandCpuMeter('postgres');
    const machineBefore = readMachineCpuTicks();
    const command: StorageRunCommand = { type: 'run', durationMs: session.durationSeconds * 1000, batchRows, inFlight };
    const reply = await child.request(command as unknown as { type: string }, 'run-done', session.durationSeconds * 1000 + 120_000);
    const machineAfter = readMachineCpuTicks();
    const report = reply['report'] as StorageRunReport;
    const seconds = report.windowMs / 1000;
    return {
      batchRows, inFlight, rowsPerSecond: round(report.rows / seconds, 0), batchesPerSecond: round(report.batches / seconds, 1),
      commitMs: summarizeLatencies(report.commitMs), processCpuSeconds: round(report.cpuSeconds, 1), postgresCpuSeconds: round(postgres.stop(), 1),
      machineBusyShare: round((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total), 3),
    };
  } finally {
    await child.stop();
  }
}

export function describeStep(step: MeasuredStep): string {
  const open = step.offeredPerSecond ? `offered ${step.offeredPerSecond}/s, ` : 'closed loop, ';
  const problems = step.errors + step.timeouts + step.notAccepted > 0 ? `, errors ${step.errors} (timeouts ${step.timeouts}), not accepted ${step.notAccepted}` : '';
  return `${step.activeStations} stations, ${open}${step.messagesPerSecond} msg/s, p50/p95/p99 ${step.latencyMs.p50}/${step.latencyMs.p95}/${step.latencyMs.p99} ms`
    + `${problems}; CPU server ${step.serverCpuSeconds} s, postgres ${step.postgresCpuSeconds} s, load ${step.loadgenCpuSeconds} s, machine ${(step.machineBusyShare * 100).toFixed(0)} % busy`;
}
