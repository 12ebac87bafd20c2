// Queries for per-station authorization settings and local lists: the desired membership
// (local_list_members) and what the station acknowledged (local_list_entries + version).
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../infra/db/database.js';
import { idTokenLocations, idTokens, localListEntries, localListMembers, stationAuthorization } from '../../infra/db/schema.js';
import type { LocalListEntry, LocalListUpdate } from './domain/local-list.js';
import type { StoredToken, TokenLocation, TokenState } from './domain/token.js';

export type StationAuthorizationSettings = {
  stationId: string;
  /** null: the station's own setting is left alone. */
  authCacheEnabled: boolean | null;
  localListEnabled: boolean;
  /** The list version the station last acknowledged; 0 when it never acknowledged one of ours. */
  localListVersion: number;
  localListSyncedAt: Date | null;
  localListSyncError: string | null;
};

export type SettingsPatch = { authCacheEnabled?: boolean | null; localListEnabled?: boolean };

export interface LocalListStore {
  getSettings(ex: Executor, tenantId: string, stationId: string): Promise<StationAuthorizationSettings | null>;
  saveSettings(ex: Executor, tenantId: string, stationId: string, patch: SettingsPatch): Promise<StationAuthorizationSettings>;
  /** The member tokens (desired list), by value. */
  listMembers(ex: Executor, tenantId: string, stationId: string): Promise<StoredToken[]>;
  /** Makes exactly these tokens the station's members. */
  replaceMembers(ex: Executor, tenantId: string, stationId: string, tokenIds: string[]): Promise<void>;
  /** What the station acknowledged, by token value. */
  listEntries(ex: Executor, tenantId: string, stationId: string): Promise<Map<string, LocalListEntry>>;
  /** A SendLocalList the station accepted: entries and version follow it, the sync error is cleared. */
  recordAccepted(ex: Executor, tenantId: string, stationId: string, update: LocalListUpdate, at: Date): Promise<void>;
  /** Why the last sync left the list pending; null once the station holds what it should. */
  setSyncError(ex: Executor, tenantId: string, stationId: string, error: string | null): Promise<void>;
}

type SettingsRow = typeof stationAuthorization.$inferSelect;
const toSettings = ({ tenantId: _tenant, ...row }: SettingsRow): StationAuthorizationSettings => row;

const TOKEN_STATES: readonly TokenState[] = ['Accepted', 'Blocked', 'Expired'];
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Reads a stored entry back; anything unexpected in the JSON degrades to a value that differs from any desired entry. */
function toEntry(json: Record<string, unknown>): LocalListEntry {
  const status = TOKEN_STATES.find((s) => s === json['status']) ?? 'Blocked';
  return {
    type: text(json['type']) ?? '',
    status,
    expiresAt: text(json['expiresAt']),
    groupIdToken: text(json['groupIdToken']),
    groupIdTokenType: text(json['groupIdTokenType']),
    language: text(json['language']),
  };
}

