// The pricing engine: a pure function from (timeline, tariffs in force, VAT default, currency
// rules) to an OCPI-shaped, fully explained price. Same input, same output, to the last digit.
import { buildPeriods, type Period } from './build-periods.js';
import { compileTariff, type CompiledTariff } from './compile-tariff.js';
import { Decimal, roundMoney, toDecimal, ZERO } from './money.js';
import type { Amount, BilledDimension, ChargingPeriod, PricedSession, PriceLine } from './pricing-result.js';
import type { PricingPhase } from './restrictions.js';
import { chooseComponent, dimensionsOf, type Choice, type SliceDimension } from './select-components.js';
import { parseTimeline, TimelineError, type SessionTimeline } from './session-timeline.js';
import { sliceTimeline, type TariffInForce } from './slice-timeline.js';
import { roundSteps, stepUnitVolume } from './step-rounding.js';
import type { OcpiTariff } from './tariff-model.js';
import { assertTimeZone } from './zoned-time.js';

export type CurrencyRules = { minorUnits: number; rounding: 'half-up' | 'half-even' };

export type PricingRequest = {
  timeline: SessionTimeline;
  /**
   * The tariffs in force, in order: the first from the start, each next one from its `from`
   * instant (a tariff change mid-session). One entry is the usual case.
   */
  tariffs: Array<{ tariff: OcpiTariff; from?: string }>;
  /** VAT % of the site's jurisdiction, used for components that give none; null: none known. */
  jurisdictionVatPercent?: string | number | null;
  currency: CurrencyRules;
};

type Exact = { excl: Decimal; incl: Decimal | null };
const addExact = (a: Exact, b: Exact): Exact => ({ excl: a.excl.plus(b.excl), incl: a.incl && b.incl ? a.incl.plus(b.incl) : null });
const HOURS = new Decimal(3600);
const hours = (seconds: Decimal) => seconds.div(HOURS);

