import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getMessageValidator } from '../../protocol/validation.js';
import type { OcppVersion } from '../../protocol/versions.js';
import {
  availabilityPayload, remoteStartPayload, remoteStopPayload, resetPayload, triggerPayload, unlockPayload,
} from './command-payloads.js';

const VERSIONS: OcppVersion[] = ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1'];

/** Every payload built here must be valid against the version's own schema. */
function assertValid(version: OcppVersion, built: { action: string; payload: unknown }): void {
  const check = getMessageValidator(version).validateRequest(built.action, built.payload);
  assert.ok(check.ok, `${version} ${built.action} ${JSON.stringify(built.payload)} ${JSON.stringify(check)}`);
}

describe('remote-control payloads are valid in every version', () => {
  for (const version of VERSIONS) {
    it(`${version}: start, stop, unlock, availability, reset, trigger`, () => {
      assertValid(version, remoteStartPayload(version, { idToken: 'TAG1', evseId: 2, remoteStartId: 7 }));
      assertValid(version, remoteStartPayload(version, { idToken: 'TAG1', remoteStartId: 8 }));
      assertValid(version, remoteStopPayload(version, '42'));
      assertValid(version, unlockPayload(version, 1));
      assertValid(version, availabilityPayload(version, false));
      assertValid(version, availabilityPayload(version, true, 1));
      assertValid(version, resetPayload(version, 'Soft'));
      assertValid(version, resetPayload(version, 'Immediate'));
      assertValid(version, triggerPayload(version, 'StatusNotification', 1));
    });
  }
});

describe('version mapping', () => {
  it('1.6 addresses the connector by the EVSE number; 0 is the whole station', () => {
    assert.deepEqual(availabilityPayload('ocpp1.6', false).payload, { connectorId: 0, type: 'Inoperative' });
    assert.deepEqual(unlockPayload('ocpp1.6', 3).payload, { connectorId: 3 });
  });
  it('reset kinds map to their counterpart: Soft<->OnIdle, Hard<->Immediate', () => {
    assert.deepEqual(resetPayload('ocpp1.6', 'OnIdle').payload, { type: 'Soft' });
    assert.deepEqual(resetPayload('ocpp1.6', 'Immediate').payload, { type: 'Hard' });
    assert.deepEqual(resetPayload('ocpp2.0.1', 'Hard', 1).payload, { type: 'Immediate', evseId: 1 });
  });
  it('refuses what a version cannot express', () => {
    assert.throws(() => resetPayload('ocpp1.6', 'Soft', 1), /cannot reset a single EVSE/);
    assert.throws(() => remoteStopPayload('ocpp1.6', 'abc'), /not a 1.6 transaction id/);
  });
  it('2.x remote start carries the remoteStartId and a typed token (Central by default)', () => {
    assert.deepEqual(remoteStartPayload('ocpp2.0.1', { idToken: 'X', remoteStartId: 5 }).payload, { remoteStartId: 5, idToken: { idToken: 'X', type: 'Central' } });
  });
});
