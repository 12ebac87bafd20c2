// OCPI step_size, as ChargeOps applies it (ADR 024). A dimension is rounded once per session, on
// its total billed volume, up to a multiple of the step_size of the component that priced it
// last; the extra volume is billed in that last priced period at that period's price.
// Earlier periods are never rounded on their own.
//
// Charging time (TIME) and parking time (PARKING_TIME) are consecutive parts of one stay. When
// the period right after a time dimension's last priced period is priced in the other time
// dimension, rounding up would bill the same minutes twice (once as charging, once as parking),
// so that dimension is not rounded: the session's final activity carries the rounding.
import { Decimal } from './money.js';
import type { Period } from './build-periods.js';
import type { SliceDimension } from './select-components.js';

export type Rounding = { period: number; dimension: SliceDimension; extra: Decimal; note: string };
export type SkippedRounding = { dimension: SliceDimension; note: string };

/** Volume of a period in the step unit: Wh for energy, seconds for times. */
export function stepUnitVolume(period: Period, dimension: SliceDimension): Decimal {
  return dimension === 'ENERGY' ? period.energyWh : new Decimal(period.durationMs).div(1000);
}

export function roundSteps(periods: Period[]): { roundings: Rounding[]; skipped: SkippedRounding[] } {
  const roundings: Rounding[] = [];
  const skipped: SkippedRounding[] = [];
  const dimensions: SliceDimension[] = ['ENERGY', 'TIME', 'PARKING_TIME', 'RESERVATION_TIME'];
  for (const dimension of dimensions) {
    const priced = periods.map((p, i) => ({ p, i })).filter(({ p }) => p.choices[dimension] && stepUnitVolume(p, dimension).greaterThan(0));
    const last = priced[priced.length - 1];
    if (!last) continue;
    const component = last.p.choices[dimension]!.component;
    if (component.stepSize === 0) continue;
    const unit = dimension === 'ENERGY' ? 'Wh' : 's';
    if (dimension === 'TIME' || dimension === 'PARKING_TIME') {
      const other: SliceDimension = dimension === 'TIME' ? 'PARKING_TIME' : 'TIME';
      const next = periods[last.i + 1];
      if (next?.choices[other]) {
        skipped.push({ dimension, note: `${dimension} not rounded to step_size ${component.stepSize} ${unit}: the following period bills the same minutes as ${other}` });
        continue;
      }
    }
    const total = priced.reduce((sum, { p }) => sum.plus(stepUnitVolume(p, dimension)), new Decimal(0));
    const rounded = total.div(component.stepSize).ceil().times(component.stepSize);
    const extra = rounded.minus(total);
    if (extra.isZero()) continue;
    roundings.push({
      period: last.i, dimension, extra,
      note: `total ${dimension} ${total.toFixed()} ${unit} rounded up to ${rounded.toFixed()} ${unit} (step_size ${component.stepSize} ${unit}); +${extra.toFixed()} ${unit} billed here`,
    });
  }
  return { roundings, skipped };
}
