/**
 * Local authorization lists (D01-D03; 1.6 SendLocalList), pure: the entry each member token
 * becomes, the difference between what a station should hold and what it acknowledged, and the
 * SendLocalList messages that carry that difference.
 */
import type { OcppVersion } from '../../../protocol/versions.js';
import { isOcpp201TokenType, TOKEN_VALUE_MAX, tokenStateAt, type StoredToken, type TokenState } from './token.js';

/** A list entry, version-neutral, exactly as it is sent and stored once acknowledged. */
export type LocalListEntry = {
  type: string;
  status: TokenState;
  expiresAt: string | null;
  groupIdToken: string | null;
  groupIdTokenType: string | null;
  language: string | null;
};

export type LocalListItem = { idToken: string; entry: LocalListEntry };

export function entryOf(token: StoredToken, at: Date): LocalListEntry {
  return {
    type: token.type,
    status: tokenStateAt(token, at),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    groupIdToken: token.groupIdToken,
    groupIdTokenType: token.groupIdToken ? (token.groupIdTokenType ?? 'Central') : null,
    language: token.language,
  };
}

/** Why a token cannot be put on a station of this version's list, or null when it can. */
export function unfitFor(version: OcppVersion, item: LocalListItem): string | null {
  const max = TOKEN_VALUE_MAX[version];
  if (item.idToken.length > max) return `value longer than ${max} characters (${version})`;
  if (item.entry.groupIdToken && item.entry.groupIdToken.length > max) return `group token longer than ${max} characters (${version})`;
  if (version === 'ocpp2.0.1') {
    if (!isOcpp201TokenType(item.entry.type)) return `type ${item.entry.type} does not exist in OCPP 2.0.1`;
    if (item.entry.groupIdTokenType && !isOcpp201TokenType(item.entry.groupIdTokenType)) {
      return `group token type ${item.entry.groupIdTokenType} does not exist in OCPP 2.0.1`;
    }
  }
  return null;
}

export type SkippedToken = { idToken: string; reason: string };

/**
 * Why a token limited to places (ADR 012) must stay off this station's list, or null. A list entry
 * is valid on the whole station and offline too, so a token valid only elsewhere, or only on some
 * EVSEs here (a local list cannot carry EVSE limits), is left off: the station asks the CSMS.
 */
export function placeUnfitFor(token: Pick<StoredToken, 'locations'>, stationId: string): string | null {
  const places = token.locations ?? [];
  if (places.length === 0) return null;
  const here = places.filter((place) => place.stationId === stationId);
  if (here.length === 0) return 'limited to other stations';
  if (here.some((place) => place.evseId === 0)) return null;
  return `limited to EVSE ${here.map((place) => place.evseId).sort((a, b) => a - b).join(', ')} of this station (a local list cannot carry EVSE limits)`;
}

/**
 * What a station of `version` should hold (null version: not known yet, nothing is filtered by
 * version). With `stationId`, tokens limited to places elsewhere are skipped.
 */
export function desiredList(tokens: StoredToken[], version: OcppVersion | null, at: Date, stationId?: string): { desired: Map<string, LocalListEntry>; skipped: SkippedToken[] } {
  const desired = new Map<string, LocalListEntry>();
  const skipped: SkippedToken[] = [];
  for (const token of tokens) {
    const item = { idToken: token.idToken, entry: entryOf(token, at) };
    const reason = (stationId === undefined ? null : placeUnfitFor(token, stationId)) ?? (version ? unfitFor(version, item) : null);
    if (reason) skipped.push({ idToken: token.idToken, reason });
    else desired.set(item.idToken, item.entry);
  }
  return { desired, skipped };
}

export function sameEntry(a: LocalListEntry, b: LocalListEntry): boolean {
  return a.type === b.type && a.status === b.status && a.expiresAt === b.expiresAt && a.groupIdToken === b.groupIdToken
    && a.groupIdTokenType === b.groupIdTokenType && a.language === b.language;
}

/** Removals carry the entry the station holds: 2.x names a token by value and type. */
export type LocalListDiff = { upserts: LocalListItem[]; removals: LocalListItem[] };

/** What a differential update must carry to turn `acknowledged` into `desired` (sorted, so messages are reproducible). */
export function diffLocalList(desired: ReadonlyMap<string, LocalListEntry>, acknowledged: ReadonlyMap<string, LocalListEntry>): LocalListDiff {
  const upserts: LocalListItem[] = [];
  for (const [idToken, entry] of desired) {
    const held = acknowledged.get(idToken);
    if (!held || !sameEntry(held, entry)) upserts.push({ idToken, entry });
  }
  const removals: LocalListItem[] = [];
  for (const [idToken, entry] of acknowledged) if (!desired.has(idToken)) removals.push({ idToken, entry });
  const byValue = (a: LocalListItem, b: LocalListItem): number => compare(a.idToken, b.idToken);
  upserts.sort(byValue);
  removals.sort(byValue);
  return { upserts, removals };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One SendLocalList message. `version` is the list version after it is applied. */
export type LocalListUpdate = {
  updateType: 'Full' | 'Differential';
  version: number;
  upserts: LocalListItem[];
  removals: LocalListItem[];
};

/**
 * The messages of one sync. A full update whose entries do not fit one message is a Full with the
 * first chunk followed by Differentials with the rest; each message raises the version by one, so
 * every acknowledged message leaves a consistent state even if a later one fails. An empty full
 * update is one Full without entries (TC_D_04_CSMS); an empty differential is no message at all.
 */
export function planUpdates(diff: LocalListDiff, options: { full: boolean; fromVersion: number; maxEntriesPerMessage: number }): LocalListUpdate[] {
  const max = Math.max(1, Math.floor(options.maxEntriesPerMessage));
  const items: Array<{ upsert: LocalListItem } | { removal: LocalListItem }> = [
    ...diff.upserts.map((upsert) => ({ upsert })),
    ...(options.full ? [] : diff.removals.map((removal) => ({ removal }))),
  ];
  if (!options.full && items.length === 0) return [];
  const updates: LocalListUpdate[] = [];
  let version = options.fromVersion;
  for (let start = 0; start < items.length || (options.full && start === 0); start += max) {
    const chunk = items.slice(start, start + max);
    version += 1;
    updates.push({
      updateType: options.full && start === 0 ? 'Full' : 'Differential',
      version,
      upserts: chunk.flatMap((item) => ('upsert' in item ? [item.upsert] : [])),
      removals: chunk.flatMap((item) => ('removal' in item ? [item.removal] : [])),
    });
  }
  return updates;
}
