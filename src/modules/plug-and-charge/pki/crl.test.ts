// CRL revocation checks (ADR 076) against a real CA and a real CRL distribution point over HTTP:
// verified with the issuer's key, cached until nextUpdate, fail closed without a fresh copy.
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createContractPki, type ContractPki } from '../testing/test-pki.js';
import { TestCrlServer } from '../testing/crl-server.js';
import { CrlClient } from './crl-client.js';
import { crlUrlsOf } from './crl.js';

const HOUR_MS = 3_600_000;

describe('C07 contract revocation by CRL (RFC 5280 6.3)', () => {
  let pki: ContractPki;
  const crls = new TestCrlServer();
  before(async () => {
    await crls.start();
    pki = await createContractPki('http://127.0.0.1:1/ocsp-unused');
  });
  after(async () => crls.stop());

  /** A fresh client (empty cache) and a CRL path published for the sub-CA. */
  function setup(path: string) {
    crls.publish(path, pki.subCa);
    const client = new CrlClient({ timeoutMs: 5000 });
    const contract = (emaid: string) => pki.issueContract(emaid, undefined, { crlUrl: crls.urlOf(path) });
    return { client, contract };
  }

  it('the certificate names its distribution point; not listed -> good, listed -> revoked with its CRLReason', async () => {
    const { client, contract } = setup('good-and-revoked');
    const good = await contract('DECRL0000000001');
    const revoked = await contract('DECRL0000000002');
    const cancelled = await contract('DECRL0000000003');
    crls.revoke('good-and-revoked', revoked, 1);
    crls.revoke('good-and-revoked', cancelled, 5);
    assert.deepEqual(crlUrlsOf(good.asn), [crls.urlOf('good-and-revoked')]);
    assert.deepEqual(await client.check(good.asn, pki.subCa.asn), { kind: 'good' });
    assert.deepEqual(await client.check(revoked.asn, pki.subCa.asn), { kind: 'revoked', revocationReason: 1 });
    assert.deepEqual(await client.check(cancelled.asn, pki.subCa.asn), { kind: 'revoked', revocationReason: 5 });
    assert.equal(crls.downloads('good-and-revoked'), 1, 'one download answered all three (cached until nextUpdate)');
  });

  it('a cached CRL is fetched again after its nextUpdate (and then shows new revocations)', async () => {
    const t0 = new Date();
    crls.clock = () => t0;
    try {
      const { client, contract } = setup('expiry');
      const certificate = await contract('DECRL0000000011');
      assert.deepEqual(await client.check(certificate.asn, pki.subCa.asn, t0), { kind: 'good' });
      crls.revoke('expiry', certificate, 1);
      assert.deepEqual(await client.check(certificate.asn, pki.subCa.asn, new Date(t0.getTime() + HOUR_MS / 2)), { kind: 'good' }, 'the cached CRL answers until nextUpdate');
      assert.equal(crls.downloads('expiry'), 1);
      const later = new Date(t0.getTime() + HOUR_MS + 1000);
      crls.clock = () => later;
      assert.deepEqual(await client.check(certificate.asn, pki.subCa.asn, later), { kind: 'revoked', revocationReason: 1 });
      assert.equal(crls.downloads('expiry'), 2);
    } finally {
      crls.clock = () => new Date();
    }
  });

  it('fail closed: unavailable with no cached copy -> failed; a fresh cached copy still answers; a stale one does not', async () => {
    const t0 = new Date();
    crls.clock = () => t0;
    try {
      const { client, contract } = setup('down');
      const certificate = await contract('DECRL0000000021');
      crls.unavailable.add('down');
      const refused = await client.check(certificate.asn, pki.subCa.asn, t0);
      assert.equal(refused.kind, 'failed');
      crls.unavailable.delete('down');
      assert.deepEqual(await client.check(certificate.asn, pki.subCa.asn, t0), { kind: 'good' }, 'a failure is not cached');
      crls.unavailable.add('down');
      assert.deepEqual(await client.check(certificate.asn, pki.subCa.asn, new Date(t0.getTime() + HOUR_MS / 2)), { kind: 'good' }, 'fresh copy');
      const stale = await client.check(certificate.asn, pki.subCa.asn, new Date(t0.getTime() + 2 * HOUR_MS));
      assert.equal(stale.kind, 'failed', 'past nextUpdate and the distribution point down');
    } finally {
      crls.unavailable.delete('down');
      crls.clock = () => new Date();
    }
  });

  it('a CRL not signed by the issuer, or issued by another CA, is refused (fail closed)', async () => {
    const forger = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as webcrypto.CryptoKeyPair;
    crls.publish('forged', pki.subCa, forger.privateKey);
    const client = new CrlClient({ timeoutMs: 5000 });
    const certificate = await pki.issueContract('DECRL0000000031', undefined, { crlUrl: crls.urlOf('forged') });
    const forged = await client.check(certificate.asn, pki.subCa.asn);
    assert.equal(forged.kind, 'failed');
    assert.match(forged.kind === 'failed' ? forged.reason : '', /signature/);

    crls.publish('other-ca', pki.root);
    const misplaced = await pki.issueContract('DECRL0000000032', undefined, { crlUrl: crls.urlOf('other-ca') });
    const answer = await client.check(misplaced.asn, pki.subCa.asn);
    assert.match(answer.kind === 'failed' ? answer.reason : answer.kind, /another CA/);
  });
});