export function createLocalListStore(): LocalListStore {
  const s = stationAuthorization;
  const m = localListMembers;
  const l = idTokenLocations;
  const e = localListEntries;

  const ensureSettings = async (ex: Executor, tenantId: string, stationId: string): Promise<void> => {
    await ex.insert(s).values({ tenantId, stationId }).onConflictDoNothing({ target: s.stationId });
  };

  return {
    async getSettings(ex, tenantId, stationId) {
      const [row] = await ex.select().from(s).where(and(eq(s.tenantId, tenantId), eq(s.stationId, stationId)));
      return row ? toSettings(row) : null;
    },

    async saveSettings(ex, tenantId, stationId, patch) {
      await ensureSettings(ex, tenantId, stationId);
      const where = and(eq(s.tenantId, tenantId), eq(s.stationId, stationId));
      const [row] = patch.authCacheEnabled === undefined && patch.localListEnabled === undefined
        ? await ex.select().from(s).where(where)
        : await ex.update(s).set(patch).where(where).returning();
      return toSettings(row!);
    },

    async listMembers(ex, tenantId, stationId) {
      const t = idTokens;
      const group = alias(idTokens, 'group_token');
      const rows = await ex.select({
        id: t.id, idToken: t.idToken, type: t.type, groupIdToken: t.groupIdToken, blocked: t.blocked, expiresAt: t.expiresAt,
        language: t.language, masterPass: t.masterPass, groupIdTokenType: group.type,
      }).from(m)
        .innerJoin(t, and(eq(t.tenantId, m.tenantId), eq(t.id, m.tokenId)))
        .leftJoin(group, and(eq(group.tenantId, t.tenantId), eq(group.idToken, t.groupIdToken)))
        .where(and(eq(m.tenantId, tenantId), eq(m.stationId, stationId)))
        .orderBy(asc(t.idToken));
      // Where members may charge (ADR 012): a token limited to other stations is left off this list.
      const places = rows.length === 0 ? [] : await ex.select({ tokenId: l.tokenId, stationId: l.stationId, evseId: l.evseId }).from(l)
        .innerJoin(m, and(eq(m.tenantId, l.tenantId), eq(m.tokenId, l.tokenId)))
        .where(and(eq(l.tenantId, tenantId), eq(m.stationId, stationId)));
      if (places.length === 0) return rows;
      const byToken = new Map<string, TokenLocation[]>();
      for (const place of places) byToken.set(place.tokenId, [...(byToken.get(place.tokenId) ?? []), { stationId: place.stationId, evseId: place.evseId }]);
      return rows.map((row) => (byToken.has(row.id) ? { ...row, locations: byToken.get(row.id)! } : row));
    },

    async replaceMembers(ex, tenantId, stationId, tokenIds) {
      await ex.delete(m).where(and(
        eq(m.tenantId, tenantId), eq(m.stationId, stationId),
        tokenIds.length > 0 ? notInArray(m.tokenId, tokenIds) : undefined,
      ));
      if (tokenIds.length > 0) {
        await ex.insert(m).values(tokenIds.map((tokenId) => ({ tenantId, stationId, tokenId }))).onConflictDoNothing();
      }
      await ensureSettings(ex, tenantId, stationId);
    },

    async listEntries(ex, tenantId, stationId) {
      const rows = await ex.select({ idToken: e.idToken, entry: e.entry }).from(e).where(and(eq(e.tenantId, tenantId), eq(e.stationId, stationId)));
      return new Map(rows.map((row) => [row.idToken, toEntry(row.entry)]));
    },

    async recordAccepted(ex, tenantId, stationId, update, at) {
      const station = and(eq(e.tenantId, tenantId), eq(e.stationId, stationId));
      if (update.updateType === 'Full') await ex.delete(e).where(station);
      else if (update.removals.length > 0) await ex.delete(e).where(and(station, inArray(e.idToken, update.removals.map((item) => item.idToken))));
      if (update.upserts.length > 0) {
        await ex.insert(e).values(update.upserts.map((item) => ({ tenantId, stationId, idToken: item.idToken, entry: { ...item.entry }, version: update.version })))
          .onConflictDoUpdate({ target: [e.stationId, e.idToken], set: { entry: sql.raw('excluded."entry"'), version: update.version } });
      }
      await ensureSettings(ex, tenantId, stationId);
      await ex.update(s).set({ localListVersion: update.version, localListSyncedAt: at, localListSyncError: null })
        .where(and(eq(s.tenantId, tenantId), eq(s.stationId, stationId)));
    },

    async setSyncError(ex, tenantId, stationId, error) {
      await ensureSettings(ex, tenantId, stationId);
      await ex.update(s).set({ localListSyncError: error }).where(and(eq(s.tenantId, tenantId), eq(s.stationId, stationId)));
    },
  };
}
