// Queries for ID tokens (Drizzle; PGlite and PostgreSQL alike). Every query takes the tenant id.
// Token values are unique per tenant and matched case-insensitively (OCPP: IdToken/idTag are case
// insensitive): an exact match is tried first on the unique index, then a lower() comparison.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../infra/db/database.js';
import { idTokenLocations, idTokens, localListMembers } from '../../infra/db/schema.js';
import type { Page } from '../../shared/id-cursor.js';
import { afterCursor, keysetPage, parseSort, sortOrder, type Sortable } from '../../api/sorting.js';
import type { StoredToken, Token, TokenFields, TokenLocation } from './domain/token.js';

export type { Page };

export type TokenListQuery = {
  limit: number;
  cursor?: string | null;
  type?: string;
  blocked?: boolean;
  groupIdToken?: string;
  /** Part of the value or the owner, case-insensitive. */
  search?: string;
  /** `?sort=` (TOKEN_SORT); default by value. */
  sort?: string;
};

/** The token list's `?sort=` fields (ADR 037); pages are keyset pages on (field, id). */
export const TOKEN_SORT: Sortable<typeof idTokens.$inferSelect> = {
  fields: {
    idToken: { column: idTokens.idToken, kind: 'text', valueOf: (row) => row.idToken },
    type: { column: idTokens.type, kind: 'text', valueOf: (row) => row.type },
    owner: { column: sql`coalesce(${idTokens.owner}, '')`, kind: 'text', valueOf: (row) => row.owner ?? '' },
    createdAt: { column: idTokens.createdAt, kind: 'timestamp', valueOf: (row) => row.createdAt },
    updatedAt: { column: idTokens.updatedAt, kind: 'timestamp', valueOf: (row) => row.updatedAt },
  },
  id: { column: idTokens.id, kind: 'text', valueOf: (row) => row.id },
  defaultSort: 'idToken',
};

export interface TokenStore {
  /** The token with this value (case-insensitive) and the type of its group token, for a decision. */
  findForAuthorization(ex: Executor, tenantId: string, value: string): Promise<StoredToken | null>;
  get(ex: Executor, tenantId: string, id: string): Promise<Token | null>;
  /** Which of these ids are tokens of the tenant. */
  existingIds(ex: Executor, tenantId: string, ids: string[]): Promise<string[]>;
  /** Tokens whose value equals one of `values` case-insensitively. */
  findByValues(ex: Executor, tenantId: string, values: string[]): Promise<Token[]>;
  create(ex: Executor, tenantId: string, fields: TokenFields): Promise<Token>;
  update(ex: Executor, tenantId: string, id: string, patch: Partial<TokenFields>): Promise<Token | null>;
  delete(ex: Executor, tenantId: string, id: string): Promise<boolean>;
  list(ex: Executor, tenantId: string, query: TokenListQuery): Promise<Page<Token>>;
  /** Every token of the tenant, by value. */
  all(ex: Executor, tenantId: string): Promise<Token[]>;
  /** Inserts or updates (by exact value) in statements of a few hundred rows; returns the ids. */
  upsertMany(ex: Executor, tenantId: string, rows: TokenFields[]): Promise<string[]>;
  /** The stations whose local list should carry one of these tokens. */
  stationsCarrying(ex: Executor, tenantId: string, tokenIds: string[]): Promise<string[]>;
  /** The stations whose list carries a member of the group with this value (its entries name the group's type). */
  stationsCarryingGroup(ex: Executor, tenantId: string, groupValue: string): Promise<string[]>;
}

/** `tok_` + 16 hex characters. */
export const newTokenId = (): string => `tok_${randomBytes(8).toString('hex')}`;

type Row = typeof idTokens.$inferSelect;
const toToken = (row: Row): Token => ({ ...row });


const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const UPSERT_CHUNK = 500;
/** Bound parameters per statement stay far below PostgreSQL's 65535. */
const IN_LIST_CHUNK = 5000;

