import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bestMatch, compareFirmware, fingerprint, globMatches, hasFault, isUnknown } from './match.js';
import type { FaultCode, KbEntry, KbKey } from './types.js';

const noKey: KbKey = { vendor: null, modelPattern: null, firmwareMin: null, firmwareMax: null, ocppVersion: null, errorCode: null, vendorId: null, vendorErrorCode: null, component: null, variable: null, eventCode: null };
const entry = (id: string, key: Partial<KbKey>, origin: 'seed' | 'tenant' = 'seed'): KbEntry => ({
  ...noKey, ...key, id, origin, meaning: id, severity: 'minor', probableCause: '-', remoteAction: 'none', technicianInstructions: '-', source: 'https://example.org',
});
const fault = (f: Partial<FaultCode>): FaultCode => ({
  vendor: null, model: null, firmware: null, ocppVersion: 'ocpp1.6', errorCode: null, vendorId: null, vendorErrorCode: null, component: null, variable: null, eventCode: null, ...f,
});

const ENTRIES: KbEntry[] = [
  entry('generic.ground', { errorCode: 'GroundFailure' }),
  entry('abb.ground', { vendor: 'ABB', errorCode: 'GroundFailure' }),
  entry('abb.terra.ground', { vendor: 'ABB', modelPattern: 'Terra AC*', errorCode: 'GroundFailure' }),
  entry('abb.terra.fw.ground', { vendor: 'ABB', modelPattern: 'Terra AC*', firmwareMin: '1.6', firmwareMax: '1.8.9', errorCode: 'GroundFailure' }),
  entry('generic.other', { errorCode: 'OtherError' }),
  entry('cx.CX002', { vendorId: 'https://chargex.inl.gov', vendorErrorCode: 'CX002' }),
  entry('acme.E12', { vendor: 'acme*', vendorErrorCode: 'E12' }),
  entry('v2.connector', { component: 'Connector', variable: 'Problem' }),
  entry('v2.only21', { component: 'EVSE', variable: 'Tripped', ocppVersion: 'ocpp2.1' }),
];

