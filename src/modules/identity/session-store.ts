// PostgreSQL implementations of SessionStore (dashboard sessions) and OneTimeTokenStore
// (invitations, password resets). Only hashes of the tokens are stored.
import { and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import { userSessions, userTokens } from '../../infra/db/schema.js';
import type { DashboardSession, OneTimeToken, OneTimeTokenStore, SessionStore } from './ports.js';
import { newId } from './secrets.js';

function toSession(row: typeof userSessions.$inferSelect): DashboardSession {
  return { id: row.id, userId: row.userId, csrfToken: row.csrfToken, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt };
}

export function createSessionStore(): SessionStore {
  return {
    async create(ex, session) {
      const [row] = await ex.insert(userSessions).values({ id: newId('ses'), ...session }).returning();
      return toSession(row!);
    },

    async findActive(ex, tokenHash, now) {
      const [row] = await ex.select().from(userSessions)
        .where(and(eq(userSessions.tokenHash, tokenHash), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now)));
      return row ? toSession(row) : null;
    },

    async touch(ex, id, at) {
      await ex.update(userSessions).set({ lastSeenAt: at }).where(eq(userSessions.id, id));
    },

    async revoke(ex, id, at) {
      await ex.update(userSessions).set({ revokedAt: at }).where(and(eq(userSessions.id, id), isNull(userSessions.revokedAt)));
    },

    async revokeAllOf(ex, userId, at) {
      const revoked = await ex.update(userSessions).set({ revokedAt: at })
        .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt))).returning({ id: userSessions.id });
      return revoked.length;
    },
  };
}

function toToken(row: typeof userTokens.$inferSelect): OneTimeToken {
  return {
    id: row.id, kind: row.kind as OneTimeToken['kind'], tenantId: row.tenantId, userId: row.userId, email: row.email,
    role: row.role, siteIds: row.siteIds, createdBy: row.createdBy, createdAt: row.createdAt, expiresAt: row.expiresAt, usedAt: row.usedAt,
  };
}

const tokenTenantIs = (tenantId: string | null): SQL => (tenantId === null ? isNull(userTokens.tenantId) : eq(userTokens.tenantId, tenantId));

export function createOneTimeTokenStore(): OneTimeTokenStore {
  return {
    async create(ex, token) {
      const [row] = await ex.insert(userTokens).values({ id: newId(token.kind === 'invitation' ? 'inv' : 'rst'), ...token }).returning();
      return toToken(row!);
    },

    async consume(ex, kind, tokenHash, now) {
      const [row] = await ex.update(userTokens).set({ usedAt: now })
        .where(and(eq(userTokens.kind, kind), eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
        .returning();
      return row ? toToken(row) : null;
    },

    async listInvitations(ex, tenantId, now) {
      const rows = await ex.select().from(userTokens)
        .where(and(eq(userTokens.kind, 'invitation'), tokenTenantIs(tenantId), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
        .orderBy(asc(userTokens.createdAt));
      return rows.map(toToken);
    },

    async revokeInvitation(ex, tenantId, id, now) {
      const rows = await ex.update(userTokens).set({ usedAt: now, expiresAt: now })
        .where(and(eq(userTokens.kind, 'invitation'), tokenTenantIs(tenantId), eq(userTokens.id, id), isNull(userTokens.usedAt))).returning({ id: userTokens.id });
      return rows.length > 0;
    },
  };
}
