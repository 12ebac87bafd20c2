import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLanguage, checkTokenFields, checkTokenType, checkTokenValue, tokenStateAt } from './token.js';

describe('token rules', () => {
  const types: Array<[string, boolean]> = [
    ['ISO14443', true], ['ISO15693', true], ['KeyCode', true], ['Local', true], ['MacAddress', true], ['eMAID', true],
    ['Central', true], ['NoAuthorization', true],
    ['VIN', true], ['EVCCID', true], ['DirectPayment', true], // OCPP 2.1's open list
    ['iso14443', false], ['EMAID', false], ['has space', false], ['', false], ['X'.repeat(21), false],
  ];
  for (const [type, ok] of types) {
    it(`type "${type}" is ${ok ? 'accepted' : 'refused'}`, () => assert.equal(checkTokenType(type).length === 0, ok));
  }
  it('suggests the OCPP spelling of a known type in the wrong case', () => {
    assert.match(checkTokenType('iso14443')[0] ?? '', /spelled "ISO14443"/);
  });

  const values: Array<[string, boolean]> = [
    ['04A2B3C4D5E6F7', true], ['NL-TNM-C12345678-X', true], ['X'.repeat(255), true],
    ['', false], ['X'.repeat(256), false], [' padded', false], ['tab\there', false],
  ];
  for (const [value, ok] of values) {
    it(`value of ${value.length} characters "${value.slice(0, 20)}" is ${ok ? 'accepted' : 'refused'}`, () => assert.equal(checkTokenValue(value).length === 0, ok));
  }

  const languages: Array<[string, boolean]> = [['en', true], ['nl-BE', true], ['es-419', true], ['zh-Hant', true], ['english', false], ['en_GB', false], ['de-DE-1996', false]];
  for (const [language, ok] of languages) {
    it(`language "${language}" is ${ok ? 'accepted' : 'refused'}`, () => assert.equal(checkLanguage(language).length === 0, ok));
  }

  it('collects every problem of a token', () => {
    assert.equal(checkTokenFields({ idToken: '', type: 'bad type', language: 'english', groupIdToken: ' g' }).length, 4);
    assert.deepEqual(checkTokenFields({ idToken: 'A1', type: 'ISO14443', groupIdToken: null, language: null }), []);
  });

  it('a token is Blocked, Expired or Accepted at a moment', () => {
    const at = new Date('2030-01-01T00:00:00Z');
    assert.equal(tokenStateAt({ blocked: false, expiresAt: null }, at), 'Accepted');
    assert.equal(tokenStateAt({ blocked: false, expiresAt: at }, at), 'Expired');
    assert.equal(tokenStateAt({ blocked: true, expiresAt: null }, at), 'Blocked');
  });
});
