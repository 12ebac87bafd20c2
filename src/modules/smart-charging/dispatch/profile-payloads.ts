// SetChargingProfile payloads in each family's shape (1.6 §5.16 / 2.0.1 K01). Profile ids and
// stack levels are ChargeOps's (ADR 038):
//  - load-balancing TxProfile on EVSE n: id 10000 + n, stack level 1, Absolute from now, with a
//    lease (duration) so a station cut off from ChargeOps falls back to its TxDefaultProfile;
//  - fallback TxDefaultProfile on EVSE n: id 20000 + n, stack level 0, no end;
//  - operator library profiles: id 30000 + their library number, the stack level they declare;
//  - station maximum (1.6 ChargePointMaxProfile / 2.x ChargingStationMaxProfile) on EVSE 0: id
//    40000, stack level 0 (an operator's library maximum at a higher level overrides it).
// Re-sending the same id replaces the profile on the station (K01.FR.05), so ids never pile up.
import { limitInAmps, purposeName } from '../../../protocol/charging-profiles.js';
import { isOcpp2x, type OcppVersion } from '../../../protocol/versions.js';

export const TX_PROFILE_BASE = 10_000;
export const FALLBACK_PROFILE_BASE = 20_000;
export const LIBRARY_PROFILE_BASE = 30_000;
export const STATION_MAX_PROFILE_ID = 40_000;

/** Purposes ChargeOps sends, by their 1.6 names (2.x names through src/protocol/charging-profiles.ts). */
export type ProfilePurpose = 'TxProfile' | 'TxDefaultProfile' | 'ChargePointMaxProfile';
const NEUTRAL = { TxProfile: 'Tx', TxDefaultProfile: 'TxDefault', ChargePointMaxProfile: 'StationMax' } as const;

export type ProfileSpec = {
  id: number;
  stackLevel: number;
  purpose: ProfilePurpose;
  evseId: number;
  transactionId?: string;
  kind: 'Absolute' | 'Relative' | 'Recurring';
  recurrencyKind?: 'Daily' | 'Weekly';
  startSchedule?: string;
  durationS?: number;
  unit: 'A' | 'W';
  periods: Array<{ startPeriod: number; limit: number; numberPhases?: number }>;
};

/** 1.6 limits are `multipleOf 0.1`; 2.x accepts one decimal too. */
const tenth = (value: number) => Math.floor(value * 10 + 1e-9) / 10;

export function setChargingProfilePayload(version: OcppVersion, p: ProfileSpec): unknown {
  const periods = p.periods.map((x) => ({ startPeriod: x.startPeriod, limit: tenth(x.limit), ...(x.numberPhases !== undefined ? { numberPhases: x.numberPhases } : {}) }));
  const schedule = {
    chargingRateUnit: p.unit, chargingSchedulePeriod: periods,
    ...(p.startSchedule !== undefined ? { startSchedule: p.startSchedule } : {}), ...(p.durationS !== undefined ? { duration: p.durationS } : {}),
  };
  const common = { stackLevel: p.stackLevel, chargingProfileKind: p.kind, ...(p.recurrencyKind ? { recurrencyKind: p.recurrencyKind } : {}) };
  if (!isOcpp2x(version)) {
    return {
      connectorId: p.evseId,
      csChargingProfiles: {
        chargingProfileId: p.id, ...common, chargingProfilePurpose: p.purpose,
        ...(p.transactionId !== undefined && /^\d+$/.test(p.transactionId) ? { transactionId: Number(p.transactionId) } : {}),
        chargingSchedule: schedule,
      },
    };
  }
  return {
    evseId: p.evseId,
    chargingProfile: {
      id: p.id, ...common, chargingProfilePurpose: purposeName(NEUTRAL[p.purpose], false),
      ...(p.transactionId !== undefined ? { transactionId: p.transactionId } : {}),
      chargingSchedule: [{ id: p.id, ...schedule }],
    },
  };
}

export function getCompositeSchedulePayload(version: OcppVersion, evseId: number, durationS: number): unknown {
  return isOcpp2x(version) ? { evseId, duration: durationS, chargingRateUnit: 'A' } : { connectorId: evseId, duration: durationS, chargingRateUnit: 'A' };
}

/** The limit in force now from a GetCompositeSchedule answer (A), or null when it has none. */
export function limitNowFromComposite(version: OcppVersion, answer: unknown): number | null {
  const a = answer as { status?: string; chargingSchedule?: CompositeSchedule; schedule?: CompositeSchedule };
  if (a.status !== 'Accepted') return null;
  const schedule = isOcpp2x(version) ? a.schedule : a.chargingSchedule;
  const first = schedule?.chargingSchedulePeriod?.[0];
  if (!first || typeof first.limit !== 'number') return null;
  return limitInAmps(first.limit, schedule!.chargingRateUnit === 'W' ? 'W' : 'A', first.numberPhases ?? 3);
}
type CompositeSchedule = { chargingRateUnit?: string; chargingSchedulePeriod?: Array<{ limit?: number; numberPhases?: number }> };

export function clearChargingProfilePayload(version: OcppVersion, id: number): unknown {
  return isOcpp2x(version) ? { chargingProfileId: id } : { id };
}
