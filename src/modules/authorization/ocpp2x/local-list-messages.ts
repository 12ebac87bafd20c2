// The 2.x messages of local lists (D01-D03) and authorization settings (AuthCacheCtrlr, LocalAuthListCtrlr).
import type {
  GetLocalListVersionResponse, SendLocalListRequest, SetVariablesRequest, SetVariablesResponse,
} from '../../../protocol/ocpp21/generated/types.js';
import type { LocalListItem, LocalListUpdate } from '../domain/local-list.js';

type AuthorizationData = NonNullable<SendLocalListRequest['localAuthorizationList']>[number];

function authorizationData({ idToken, entry }: LocalListItem): AuthorizationData {
  return {
    idToken: { idToken, type: entry.type },
    idTokenInfo: {
      status: entry.status,
      ...(entry.expiresAt ? { cacheExpiryDateTime: entry.expiresAt } : {}),
      ...(entry.groupIdToken ? { groupIdToken: { idToken: entry.groupIdToken, type: entry.groupIdTokenType ?? 'Central' } } : {}),
      ...(entry.language ? { language1: entry.language } : {}),
    },
  };
}

/**
 * Built with 2.1's types, of which 2.0.1's are a subset here: entries a 2.0.1 station cannot
 * carry (2.1 token types, long values) are filtered out before (`unfitFor`). A removal is an
 * entry without idTokenInfo; an empty list is left out (the schema wants at least one item).
 */
export function sendLocalList2x(update: LocalListUpdate): SendLocalListRequest {
  const list: AuthorizationData[] = [
    ...update.upserts.map(authorizationData),
    ...update.removals.map((item) => ({ idToken: { idToken: item.idToken, type: item.entry.type } })),
  ];
  return { versionNumber: update.version, updateType: update.updateType, ...(list.length > 0 ? { localAuthorizationList: list } : {}) };
}

export function localListVersion2x(response: GetLocalListVersionResponse): number {
  return response.versionNumber;
}

export const AUTH_CACHE_COMPONENT = 'AuthCacheCtrlr';
export const LOCAL_LIST_COMPONENT = 'LocalAuthListCtrlr';

export function setEnabledVariables(settings: Array<{ component: string; enabled: boolean }>): SetVariablesRequest {
  return {
    setVariableData: settings.map(({ component, enabled }) => ({
      component: { name: component }, variable: { name: 'Enabled' }, attributeValue: String(enabled),
    })),
  };
}

/** The station's answer per component name. */
export function setVariableStatuses(response: SetVariablesResponse): Map<string, string> {
  return new Map(response.setVariableResult.map((result) => [result.component.name, result.attributeStatus]));
}
