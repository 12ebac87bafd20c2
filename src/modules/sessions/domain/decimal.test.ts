import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { add, compare, decimal, decimalFromNumber, formatDecimal, parseDecimal, roundTo, shift, subtract } from './decimal.js';

const f = (text: string) => formatDecimal(decimal(text));

describe('exact decimals', () => {
  it('parses and formats decimal literals', () => {
    const table: Array<[string, string | null]> = [
      ['0', '0'], ['12', '12'], ['-0.5', '-0.5'], ['007.250', '7.25'], ['1.25e3', '1250'], ['1e-3', '0.001'],
      [' 42 ', '42'], ['.5', '0.5'], ['5.', '5'], ['+3', '3'], ['-0', '0'], ['1500.0000', '1500'],
      ['', null], ['.', null], ['abc', null], ['1,5', null], ['0x10', null], ['NaN', null], ['1e', null],
    ];
    for (const [input, expected] of table) {
      const parsed = parseDecimal(input);
      assert.equal(parsed === null ? null : formatDecimal(parsed), expected, `parse ${JSON.stringify(input)}`);
    }
  });

  it('adds and subtracts without binary float error', () => {
    assert.equal(formatDecimal(add(decimal('0.1'), decimal('0.2'))), '0.3');
    assert.equal(formatDecimal(subtract(decimal('1000.001'), decimal('999.9995'))), '0.0015');
    let sum = decimal('0');
    for (let i = 0; i < 1000; i += 1) sum = add(sum, decimal('0.001'));
    assert.equal(formatDecimal(sum), '1');
    assert.equal(formatDecimal(add(decimal('12345678901234567890.1234'), decimal('0.0001'))), '12345678901234567890.1235');
  });

  it('compares, shifts and rounds half away from zero', () => {
    assert.equal(compare(decimal('1.50'), decimal('1.5')), 0);
    assert.equal(compare(decimal('-2'), decimal('1')), -1);
    assert.equal(compare(decimal('10'), decimal('9.999')), 1);
    assert.equal(f('12.345'), '12.345');
    assert.equal(formatDecimal(shift(decimal('12.345'), 3)), '12345');
    assert.equal(formatDecimal(shift(decimal('12345'), -6)), '0.012345');
    assert.equal(formatDecimal(roundTo(decimal('1.00005'), 4)), '1.0001');
    assert.equal(formatDecimal(roundTo(decimal('-1.00005'), 4)), '-1.0001');
    assert.equal(formatDecimal(roundTo(decimal('1.00004'), 4)), '1');
    assert.equal(formatDecimal(roundTo(decimal('7'), 4)), '7');
  });

  it('takes JSON numbers through their shortest decimal text', () => {
    assert.equal(formatDecimal(decimalFromNumber(0.1)!), '0.1');
    assert.equal(formatDecimal(decimalFromNumber(1234.5678)!), '1234.5678');
    assert.equal(formatDecimal(decimalFromNumber(1e-7)!), '0.0000001');
    assert.equal(formatDecimal(decimalFromNumber(1e21)!), '1000000000000000000000');
    assert.equal(decimalFromNumber(Number.NaN), null);
    assert.equal(decimalFromNumber(Number.POSITIVE_INFINITY), null);
  });
});
