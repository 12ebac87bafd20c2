// Smart-charging answers of a simulated station: SetChargingProfile, ClearChargingProfile,
// GetCompositeSchedule (1.6 and 2.x) and GetChargingProfiles + ReportChargingProfiles (2.x), on top
// of the version-neutral ChargingProfileBook (charging-profiles.ts). Spread into handlers-16.ts and
// handlers-2x.ts.
import type { Ocpp16ActionMap } from '../protocol/ocpp16/generated/types.js';
import type { Ocpp201ActionMap } from '../protocol/ocpp201/generated/types.js';
import type { Ocpp21ActionMap } from '../protocol/ocpp21/generated/types.js';
import { ampsInUnit } from '../protocol/charging-profiles.js';
import { profileBookOf, purposeName, purposeOf, toInstalled, type InstalledProfile } from './charging-profiles.js';
import type { SimulatorContext } from './simulator-context.js';

type Answer16<A extends keyof Ocpp16ActionMap> = (ctx: SimulatorContext, request: Ocpp16ActionMap[A]['request']) => Promise<Ocpp16ActionMap[A]['response']>;
type Answer2x<A extends keyof Ocpp201ActionMap & keyof Ocpp21ActionMap> = (
  ctx: SimulatorContext, request: Ocpp201ActionMap[A]['request'] | Ocpp21ActionMap[A]['request'],
) => Promise<Ocpp201ActionMap[A]['response'] & Ocpp21ActionMap[A]['response']>;

const book = (ctx: SimulatorContext) => profileBookOf(ctx.sessions, ctx.connectors);
const now = (ctx: SimulatorContext) => ctx.sessions.clock.now().getTime();

export const profileHandlers16: {
  SetChargingProfile: Answer16<'SetChargingProfile'>; ClearChargingProfile: Answer16<'ClearChargingProfile'>; GetCompositeSchedule: Answer16<'GetCompositeSchedule'>;
} = {
  SetChargingProfile: async (ctx, request) => {
    const p = request.csChargingProfiles;
    const installed = toInstalled({
      id: p.chargingProfileId, stackLevel: p.stackLevel, purpose: p.chargingProfilePurpose, kind: p.chargingProfileKind,
      ...(p.recurrencyKind ? { recurrencyKind: p.recurrencyKind } : {}), ...(p.validFrom ? { validFrom: p.validFrom } : {}), ...(p.validTo ? { validTo: p.validTo } : {}),
      ...(p.transactionId !== undefined ? { transactionId: p.transactionId } : {}), schedule: p.chargingSchedule,
    }, request.connectorId, true, now(ctx));
    if (typeof installed === 'string') return { status: 'Rejected' };
    return { status: book(ctx).install(installed) === 'Accepted' ? 'Accepted' : 'Rejected' };
  },

  ClearChargingProfile: async (ctx, request) => {
    const purpose = request.chargingProfilePurpose === undefined ? undefined : purposeOf(request.chargingProfilePurpose, true);
    const cleared = book(ctx).clear({
      ...(request.id !== undefined ? { id: request.id } : {}), ...(request.connectorId !== undefined ? { evseId: request.connectorId } : {}),
      ...(purpose ? { purpose } : {}), ...(request.stackLevel !== undefined ? { stackLevel: request.stackLevel } : {}),
    });
    return { status: cleared ? 'Accepted' : 'Unknown' };
  },

  GetCompositeSchedule: async (ctx, request) => {
    if (request.connectorId < 0 || request.connectorId > ctx.connectors) return { status: 'Rejected' };
    const { start, periods } = book(ctx).composite(request.connectorId, request.duration);
    const unit = request.chargingRateUnit ?? 'A';
    return {
      status: 'Accepted', connectorId: request.connectorId, scheduleStart: new Date(start).toISOString(),
      chargingSchedule: { duration: request.duration, chargingRateUnit: unit, chargingSchedulePeriod: periods.map((p) => inUnit(p, unit)) },
    };
  },
};

const inUnit = (p: { startPeriod: number; limit: number; numberPhases?: number }, unit: 'A' | 'W') =>
  (unit === 'A' ? p : { ...p, limit: ampsInUnit(p.limit, unit, p.numberPhases ?? 3) });

type Profile2x = Ocpp201ActionMap['SetChargingProfile']['request']['chargingProfile'];
type Profile2xAny = Profile2x | Ocpp21ActionMap['SetChargingProfile']['request']['chargingProfile'];
type Profile16 = Ocpp16ActionMap['SetChargingProfile']['request']['csChargingProfiles'];

/** 1.6 RemoteStartTransaction.chargingProfile: false when it is not acceptable (the start is Rejected). */
export function acceptStartProfile16(ctx: SimulatorContext, connectorId: number | undefined, p: Profile16 | undefined): boolean {
  if (!p) return true;
  if (connectorId === undefined) return false;
  const installed = toInstalled({
    id: p.chargingProfileId, stackLevel: p.stackLevel, purpose: p.chargingProfilePurpose, kind: p.chargingProfileKind,
    ...(p.recurrencyKind ? { recurrencyKind: p.recurrencyKind } : {}), ...(p.validFrom ? { validFrom: p.validFrom } : {}), ...(p.validTo ? { validTo: p.validTo } : {}),
    ...(p.transactionId !== undefined ? { transactionId: p.transactionId } : {}), schedule: p.chargingSchedule,
  }, connectorId, true, now(ctx));
  return typeof installed !== 'string' && book(ctx).installOnStart(installed) === 'Accepted';
}

/** 2.x RequestStartTransaction.chargingProfile (K05): false when it is not acceptable. */
export function acceptStartProfile2x(ctx: SimulatorContext, evseId: number | undefined, p: Profile2xAny | undefined): boolean {
  if (!p) return true;
  if (evseId === undefined) return false;
  const installed = fromWire2x(p, evseId, now(ctx));
  return typeof installed !== 'string' && book(ctx).installOnStart(installed) === 'Accepted';
}

