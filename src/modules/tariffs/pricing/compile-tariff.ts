// Checks an OCPI tariff and turns its numbers into exact decimals, once, before pricing. Every
// problem is reported with the JSON path of the offending field so an API client can fix it.
import { Decimal, toDecimal } from './money.js';
import {
  DAYS_OF_WEEK, type DayOfWeek, type OcpiNumber, type OcpiTariff, type ReservationRestrictionType,
  type TariffDimensionType,
} from './tariff-model.js';

export type CompiledComponent = {
  type: TariffDimensionType;
  price: Decimal;
  vat: Decimal | null;
  stepSize: number;
  componentIndex: number;
};

export type CompiledRestrictions = {
  startMinute?: number;
  endMinute?: number;
  startTime?: string;
  endTime?: string;
  startDate?: string;
  endDate?: string;
  minKwh?: Decimal;
  maxKwh?: Decimal;
  minCurrent?: Decimal;
  maxCurrent?: Decimal;
  minPower?: Decimal;
  maxPower?: Decimal;
  minDuration?: number;
  maxDuration?: number;
  daysOfWeek?: DayOfWeek[];
  reservation?: ReservationRestrictionType;
};

export type CompiledElement = {
  elementIndex: number;
  components: CompiledComponent[];
  restrictions: CompiledRestrictions;
};

export type CompiledTariff = {
  id: string;
  currency: string;
  elements: CompiledElement[];
  minPrice?: { excl: Decimal; incl: Decimal | null };
  maxPrice?: { excl: Decimal; incl: Decimal | null };
  source: OcpiTariff;
};

export class TariffValidationError extends Error {
  constructor(readonly problems: Array<{ path: string; message: string }>) {
    super(`invalid tariff: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'TariffValidationError';
  }
}

const DIMENSIONS: readonly TariffDimensionType[] = ['ENERGY', 'FLAT', 'TIME', 'PARKING_TIME'];
const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export function compileTariff(tariff: OcpiTariff): CompiledTariff {
  const problems: Array<{ path: string; message: string }> = [];
  const decimal = (value: OcpiNumber | undefined, path: string, nonNegative = true): Decimal | undefined => {
    if (value === undefined) return undefined;
    try {
      const parsed = toDecimal(value, path);
      if (nonNegative && parsed.isNegative()) problems.push({ path, message: 'must not be negative' });
      return parsed;
    } catch (error) {
      problems.push({ path, message: (error as Error).message });
      return undefined;
    }
  };
  if (typeof tariff.id !== 'string' || tariff.id.length === 0 || tariff.id.length > 36) problems.push({ path: 'id', message: 'must be 1 to 36 characters' });
  if (typeof tariff.currency !== 'string' || !/^[A-Z]{3}$/.test(tariff.currency)) problems.push({ path: 'currency', message: 'must be an ISO 4217 code such as EUR' });
  if (!Array.isArray(tariff.elements) || tariff.elements.length === 0) problems.push({ path: 'elements', message: 'needs at least one element' });

  const elements: CompiledElement[] = (tariff.elements ?? []).map((element, elementIndex) => {
    const at = `elements[${elementIndex}]`;
    if (!Array.isArray(element.price_components) || element.price_components.length === 0) {
      problems.push({ path: `${at}.price_components`, message: 'needs at least one price component' });
    }
    const components = (element.price_components ?? []).map((component, componentIndex): CompiledComponent => {
      const cat = `${at}.price_components[${componentIndex}]`;
      if (!DIMENSIONS.includes(component.type)) problems.push({ path: `${cat}.type`, message: `must be one of ${DIMENSIONS.join(', ')}` });
      if (!Number.isInteger(component.step_size) || component.step_size < 0) problems.push({ path: `${cat}.step_size`, message: 'must be a non-negative integer' });
      const vat = decimal(component.vat, `${cat}.vat`);
      if (vat && vat.greaterThan(100)) problems.push({ path: `${cat}.vat`, message: 'is a percentage, at most 100' });
      return {
        type: component.type,
        price: decimal(component.price, `${cat}.price`) ?? new Decimal(0),
        vat: vat ?? null,
        stepSize: component.step_size,
        componentIndex,
      };
    });
    const r = element.restrictions ?? {};
    const rat = `${at}.restrictions`;
    const clock = (value: string | undefined, field: string) => {
      if (value === undefined) return undefined;
      if (!TIME_OF_DAY.test(value)) { problems.push({ path: `${rat}.${field}`, message: 'must be HH:MM (24 h)' }); return undefined; }
      return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
    };
    const date = (value: string | undefined, field: string) => {
      if (value !== undefined && !DATE.test(value)) problems.push({ path: `${rat}.${field}`, message: 'must be YYYY-MM-DD' });
      return value;
    };
    const seconds = (value: number | undefined, field: string) => {
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) problems.push({ path: `${rat}.${field}`, message: 'must be whole seconds' });
      return value;
    };
    for (const day of r.day_of_week ?? []) {
      if (!DAYS_OF_WEEK.includes(day)) problems.push({ path: `${rat}.day_of_week`, message: `unknown day ${String(day)}` });
    }
    if (r.reservation !== undefined && r.reservation !== 'RESERVATION' && r.reservation !== 'RESERVATION_EXPIRES') {
      problems.push({ path: `${rat}.reservation`, message: 'must be RESERVATION or RESERVATION_EXPIRES' });
    }
    if (r.reservation !== undefined) {
      for (const component of components) {
        if (component.type !== 'FLAT' && component.type !== 'TIME') {
          problems.push({ path: `${at}.price_components`, message: 'a reservation element may only have FLAT and TIME components' });
        }
      }
    }
    const restrictions: CompiledRestrictions = {
      startMinute: clock(r.start_time, 'start_time'),
      endMinute: clock(r.end_time, 'end_time'),
      startTime: r.start_time,
      endTime: r.end_time,
      startDate: date(r.start_date, 'start_date'),
      endDate: date(r.end_date, 'end_date'),
      minKwh: decimal(r.min_kwh, `${rat}.min_kwh`),
      maxKwh: decimal(r.max_kwh, `${rat}.max_kwh`),
      minCurrent: decimal(r.min_current, `${rat}.min_current`),
      maxCurrent: decimal(r.max_current, `${rat}.max_current`),
      minPower: decimal(r.min_power, `${rat}.min_power`),
      maxPower: decimal(r.max_power, `${rat}.max_power`),
      minDuration: seconds(r.min_duration, 'min_duration'),
      maxDuration: seconds(r.max_duration, 'max_duration'),
      daysOfWeek: r.day_of_week,
      reservation: r.reservation,
    };
    return { elementIndex, components, restrictions };
  });

  const price = (value: OcpiTariff['min_price'], path: string) => {
    if (!value) return undefined;
    const excl = decimal(value.excl_vat, `${path}.excl_vat`) ?? new Decimal(0);
    return { excl, incl: decimal(value.incl_vat, `${path}.incl_vat`) ?? null };
  };
  const minPrice = price(tariff.min_price, 'min_price');
  const maxPrice = price(tariff.max_price, 'max_price');
  if (minPrice && maxPrice && minPrice.excl.greaterThan(maxPrice.excl)) problems.push({ path: 'min_price', message: 'exceeds max_price' });
  if (problems.length > 0) throw new TariffValidationError(problems);
  return { id: tariff.id, currency: tariff.currency, elements, minPrice, maxPrice, source: tariff };
}
