// A site's energy configuration as the operator describes it, and its checks. Pure: the service
// adds the checks that need the database (the stations exist and stand at the site).
import { checkTopology } from '../allocator/topology.js';
import type { Battery, CircuitSpec, EvseSpec, ExternalCap, PhaseRotation, PhaseValues, SiteTopology, Strategy } from '../allocator/types.js';

export type ConfiguredEvse = {
  stationId: string;
  /** 2.x EVSE id; 1.6 connector id. */
  evseId: number;
  circuitId: string;
  phases: 1 | 2 | 3;
  phaseRotation?: PhaseRotation;
  maxCurrentA: number;
  minCurrentA?: number;
};

export type DispatchOptions = {
  /** Changes smaller than this (A) are not sent (hysteresis). Default 1. */
  minChangeA: number;
  /** Events for one site within this window cause one re-allocation. Default 200 ms. */
  debounceMs: number;
  /** Non-EV load kept free when computing the fallback limits (A per phase at the grid connection). */
  reservedSiteLoadA: PhaseValues;
  /** TxProfiles expire after this long unless renewed, so a station cut off from ChargeOps falls back to its TxDefaultProfile. 0 = never. */
  leaseSeconds: number;
  /** Periodic re-allocation (signal schedules, expiry, lease renewal). */
  tickSeconds: number;
};

export type EnergyConfig = {
  tenantId: string;
  siteId: string;
  strategy: Strategy;
  voltageV: number;
  circuits: CircuitSpec[];
  evses: ConfiguredEvse[];
  options: DispatchOptions;
  readings: SiteReadings | null;
  readingsAt: Date | null;
  updatedAt: Date;
};

export type SiteReadings = {
  /** Non-EV site load per phase (A), from the site meter. */
  siteLoadA?: PhaseValues;
  siteLoadCircuitId?: string;
  pvProductionKw?: number;
  battery?: Battery;
};

export type Signal = ExternalCap & { siteId: string; createdAt: Date };

export const DEFAULT_OPTIONS: DispatchOptions = { minChangeA: 1, debounceMs: 200, reservedSiteLoadA: 0, leaseSeconds: 900, tickSeconds: 60 };

export const evseKey = (stationId: string, evseId: number): string => `${stationId}/${evseId}`;

export function toTopology(config: Pick<EnergyConfig, 'voltageV' | 'circuits' | 'evses'>, extra: (evse: ConfiguredEvse) => Partial<EvseSpec> = () => ({})): SiteTopology {
  return {
    voltageV: config.voltageV,
    circuits: config.circuits,
    evses: config.evses.map((e) => ({
      id: evseKey(e.stationId, e.evseId), circuitId: e.circuitId, phases: e.phases, maxCurrentA: e.maxCurrentA,
      ...(e.phaseRotation ? { phaseRotation: e.phaseRotation } : {}), ...(e.minCurrentA !== undefined ? { minCurrentA: e.minCurrentA } : {}),
      ...extra(e),
    })),
  };
}

export type ConfigProblem = { path: string; message: string };

/** Everything wrong with a configuration (empty when it is fine). Children summing above their parent are fine. */
export function checkEnergyConfig(config: Pick<EnergyConfig, 'voltageV' | 'circuits' | 'evses' | 'options'>): ConfigProblem[] {
  const problems: ConfigProblem[] = checkTopology(toTopology(config)).map((p) => ({ path: p.path, message: p.message }));
  config.evses.forEach((e, i) => {
    if (!Number.isInteger(e.evseId) || e.evseId < 1) problems.push({ path: `evses[${i}].evseId`, message: 'must be an integer >= 1' });
  });
  const o = config.options;
  if (!(o.minChangeA >= 0)) problems.push({ path: 'options.minChangeA', message: 'must be >= 0' });
  if (!(o.leaseSeconds === 0 || o.leaseSeconds >= 60)) problems.push({ path: 'options.leaseSeconds', message: 'must be 0 (no lease) or at least 60' });
  if (!(o.tickSeconds >= 1)) problems.push({ path: 'options.tickSeconds', message: 'must be >= 1' });
  const reserve = typeof o.reservedSiteLoadA === 'number' ? [o.reservedSiteLoadA] : o.reservedSiteLoadA;
  if (reserve.some((v) => !(v >= 0))) problems.push({ path: 'options.reservedSiteLoadA', message: 'must be >= 0' });
  return problems;
}

/** Checks a grid signal against the site's circuits. */
export function checkSignal(signal: ExternalCap, circuits: readonly CircuitSpec[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (signal.circuitId !== undefined && !circuits.some((c) => c.id === signal.circuitId)) problems.push({ path: 'circuitId', message: `unknown circuit "${signal.circuitId}"` });
  const from = signal.validFrom === undefined ? -Infinity : Date.parse(signal.validFrom);
  const until = signal.validUntil === undefined ? Infinity : Date.parse(signal.validUntil);
  if (!(until > from)) problems.push({ path: 'validUntil', message: 'must be after validFrom' });
  const limits = [signal, ...(signal.schedule ?? [])];
  if (limits.every((l) => l.maxCurrentA === undefined && l.maxPowerKw === undefined)) problems.push({ path: '', message: 'a signal needs maxCurrentA, maxPowerKw or a schedule of them' });
  limits.forEach((l, i) => {
    const values = l.maxCurrentA === undefined ? [] : typeof l.maxCurrentA === 'number' ? [l.maxCurrentA] : [...l.maxCurrentA];
    if (values.some((v) => !(v >= 0)) || (l.maxPowerKw !== undefined && !(l.maxPowerKw >= 0))) problems.push({ path: i === 0 ? '' : `schedule[${i - 1}]`, message: 'limits must be >= 0' });
  });
  const offsets = (signal.schedule ?? []).map((p) => p.startOffsetSeconds);
  if (offsets.some((v, i) => i > 0 && v <= offsets[i - 1]!)) problems.push({ path: 'schedule', message: 'startOffsetSeconds must increase' });
  return problems;
}
