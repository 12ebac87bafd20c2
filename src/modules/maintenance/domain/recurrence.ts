// Preventive maintenance recurrence: RFC 5545 RRULE text (with DTSTART) read by the rrule package.
import rrule from 'rrule';

const { rrulestr } = rrule;

/** Refuses rules that do not parse, have no DTSTART, or recur more often than daily. */
export function checkRecurrence(text: string): string | null {
  if (!/DTSTART/i.test(text)) return 'The recurrence needs a DTSTART, e.g. "DTSTART:20260101T080000Z\\nRRULE:FREQ=MONTHLY"';
  try {
    const rule = rrulestr(text);
    const next = rule.after(new Date(0), true);
    if (next === null) return null;
    const after = rule.after(next, false);
    if (after && after.getTime() - next.getTime() < 86_400_000) return 'Preventive maintenance recurs at most daily';
    return null;
  } catch (error) {
    return `The recurrence does not parse: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Occurrences in [from, to), at most `limit`. */
export function occurrencesBetween(text: string, from: Date, to: Date, limit = 100): Date[] {
  const rule = rrulestr(text);
  const out: Date[] = [];
  rule.between(from, to, true, (date) => {
    if (date.getTime() >= to.getTime()) return false;
    out.push(date);
    return out.length < limit;
  });
  return out;
}
