// The 1.6 messages of local lists and authorization settings (Local Auth List Management profile).
import type {
  ChangeConfigurationRequest, GetLocalListVersionResponse, SendLocalListRequest,
} from '../../../protocol/ocpp16/generated/types.js';
import type { LocalListItem, LocalListUpdate } from '../domain/local-list.js';

type ListEntry16 = NonNullable<SendLocalListRequest['localAuthorizationList']>[number];

function listEntry16({ idToken, entry }: LocalListItem): ListEntry16 {
  return {
    idTag: idToken,
    idTagInfo: {
      status: entry.status,
      ...(entry.expiresAt ? { expiryDate: entry.expiresAt } : {}),
      ...(entry.groupIdToken ? { parentIdTag: entry.groupIdToken } : {}),
    },
  };
}

/** A removal is an entry without idTagInfo (differential updates only). */
export function sendLocalList16(update: LocalListUpdate): SendLocalListRequest {
  const list: ListEntry16[] = [...update.upserts.map(listEntry16), ...update.removals.map((item) => ({ idTag: item.idToken }))];
  return { listVersion: update.version, updateType: update.updateType, ...(list.length > 0 ? { localAuthorizationList: list } : {}) };
}

/** -1 means that the charge point does not support local lists (TC_042_1_CSMS). */
export function localListVersion16(response: GetLocalListVersionResponse): number | null {
  return response.listVersion < 0 ? null : response.listVersion;
}

export const AUTH_CACHE_KEY_16 = 'AuthorizationCacheEnabled';
export const LOCAL_LIST_KEY_16 = 'LocalAuthListEnabled';

export function changeConfiguration16(key: string, enabled: boolean): ChangeConfigurationRequest {
  return { key, value: String(enabled) };
}
