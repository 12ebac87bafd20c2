// Builds priced sessions for the pricing tests in few words.
import { priceSession, type PricingRequest } from './price-session.js';
import type { PricedSession } from './pricing-result.js';
import type { SessionTimeline, TimelineState } from './session-timeline.js';
import type { OcpiTariff } from './tariff-model.js';

export type Step = [TimelineState, number, { kWh?: string | number; currentA?: number; powerKw?: number }?];

/** Contiguous intervals from `start` (an instant with offset), each `minutes` long. */
export function timelineOf(start: string, steps: Step[], timeZone = 'Europe/Berlin', reservationExpired = false): SessionTimeline {
  let at = Date.parse(start);
  return {
    timeZone,
    reservationExpired,
    intervals: steps.map(([state, minutes, measured]) => {
      const from = new Date(at).toISOString();
      at += Math.round(minutes * 60_000);
      return {
        from, to: new Date(at).toISOString(), state,
        ...(measured?.kWh !== undefined ? { energyWh: String(Number(measured.kWh) * 1000) } : {}),
        ...(measured?.currentA !== undefined ? { currentA: measured.currentA } : {}),
        ...(measured?.powerKw !== undefined ? { powerKw: measured.powerKw } : {}),
      };
    }),
  };
}

export function price(tariff: OcpiTariff | PricingRequest['tariffs'], timeline: SessionTimeline, jurisdictionVatPercent?: string): PricedSession {
  return priceSession({
    timeline,
    tariffs: Array.isArray(tariff) ? tariff : [{ tariff }],
    jurisdictionVatPercent,
    currency: { minorUnits: 2, rounding: 'half-up' },
  });
}

/** A short, stable rendering of the lines for assertions: "FLAT e0 1 x 0.5", "TIME e1 0.25 h x 2.4". */
export function lineSummary(priced: PricedSession): string[] {
  return priced.lines.map((l) => `${l.dimension} e${l.elementIndex} ${l.billedVolume}${l.unit === 'session' ? '' : ` ${l.unit}`} x ${l.unitPrice} = ${l.excl}`);
}
