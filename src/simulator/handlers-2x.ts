// Answers of a simulated OCPP 2.0.1 / 2.1 charging station to the CSMS's calls.
import type { Ocpp201ActionMap, Ocpp201CsmsAction } from '../protocol/ocpp201/generated/types.js';
import type { Ocpp21ActionMap, Ocpp21CsmsAction } from '../protocol/ocpp21/generated/types.js';
import { range } from './handlers-16.js';
import { followTrigger, type Setting, type SimulatorContext } from './simulator-context.js';
import { availabilityStatus } from './station-messages.js';
import { acceptStartProfile2x, profileHandlers2x } from './profile-handlers.js'; // smart charging

type Csms2xAction = Ocpp201CsmsAction & Ocpp21CsmsAction;

/** One table serves both versions: requests of either, responses both versions accept. */
type Handlers2x = {
  [A in Csms2xAction]?: (
    ctx: SimulatorContext,
    request: Ocpp201ActionMap[A]['request'] | Ocpp21ActionMap[A]['request'],
  ) => Promise<Ocpp201ActionMap[A]['response'] & Ocpp21ActionMap[A]['response']>;
};

type ComponentVariable = { component: { name: string }; variable: { name: string } };

const HEARTBEAT_VARIABLE = 'ocppcommctrlr.heartbeatinterval';

/** Component and variable names are case-insensitive (OCPP 2.0.1 part 2, 2.2). */
const variableKey = (item: ComponentVariable): string => `${item.component.name}.${item.variable.name}`.toLowerCase();

/** The device model variables a simulated 2.x station starts with (HeartbeatInterval is live). */
export function defaultSettings2x(stationId: string, securityProfile: number): Map<string, Setting> {
  return new Map<string, Setting>([
    ['sampleddatactrlr.txupdatedinterval', { value: '60', readonly: false }],
    ['authctrlr.authorizeremotestart', { value: 'false', readonly: false }],
    ['securityctrlr.identity', { value: stationId, readonly: true }],
    ['securityctrlr.securityprofile', { value: String(securityProfile), readonly: true }],
    ['devicedatactrlr.itemspermessage', { value: '32', readonly: true }],
    ['chargingstation.availabilitystate', { value: 'Available', readonly: true }],
  ]);
}

