// What the pricing engine prices: a session as contiguous intervals of constant state, each with
// the energy delivered in it and the power/current measured. Built from a session's status events
// and meter series (see timeline-from-session.ts), or written by hand for a preview.
import { Decimal, toDecimal, ZERO } from './money.js';

export type TimelineState = 'reservation' | 'charging' | 'parking';

export type TimelineInterval = {
  /** ISO 8601 instants with an offset or Z. */
  from: string;
  to: string;
  state: TimelineState;
  /** Energy delivered in this interval, in Wh (decimal string or number); 0 when absent. */
  energyWh?: string | number;
  /** Measured power in kW and current in A (sum over phases) during this interval. */
  powerKw?: string | number;
  currentA?: string | number;
};

export type SessionTimeline = {
  /** IANA zone of the site: restrictions on time of day, dates and weekdays are read in it. */
  timeZone: string;
  intervals: TimelineInterval[];
  /** The session consists of a reservation that expired unused (RESERVATION_EXPIRES elements apply). */
  reservationExpired?: boolean;
};

export type ParsedInterval = {
  from: number;
  to: number;
  state: TimelineState;
  energyWh: Decimal;
  powerKw?: Decimal;
  currentA?: Decimal;
};

export class TimelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimelineError';
  }
}

function instant(value: string, what: string): number {
  const parsed = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) throw new TimelineError(`${what} is not an ISO 8601 instant with an offset: ${value}`);
  return parsed;
}

/** Checks the timeline is contiguous and ordered, with reservations only before the session. */
export function parseTimeline(timeline: SessionTimeline): ParsedInterval[] {
  if (timeline.intervals.length === 0) throw new TimelineError('the timeline has no intervals');
  const parsed: ParsedInterval[] = [];
  let sawSession = false;
  timeline.intervals.forEach((interval, index) => {
    const at = `intervals[${index}]`;
    const from = instant(interval.from, `${at}.from`);
    const to = instant(interval.to, `${at}.to`);
    if (to <= from) throw new TimelineError(`${at} ends before it starts`);
    const previous = parsed[parsed.length - 1];
    if (previous && previous.to !== from) throw new TimelineError(`${at} does not start where the previous interval ends`);
    if (!['reservation', 'charging', 'parking'].includes(interval.state)) throw new TimelineError(`${at}.state is not reservation, charging or parking`);
    if (interval.state === 'reservation' && sawSession) throw new TimelineError(`${at}: a reservation interval after the session started`);
    if (interval.state !== 'reservation') sawSession = true;
    const number = (value: string | number | undefined, field: string) => {
      if (value === undefined) return undefined;
      try {
        const d = toDecimal(value, `${at}.${field}`);
        if (d.isNegative()) throw new TimelineError(`${at}.${field} is negative`);
        return d;
      } catch (error) {
        throw error instanceof TimelineError ? error : new TimelineError((error as Error).message);
      }
    };
    parsed.push({
      from, to, state: interval.state,
      energyWh: number(interval.energyWh, 'energyWh') ?? ZERO,
      powerKw: number(interval.powerKw, 'powerKw'),
      currentA: number(interval.currentA, 'currentA'),
    });
  });
  if (timeline.reservationExpired && sawSession) throw new TimelineError('an expired reservation has no charging or parking intervals');
  return parsed;
}

/** Splits an interval at an instant; energy is shared in proportion to time (exactly). */
export function splitAt(interval: ParsedInterval, at: number): [ParsedInterval, ParsedInterval] {
  const share = new Decimal(at - interval.from).div(interval.to - interval.from);
  const before = interval.energyWh.times(share);
  return [
    { ...interval, to: at, energyWh: before },
    { ...interval, from: at, energyWh: interval.energyWh.minus(before) },
  ];
}
