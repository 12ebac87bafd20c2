// Periods given in a site's time zone. A local day is 23 h on the spring-forward day and 25 h on
// the fall-back day, so days are cut at local midnights turned into instants, never by adding 24 h.

/** The offset of a time zone from UTC at an instant, in ms (Europe/Amsterdam in summer: +7,200,000). */
export function zoneOffsetMs(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time. A time skipped by a spring-forward gap resolves to the
 * instant after the gap; an ambiguous one (fall-back) to its first occurrence.
 */
export function localToInstant(date: string, timeZone: string, time = '00:00'): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = zoneOffsetMs(timeZone, wall - 43_200_000);
  const after = zoneOffsetMs(timeZone, wall + 43_200_000);
  const valid = [wall - before, wall - after].filter((t) => zoneOffsetMs(timeZone, t) === wall - t).sort((a, b) => a - b);
  // In a gap no instant shows this wall time: the instant the same distance past the gap's start.
  return valid[0] ?? wall - before;
}

/** The next calendar date after YYYY-MM-DD. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The local days from `fromDate` (inclusive) to `toDate` (exclusive) as [start, end) instants. */
export function localDays(fromDate: string, toDate: string, timeZone: string): Array<{ date: string; start: number; end: number }> {
  const days: Array<{ date: string; start: number; end: number }> = [];
  for (let date = fromDate; date < toDate; date = nextDate(date)) {
    days.push({ date, start: localToInstant(date, timeZone), end: localToInstant(nextDate(date), timeZone) });
    if (days.length > 1_000) throw new RangeError('more than 1,000 days');
  }
  return days;
}