function knowsComponent(ctx: SimulatorContext, name: string): boolean {
  const prefix = `${name.toLowerCase()}.`;
  if (HEARTBEAT_VARIABLE.startsWith(prefix)) return true;
  for (const key of ctx.settings.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

function readVariable(ctx: SimulatorContext, key: string): Setting | undefined {
  if (key === HEARTBEAT_VARIABLE) return { value: String(ctx.heartbeatIntervalSeconds), readonly: false };
  return ctx.settings.get(key);
}

const inEvseRange = (ctx: SimulatorContext, evseId: number | undefined): boolean =>
  evseId === undefined || (evseId >= 0 && evseId <= ctx.connectors);

export const handlers2x: Handlers2x = {
  // Smart charging: SetChargingProfile, ClearChargingProfile, GetCompositeSchedule, GetChargingProfiles
  ...profileHandlers2x,

  Reset: async (ctx, request) => ({ status: inEvseRange(ctx, request.evseId) ? 'Accepted' : 'Rejected' }),

  ChangeAvailability: async (ctx, request) => {
    const evseId = request.evse?.id;
    if (!inEvseRange(ctx, evseId)) return { status: 'Rejected' };
    const status = availabilityStatus(request.operationalStatus === 'Operative');
    const targets = evseId === undefined || evseId === 0 ? range(ctx.connectors) : [evseId];
    ctx.afterAnswer(async () => {
      for (const id of targets) await ctx.setConnectorStatus(id, status);
    });
    return { status: 'Accepted' };
  },

  TriggerMessage: async (ctx, request) => {
    const evseId = request.evse?.id;
    if (!inEvseRange(ctx, evseId)) return { status: 'Rejected' };
    return { status: followTrigger(ctx, request.requestedMessage, evseId === 0 ? undefined : evseId, ['FirmwareStatusNotification', 'LogStatusNotification']) ? 'Accepted' : 'NotImplemented' };
  },

  GetVariables: async (ctx, request) => {
    const results = request.getVariableData.map((item) => {
      const echo = { component: item.component, variable: item.variable, ...(item.attributeType ? { attributeType: item.attributeType } : {}) };
      if (!knowsComponent(ctx, item.component.name)) return { ...echo, attributeStatus: 'UnknownComponent' as const };
      const setting = readVariable(ctx, variableKey(item));
      if (!setting) return { ...echo, attributeStatus: 'UnknownVariable' as const };
      if (item.attributeType && item.attributeType !== 'Actual') return { ...echo, attributeStatus: 'NotSupportedAttributeType' as const };
      return { ...echo, attributeStatus: 'Accepted' as const, attributeValue: setting.value };
    });
    return { getVariableResult: results } as Ocpp201ActionMap['GetVariables']['response'] & Ocpp21ActionMap['GetVariables']['response'];
  },

  SetVariables: async (ctx, request) => {
    const results = request.setVariableData.map((item) => {
      const echo = { component: item.component, variable: item.variable, ...(item.attributeType ? { attributeType: item.attributeType } : {}) };
      const key = variableKey(item);
      if (!knowsComponent(ctx, item.component.name)) return { ...echo, attributeStatus: 'UnknownComponent' as const };
      const setting = readVariable(ctx, key);
      if (!setting) return { ...echo, attributeStatus: 'UnknownVariable' as const };
      if (item.attributeType && item.attributeType !== 'Actual') return { ...echo, attributeStatus: 'NotSupportedAttributeType' as const };
      if (setting.readonly) return { ...echo, attributeStatus: 'Rejected' as const };
      if (key === HEARTBEAT_VARIABLE) {
        const seconds = Number(item.attributeValue);
        if (!Number.isInteger(seconds) || seconds < 0) return { ...echo, attributeStatus: 'Rejected' as const };
        ctx.setHeartbeatInterval(seconds);
      } else {
        ctx.settings.set(key, { value: item.attributeValue, readonly: false });
      }
      return { ...echo, attributeStatus: 'Accepted' as const };
    });
    return { setVariableResult: results } as Ocpp201ActionMap['SetVariables']['response'] & Ocpp21ActionMap['SetVariables']['response'];
  },

  UnlockConnector: async (ctx, request) =>
    ({ status: request.evseId >= 1 && request.evseId <= ctx.connectors && request.connectorId === 1 ? 'Unlocked' : 'UnknownConnector' }),
  ClearCache: async () => ({ status: 'Accepted' }),
  DataTransfer: async () => ({ status: 'UnknownVendorId' }),
  GetLocalListVersion: async () => ({ versionNumber: 0 }),

  // AuthorizeRemoteStart is false: the token is taken as authorized (F01.FR.02 allows either).
  RequestStartTransaction: async (ctx, request) => {
    if (request.evseId !== undefined && !inEvseRange(ctx, request.evseId)) return { status: 'Rejected' };
    if (!acceptStartProfile2x(ctx, request.evseId, request.chargingProfile)) return { status: 'Rejected' };
    const decision = ctx.sessions.remoteStart({
      idToken: request.idToken.idToken, idTokenType: request.idToken.type, remoteStartId: request.remoteStartId,
      ...(request.evseId ? { connectorId: request.evseId } : {}),
      ...(request.groupIdToken ? { groupIdToken: request.groupIdToken.idToken } : {}),
    });
    if (decision.accepted) ctx.afterAnswer(decision.followUp);
    return { status: decision.accepted ? 'Accepted' : 'Rejected' };
  },

  RequestStopTransaction: async (ctx, request) => {
    const decision = ctx.sessions.remoteStop(request.transactionId);
    if (decision.accepted) ctx.afterAnswer(decision.followUp);
    return { status: decision.accepted ? 'Accepted' : 'Rejected' };
  },

  ReserveNow: async (ctx, request) => {
    if (request.evseId !== undefined && !inEvseRange(ctx, request.evseId)) return { status: 'Rejected' };
    const { status, followUp } = ctx.sessions.reserve({
      id: request.id, idToken: request.idToken.idToken, expiresAt: new Date(request.expiryDateTime),
      ...(request.evseId ? { connectorId: request.evseId } : {}),
      ...(request.groupIdToken ? { groupIdToken: request.groupIdToken.idToken } : {}),
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
