import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthorizationStatus, TokenRef } from '../ports.js';
import { decideAuthorization, toOcpp16Status, type AuthorizationInput } from './decide-authorization.js';
import type { StoredToken } from './token.js';

const at = new Date('2030-06-01T12:00:00Z');
const token = (patch: Partial<StoredToken> = {}): StoredToken => ({
  id: 'tok_1', idToken: 'AABBCCDD', type: 'ISO14443', groupIdToken: null, groupIdTokenType: null,
  blocked: false, expiresAt: null, language: null, masterPass: false, ...patch,
});
const rfid: TokenRef = { idToken: 'AABBCCDD', type: 'ISO14443' };
const idTag: TokenRef = { idToken: 'AABBCCDD', type: null };

type Row = [name: string, input: Partial<AuthorizationInput>, status: AuthorizationStatus, reason: RegExp];
const table: Row[] = [
  ['TC_C_02_CSMS an unknown token is Unknown', { token: null }, 'Unknown', /unknown token/],
  ['a 2.x token presented with another type is Unknown', { presented: { idToken: 'AABBCCDD', type: 'KeyCode' } }, 'Unknown', /known as type ISO14443, presented as KeyCode/],
  ['a 1.6 idTag matches whatever the stored type', { presented: idTag, token: token({ type: 'eMAID' }) }, 'Accepted', /^accepted$/],
  ['TC_C_06_CSMS a blocked token is Blocked', { token: token({ blocked: true }) }, 'Blocked', /blocked/],
  ['TC_C_07_CSMS an expired token is Expired', { token: token({ expiresAt: new Date('2030-06-01T11:59:59Z') }) }, 'Expired', /expired 2030-06-01T11:59:59/],
  ['a token expiring exactly now is Expired', { token: token({ expiresAt: at }) }, 'Expired', /expired/],
  ['a token expiring later is Accepted', { token: token({ expiresAt: new Date('2030-06-02T00:00:00Z') }) }, 'Accepted', /accepted/],
  ['blocked wins over expired', { token: token({ blocked: true, expiresAt: new Date('2020-01-01T00:00:00Z') }) }, 'Blocked', /blocked/],
  ['starting with an active session is ConcurrentTx', { purpose: 'start', hasActiveSession: true }, 'ConcurrentTx', /active session/],
  ['an active session does not matter for Authorize', { purpose: 'authorize', hasActiveSession: true }, 'Accepted', /accepted/],
  ['an active session does not matter for stopping', { purpose: 'stop', hasActiveSession: true }, 'Accepted', /accepted/],
  ['a blocked token stays Blocked with an active session', { purpose: 'start', hasActiveSession: true, token: token({ blocked: true }) }, 'Blocked', /blocked/],
  ['NoAuthorization is Accepted without a stored token', { token: null, presented: { idToken: '', type: 'NoAuthorization' } }, 'Accepted', /NoAuthorization/],
  ['TC_C_49_CSMS a master pass is Accepted and says so', { token: token({ masterPass: true }) }, 'Accepted', /master pass/],
];

describe('decideAuthorization', () => {
  for (const [name, patch, status, reason] of table) {
    it(name, () => {
      const decision = decideAuthorization({ token: token(), presented: rfid, at, purpose: 'authorize', hasActiveSession: false, ...patch });
      assert.equal(decision.status, status);
      assert.match(decision.reason, reason);
    });
  }

  it('TC_C_39_CSMS carries the group, its type (Central when the group is not a stored token), expiry and language', () => {
    const expiresAt = new Date('2031-01-01T00:00:00Z');
    const stored = token({ groupIdToken: 'FLEET-1', expiresAt, language: 'nl' });
    assert.deepEqual(decideAuthorization({ token: stored, presented: rfid, at, purpose: 'authorize', hasActiveSession: false }), {
      status: 'Accepted', reason: 'accepted', tokenId: 'tok_1', groupIdToken: 'FLEET-1', groupIdTokenType: 'Central',
      expiresAt, language: 'nl', masterPass: false,
    });
    const typed = decideAuthorization({ token: { ...stored, groupIdTokenType: 'Local' }, presented: rfid, at, purpose: 'authorize', hasActiveSession: false });
    assert.equal(typed.groupIdTokenType, 'Local');
  });

  it('says nothing about an unknown token beyond its status', () => {
    const decision = decideAuthorization({ token: null, presented: rfid, at, purpose: 'start', hasActiveSession: true });
    assert.deepEqual({ ...decision, reason: '' }, {
      status: 'Unknown', reason: '', tokenId: null, groupIdToken: null, groupIdTokenType: null, expiresAt: null, language: null, masterPass: false,
    });
  });
});

describe('toOcpp16Status', () => {
  const table: Array<[AuthorizationStatus, string]> = [
    ['Accepted', 'Accepted'], ['Blocked', 'Blocked'], ['Expired', 'Expired'], ['Invalid', 'Invalid'], ['ConcurrentTx', 'ConcurrentTx'],
    ['Unknown', 'Invalid'], ['NoCredit', 'Invalid'], ['NotAllowedTypeEVSE', 'Invalid'], ['NotAtThisLocation', 'Invalid'], ['NotAtThisTime', 'Invalid'],
  ];
  for (const [status, expected] of table) {
    const id = status === 'Unknown' ? 'TC_023_1_CSMS ' : '';
    it(`${id}maps 2.x ${status} to 1.6 ${expected}`, () => assert.equal(toOcpp16Status(status), expected));
  }
});
