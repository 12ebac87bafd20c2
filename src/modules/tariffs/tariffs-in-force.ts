// Turns a stored tariff (OCPI object + idle fee + dynamic price schedule) into the list of tariffs
// in force that the pricing engine takes. A schedule entry is a tariff change at its start: from
// then until its end the scheduled dimension costs the scheduled price; outside entries the
// tariff's own prices apply. Working in instants keeps day-ahead hours exact across DST changes.
import type { IdleFeeSettings } from '../../infra/db/schema-billing.js';
import type { PricingRequest } from './pricing/price-session.js';
import type { OcpiTariff, TariffDimensionType, TariffElement } from './pricing/tariff-model.js';

export type ScheduleEntry = { dimension: TariffDimensionType; startsAt: Date; endsAt: Date; price: string };

/** The idle fee becomes a PARKING_TIME element ahead of the others, so it wins for parking time. */
export function withIdleFee(tariff: OcpiTariff, idleFee: IdleFeeSettings | null | undefined): OcpiTariff {
  if (!idleFee) return tariff;
  const element: TariffElement = {
    price_components: [{
      type: 'PARKING_TIME', price: idleFee.pricePerHour, step_size: idleFee.stepSeconds,
      ...(idleFee.vatPercent !== undefined ? { vat: idleFee.vatPercent } : {}),
    }],
    ...(idleFee.startTime || idleFee.endTime ? { restrictions: { start_time: idleFee.startTime, end_time: idleFee.endTime } } : {}),
  };
  return { ...tariff, elements: [element, ...tariff.elements] };
}

function withPrice(tariff: OcpiTariff, dimension: TariffDimensionType, price: string): OcpiTariff {
  return {
    ...tariff,
    elements: tariff.elements.map((e) => ({ ...e, price_components: e.price_components.map((c) => (c.type === dimension ? { ...c, price } : c)) })),
  };
}

export function tariffsInForce(base: OcpiTariff, schedule: ScheduleEntry[], from: Date, to: Date): PricingRequest['tariffs'] {
  const relevant = schedule.filter((e) => e.endsAt > from && e.startsAt < to);
  // Every instant where the set of active entries can change, inside the session.
  const instants = [...new Set(relevant.flatMap((e) => [e.startsAt.getTime(), e.endsAt.getTime()]))]
    .filter((t) => t > from.getTime() && t < to.getTime()).sort((a, b) => a - b);
  const at = (instant: number): OcpiTariff => relevant
    .filter((e) => e.startsAt.getTime() <= instant && e.endsAt.getTime() > instant)
    .reduce((tariff, e) => withPrice(tariff, e.dimension, e.price), base);
  return [{ tariff: at(from.getTime()) }, ...instants.map((t) => ({ tariff: at(t), from: new Date(t).toISOString() }))];
}
