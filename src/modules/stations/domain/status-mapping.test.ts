import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chargingStateForOccupancy, ocpp16ConnectorAddress, splitOcpp16Status } from './status-mapping.js';

describe('1.6 status split', () => {
  const table: Array<[string, string, string | null]> = [
    ['Available', 'Available', 'Idle'],
    ['Preparing', 'Occupied', 'EVConnected'],
    ['Charging', 'Occupied', 'Charging'],
    ['SuspendedEV', 'Occupied', 'SuspendedEV'],
    ['SuspendedEVSE', 'Occupied', 'SuspendedEVSE'],
    ['Finishing', 'Occupied', 'EVConnected'],
    ['Reserved', 'Reserved', 'Idle'],
    ['Unavailable', 'Unavailable', null],
    ['Faulted', 'Faulted', null],
  ];
  for (const [status, occupancy, chargingState] of table) {
    it(`G01 splits ${status} into ${occupancy} / ${chargingState}`, () => {
      assert.deepEqual(splitOcpp16Status(status), { occupancy, chargingState });
    });
  }
  it('rejects a status that is not 1.6', () => {
    assert.throws(() => splitOcpp16Status('Occupied'));
  });
});

describe('connector addressing', () => {
  it('1.6 connector 0 is the station, connector n is EVSE n connector 1', () => {
    assert.deepEqual(ocpp16ConnectorAddress(0), { evseId: 0, connectorId: 0 });
    assert.deepEqual(ocpp16ConnectorAddress(3), { evseId: 3, connectorId: 1 });
  });
  it('2.x Available means idle; other occupancy leaves the charging state to transactions', () => {
    assert.equal(chargingStateForOccupancy('Available'), 'Idle');
    assert.equal(chargingStateForOccupancy('Occupied'), null);
  });
});