export function createTokenStore(): TokenStore {
  const t = idTokens;
  const byValue = (tenantId: string, value: string): SQL | undefined => and(eq(t.tenantId, tenantId), eq(t.idToken, value));
  const byValueIgnoringCase = (tenantId: string, value: string): SQL | undefined =>
    and(eq(t.tenantId, tenantId), sql`lower(${t.idToken}) = lower(${value})`);

  return {
    async findForAuthorization(ex, tenantId, value) {
      const group = alias(idTokens, 'group_token');
      // The token's places in the same statement: authorization stays one indexed read.
      const locations = sql<TokenLocation[]>`(select coalesce(json_agg(json_build_object('stationId', l.station_id, 'evseId', l.evse_id)), '[]'::json)
        from ${idTokenLocations} l where l.tenant_id = ${t.tenantId} and l.token_id = ${t.id})`;
      const query = (where: SQL | undefined) => ex.select({ token: t, groupType: group.type, locations }).from(t)
        .leftJoin(group, and(eq(group.tenantId, t.tenantId), eq(group.idToken, t.groupIdToken)))
        .where(where).limit(1);
      const exact = await query(byValue(tenantId, value));
      const [row] = exact.length > 0 ? exact : await query(byValueIgnoringCase(tenantId, value));
      if (!row) return null;
      const { id, idToken, type, groupIdToken, blocked, expiresAt, language, masterPass } = row.token;
      return { id, idToken, type, groupIdToken, blocked, expiresAt, language, masterPass, groupIdTokenType: row.groupType, locations: row.locations ?? [] };
    },

    async get(ex, tenantId, id) {
      const [row] = await ex.select().from(t).where(and(eq(t.tenantId, tenantId), eq(t.id, id)));
      return row ? toToken(row) : null;
    },

    async existingIds(ex, tenantId, ids) {
      const found: string[] = [];
      for (let start = 0; start < ids.length; start += IN_LIST_CHUNK) {
        const rows = await ex.select({ id: t.id }).from(t).where(and(eq(t.tenantId, tenantId), inArray(t.id, ids.slice(start, start + IN_LIST_CHUNK))));
        found.push(...rows.map((row) => row.id));
      }
      return found;
    },

    async findByValues(ex, tenantId, values) {
      const lowered = [...new Set(values.map((v) => v.toLowerCase()))];
      const found: Token[] = [];
      for (let start = 0; start < lowered.length; start += IN_LIST_CHUNK) {
        const chunk = lowered.slice(start, start + IN_LIST_CHUNK);
        const rows = await ex.select().from(t).where(and(eq(t.tenantId, tenantId), inArray(sql`lower(${t.idToken})`, chunk)));
        found.push(...rows.map(toToken));
      }
      return found;
    },

    async create(ex, tenantId, fields) {
      const [row] = await ex.insert(t).values({ id: newTokenId(), tenantId, ...fields }).returning();
      return toToken(row!);
    },

    async update(ex, tenantId, id, patch) {
      const [row] = await ex.update(t).set({ ...patch, updatedAt: sql`now()` })
        .where(and(eq(t.tenantId, tenantId), eq(t.id, id))).returning();
      return row ? toToken(row) : null;
    },

    async delete(ex, tenantId, id) {
      const rows = await ex.delete(t).where(and(eq(t.tenantId, tenantId), eq(t.id, id))).returning({ id: t.id });
      return rows.length > 0;
    },

    async list(ex, tenantId, query) {
      if (!Number.isInteger(query.limit) || query.limit < 1) throw new RangeError(`limit must be a positive integer, got ${query.limit}`);
      const sort = parseSort(TOKEN_SORT, query.sort);
      const rows = await ex.select().from(t).where(and(
        eq(t.tenantId, tenantId),
        afterCursor(sort, query.cursor),
        query.type !== undefined ? eq(t.type, query.type) : undefined,
        query.blocked !== undefined ? eq(t.blocked, query.blocked) : undefined,
        query.groupIdToken !== undefined ? eq(t.groupIdToken, query.groupIdToken) : undefined,
        query.search ? or(ilike(t.idToken, likePattern(query.search)), ilike(t.owner, likePattern(query.search))) : undefined,
      )).orderBy(...sortOrder(sort)).limit(query.limit + 1);
      const page = keysetPage(rows, query.limit, sort);
      return { items: page.rows.map(toToken), nextCursor: page.nextCursor };
    },

    async all(ex, tenantId) {
      return (await ex.select().from(t).where(eq(t.tenantId, tenantId)).orderBy(asc(t.idToken))).map(toToken);
    },

    async upsertMany(ex, tenantId, rows) {
      const ids: string[] = [];
      for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
        const chunk = rows.slice(start, start + UPSERT_CHUNK).map((fields) => ({ id: newTokenId(), tenantId, ...fields }));
        const set = Object.fromEntries((['type', 'groupIdToken', 'blocked', 'expiresAt', 'language', 'owner', 'masterPass'] as const)
          .map((key) => [key, sql.raw(`excluded."${t[key].name}"`)]));
        const done = await ex.insert(t).values(chunk)
          .onConflictDoUpdate({ target: [t.tenantId, t.idToken], set: { ...set, updatedAt: sql`now()` } })
          .returning({ id: t.id });
        ids.push(...done.map((row) => row.id));
      }
      return ids;
    },

    async stationsCarrying(ex, tenantId, tokenIds) {
      const m = localListMembers;
      const stations = new Set<string>();
      for (let start = 0; start < tokenIds.length; start += IN_LIST_CHUNK) {
        const rows = await ex.selectDistinct({ stationId: m.stationId }).from(m)
          .where(and(eq(m.tenantId, tenantId), inArray(m.tokenId, tokenIds.slice(start, start + IN_LIST_CHUNK))));
        for (const row of rows) stations.add(row.stationId);
      }
      return [...stations].sort();
    },

    async stationsCarryingGroup(ex, tenantId, groupValue) {
      const m = localListMembers;
      const rows = await ex.selectDistinct({ stationId: m.stationId }).from(m)
        .innerJoin(t, and(eq(t.tenantId, m.tenantId), eq(t.id, m.tokenId)))
        .where(and(eq(m.tenantId, tenantId), eq(t.groupIdToken, groupValue)))
        .orderBy(asc(m.stationId));
      return rows.map((row) => row.stationId);
    },
  };
}