describe('knowledge base matching (table)', () => {
  const cases: Array<{ name: string; fault: Partial<FaultCode>; expected: string | null; entries?: KbEntry[] }> = [
    { name: 'a generic code matches its generic entry', fault: { errorCode: 'GroundFailure' }, expected: 'generic.ground' },
    { name: 'vendor beats generic', fault: { vendor: 'abb', model: 'Other', errorCode: 'GroundFailure' }, expected: 'abb.ground' },
    { name: 'vendor + model beats vendor', fault: { vendor: 'ABB', model: 'Terra AC W22-T-RD-M-0', errorCode: 'GroundFailure' }, expected: 'abb.terra.ground' },
    { name: 'vendor + model + firmware beats vendor + model (inside the range)', fault: { vendor: 'ABB', model: 'Terra AC W22', firmware: '1.7.2', errorCode: 'GroundFailure' }, expected: 'abb.terra.fw.ground' },
    { name: 'firmware range is inclusive at the top', fault: { vendor: 'ABB', model: 'Terra AC W22', firmware: '1.8.9', errorCode: 'GroundFailure' }, expected: 'abb.terra.fw.ground' },
    { name: 'firmware above the range falls back to vendor + model', fault: { vendor: 'ABB', model: 'Terra AC W22', firmware: '1.10.0', errorCode: 'GroundFailure' }, expected: 'abb.terra.ground' },
    { name: 'unknown firmware does not match a ranged entry', fault: { vendor: 'ABB', model: 'Terra AC W22', firmware: null, errorCode: 'GroundFailure' }, expected: 'abb.terra.ground' },
    { name: 'the model pattern is a whole-value glob', fault: { vendor: 'ABB', model: 'Big Terra AC', errorCode: 'GroundFailure' }, expected: 'abb.ground' },
    { name: 'a ChargeX code beats the generic OtherError', fault: { errorCode: 'OtherError', vendorId: 'https://chargex.inl.gov', vendorErrorCode: 'CX002' }, expected: 'cx.CX002' },
    { name: 'a ChargeX code without vendorId (1.6 adapter lost it) still matches', fault: { errorCode: 'OtherError', vendorErrorCode: 'cx002' }, expected: 'cx.CX002' },
    { name: 'a ChargeX code from another vendorId does not match', fault: { errorCode: 'OtherError', vendorId: 'com.evgo.mrec', vendorErrorCode: 'CX002' }, expected: 'generic.other' },
    { name: 'a vendor glob matches a longer vendor name', fault: { vendor: 'ACME Charging GmbH', errorCode: 'OtherError', vendorErrorCode: 'E12' }, expected: 'acme.E12' },
    { name: 'a vendor code of another vendor does not match', fault: { vendor: 'Other', errorCode: 'OtherError', vendorErrorCode: 'E12' }, expected: 'generic.other' },
    { name: '2.x component + variable', fault: { ocppVersion: 'ocpp2.0.1', component: 'Connector', variable: 'Problem' }, expected: 'v2.connector' },
    { name: 'an entry for one OCPP version does not match another', fault: { ocppVersion: 'ocpp2.0.1', component: 'EVSE', variable: 'Tripped' }, expected: null },
    { name: 'nothing matches an unknown code', fault: { errorCode: 'MadeUp' }, expected: null },
    {
      name: 'a tenant entry beats a more specific seed entry',
      fault: { vendor: 'ABB', model: 'Terra AC W22', firmware: '1.7', errorCode: 'GroundFailure' },
      entries: [...ENTRIES, entry('tenant.ground', { errorCode: 'GroundFailure' }, 'tenant')],
      expected: 'tenant.ground',
    },
    {
      name: 'between tenant entries, the more specific wins',
      fault: { vendor: 'ABB', errorCode: 'GroundFailure' },
      entries: [entry('t.generic', { errorCode: 'GroundFailure' }, 'tenant'), entry('t.abb', { vendor: 'ABB', errorCode: 'GroundFailure' }, 'tenant')],
      expected: 't.abb',
    },
    {
      name: 'equal specificity: the smaller id wins whatever the order',
      fault: { errorCode: 'GroundFailure' },
      entries: [entry('b', { errorCode: 'GroundFailure' }), entry('a', { errorCode: 'GroundFailure' })],
      expected: 'a',
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(bestMatch(c.entries ?? ENTRIES, fault(c.fault))?.id ?? null, c.expected));
  }
});

describe('knowledge base helpers', () => {
  it('compares firmware numerically per segment', () => {
    assert.equal(compareFirmware('1.10', '1.9'), 1);
    assert.equal(compareFirmware('v2.2.0', '2.2'), 0);
    assert.equal(compareFirmware('2.2.1', '2.2.999'), -1);
    assert.equal(compareFirmware('1.2-beta', '1.2'), 1);
  });

  it('globs are case-insensitive and anchored', () => {
    assert.ok(globMatches('Terra*', 'terra ac'));
    assert.ok(globMatches('W?2', 'W22'));
    assert.ok(!globMatches('Terra', 'Terra AC'));
    assert.ok(globMatches('a.b(c)', 'A.B(C)'));
  });

  it('ranks a vendor code explained only by its generic errorCode as unknown', () => {
    const f = fault({ errorCode: 'OtherError', vendorErrorCode: 'X99' });
    const match = bestMatch(ENTRIES, f);
    assert.equal(match?.id, 'generic.other');
    assert.equal(isUnknown(f, match), true);
    assert.equal(isUnknown(fault({ errorCode: 'GroundFailure' }), bestMatch(ENTRIES, fault({ errorCode: 'GroundFailure' }))), false);
  });

  it('NoError alone is no fault; the fingerprint ignores case and spaces', () => {
    assert.equal(hasFault(fault({ errorCode: 'NoError' })), false);
    assert.equal(hasFault(fault({ errorCode: 'NoError', vendorErrorCode: 'W1' })), true);
    assert.equal(fingerprint(fault({ errorCode: 'OtherError', vendorErrorCode: ' x1 ' })), fingerprint(fault({ errorCode: 'othererror', vendorErrorCode: 'X1' })));
  });
});
