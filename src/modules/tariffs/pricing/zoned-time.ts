// Local wall-clock time of an instant in an IANA time zone, without a date library: the Intl API
// knows the zone rules. Tariff restrictions (start/end time, dates, day of week) are read in the
// site's local time; the pricing engine needs (a) the local wall clock of an instant and (b) every
// instant in a session at which a local-time restriction can change its verdict, including the
// days on which daylight-saving time starts or ends.

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a known IANA zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone: ${timeZone}`);
  }
}

/**
 * The local wall clock as if it were UTC ("wall milliseconds"): comparing wall milliseconds
 * compares local dates and times. Seconds below a minute are kept from the instant itself.
 */
export function wallMillis(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wholeSecond = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return wholeSecond + (((instant % 1000) + 1000) % 1000);
}

/** Offset of local time from UTC in milliseconds at an instant. */
export function offsetAt(instant: number, timeZone: string): number {
  return wallMillis(instant, timeZone) - instant;
}

export type LocalTime = {
  /** YYYY-MM-DD */
  date: string;
  /** minutes since local midnight, 0..1439 */
  minuteOfDay: number;
  /** ISO weekday 1 = Monday … 7 = Sunday */
  isoWeekday: number;
  /** HH:MM, for explanations */
  clock: string;
};

export function localTime(instant: number, timeZone: string): LocalTime {
  const wall = new Date(wallMillis(instant, timeZone));
  const iso = wall.toISOString();
  const day = wall.getUTCDay();
  return {
    date: iso.slice(0, 10),
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    isoWeekday: day === 0 ? 7 : day,
    clock: iso.slice(11, 16),
  };
}

/**
 * Instants in (from, to) at which the UTC offset changes (DST starts or ends), found by sampling
 * every six hours (zones do not change offset twice within six hours) and bisecting to the millisecond.
 */
export function offsetTransitions(from: number, to: number, timeZone: string): number[] {
  const transitions: number[] = [];
  const stride = 6 * 60 * MINUTE;
  let left = from;
  let leftOffset = offsetAt(left, timeZone);
  while (left < to) {
    const right = Math.min(left + stride, to);
    const rightOffset = offsetAt(right, timeZone);
    if (rightOffset !== leftOffset) {
      let lo = left;
      let hi = right;
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offsetAt(mid, timeZone) === leftOffset) lo = mid; else hi = mid;
      }
      const first = hi;
      if (first > from && first < to) transitions.push(first);
    }
    left = right;
    leftOffset = rightOffset;
  }
  return transitions;
}

/**
 * Every instant in (from, to) at which the local wall clock reads one of `clockMinutes` (minutes
 * since midnight) on any day, plus every offset transition. Between two consecutive instants of
 * this set the wall clock runs continuously and crosses none of the given times, so any predicate
 * over (local date, time of day, weekday) built from those times is constant there.
 */
export function wallClockBoundaries(from: number, to: number, timeZone: string, clockMinutes: number[]): number[] {
  const transitions = offsetTransitions(from, to, timeZone);
  const offsets = new Set<number>([offsetAt(from, timeZone), offsetAt(to, timeZone)]);
  for (const t of transitions) {
    offsets.add(offsetAt(t - MINUTE, timeZone));
    offsets.add(offsetAt(t, timeZone));
  }
  const result = new Set<number>(transitions);
  const dayMs = 24 * 60 * MINUTE;
  const firstDay = Math.floor(wallMillis(from, timeZone) / dayMs) - 1;
  const lastDay = Math.floor(wallMillis(to, timeZone) / dayMs) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const minute of clockMinutes) {
      const wall = day * dayMs + minute * MINUTE;
      for (const offset of offsets) {
        const instant = wall - offset;
        // Keep only instants at which the wall clock really shows this time (not in a DST gap).
        if (instant > from && instant < to && wallMillis(instant, timeZone) === wall) result.add(instant);
      }
    }
  }
  return [...result].sort((a, b) => a - b);
}
