import type { Logger } from 'pino';
import type { OcppVersion } from '../protocol/versions.js';
import type { EvseProfile } from './charging-model.js';
import { SimulatedStation, type BootResult } from './simulated-station.js';

export type FleetOptions = {
  /** The CSMS's OCPP endpoint without the station id, e.g. ws://localhost:8180/ocpp */
  url: string;
  perVersion: Partial<Record<OcppVersion, number>>;
  /** Connectors per station: a number, or [min, max] spread evenly over the fleet. */
  connectors: number | [number, number];
  /** Station ids are `<idPrefix>-16-0001`, `<idPrefix>-201-0001`, `<idPrefix>-21-0001`... (default SIM). */
  idPrefix?: string;
  /** Stations connecting and booting at the same time (default 50). */
  concurrency?: number;
  password?: string;
  reconnect?: boolean;
  callTimeoutMs?: number;
  heartbeatIntervalOverrideSeconds?: number;
  log?: Logger;
  /** What the connectors of the i-th station of a version deliver (default 22 kW AC). */
  evse?: (index: number) => EvseProfile;
  /** Sampled meter values during a transaction, every this many seconds (default 60). */
  meterIntervalSeconds?: number;
  /** Seeds each station's randomness (EVs, meters) from this, so a run repeats. */
  seed?: number;
  /** Called for each station before it starts, e.g. to listen to its events. */
  onStation?: (station: SimulatedStation) => void;
};

export type FleetSummary = { total: number; accepted: number; pending: number; rejected: number; failed: number };

export type Fleet = {
  stations: SimulatedStation[];
  /** Registration outcome of each station's first boot. */
  summary: FleetSummary;
  stop(): Promise<void>;
};

const VERSION_TAGS: Record<OcppVersion, string> = { 'ocpp1.6': '16', 'ocpp2.0.1': '201', 'ocpp2.1': '21' };

export function fleetStationId(prefix: string, version: OcppVersion, index: number, count: number): string {
  const width = Math.max(4, String(count).length);
  return `${prefix}-${VERSION_TAGS[version]}-${String(index + 1).padStart(width, '0')}`;
}

/** Creates the fleet's stations and starts them with at most `concurrency` booting at once. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const prefix = options.idPrefix ?? 'SIM';
  const [minConnectors, maxConnectors] = typeof options.connectors === 'number' ? [options.connectors, options.connectors] : options.connectors;
  const stations: SimulatedStation[] = [];
  for (const [version, count = 0] of Object.entries(options.perVersion) as Array<[OcppVersion, number | undefined]>) {
    for (let i = 0; i < count; i++) {
      const station = new SimulatedStation({
        url: options.url,
        stationId: fleetStationId(prefix, version, i, count),
        version,
        connectors: minConnectors + (i % (maxConnectors - minConnectors + 1)),
        ...(options.password !== undefined ? { password: options.password } : {}),
        ...(options.log ? { log: options.log } : {}),
        ...(options.callTimeoutMs !== undefined ? { callTimeoutMs: options.callTimeoutMs } : {}),
        ...(options.heartbeatIntervalOverrideSeconds !== undefined ? { heartbeatIntervalOverrideSeconds: options.heartbeatIntervalOverrideSeconds } : {}),
        reconnect: options.reconnect ?? false,
        ...(options.evse ? { evse: options.evse(i) } : {}),
        ...(options.seed !== undefined ? { seed: options.seed + stations.length } : {}),
        ...(options.meterIntervalSeconds !== undefined ? { meterIntervalSeconds: options.meterIntervalSeconds } : {}),
      });
      options.onStation?.(station);
      stations.push(station);
    }
  }

  const results = await mapWithConcurrency(stations, options.concurrency ?? 50, (station) => station.start());
  return {
    stations,
    summary: summarize(results),
    stop: async () => {
      await mapWithConcurrency(stations, 500, (station) => station.stop());
    },
  };
}

export function summarize(results: readonly BootResult[]): FleetSummary {
  const summary: FleetSummary = { total: results.length, accepted: 0, pending: 0, rejected: 0, failed: 0 };
  for (const result of results) {
    if (result.status === 'Accepted') summary.accepted += 1;
    else if (result.status === 'Pending') summary.pending += 1;
    else if (result.status === 'Rejected') summary.rejected += 1;
    else summary.failed += 1;
  }
  return summary;
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
