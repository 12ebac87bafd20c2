import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextRetryDelayMs } from './retry-schedule.js';
import { signatureHeader, verifySignature } from './signature.js';

describe('webhook signatures', () => {
  const body = '{"id":"1","type":"station.connected"}';
  const header = signatureHeader('whsec_test', 1_700_000_000, body);

  it('has the documented shape and verifies', () => {
    assert.match(header, /^t=1700000000,v1=[0-9a-f]{64}$/);
    assert.equal(verifySignature('whsec_test', header, body, 1_700_000_010), true);
  });

  it('refuses another secret, a changed body, an old timestamp and garbage', () => {
    assert.equal(verifySignature('whsec_other', header, body, 1_700_000_000), false);
    assert.equal(verifySignature('whsec_test', header, `${body} `, 1_700_000_000), false);
    assert.equal(verifySignature('whsec_test', header, body, 1_700_000_000 + 301), false);
    assert.equal(verifySignature('whsec_test', 't=x,v1=zz', body, 1_700_000_000), false);
  });
});

describe('retry schedule', () => {
  const policy = { scheduleMs: [10_000, 30_000, 120_000], maxAttempts: 5 };
  const table: Array<[attempts: number, random: number, expected: number | null]> = [
    [1, 0.5, 10_000],
    [2, 0.5, 30_000],
    [3, 0, 96_000],
    [4, 1, 144_000], // the last delay repeats
    [5, 0.5, null], // attempts exhausted
  ];
  for (const [attempts, random, expected] of table) {
    it(`after ${attempts} failed attempt(s) with jitter ${random}: ${expected}`, () => {
      assert.equal(nextRetryDelayMs(policy, attempts, () => random), expected);
    });
  }
});
