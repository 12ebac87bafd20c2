// OCSP answers cached per certificate until their nextUpdate (ADR 076), against a real CA and a
// real OCSP responder over HTTP: the responder's request log tells a cached answer from a fetch;
// the checks' `now` and the responder's clock move forward together to pass a nextUpdate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createContractPki, type ContractPki } from '../testing/test-pki.js';
import { TestOcspResponder } from '../testing/ocsp-responder.js';
import { OcspClient } from './ocsp-client.js';
import { ocspRequestDataOf } from './ocsp-request-data.js';
import { TrustStore } from './trust-store.js';

const HOUR_MS = 3_600_000;

describe('C07 / M06 OCSP answer cache (ADR 076)', () => {
  let pki: ContractPki;
  let responder: TestOcspResponder;
  let client: OcspClient;
  before(async () => {
    responder = new TestOcspResponder();
    await responder.start();
    pki = await createContractPki(responder.url);
    responder.signWith(pki.responder, [pki.subCa.asn]);
    client = new OcspClient(new TrustStore([pki.root.pem]), { timeoutMs: 5000, cacheEntries: 100 });
  });
  after(async () => responder.stop());

  /** A contract known to the responder, and how to ask about it at a given time. */
  async function contract(emaid: string, revokedReason?: number) {
    const issued = await pki.issueContract(emaid);
    if (revokedReason === undefined) responder.good(issued.asn);
    else responder.revoke(issued.asn, revokedReason);
    const data = ocspRequestDataOf(issued.asn, pki.subCa.asn)!;
    return { data, ask: (at: Date) => client.check(data, [], at) };
  }

  const requestsDuring = async (work: () => Promise<unknown>): Promise<number> => {
    const before = responder.asked.length;
    await work();
    return responder.asked.length - before;
  };

  it('a good answer is kept until its nextUpdate: the second check asks nobody, a check after nextUpdate asks again', async () => {
    const t0 = new Date();
    responder.clock = () => t0;
    try {
      const { ask } = await contract('DEOCC0000000001');
      assert.equal(await requestsDuring(async () => assert.equal((await ask(t0)).kind, 'good')), 1);
      assert.equal(await requestsDuring(async () => assert.equal((await ask(new Date(t0.getTime() + HOUR_MS / 2))).kind, 'good')), 0, 'answered from the cache');
      const later = new Date(t0.getTime() + HOUR_MS + 60_000);
      responder.clock = () => later;
      assert.equal(await requestsDuring(async () => assert.equal((await ask(later)).kind, 'good')), 1, 'past nextUpdate: asked again');
    } finally {
      responder.clock = () => new Date();
    }
  });

  it('a revoked answer is cached too (with its reason)', async () => {
    const { ask } = await contract('DEOCC0000000002', 5);
    const first = await ask(new Date());
    const requests = await requestsDuring(async () => {
      const second = await ask(new Date());
      assert.deepEqual([second.kind, second.kind === 'revoked' ? second.revocationReason : -1], ['revoked', 5]);
    });
    assert.equal(first.kind, 'revoked');
    assert.equal(requests, 0);
  });

  it('without nextUpdate an answer is kept for the maximum age (1 h) after its thisUpdate, then asked again', async () => {
    const t0 = new Date();
    responder.clock = () => t0;
    responder.nextUpdateMs = null;
    try {
      const { ask } = await contract('DEOCC0000000003');
      assert.equal(await requestsDuring(() => ask(t0)), 1);
      assert.equal(await requestsDuring(() => ask(new Date(t0.getTime() + 50 * 60_000))), 0);
      const later = new Date(t0.getTime() + 61 * 60_000);
      responder.clock = () => later;
      assert.equal(await requestsDuring(async () => assert.equal((await ask(later)).kind, 'good')), 1);
    } finally {
      responder.clock = () => new Date();
      responder.nextUpdateMs = HOUR_MS;
    }
  });

  it('failures and unknown answers are not cached: the next check asks again (fail closed, then recover)', async () => {
    const { ask } = await contract('DEOCC0000000004');
    responder.failWithHttpStatus = 503;
    try {
      assert.equal((await ask(new Date())).kind, 'failed');
    } finally {
      responder.failWithHttpStatus = undefined;
    }
    assert.equal(await requestsDuring(async () => assert.equal((await ask(new Date())).kind, 'good')), 1);
    const stranger = await pki.issueContract('DEOCC0000000005'); // never told to the responder: unknown
    const data = ocspRequestDataOf(stranger.asn, pki.subCa.asn)!;
    assert.equal((await client.check(data)).kind, 'unknown');
    assert.equal(await requestsDuring(() => client.check(data)), 1);
  });

  it('concurrent checks of one certificate share one request', async () => {
    const { ask } = await contract('DEOCC0000000006');
    const at = new Date();
    assert.equal(await requestsDuring(() => Promise.all([ask(at), ask(at), ask(at)])), 1);
  });
});
