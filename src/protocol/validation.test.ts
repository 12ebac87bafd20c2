import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { OCPP16_ACTIONS, OCPP16_CSMS_ACTIONS, OCPP16_STATION_ACTIONS } from './ocpp16/generated/types.js';
import { OCPP21_ACTIONS, OCPP21_SEND_ACTIONS } from './ocpp21/generated/types.js';
import { errorCodeForKeyword, getMessageValidator, type ValidationResult } from './validation.js';
import type { OcppVersion } from './versions.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function codeOf(result: ValidationResult): string {
  return result.ok ? 'ok' : result.code;
}

type Fixture = { bootRequest: Record<string, unknown>; withoutRequired: Record<string, unknown>; wrongType: Record<string, unknown> };
const BOOT_RESPONSE = { status: 'Accepted', currentTime: '2025-01-01T00:00:00Z', interval: 300 };
const STATION_2X = { model: 'SimCharger', vendorName: 'ChargeOps' };
const FIXTURES: Record<OcppVersion, Fixture> = {
  'ocpp1.6': {
    bootRequest: { chargePointVendor: 'ChargeOps', chargePointModel: 'SimCharger' },
    withoutRequired: { chargePointVendor: 'ChargeOps' },
    wrongType: { chargePointVendor: 'ChargeOps', chargePointModel: 42 },
  },
  'ocpp2.0.1': {
    bootRequest: { reason: 'PowerUp', chargingStation: STATION_2X },
    withoutRequired: { reason: 'PowerUp' },
    wrongType: { reason: 'PowerUp', chargingStation: { ...STATION_2X, model: 42 } },
  },
  'ocpp2.1': {
    bootRequest: { reason: 'PowerUp', chargingStation: STATION_2X },
    withoutRequired: { reason: 'PowerUp' },
    wrongType: { reason: 'PowerUp', chargingStation: { ...STATION_2X, model: 42 } },
  },
};

for (const version of Object.keys(FIXTURES) as OcppVersion[]) {
  const fixture = FIXTURES[version];
  const validator = getMessageValidator(version);

  describe(`message validation, ${version}`, () => {
    it('is cached per version and reports its version', () => {
      assert.equal(getMessageValidator(version), validator);
      assert.equal(validator.version, version);
    });

    it('accepts a valid BootNotification request and response', () => {
      assert.deepEqual(validator.validateRequest('BootNotification', fixture.bootRequest), { ok: true });
      assert.deepEqual(validator.validateResponse('BootNotification', BOOT_RESPONSE), { ok: true });
    });

    it('maps a missing required field to OccurrenceConstraintViolation', () => {
      const result = validator.validateRequest('BootNotification', fixture.withoutRequired);
      assert.equal(codeOf(result), 'OccurrenceConstraintViolation');
      assert.equal(result.ok ? undefined : result.issues[0]?.keyword, 'required');
    });

    it('maps a wrong type to TypeConstraintViolation', () => {
      const result = validator.validateRequest('BootNotification', fixture.wrongType);
      assert.equal(codeOf(result), 'TypeConstraintViolation');
      assert.match(result.ok ? '' : (result.issues[0]?.instancePath ?? ''), /[mM]odel$/);
    });

    it('maps a value outside an enum to PropertyConstraintViolation', () => {
      const result = validator.validateResponse('BootNotification', { ...BOOT_RESPONSE, status: 'Maybe' });
      assert.equal(codeOf(result), 'PropertyConstraintViolation');
      assert.deepEqual(result.ok ? undefined : result.issues[0]?.instancePath, '/status');
    });

    it('maps a malformed date-time to PropertyConstraintViolation', () => {
      const result = validator.validateResponse('BootNotification', { ...BOOT_RESPONSE, currentTime: 'yesterday' });
      assert.equal(codeOf(result), 'PropertyConstraintViolation');
    });

    it('maps an extra property to FormatViolation and names it', () => {
      const result = validator.validateRequest('BootNotification', { ...fixture.bootRequest, colour: 'red' });
      assert.equal(codeOf(result), 'FormatViolation');
      assert.match(result.ok ? '' : (result.issues[0]?.message ?? ''), /colour/);
    });

    it('maps a payload that is not a JSON object to TypeConstraintViolation', () => {
      for (const payload of [null, [], 'text', 42, undefined]) {
        assert.equal(codeOf(validator.validateRequest('Heartbeat', payload)), 'TypeConstraintViolation');
      }
      assert.deepEqual(validator.validateRequest('Heartbeat', {}), { ok: true });
    });

    it('does not know unknown actions', () => {
      assert.equal(validator.knows('BootNotification'), true);
      assert.equal(validator.knows('Teleport'), false);
      assert.equal(validator.knows('constructor'), false);
      assert.equal(validator.directionOf('Teleport'), undefined);
      assert.equal(codeOf(validator.validateRequest('Teleport', {})), 'NotImplemented');
      assert.equal(codeOf(validator.validateResponse('Teleport', {})), 'NotImplemented');
    });

    it('knows who sends an action', () => {
      assert.equal(validator.directionOf('BootNotification'), 'station');
      assert.equal(validator.directionOf('Reset'), 'csms');
      assert.equal(validator.directionOf('DataTransfer'), 'both');
    });

    it('never mutates the payload, valid or not', () => {
      const payloads = [fixture.bootRequest, fixture.withoutRequired, fixture.wrongType, { ...fixture.bootRequest, x: 1 }];
      for (const payload of payloads) {
        const before = structuredClone(payload);
        const frozen = deepFreeze(structuredClone(payload));
        validator.validateRequest('BootNotification', frozen);
        assert.deepEqual(frozen, before);
      }
    });
  });
}

