// Outbound OCPP calls of this module, whatever the station's version: each picks the version's
// payload builder, sends through a StationCall (the command log, so every message is on record)
// and reads the answer back into domain terms. Nothing here throws for a station's behaviour:
// everything that is not an answer becomes a CallFailure.
import type { CallOutcome } from '../../protocol/call-outcome.js';
import type * as V16 from '../../protocol/ocpp16/generated/types.js';
import type * as V21 from '../../protocol/ocpp21/generated/types.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { LocalListUpdate } from './domain/local-list.js';
import type { StationCommands } from './station-ports.js';
import {
  AUTH_CACHE_KEY_16, LOCAL_LIST_KEY_16, changeConfiguration16, localListVersion16, sendLocalList16,
} from './ocpp16/local-list-messages.js';
import {
  AUTH_CACHE_COMPONENT, LOCAL_LIST_COMPONENT, localListVersion2x, sendLocalList2x, setEnabledVariables, setVariableStatuses,
} from './ocpp2x/local-list-messages.js';

export type CallFailure = { ok: false; status: 'Offline' | 'Timeout' | 'NotSupported' | 'CallError' | 'InvalidResponse' | 'Busy' | 'InvalidRequest'; detail: string };
type Answer<T> = ({ ok: true } & T) | CallFailure;

/** What an outcome that is not a result means; a CALLERROR NotSupported/NotImplemented is NotSupported. */
export function failureOf(outcome: Exclude<CallOutcome, { kind: 'result' }>): CallFailure {
  switch (outcome.kind) {
    case 'offline': return { ok: false, status: 'Offline', detail: 'station not connected' };
    case 'timeout': return { ok: false, status: 'Timeout', detail: `no answer within ${outcome.timeoutMs} ms` };
    case 'busy': return { ok: false, status: 'Busy', detail: `${outcome.queued} calls already queued` };
    case 'invalid-response': return { ok: false, status: 'InvalidResponse', detail: `response does not match the schema (${outcome.code})` };
    case 'invalid-request': return { ok: false, status: 'InvalidRequest', detail: `request does not match the schema (${outcome.code})` };
    case 'error': {
      const notSupported = outcome.code === 'NotSupported' || outcome.code === 'NotImplemented';
      return { ok: false, status: notSupported ? 'NotSupported' : 'CallError', detail: `${outcome.wireCode}: ${outcome.description}` };
    }
  }
}

/** Sends one CSMS-initiated message to one station and gives back what became of it. */
export type StationCall = (action: string, payload: unknown) => Promise<CallOutcome>;

/** A StationCall through the command log, on behalf of `requestedBy` (an API key id or 'system:<job>'). */
export function commandCaller(commands: StationCommands, tenantId: string, stationId: string, requestedBy: string | null): StationCall {
  return async (action, payload) => (await commands.send({ tenantId, stationId, action, payload, requestedBy })).outcome;
}

async function call<T>(send: StationCall, action: string, payload: unknown): Promise<Answer<{ payload: T }>> {
  const outcome = await send(action, payload);
  // The engine validated the response against the version's schema: its shape is T.
  return outcome.kind === 'result' ? { ok: true, payload: outcome.payload as T } : failureOf(outcome);
}

export type SendLocalListStatus = 'Accepted' | 'Failed' | 'NotSupported' | 'VersionMismatch';

export async function sendLocalList(send: StationCall, version: OcppVersion, update: LocalListUpdate): Promise<Answer<{ status: SendLocalListStatus }>> {
  const answer = version === 'ocpp1.6'
    ? await call<V16.SendLocalListResponse>(send, 'SendLocalList', sendLocalList16(update))
    : await call<V21.SendLocalListResponse>(send, 'SendLocalList', sendLocalList2x(update));
  return answer.ok ? { ok: true, status: answer.payload.status } : answer;
}

/** The station's list version; null when it reports that it has no local list support (1.6: -1). */
export async function getLocalListVersion(send: StationCall, version: OcppVersion): Promise<Answer<{ listVersion: number | null }>> {
  if (version === 'ocpp1.6') {
    const answer = await call<V16.GetLocalListVersionResponse>(send, 'GetLocalListVersion', {});
    return answer.ok ? { ok: true, listVersion: localListVersion16(answer.payload) } : answer;
  }
  const answer = await call<V21.GetLocalListVersionResponse>(send, 'GetLocalListVersion', {});
  return answer.ok ? { ok: true, listVersion: localListVersion2x(answer.payload) } : answer;
}

export type AuthorizationSetting = 'authCacheEnabled' | 'localListEnabled';
/** The station's answer to one setting: its status (Accepted, Rejected, RebootRequired, NotSupported, UnknownComponent, ...) or why there is none. */
export type SettingResult = { setting: AuthorizationSetting; status: string; detail: string | null };

/**
 * 1.6: ChangeConfiguration AuthorizationCacheEnabled / LocalAuthListEnabled, one message each.
 * 2.x: one SetVariables with AuthCacheCtrlr.Enabled / LocalAuthListCtrlr.Enabled.
 */
export async function applySettings(
  send: StationCall, version: OcppVersion, settings: Array<{ setting: AuthorizationSetting; enabled: boolean }>,
): Promise<SettingResult[]> {
  if (settings.length === 0) return [];
  if (version === 'ocpp1.6') {
    const results: SettingResult[] = [];
    for (const { setting, enabled } of settings) {
      const key = setting === 'authCacheEnabled' ? AUTH_CACHE_KEY_16 : LOCAL_LIST_KEY_16;
      const answer = await call<V16.ChangeConfigurationResponse>(send, 'ChangeConfiguration', changeConfiguration16(key, enabled));
      results.push(answer.ok ? { setting, status: answer.payload.status, detail: null } : { setting, status: answer.status, detail: answer.detail });
    }
    return results;
  }
  const componentOf = (setting: AuthorizationSetting): string => (setting === 'authCacheEnabled' ? AUTH_CACHE_COMPONENT : LOCAL_LIST_COMPONENT);
  const request = setEnabledVariables(settings.map(({ setting, enabled }) => ({ component: componentOf(setting), enabled })));
  const answer = await call<V21.SetVariablesResponse>(send, 'SetVariables', request);
  if (!answer.ok) return settings.map(({ setting }) => ({ setting, status: answer.status, detail: answer.detail }));
  const statuses = setVariableStatuses(answer.payload);
  return settings.map(({ setting }) => ({ setting, status: statuses.get(componentOf(setting)) ?? 'NoAnswer', detail: null }));
}
