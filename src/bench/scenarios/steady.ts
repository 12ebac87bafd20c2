// Steady: stations run charging sessions (Authorize, status, start, meter values, stop; 1.6 and
// 2.x), every message persisted before its answer. A closed-loop search over the number of active
// stations finds the most messages/s ChargeOps answers at p99 < 100 ms. Beside it, in the same run:
// the bare `ws` server answering the same stations with canned CALLRESULTs (the protocol ceiling)
// and the same database doing batched inserts without any CSMS logic (the storage ceiling).
import type { BenchDatabase } from '../databases.js';
import { startBareWs, startChargeOpsServer, summarizeServerLog } from '../servers.js';
import type { BenchSettings } from '../settings.js';
import { SessionFleet } from '../session-fleet.js';
import {
  bestStep, bootSessionStations, describeStep, measureStep, measureStorageCeiling, searchThroughput, SESSION_TARGETS,
  type MeasuredStep, type SessionSettings, type StorageCeiling,
} from './session-load.js';

export type SteadyMeasurements = {
  storageCeiling: StorageCeiling;
  /** Bare ws, closed loop with every station: the protocol ceiling. */
  bareWs: MeasuredStep;
  /** ChargeOps, closed loop, one entry per active-station count tried. */
  steps: MeasuredStep[];
  /** The best step with p99 < 100 ms and no errors (null: none). */
  best: MeasuredStep | null;
  serverLog: { file: string; warnings: number; errors: number; samples: string[] };
};

export async function runSteady(settings: BenchSettings, session: SessionSettings, database: BenchDatabase, fleetLog: string, logFile: (name: string) => string, progress: (line: string) => void): Promise<SteadyMeasurements> {
  progress(`storage ceiling: ${database.kind}, batches of 256 meter-value rows, ${session.durationSeconds} s`);
  const storageCeiling = await measureStorageCeiling(database, settings, session, logFile('storage-ceiling'));
  progress(`  ${storageCeiling.rowsPerSecond} rows/s, commit p99 ${storageCeiling.commitMs.p99} ms, postgres CPU ${storageCeiling.postgresCpuSeconds} s`);

  const bareWs = await withFleet(settings, fleetLog, async (fleet) => {
    progress(`protocol ceiling: bare ws server, ${settings.stations} stations, closed loop`);
    const bare = await startBareWs(logFile('bare-ws'));
    try {
      await bootSessionStations(bare, fleet, settings, session, 'STEADY', false, progress);
      const step = await measureStep(bare, fleet, settings, session, settings.stations);
      progress(`  ${describeStep(step)}`);
      await fleet.close();
      return step;
    } finally {
      await bare.stop();
    }
  });

  const serverLog = logFile('chargeops');
  const steps = await withFleet(settings, fleetLog, async (fleet) => {
    progress(`ChargeOps (${database.kind}): ${settings.stations} stations booted, closed-loop search over ${session.steps.join(', ')} active stations`);
    const server = await startChargeOpsServer(database, serverLog, settings.logLevel, settings.profileDir);
    try {
      await bootSessionStations(server, fleet, settings, session, 'STEADY', true, progress);
      const found = await searchThroughput(server, fleet, settings, session, progress);
      await fleet.close();
      return found;
    } finally {
      await server.stop();
    }
  });
  return { storageCeiling, bareWs, steps, best: bestStep(steps, SESSION_TARGETS.steadyP99Ms), serverLog: { file: serverLog, ...summarizeServerLog(serverLog) } };
}

/** A fresh set of load generators per server: their stations' state never carries over. */
export async function withFleet<T>(settings: BenchSettings, logFile: string, work: (fleet: SessionFleet) => Promise<T>): Promise<T> {
  const fleet = await SessionFleet.start(settings.loadgens, logFile);
  try {
    return await work(fleet);
  } finally {
    await fleet.stop();
  }
}
