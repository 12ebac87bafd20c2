// Use cases of tariffs: keep tariffs valid, assign them, take price schedules, tell a driver
// what they will pay at an EVSE, and price a session (a preview, a CDR, a running cost).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../api/problem.js';
import type { Executor } from '../../infra/db/database.js';
import type { IdleFeeSettings } from '../../infra/db/schema-billing.js';
import { resolveAssignment, type Assignment, type AssignmentScope, type CustomerGroup } from './assignment-precedence.js';
import { compileTariff, TariffValidationError } from './pricing/compile-tariff.js';
import { priceSession } from './pricing/price-session.js';
import type { PricedSession } from './pricing/pricing-result.js';
import { TimelineError, type SessionTimeline } from './pricing/session-timeline.js';
import type { OcpiTariff, TariffDimensionType } from './pricing/tariff-model.js';
import { currencyRules, isKnownCurrency } from './tax/currencies.js';
import { UnknownJurisdictionError, vatRate, type VatRate } from './tax/vat-rates.js';
import type { TariffRow, TariffStore } from './store.js';
import { tariffsInForce, withIdleFee } from './tariffs-in-force.js';
import { localTime } from './pricing/zoned-time.js';

export type TariffInput = { name: string; tariff: OcpiTariff; idleFee?: IdleFeeSettings | null };
export type AssignmentInput = {
  tariffId: string; scope: AssignmentScope; siteId?: string; stationId?: string; evseId?: number;
  customerGroup: CustomerGroup; groupRef?: string; validFrom?: Date; validTo?: Date;
};
export type Place = { timeZone: string; country: string | null; region: string | null };
export type PricedWithContext = { priced: PricedSession; tariff: TariffRow; vat: VatRate | null; place: Place };

export class TariffService {
  constructor(private readonly db: Executor, private readonly store: TariffStore) {}

  /** Throws invalid_tariff with every problem found (JSON paths into the tariff). */
  private validate(input: TariffInput): void {
    try {
      compileTariff(withIdleFee(input.tariff, input.idleFee));
    } catch (error) {
      if (error instanceof TariffValidationError) throw new ApiError('invalid_tariff', error.message, { errors: error.problems });
      throw error;
    }
    if (!isKnownCurrency(input.tariff.currency)) throw new ApiError('invalid_tariff', `unknown currency ${input.tariff.currency}`, { errors: [{ path: 'currency', message: 'not an ISO 4217 currency we know' }] });
  }

  async create(tenantId: string, input: TariffInput): Promise<TariffRow> {
    this.validate(input);
    return this.store.insert(this.db, {
      id: randomUUID(), tenantId, ocpiId: input.tariff.id, name: input.name, currency: input.tariff.currency,
      tariff: input.tariff as unknown as Record<string, unknown>, idleFee: input.idleFee ?? null,
    }).catch((error: unknown) => { throw uniqueViolation(error) ? new ApiError('invalid_tariff', `a tariff with OCPI id ${input.tariff.id} exists`) : error; });
  }

  async replace(tenantId: string, id: string, input: TariffInput): Promise<TariffRow> {
    this.validate(input);
    const row = await this.db.transaction((tx) => this.store.replace(tx as unknown as Executor, tenantId, id, {
      ocpiId: input.tariff.id, name: input.name, currency: input.tariff.currency,
      tariff: input.tariff as unknown as Record<string, unknown>, idleFee: input.idleFee ?? null,
    }));
    if (!row) throw new ApiError('tariff_not_found');
    return row;
  }

  async get(tenantId: string, id: string): Promise<TariffRow> {
    const row = await this.store.get(this.db, tenantId, id);
    if (!row) throw new ApiError('tariff_not_found');
    return row;
  }

