import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDecimal } from './decimal.js';
import { fromSampledValue2x, isEnergyReading, normalizeSample, parseMeterValues, type SampleInput } from './sampled-value.js';

const at = new Date('2030-01-01T10:00:00Z');

function normalized(input: SampleInput) {
  const result = normalizeSample(at, input);
  assert.ok(result.ok, 'sample should parse');
  const { sample } = result;
  return { ...sample, value: sample.value === null ? null : formatDecimal(sample.value) };
}

describe('sampled values', () => {
  it('fills the specification defaults: energy register in Wh at the outlet, periodic', () => {
    const sample = normalized({ value: '1234' });
    assert.deepEqual(
      { measurand: sample.measurand, unit: sample.unit, location: sample.location, context: sample.context, phase: sample.phase, value: sample.value },
      { measurand: 'Energy.Active.Import.Register', unit: 'Wh', location: 'Outlet', context: 'Sample.Periodic', phase: null, value: '1234' },
    );
  });

  it('turns units and multipliers into base units exactly (table)', () => {
    const table: Array<[SampleInput, string, string | null]> = [
      [{ value: '12.345', unit: 'kWh' }, '12345', 'Wh'],
      [{ value: '0.001', unit: 'kWh' }, '1', 'Wh'],
      [{ value: '7.4', measurand: 'Power.Active.Import', unit: 'kW' }, '7400', 'W'],
      [{ value: '16.1', measurand: 'Current.Import', phase: 'L1' }, '16.1', 'A'],
      [{ value: '231.7', measurand: 'Voltage', phase: 'L1-N' }, '231.7', 'V'],
      [{ value: '64', measurand: 'SoC', location: 'EV' }, '64', 'Percent'],
      [{ value: '31.5', measurand: 'Temperature', unit: 'Celcius' }, '31.5', 'Celsius'],
      [{ value: '2.5', measurand: 'Energy.Reactive.Import.Register', unit: 'kvarh' }, '2500', 'varh'],
      [{ value: 12.345, multiplier: 3 }, '12345', 'Wh'],
      [{ value: 12.345, unit: 'kWh', multiplier: -3 }, '12.345', 'Wh'],
      [{ value: 1500, unit: 'W', measurand: 'Power.Active.Import', multiplier: 1 }, '15000', 'W'],
      [{ value: 0.1, unit: 'kWh' }, '100', 'Wh'],
      [{ value: 50, measurand: 'Frequency' }, '50', null],
    ];
    for (const [input, value, unit] of table) {
      const sample = normalized(input);
      assert.equal(sample.value, value, JSON.stringify(input));
      assert.equal(sample.unit, unit, JSON.stringify(input));
    }
  });

  it('keeps signed data exactly as received (1.6 SignedData value, 2.x signedMeterValue)', () => {
    const blob = 'OCMF|{"FV":"1.0","RD":[{"TM":"2030-01-01T10:00:00,000+0000 S","RV":1.234,"RI":"1-b:1.8.0","RU":"kWh"}]}|{"SD":"3045022100AB"}';
    const signed16 = normalized({ value: blob, format: 'SignedData', context: 'Transaction.End' });
    assert.equal(signed16.signed, blob);
    assert.equal(signed16.value, null);
    const signedMeterValue = { signedMeterData: 'AAEC/w==', signingMethod: 'ECDSA-secp256r1-SHA256', encodingMethod: 'OCMF', publicKey: 'MFkw' };
    const signed2x = normalized(fromSampledValue2x({ value: 1234.5, signedMeterValue }));
    assert.deepEqual(signed2x.signed, signedMeterValue);
    assert.equal(signed2x.value, '1234.5');
  });

  it('reports a value that is not a number instead of storing a zero', () => {
    const result = normalizeSample(at, { value: 'n/a', measurand: 'Voltage' });
    assert.equal(result.ok, false);
    const parsed = parseMeterValues([{ timestamp: 'yesterday', sampledValue: [{ value: '1' }] }, { timestamp: at.toISOString(), sampledValue: [{ value: 'x' }, { value: '5' }] }]);
    assert.equal(parsed.samples.length, 1);
    assert.equal(parsed.problems.length, 2);
  });

  it('counts only the whole-EVSE active import register at the outlet as session energy', () => {
    const counts = (input: SampleInput) => {
      const result = normalizeSample(at, input);
      assert.ok(result.ok);
      return isEnergyReading(result.sample);
    };
    assert.equal(counts({ value: '10' }), true);
    assert.equal(counts({ value: '10', unit: 'kWh', location: 'Outlet' }), true);
    assert.equal(counts({ value: '10', phase: 'L1' }), false);
    assert.equal(counts({ value: '10', location: 'EV' }), false);
    assert.equal(counts({ value: '10', measurand: 'Energy.Active.Export.Register' }), false);
    assert.equal(counts({ value: 'blob', format: 'SignedData' }), false);
  });
});
