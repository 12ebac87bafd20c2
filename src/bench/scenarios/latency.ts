// Latency: an open-loop offered load of 25 % of the steady maximum (found by a closed-loop search
// on the same server in the same run, unless --rate gives it), spread evenly over every station.
// Each CALL has a scheduled send time and its latency counts from then: a server that falls behind
// makes later CALLs late, and that lateness is measured (no coordinated omission). The bare `ws`
// server gets the same offered load for reference.
import type { BenchDatabase } from '../databases.js';
import { startBareWs, startChargeOpsServer, summarizeServerLog } from '../servers.js';
import type { BenchSettings } from '../settings.js';
import { round } from '../stats.js';
import {
  bestStep, bootSessionStations, describeStep, measureStep, searchThroughput, SESSION_TARGETS, type MeasuredStep, type SessionSettings,
} from './session-load.js';
import { withFleet } from './steady.js';

export type LatencyMeasurements = {
  /** The closed-loop search that set the offered load (empty when --rate gave it). */
  search: MeasuredStep[];
  steadyMaximum: number | null;
  offeredPerSecond: number;
  chargeops: MeasuredStep;
  bareWs: MeasuredStep;
  serverLog: { file: string; warnings: number; errors: number; samples: string[] };
};

/**
 * CALLs per second each open-loop station sends. Spread over all 2,000 stations, a few hundred
 * CALLs/s would give each station one or two CALLs per window: nearly all Authorize and status,
 * never a session. At 2/s a station goes through a whole session (15 CALLs) every 7.5 s.
 */
const OPEN_LOOP_CALLS_PER_STATION = 2;
const openLoopStations = (settings: BenchSettings, offered: number): number =>
  Math.min(settings.stations, Math.max(1, Math.ceil(offered / OPEN_LOOP_CALLS_PER_STATION)));

export async function runLatency(settings: BenchSettings, session: SessionSettings, database: BenchDatabase, fleetLog: string, logFile: (name: string) => string, progress: (line: string) => void): Promise<LatencyMeasurements> {
  const serverLog = logFile('chargeops');
  const { search, steadyMaximum, offeredPerSecond, chargeops } = await withFleet(settings, fleetLog, async (fleet) => {
    const server = await startChargeOpsServer(database, serverLog, settings.logLevel, settings.profileDir);
    try {
      await bootSessionStations(server, fleet, settings, session, 'LATENCY', true, progress);
      let found: MeasuredStep[] = [];
      let maximum: number | null = null;
      let offered = session.rate;
      if (!offered) {
        progress(`ChargeOps (${database.kind}): closed-loop search for the steady maximum over ${session.steps.join(', ')} active stations`);
        found = await searchThroughput(server, fleet, settings, session, progress);
        const best = bestStep(found, SESSION_TARGETS.steadyP99Ms);
        // No step met the bar: the most answered still sizes the offered load, and the report says so.
        maximum = best?.messagesPerSecond ?? Math.max(...found.map((step) => step.messagesPerSecond));
        offered = round(maximum * SESSION_TARGETS.latencyShareOfSteady, 0);
      }
      const active = openLoopStations(settings, offered);
      progress(`ChargeOps (${database.kind}): open loop, ${offered} CALLs/s offered over ${active} stations`);
      const measured = await measureStep(server, fleet, settings, session, active, offered);
      progress(`  ${describeStep(measured)}`);
      await fleet.close();
      return { search: found, steadyMaximum: maximum, offeredPerSecond: offered, chargeops: measured };
    } finally {
      await server.stop();
    }
  });
  const bareWs = await withFleet(settings, fleetLog, async (fleet) => {
    progress(`bare ws server: the same ${offeredPerSecond} CALLs/s offered`);
    const bare = await startBareWs(logFile('bare-ws'));
    try {
      await bootSessionStations(bare, fleet, settings, session, 'LATENCY', false, progress);
      const measured = await measureStep(bare, fleet, settings, session, openLoopStations(settings, offeredPerSecond), offeredPerSecond);
      progress(`  ${describeStep(measured)}`);
      await fleet.close();
      return measured;
    } finally {
      await bare.stop();
    }
  });
  return { search, steadyMaximum, offeredPerSecond, chargeops, bareWs, serverLog: { file: serverLog, ...summarizeServerLog(serverLog) } };
}
