// What the pricing engine returns: OCPI-shaped charging periods and totals, plus one explained
// line per billed dimension and period. Amounts and volumes are decimal strings (exact).

export type CdrDimensionType = 'ENERGY' | 'TIME' | 'PARKING_TIME' | 'RESERVATION_TIME' | 'MIN_CURRENT' | 'MAX_CURRENT' | 'MIN_POWER' | 'MAX_POWER';
export type BilledDimension = 'FLAT' | 'ENERGY' | 'TIME' | 'PARKING_TIME' | 'RESERVATION_TIME';

export type ChargingPeriod = {
  start_date_time: string;
  end_date_time: string;
  state: 'reservation' | 'charging' | 'parking';
  tariff_id: string;
  /** ENERGY in kWh, times in hours (6 decimals shown; costs use the exact seconds). */
  dimensions: Array<{ type: CdrDimensionType; volume: string }>;
};

export type Amount = { excl_vat: string; incl_vat: string | null };

export type PriceLine = {
  period: number;
  dimension: BilledDimension;
  tariffId: string;
  elementIndex: number;
  componentIndex: number;
  /** Why this element was the one in force ("time of day 17:00-20:00 (local 17:00)", ...). */
  matched: string[];
  /** Measured volume in the line's unit (kWh, hours, or 1 for FLAT), shown to 6 decimals. */
  volume: string;
  /** Volume billed after step rounding (equal to volume when no rounding fell on this line). */
  billedVolume: string;
  unit: 'kWh' | 'h' | 'session';
  /** The same two volumes, exact, in the step_size unit (Wh or seconds): the amounts are computed from these. */
  measuredInStepUnit: string;
  billedInStepUnit: string;
  unitPrice: string;
  vatPercent: string | null;
  /** Where the VAT came from: the tariff's price component or the jurisdiction default. */
  vatSource: 'tariff' | 'jurisdiction' | 'none';
  /** Exact, before rounding to minor units. */
  excl: string;
  incl: string | null;
  rounding?: string;
};

export type PricedSession = {
  currency: string;
  minorUnits: number;
  chargingPeriods: ChargingPeriod[];
  lines: PriceLine[];
  /** Exact sums of the lines, before min/max price and rounding. */
  exact: Amount;
  /** min_price / max_price corrections applied to the exact sums. */
  adjustments: Array<{ kind: 'min_price' | 'max_price'; side: 'excl_vat' | 'incl_vat'; from: string; to: string; tariffId: string }>;
  /** Rounded to the currency's minor units (OCPI total_cost). */
  totalCost: Amount;
  totalFixedCost: Amount;
  totalEnergyCost: Amount;
  totalTimeCost: Amount;
  totalParkingCost: Amount;
  totalReservationCost: Amount;
  totalEnergyKwh: string;
  totalTimeHours: string;
  totalParkingTimeHours: string;
  totalReservationTimeHours: string;
  notes: string[];
};