export function priceSession(request: PricingRequest): PricedSession {
  assertTimeZone(request.timeline.timeZone);
  if (request.tariffs.length === 0) throw new TimelineError('no tariff in force');
  const intervals = parseTimeline(request.timeline);
  const compiled: TariffInForce[] = request.tariffs.map((entry, index) => ({
    tariff: compileTariff(entry.tariff),
    from: index === 0 ? intervals[0]!.from : Date.parse(entry.from ?? ''),
  }));
  compiled.forEach((entry, index) => {
    if (Number.isNaN(entry.from)) throw new TimelineError(`tariffs[${index}].from is required and must be an instant`);
    if (index > 0 && entry.from <= compiled[index - 1]!.from) throw new TimelineError(`tariffs[${index}].from must be after the previous tariff's`);
  });
  const currency = compiled[0]!.tariff.currency;
  if (compiled.some((t) => t.tariff.currency !== currency)) throw new TimelineError('all tariffs of a session must share one currency');
  const jurisdictionVat = request.jurisdictionVatPercent === undefined || request.jurisdictionVatPercent === null
    ? null : toDecimal(request.jurisdictionVatPercent, 'jurisdictionVatPercent');
  const timeZone = request.timeline.timeZone;
  const reservationPhase: PricingPhase = request.timeline.reservationExpired ? 'reservation-expired' : 'reservation';
  const phaseOf = (state: string): PricingPhase => (state === 'reservation' ? reservationPhase : 'session');

  const slices = sliceTimeline(intervals, compiled, timeZone);
  const choices = slices.map((slice) => {
    const tariff = compiled[slice.tariffIndex]!.tariff;
    const chosen: Partial<Record<SliceDimension, Choice>> = {};
    for (const { dimension, tariffType } of dimensionsOf(slice)) {
      const choice = chooseComponent(tariff, tariffType, slice, phaseOf(slice.state), timeZone);
      if (choice) chosen[dimension] = choice;
    }
    return chosen;
  });
  const periods = buildPeriods(slices, choices);
  const { roundings, skipped } = roundSteps(periods);
  const notes = skipped.map((s) => s.note);

  const lines: PriceLine[] = [];
  const vatOf = (choice: Choice): { vat: Decimal | null; source: PriceLine['vatSource'] } =>
    choice.component.vat ? { vat: choice.component.vat, source: 'tariff' }
      : jurisdictionVat ? { vat: jurisdictionVat, source: 'jurisdiction' } : { vat: null, source: 'none' };
  const addLine = (period: number, dimension: BilledDimension, tariff: CompiledTariff, choice: Choice, measured: Decimal, billed: Decimal, rounding?: string) => {
    // Measured and billed are in the step unit (Wh, seconds, or 1 session); the division into
    // kWh or hours comes last so that an amount like 20 min × 2.40/h is exactly 0.80.
    const divisor = dimension === 'FLAT' ? 1 : dimension === 'ENERGY' ? 1000 : HOURS;
    const excl = billed.times(choice.component.price).div(divisor);
    const { vat, source } = vatOf(choice);
    // No VAT is owed on nothing: a free component has 0 incl. VAT even when the tariff gives no VAT.
    const incl = vat ? excl.times(vat.div(100).plus(1)) : excl.isZero() ? ZERO : null;
    const shown = (value: Decimal) => value.div(divisor).toDecimalPlaces(6).toFixed();
    lines.push({
      period, dimension, tariffId: tariff.id,
      elementIndex: choice.element.elementIndex, componentIndex: choice.component.componentIndex,
      matched: choice.reasons,
      volume: shown(measured), billedVolume: shown(billed),
      unit: dimension === 'FLAT' ? 'session' : dimension === 'ENERGY' ? 'kWh' : 'h',
      measuredInStepUnit: measured.toFixed(), billedInStepUnit: billed.toFixed(),
      unitPrice: choice.component.price.toFixed(), vatPercent: vat?.toFixed() ?? null, vatSource: source,
      excl: excl.toFixed(), incl: incl?.toFixed() ?? null,
      ...(rounding ? { rounding } : {}),
    });
  };

  // FLAT: once for the reservation and once for the session, from the element in force at the
  // first moment of each (OCPI: a start or transaction fee, paid once).
  for (const phase of ['reservation', 'session'] as const) {
    const periodIndex = periods.findIndex((p) => (phase === 'reservation') === (p.state === 'reservation'));
    if (periodIndex < 0) continue;
    const period = periods[periodIndex]!;
    const tariff = compiled[period.tariffIndex]!.tariff;
    const choice = chooseComponent(tariff, 'FLAT', slices[period.firstSlice]!, phaseOf(period.state), timeZone);
    if (choice) addLine(periodIndex, 'FLAT', tariff, choice, new Decimal(1), new Decimal(1));
  }
  periods.forEach((period, index) => {
    const tariff = compiled[period.tariffIndex]!.tariff;
    for (const [dimension, choice] of Object.entries(period.choices) as Array<[SliceDimension, Choice]>) {
      const measured = stepUnitVolume(period, dimension);
      if (measured.isZero()) continue;
      const rounding = roundings.find((r) => r.period === index && r.dimension === dimension);
      const billed = rounding ? measured.plus(rounding.extra) : measured;
      addLine(index, dimension, tariff, choice, measured, billed, rounding?.note);
    }
  });
  lines.sort((a, b) => a.period - b.period || (a.dimension === 'FLAT' ? -1 : b.dimension === 'FLAT' ? 1 : 0));

  const sum = (filter: (l: PriceLine) => boolean): Exact => lines.filter(filter).reduce<Exact>(
    (acc, l) => addExact(acc, { excl: new Decimal(l.excl), incl: l.incl === null ? null : new Decimal(l.incl) }),
    { excl: ZERO, incl: ZERO },
  );
  const exact = sum(() => true);
  const { limited, adjustments } = applyPriceLimits(exact, compiled[0]!.tariff);
  const round = (value: Exact): Amount => ({
    excl_vat: roundMoney(value.excl, request.currency.minorUnits, request.currency.rounding).toFixed(request.currency.minorUnits),
    incl_vat: value.incl === null ? null : roundMoney(value.incl, request.currency.minorUnits, request.currency.rounding).toFixed(request.currency.minorUnits),
  });
  if (exact.incl === null) notes.push('total including VAT unknown: a price component has no VAT and no jurisdiction rate was given');
  const totalHours = (state: Period['state']) => hours(periods.filter((p) => p.state === state).reduce((s, p) => s.plus(p.durationMs), ZERO).div(1000));

  return {
    currency,
    minorUnits: request.currency.minorUnits,
    chargingPeriods: periods.map((p) => toChargingPeriod(p, compiled[p.tariffIndex]!.tariff.id)),
    lines,
    exact: { excl_vat: exact.excl.toFixed(), incl_vat: exact.incl?.toFixed() ?? null },
    adjustments,
    totalCost: round(limited),
    totalFixedCost: round(sum((l) => l.dimension === 'FLAT')),
    totalEnergyCost: round(sum((l) => l.dimension === 'ENERGY')),
    totalTimeCost: round(sum((l) => l.dimension === 'TIME')),
    totalParkingCost: round(sum((l) => l.dimension === 'PARKING_TIME')),
    totalReservationCost: round(sum((l) => l.dimension === 'RESERVATION_TIME')),
    totalEnergyKwh: periods.reduce((s, p) => s.plus(p.energyWh), ZERO).div(1000).toFixed(),
    totalTimeHours: totalHours('charging').toDecimalPlaces(6).toFixed(),
    totalParkingTimeHours: totalHours('parking').toDecimalPlaces(6).toFixed(),
    totalReservationTimeHours: totalHours('reservation').toDecimalPlaces(6).toFixed(),
    notes,
  };
}

