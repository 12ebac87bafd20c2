// A chaos scenario: which fault hits which station when, reproducible from a seed. A file gives
// the faults explicitly, or `mix` draws them from the seed over the fleet.
import { readFileSync } from 'node:fs';
import { seededRandom } from '../charging-model.js';
import type { SimulatedStation } from '../simulated-station.js';
import { injectFault, type Fault, type FaultKind, type Sleeper } from './faults.js';

export type ScheduledFault = { station: string; atSeconds: number; fault: Fault };
export type Scenario = { seed: number; faults: ScheduledFault[] };

export const FAULT_KINDS: readonly FaultKind[] = ['offline', 'flapping', 'vendor-error', 'stuck-transaction', 'failed-start', 'frozen-meter', 'stuck-preparing'];
const KINDS = FAULT_KINDS;

/** What happened to one fault of a running scenario, for the report (`chargeops chaos report`). */
export type InjectionRecord = { station: string; kind: FaultKind; fault: Fault; injectedAt: string; endedAt: string | null; error: string | null };
const VENDOR_ERRORS = [
  { errorCode: 'GroundFailure', vendorErrorCode: 'GF-01' }, { errorCode: 'OverCurrentFailure', vendorErrorCode: 'OC-12' },
  { errorCode: 'OtherError', vendorId: 'https://chargex.inl.gov', vendorErrorCode: 'CX001' }, { errorCode: 'HighTemperature', vendorErrorCode: 'T-85' },
];

/**
 * Draws a scenario: `share` of the stations (0..1) get one fault each, kinds in turn, at a random
 * time in the first `spreadSeconds`; the rest stay healthy. The same seed gives the same scenario.
 */
export function mixScenario(stationIds: readonly string[], seed: number, options: { share?: number; spreadSeconds?: number; connectorId?: number; idToken?: string; idTokens?: readonly string[] } = {}): Scenario {
  const random = seededRandom(seed);
  const share = options.share ?? 0.3;
  const connectorId = options.connectorId ?? 1;
  // A stuck transaction keeps its token busy: faults take the tokens in turn when given several.
  const tokens = options.idTokens?.length ? options.idTokens : [options.idToken ?? 'SIM-TAG-1'];
  const chosen = [...stationIds].map((id) => ({ id, r: random() })).sort((a, b) => a.r - b.r).slice(0, Math.round(stationIds.length * share)).map((c) => c.id).sort();
  const faults = chosen.map((station, i): ScheduledFault => {
    const kind = KINDS[i % KINDS.length]!;
    const atSeconds = Math.floor(random() * (options.spreadSeconds ?? 300));
    const error = VENDOR_ERRORS[Math.floor(random() * VENDOR_ERRORS.length)]!;
    const idToken = tokens[i % tokens.length]!;
    const fault: Fault = kind === 'offline' ? { kind, seconds: 300 + Math.floor(random() * 600) }
      : kind === 'flapping' ? { kind, times: 5, downSeconds: 5, upSeconds: 20 }
      : kind === 'vendor-error' ? { kind, connectorId, ...error, seconds: 600 }
      : kind === 'stuck-transaction' ? { kind, connectorId, idToken }
      : kind === 'failed-start' ? { kind, connectorId, idToken, seconds: 30, times: 3 }
      : kind === 'frozen-meter' ? { kind, connectorId, idToken, seconds: 900, intervalSeconds: 60 }
      : { kind, connectorId, seconds: 1500 };
    return { station, atSeconds, fault };
  });
  return { seed, faults: faults.sort((a, b) => a.atSeconds - b.atSeconds || a.station.localeCompare(b.station)) };
}

/** Reads a scenario file: { "seed": n, "faults": [{ "station", "atSeconds", "fault": { "kind", ... } }] }. */
export function readScenario(path: string): Scenario {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Scenario>;
  if (!Array.isArray(parsed.faults)) throw new Error(`${path}: "faults" must be a list`);
  for (const [i, f] of parsed.faults.entries()) {
    if (typeof f?.station !== 'string' || typeof f.atSeconds !== 'number' || !KINDS.includes(f.fault?.kind)) {
      throw new Error(`${path}: faults[${i}] needs station, atSeconds and a fault of kind ${KINDS.join('|')}`);
    }
  }
  return { seed: parsed.seed ?? 0, faults: parsed.faults };
}

/** Runs a scenario against the fleet; resolves when every fault has run. Errors are reported, not thrown. */
export async function runScenario(scenario: Scenario, stations: readonly SimulatedStation[], report: (text: string) => void, sleep: Sleeper = (ms) => new Promise((r) => setTimeout(r, ms).unref()), record?: (entry: InjectionRecord) => void): Promise<void> {
  const byId = new Map(stations.map((s) => [s.stationId, s]));
  await Promise.all(scenario.faults.map(async ({ station, atSeconds, fault }) => {
    const target = byId.get(station);
    if (!target) return report(`chaos: no station ${station} in the fleet`);
    await sleep(atSeconds * 1000);
    report(`chaos: ${station} ${fault.kind} ${JSON.stringify(fault)}`);
    const injectedAt = new Date().toISOString();
    // Recorded when it starts and again when it ends: a run stopped midway still knows what it injected.
    record?.({ station, kind: fault.kind, fault, injectedAt, endedAt: null, error: null });
    try {
      await injectFault(target, fault, sleep);
      report(`chaos: ${station} ${fault.kind} done`);
      record?.({ station, kind: fault.kind, fault, injectedAt, endedAt: new Date().toISOString(), error: null });
    } catch (error) {
      report(`chaos: ${station} ${fault.kind} failed: ${(error as Error).message}`);
      record?.({ station, kind: fault.kind, fault, injectedAt, endedAt: new Date().toISOString(), error: (error as Error).message });
    }
  }));
}
