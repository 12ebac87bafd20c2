// Plug & Charge end to end over real WebSockets: a simulated 2.0.1 station with a Plug & Charge EV,
// a real CA built here, a real OCSP responder over HTTP and a contract certificate provider double
// that is a real HTTP service, and a real CRL distribution point. OCA TC_C_50/51/52_CSMS (C07),
// M01/M02 (Get15118EVCertificate), M06; revocation caching and CRLs (ADR 076).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AsnConvert } from '@peculiar/asn1-schema';
import { OCSPResponse, OCSPResponseStatus } from '@peculiar/asn1-ocsp';
import { startTestServer } from '../../testing/test-server.js';
import { SimulatedStation } from '../../simulator/simulated-station.js';
import { contractCredentials, PlugAndChargeEv } from '../../simulator/plug-and-charge-ev.js';
import { createContractPki, type ContractPki } from './testing/test-pki.js';
import { TestOcspResponder } from './testing/ocsp-responder.js';
import { ContractProviderDouble, expectedExiResponse } from './testing/contract-provider-double.js';
import { TestCrlServer } from './testing/crl-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('Plug & Charge (ISO 15118) over OCPP 2.0.1', () => {
  let server: Server;
  let pki: ContractPki;
  let station: SimulatedStation;
  const responder = new TestOcspResponder();
  const provider = new ContractProviderDouble();
  const crls = new TestCrlServer();

  /** A contract for `emaid`, known to the OCSP responder as good unless told otherwise, and a token for it. */
  async function ev(emaid: string, options: { revoked?: number; validity?: { notBefore?: Date; notAfter?: Date }; token?: boolean } = {}): Promise<PlugAndChargeEv> {
    const contract = await pki.issueContract(emaid, options.validity);
    responder.good(pki.subCa.asn);
    if (options.revoked === undefined) responder.good(contract.asn);
    else responder.revoke(contract.asn, options.revoked);
    if (options.token !== false) {
      const created = await server.api.request('POST', '/api/v1/tokens', { idToken: emaid, type: 'eMAID' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    return new PlugAndChargeEv(contractCredentials(emaid, contract, [pki.subCa, pki.root]));
  }

  before(async () => {
    await responder.start();
    pki = await createContractPki(responder.url);
    responder.signWith(pki.responder, [pki.subCa.asn]).signFor(pki.root, pki.rootResponder);
    await provider.start();
    await crls.start();
    crls.publish('mo-sub-ca', pki.subCa);
    server = await startTestServer({ plugAndCharge: { trustedRoots: [pki.root.pem], contractCertificateProviderUrl: provider.url } });
    station = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'PNC-201', version: 'ocpp2.0.1', connectors: 2, callTimeoutMs: 10_000 });
    assert.equal((await station.start()).status, 'Accepted');
  });
  after(async () => {
    await station.stop();
    await server.stop();
    await responder.stop();
    await provider.stop();
    await crls.stop();
  });

  it('TC_C_50_CSMS: local contract validation, OCSP good -> Accepted; the EV charges under its eMAID', async () => {
    const car = await ev('DEPNC0000000501');
    const asked = responder.asked.length;
    const started = await car.plugIn(station, 1, 'local');
    assert.deepEqual([started.status, started.certificateStatus, started.startStatus], ['Accepted', 'Accepted', 'Accepted']);
    assert.ok(responder.asked.length > asked, 'the CSMS asked the OCSP responder');
    await car.unplug(station, 1, started.transactionId!, 1234);
    const sessions = await server.api.request('GET', '/api/v1/sessions?stationId=PNC-201&limit=10');
    const session = sessions.body.items.find((item: { transactionId: string }) => item.transactionId === started.transactionId);
    assert.ok(session, 'the session is recorded');
    assert.equal(JSON.stringify(session).includes('DEPNC0000000501'), true);
  });

  it('TC_C_51_CSMS: local contract validation, contract revoked -> CertificateRevoked and idTokenInfo Invalid', async () => {
    const car = await ev('DEPNC0000000511', { revoked: 1 });
    assert.deepEqual(await car.authorize(station, 'local'), { status: 'Invalid', certificateStatus: 'CertificateRevoked' });
  });

  it('C07: a contract revoked because it ended (cessationOfOperation) is ContractCancelled', async () => {
    const car = await ev('DEPNC0000000512', { revoked: 5 });
    assert.deepEqual(await car.authorize(station, 'local'), { status: 'Invalid', certificateStatus: 'ContractCancelled' });
  });

  it('TC_C_52_CSMS: central contract validation (PEM chain) -> Accepted after chain and OCSP checks', async () => {
    const car = await ev('DEPNC0000000521');
    assert.deepEqual(await car.authorize(station, 'central'), { status: 'Accepted', certificateStatus: 'Accepted' });
  });

  it('C07 central validation: expired contract -> CertificateExpired; foreign root -> CertChainError; eMAID not the certificate\'s -> CertChainError', async () => {
    const expired = await ev('DEPNC0000000522', { validity: { notBefore: new Date(Date.now() - 5 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) } });
    assert.deepEqual(await expired.authorize(station, 'central'), { status: 'Invalid', certificateStatus: 'CertificateExpired' });

    const foreign = await createContractPki(responder.url, 'Foreign');
    const foreignContract = await foreign.issueContract('DEPNC0000000523');
    await server.api.request('POST', '/api/v1/tokens', { idToken: 'DEPNC0000000523', type: 'eMAID' });
    const stranger = new PlugAndChargeEv(contractCredentials('DEPNC0000000523', foreignContract, [foreign.subCa, foreign.root]));
    assert.deepEqual(await stranger.authorize(station, 'central'), { status: 'Invalid', certificateStatus: 'CertChainError' });

    const genuine = await ev('DEPNC0000000524');
    await server.api.request('POST', '/api/v1/tokens', { idToken: 'DEPNC0000000525', type: 'eMAID' });
    const impostor = new PlugAndChargeEv({ ...genuine.credentials, emaid: 'DEPNC0000000525' });
    assert.deepEqual(await impostor.authorize(station, 'central'), { status: 'Invalid', certificateStatus: 'CertChainError' });
  });

  it('C07: eMAID tokens go through normal authorization: unknown -> Unknown, blocked -> Blocked, even with a valid certificate', async () => {
    const unknown = await ev('DEPNC0000000531', { token: false });
    assert.deepEqual(await unknown.authorize(station, 'local'), { status: 'Unknown', certificateStatus: 'Accepted' });
    const blocked = await ev('DEPNC0000000532');
    const list = await server.api.request('GET', '/api/v1/tokens?limit=200');
    const token = list.body.items.find((item: { idToken: string }) => item.idToken === 'DEPNC0000000532');
    assert.equal((await server.api.request('PATCH', `/api/v1/tokens/${token.id}`, { blocked: true })).status, 200);
    assert.deepEqual(await blocked.authorize(station, 'local'), { status: 'Blocked', certificateStatus: 'Accepted' });
  });

  it('C07: an OCSP responder that cannot be reached fails closed (CertChainError)', async () => {
    const car = await ev('DEPNC0000000541');
    responder.failWithHttpStatus = 503;
    try {
      assert.deepEqual(await car.authorize(station, 'local'), { status: 'Invalid', certificateStatus: 'CertChainError' });
    } finally {
      responder.failWithHttpStatus = undefined;
    }
  });

  it('TC_C_50_CSMS / ADR 076: a repeated Authorize for the same contract makes no OCSP request (answers cached until nextUpdate); a revoked answer is cached too', async () => {
    const car = await ev('DEPNC0000000581');
    const before = responder.asked.length;
    assert.deepEqual(await car.authorize(station, 'local'), { status: 'Accepted', certificateStatus: 'Accepted' });
    assert.ok(responder.asked.length > before, 'the first Authorize asked the responder');
    const afterFirst = responder.asked.length;
    assert.deepEqual(await car.authorize(station, 'local'), { status: 'Accepted', certificateStatus: 'Accepted' });
    assert.deepEqual(await car.authorize(station, 'central'), { status: 'Accepted', certificateStatus: 'Accepted' });
    assert.equal(responder.asked.length, afterFirst, 'the second and third Authorize asked nobody');

    const revoked = await ev('DEPNC0000000582', { revoked: 1 });
    assert.deepEqual(await revoked.authorize(station, 'local'), { status: 'Invalid', certificateStatus: 'CertificateRevoked' });
    const asked = responder.asked.length;
    assert.deepEqual(await revoked.authorize(station, 'local'), { status: 'Invalid', certificateStatus: 'CertificateRevoked' });
    assert.equal(responder.asked.length, asked);
  });

  it('TC_C_52_CSMS with CRLs (ADR 076): a contract naming only a CRL distribution point is checked against its issuer\'s CRL, downloaded once; revoked -> CertificateRevoked; no CRL obtainable -> CertChainError', async () => {
    const crlContract = async (emaid: string, path = 'mo-sub-ca') => {
      const contract = await pki.issueContract(emaid, undefined, { crlUrl: crls.urlOf(path) });
      responder.good(pki.subCa.asn);
      await server.api.request('POST', '/api/v1/tokens', { idToken: emaid, type: 'eMAID' });
      return { contract, car: new PlugAndChargeEv(contractCredentials(emaid, contract, [pki.subCa, pki.root])) };
    };
    const good = await crlContract('DEPNC0000000591');
    const revoked = await crlContract('DEPNC0000000592');
    crls.revoke('mo-sub-ca', revoked.contract, 1);
    assert.deepEqual(await good.car.authorize(station, 'central'), { status: 'Accepted', certificateStatus: 'Accepted' });
    assert.deepEqual(await revoked.car.authorize(station, 'central'), { status: 'Invalid', certificateStatus: 'CertificateRevoked' });
    assert.deepEqual(await good.car.authorize(station, 'central'), { status: 'Accepted', certificateStatus: 'Accepted' });
    assert.equal(crls.downloads('mo-sub-ca'), 1, 'one CRL download for three Authorize');

    crls.publish('down', pki.subCa);
    crls.unavailable.add('down');
    const unreachable = await crlContract('DEPNC0000000593', 'down');
    assert.deepEqual(await unreachable.car.authorize(station, 'central'), { status: 'Invalid', certificateStatus: 'CertChainError' });
  });

  it('M01/M02 Get15118EVCertificate: the EXI request reaches the provider and its EXI answer the station, untouched', async () => {
    const car = await ev('DEPNC0000000551');
    const exi = Buffer.from([0x80, 0x98, 0x02, 0x10, 0x50, 0x90, 0x8c, 0x0c]);
    const installed = await car.requestCertificate(station, 'Install', exi);
    assert.deepEqual(installed, { status: 'Accepted', exiResponse: expectedExiResponse(exi.toString('base64')) });
    assert.deepEqual(provider.received.at(-1), { stationId: 'PNC-201', iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef', action: 'Install', exiRequest: exi.toString('base64') });
    const refused = await car.requestCertificate(station, 'Update', Buffer.from('FAIL'));
    assert.equal(refused.status, 'Failed');
  });

  it('OCPP 1.6 (OCA ISO 15118 whitepaper): Authorize in DataTransfer org.openchargealliance.iso15118pnc, local and central validation', async () => {
    const station16 = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'PNC-16', version: 'ocpp1.6', connectors: 1, callTimeoutMs: 10_000 });
    assert.equal((await station16.start()).status, 'Accepted');
    try {
      const good = await ev('DEPNC0000000571');
      assert.deepEqual(await good.authorizeOver16(station16, 'local'), { transferStatus: 'Accepted', status: 'Accepted', certificateStatus: 'Accepted' });
      assert.deepEqual(await good.authorizeOver16(station16, 'central'), { transferStatus: 'Accepted', status: 'Accepted', certificateStatus: 'Accepted' });
      const revoked = await ev('DEPNC0000000572', { revoked: 1 });
      assert.deepEqual(await revoked.authorizeOver16(station16, 'local'), { transferStatus: 'Accepted', status: 'Invalid', certificateStatus: 'CertificateRevoked' });
      const other = await station16.call('DataTransfer', { vendorId: 'com.example', messageId: 'Authorize', data: '{}' });
      assert.equal(other.kind === 'result' ? (other.payload as { status: string }).status : other.kind, 'UnknownVendorId');
    } finally {
      await station16.stop();
    }
  });

  it('M06 GetCertificateStatus: the responder\'s OCSP response is passed through (DER, base64)', async () => {
    const car = await ev('DEPNC0000000561');
    const answer = await car.certificateStatus(station, 0);
    assert.equal(answer.status, 'Accepted');
    const response = AsnConvert.parse(Buffer.from(answer.ocspResult!, 'base64'), OCSPResponse);
    assert.equal(response.responseStatus, OCSPResponseStatus.successful);
  });
});
