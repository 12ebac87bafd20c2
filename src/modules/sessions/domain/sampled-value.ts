import { decimalFromNumber, parseDecimal, shift, type Decimal } from './decimal.js';

/**
 * One sampled value as either protocol family sends it: 1.6 values are decimal strings with a
 * `unit` and `format`; 2.x values are JSON numbers with `unitOfMeasure { unit, multiplier }` and an
 * optional `signedMeterValue` object. Adapters pass the fields through unchanged.
 */
export type SampleInput = {
  value: string | number;
  measurand?: string | undefined;
  phase?: string | undefined;
  location?: string | undefined;
  context?: string | undefined;
  unit?: string | undefined;
  /** 2.x unitOfMeasure.multiplier: the value is value × 10^multiplier. */
  multiplier?: number | undefined;
  /** 1.6: SignedData means `value` is the signed blob, not a number. */
  format?: string | undefined;
  /** 2.x signedMeterValue, kept exactly as received. */
  signedMeterValue?: unknown;
};

/**
 * A sampled value in the domain's terms: defaults of the specification filled in, kilo units
 * turned into base units (kWh -> Wh, kW -> W, ...) and the 2.x multiplier applied, so a series is
 * comparable whatever the station sent. `value` is null for a signed blob that is not a number.
 */
export type Sample = {
  sampledAt: Date;
  measurand: string;
  phase: string | null;
  location: string | null;
  context: string | null;
  unit: string | null;
  value: Decimal | null;
  /** 1.6 SignedData value string, or the 2.x signedMeterValue object, as received. */
  signed: unknown;
};

export const ENERGY_REGISTER = 'Energy.Active.Import.Register';

/** Unit spellings turned into a base unit and the power of ten to apply. */
const UNIT_SCALE: Record<string, { unit: string; places: number }> = {
  kWh: { unit: 'Wh', places: 3 },
  kW: { unit: 'W', places: 3 },
  kvarh: { unit: 'varh', places: 3 },
  kvar: { unit: 'var', places: 3 },
  kVA: { unit: 'VA', places: 3 },
  kVAh: { unit: 'VAh', places: 3 },
  Celcius: { unit: 'Celsius', places: 0 }, // the 1.6 schema's misspelling
};

/** Unit when none is given: the specification's default for energy registers, plus the unambiguous ones. */
function defaultUnit(measurand: string): string | null {
  if (measurand.startsWith('Energy.Reactive')) return 'varh';
  if (measurand.startsWith('Energy.')) return 'Wh';
  if (measurand.startsWith('Power.Reactive')) return 'var';
  if (measurand.startsWith('Power.Active') || measurand === 'Power.Offered') return 'W';
  if (measurand.startsWith('Current.')) return 'A';
  if (measurand === 'Voltage') return 'V';
  if (measurand === 'SoC') return 'Percent';
  return null;
}

export type SampleResult = { ok: true; sample: Sample } | { ok: false; problem: string };

/** Normalizes one sampled value; a value that is neither a number nor signed data is a problem, not a zero. */
export function normalizeSample(sampledAt: Date, input: SampleInput): SampleResult {
  const measurand = input.measurand ?? ENERGY_REGISTER;
  const signedBlob = input.format === 'SignedData' && typeof input.value === 'string';
  let value = typeof input.value === 'number' ? decimalFromNumber(input.value) : parseDecimal(input.value);
  if (value === null && !signedBlob) {
    return { ok: false, problem: `${measurand} value ${JSON.stringify(input.value)} is not a number` };
  }
  let unit = input.unit ?? defaultUnit(measurand);
  if (value !== null && input.multiplier) value = shift(value, input.multiplier);
  const scale = unit === null ? undefined : UNIT_SCALE[unit];
  if (scale) {
    unit = scale.unit;
    if (value !== null) value = shift(value, scale.places);
  }
  const signed = signedBlob ? input.value : (input.signedMeterValue ?? null);
  return {
    ok: true,
    sample: {
      sampledAt,
      measurand,
      phase: input.phase ?? null,
      location: input.location ?? 'Outlet',
      context: input.context ?? 'Sample.Periodic',
      unit,
      // A signed blob carries no plain reading, even when its text happens to look numeric.
      value: signedBlob ? null : value,
      signed,
    },
  };
}

/**
 * The reading that counts for a session's energy: the active import register of the whole EVSE
 * (no phase) at the outlet, in Wh, with a plain value. Per-phase registers would double count.
 */
export function isEnergyReading(sample: Sample): sample is Sample & { value: Decimal } {
  return sample.measurand === ENERGY_REGISTER && sample.phase === null && sample.location === 'Outlet'
    && sample.unit === 'Wh' && sample.value !== null;
}

/** A meterValue element of either protocol, sampled values already in the SampleInput shape. */
export type MeterValueInput = { timestamp: string; sampledValue: SampleInput[] };

/** 2.x sampled value fields flattened (unitOfMeasure.unit/multiplier) into the common input. */
export type SampledValue2x = {
  value: number;
  measurand?: string; phase?: string; location?: string; context?: string;
  unitOfMeasure?: { unit?: string; multiplier?: number };
  signedMeterValue?: unknown;
};

export function fromSampledValue2x(sampled: SampledValue2x): SampleInput {
  return {
    value: sampled.value,
    measurand: sampled.measurand,
    phase: sampled.phase,
    location: sampled.location,
    context: sampled.context,
    unit: sampled.unitOfMeasure?.unit,
    multiplier: sampled.unitOfMeasure?.multiplier,
    signedMeterValue: sampled.signedMeterValue,
  };
}

/** Every sampled value of a message; what cannot be read is reported as a problem, never a zero. */
export function parseMeterValues(meterValues: MeterValueInput[]): { samples: Sample[]; problems: string[] } {
  const samples: Sample[] = [];
  const problems: string[] = [];
  for (const meterValue of meterValues) {
    const sampledAt = new Date(meterValue.timestamp);
    if (Number.isNaN(sampledAt.getTime())) {
      problems.push(`meter value timestamp ${JSON.stringify(meterValue.timestamp)} is not a date`);
      continue;
    }
    for (const input of meterValue.sampledValue) {
      const result = normalizeSample(sampledAt, input);
      if (result.ok) samples.push(result.sample);
      else problems.push(result.problem);
    }
  }
  return { samples, problems };
}
