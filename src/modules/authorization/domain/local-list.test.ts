import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { desiredList, diffLocalList, entryOf, placeUnfitFor, planUpdates, unfitFor, type LocalListEntry, type LocalListItem } from './local-list.js';
import type { StoredToken } from './token.js';

const at = new Date('2030-06-01T12:00:00Z');
const entry = (patch: Partial<LocalListEntry> = {}): LocalListEntry => ({
  type: 'ISO14443', status: 'Accepted', expiresAt: null, groupIdToken: null, groupIdTokenType: null, language: null, ...patch,
});
const items = (n: number): LocalListItem[] => Array.from({ length: n }, (_, i) => ({ idToken: `T${String(i).padStart(3, '0')}`, entry: entry() }));

describe('local list entries', () => {
  const stored: StoredToken = {
    id: 'tok_1', idToken: 'A1', type: 'KeyCode', groupIdToken: 'G1', groupIdTokenType: null, blocked: false,
    expiresAt: new Date('2030-01-01T00:00:00Z'), language: 'de', masterPass: false,
  };
  it('an entry carries the token state at sync time, its expiry, group (Central when not stored) and language', () => {
    assert.deepEqual(entryOf(stored, at), {
      type: 'KeyCode', status: 'Expired', expiresAt: '2030-01-01T00:00:00.000Z', groupIdToken: 'G1', groupIdTokenType: 'Central', language: 'de',
    });
    assert.equal(entryOf({ ...stored, blocked: true }, at).status, 'Blocked');
    assert.equal(entryOf({ ...stored, expiresAt: null }, at).status, 'Accepted');
  });

  const fits: Array<[string, LocalListItem, string | null, string | null, string | null]> = [
    ['a short RFID', { idToken: 'AABB', entry: entry() }, null, null, null],
    ['a 21-character value', { idToken: 'X'.repeat(21), entry: entry() }, 'value longer than 20', null, null],
    ['a 37-character value', { idToken: 'X'.repeat(37), entry: entry() }, 'value longer than 20', 'value longer than 36', null],
    ['a 2.1 type', { idToken: 'VIN1', entry: entry({ type: 'VIN' }) }, null, 'type VIN does not exist', null],
    ['a long group', { idToken: 'A', entry: entry({ groupIdToken: 'G'.repeat(21), groupIdTokenType: 'Central' }) }, 'group token longer than 20', null, null],
  ];
  for (const [name, item, v16, v201, v21] of fits) {
    it(`${name} fits 1.6: ${v16 ?? 'yes'}; 2.0.1: ${v201 ?? 'yes'}; 2.1: ${v21 ?? 'yes'}`, () => {
      for (const [version, expected] of [['ocpp1.6', v16], ['ocpp2.0.1', v201], ['ocpp2.1', v21]] as const) {
        const unfit = unfitFor(version, item);
        if (expected === null) assert.equal(unfit, null, version);
        else assert.match(unfit ?? '', new RegExp(expected), version);
      }
    });
  }
});

describe('desiredList', () => {
  it('keeps what fits the station\'s version and says why the rest is skipped', () => {
    const token = (idToken: string, type = 'ISO14443'): StoredToken => ({
      id: idToken, idToken, type, groupIdToken: null, groupIdTokenType: null, blocked: false, expiresAt: null, language: null, masterPass: false,
    });
    const { desired, skipped } = desiredList([token('A'), token('B', 'VIN')], 'ocpp2.0.1', at);
    assert.deepEqual([...desired.keys()], ['A']);
    assert.deepEqual(skipped, [{ idToken: 'B', reason: 'type VIN does not exist in OCPP 2.0.1' }]);
    assert.equal(desiredList([token('B', 'VIN')], null, at).desired.size, 1, 'nothing is filtered before the version is known');
  });
});

describe('diffLocalList', () => {
  it('TC_D_02_CSMS / TC_D_03_CSMS adds new and changed entries, removes what is no longer wanted, keeps the rest', () => {
    const desired = new Map([['A', entry()], ['B', entry({ status: 'Blocked' })], ['D', entry()]]);
    const acknowledged = new Map([['A', entry()], ['B', entry()], ['C', entry()]]);
    assert.deepEqual(diffLocalList(desired, acknowledged), {
      upserts: [{ idToken: 'B', entry: entry({ status: 'Blocked' }) }, { idToken: 'D', entry: entry() }],
      removals: [{ idToken: 'C', entry: entry() }],
    });
  });
  it('is empty when the station holds what it should', () => {
    const same = new Map([['A', entry({ language: 'en' })]]);
    assert.deepEqual(diffLocalList(same, new Map([['A', entry({ language: 'en' })]])), { upserts: [], removals: [] });
  });
});

describe('planUpdates', () => {
  it('TC_D_04_CSMS an empty full update is one Full message without entries', () => {
    assert.deepEqual(planUpdates({ upserts: [], removals: [] }, { full: true, fromVersion: 3, maxEntriesPerMessage: 50 }), [
      { updateType: 'Full', version: 4, upserts: [], removals: [] },
    ]);
  });
  it('an empty differential sends nothing', () => {
    assert.deepEqual(planUpdates({ upserts: [], removals: [] }, { full: false, fromVersion: 3, maxEntriesPerMessage: 50 }), []);
  });
  it('TC_D_01_CSMS a full update fits one message when small', () => {
    const plan = planUpdates({ upserts: items(3), removals: [] }, { full: true, fromVersion: 0, maxEntriesPerMessage: 50 });
    assert.deepEqual(plan.map((u) => [u.updateType, u.version, u.upserts.length]), [['Full', 1, 3]]);
  });
  it('a large full update is a Full with the first chunk, then Differentials, one version each', () => {
    const plan = planUpdates({ upserts: items(120), removals: items(1) }, { full: true, fromVersion: 7, maxEntriesPerMessage: 50 });
    assert.deepEqual(plan.map((u) => [u.updateType, u.version, u.upserts.length, u.removals.length]), [
      ['Full', 8, 50, 0], ['Differential', 9, 50, 0], ['Differential', 10, 20, 0],
    ]);
    assert.equal(plan[1]!.upserts[0]!.idToken, 'T050');
  });
  it('a differential update chunks upserts and removals together', () => {
    const plan = planUpdates({ upserts: items(3), removals: [{ idToken: 'X', entry: entry() }, { idToken: 'Y', entry: entry() }] }, { full: false, fromVersion: 1, maxEntriesPerMessage: 2 });
    assert.deepEqual(plan.map((u) => [u.updateType, u.version, u.upserts.length, u.removals.map((r) => r.idToken)]), [
      ['Differential', 2, 2, []], ['Differential', 3, 1, ['X']], ['Differential', 4, 0, ['Y']],
    ]);
  });
});

describe('placeUnfitFor (ADR 012 places on local lists)', () => {
  it('no places: anywhere; whole station here: listed; elsewhere or some EVSEs only: left off', () => {
    assert.equal(placeUnfitFor({}, 'S1'), null);
    assert.equal(placeUnfitFor({ locations: [{ stationId: 'S1', evseId: 0 }] }, 'S1'), null);
    assert.equal(placeUnfitFor({ locations: [{ stationId: 'S2', evseId: 0 }] }, 'S1'), 'limited to other stations');
    assert.match(placeUnfitFor({ locations: [{ stationId: 'S1', evseId: 2 }, { stationId: 'S1', evseId: 1 }] }, 'S1') ?? '', /EVSE 1, 2 of this station/);
  });
});