function fromWire2x(p: Profile2xAny, evseId: number, at: number): InstalledProfile | string {
  const schedule = p.chargingSchedule[0]!;
  if (p.chargingProfileKind === 'Dynamic') return 'UnsupportedKind';
  return toInstalled({
    id: p.id, stackLevel: p.stackLevel, purpose: p.chargingProfilePurpose, kind: p.chargingProfileKind,
    ...(p.recurrencyKind ? { recurrencyKind: p.recurrencyKind } : {}), ...(p.validFrom ? { validFrom: p.validFrom } : {}), ...(p.validTo ? { validTo: p.validTo } : {}),
    ...(p.transactionId !== undefined ? { transactionId: p.transactionId } : {}),
    schedule: { chargingRateUnit: schedule.chargingRateUnit, chargingSchedulePeriod: schedule.chargingSchedulePeriod,
      ...(schedule.startSchedule ? { startSchedule: schedule.startSchedule } : {}), ...(schedule.duration !== undefined ? { duration: schedule.duration } : {}) },
  }, evseId, false, at);
}

function toWire2x(installed: InstalledProfile): Profile2x {
  return {
    id: installed.id, stackLevel: installed.stackLevel, chargingProfilePurpose: purposeName(installed.purpose, false) as Profile2x['chargingProfilePurpose'],
    chargingProfileKind: installed.kind, ...(installed.recurrency ? { recurrencyKind: installed.recurrency } : {}),
    ...(installed.validFrom !== undefined ? { validFrom: new Date(installed.validFrom).toISOString() } : {}),
    ...(installed.validTo !== undefined ? { validTo: new Date(installed.validTo).toISOString() } : {}),
    ...(installed.transactionId !== undefined ? { transactionId: installed.transactionId } : {}),
    chargingSchedule: [{
      id: installed.id, chargingRateUnit: installed.unit, chargingSchedulePeriod: installed.periods,
      ...(installed.startSchedule !== undefined ? { startSchedule: new Date(installed.startSchedule).toISOString() } : {}),
      ...(installed.duration !== undefined ? { duration: installed.duration } : {}),
    }],
  };
}

export const profileHandlers2x: {
  SetChargingProfile: Answer2x<'SetChargingProfile'>; ClearChargingProfile: Answer2x<'ClearChargingProfile'>;
  GetCompositeSchedule: Answer2x<'GetCompositeSchedule'>; GetChargingProfiles: Answer2x<'GetChargingProfiles'>;
} = {
  SetChargingProfile: async (ctx, request) => {
    const p = request.chargingProfile;
    if (p.chargingProfileKind === 'Dynamic') return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedKind' } };
    const installed = fromWire2x(p, request.evseId, now(ctx));
    const outcome = typeof installed === 'string' ? installed : book(ctx).install(installed);
    return outcome === 'Accepted' ? { status: 'Accepted' } : { status: 'Rejected', statusInfo: { reasonCode: 'InvalidProfile', additionalInfo: outcome.slice(0, 512) } };
  },

  ClearChargingProfile: async (ctx, request) => {
    const c = request.chargingProfileCriteria;
    const purpose = c?.chargingProfilePurpose === undefined ? undefined : purposeOf(c.chargingProfilePurpose, false);
    const cleared = book(ctx).clear({
      ...(request.chargingProfileId !== undefined ? { id: request.chargingProfileId } : {}), ...(c?.evseId !== undefined ? { evseId: c.evseId } : {}),
      ...(purpose ? { purpose } : {}), ...(c?.stackLevel !== undefined ? { stackLevel: c.stackLevel } : {}),
    });
    return { status: cleared ? 'Accepted' : 'Unknown' };
  },

  GetCompositeSchedule: async (ctx, request) => {
    if (request.evseId < 0 || request.evseId > ctx.connectors) return { status: 'Rejected' };
    const { start, periods } = book(ctx).composite(request.evseId, request.duration);
    const unit = request.chargingRateUnit ?? 'A';
    return {
      status: 'Accepted',
      schedule: { evseId: request.evseId, duration: request.duration, scheduleStart: new Date(start).toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: periods.map((p) => inUnit(p, unit)) },
    };
  },

  // K09: answer, then report the matching profiles in ReportChargingProfiles (one per EVSE).
  GetChargingProfiles: async (ctx, request) => {
    const c = request.chargingProfile;
    const purpose = c.chargingProfilePurpose === undefined ? undefined : purposeOf(c.chargingProfilePurpose, false);
    const matching = book(ctx).list().filter((p) => (request.evseId === undefined || p.evseId === request.evseId)
      && (purpose === undefined || p.purpose === purpose) && (c.stackLevel === undefined || p.stackLevel === c.stackLevel)
      && (c.chargingProfileId === undefined || c.chargingProfileId.includes(p.id)));
    if (matching.length === 0) return { status: 'NoProfiles' };
    const byEvse = new Map<number, InstalledProfile[]>();
    for (const p of matching) (byEvse.get(p.evseId) ?? byEvse.set(p.evseId, []).get(p.evseId)!).push(p);
    const evses = [...byEvse.entries()];
    ctx.afterAnswer(async () => {
      for (const [i, [evseId, profiles]] of evses.entries()) {
        await ctx.call('ReportChargingProfiles', {
          requestId: request.requestId, chargingLimitSource: 'CSO', evseId, chargingProfile: profiles.map(toWire2x), ...(i < evses.length - 1 ? { tbc: true } : {}),
        });
      }
    });
    return { status: 'Accepted' };
  },
};
