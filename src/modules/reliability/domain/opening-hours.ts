// The hours a site is closed, as instants: 23 CFR 680.116(b)(3) excludes from T_outage the "hours
// outside of the identified hours of operation of the charging station" next to utility
// interruptions, vehicle faults, scheduled maintenance, vandalism and natural disasters (ADR 033).
// A site's opening hours are local wall-clock periods per ISO weekday with dated exceptions; days
// are cut at local midnights, so daylight-saving days are 23 h or 25 h.
import type { OpeningHours } from '../../../infra/db/schema-places.js';
import { localToInstant, nextDate } from './local-time.js';
import type { Interval } from './intervals.js';

const isoWeekday = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
};
const localDate = (at: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));

/**
 * The closed spans within [from, to). No opening hours (null), or hours that list no period at all,
 * mean open around the clock: nothing is excluded (an outage is never hidden by missing data).
 */
export function closedSpans(hours: OpeningHours | null, timeZone: string, from: number, to: number): Interval[] {
  if (hours === null || (hours.regular.length === 0 && !(hours.exceptions?.length))) return [];
  const exceptions = new Map((hours.exceptions ?? []).map((e) => [e.date, e.periods]));
  const closed: Interval[] = [];
  const push = (start: number, end: number) => {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e <= s) return;
    const last = closed[closed.length - 1];
    if (last && last.end >= s) last.end = Math.max(last.end, e);
    else closed.push({ start: s, end: e });
  };
  // From the local day that holds `from` to the one that holds the last instant before `to`.
  const lastDate = localDate(to - 1, timeZone);
  for (let date = localDate(from, timeZone), n = 0; date <= lastDate; date = nextDate(date), n++) {
    if (n > 1_000) throw new RangeError('more than 1,000 days');
    const dayStart = localToInstant(date, timeZone);
    const dayEnd = localToInstant(nextDate(date), timeZone);
    const periods = exceptions.get(date) ?? hours.regular.filter((p) => p.weekday === isoWeekday(date));
    const open = periods
      .map((p) => ({ start: localToInstant(date, timeZone, p.begin), end: p.end === '24:00' ? dayEnd : localToInstant(date, timeZone, p.end) }))
      .filter((p) => p.end > p.start)
      .sort((a, b) => a.start - b.start);
    let cursor = dayStart;
    for (const period of open) {
      if (period.start > cursor) push(cursor, period.start);
      cursor = Math.max(cursor, period.end);
    }
    if (cursor < dayEnd) push(cursor, dayEnd);
  }
  return closed;
}