describe('message validation, version specifics', () => {
  it('accepts 1.6 multipleOf 0.1 values despite binary floats, and rejects off-grid ones', () => {
    const validator = getMessageValidator('ocpp1.6');
    const profile = (limit: number, minChargingRate: number): unknown => ({
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
        chargingSchedule: { chargingRateUnit: 'A', minChargingRate, chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
      },
    });
    assert.deepEqual(validator.validateRequest('SetChargingProfile', profile(7.3, 8.1)), { ok: true });
    assert.deepEqual(validator.validateRequest('SetChargingProfile', profile(0.3, 1234.7)), { ok: true });
    const offGrid = validator.validateRequest('SetChargingProfile', profile(7.35, 8.1));
    assert.equal(codeOf(offGrid), 'PropertyConstraintViolation');
    assert.equal(offGrid.ok ? undefined : offGrid.issues[0]?.keyword, 'multipleOf');
  });

  it('maps a value outside an enum in a 2.x request to PropertyConstraintViolation', () => {
    const result = getMessageValidator('ocpp2.0.1').validateRequest('BootNotification', { reason: 'Bored', chargingStation: STATION_2X });
    assert.equal(codeOf(result), 'PropertyConstraintViolation');
  });

  it('knows the 2.1 SEND message NotifyPeriodicEventStream, which has no response', () => {
    const validator = getMessageValidator('ocpp2.1');
    assert.equal(validator.knows('NotifyPeriodicEventStream'), true);
    assert.equal(validator.directionOf('NotifyPeriodicEventStream'), 'station');
    const payload = { id: 1, pending: 0, basetime: '2025-01-01T00:00:00Z', data: [{ t: 0, v: '230.1' }] };
    assert.deepEqual(validator.validateRequest('NotifyPeriodicEventStream', payload), { ok: true });
    assert.equal(codeOf(validator.validateResponse('NotifyPeriodicEventStream', {})), 'FormatViolation');
    assert.deepEqual([...OCPP21_SEND_ACTIONS], ['NotifyPeriodicEventStream']);
    assert.ok((OCPP21_ACTIONS as readonly string[]).includes('NotifyPeriodicEventStream'));
    assert.equal(getMessageValidator('ocpp2.0.1').knows('NotifyPeriodicEventStream'), false);
  });

  it('splits the actions by direction, DataTransfer in both lists', () => {
    const station = new Set<string>(OCPP16_STATION_ACTIONS);
    const csms = new Set<string>(OCPP16_CSMS_ACTIONS);
    assert.ok(station.has('DataTransfer') && csms.has('DataTransfer'));
    assert.ok(station.has('SecurityEventNotification') && csms.has('ExtendedTriggerMessage'));
    assert.deepEqual(new Set([...station, ...csms]), new Set(OCPP16_ACTIONS));
  });

  it('maps keywords with one table, unknown keywords to FormatViolation', () => {
    assert.equal(errorCodeForKeyword('maxItems'), 'OccurrenceConstraintViolation');
    assert.equal(errorCodeForKeyword('maxLength'), 'PropertyConstraintViolation');
    assert.equal(errorCodeForKeyword('oneOf'), 'FormatViolation');
    assert.equal(errorCodeForKeyword('toString'), 'FormatViolation');
  });
});

describe('generated protocol files', () => {
  it('are up to date with the schemas (generate-protocol.ts --check exits 0)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-protocol.ts', '--check'], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000,
    });
    assert.equal(run.status, 0, `--check failed:\n${run.stdout}${run.stderr}`);
  });
});
