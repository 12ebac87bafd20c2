// Does a tariff element apply at a moment of the session? OCPI restrictions are evaluated at the
// start of each slice of the timeline; the slicer cuts the timeline wherever a verdict can change,
// so the verdict holds for the whole slice. Each verdict carries the reasons, for the explanation.
import type { CompiledElement, CompiledRestrictions } from './compile-tariff.js';
import type { Decimal } from './money.js';
import { DAYS_OF_WEEK } from './tariff-model.js';
import type { LocalTime } from './zoned-time.js';

/** Which part of the timeline a slice belongs to: reservation elements price only reservations. */
export type PricingPhase = 'session' | 'reservation' | 'reservation-expired';

export type RestrictionContext = {
  phase: PricingPhase;
  local: LocalTime;
  /** Energy delivered in the session before this moment. */
  energyKwh: Decimal;
  /** Milliseconds since the session (not the reservation) started. */
  elapsedMs: number;
  /** Measured power (kW) and current (A, sum over phases); undefined when not measured. */
  powerKw?: Decimal;
  currentA?: Decimal;
};

export type Verdict = { applies: true; reasons: string[] } | { applies: false; failed: string };

/**
 * Boundaries follow OCPI's wording: a "min"/"start" value is inclusive (valid from), a
 * "max"/"end" value is exclusive (valid until). An end_time before the start_time spans midnight
 * (22:00-06:00); an end_time of 00:00 means until midnight. Equal start and end times impose nothing.
 */
export function evaluateRestrictions(element: CompiledElement, ctx: RestrictionContext): Verdict {
  const r: CompiledRestrictions = element.restrictions;
  const reasons: string[] = [];

  if (ctx.phase === 'session') {
    if (r.reservation) return { applies: false, failed: `reservation ${r.reservation} (prices reservations only)` };
  } else if (!r.reservation) {
    return { applies: false, failed: 'no reservation restriction (prices the session, not the reservation)' };
  } else if (ctx.phase === 'reservation' && r.reservation === 'RESERVATION_EXPIRES') {
    return { applies: false, failed: 'reservation RESERVATION_EXPIRES (the reservation was used)' };
  } else {
    reasons.push(`reservation ${r.reservation}`);
  }

  const minute = ctx.local.minuteOfDay;
  if (r.startMinute !== undefined || r.endMinute !== undefined) {
    const start = r.startMinute ?? 0;
    const end = r.endMinute ?? 0;
    let inside: boolean;
    if (start === end) inside = true;
    else if (start < end) inside = minute >= start && minute < end;
    else inside = minute >= start || minute < end; // across midnight, or until midnight when end is 00:00
    const window = `${r.startTime ?? '00:00'}-${r.endTime ?? '24:00'}`;
    if (!inside) return { applies: false, failed: `time of day ${window}: local time is ${ctx.local.clock}` };
    reasons.push(`time of day ${window} (local ${ctx.local.clock})`);
  }
  if (r.startDate !== undefined) {
    if (ctx.local.date < r.startDate) return { applies: false, failed: `start_date ${r.startDate}: local date is ${ctx.local.date}` };
    reasons.push(`from ${r.startDate}`);
  }
  if (r.endDate !== undefined) {
    if (ctx.local.date >= r.endDate) return { applies: false, failed: `end_date ${r.endDate} (exclusive): local date is ${ctx.local.date}` };
    reasons.push(`until ${r.endDate} (exclusive)`);
  }
  if (r.daysOfWeek && r.daysOfWeek.length > 0) {
    const today = DAYS_OF_WEEK[ctx.local.isoWeekday - 1]!;
    if (!r.daysOfWeek.includes(today)) return { applies: false, failed: `day_of_week ${r.daysOfWeek.join(',')}: local day is ${today}` };
    reasons.push(`day ${today}`);
  }
  if (r.minKwh !== undefined) {
    if (ctx.energyKwh.lessThan(r.minKwh)) return { applies: false, failed: `min_kwh ${r.minKwh.toFixed()}: ${ctx.energyKwh.toFixed()} kWh delivered` };
    reasons.push(`from ${r.minKwh.toFixed()} kWh`);
  }
  if (r.maxKwh !== undefined) {
    if (ctx.energyKwh.greaterThanOrEqualTo(r.maxKwh)) return { applies: false, failed: `max_kwh ${r.maxKwh.toFixed()}: ${ctx.energyKwh.toFixed()} kWh delivered` };
    reasons.push(`below ${r.maxKwh.toFixed()} kWh`);
  }
  const measured = (value: Decimal | undefined, min: Decimal | undefined, max: Decimal | undefined, name: string, unit: string): string | undefined => {
    if (min === undefined && max === undefined) return undefined;
    // An unmeasured value cannot prove the restriction holds: the element does not apply.
    if (value === undefined) return `${name} restriction needs a measured ${name}, none available`;
    if (min !== undefined && value.lessThan(min)) return `min_${name} ${min.toFixed()} ${unit}: measured ${value.toFixed()} ${unit}`;
    if (max !== undefined && value.greaterThanOrEqualTo(max)) return `max_${name} ${max.toFixed()} ${unit}: measured ${value.toFixed()} ${unit}`;
    reasons.push(`${name} ${value.toFixed()} ${unit} within ${min?.toFixed() ?? '0'}..${max?.toFixed() ?? '∞'}`);
    return undefined;
  };
  const currentFailure = measured(ctx.currentA, r.minCurrent, r.maxCurrent, 'current', 'A');
  if (currentFailure) return { applies: false, failed: currentFailure };
  const powerFailure = measured(ctx.powerKw, r.minPower, r.maxPower, 'power', 'kW');
  if (powerFailure) return { applies: false, failed: powerFailure };
  if (r.minDuration !== undefined) {
    if (ctx.elapsedMs < r.minDuration * 1000) return { applies: false, failed: `min_duration ${r.minDuration} s: ${ctx.elapsedMs / 1000} s elapsed` };
    reasons.push(`after ${r.minDuration} s`);
  }
  if (r.maxDuration !== undefined) {
    if (ctx.elapsedMs >= r.maxDuration * 1000) return { applies: false, failed: `max_duration ${r.maxDuration} s: ${ctx.elapsedMs / 1000} s elapsed` };
    reasons.push(`before ${r.maxDuration} s`);
  }
  if (reasons.length === 0) reasons.push('no restrictions');
  return { applies: true, reasons };
}

