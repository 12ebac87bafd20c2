import type { OcppVersion } from '../../protocol/versions.js';
import { DomainError } from '../../shared/domain-error.js';

/**
 * Version-neutral remote-control requests turned into each version's OCPP payload. 1.6 addresses a
 * connector by one number (the domain's EVSE id; 0 = the station); 2.x by EVSE and connector.
 */

export type RemoteStart = {
  idToken: string;
  /** 2.x IdTokenEnumType; 1.6 has no type. Default for 2.x: Central (a token the CSMS vouches for). */
  idTokenType?: string;
  evseId?: number;
  chargingProfile?: unknown;
  /** 2.x only: allocated by the CSMS to correlate the session that follows. */
  remoteStartId?: number;
};

export function remoteStartPayload(version: OcppVersion, start: RemoteStart): { action: string; payload: Record<string, unknown> } {
  if (version === 'ocpp1.6') {
    return {
      action: 'RemoteStartTransaction',
      payload: {
        idTag: start.idToken,
        ...(start.evseId === undefined ? {} : { connectorId: start.evseId }),
        ...(start.chargingProfile === undefined ? {} : { chargingProfile: start.chargingProfile }),
      },
    };
  }
  if (start.remoteStartId === undefined) throw new Error('2.x remote start needs a remoteStartId');
  return {
    action: 'RequestStartTransaction',
    payload: {
      remoteStartId: start.remoteStartId,
      idToken: { idToken: start.idToken, type: start.idTokenType ?? 'Central' },
      ...(start.evseId === undefined ? {} : { evseId: start.evseId }),
      ...(start.chargingProfile === undefined ? {} : { chargingProfile: start.chargingProfile }),
    },
  };
}

export function remoteStopPayload(version: OcppVersion, externalId: string): { action: string; payload: Record<string, unknown> } {
  if (version === 'ocpp1.6') {
    const transactionId = Number(externalId);
    if (!Number.isSafeInteger(transactionId)) throw new DomainError('invalid_command', `Transaction ${externalId} is not a 1.6 transaction id`);
    return { action: 'RemoteStopTransaction', payload: { transactionId } };
  }
  return { action: 'RequestStopTransaction', payload: { transactionId: externalId } };
}

export function unlockPayload(version: OcppVersion, evseId: number, connectorId = 1): { action: string; payload: Record<string, unknown> } {
  return version === 'ocpp1.6'
    ? { action: 'UnlockConnector', payload: { connectorId: evseId } }
    : { action: 'UnlockConnector', payload: { evseId, connectorId } };
}

/** Whole station when evseId is absent; a connector of an EVSE when connectorId is given (2.x). */
export function availabilityPayload(version: OcppVersion, operative: boolean, evseId?: number, connectorId?: number): { action: string; payload: Record<string, unknown> } {
  const status = operative ? 'Operative' : 'Inoperative';
  if (version === 'ocpp1.6') return { action: 'ChangeAvailability', payload: { connectorId: evseId ?? 0, type: status } };
  const evse = evseId === undefined ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
  return { action: 'ChangeAvailability', payload: { operationalStatus: status, ...(evse ? { evse } : {}) } };
}

/**
 * Reset kinds: 1.6 knows Soft/Hard, 2.x OnIdle/Immediate. The API accepts all four: Soft and OnIdle
 * mean "when convenient, gracefully", Hard and Immediate mean "now"; each becomes its counterpart.
 */
export type ResetKind = 'Soft' | 'Hard' | 'OnIdle' | 'Immediate';

export function resetPayload(version: OcppVersion, kind: ResetKind, evseId?: number): { action: string; payload: Record<string, unknown> } {
  const now = kind === 'Hard' || kind === 'Immediate';
  if (version === 'ocpp1.6') {
    if (evseId !== undefined) throw new DomainError('invalid_command', 'OCPP 1.6 cannot reset a single EVSE');
    return { action: 'Reset', payload: { type: now ? 'Hard' : 'Soft' } };
  }
  return { action: 'Reset', payload: { type: now ? 'Immediate' : 'OnIdle', ...(evseId === undefined ? {} : { evseId }) } };
}

export function triggerPayload(version: OcppVersion, requestedMessage: string, evseId?: number, connectorId?: number): { action: string; payload: Record<string, unknown> } {
  if (version === 'ocpp1.6') {
    return { action: 'TriggerMessage', payload: { requestedMessage, ...(evseId === undefined ? {} : { connectorId: evseId }) } };
  }
  const evse = evseId === undefined ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
  return { action: 'TriggerMessage', payload: { requestedMessage, ...(evse ? { evse } : {}) } };
}
