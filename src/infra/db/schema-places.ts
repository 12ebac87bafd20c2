// Places: sites (a car park, a depot, a street) that stations stand at. A site carries what later
// capabilities need from the physical world: coordinates for the map, the time zone that local
// tariffs, opening hours and reports are read in, and the country/region that decides the VAT rate.
import { sql } from 'drizzle-orm';
import { check, doublePrecision, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Weekly opening hours in the site's time zone; null on the site means open around the clock. */
export type OpeningHours = {
  /** Periods per ISO weekday (1 = Monday … 7 = Sunday), "HH:MM" local times, end may be "24:00". */
  regular: Array<{ weekday: number; begin: string; end: string }>;
  /** Dates (YYYY-MM-DD) with their own periods; an empty list closes the site that day. */
  exceptions?: Array<{ date: string; periods: Array<{ begin: string; end: string }> }>;
};

export const sites = pgTable('sites', {
  id: text('id').primaryKey(),
  tenantId: text('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  street: text('street'),
  postalCode: text('postal_code'),
  city: text('city'),
  /** ISO 3166-1 alpha-2, upper case: the tax jurisdiction and the OCPI location country. */
  country: text('country').notNull(),
  /** ISO 3166-2 subdivision (e.g. "ES-CN", "PT-20") where tax or law differs by region. */
  region: text('region'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  /** IANA zone name, e.g. "Europe/Amsterdam". */
  timeZone: text('time_zone').notNull().default('UTC'),
  openingHours: jsonb('opening_hours').$type<OpeningHours>(),
  /** The party that hosts the chargers (a supermarket, a hotel), for site-host access and reports. */
  host: text('host'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  // Referenced as (tenant_id, id) so a station can never stand at another tenant's site.
  unique('sites_tenant_id_id_unique').on(t.tenantId, t.id),
  check('sites_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
  check('sites_coordinates_check', sql`(${t.latitude} is null) = (${t.longitude} is null)
    and (${t.latitude} is null or (${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180))`),
]);
