// Contract certificate chains and OCSP against a real CA built here and a real OCSP responder
// over HTTP (no mocks): good, revoked, unknown, unauthorized signer, expired, foreign root.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createContractPki, type ContractPki } from '../testing/test-pki.js';
import { TestOcspResponder } from '../testing/ocsp-responder.js';
import { OcspClient } from './ocsp-client.js';
import { ocspRequestDataOf } from './ocsp-request-data.js';
import { TrustStore } from './trust-store.js';

describe('contract PKI: chains and OCSP', () => {
  let pki: ContractPki;
  let responder: TestOcspResponder;
  let trust: TrustStore;
  let client: OcspClient;
  before(async () => {
    responder = new TestOcspResponder();
    await responder.start();
    pki = await createContractPki(responder.url);
    responder.signWith(pki.responder, [pki.subCa.asn]); // the sub-CA travels in the response: a CSMS given hash data only knows the roots
    trust = new TrustStore([pki.root.pem]);
    client = new OcspClient(trust, { timeoutMs: 5000 });
  });
  after(async () => responder.stop());

  it('a contract chains to the configured root; a foreign root does not', async () => {
    const contract = await pki.issueContract('DEABCC123456781');
    const chained = trust.chainOf(contract.asn, [pki.subCa.asn], new Date());
    assert.ok(chained.ok);
    assert.equal(chained.chain.length, 3);
    const other = new TrustStore([(await createContractPki('http://127.0.0.1:1/ocsp', 'Other')).root.pem]);
    const refused = other.chainOf(contract.asn, [pki.subCa.asn], new Date());
    assert.equal(refused.ok ? 'ok' : refused.status, 'CertChainError');
  });

  it('an expired contract certificate is CertificateExpired', async () => {
    const contract = await pki.issueContract('DEABCC123456782', { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    const result = trust.chainOf(contract.asn, [pki.subCa.asn], new Date());
    assert.equal(result.ok ? 'ok' : result.status, 'CertificateExpired');
  });

  it('OCSP over HTTP: good, revoked with its reason, unknown', async () => {
    const [good, revoked, unknown] = await Promise.all(['DEABCC000000001', 'DEABCC000000002', 'DEABCC000000003'].map((emaid) => pki.issueContract(emaid)));
    responder.good(good!.asn);
    responder.revoke(revoked!.asn, 5);
    const ask = (certificate: typeof good) => client.check(ocspRequestDataOf(certificate!.asn, pki.subCa.asn)!);
    const first = await ask(good);
    assert.equal(first.kind, 'good', JSON.stringify(first.kind === 'failed' ? first.reason : ''));
    const answer = await ask(revoked);
    assert.equal(answer.kind, 'revoked');
    assert.equal(answer.kind === 'revoked' ? answer.revocationReason : -1, 5);
    assert.equal((await ask(unknown)).kind, 'unknown');
    assert.ok(responder.asked.length >= 3);
  });

  it('OCSP: a response signed by a responder the issuer did not authorize is refused', async () => {
    const rogue = await createContractPki(responder.url, 'Rogue');
    const rogueResponder = new TestOcspResponder().signWith(rogue.responder);
    await rogueResponder.start();
    try {
      const contract = await pki.issueContract('DEABCC000000004');
      rogueResponder.good(contract.asn);
      const data = { ...ocspRequestDataOf(contract.asn, pki.subCa.asn)!, responderURL: rogueResponder.url };
      const answer = await client.check(data);
      assert.equal(answer.kind, 'failed');
    } finally {
      await rogueResponder.stop();
    }
  });

  it('OCSP: an unavailable responder is a failure, not a good status', async () => {
    const contract = await pki.issueContract('DEABCC000000005');
    responder.good(contract.asn);
    responder.failWithHttpStatus = 503;
    try {
      const answer = await client.check(ocspRequestDataOf(contract.asn, pki.subCa.asn)!);
      assert.equal(answer.kind, 'failed');
    } finally {
      responder.failWithHttpStatus = undefined;
    }
  });
});