/** OCPI: both sides of min_price / max_price hold independently (excl. and incl. VAT). */
function applyPriceLimits(exact: Exact, tariff: CompiledTariff): { limited: Exact; adjustments: PricedSession['adjustments'] } {
  const adjustments: PricedSession['adjustments'] = [];
  let { excl, incl } = exact;
  const adjust = (kind: 'min_price' | 'max_price', side: 'excl_vat' | 'incl_vat', from: Decimal, to: Decimal) => {
    adjustments.push({ kind, side, from: from.toFixed(), to: to.toFixed(), tariffId: tariff.id });
    return to;
  };
  if (tariff.minPrice) {
    if (excl.lessThan(tariff.minPrice.excl)) excl = adjust('min_price', 'excl_vat', excl, tariff.minPrice.excl);
    if (incl && tariff.minPrice.incl && incl.lessThan(tariff.minPrice.incl)) incl = adjust('min_price', 'incl_vat', incl, tariff.minPrice.incl);
  }
  if (tariff.maxPrice) {
    if (excl.greaterThan(tariff.maxPrice.excl)) excl = adjust('max_price', 'excl_vat', excl, tariff.maxPrice.excl);
    if (incl && tariff.maxPrice.incl && incl.greaterThan(tariff.maxPrice.incl)) incl = adjust('max_price', 'incl_vat', incl, tariff.maxPrice.incl);
  }
  return { limited: { excl, incl }, adjustments };
}

function toChargingPeriod(period: Period, tariffId: string): ChargingPeriod {
  const dimensions: ChargingPeriod['dimensions'] = [];
  const seconds = new Decimal(period.durationMs).div(1000);
  if (period.state === 'reservation') dimensions.push({ type: 'RESERVATION_TIME', volume: hours(seconds).toDecimalPlaces(6).toFixed() });
  if (period.state === 'charging') {
    dimensions.push({ type: 'ENERGY', volume: period.energyWh.div(1000).toDecimalPlaces(6).toFixed() });
    dimensions.push({ type: 'TIME', volume: hours(seconds).toDecimalPlaces(6).toFixed() });
  }
  if (period.state === 'parking') dimensions.push({ type: 'PARKING_TIME', volume: hours(seconds).toDecimalPlaces(6).toFixed() });
  const measured: Array<[ChargingPeriod['dimensions'][number]['type'], Decimal | undefined]> = [
    ['MIN_CURRENT', period.minCurrentA], ['MAX_CURRENT', period.maxCurrentA], ['MIN_POWER', period.minPowerKw], ['MAX_POWER', period.maxPowerKw],
  ];
  if (period.state === 'charging') for (const [type, value] of measured) if (value !== undefined) dimensions.push({ type, volume: value.toFixed() });
  return {
    start_date_time: new Date(period.from).toISOString(),
    end_date_time: new Date(period.to).toISOString(),
    state: period.state,
    tariff_id: tariffId,
    dimensions,
  };
}
