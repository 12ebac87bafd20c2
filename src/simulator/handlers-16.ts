// Answers of a simulated OCPP 1.6 charge point to the Central System's calls.
import type { Ocpp16ActionMap, Ocpp16CsmsAction } from '../protocol/ocpp16/generated/types.js';
import { followTrigger, type Setting, type SimulatorContext } from './simulator-context.js';
import { availabilityStatus } from './station-messages.js';
import { acceptStartProfile16, profileHandlers16 } from './profile-handlers.js'; // smart charging

type Handlers16 = {
  [A in Ocpp16CsmsAction]?: (ctx: SimulatorContext, request: Ocpp16ActionMap[A]['request']) => Promise<Ocpp16ActionMap[A]['response']>;
};

const HEARTBEAT_KEY = 'HeartbeatInterval';

/** The configuration keys a simulated 1.6 charge point starts with (HeartbeatInterval is live). */
export function defaultSettings16(connectors: number): Map<string, Setting> {
  return new Map<string, Setting>([
    ['NumberOfConnectors', { value: String(connectors), readonly: true }],
    ['SupportedFeatureProfiles', { value: 'Core,RemoteTrigger,Reservation,SmartCharging', readonly: true }],
    ['MeterValueSampleInterval', { value: '60', readonly: false }],
    ['ConnectionTimeOut', { value: '60', readonly: false }],
    ['AuthorizeRemoteTxRequests', { value: 'false', readonly: false }],
  ]);
}

function readKey(ctx: SimulatorContext, key: string): Setting | undefined {
  if (key === HEARTBEAT_KEY) return { value: String(ctx.heartbeatIntervalSeconds), readonly: false };
  return ctx.settings.get(key);
}

export const handlers16: Handlers16 = {
  // Smart charging: SetChargingProfile, ClearChargingProfile, GetCompositeSchedule
  ...profileHandlers16,

  Reset: async () => ({ status: 'Accepted' }),

  ChangeAvailability: async (ctx, request) => {
    const status = availabilityStatus(request.type === 'Operative');
    const targets = request.connectorId === 0 ? [0, ...range(ctx.connectors)] : [request.connectorId];
    if (targets.some((id) => id < 0 || id > ctx.connectors)) return { status: 'Rejected' };
    ctx.afterAnswer(async () => {
      for (const id of targets) await ctx.setConnectorStatus(id, status);
    });
    return { status: 'Accepted' };
  },

  TriggerMessage: async (ctx, request) => {
    const connectorId = request.connectorId;
    if (connectorId !== undefined && (connectorId < 0 || connectorId > ctx.connectors)) return { status: 'Rejected' };
    return { status: followTrigger(ctx, request.requestedMessage, connectorId, ['DiagnosticsStatusNotification', 'FirmwareStatusNotification']) ? 'Accepted' : 'NotImplemented' };
  },

  GetConfiguration: async (ctx, request) => {
    const keys = request.key && request.key.length > 0 ? request.key : [HEARTBEAT_KEY, ...ctx.settings.keys()];
    const configurationKey: Array<{ key: string; readonly: boolean; value: string }> = [];
    const unknownKey: string[] = [];
    for (const key of keys) {
      const setting = readKey(ctx, key);
      if (setting) configurationKey.push({ key, readonly: setting.readonly, value: setting.value });
      else unknownKey.push(key);
    }
    return unknownKey.length > 0 ? { configurationKey, unknownKey } : { configurationKey };
  },

  ChangeConfiguration: async (ctx, request) => {
    if (request.key === HEARTBEAT_KEY) {
      const seconds = Number(request.value);
      if (!Number.isInteger(seconds) || seconds < 0) return { status: 'Rejected' };
      ctx.setHeartbeatInterval(seconds);
      return { status: 'Accepted' };
    }
    const existing = ctx.settings.get(request.key);
    if (existing?.readonly) return { status: 'Rejected' };
    // A permissive simulator: unknown keys are kept, so any CSMS configuration flow can be exercised.
    ctx.settings.set(request.key, { value: request.value, readonly: false });
    return { status: 'Accepted' };
  },

  UnlockConnector: async (ctx, request) =>
    ({ status: request.connectorId >= 1 && request.connectorId <= ctx.connectors ? 'Unlocked' : 'NotSupported' }),
  ClearCache: async () => ({ status: 'Accepted' }),
  DataTransfer: async () => ({ status: 'UnknownVendorId' }),
  GetLocalListVersion: async () => ({ listVersion: 0 }),

  // AuthorizeRemoteTxRequests is false: the idTag is taken as authorized (1.6 §5.11).
  RemoteStartTransaction: async (ctx, request) => {
    if (request.connectorId !== undefined && (request.connectorId < 1 || request.connectorId > ctx.connectors)) return { status: 'Rejected' };
    if (!acceptStartProfile16(ctx, request.connectorId, request.chargingProfile)) return { status: 'Rejected' };
    const decision = ctx.sessions.remoteStart({ idToken: request.idTag, ...(request.connectorId !== undefined ? { connectorId: request.connectorId } : {}) });
    if (decision.accepted) ctx.afterAnswer(decision.followUp);
    return { status: decision.accepted ? 'Accepted' : 'Rejected' };
  },

  RemoteStopTransaction: async (ctx, request) => {
    const decision = ctx.sessions.remoteStop(request.transactionId);
    if (decision.accepted) ctx.afterAnswer(decision.followUp);
    return { status: decision.accepted ? 'Accepted' : 'Rejected' };
  },

  ReserveNow: async (ctx, request) => {
    if (request.connectorId < 0 || request.connectorId > ctx.connectors) return { status: 'Rejected' };
    const { status, followUp } = ctx.sessions.reserve({
      id: request.reservationId, idToken: request.idTag, expiresAt: new Date(request.expiryDate),
      ...(request.connectorId > 0 ? { connectorId: request.connectorId } : {}),
      ...(request.parentIdTag !== undefined ? { groupIdToken: request.parentIdTag } : {}),
    });
    ctx.afterAnswer(followUp);
    return { status };
  },

  CancelReservation: async (ctx, request) => {
    const { accepted, followUp } = ctx.sessions.cancelReservation(request.reservationId);
    ctx.afterAnswer(followUp);
    return { status: accepted ? 'Accepted' : 'Rejected' };
  },
};

export function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
