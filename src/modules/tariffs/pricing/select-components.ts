// For each slice, which price component of which element prices each dimension. OCPI: per
// dimension, the first element in the list that has a component of that dimension and whose
// restrictions all hold is in force; if none, the dimension is free.
import type { CompiledComponent, CompiledElement, CompiledTariff } from './compile-tariff.js';
import { evaluateRestrictions, type PricingPhase } from './restrictions.js';
import type { Slice } from './slice-timeline.js';
import type { TariffDimensionType } from './tariff-model.js';
import { localTime } from './zoned-time.js';

export type Choice = { element: CompiledElement; component: CompiledComponent; reasons: string[] };
/** TIME during a reservation is priced as the CDR dimension RESERVATION_TIME. */
export type SliceDimension = 'ENERGY' | 'TIME' | 'PARKING_TIME' | 'RESERVATION_TIME';

export function chooseComponent(
  tariff: CompiledTariff, type: TariffDimensionType, slice: Slice, phase: PricingPhase, timeZone: string,
): Choice | undefined {
  const ctx = {
    phase,
    local: localTime(slice.from, timeZone),
    energyKwh: slice.energyBeforeWh.div(1000),
    elapsedMs: slice.elapsedMs,
    powerKw: slice.state === 'parking' ? undefined : slice.powerKw,
    currentA: slice.state === 'parking' ? undefined : slice.currentA,
  };
  for (const element of tariff.elements) {
    const component = element.components.find((c) => c.type === type);
    if (!component) continue;
    const verdict = evaluateRestrictions(element, ctx);
    if (verdict.applies) return { element, component, reasons: verdict.reasons };
  }
  return undefined;
}

/** The dimensions a slice can be billed in, by its state. */
export function dimensionsOf(slice: Slice): Array<{ dimension: SliceDimension; tariffType: TariffDimensionType }> {
  switch (slice.state) {
    case 'reservation':
      return [{ dimension: 'RESERVATION_TIME', tariffType: 'TIME' }];
    case 'charging':
      return [{ dimension: 'ENERGY', tariffType: 'ENERGY' }, { dimension: 'TIME', tariffType: 'TIME' }];
    case 'parking':
      // Energy is normally zero while parked; if a meter still counted some, it is still priced.
      return slice.energyWh.isZero()
        ? [{ dimension: 'PARKING_TIME', tariffType: 'PARKING_TIME' }]
        : [{ dimension: 'ENERGY', tariffType: 'ENERGY' }, { dimension: 'PARKING_TIME', tariffType: 'PARKING_TIME' }];
  }
}
