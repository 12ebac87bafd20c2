// A Plug & Charge EV (ISO 15118-2) at a simulated 2.x station: it presents its contract
// certificate, and the station either validated the chain itself and sends the OCSP data
// (local contract validation, TC_C_50/51) or forwards the PEM chain (central validation, TC_C_52);
// then it charges under its eMAID. It also asks for certificate installation (Get15118EVCertificate)
// and has the station fetch OCSP (GetCertificateStatus).
import { randomUUID } from 'node:crypto';
import type { Certificate } from '@peculiar/asn1-x509';
import { ocspRequestDataOf, type OcspRequestData } from '../modules/plug-and-charge/pki/ocsp-request-data.js';
import type { CallOutcome } from '../protocol/call-outcome.js';
import type { SimulatedStation } from './simulated-station.js';

export type ContractCredentials = {
  emaid: string;
  /** Leaf first, then the sub-CAs (not the root), as ISO 15118 carries it. */
  chainPem: string;
  /** OCSP data of every certificate below the root, leaf first. */
  hashData: OcspRequestData[];
};

export type PlugAndChargeAuthorization = { status: string; certificateStatus: string | undefined };

/** Credentials of a contract certificate issued by `chain[0]`'s issuer chain (`chain`: sub-CAs then root). */
export function contractCredentials(emaid: string, contract: { pem: string; asn: Certificate }, chain: Array<{ pem: string; asn: Certificate }>): ContractCredentials {
  const all = [contract, ...chain];
  const hashData = all.slice(0, -1).flatMap((certificate, index) => {
    const data = ocspRequestDataOf(certificate.asn, all[index + 1]!.asn);
    return data ? [data] : [];
  });
  return { emaid, chainPem: all.slice(0, -1).map((certificate) => certificate.pem).join(''), hashData };
}

function result(outcome: CallOutcome, action: string): Record<string, any> {
  if (outcome.kind !== 'result') throw new Error(`${action}: ${outcome.kind}`);
  return outcome.payload as Record<string, any>;
}

export class PlugAndChargeEv {
  private seqNo = 0;

  constructor(readonly credentials: ContractCredentials) {}

  /** The station's Authorize for this EV. */
  async authorize(station: SimulatedStation, validation: 'local' | 'central'): Promise<PlugAndChargeAuthorization> {
    const request = {
      idToken: { idToken: this.credentials.emaid, type: 'eMAID' },
      ...(validation === 'central' ? { certificate: this.credentials.chainPem } : { iso15118CertificateHashData: this.credentials.hashData.slice(0, 4) }),
    };
    const answer = result(await station.call('Authorize', request), 'Authorize');
    return { status: answer['idTokenInfo'].status, certificateStatus: answer['certificateStatus'] };
  }

  /** The same Authorize from an OCPP 1.6 station: DataTransfer, vendor org.openchargealliance.iso15118pnc (OCA whitepaper). */
  async authorizeOver16(station: SimulatedStation, validation: 'local' | 'central'): Promise<PlugAndChargeAuthorization & { transferStatus: string }> {
    const inner = {
      idToken: { idToken: this.credentials.emaid, type: 'eMAID' },
      ...(validation === 'central' ? { certificate: this.credentials.chainPem } : { iso15118CertificateHashData: this.credentials.hashData.slice(0, 4) }),
    };
    const answer = result(await station.call('DataTransfer', { vendorId: 'org.openchargealliance.iso15118pnc', messageId: 'Authorize', data: JSON.stringify(inner) }), 'DataTransfer');
    const data = typeof answer['data'] === 'string' ? JSON.parse(answer['data']) as Record<string, any> : {};
    return { transferStatus: answer['status'], status: data['idTokenInfo']?.status, certificateStatus: data['certificateStatus'] };
  }

  /**
   * Plugs in at `evseId` and charges when authorized: TransactionEvent Started (triggerReason
   * Authorized, idToken eMAID). Returns the authorization and the transaction id when it started.
   */
  async plugIn(station: SimulatedStation, evseId: number, validation: 'local' | 'central'): Promise<PlugAndChargeAuthorization & { transactionId?: string; startStatus?: string }> {
    const authorization = await this.authorize(station, validation);
    if (authorization.status !== 'Accepted' || authorization.certificateStatus !== 'Accepted') return authorization;
    const transactionId = randomUUID();
    this.seqNo = 0;
    const answer = result(await station.call('TransactionEvent', this.event('Started', 'Authorized', transactionId, evseId, 0)), 'TransactionEvent');
    return { ...authorization, transactionId, startStatus: answer['idTokenInfo']?.status };
  }

  /** Unplugs: TransactionEvent Ended (EVCommunicationLost) with the final register reading. */
  async unplug(station: SimulatedStation, evseId: number, transactionId: string, energyWh: number): Promise<void> {
    result(await station.call('TransactionEvent', this.event('Ended', 'EVCommunicationLost', transactionId, evseId, energyWh)), 'TransactionEvent');
  }

  /** The EV asks for a contract certificate (install or update); the EXI goes through untouched. */
  async requestCertificate(station: SimulatedStation, action: 'Install' | 'Update', exiRequest: Buffer): Promise<{ status: string; exiResponse: string }> {
    const answer = result(await station.call('Get15118EVCertificate', { iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef', action, exiRequest: exiRequest.toString('base64') }), 'Get15118EVCertificate');
    return { status: answer['status'], exiResponse: answer['exiResponse'] };
  }

  /** The station has the CSMS fetch OCSP for one certificate of the chain (0 = the contract). */
  async certificateStatus(station: SimulatedStation, index = 0): Promise<{ status: string; ocspResult?: string }> {
    const data = this.credentials.hashData[index];
    if (!data) throw new Error(`no certificate ${index} with OCSP data`);
    const answer = result(await station.call('GetCertificateStatus', { ocspRequestData: data }), 'GetCertificateStatus');
    return { status: answer['status'], ...(answer['ocspResult'] ? { ocspResult: answer['ocspResult'] } : {}) };
  }

  private event(eventType: 'Started' | 'Ended', triggerReason: string, transactionId: string, evseId: number, registerWh: number) {
    const timestamp = new Date().toISOString();
    return {
      eventType, timestamp, triggerReason, seqNo: this.seqNo++,
      transactionInfo: { transactionId, chargingState: eventType === 'Started' ? 'Charging' : 'Idle', ...(eventType === 'Ended' ? { stoppedReason: 'EVDisconnected' } : {}) },
      ...(eventType === 'Started' ? { idToken: { idToken: this.credentials.emaid, type: 'eMAID' } } : {}),
      evse: { id: evseId, connectorId: 1 },
      meterValue: [{
        timestamp,
        sampledValue: [{ value: registerWh, context: eventType === 'Started' ? 'Transaction.Begin' : 'Transaction.End', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }],
      }],
    };
  }
}