  /** A page of tariffs by name; the cursor is opaque (base64url of the last row's name and id). */
  async list(tenantId: string, page: { limit: number; cursor?: string | undefined }): Promise<{ items: TariffRow[]; nextCursor: string | null }> {
    const rows = await this.store.list(this.db, tenantId, { limit: page.limit + 1, after: page.cursor === undefined ? undefined : decodeNameCursor(page.cursor) });
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > page.limit && last ? Buffer.from(JSON.stringify([last.name, last.id]), 'utf8').toString('base64url') : null };
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (!(await this.store.delete(this.db, tenantId, id))) throw new ApiError('tariff_not_found');
  }

  async assign(tenantId: string, input: AssignmentInput): Promise<Assignment> {
    await this.get(tenantId, input.tariffId);
    const needs = { tenant: [], site: ['siteId'], station: ['stationId'], evse: ['stationId', 'evseId'] }[input.scope];
    const given = (['siteId', 'stationId', 'evseId'] as const).filter((k) => input[k] !== undefined);
    if (given.join() !== needs.join()) throw new ApiError('invalid_tariff', `scope ${input.scope} takes exactly: ${needs.join(', ') || 'no site, station or EVSE'}`);
    return this.store.insertAssignment(this.db, {
      id: randomUUID(), tenantId, tariffId: input.tariffId, scope: input.scope, siteId: input.siteId ?? null,
      stationId: input.stationId ?? null, evseId: input.evseId ?? null, customerGroup: input.customerGroup,
      groupRef: input.groupRef ?? null, validFrom: input.validFrom ?? new Date(), validTo: input.validTo ?? null,
    }).catch((error: unknown) => {
      throw foreignKeyViolation(error) ? new ApiError('invalid_tariff', 'the site or station does not exist for this tenant') : error;
    });
  }

  async unassign(tenantId: string, id: string): Promise<void> {
    if (!(await this.store.deleteAssignment(this.db, tenantId, id))) throw new ApiError('tariff_assignment_not_found');
  }

  assignments(tenantId: string, tariffId?: string): Promise<Assignment[]> {
    return this.store.assignmentsOf(this.db, tenantId, tariffId);
  }

  async pushSchedule(tenantId: string, tariffId: string, entries: Array<{ dimension: TariffDimensionType; startsAt: Date; endsAt: Date; price: string }>): Promise<number> {
    await this.get(tenantId, tariffId);
    entries.forEach((e, i) => {
      if (!(e.endsAt > e.startsAt)) throw new ApiError('invalid_tariff', `entries[${i}] ends before it starts`);
    });
    await this.db.transaction((tx) => this.store.upsertSchedule(tx as unknown as Executor, tenantId, tariffId, entries.map((e) => ({ ...e, id: randomUUID() }))));
    return entries.length;
  }

  /** The tariff a driver of `group` is shown at an EVSE before starting, and why that one. */
  async tariffAt(tenantId: string, stationId: string, evseId: number, group: CustomerGroup, groupRef: string | null, at = new Date()) {
    const place = await this.store.placeOf(this.db, tenantId, stationId);
    if (!place) throw new ApiError('station_not_found');
    const candidates = await this.store.candidatesFor(this.db, tenantId, stationId, place.siteId);
    const resolution = resolveAssignment(candidates, { siteId: place.siteId, stationId, evseId, group, groupRef, at });
    if (!resolution) throw new ApiError('no_tariff', `no ${group} tariff is assigned to station ${stationId} EVSE ${evseId}, its site or the tenant`);
    const tariff = await this.get(tenantId, resolution.assignment.tariffId);
    const timeZone = place.timeZone ?? 'UTC';
    const vat = place.country ? lookupVat(place.country, place.region, localTime(at.getTime(), timeZone).date) : null;
    return { tariff, assignment: resolution.assignment, reason: resolution.reason, place: { ...place, timeZone }, vat };
  }

  /** Prices a timeline with a stored tariff (its idle fee and price schedule included). */
  async price(tenantId: string, tariff: TariffRow, timeline: SessionTimeline, place: Place): Promise<PricedWithContext> {
    const first = timeline.intervals[0]?.from;
    const last = timeline.intervals.at(-1)?.to;
    if (!first || !last) throw new ApiError('invalid_pricing_input', 'the timeline has no intervals');
    const from = new Date(first);
    const to = new Date(last);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new ApiError('invalid_pricing_input', 'interval instants must be ISO 8601 with an offset');
    const schedule = await this.store.scheduleBetween(this.db, tenantId, tariff.id, from, to);
    const base = withIdleFee(tariff.tariff as unknown as OcpiTariff, tariff.idleFee);
    let vat: VatRate | null = null;
    try {
      vat = place.country ? lookupVat(place.country, place.region, localTime(from.getTime(), place.timeZone).date) : null;
    } catch (error) {
      throw new ApiError('invalid_pricing_input', (error as Error).message);
    }
    try {
      const priced = priceSession({
        timeline: { ...timeline, timeZone: place.timeZone },
        tariffs: tariffsInForce(base, schedule, from, to),
        jurisdictionVatPercent: vat?.rate ?? null,
        currency: currencyRules(tariff.currency),
      });
      return { priced, tariff, vat, place };
    } catch (error) {
      if (error instanceof TimelineError || error instanceof RangeError) throw new ApiError('invalid_pricing_input', error.message);
      if (error instanceof TariffValidationError) throw new ApiError('invalid_tariff', error.message, { errors: error.problems });
      throw error;
    }
  }

  async preview(tenantId: string, id: string, timeline: SessionTimeline, place: { country?: string; region?: string }) {
    const tariff = await this.get(tenantId, id);
    return this.price(tenantId, tariff, timeline, { timeZone: timeline.timeZone, country: place.country ?? null, region: place.region ?? null });
  }
}

function lookupVat(country: string, region: string | null, date: string): VatRate | null {
  try {
    return vatRate(country, region, date);
  } catch (error) {
    // A jurisdiction without data prices without a default VAT (the tariff's own VAT still applies).
    if (error instanceof UnknownJurisdictionError) return null;
    throw error;
  }
}

const pgCode = (error: unknown): string | undefined => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code;
};
const uniqueViolation = (error: unknown) => pgCode(error) === '23505';
const foreignKeyViolation = (error: unknown) => pgCode(error) === '23503';

function decodeNameCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { name: value[0], id: value[1] };
  } catch {
    // refused below
  }
  throw new ApiError('invalid_cursor', 'Invalid pagination cursor');
}
