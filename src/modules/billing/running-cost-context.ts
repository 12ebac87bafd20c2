// What the running cost of an active session needs, kept in memory from its first priced
// session.updated to its end (ADR 062): the session's facts, the driver's customer group, the
// tariff in force at the start with its place and VAT, its price schedule, the station's OCPP
// version and the meter readings so far. Each later session.updated appends its register reading
// (the event carries energyWh and lastMeterAt), so a priced meter update reads nothing.
//
// Invalidated: at session end; for all sessions on any tariff, assignment or schedule change made
// through this node's API; and after MAX_AGE_MS, which bounds how long a change made through
// another node can go unseen (the CDR at the end is always priced from the database).
import { Decimal } from '../tariffs/pricing/money.js';
import { priceSession } from '../tariffs/pricing/price-session.js';
import type { TariffService } from '../tariffs/service.js';
import { tariffsInForce, withIdleFee, type ScheduleEntry } from '../tariffs/tariffs-in-force.js';
import type { OcpiTariff } from '../tariffs/pricing/tariff-model.js';
import { currencyRules } from '../tariffs/tax/currencies.js';
import { timelineFromSession, type MeterRow } from './session-timeline.js';

export const MAX_AGE_MS = 5 * 60_000;
const REGISTER = 'Energy.Active.Import.Register';

export type RunningContext = {
  tenantId: string; stationId: string; ocppVersion: string; startedAt: Date;
  /** The register at the start (meterStartWh, else the first reading, else 0): readings appended are origin + energyWh. */
  origin: Decimal;
  found: Awaited<ReturnType<TariffService['tariffAt']>>;
  schedule: ScheduleEntry[];
  meters: MeterRow[];
  /**
   * A tariff with power or current restrictions needs the power and current samples, which
   * session.updated does not carry: its meter rows are read again for each price.
   */
  needsMeterSamples: boolean;
  loadedAt: number;
};

export const tariffNeedsMeterSamples = (tariff: unknown) => /"(min|max)_(power|current)"/.test(JSON.stringify(tariff));

/** Appends the register reading a session.updated reports (origin + energy so far), in order. */
export function appendReading(ctx: RunningContext, energyWh: string, at: Date): void {
  const last = ctx.meters.at(-1);
  if (last && last.sampledAt.getTime() >= at.getTime()) return;
  ctx.meters.push({ sampledAt: at, measurand: REGISTER, phase: null, value: ctx.origin.plus(energyWh).toFixed(), unit: 'Wh' });
}

/**
 * The session priced to `until` from the context alone: the same timeline and pricing as
 * CdrService.priceRecorded (TariffService.price), without a read. The VAT is the one of the
 * start's local date, as there.
 */
export function priceFromContext(ctx: RunningContext, energyWh: string, until: Date, meters: MeterRow[] = ctx.meters) {
  const { timeline } = timelineFromSession(
    { startedAt: ctx.startedAt, endedAt: until, meterStartWh: ctx.origin.toFixed(), energyWh }, meters, ctx.found.place.timeZone,
  );
  const from = new Date(timeline.intervals[0]!.from);
  const to = new Date(timeline.intervals.at(-1)!.to);
  const tariff = ctx.found.tariff;
  return priceSession({
    timeline: { ...timeline, timeZone: ctx.found.place.timeZone },
    tariffs: tariffsInForce(withIdleFee(tariff.tariff as unknown as OcpiTariff, tariff.idleFee), ctx.schedule, from, to),
    jurisdictionVatPercent: ctx.found.vat?.rate ?? null,
    currency: currencyRules(tariff.currency),
  });
}
