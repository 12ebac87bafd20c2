// The OCPI 2.2.1 Tariff object (module Tariffs), as the pricing engine reads it. Numbers may be
// JSON numbers or decimal strings; the engine converts them to exact decimals once.

export type TariffDimensionType = 'ENERGY' | 'FLAT' | 'TIME' | 'PARKING_TIME';
export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export type ReservationRestrictionType = 'RESERVATION' | 'RESERVATION_EXPIRES';
export type OcpiNumber = number | string;

export type PriceComponent = {
  type: TariffDimensionType;
  /** Price per unit excluding VAT: per kWh, per hour, or per session for FLAT. */
  price: OcpiNumber;
  /** VAT percentage; omitted means "no VAT given", which is not 0 %. */
  vat?: OcpiNumber;
  /** Billing block: Wh for ENERGY, seconds for TIME and PARKING_TIME; ignored for FLAT. */
  step_size: number;
};

export type TariffRestrictions = {
  start_time?: string;
  end_time?: string;
  start_date?: string;
  end_date?: string;
  min_kwh?: OcpiNumber;
  max_kwh?: OcpiNumber;
  min_current?: OcpiNumber;
  max_current?: OcpiNumber;
  min_power?: OcpiNumber;
  max_power?: OcpiNumber;
  min_duration?: number;
  max_duration?: number;
  day_of_week?: DayOfWeek[];
  reservation?: ReservationRestrictionType;
};

export type TariffElement = {
  price_components: PriceComponent[];
  restrictions?: TariffRestrictions;
};

export type OcpiPrice = { excl_vat: OcpiNumber; incl_vat?: OcpiNumber };

export type OcpiTariff = {
  country_code?: string;
  party_id?: string;
  id: string;
  currency: string;
  type?: string;
  tariff_alt_text?: Array<{ language: string; text: string }>;
  tariff_alt_url?: string;
  min_price?: OcpiPrice;
  max_price?: OcpiPrice;
  elements: TariffElement[];
  start_date_time?: string;
  end_date_time?: string;
  energy_mix?: unknown;
  last_updated?: string;
};

export const DAYS_OF_WEEK: readonly DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
