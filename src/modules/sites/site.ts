// Sites: where stations stand. Pure types and validation (country, region, time zone,
// coordinates, opening hours); the table is in src/infra/db/schema-places.ts.
import type { OpeningHours } from '../../infra/db/schema-places.js';
import { ApiError } from '../../api/problem.js';

export type { OpeningHours };

export type SiteFields = {
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  openingHours: OpeningHours | null;
  host: string | null;
};

export type Site = SiteFields & { tenantId: string; id: string; createdAt: Date; updatedAt: Date };


const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** `Intl.supportedValuesOf` lists canonical zones only; UTC and the common aliases are valid too. */
const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (detail: string): ApiError => new ApiError('invalid_site', detail);

/** ICU also names groupings and user-assigned codes that are no country (EU, UN, ZZ...); Kosovo's XK is kept. */
const NOT_COUNTRIES = /^(EU|EZ|UN|ZZ|Q[M-Z]|X[A-JL-Z])$/;

/** ISO 3166-1 alpha-2 as assigned (ICU knows every assigned region); upper case expected. */
export function checkCountry(country: string): string {
  if (!/^[A-Z]{2}$/.test(country) || NOT_COUNTRIES.test(country) || regionNames.of(country) === undefined) {
    throw invalid(`country must be an assigned ISO 3166-1 alpha-2 code in upper case (e.g. NL), not "${country}"`);
  }
  return country;
}

export function checkRegion(region: string | null, country: string): string | null {
  if (region === null) return null;
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region) || !region.startsWith(`${country}-`)) {
    throw invalid(`region must be an ISO 3166-2 code of ${country} (e.g. ${country}-XX), not "${region}"`);
  }
  return region;
}

export function checkTimeZone(timeZone: string): string {
  if (!TIME_ZONES.has(timeZone)) throw invalid(`timeZone must be an IANA time zone (e.g. Europe/Amsterdam), not "${timeZone}"`);
  return timeZone;
}

export function checkCoordinates(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) throw invalid('latitude and longitude go together: give both or neither');
  if (latitude !== null && (latitude < -90 || latitude > 90)) throw invalid('latitude must be between -90 and 90');
  if (longitude !== null && (longitude < -180 || longitude > 180)) throw invalid('longitude must be between -180 and 180');
}

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function checkPeriods(where: string, periods: ReadonlyArray<{ begin: string; end: string }>): void {
  const sorted = [...periods].sort((a, b) => a.begin.localeCompare(b.begin));
  sorted.forEach((period, index) => {
    if (!TIME.test(period.begin) || period.begin === '24:00' || !TIME.test(period.end)) {
      throw invalid(`${where}: times are HH:MM (end may be 24:00), got ${period.begin}-${period.end}`);
    }
    if (minutes(period.begin) >= minutes(period.end)) {
      throw invalid(`${where}: ${period.begin}-${period.end} ends before it begins (split a period that crosses midnight in two)`);
    }
    const previous = sorted[index - 1];
    if (previous && minutes(previous.end) > minutes(period.begin)) throw invalid(`${where}: ${previous.begin}-${previous.end} overlaps ${period.begin}-${period.end}`);
  });
}

/** Periods per ISO weekday must be valid local times and must not overlap; exception dates must be real dates. */
export function checkOpeningHours(hours: OpeningHours | null): OpeningHours | null {
  if (hours === null) return null;
  for (let weekday = 1; weekday <= 7; weekday++) {
    checkPeriods(`openingHours weekday ${weekday}`, hours.regular.filter((period) => period.weekday === weekday));
  }
  const bad = hours.regular.find((period) => !Number.isInteger(period.weekday) || period.weekday < 1 || period.weekday > 7);
  if (bad) throw invalid(`openingHours weekday must be 1 (Monday) to 7 (Sunday), got ${bad.weekday}`);
  const dates = new Set<string>();
  for (const exception of hours.exceptions ?? []) {
    const parsed = new Date(`${exception.date}T00:00:00Z`);
    if (!DATE.test(exception.date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== exception.date) {
      throw invalid(`openingHours exception date must be YYYY-MM-DD, got ${exception.date}`);
    }
    if (dates.has(exception.date)) throw invalid(`openingHours has two exceptions for ${exception.date}`);
    dates.add(exception.date);
    checkPeriods(`openingHours exception ${exception.date}`, exception.periods);
  }
  return hours;
}

/** Every rule at once, on the fields a site will have after a create or a change. */
export function checkSite(fields: SiteFields): SiteFields {
  checkCountry(fields.country);
  checkRegion(fields.region, fields.country);
  checkTimeZone(fields.timeZone);
  checkCoordinates(fields.latitude, fields.longitude);
  checkOpeningHours(fields.openingHours);
  return fields;
}
